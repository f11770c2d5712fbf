package dev.adjoint.processor.forward;

import dev.adjoint.processor.diag.Problem;
import com.sun.source.tree.Tree;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.rules.DerivativeRule;
import dev.adjoint.processor.rules.RuleTable;
import dev.adjoint.processor.rules.ZeroDerivativeRule;
import java.util.Optional;

/**
 * Whether the first derivatives a method uses can be differentiated once more, checked on its
 * tangent IR, where each call carries the source call it comes from: the partial derivatives of
 * {@code @Partial} helpers and the {@code @Tangent} of {@code @Pullback} helpers are the ones the
 * adjoint IR uses too, so each one without a derivative of its own is reported at the source
 * call that needs it.
 */
final class SecondOrderRules {
  private SecondOrderRules() {}

  /** Whether every call of {@code tangent} can be differentiated once more; reports the others. */
  static boolean check(TangentIr tangent, RuleTable rules, MethodProblems problems) {
    boolean[] ok = {true};
    IrWalk.statements(tangent.ir().body(), s -> IrWalk.ownExpressions(s, e ->
        IrWalk.expressions(e, n -> {
          Tree at = tangent.origins().get(n);
          if (at == null) {
            return;
          }
          if (n instanceof Expr.TangentCall) {
            return; // checked where the callee's own second order is generated
          }
          if (n instanceof Expr.Call c && !c.method().getEnclosingElement()
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
