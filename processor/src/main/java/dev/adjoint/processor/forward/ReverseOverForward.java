package dev.adjoint.processor.forward;

import com.sun.source.tree.Tree;
import dev.adjoint.processor.analysis.Activity;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.rules.DerivativeRule;
import dev.adjoint.processor.rules.RuleTable;
import dev.adjoint.processor.rules.ZeroDerivativeRule;
import dev.adjoint.processor.ir.AdjointBody;
import dev.adjoint.processor.transform.ReverseTransform;
import java.util.Optional;
import java.util.Set;

/**
 * Second order as a composition of the two transformations, in one place so that it can be
 * swapped: today <em>reverse over forward</em>. The gradient pipeline (activity, then the
 * reverse transformation) runs on the tangent IR {@code t(x, v) = ∇f(x)·v}, differentiated with
 * respect to both the parameters and the directions: one reverse sweep seeded with 1 gives
 * {@code ∂t/∂x = H·v} and {@code ∂t/∂v = ∇f(x)}. (Forward over reverse, the tangent of the
 * adjoint IR, replaces this once the reverse sweep's structure is IR too.)
 */
public final class ReverseOverForward {
  private ReverseOverForward() {}

  /**
   * The adjoint body of {@code tangent}'s method, or null after an error: the body's
   * differentiated parameters are the original's then the directions; its result is the
   * tangent, and {@code tangent.primalResult()} holds the value after its forward sweep.
   */
  public static AdjointBody transform(TangentIr tangent, RuleTable rules,
      MethodProblems problems, Set<String> reservedNames, Set<String> reservedLabels,
      int checkpointEvery) {
    MethodIr ir = tangent.ir();
    if (!differentiable(tangent, rules, problems)) {
      return null;
    }
    Activity activity = Activity.analyze(ir, rules, problems);
    if (problems.any()) {
      return null;
    }
    return ReverseTransform.transform(ir, activity, rules, problems, reservedNames,
        reservedLabels, checkpointEvery);
  }

  /**
   * Whether every call the tangent made can be differentiated once more; reports each one that
   * cannot at the source call it comes from.
   */
  private static boolean differentiable(TangentIr tangent, RuleTable rules,
      MethodProblems problems) {
    boolean[] ok = {true};
    IrWalk.statements(tangent.ir().body(), s -> IrWalk.ownExpressions(s, e ->
        IrWalk.expressions(e, n -> {
          Tree at = tangent.origins().get(n);
          if (at == null) {
            return;
          }
          if (n instanceof Expr.TangentCall c) {
            problems.error(at, Problem.MODE_UNSUPPORTED,
                "mHvp and mHessian cannot differentiate through a call to '"
                + c.callee().getSimpleName() + "' yet (a method whose derivatives Adjoint"
                + " generates): second order covers methods that call java.lang.Math and"
                + " helpers with declared derivatives; inline the call, or declare its"
                + " derivatives with @Partial");
            ok[0] = false;
          } else if (n instanceof Expr.Call c && !c.method().getEnclosingElement()
              .getSimpleName().contentEquals("Math")) {
            checkSecondDerivative(c, at, rules, problems, ok);
          }
        })));
    return ok[0];
  }

  private static void checkSecondDerivative(Expr.Call c, Tree at, RuleTable rules,
      MethodProblems problems, boolean[] ok) {
    Optional<DerivativeRule> rule = rules.ruleFor(c.method());
    if (rule.isPresent() && rule.get() instanceof ZeroDerivativeRule) {
      return;
    }
    for (int i = 0; i < c.args().size(); i++) {
      Expr arg = c.args().get(i);
      boolean constant = arg instanceof Expr.Literal || !arg.type().carriesDerivative();
      if (!constant && (rule.isEmpty() || !rule.get().differentiableIn(i))) {
        String name = c.method().getEnclosingElement().getSimpleName() + "."
            + c.method().getSimpleName();
        problems.error(at, Problem.NO_DERIVATIVE,
            "mHvp and mHessian need the derivative of " + name + ", the"
            + " first derivative used here, with respect to its parameter '"
            + c.method().getParameters().get(i).getSimpleName() + "'; declare it with"
            + " @Partial(of = \"" + c.method().getSimpleName() + "\", wrt = \""
            + c.method().getParameters().get(i).getSimpleName() + "\") (or a @Pullback for"
            + " a @Tangent over arrays)");
        ok[0] = false;
        return;
      }
    }
  }
}
