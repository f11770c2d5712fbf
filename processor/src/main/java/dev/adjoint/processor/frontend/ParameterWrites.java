package dev.adjoint.processor.frontend;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.Variable;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/**
 * Which writes into a parameter's array the front end accepts: elements of a one-dimensional
 * parameter array, which {@code normalize.ParameterArrayCopies} redirects to a local copy taken at
 * entry (so that the gradient is with respect to the values on entry) and writes through to the
 * caller's array, and elements of the rows of a matrix parameter ({@code m[i][j] = v}), which
 * it redirects to a deep copy ({@code normalize.ParameterMatrixCopies}). Replacing a row of a
 * matrix parameter ({@code m[i] = row}) stays an error: the caller's matrix would then hold an
 * array the gradient's reverse sweep restores. Callers in this compilation see the write (and
 * refuse to pass an active array); callers compiled elsewhere would not, so the method may not be
 * public or protected.
 */
public final class ParameterWrites {
  private ParameterWrites() {}

  /**
   * The error for writing into {@code array} (rooted at parameter {@code root}) in
   * {@code method}, or null.
   */
  public static String problem(Variable root, Expr array, ExecutableElement method) {
    if (root.origin() != Variable.Origin.PARAMETER) {
      return null;
    }
    if (root.sourceName().indexOf('$') >= 0) {
      // a component of a record parameter, flattened: its array belongs to the caller's record
      return "writing into parameter array '" + RecordLowering.displayName(root) + "' is not"
          + " supported: the gradient call would change the caller's array; copy it into a"
          + " local array first";
    }
    boolean helper = !dev.adjoint.processor.analysis.WritingCalls.isDifferentiable(method);
    boolean matrix = root.type().elementType().isArray();
    boolean rowElement = matrix && array instanceof Expr.ArrayRead row
        && row.array() instanceof Expr.VarRef;
    if (helper || array instanceof Expr.VarRef && !matrix || rowElement) {
      // a helper writes into its caller's arrays, rows included, and restores them in its
      // adjoint (transform.WritingCallAdjoint)
      if (method.getModifiers().contains(Modifier.PUBLIC)
          || method.getModifiers().contains(Modifier.PROTECTED)) {
        // A gradient compiled elsewhere sees only the class file, not that this method writes
        // into the array it passes; its reverse sweep would call the adjoint with the array
        // as the call left it.
        return "writing into parameter array '" + root.sourceName() + "' is supported only in"
            + " a method that is not public or protected: a gradient compiled elsewhere could"
            + " call '" + method.getSimpleName() + "' without seeing the write; make it"
            + " package-private, or copy '" + root.sourceName() + "' into a local array first";
      }
      return null;
    }
    return "replacing a row of parameter matrix '" + root.sourceName() + "' is not supported:"
        + " Adjoint follows writes of elements into its rows (" + root.sourceName()
        + "[i][j] = ...), not of row references; write the elements of the row instead, or copy"
        + " the matrix into a local double[][] first";
  }
}
