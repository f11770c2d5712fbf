package dev.adjoint.processor.normalize;

import dev.adjoint.processor.analysis.WritingCalls;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.RuleTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/**
 * Writes through another name for a parameter's array in a helper (a method without
 * {@code @Differentiable}): {@code double[] y = out; y[i] = ...;}, or such a name passed to a
 * helper that writes into it. They are the helper's own writes, which its callers follow (they
 * save the arrays it may write before the call and restore them for its adjoint), provided the
 * callers know the helper writes into that parameter: the front end's scan of the helper
 * ({@code frontend.CalleeEffects}) follows plain local names ({@code y = out}, {@code var},
 * {@code ?:}) but not a parameter's array held as a row of a local matrix
 * ({@code m[1] = out; m[1][0] = a;}). Those, and any write it would miss, stay an error.
 */
final class HelperAliasWrites {
  private HelperAliasWrites() {}

  /** Reports the writes and calls of {@code found} in {@code helper} its callers cannot see. */
  static void report(ParameterPointsTo.Found found, ExecutableElement helper, RuleTable rules,
      MethodProblems problems) {
    Map<Stmt.ArrayWrite, Set<Variable>> writes = new LinkedHashMap<>();
    found.elementWrites().forEach((w, reached) -> {
      if (!ParameterAliasWrites.followed(w, reached) || !seen(helper, reached, rules)) {
        writes.put(w, reached);
      }
    });
    writes.forEach((w, reached) -> {
      String p = reached.iterator().next().sourceName();
      problems.error(w.tree(), Problem.PARAMETER_WRITE, "'" + IrWalk.root(w.array())
          .sourceName() + "' may refer to the array of parameter '" + p + "' here, and a"
          + " helper (a method without @Differentiable) may write into a parameter's array only"
          + " through the parameter's own name or a local array given it directly (double[] y = "
          + p + "; var; ?:), not through a row of a local matrix or the result of a call;"
          + " write through '" + p + "', or copy it first (" + p + ".clone())");
    });
    found.callWrites().forEach((c, reached) -> {
      if (!plainNames(c, rules) || !seen(helper, reached, rules)) {
        String p = reached.iterator().next().sourceName();
        problems.error(c.tree(), Problem.HELPER_ARRAY_WRITE, c.method().getEnclosingElement()
            .getSimpleName() + "." + c.method().getSimpleName() + " may write into an array"
            + " passed by a name that may refer to the array of parameter '" + p + "' here, and"
            + " a helper may pass its parameter's array on to be written only by the"
            + " parameter's own name or a local array naming it (double[] y = " + p + ";), not"
            + " as a row of a local matrix; pass '" + p + "', or copy it first (double[] y = "
            + p + ".clone();)");
      }
    });
  }

  /** Whether the callers of {@code helper} know it may write into each of {@code reached}. */
  private static boolean seen(ExecutableElement helper, Set<Variable> reached, RuleTable rules) {
    List<? extends VariableElement> params = helper.getParameters();
    for (Variable p : reached) {
      int index = -1;
      for (int k = 0; k < params.size(); k++) {
        if (params.get(k).getSimpleName().contentEquals(p.sourceName())) {
          index = k;
        }
      }
      if (index < 0 || !rules.mayWriteArrayArgument(helper, index)) {
        return false;
      }
    }
    return true;
  }

  /** Whether every array {@code c} may write is passed by a plain one-dimensional name. */
  private static boolean plainNames(Expr.Call c, RuleTable rules) {
    for (int k : WritingCalls.written(c, rules)) {
      Expr arg = c.args().get(k);
      if (!(arg instanceof Expr.VarRef) || arg.type().elementType().isArray()) {
        return false;
      }
    }
    return true;
  }
}
