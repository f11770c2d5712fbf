package dev.adjoint.processor.frontend;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
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
    return changed(method.getBody(), alias.getName().toString(),
        rootName(alias.getInitializer()), true);
  }

  /**
   * Whether the body of {@code for (T e : array)} may change what Java iterates over, or what
   * the element stands for: it assigns the array's variable, a row of it (when the loop runs
   * over a matrix or a row), or a row-typed element {@code e}. Java evaluates the array once and
   * gives {@code e} the row at the start of each iteration; the front end then holds both in
   * variables instead of letting names stand for them.
   */
  static boolean changedInBody(EnhancedForLoopTree loop, boolean rowsMatter) {
    return changed(loop.getStatement(), loop.getVariable().getName().toString(),
        rootName(loop.getExpression()), rowsMatter);
  }

  /** Whether {@code scope} assigns {@code name} or {@code root}, or (with rows) a {@code root[k]}. */
  private static boolean changed(Tree scope, String name, String root, boolean rows) {
    boolean[] found = {false};
    new WriteScanner() {
      @Override
      protected void written(ExpressionTree target) {
        ExpressionTree t = TreeShapes.stripParentheses(target);
        if (t instanceof IdentifierTree id) {
          found[0] |= id.getName().contentEquals(name) || id.getName().contentEquals(root);
        } else if (rows && t instanceof ArrayAccessTree a
            && TreeShapes.stripParentheses(a.getExpression()) instanceof IdentifierTree id) {
          found[0] |= id.getName().contentEquals(root); // a row write m[k] = row
        }
      }
    }.scan(scope, null);
    return found[0];
  }

  private static String rootName(ExpressionTree e) {
    ExpressionTree t = TreeShapes.stripParentheses(e);
    while (t instanceof ArrayAccessTree a) {
      t = TreeShapes.stripParentheses(a.getExpression());
    }
    return t instanceof IdentifierTree id ? id.getName().toString() : "";
  }
}
