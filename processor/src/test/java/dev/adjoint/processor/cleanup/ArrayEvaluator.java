package dev.adjoint.processor.cleanup;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.UnaryOp;
import dev.adjoint.processor.ir.Variable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates scalar and array IR with index loops and branches, enough for the clean-up tests:
 * doubles, ints and double arrays (copied from the inputs, so a run never changes them).
 */
final class ArrayEvaluator {
  private final Map<Variable, Object> values = new HashMap<>();

  static Map<Variable, Object> run(List<Stmt> code, Map<Variable, Object> inputs) {
    ArrayEvaluator e = new ArrayEvaluator();
    inputs.forEach((k, v) -> e.values.put(k, v instanceof double[] a ? a.clone() : v));
    code.forEach(e::exec);
    return e.values;
  }

  private void exec(Stmt s) {
    if (s instanceof Stmt.Assign a) {
      values.put(a.target(), eval(a.value()));
    } else if (s instanceof Stmt.Accumulate a && a.target() instanceof Expr.VarRef r) {
      values.put(r.variable(), (Double) values.get(r.variable()) + (Double) eval(a.value()));
    } else if (s instanceof Stmt.Accumulate a && a.target() instanceof Expr.ArrayRead r) {
      double[] array = (double[]) eval(r.array());
      array[(Integer) eval(r.index())] += (Double) eval(a.value());
    } else if (s instanceof Stmt.ArrayWrite a) {
      ((double[]) eval(a.array()))[(Integer) eval(a.index())] = (Double) eval(a.value());
    } else if (s instanceof Stmt.If f) {
      ((Boolean) eval(f.condition()) ? f.thenPart() : f.elsePart()).stmts().forEach(this::exec);
    } else if (s instanceof Stmt.IndexLoop l) {
      int bound = (Integer) eval(l.bound());
      for (int k = (Integer) eval(l.from()); l.down() ? k > bound : k < bound;
          k += l.down() ? -1 : 1) {
        values.put(l.index(), k);
        l.body().stmts().forEach(this::exec);
      }
    } else if (!(s instanceof Stmt.Comment)) {
      throw new IllegalArgumentException("not evaluated here: " + s);
    }
  }

  private Object eval(Expr e) {
    if (e instanceof Expr.Literal l) {
      return l.type().kind() == IrType.Kind.INT ? (Object) Integer.parseInt(l.text())
          : (Object) Double.parseDouble(l.text());
    }
    if (e instanceof Expr.VarRef r) {
      return values.get(r.variable());
    }
    if (e instanceof Expr.ArrayLength n) {
      return ((double[]) eval(n.array())).length;
    }
    if (e instanceof Expr.ArrayRead r) {
      return ((double[]) eval(r.array()))[(Integer) eval(r.index())];
    }
    if (e instanceof Expr.Unary u && u.op() == UnaryOp.NEGATE) {
      return -(Double) eval(u.operand());
    }
    Expr.Binary b = (Expr.Binary) e;
    Object left = eval(b.left());
    Object right = eval(b.right());
    if (left instanceof Integer l && right instanceof Integer r) {
      return switch (b.op()) {
        case MINUS -> l - r;
        case PLUS -> l + r;
        case TIMES -> l * r;
        default -> throw new IllegalArgumentException("not evaluated here: " + e);
      };
    }
    double l = (Double) left;
    double r = (Double) right;
    return switch (b.op()) {
      case TIMES -> l * r;
      case PLUS -> l + r;
      case MINUS -> l - r;
      case DIVIDE -> l / r;
      case NOT_EQUAL -> l != r;
      default -> throw new IllegalArgumentException("not evaluated here: " + e);
    };
  }
}
