package dev.adjoint.processor.forward;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.rules.DerivativeRule;
import dev.adjoint.processor.rules.PullbackRule;
import dev.adjoint.processor.rules.RuleTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;

/**
 * The tangent of a reverse sweep's call to a {@code @Pullback}, {@code f̄(x, s, x̄)}, which adds
 * {@code s·∇f(x)} into the adjoint arrays {@code x̄}. Along {@code (ẋ, ṡ)} its tangent adds
 * {@code s·H·ẋ + ṡ·∇f(x)} into the tangents of {@code x̄}: the first term is the pullback of the
 * helper's {@code @Tangent} {@code t(x, ẋ) = ∇f(x)·ẋ} seeded with {@code s} (its adjoint with
 * respect to {@code x}; the one with respect to {@code ẋ} is not wanted, null), the second the
 * pullback itself seeded with {@code ṡ}. Helpers are scalar-valued, so nothing else is needed.
 */
final class PullbackTangent {
  private final RuleTable rules;
  private final TangentExpressions expressions;

  PullbackTangent(RuleTable rules, TangentExpressions expressions) {
    this.rules = rules;
    this.expressions = expressions;
  }

  /** Appends the tangent of {@code call}, evaluated for its effect, to {@code out}. */
  void tangent(Expr.Call call, List<Stmt> out) {
    Optional<ExecutableElement> original = rules.originalOfPullback(call.method());
    if (original.isEmpty()) {
      // a helper returning an argument, called for its checks (ReturnedArgumentCalls), writes
      // nothing: its discarded result has nothing to differentiate
      boolean readsOnly = rules.returnedArgument(call.method()).isPresent()
          && !dev.adjoint.processor.analysis.WritingCalls.writes(call, rules);
      if (!readsOnly
          && call.args().stream().anyMatch(a -> a.type().isArray() && expressions.of(a) != null)) {
        throw new IllegalStateException("forward over reverse met " + call.method()
            + " with arrays that carry tangents, and it is no pullback");
      }
      return; // an effect of the original computation, with nothing to differentiate
    }
    PullbackRule rule = (PullbackRule) rules.ruleFor(original.get()).orElseThrow();
    int arity = original.get().getParameters().size();
    List<Expr> args = call.args().subList(0, arity);
    Expr seed = call.args().get(arity);
    List<Expr> adjoints = call.args().subList(arity + 1, call.args().size());
    List<Expr> adjointTangents = new ArrayList<>();
    boolean any = false;
    for (Expr adjoint : adjoints) {
      Expr t = expressions.of(adjoint);
      adjointTangents.add(t != null ? t : nullArray());
      any |= t != null;
    }
    if (!any) {
      return;
    }
    List<Expr> directions = new ArrayList<>();
    boolean moves = false;
    for (int i : rule.arrayParameters()) {
      Expr d = expressions.of(args.get(i));
      directions.add(d != null ? d : TangentExpressions.zerosLike(args.get(i)));
      moves |= d != null;
    }
    if (moves) {
      out.add(new Stmt.Eval(secondOrderPullback(original.get(), args, directions, seed,
          adjointTangents), null));
    }
    Expr seedTangent = expressions.of(seed);
    if (seedTangent != null) {
      List<Expr> again = new ArrayList<>(args);
      again.add(seedTangent);
      again.addAll(adjointTangents);
      out.add(new Stmt.Eval(new Expr.Call(call.method(), null, again, IrType.VOID, null), null));
    }
  }

  /** {@code t̄(x, ẋ, s, ẋ̄ into the tangents of x̄, null)}: adds {@code s·H·ẋ}. */
  private Expr secondOrderPullback(ExecutableElement original, List<Expr> args,
      List<Expr> directions, Expr seed, List<Expr> adjointTangents) {
    ExecutableElement tangent = rules.tangentOf(original).orElseThrow(() ->
        new IllegalStateException("no @Tangent of " + original + " for second order"));
    Optional<DerivativeRule> found = rules.ruleFor(tangent);
    if (found.isEmpty() || !(found.get() instanceof PullbackRule pullback)) {
      throw new IllegalStateException("no @Pullback of " + tangent + " for second order");
    }
    List<Expr> all = new ArrayList<>(args);
    all.addAll(directions);
    all.add(seed);
    all.addAll(adjointTangents);
    for (int k = adjointTangents.size(); k < pullback.arrayParameters().size(); k++) {
      all.add(nullArray()); // the adjoints of the directions: not wanted
    }
    return new Expr.Call(pullback.pullback(), null, all, IrType.VOID, null);
  }

  private static Expr nullArray() {
    return Expr.Literal.ofNull();
  }
}
