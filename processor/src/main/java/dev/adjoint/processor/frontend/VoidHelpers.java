package dev.adjoint.processor.frontend;

import dev.adjoint.processor.ir.IrType;

/**
 * A void helper that writes into its arrays ({@code static void rhs(double[] y, double[] dydt)})
 * is lowered as a method returning the double 0: its adjoint entry point then has the layout of
 * every other ({@code abi.AdjointAbi}), its seed is never read, and it returns 0.
 */
final class VoidHelpers {
  private VoidHelpers() {}

  /** The type of the variable that receives what the method returns. */
  static IrType resultType(IrType returned) {
    return returned.kind() == IrType.Kind.VOID ? IrType.DOUBLE : returned;
  }
}
