package dev.adjoint.processor.normalize;

import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/**
 * Element writes through another name for a parameter's array ({@code double[] y = x;
 * y[i] = a;}), found by {@link ParameterPointsTo}: which of them {@link ParameterArrayCopies} can
 * write through to the caller, and the error for the others.
 */
final class ParameterAliasWrites {
  private ParameterAliasWrites() {}

  /**
   * Whether {@code w}, which may reach {@code reached}, writes an element of a one-dimensional
   * parameter array through a plain name, or an element of a row of a parameter matrix through
   * any name: the shapes the copies follow.
   */
  static boolean followed(Stmt.ArrayWrite w, Set<Variable> reached) {
    if (hidden(reached) || IrWalk.root(w.array()) == null) {
      return false;
    }
    for (Variable p : reached) {
      if (ParameterMatrixCopies.isMatrix(p)) {
        // an element of a row, through any name: written through at the row it refers to
        if (!w.array().type().equals(p.type().elementType())) {
          return false;
        }
      } else if (!(w.array() instanceof Expr.VarRef r) || !p.type().equals(r.variable().type())) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reports the calls of {@code found}, which no gradient follows: a helper that may write into
   * an array passed by another name for a parameter's array.
   */
  static void reportCalls(ParameterPointsTo.Found found, MethodProblems problems) {
    found.callWrites().forEach((c, reached) -> problems.error(c.tree(),
        Problem.HELPER_ARRAY_WRITE, c.method().getEnclosingElement().getSimpleName() + "."
        + c.method().getSimpleName() + " may write into an array passed by a name that may"
        + " refer to the array of parameter '" + shown(first(reached)) + "' here, and"
        + " Adjoint cannot follow a helper's write into a parameter's array; "
        + copyHint(first(reached))));
  }

  /** A parameter's name as the user wrote it: a record component's path ({@code p.w}). */
  private static String shown(Variable p) {
    return p.sourceName().replace('$', '.');
  }

  /** What to copy, for a one-dimensional parameter array or a row of a parameter matrix. */
  private static String copyHint(Variable p) {
    return ParameterMatrixCopies.isMatrix(p)
        ? "copy the row into a local array first (double[] row = " + shown(p) + "[i].clone();)"
        : "copy it into a local array first (double[] y = " + shown(p) + ".clone();)";
  }

  /** Whether a parameter of {@code reached} is a record's component. */
  private static boolean hidden(Set<Variable> reached) {
    return reached.stream().anyMatch(p -> p.sourceName().indexOf('$') >= 0);
  }

  /**
   * The error for writing through another name into a parameter's array of a public or
   * protected {@code method}, as for a write through the parameter's own name
   * ({@code frontend.ParameterWrites}), or null.
   */
  static String visibility(ExecutableElement method, Stmt.ArrayWrite w, Set<Variable> reached) {
    if (!method.getModifiers().contains(Modifier.PUBLIC)
        && !method.getModifiers().contains(Modifier.PROTECTED)) {
      return null;
    }
    String p = first(reached).sourceName();
    return "'" + IrWalk.root(w.array()).sourceName() + "' may refer to the array of parameter '"
        + p + "' here, and writing into a parameter's array is supported only in a method that"
        + " is not public or protected: a gradient compiled elsewhere could call '"
        + method.getSimpleName() + "' without seeing the write; make it package-private, or"
        + " copy '" + p + "' into a local array first";
  }

  /** Reports {@code w}, which {@link #followed} refuses. */
  static void report(Stmt.ArrayWrite w, Set<Variable> reached, MethodProblems problems) {
    Variable root = IrWalk.root(w.array());
    for (Variable p : reached) {
      if (ParameterMatrixCopies.isMatrix(p)
          && !w.array().type().equals(p.type().elementType())) {
        problems.error(w.tree(), Problem.PARAMETER_WRITE, "'" + root.sourceName()
            + "' may refer to parameter matrix '" + p.sourceName() + "' here, and Adjoint"
            + " follows writes of elements into its rows, not the replacement of a row; write"
            + " the elements of the row instead, or copy the matrix into a local double[][]"
            + " first");
        return;
      }
    }
    Variable p = reached.stream().filter(v -> !ParameterMatrixCopies.isMatrix(v)).findFirst()
        .orElse(first(reached));
    problems.error(w.tree(), Problem.PARAMETER_WRITE, "'" + root.sourceName()
        + "' may refer to the array of parameter '" + p.sourceName() + "' here, and Adjoint"
        + " follows writes into it through another name only as an element write through a"
        + " local of the same type ('" + root.sourceName() + "[i] = ...'); copy it first ("
        + p.sourceName() + ".clone())");
  }

  private static Variable first(Set<Variable> reached) {
    return reached.iterator().next();
  }
}
