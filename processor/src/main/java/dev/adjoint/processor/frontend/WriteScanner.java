package dev.adjoint.processor.frontend;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreeScanner;

/**
 * Scans source and hands every place a variable, element or field is written to
 * {@link #written}: the target of an assignment, a compound assignment, or an increment or
 * decrement.
 */
abstract class WriteScanner extends TreeScanner<Void, Void> {

  /** Called with the target of each write, before the scan goes on below it. */
  protected abstract void written(ExpressionTree target);

  @Override
  public Void visitAssignment(AssignmentTree node, Void unused) {
    written(node.getVariable());
    return super.visitAssignment(node, unused);
  }

  @Override
  public Void visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
    written(node.getVariable());
    return super.visitCompoundAssignment(node, unused);
  }

  @Override
  public Void visitUnary(UnaryTree node, Void unused) {
    switch (node.getKind()) {
      case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT ->
          written(node.getExpression());
      default -> { }
    }
    return super.visitUnary(node, unused);
  }
}
