package dev.adjoint.processor.analysis;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.Stmt;
import java.util.function.Consumer;

/** Visits every statement of a body, outer before inner, in source order. */
public final class IrWalk {
  private IrWalk() {}

  public static void statements(Stmt stmt, Consumer<Stmt> visitor) {
    visitor.accept(stmt);
    if (stmt instanceof Stmt.Block b) {
      b.stmts().forEach(s -> statements(s, visitor));
    } else if (stmt instanceof Stmt.If i) {
      statements(i.thenPart(), visitor);
      statements(i.elsePart(), visitor);
    } else if (stmt instanceof Stmt.Loop l) {
      statements(l.body(), visitor);
      l.update().forEach(s -> statements(s, visitor));
    }
  }

  /** Visits every expression node below {@code expr}, itself included, parents first. */
  public static void expressions(Expr expr, Consumer<Expr> visitor) {
    visitor.accept(expr);
    if (expr instanceof Expr.Binary b) {
      expressions(b.left(), visitor);
      expressions(b.right(), visitor);
    } else if (expr instanceof Expr.Unary u) {
      expressions(u.operand(), visitor);
    } else if (expr instanceof Expr.Cast c) {
      expressions(c.operand(), visitor);
    } else if (expr instanceof Expr.Conditional c) {
      expressions(c.condition(), visitor);
      expressions(c.whenTrue(), visitor);
      expressions(c.whenFalse(), visitor);
    } else if (expr instanceof Expr.Call c) {
      if (c.receiver() != null) {
        expressions(c.receiver(), visitor);
      }
      c.args().forEach(a -> expressions(a, visitor));
    } else if (expr instanceof Expr.NewObject n) {
      n.args().forEach(a -> expressions(a, visitor));
    } else if (expr instanceof Expr.ArrayRead a) {
      expressions(a.array(), visitor);
      expressions(a.index(), visitor);
    } else if (expr instanceof Expr.ArrayLength l) {
      expressions(l.array(), visitor);
    } else if (expr instanceof Expr.NewArray n) {
      n.dimensions().forEach(d -> expressions(d, visitor));
    } else if (expr instanceof Expr.FieldRef f && f.receiver() != null) {
      expressions(f.receiver(), visitor);
    }
  }

  /** The variable an array expression ({@code x}, {@code m[i]}, ...) ultimately reads. */
  public static dev.adjoint.processor.ir.Variable root(Expr array) {
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
    if (stmt instanceof Stmt.Assign a) {
      visitor.accept(a.value());
    } else if (stmt instanceof Stmt.ArrayWrite w) {
      visitor.accept(w.array());
      visitor.accept(w.index());
      visitor.accept(w.value());
    } else if (stmt instanceof Stmt.Eval e) {
      visitor.accept(e.expr());
    } else if (stmt instanceof Stmt.If i) {
      visitor.accept(i.condition());
    } else if (stmt instanceof Stmt.Loop l && l.condition() != null) {
      visitor.accept(l.condition());
    } else if (stmt instanceof Stmt.Throw t) {
      visitor.accept(t.exception());
    }
  }
}
