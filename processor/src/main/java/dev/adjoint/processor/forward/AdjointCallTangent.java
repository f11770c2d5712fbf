package dev.adjoint.processor.forward;

import dev.adjoint.processor.abi.AdjointAbi;
import dev.adjoint.processor.abi.TangentAbi;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.rules.AdjointCallRule;
import dev.adjoint.processor.rules.DerivativeRule;
import dev.adjoint.processor.rules.RuleTable;
import java.util.List;

/**
 * The tangent of a reverse sweep's call to a callee's adjoint entry point
 * {@code gAdjoint(x, s, adjoints, x̄…, tape)}: a call to the tangent of that entry point,
 * {@code gAdjointJvp} ({@link TangentAbi#adjointLayout}), which does the same work and adds the
 * tangents of what it adds, given the tangents of the arguments, of the seed and of the
 * accumulators. Second order through calls, recursion included, is this call, transitively.
 */
final class AdjointCallTangent {
  private final RuleTable rules;
  private final TangentExpressions expressions;
  private final GeneratedCalls calls;

  AdjointCallTangent(RuleTable rules, TangentExpressions expressions, GeneratedCalls calls) {
    this.rules = rules;
    this.expressions = expressions;
    this.calls = calls;
  }

  /** The call that replaces {@code call}, evaluated for its effect. */
  Expr tangent(Expr.AdjointCall call) {
    DerivativeRule found = rules.ruleFor(call.callee()).orElseThrow(() ->
        AdjointTangentTransform.adjointOnly(call));
    if (!(found instanceof AdjointCallRule rule)) {
      throw AdjointTangentTransform.adjointOnly(call);
    }
    AdjointAbi abi = rule.abi();
    int arity = abi.arity(); // a record callee takes its records' leaves
    List<Expr> args = call.args();
    List<Expr> originals = args.subList(0, arity);
    Expr seed = args.get(arity);
    Expr adjoints = args.get(arity + 1);
    int[] arrayAt = new int[arity];
    int next = arity + 2;
    for (int i = 0; i < arity; i++) {
      arrayAt[i] = abi.hasArrayAdjoint(i) ? next++ : -1;
    }
    Expr tape = args.get(next);
    boolean needed = expressions.of(adjoints) != null;
    for (int i = 0; i < arity; i++) {
      needed |= arrayAt[i] >= 0 && expressions.of(args.get(arrayAt[i])) != null;
    }
    if (!needed) {
      return call; // nothing reads the tangents of what it adds
    }
    calls.requireAdjoint(rule);
    List<Expr> all = TangentAbi.adjointLayout(abi, originals,
        i -> orZero(originals.get(i)), seed, orZero(seed), adjoints, accumulator(adjoints),
        i -> args.get(arrayAt[i]), i -> orZero(args.get(arrayAt[i])), tape);
    return new Expr.TangentCall(call.callee(), all, call.type(), null, true);
  }

  /** The tangent of {@code e}: zero (fresh zeros for an array) when it has none. */
  private Expr orZero(Expr e) {
    Expr t = expressions.of(e);
    if (t != null) {
      return t;
    }
    return e.type().isArray() ? TangentExpressions.zerosLike(e) : Expr.Literal.ofDouble(0);
  }

  /** The tangent of the scalar accumulator: the empty one stays empty. */
  private Expr accumulator(Expr adjoints) {
    if (adjoints instanceof Expr.Intrinsic i && i.op() == Expr.Intrinsic.Op.NO_SCALARS) {
      return adjoints;
    }
    Expr t = expressions.of(adjoints);
    return t != null ? t : TangentExpressions.zerosLike(adjoints); // scratch: nothing reads it
  }

}
