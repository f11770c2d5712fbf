package dev.adjoint.processor.cleanup;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.StmtRewrite;
import dev.adjoint.processor.ir.Variable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Removes every store to a scalar adjoint or scratch value that nothing in the method reads
 * (nor after it): its declaration and its clears in loops, as {@code sinAdj = 0.0} once
 * {@link PartialProducts} has carried its only contribution to where it was read. Only stores of
 * values without effect go.
 */
final class UnreadLocals {
  private UnreadLocals() {}

  /** {@code code}, a method's outermost sequence, without stores nothing reads. */
  static List<Stmt> apply(List<Stmt> code, Set<Variable> liveOut,
      Predicate<Expr.Call> pureCall) {
    Set<Variable> read = new HashSet<>();
    code.forEach(s -> IrWalk.statements(s, inner -> {
      IrWalk.ownExpressions(inner, e -> IrWalk.expressions(e, x -> {
        if (x instanceof Expr.VarRef r) {
          read.add(r.variable());
        }
      }));
      if (inner instanceof Stmt.Assign a && !Uses.isPure(a.value(), pureCall)) {
        read.add(a.target()); // kept, so its declaration must stay too
      }
    }));
    return list(code, v -> Uses.isLocal(v, liveOut) && !read.contains(v), pureCall);
  }

  private static List<Stmt> list(List<Stmt> code, Predicate<Variable> unread,
      Predicate<Expr.Call> pureCall) {
    return code.stream()
        .filter(s -> !(s instanceof Stmt.Assign a && unread.test(a.target())
            && Uses.isPure(a.value(), pureCall)))
        .map(s -> StmtRewrite.apply(s, e -> e, inner -> list(inner, unread, pureCall)))
        .toList();
  }
}
