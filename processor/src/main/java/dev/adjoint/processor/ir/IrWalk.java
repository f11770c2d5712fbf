package dev.adjoint.processor.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Visits every statement of a body, outer before inner, in source order. */
public final class IrWalk {
  private IrWalk() {}

  public static void statements(Stmt stmt, Consumer<Stmt> visitor) {
    visitor.accept(stmt);
    for (Stmt child : stmt.accept(NESTED_STATEMENTS)) {
      statements(child, visitor);
    }
  }

  /** Visits every expression node below {@code expr}, itself included, parents first. */
  public static void expressions(Expr expr, Consumer<Expr> visitor) {
    visitor.accept(expr);
    for (Expr child : expr.accept(OPERANDS)) {
      expressions(child, visitor);
    }
  }

  /** The variable an array expression ({@code x}, {@code m[i]}, ...) ultimately reads. */
  public static Variable root(Expr array) {
    if (array instanceof Expr.VarRef r) {
      return r.variable();
    }
    if (array instanceof Expr.ArrayRead a) {
      return root(a.array());
    }
    return null;
  }

  /** The expressions a statement evaluates directly (not those of nested statements). */
  public static void ownExpressions(Stmt stmt, Consumer<Expr> visitor) {
    stmt.accept(OWN_EXPRESSIONS).forEach(visitor);
  }

  /** The statements directly inside a statement, in source order. */
  public static List<Stmt> nestedStatements(Stmt stmt) {
    return stmt.accept(NESTED_STATEMENTS);
  }

  /** The direct operands of an expression, in evaluation order. */
  public static List<Expr> operands(Expr expr) {
    return expr.accept(OPERANDS);
  }

  private static final Stmt.Visitor<List<Stmt>> NESTED_STATEMENTS = new Stmt.Visitor<>() {
    @Override
    public List<Stmt> visitAssign(Stmt.Assign node) {
      return List.of();
    }

    @Override
    public List<Stmt> visitArrayWrite(Stmt.ArrayWrite node) {
      return List.of();
    }

    @Override
    public List<Stmt> visitEval(Stmt.Eval node) {
      return List.of();
    }

    @Override
    public List<Stmt> visitBlock(Stmt.Block node) {
      return node.stmts();
    }

    @Override
    public List<Stmt> visitIf(Stmt.If node) {
      return List.of(node.thenPart(), node.elsePart());
    }

    @Override
    public List<Stmt> visitLoop(Stmt.Loop node) {
      List<Stmt> nested = new ArrayList<>();
      nested.add(node.body());
      nested.addAll(node.update());
      return nested;
    }

    @Override
    public List<Stmt> visitBreak(Stmt.Break node) {
      return List.of();
    }

    @Override
    public List<Stmt> visitContinue(Stmt.Continue node) {
      return List.of();
    }

    @Override
    public List<Stmt> visitReturn(Stmt.Return node) {
      return List.of();
    }

    @Override
    public List<Stmt> visitThrow(Stmt.Throw node) {
      return List.of();
    }

    @Override
    public List<Stmt> visitAccumulate(Stmt.Accumulate node) {
      return List.of();
    }

    @Override
    public List<Stmt> visitComment(Stmt.Comment node) {
      return List.of();
    }

    @Override
    public List<Stmt> visitPush(Stmt.Push node) {
      return List.of();
    }

    @Override
    public List<Stmt> visitIncrement(Stmt.Increment node) {
      return List.of();
    }

    @Override
    public List<Stmt> visitIndexLoop(Stmt.IndexLoop node) {
      return List.of(node.body());
    }
  };

  private static final Stmt.Visitor<List<Expr>> OWN_EXPRESSIONS = new Stmt.Visitor<>() {
    @Override
    public List<Expr> visitAssign(Stmt.Assign node) {
      return List.of(node.value());
    }

    @Override
    public List<Expr> visitArrayWrite(Stmt.ArrayWrite node) {
      return List.of(node.array(), node.index(), node.value());
    }

    @Override
    public List<Expr> visitEval(Stmt.Eval node) {
      return List.of(node.expr());
    }

    @Override
    public List<Expr> visitBlock(Stmt.Block node) {
      return List.of();
    }

    @Override
    public List<Expr> visitIf(Stmt.If node) {
      return List.of(node.condition());
    }

    @Override
    public List<Expr> visitLoop(Stmt.Loop node) {
      return node.condition() == null ? List.of() : List.of(node.condition());
    }

    @Override
    public List<Expr> visitBreak(Stmt.Break node) {
      return List.of();
    }

    @Override
    public List<Expr> visitContinue(Stmt.Continue node) {
      return List.of();
    }

    @Override
    public List<Expr> visitReturn(Stmt.Return node) {
      return List.of();
    }

    @Override
    public List<Expr> visitThrow(Stmt.Throw node) {
      return List.of(node.exception());
    }

    @Override
    public List<Expr> visitAccumulate(Stmt.Accumulate node) {
      return List.of(node.target(), node.value());
    }

    @Override
    public List<Expr> visitComment(Stmt.Comment node) {
      return List.of();
    }

    @Override
    public List<Expr> visitPush(Stmt.Push node) {
      return List.of(node.tape(), node.value());
    }

    @Override
    public List<Expr> visitIncrement(Stmt.Increment node) {
      return List.of();
    }

    @Override
    public List<Expr> visitIndexLoop(Stmt.IndexLoop node) {
      return List.of(node.from(), node.bound());
    }
  };

  private static final Expr.Visitor<List<Expr>> OPERANDS = new Expr.Visitor<>() {
    @Override
    public List<Expr> visitLiteral(Expr.Literal node) {
      return List.of();
    }

    @Override
    public List<Expr> visitVarRef(Expr.VarRef node) {
      return List.of();
    }

    @Override
    public List<Expr> visitFieldRef(Expr.FieldRef node) {
      return node.receiver() == null ? List.of() : List.of(node.receiver());
    }

    @Override
    public List<Expr> visitBinary(Expr.Binary node) {
      return List.of(node.left(), node.right());
    }

    @Override
    public List<Expr> visitUnary(Expr.Unary node) {
      return List.of(node.operand());
    }

    @Override
    public List<Expr> visitCast(Expr.Cast node) {
      return List.of(node.operand());
    }

    @Override
    public List<Expr> visitConditional(Expr.Conditional node) {
      return List.of(node.condition(), node.whenTrue(), node.whenFalse());
    }

    @Override
    public List<Expr> visitCall(Expr.Call node) {
      if (node.receiver() == null) {
        return node.args();
      }
      List<Expr> operands = new ArrayList<>();
      operands.add(node.receiver());
      operands.addAll(node.args());
      return operands;
    }

    @Override
    public List<Expr> visitArrayRead(Expr.ArrayRead node) {
      return List.of(node.array(), node.index());
    }

    @Override
    public List<Expr> visitArrayLength(Expr.ArrayLength node) {
      return List.of(node.array());
    }

    @Override
    public List<Expr> visitNewArray(Expr.NewArray node) {
      return node.dimensions();
    }

    @Override
    public List<Expr> visitAdjointCall(Expr.AdjointCall node) {
      return node.args();
    }

    @Override
    public List<Expr> visitTangentCall(Expr.TangentCall node) {
      return node.args();
    }

    @Override
    public List<Expr> visitIntrinsic(Expr.Intrinsic node) {
      return node.args();
    }

    @Override
    public List<Expr> visitNewObject(Expr.NewObject node) {
      return node.args();
    }
  };
}
