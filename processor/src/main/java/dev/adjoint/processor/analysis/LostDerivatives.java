package dev.adjoint.processor.analysis;

import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.normalize.ChosenReturnedArrays;
import dev.adjoint.processor.rules.AdjointCallRule;
import dev.adjoint.processor.rules.DerivativeRule;
import dev.adjoint.processor.rules.PullbackRule;
import dev.adjoint.processor.rules.RuleTable;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds where {@link Activity}'s facts say a derivative would be lost, statement by statement
 * (an active value passed where no derivative can follow it: a method of an object, a float, a
 * helper without a derivative) and reports it, because a silently wrong gradient is the worst
 * outcome.
 */
final class LostDerivatives {
  private final Predicate<Expr> varied;
  private final Predicate<Variable> useful;
  private final RuleTable rules;

  /**
   * @param varied whether an expression depends on a differentiated parameter
   * @param useful whether the result depends on a variable
   */
  LostDerivatives(Predicate<Expr> varied, Predicate<Variable> useful, RuleTable rules) {
    this.varied = varied;
    this.useful = useful;
    this.rules = rules;
  }

  /** Reports where statement {@code s} loses a derivative. */
  void check(Stmt s, MethodProblems problems) {
    boolean needed = s instanceof Stmt.Assign a && useful.test(a.target())
        || s instanceof Stmt.ArrayWrite w && useful.test(IrWalk.root(w.array()));
    Expr arrayRoot = s instanceof Stmt.Assign a && a.target().type().isArray() ? a.value() : null;
    // a helper returning an argument, as a statement: its result is discarded, the caller
    // holds the argument itself (ReturnedArgumentCalls)
    Expr returnsWritten = s instanceof Stmt.Eval ev && ev.expr() instanceof Expr.Call c
        && rules.returnedArgument(c.method()).isPresent() ? ev.expr()
        : ChosenReturnedArrays.holdsChosenResult(s) ? ((Stmt.Assign) s).value() : null;
    IrWalk.ownExpressions(s, e -> IrWalk.expressions(e, node -> {
      if (node instanceof Expr.Call c && c.type().isArray() && node != arrayRoot
          && node != returnsWritten && varied.test(node)
          && rules.returnedArgument(c.method()).isEmpty()) { // (checkCall says what instead)
        problems.error(c.tree(), Problem.ARRAY_RESULT,
            "a differentiated call returning an array is supported only"
            + " as the initializer of a local array (double[] h = layer(x, w);) or as the"
            + " returned value: only there can its adjoint array be named");
      }
      if (node instanceof Expr.Call c) {
        checkCall(c, needed, node == returnsWritten, problems);
      } else if (node instanceof Expr.Cast cast && cast.type().kind() == IrType.Kind.FLOAT
          && varied.test(cast.operand())) {
        problems.error(cast.tree(), Problem.LOST_DERIVATIVE,
            "casting an active value to float loses its derivative;"
            + " Adjoint differentiates double only, so keep it double");
      } else if (node instanceof Expr.NewObject n) {
        for (Expr arg : n.args()) {
          if (varied.test(arg)) {
            problems.error(arg.tree(), Problem.LOST_DERIVATIVE,
                "an active value flows into a new " + n.type()
                + ", where no derivative can follow it; keep differentiable values in double"
                + " locals");
          }
        }
      }
    }));
    if (s instanceof Stmt.Assign a && !a.target().type().carriesDerivative()
        && varied.test(a.value())) {
      problems.error(a.value().tree() != null ? a.value().tree() : a.tree(),
          Problem.LOST_DERIVATIVE,
          "an active value is stored in '" + a.target().sourceName() + "' of type "
          + a.target().type() + ", which cannot carry a derivative; declare it double");
    }
  }

  private void checkCall(Expr.Call c, boolean resultNeeded, boolean returnsWritten,
      MethodProblems problems) {
    String name = c.method().getEnclosingElement().getSimpleName() + "." + c.method()
        .getSimpleName();
    if (c.receiver() != null) {
      for (Expr arg : c.args()) {
        if (varied.test(arg)) {
          problems.error(arg.tree(), Problem.LOST_DERIVATIVE,
              "an active value is passed to " + name + ", a method of"
              + " an object, where no derivative can follow it (into a collection or a field,"
              + " say); keep differentiable values in double locals and static methods");
        }
      }
      return;
    }
    Optional<DerivativeRule> rule = rules.ruleFor(c.method());
    boolean arrayAware = rule.isPresent() && (rule.get() instanceof AdjointCallRule
        || rule.get() instanceof PullbackRule);
    if (c.type().isArray() && rule.isPresent() && rule.get() instanceof AdjointCallRule
        && !returnsWritten && rules.mayReturnArrayArgument(c.method())) {
      problems.error(c.tree(), Problem.ARRAY_ALIAS, returnsArgument(c, name));
      return;
    }
    for (int i = 0; i < c.args().size(); i++) {
      Expr arg = c.args().get(i);
      if (arg.type().isArray() && !arrayAware) {
        problems.error(arg.tree(), Problem.OPAQUE_ARRAY_CALL,
            "arrays can be passed only to @Differentiable methods, to"
            + " methods with source in this compilation and to helpers with a @Pullback;"
            + " Adjoint cannot see whether " + name + " changes the array");
        return;
      }
      // a helper that may write into it: see WritingCallChecks
    }

    if (!c.type().carriesDerivative() || !resultNeeded) {
      return;
    }
    if (c.type().isArray() && rule.isPresent() && rule.get() instanceof AdjointCallRule
        && !returnsWritten && rules.mayReturnArrayArgument(c.method())) {
      problems.error(c.tree(), Problem.ARRAY_ALIAS, returnsArgument(c, name));
      return;
    }
    for (int i = 0; i < c.args().size(); i++) {
      Expr arg = c.args().get(i);
      if (!varied.test(arg)) {
        continue;
      }
      if (rule.isEmpty()) {
        problems.error(arg.tree(), Problem.NO_DERIVATIVE,
            "no derivative is known for " + name + ", and an active"
            + " value flows into it; give it a derivative with @Partial, write it as a static"
            + " method with source in this compilation, or pass only constants to it");
        return;
      }
      if (!rule.get().differentiableIn(i)) {
        // (arguments after the parameters are the components of a record's or class's receiver)
        String param = i < c.method().getParameters().size()
            ? c.method().getParameters().get(i).getSimpleName().toString() : "self";
        problems.error(arg.tree(), Problem.NO_DERIVATIVE,
            name + " is not differentiable with respect to '" + param
            + "', and an active value flows into it; its derivative would be lost");
      }
    }
  }

  /** The error for a call whose result may be an array it received, which is kept a call. */
  private String returnsArgument(Expr.Call c, String name) {
    var returned = rules.returnedArgument(c.method());
    if (returned.isPresent()) {
      String p = c.method().getParameters().get(returned.get().array()).getSimpleName()
          .toString();
      String m = c.method().getSimpleName().toString();
      return name + " returns the array passed as its parameter '" + p + "'"
          + (returned.get().isRow() ? " (a row of it)" : "") + " and does more than return it,"
          + " so Adjoint calls it as a statement of its own, before the expression that reads"
          + " its result, and reads the caller's array there instead: that needs a local array"
          + " (or a row m[i] of one, with no matrix passed beside it) for that argument, and a"
          + " call that is not inside an operand of ?:, && or || (evaluated only sometimes) nor"
          + " in a loop condition; assign the argument to a local array first and call " + m
          + " in a statement of its own (double[] a = ...; double[] y = " + m + "(a, ...);)";
    }
    return name + " may return an array it received (or a row of one), and Adjoint follows"
        + " such a result only when every return gives the same parameter (return v;) or the"
        + " same row of one (return m[i]; with an int parameter i or a constant), none of them"
        + " assigned in the helper, or, for a helper that writes into none of its arrays and may"
        + " also return a new array, when the call is the whole value of an assignment"
        + " (double[] q = f(x, ...);) whose array arguments are variables of the result's type;"
        + " otherwise the gradient would treat the result as a new array, and writes through"
        + " either name would not reach the other's adjoint: call it so, return a new array"
        + " from the helper (copy the elements into new double[n]), or index the original"
        + " directly";
  }
}
