package dev.adjoint.processor.cleanup;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;

/**
 * Compares index expressions of the same array, evaluated with the same variable values:
 * whether they are the same expression, and whether they provably differ ({@code e + 1} and
 * {@code e}, {@code e - 1} and {@code e + 2}: int arithmetic wraps, so a non-zero constant
 * difference below 2^32 never vanishes).
 */
final class IndexForms {
  private IndexForms() {}

  /** Whether {@code a} and {@code b} are the same expression, whatever source they came from. */
  static boolean same(Expr a, Expr b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof Expr.VarRef x && b instanceof Expr.VarRef y) {
      return x.variable() == y.variable();
    }
    if (a instanceof Expr.Literal x && b instanceof Expr.Literal y) {
      return x.type().kind() == y.type().kind() && x.text().equals(y.text());
    }
    if (a instanceof Expr.Binary x && b instanceof Expr.Binary y) {
      return x.op() == y.op() && same(x.left(), y.left()) && same(x.right(), y.right());
    }
    if (a instanceof Expr.Unary x && b instanceof Expr.Unary y) {
      return x.op() == y.op() && same(x.operand(), y.operand());
    }
    if (a instanceof Expr.ArrayRead x && b instanceof Expr.ArrayRead y) {
      return same(x.array(), y.array()) && same(x.index(), y.index());
    }
    if (a instanceof Expr.ArrayLength x && b instanceof Expr.ArrayLength y) {
      return same(x.array(), y.array());
    }
    return false;
  }

  /** Whether the {@code int} values of {@code a} and {@code b} can never be equal. */
  static boolean differ(Expr a, Expr b) {
    Offset x = offset(a);
    Offset y = offset(b);
    return x != null && y != null && (x.constant - y.constant) % (1L << 32) != 0
        && same(x.base, y.base);
  }

  /** {@code base + constant}; a null base stands for 0. */
  private record Offset(Expr base, long constant) {}

  private static Offset offset(Expr e) {
    if (e.type().kind() != IrType.Kind.INT) {
      return null;
    }
    Long literal = intLiteral(e);
    if (literal != null) {
      return new Offset(null, literal);
    }
    if (e instanceof Expr.Binary b && (b.op() == BinaryOp.PLUS || b.op() == BinaryOp.MINUS)) {
      Long right = intLiteral(b.right());
      if (right != null) {
        return new Offset(b.left(), b.op() == BinaryOp.PLUS ? right : -right);
      }
      Long left = intLiteral(b.left());
      if (left != null && b.op() == BinaryOp.PLUS) {
        return new Offset(b.right(), left);
      }
    }
    return new Offset(e, 0);
  }

  private static Long intLiteral(Expr e) {
    if (e instanceof Expr.Literal l && l.type().kind() == IrType.Kind.INT) {
      try {
        return Long.parseLong(l.text());
      } catch (NumberFormatException notDecimal) {
        return null;
      }
    }
    return null;
  }
}
