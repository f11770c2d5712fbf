package dev.adjoint.processor;

import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import java.util.HashSet;
import java.util.Set;

/**
 * The names a method's source already uses, which the names the transformations invent (adjoints,
 * temporaries, labels) must avoid.
 */
final class SourceNames {
  private SourceNames() {}

  static Set<String> identifiers(MethodTree tree) {
    Set<String> names = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        names.add(node.getName().toString());
        return null;
      }

      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        names.add(node.getName().toString());
        return super.visitVariable(node, unused);
      }
    }.scan(tree, null);
    return names;
  }

  static Set<String> labels(MethodTree tree) {
    Set<String> names = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitLabeledStatement(LabeledStatementTree node, Void unused) {
        names.add(node.getLabel().toString());
        return super.visitLabeledStatement(node, unused);
      }
    }.scan(tree, null);
    return names;
  }
}
