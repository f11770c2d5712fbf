package dev.adjoint.processor.codegen;

import dev.adjoint.processor.ir.Expr;

/**
 * Java's operator precedence of IR expressions, from {@link #PRIMARY} (a name, a call, an element
 * read) down to {@link #CONDITIONAL}: the printer parenthesises an operand that binds less
 * tightly than its place requires.
 */
final class Precedence {
  static final int PRIMARY = 15;
  static final int PREFIX = 13;
  static final int CONDITIONAL = 2;

  private Precedence() {}

  /** How tightly {@code e} binds. */
  static int of(Expr e) {
    return e.accept(PRECEDENCE);
  }

  /** How tightly each expression binds, as Java's operator precedence. */
  private static final Expr.Visitor<Integer> PRECEDENCE = new Expr.Visitor<>() {
    @Override
    public Integer visitLiteral(Expr.Literal node) {
      return node.text().startsWith("-") ? PREFIX : PRIMARY;
    }

    @Override
    public Integer visitVarRef(Expr.VarRef node) {
      return PRIMARY;
    }

    @Override
    public Integer visitFieldRef(Expr.FieldRef node) {
      return PRIMARY;
    }

    @Override
    public Integer visitBinary(Expr.Binary node) {
      return node.op().precedence();
    }

    @Override
    public Integer visitUnary(Expr.Unary node) {
      return PREFIX;
    }

    @Override
    public Integer visitCast(Expr.Cast node) {
      return PREFIX;
    }

    @Override
    public Integer visitConditional(Expr.Conditional node) {
      return CONDITIONAL;
    }

    @Override
    public Integer visitCall(Expr.Call node) {
      return PRIMARY;
    }

    @Override
    public Integer visitArrayRead(Expr.ArrayRead node) {
      return PRIMARY;
    }

    @Override
    public Integer visitArrayLength(Expr.ArrayLength node) {
      return PRIMARY;
    }

    @Override
    public Integer visitNewArray(Expr.NewArray node) {
      return PRIMARY;
    }

    @Override
    public Integer visitNewObject(Expr.NewObject node) {
      return PRIMARY;
    }

    @Override
    public Integer visitAdjointCall(Expr.AdjointCall node) {
      return PRIMARY;
    }

    @Override
    public Integer visitTangentCall(Expr.TangentCall node) {
      return PRIMARY;
    }

    @Override
    public Integer visitIntrinsic(Expr.Intrinsic node) {
      return PRIMARY;
    }
  };
}
