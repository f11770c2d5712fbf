package dev.adjoint.processor.cleanup;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Removes stores that nothing reads, in one straight-line sequence of statements: a declaration
 * {@code double t = e;} of a temporary nothing after it mentions, and, in the method's outermost
 * sequence (after which only the variables in {@code liveOut} are read), an assignment
 * {@code t = e;} that nothing after it reads; {@code e} must be without effect (no call, no tape).
 * A comment left describing nothing goes too.
 */
final class DeadStores {
  private DeadStores() {}

  /** {@code code} without its dead stores; itself if it has none. */
  static List<Stmt> apply(List<Stmt> code, Set<Variable> liveOut, boolean outermost,
      Predicate<Expr.Call> pureCall) {
    List<Stmt> out = new ArrayList<>(code);
    boolean changed = false;
    for (int i = out.size() - 1; i >= 0; i--) {
      if (out.get(i) instanceof Stmt.Assign a && Uses.isLocal(a.target(), liveOut)
          && Uses.isPure(a.value(), pureCall) && isDead(a, out, i + 1, outermost)) {
        out.remove(i);
        changed = true;
      }
    }
    for (int i = out.size() - 1; i >= 0; i--) {
      boolean describesNothing = i + 1 == out.size() || out.get(i + 1) instanceof Stmt.Comment;
      if (out.get(i) instanceof Stmt.Comment && describesNothing) {
        out.remove(i);
        changed = true;
      }
    }
    return changed ? List.copyOf(out) : code;
  }

  private static boolean isDead(Stmt.Assign a, List<Stmt> code, int from, boolean outermost) {
    if (a.declaration()) {
      return !Uses.mentionedFrom(code, from, a.target());
    }
    return outermost && !Uses.readFrom(code, from, a.target());
  }
}
