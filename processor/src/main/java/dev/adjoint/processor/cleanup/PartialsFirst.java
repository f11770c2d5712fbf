package dev.adjoint.processor.cleanup;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Rewrite;
import dev.adjoint.processor.ir.UnaryOp;
import java.util.function.Predicate;

/**
 * Re-associates a product of an adjoint and partial derivatives so that the partials multiply
 * among themselves first: {@code (a * p) * q}, where {@code a} may hold an adjoint and
 * {@code p}, {@code q} are primal {@code double} values, is {@code a * (p * q)}; {@code (-a) * q}
 * is {@code -(a * q)} (exact) on the way. The chain rule's local Jacobians multiply first, as a
 * hand-written gradient and Tapenade do, and the adjoint is multiplied once per link: when it
 * is subnormal (a long product of factors below one), each multiplication with it takes a slow
 * microcode assist (issue 15: 78 % of a 10⁴-step recurrence's reverse steps).
 *
 * <p>Not bit-identical: {@code (a * p) * q} and {@code a * (p * q)} round differently (the same
 * derivative to rounding). Where {@code p * q} overflows (or underflows) and {@code (a * p) * q}
 * does not, the results differ beyond rounding; partial derivatives that large are rare, and
 * the original association has the mirror case. Only pure products are re-ordered, as the order
 * of evaluation changes.
 */
final class PartialsFirst {
  private final AdjointFlow flow;
  private final Predicate<Expr.Call> pureCall;

  PartialsFirst(AdjointFlow flow, Predicate<Expr.Call> pureCall) {
    this.flow = flow;
    this.pureCall = pureCall;
  }

  /** {@code e}, at any depth, with the partials of each adjoint product multiplied first. */
  Expr apply(Expr e) {
    Expr inner = Rewrite.operands(e, this::apply);
    if (!(inner instanceof Expr.Binary b) || b.op() != BinaryOp.TIMES || !isDouble(b)
        || !isDouble(b.left()) || !isDouble(b.right()) || !Uses.isPure(b, pureCall)) {
      return inner;
    }
    boolean leftCarries = flow.carries(b.left());
    boolean rightCarries = flow.carries(b.right());
    if (leftCarries == rightCarries) {
      return inner;
    }
    Expr adjoint = leftCarries ? b.left() : b.right();
    Expr partial = leftCarries ? b.right() : b.left();
    Expr joined = join(adjoint, partial);
    return joined != null ? joined : inner;
  }

  /** {@code adjoint * partial} re-associated, or null if it is not a product to re-order. */
  private Expr join(Expr adjoint, Expr partial) {
    if (adjoint instanceof Expr.Unary u && u.op() == UnaryOp.NEGATE && isDouble(u.operand())) {
      return new Expr.Unary(UnaryOp.NEGATE, apply(times(u.operand(), partial)), IrType.DOUBLE,
          null);
    }
    if (!(adjoint instanceof Expr.Binary inner) || inner.op() != BinaryOp.TIMES
        || !isDouble(inner.left()) || !isDouble(inner.right())) {
      return null;
    }
    boolean leftCarries = flow.carries(inner.left());
    if (leftCarries == flow.carries(inner.right())) {
      return null;
    }
    Expr a = leftCarries ? inner.left() : inner.right();
    Expr p = leftCarries ? inner.right() : inner.left();
    return times(a, times(p, partial));
  }

  private static Expr times(Expr left, Expr right) {
    return new Expr.Binary(BinaryOp.TIMES, left, right, IrType.DOUBLE, null);
  }

  private static boolean isDouble(Expr e) {
    return e.type() != null && e.type().kind() == IrType.Kind.DOUBLE && !e.type().isArray();
  }
}
