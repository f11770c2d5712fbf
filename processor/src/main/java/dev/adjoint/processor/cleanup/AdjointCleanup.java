package dev.adjoint.processor.cleanup;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.StmtRewrite;
import dev.adjoint.processor.ir.Variable;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The clean-up passes over adjoint IR before it is printed, as Tangent's optimisations: each
 * straight-line sequence of statements, inner ones first, is rewritten by
 * {@link ClearThenAccumulate}, {@link AssignThenAccumulate}, {@link CopyPropagation} and
 * {@link DeadStores} until none applies.
 * Every pass computes the same values in fewer statements, and touches only scalar adjoints and
 * scratch values: never the original's variables, records or the tape. The generated code's
 * first-order sweep is guarded by {@link ZeroAdjointGuard} as it is printed.
 */
public final class AdjointCleanup {
  private static final int MAX_ROUNDS = 16;

  private AdjointCleanup() {}

  /**
   * {@code code}, a method's outermost sequence of statements, cleaned up; {@code liveOut} are
   * the variables read after it.
   */
  public static List<Stmt> apply(List<Stmt> code, Set<Variable> liveOut) {
    return apply(code, liveOut, call -> false);
  }

  /**
   * As {@link #apply(List, Set)}, where the calls {@code pureCall} accepts may be moved and
   * dropped: they give the same result wherever they are evaluated, and do nothing else.
   */
  public static List<Stmt> apply(List<Stmt> code, Set<Variable> liveOut,
      Predicate<Expr.Call> pureCall) {
    return PartialProducts.apply(sequence(code, liveOut, true, pureCall), liveOut, pureCall);
  }

  /**
   * As {@link #apply(List, Set, Predicate)}, then summing the shares into one adjoint element
   * in a local ({@link ElementSums}), holding primal elements read more than once in locals
   * ({@link ElementLoads}) and folding negations ({@link Negations}); {@code scratch} creates a
   * fresh {@code double} local.
   */
  public static List<Stmt> apply(List<Stmt> code, Set<Variable> liveOut,
      Predicate<Expr.Call> pureCall, Function<String, Variable> scratch) {
    List<Stmt> summed = ElementSums.apply(apply(code, liveOut, pureCall), pureCall, scratch);
    return Negations.apply(ElementLoads.apply(summed, pureCall, scratch), liveOut, pureCall);
  }

  private static List<Stmt> sequence(List<Stmt> code, Set<Variable> liveOut, boolean outermost,
      Predicate<Expr.Call> pureCall) {
    List<Stmt> current = code.stream().map(s -> StmtRewrite.apply(s, e -> e,
        inner -> sequence(inner, liveOut, false, pureCall))).toList();
    for (int round = 0; round < MAX_ROUNDS; round++) {
      List<Stmt> next = ClearThenAccumulate.apply(current);
      next = AssignThenAccumulate.apply(next, pureCall);
      next = CopyPropagation.apply(next, liveOut, pureCall);
      next = DeadStores.apply(next, liveOut, outermost, pureCall);
      if (next == current) {
        break;
      }
      current = next;
    }
    return current;
  }
}
