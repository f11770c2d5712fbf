package dev.adjoint.processor.transform;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.List;

/**
 * Where the forward sweep keeps one value for the reverse sweep: a local of its own where the
 * code runs at most once per call, the tape inside loops.
 */
final class Slot {
  private final Variable local;
  private final Variable tape;

  private Slot(Variable local, Variable tape) {
    this.local = local;
    this.tape = tape;
  }

  static Slot local(Variable local) {
    return new Slot(local, null);
  }

  /** A tape slot; {@code local} names the value once the reverse sweep has popped it. */
  static Slot onTape(Variable local, Variable tape) {
    return new Slot(local, tape);
  }

  boolean onTape() {
    return tape != null;
  }

  Variable local() {
    return local;
  }

  IrType type() {
    return local.type();
  }

  /** Records {@code value}: assigns the local, or pushes it on the tape. */
  Stmt write(Expr value) {
    return tape == null ? new Stmt.Assign(local, value, false, null)
        : new Stmt.Push(new Expr.VarRef(tape), value);
  }

  static boolean canTape(IrType type) {
    return type.isPrimitive() || type.isArray();
  }

  /** The recorded value: the local, or a pop off the tape (evaluate it once). */
  Expr value() {
    return tape == null ? new Expr.VarRef(local) : pop(tape, local.type());
  }

  /** The last value of {@code type} pushed on {@code tape}, popped. */
  static Expr pop(Variable tape, IrType type) {
    return new Expr.Intrinsic(Expr.Intrinsic.Op.POP, List.of(new Expr.VarRef(tape)), type);
  }
}
