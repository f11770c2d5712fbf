package dev.adjoint.processor.transform;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.RuleTable;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether two expressions of a fused loop body compute the same value: the same expression
 * (whatever source it came from), and nothing it reads written between the two evaluations.
 * {@link FusedBody} uses it to drop what the reverse part would recompute.
 */
public final class SameValue {
  private SameValue() {}

  /** Whether {@code a} and {@code b} are the same expression, trees aside. */
  public static boolean same(Expr a, Expr b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof Expr.VarRef x && b instanceof Expr.VarRef y) {
      return x.variable() == y.variable();
    }
    if (a instanceof Expr.Literal x && b instanceof Expr.Literal y) {
      return x.type().equals(y.type()) && x.text().equals(y.text());
    }
    if (a instanceof Expr.Binary x && b instanceof Expr.Binary y) {
      return x.op() == y.op() && x.type().equals(y.type()) && same(x.left(), y.left())
          && same(x.right(), y.right());
    }
    if (a instanceof Expr.Unary x && b instanceof Expr.Unary y) {
      return x.op() == y.op() && x.type().equals(y.type()) && same(x.operand(), y.operand());
    }
    if (a instanceof Expr.Cast x && b instanceof Expr.Cast y) {
      return x.type().equals(y.type()) && same(x.operand(), y.operand());
    }
    if (a instanceof Expr.Conditional x && b instanceof Expr.Conditional y) {
      return same(x.condition(), y.condition()) && same(x.whenTrue(), y.whenTrue())
          && same(x.whenFalse(), y.whenFalse());
    }
    if (a instanceof Expr.ArrayRead x && b instanceof Expr.ArrayRead y) {
      return same(x.array(), y.array()) && same(x.index(), y.index());
    }
    if (a instanceof Expr.ArrayLength x && b instanceof Expr.ArrayLength y) {
      return same(x.array(), y.array());
    }
    if (a instanceof Expr.FieldRef x && b instanceof Expr.FieldRef y) {
      return x.field().equals(y.field()) && same(x.receiver(), y.receiver());
    }
    if (a instanceof Expr.Call x && b instanceof Expr.Call y) {
      return x.method().equals(y.method()) && same(x.receiver(), y.receiver())
          && same(x.args(), y.args());
    }
    return false;
  }

  /** Whether the two lists are the same expressions, pairwise. */
  static boolean same(List<Expr> a, List<Expr> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!same(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether evaluating {@code e} has no effect and depends only on variables, array elements
   * and calls that give the same result wherever they are evaluated.
   */
  public static boolean isPure(Expr e) {
    boolean[] pure = {true};
    IrWalk.expressions(e, x -> pure[0] &= x instanceof Expr.Call c ? RuleTable.isPure(c.method())
        : !(x instanceof Expr.AdjointCall || x instanceof Expr.TangentCall
            || x instanceof Expr.Intrinsic || x instanceof Expr.NewArray
            || x instanceof Expr.NewObject));
    return pure[0];
  }

  /** Whether {@code e} reads an array element or a field (state a statement may change). */
  static boolean readsMemory(Expr e) {
    boolean[] found = {false};
    IrWalk.expressions(e, x -> found[0] |= x instanceof Expr.ArrayRead
        || x instanceof Expr.FieldRef);
    return found[0];
  }

  /** The variables {@code e} reads. */
  static Set<Variable> reads(Expr e) {
    Set<Variable> out = new LinkedHashSet<>();
    IrWalk.expressions(e, x -> {
      if (x instanceof Expr.VarRef r) {
        out.add(r.variable());
      }
    });
    return out;
  }

  /**
   * Whether {@code code} may change an array element or a field: it writes an element, or
   * evaluates something that is not pure (a call, a pop into an array).
   */
  static boolean mayWriteMemory(List<Stmt> code) {
    boolean[] found = {false};
    for (Stmt stmt : code) {
      IrWalk.statements(stmt, s -> {
        found[0] |= s instanceof Stmt.ArrayWrite || s instanceof Stmt.Eval
            || s instanceof Stmt.Accumulate acc && !(acc.target() instanceof Expr.VarRef);
        IrWalk.ownExpressions(s, e -> found[0] |= !isPure(e) && !isPop(e));
      });
    }
    return found[0];
  }

  /** A scalar pop off the tape, which changes the tape and nothing else. */
  private static boolean isPop(Expr e) {
    return e instanceof Expr.Intrinsic i && i.op() == Expr.Intrinsic.Op.POP;
  }
}
