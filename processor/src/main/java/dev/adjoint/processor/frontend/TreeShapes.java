package dev.adjoint.processor.frontend;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.VariableTree;

/** Shapes of source trees the front end recognises before lowering them. */
final class TreeShapes {
  private TreeShapes() {}
  static ExpressionTree stripParentheses(ExpressionTree tree) {
    ExpressionTree e = tree;
    while (e instanceof ParenthesizedTree p) {
      e = p.getExpression();
    }
    return e;
  }

  /** {@code x} when {@code tree} is {@code x.clone()}, else null. */
  static ExpressionTree arrayCloneReceiver(ExpressionTree tree) {
    if (tree instanceof MethodInvocationTree call && call.getArguments().isEmpty()
        && call.getMethodSelect() instanceof MemberSelectTree select
        && select.getIdentifier().contentEquals("clone")) {
      return select.getExpression();
    }
    return null;
  }

  static boolean isVar(VariableTree v) {
    // 'var' leaves the type tree null, or names 'var', depending on the javac version.
    return v.getType() == null || v.getType().toString().equals("var");
  }
}
