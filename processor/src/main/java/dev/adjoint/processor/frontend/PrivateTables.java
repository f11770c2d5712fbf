package dev.adjoint.processor.frontend;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.Trees;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Private {@code static final} arrays that generated code may use through a copy: the copy is
 * right only while the original keeps the values of its initializer, so the initializer must
 * be a list of literals and nothing in the top-level class may write into the array or hand it
 * to a method.
 */
public final class PrivateTables {
  private final Trees trees;

  public PrivateTables(Trees trees) {
    this.trees = trees;
  }

  /** The initializer's source text, if {@code field} can be copied; empty otherwise. */
  public Optional<String> copyableInitializer(VariableElement field) {
    if (!(trees.getTree(field) instanceof VariableTree declaration)
        || !(declaration.getInitializer() instanceof NewArrayTree init)
        || !literalsOnly(init)) {
      return Optional.empty();
    }
    Element top = field;
    while (top.getEnclosingElement() instanceof TypeElement outer) {
      top = outer;
    }
    Tree classTree = trees.getTree(top);
    if (!(classTree instanceof ClassTree) || mayChange((ClassTree) classTree, field)) {
      return Optional.empty();
    }
    return Optional.of(init.toString());
  }

  private static boolean literalsOnly(NewArrayTree init) {
    if (init.getInitializers() == null) {
      return false;
    }
    for (ExpressionTree e : init.getInitializers()) {
      ExpressionTree x = e instanceof UnaryTree u && u.getKind() == Tree.Kind.UNARY_MINUS
          ? u.getExpression() : e;
      boolean ok = x instanceof LiteralTree || x instanceof NewArrayTree n && literalsOnly(n);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether anything in {@code top} may change the array: writes into it (or into a row of
   * it), or lets it (or a row) escape under another name, into a local, a call or a return.
   */
  private static boolean mayChange(ClassTree top, VariableElement field) {
    String name = field.getSimpleName().toString();
    int dims = 0;
    for (javax.lang.model.type.TypeMirror t = field.asType();
        t instanceof javax.lang.model.type.ArrayType a; t = a.getComponentType()) {
      dims++;
    }
    int arrayDims = dims;
    boolean[] found = {false};
    new WriteScanner() {
      /** Indexes applied to the table in {@code e}, or -1 if {@code e} does not read it. */
      private int indexes(ExpressionTree e) {
        int d = 0;
        ExpressionTree t = e;
        while (t instanceof com.sun.source.tree.ParenthesizedTree p) {
          t = p.getExpression();
        }
        while (t instanceof ArrayAccessTree a) {
          t = a.getExpression();
          d++;
        }
        boolean table = t instanceof IdentifierTree id && id.getName().contentEquals(name)
            || t instanceof MemberSelectTree m && m.getIdentifier().contentEquals(name);
        return table ? d : -1;
      }

      /** Whether {@code e} is the table or a row of it: an array another name could change. */
      private boolean escapes(ExpressionTree e) {
        int d = indexes(e);
        return d >= 0 && d < arrayDims;
      }

      @Override
      protected void written(ExpressionTree target) {
        found[0] |= indexes(target) >= 0;
      }

      @Override
      public Void visitAssignment(AssignmentTree node, Void unused) {
        found[0] |= escapes(node.getExpression());
        return super.visitAssignment(node, unused);
      }

      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
        for (ExpressionTree arg : node.getArguments()) {
          found[0] |= escapes(arg);
        }
        if (node.getMethodSelect() instanceof MemberSelectTree m) {
          found[0] |= escapes(m.getExpression()); // TABLE.clone() is harmless, but rare
        }
        return super.visitMethodInvocation(node, unused);
      }

      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        ExpressionTree init = node.getInitializer();
        if (init != null && !node.getName().contentEquals(name)) {
          found[0] |= escapes(init);
        }
        return super.visitVariable(node, unused);
      }

      @Override
      public Void visitReturn(com.sun.source.tree.ReturnTree node, Void unused) {
        found[0] |= node.getExpression() != null && escapes(node.getExpression());
        return super.visitReturn(node, unused);
      }
    }.scan(top, null);
    return found[0];
  }
}
