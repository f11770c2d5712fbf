package dev.adjoint.processor.frontend;

import dev.adjoint.processor.diag.Problem;
import com.sun.source.tree.Tree;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;

/**
 * What an array variable, or a row of a matrix, may be made to refer to: an array the method
 * can follow with a shadow (another local or parameter array, a row of one, either of two by
 * {@code ?:}, a new array, an array a call returns). An array held in a field cannot be followed
 * (a write through the local name would change the field), nor can {@code null}.
 */
final class ArrayReferenceValues {
  private ArrayReferenceValues() {}

  /**
   * Whether {@code value}, assigned to a variable or row of type {@code target}, is rejected;
   * reports why (or leaves a type mismatch to javac). False for targets that are no arrays.
   */
  static boolean rejected(IrType target, Expr value, Tree at, MethodProblems problems) {
    if (!target.isArray() || ExpressionLowering.isPoison(value)) {
      return target.isArray();
    }
    if (value.type().kind() == IrType.Kind.NULL) {
      problems.error(at, Problem.ARRAY_ALIAS,
          "an array variable cannot be set to null in a @Differentiable method:"
          + " the gradient follows each array with an adjoint array of its shape; give it an"
          + " array (new double[n])");
      return true;
    }
    if (!value.type().equals(target)) {
      problems.failSilently(); // javac reports the mismatch
      return true;
    }
    Expr field = fieldIn(value);
    if (field != null) {
      problems.error(at, Problem.ARRAY_ALIAS,
          "'" + field.tree() + "' is an array held in a field, which Adjoint"
          + " cannot follow through another name: a write through it would change the field;"
          + " index the field directly, or copy it (" + field.tree() + ".clone())");
      return true;
    }
    return false;
  }

  /** The array held in a field that {@code value} may evaluate to, or null. */
  private static Expr fieldIn(Expr value) {
    if (value instanceof Expr.Conditional c) {
      Expr t = fieldIn(c.whenTrue());
      return t != null ? t : fieldIn(c.whenFalse());
    }
    if (value instanceof Expr.FieldRef) {
      return value;
    }
    if (value instanceof Expr.ArrayRead read && IrWalk.root(read) == null) {
      return fieldIn(read.array());
    }
    return null;
  }
}
