package dev.adjoint.processor.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Rebuilds expressions with their operands rewritten; an unchanged node is kept as it is. */
public final class Rewrite {
  private Rewrite() {}

  /** {@code e} with {@code f} applied to each direct operand, or {@code e} if none changes. */
  public static Expr operands(Expr e, UnaryOperator<Expr> f) {
    return e.accept(new Operands(f));
  }

  private static List<Expr> all(List<Expr> es, UnaryOperator<Expr> f) {
    List<Expr> out = new ArrayList<>(es.size());
    boolean changed = false;
    for (Expr e : es) {
      Expr r = f.apply(e);
      changed |= r != e;
      out.add(r);
    }
    return changed ? out : es;
  }

  private record Operands(UnaryOperator<Expr> f) implements Expr.Visitor<Expr> {
    private Expr apply(Expr e) {
      return e == null ? null : f.apply(e);
    }

    @Override
    public Expr visitLiteral(Expr.Literal node) {
      return node;
    }

    @Override
    public Expr visitVarRef(Expr.VarRef node) {
      return node;
    }

    @Override
    public Expr visitFieldRef(Expr.FieldRef n) {
      Expr receiver = apply(n.receiver());
      return receiver == n.receiver() ? n
          : new Expr.FieldRef(n.field(), receiver, n.type(), n.tree());
    }

    @Override
    public Expr visitBinary(Expr.Binary n) {
      Expr l = apply(n.left());
      Expr r = apply(n.right());
      return l == n.left() && r == n.right() ? n
          : new Expr.Binary(n.op(), l, r, n.type(), n.tree());
    }

    @Override
    public Expr visitUnary(Expr.Unary n) {
      Expr o = apply(n.operand());
      return o == n.operand() ? n : new Expr.Unary(n.op(), o, n.type(), n.tree());
    }

    @Override
    public Expr visitCast(Expr.Cast n) {
      Expr o = apply(n.operand());
      return o == n.operand() ? n : new Expr.Cast(n.type(), o, n.tree());
    }

    @Override
    public Expr visitConditional(Expr.Conditional n) {
      Expr c = apply(n.condition());
      Expr t = apply(n.whenTrue());
      Expr e = apply(n.whenFalse());
      return c == n.condition() && t == n.whenTrue() && e == n.whenFalse() ? n
          : new Expr.Conditional(c, t, e, n.type(), n.tree());
    }

    @Override
    public Expr visitCall(Expr.Call n) {
      Expr receiver = apply(n.receiver());
      List<Expr> args = all(n.args(), f);
      return receiver == n.receiver() && args == n.args() ? n
          : new Expr.Call(n.method(), receiver, args, n.type(), n.tree());
    }

    @Override
    public Expr visitArrayRead(Expr.ArrayRead n) {
      Expr array = apply(n.array());
      Expr index = apply(n.index());
      return array == n.array() && index == n.index() ? n
          : new Expr.ArrayRead(array, index, n.type(), n.tree());
    }

    @Override
    public Expr visitArrayLength(Expr.ArrayLength n) {
      Expr array = apply(n.array());
      return array == n.array() ? n : new Expr.ArrayLength(array, n.tree());
    }

    @Override
    public Expr visitNewArray(Expr.NewArray n) {
      List<Expr> dimensions = all(n.dimensions(), f);
      return dimensions == n.dimensions() ? n
          : new Expr.NewArray(n.type(), dimensions, n.tree());
    }

    @Override
    public Expr visitNewObject(Expr.NewObject n) {
      List<Expr> args = all(n.args(), f);
      return args == n.args() ? n : new Expr.NewObject(n.objectType(), args, n.type(), n.tree());
    }

    @Override
    public Expr visitAdjointCall(Expr.AdjointCall n) {
      List<Expr> args = all(n.args(), f);
      return args == n.args() ? n : new Expr.AdjointCall(n.callee(), args, n.type(), n.tree());
    }

    @Override
    public Expr visitTangentCall(Expr.TangentCall node) {
      List<Expr> args = all(node.args(), f);
      return args == node.args() ? node
          : new Expr.TangentCall(node.callee(), args, node.type(), node.tree(),
              node.ofAdjoint());
    }

    @Override
    public Expr visitIntrinsic(Expr.Intrinsic n) {
      List<Expr> args = all(n.args(), f);
      return args == n.args() ? n : new Expr.Intrinsic(n.op(), args, n.type(), n.tree());
    }
  }
}
