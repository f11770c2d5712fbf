package dev.adjoint.processor.transform;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.rules.MathCalls;

/**
 * The adjoint of a square {@code x * x} (a local or an array element read twice, the same value
 * both times): one contribution {@code 2.0 * (s * x)} to {@code x}'s adjoint, the derivative
 * {@code 2x} of a square, instead of the product rule's two contributions {@code s * x}.
 *
 * <p>{@code 2.0 * (s * x)} is bit for bit {@code s * x + s * x} (doubling is exact), so where the
 * two contributions were summed first nothing changes ({@code t1Adj = valueAdj * t1 + valueAdj
 * * t1}); where each was accumulated into the adjoint on its own ({@code xAdj - a - a}, issue 15:
 * the extended Rosenbrock's {@code x[2i] * x[2i]}) the adjoint now takes one subtraction, one
 * rounding fewer ({@code xAdj - 2.0 * a}): the same derivative to within rounding, as
 * forward mode's tangent of a square ({@code 2.0 * (l * l̇)}). Compiled code then has one
 * subtraction fewer on each iteration's critical path (the Rosenbrock p = 10 gradient: 9 % less
 * time in {@code bench RosenbrockCallVariants}).
 */
final class Squares {
  private Squares() {}

  /** Whether {@code b} multiplies a local, or a pure array element, by itself. */
  static boolean isSquare(Expr.Binary b) {
    return b.op() == BinaryOp.TIMES && b.type().equals(IrType.DOUBLE)
        && (b.left() instanceof Expr.VarRef
            || b.left() instanceof Expr.ArrayRead && SameValue.isPure(b.left()))
        && SameValue.same(b.left(), b.right());
  }

  /** {@code 2.0 * contribution}. */
  static Expr twice(Expr contribution) {
    return MathCalls.times(MathCalls.num(2), contribution);
  }
}
