package dev.adjoint.processor.analysis;

import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.RuleTable;
import java.util.List;

/**
 * Where a call of a helper that may write into its array arguments ({@link WritingCalls}) can
 * be differentiated, and the error at the call where it cannot: it must be a statement of its
 * own or the whole value of a scalar assignment, each written argument a local or parameter
 * array (or a row of one) not passed twice, and the callee a helper rather than a
 * {@code @Differentiable} method (whose gradient works on a copy of the arrays it writes).
 */
final class WritingCallChecks {
  private WritingCallChecks() {}

  /** Reports each call in {@code s} that may write into an argument and cannot be followed. */
  static void check(MethodIr method, Stmt s, RuleTable rules, ArrayAliases aliases,
      MethodProblems problems) {
    IrWalk.ownExpressions(s, e -> IrWalk.expressions(e, n -> {
      if (n instanceof Expr.Call c && WritingCalls.writes(c, rules)) {
        String problem = problem(method, s, c, rules);
        problem = problem != null ? problem : aliasing(c, rules, aliases);
        if (problem != null) {
          problems.error(c.tree() != null ? c.tree() : s.tree(), Problem.HELPER_ARRAY_WRITE,
              problem);
        }
      }
    }));
  }

  private static String problem(MethodIr method, Stmt s, Expr.Call c, RuleTable rules) {
    String name = c.method().getEnclosingElement().getSimpleName() + "."
        + c.method().getSimpleName();
    List<Integer> written = WritingCalls.written(c, rules);
    String parameter = c.method().getParameters().get(written.get(0)).getSimpleName()
        .toString();
    if (WritingCalls.isDifferentiable(c.method())) {
      return name + " may write into the array passed as its parameter '" + parameter + "',"
          + " and its gradient works on a copy of that array, so a call from another gradient"
          + " cannot follow the write: remove @Differentiable from it (Adjoint then"
          + " differentiates it as a helper, writes included), or return a new array instead";
    }
    if (s instanceof Stmt.Assign a && a.target().type().isArray() && WritingCalls.of(s, rules) == c
        && rules.returnedArgument(c.method()).isPresent()) {
      return null; // returns its argument: LostDerivatives says what to pass instead
    }
    if (WritingCalls.of(s, rules) != c && rules.returnedArgument(c.method()).isPresent()) {
      return null; // returns its argument, and could not be lifted: LostDerivatives says why
    }
    if (WritingCalls.of(s, rules) != c
        || s instanceof Stmt.Assign a && a.target().type().isArray()) {
      return name + " may write into the array passed as its parameter '" + parameter + "',"
          + " so Adjoint differentiates a call of it only as a statement of its own or as the"
          + " whole value of an assignment to a double, int or boolean (double r = "
          + c.method().getSimpleName() + "(...);); assign its result to a local first";
    }
    for (int i : written) {
      Expr arg = c.args().get(i);
      Variable root = IrWalk.root(arg);
      String p = c.method().getParameters().get(i).getSimpleName().toString();
      IrType.Kind kind = arg.type().kind();
      if (root == null || kind != IrType.Kind.DOUBLE_ARRAY && kind != IrType.Kind.DOUBLE_MATRIX
          && kind != IrType.Kind.INT_ARRAY) {
        return name + " may write into the array passed as its parameter '" + p + "', and"
            + " Adjoint follows such writes only into a local or parameter double[], double[][]"
            + " or int[] (or a row of one); pass a local array and copy it afterwards";
      }
      for (int j = 0; j < c.args().size(); j++) {
        if (j != i && c.args().get(j).type().isArray() && IrWalk.root(c.args().get(j)) == root
            && !WritingCallAliasing.rows(arg, c.args().get(j))) {
          return name + " may write into the array passed as its parameter '" + p + "', and '"
              + root.sourceName() + "' is passed for another parameter too: the two may be the"
              + " same array, whose writes the gradient would not follow through both names;"
              + " pass a copy (" + root.sourceName() + ".clone()) for one of them";
        }
      }
      if (root.origin() == Variable.Origin.PARAMETER && WritingCalls.isDifferentiable(method.element())) {
        String shown = root.sourceName().replace('$', '.'); // a record component: p.w
        return name + " may write into the array passed as its parameter '" + p + "', here"
            + " the parameter '" + shown + "' of a @Differentiable method, whose gradient must"
            + " leave the caller's array as the original leaves it; "
            + (root.type().kind() == IrType.Kind.DOUBLE_MATRIX
                ? "copy the row into a local array first (double[] row = " + shown
                    + "[i].clone();)"
                : "copy it into a local array first (double[] y = " + shown + ".clone();)");
      }
    }
    return null;
  }

  /** The error for two names of possibly one array that the gradient cannot compare. */
  private static String aliasing(Expr.Call c, RuleTable rules, ArrayAliases aliases) {
    for (WritingCallAliasing.Pair pair : WritingCallAliasing.mayMeet(c, rules, aliases)) {
      if (!WritingCallAliasing.comparable(c, pair)) {
        String p = c.method().getParameters().get(pair.written()).getSimpleName().toString();
        String a = IrWalk.root(c.args().get(pair.written())).sourceName();
        String b = IrWalk.root(c.args().get(pair.other())).sourceName();
        return c.method().getEnclosingElement().getSimpleName() + "."
            + c.method().getSimpleName() + " may write into the array passed as its parameter '"
            + p + "', and '" + a + "' and '" + b + "' may refer to the same array (or one to a"
            + " row of the other) through a reference assignment in this method, whose writes"
            + " the gradient would not follow through both names; pass a copy (" + b
            + ".clone()) for one of them";
      }
    }
    return null;
  }
}
