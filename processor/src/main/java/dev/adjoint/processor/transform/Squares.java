package dev.adjoint.processor.transform;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.rules.MathCalls;

/**
 * The adjoint of a square {@code x * x} (a local or an array element read twice, the same value
 * both times): one contribution {@code s * (x + x)} to {@code x}'s adjoint, the derivative
 * {@code 2x} of a square, instead of the product rule's two contributions {@code s * x}.
 *
 * <p>{@code s * (x + x)} is {@code s * x + s * x} to the bit (doubling is exact) unless
 * {@code x + x} overflows or {@code s * x} is subnormal, so where the two contributions were
 * summed first nothing changes ({@code t1Adj = valueAdj * t1 + valueAdj * t1}); where each was
 * accumulated into the adjoint on its own ({@code xAdj - a - a}, issue 15: the extended
 * Rosenbrock's {@code x[2i] * x[2i]}) the adjoint now takes one subtraction, one rounding fewer
 * ({@code xAdj - s * (x + x)}): the same derivative to within rounding, as forward mode's
 * tangent of a square. Compiled code has one subtraction fewer on each iteration's critical
 * path, and the doubling, off that path, is an addition: {@code 2.0 * (s * x)} multiplies by a
 * constant loaded from memory, which made p = 100 and 1000 4 to 6 % slower where
 * {@code s * (x + x)} is 3 to 7 % faster than the two contributions at p = 10, 100 and 1000
 * ({@code bench RosenbrockCallVariants}, "sqAdd" and "sqOuter").
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

  /** {@code x + x}: the square's derivative, exactly. */
  static Expr doubled(Expr x) {
    return MathCalls.plus(x, x);
  }
}
