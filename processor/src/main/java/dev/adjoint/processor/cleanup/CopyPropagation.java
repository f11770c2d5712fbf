package dev.adjoint.processor.cleanup;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.StmtRewrite;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Two clean-ups of adjoint IR that remove a declared temporary by putting its value where it is
 * read, in one straight-line sequence of statements:
 *
 * <ul>
 *   <li>a copy {@code double v = w;} of a double variable {@code w}, when neither {@code v} nor
 *       {@code w} is assigned afterwards: every later read of {@code v} reads {@code w};
 *   <li>a single-use temporary {@code double t = e;} read once, by the very next statement, a
 *       simple one without effects: {@code e} is evaluated there instead, when {@code e} is
 *       itself a double expression without effects (its only calls pure ones), so that
 *       evaluating it later gives the same value.
 * </ul>
 */
final class CopyPropagation {
  private CopyPropagation() {}

  /** {@code code} with copies and single-use temporaries propagated; itself if none is. */
  static List<Stmt> apply(List<Stmt> code, Set<Variable> liveOut,
      Predicate<Expr.Call> pureCall) {
    List<Stmt> out = new ArrayList<>(code);
    boolean changed = false;
    for (int i = 0; i < out.size(); i++) {
      if (!(out.get(i) instanceof Stmt.Assign a) || !a.declaration()
          || !Uses.isLocal(a.target(), liveOut)) {
        continue;
      }
      Variable v = a.target();
      List<Stmt> rest = out.subList(i + 1, out.size());
      if (isCopy(a) && !writtenIn(rest, v)
          && !writtenIn(rest, ((Expr.VarRef) a.value()).variable())) {
        replaceReads(rest, v, a.value());
        out.remove(i--);
        changed = true;
      } else if (isSingleUse(a, rest, pureCall)) {
        rest.set(0, StmtRewrite.substitute(rest.get(0), v, a.value()));
        out.remove(i--);
        changed = true;
      }
    }
    return changed ? List.copyOf(out) : code;
  }

  private static boolean isCopy(Stmt.Assign a) {
    return a.value() instanceof Expr.VarRef r && r.variable() != a.target()
        && r.variable().type().kind() == IrType.Kind.DOUBLE && !r.variable().type().isArray();
  }

  private static boolean isSingleUse(Stmt.Assign a, List<Stmt> rest,
      Predicate<Expr.Call> pureCall) {
    if (rest.isEmpty() || a.value().type().kind() != IrType.Kind.DOUBLE
        || !Uses.isPure(a.value(), pureCall)) {
      return false;
    }
    Stmt next = rest.get(0);
    boolean simple = next instanceof Stmt.Assign || next instanceof Stmt.Accumulate
        || next instanceof Stmt.ArrayWrite || next instanceof Stmt.Eval;
    if (!simple || !Uses.isPure(next, pureCall) || Uses.count(next, a.target()) != 1) {
      return false;
    }
    for (int j = 1; j < rest.size(); j++) {
      if (Uses.mentions(rest.get(j), a.target())) {
        return false;
      }
    }
    return !Uses.writes(next, a.target());
  }

  private static boolean writtenIn(List<Stmt> code, Variable v) {
    for (Stmt s : code) {
      if (Uses.writes(s, v)) {
        return true;
      }
    }
    return false;
  }

  private static void replaceReads(List<Stmt> code, Variable v, Expr replacement) {
    for (int j = 0; j < code.size(); j++) {
      if (Uses.reads(code.get(j), v)) {
        code.set(j, StmtRewrite.substitute(code.get(j), v, replacement));
      }
    }
  }
}
