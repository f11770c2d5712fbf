package dev.adjoint.processor.frontend;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;

/**
 * Whether a row alias {@code double[] r = m[i];} needs a variable of its own. Where neither
 * {@code r}, nor {@code m}, nor a row {@code m[k]} is ever assigned in the method, {@code r}
 * always refers to the row {@code m[i]} and the front end lets it stand for that row (no
 * variable, nothing to record). Otherwise {@code r} is a reference like any other array
 * variable (the transform's shadow model: {@code rAdj = mAdj[i]}), which keeps the row it was
 * given when {@code m[i] = other} or {@code m = other} changes what {@code m[i]} means.
 */
final class RowReferences {
  private RowReferences() {}

  static boolean needsVariable(VariableTree alias, MethodTree method) {
    String name = alias.getName().toString();
    String matrix = rootName(alias.getInitializer());
    boolean[] found = {false};
    new WriteScanner() {
      @Override
      protected void written(ExpressionTree target) {
        ExpressionTree t = MethodLowering.stripParentheses(target);
        if (t instanceof IdentifierTree id) {
          found[0] |= id.getName().contentEquals(name) || id.getName().contentEquals(matrix);
        } else if (t instanceof ArrayAccessTree a
            && MethodLowering.stripParentheses(a.getExpression()) instanceof IdentifierTree id) {
          found[0] |= id.getName().contentEquals(matrix); // a row write m[k] = row
        }
      }
    }.scan(method.getBody(), null);
    return found[0];
  }

  private static String rootName(ExpressionTree e) {
    ExpressionTree t = MethodLowering.stripParentheses(e);
    while (t instanceof ArrayAccessTree a) {
      t = MethodLowering.stripParentheses(a.getExpression());
    }
    return t instanceof IdentifierTree id ? id.getName().toString() : "";
  }
}
