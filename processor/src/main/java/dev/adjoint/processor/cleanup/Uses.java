package dev.adjoint.processor.cleanup;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** What statements of adjoint IR read and write, for the clean-up passes. */
final class Uses {
  private Uses() {}

  /** Whether {@code s}, or a statement inside it, reads {@code v} ({@code v += e} reads it). */
  static boolean reads(Stmt s, Variable v) {
    return count(s, v) > 0;
  }

  /** How many reads of {@code v} there are in {@code s} and the statements inside it. */
  static int count(Stmt s, Variable v) {
    int[] n = {0};
    IrWalk.statements(s, inner -> IrWalk.ownExpressions(inner, e -> n[0] += count(e, v)));
    return n[0];
  }

  static int count(Expr e, Variable v) {
    int[] n = {0};
    IrWalk.expressions(e, x -> n[0] += x instanceof Expr.VarRef r && r.variable() == v ? 1 : 0);
    return n[0];
  }

  /** Whether {@code s}, or a statement inside it, assigns {@code v}. */
  static boolean writes(Stmt s, Variable v) {
    boolean[] found = {false};
    IrWalk.statements(s, inner -> found[0] |= writesItself(inner, v));
    return found[0];
  }

  private static boolean writesItself(Stmt s, Variable v) {
    return s instanceof Stmt.Assign a && a.target() == v
        || s instanceof Stmt.Accumulate acc && acc.target() instanceof Expr.VarRef r
            && r.variable() == v
        || s instanceof Stmt.Increment i && i.counter() == v
        || s instanceof Stmt.IndexLoop l && l.index() == v;
  }

  static boolean mentions(Stmt s, Variable v) {
    return reads(s, v) || writes(s, v);
  }

  /** Whether any of {@code code} from index {@code from} on mentions {@code v}. */
  static boolean mentionedFrom(List<Stmt> code, int from, Variable v) {
    for (int i = from; i < code.size(); i++) {
      if (mentions(code.get(i), v)) {
        return true;
      }
    }
    return false;
  }

  /** Whether any of {@code code} from index {@code from} on reads {@code v}. */
  static boolean readFrom(List<Stmt> code, int from, Variable v) {
    for (int i = from; i < code.size(); i++) {
      if (reads(code.get(i), v)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether evaluating {@code e} has no effect and depends on nothing but variables and array
   * elements: no tape, no allocation, and no call but those {@code pureCall} accepts (calls that
   * give the same result whenever they are evaluated, as {@code Math.cos}).
   */
  static boolean isPure(Expr e, Predicate<Expr.Call> pureCall) {
    boolean[] pure = {true};
    IrWalk.expressions(e, x -> pure[0] &= x instanceof Expr.Call c ? pureCall.test(c)
        : !(x instanceof Expr.AdjointCall || x instanceof Expr.Intrinsic
            || x instanceof Expr.NewArray || x instanceof Expr.NewObject));
    return pure[0];
  }

  /** Whether {@code s}'s own expressions and those inside it are all pure. */
  static boolean isPure(Stmt s, Predicate<Expr.Call> pureCall) {
    boolean[] pure = {true};
    IrWalk.statements(s, inner -> {
      pure[0] &= !(inner instanceof Stmt.Push);
      IrWalk.ownExpressions(inner, e -> pure[0] &= isPure(e, pureCall));
    });
    return pure[0];
  }

  /**
   * A variable the passes may rewrite: a scalar double the transformation introduced (an
   * adjoint or a scratch value), which nothing after the code reads.
   */
  static boolean isLocal(Variable v, Set<Variable> liveOut) {
    return (v.origin() == Variable.Origin.ADJOINT || v.origin() == Variable.Origin.SCRATCH)
        && v.type().kind() == IrType.Kind.DOUBLE && !liveOut.contains(v);
  }
}
