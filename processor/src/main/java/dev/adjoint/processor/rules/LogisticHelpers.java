package dev.adjoint.processor.rules;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;

/**
 * Recognizes, by their source, helpers that compute the logistic function: a static
 * {@code double f(double x)} whose body is {@code return 1 / (1 + Math.exp(-x));} (either
 * operand order of the sum, {@code 1} or {@code 1.0}, any parentheses). Their derivative is
 * {@code s (1 - s)} of their own result {@code s}, which the caller still holds when the call is
 * the whole value of an assignment: the reverse sweep then needs no exponential and no call
 * (see {@code transform/LogisticResults}). Helpers compiled elsewhere (no source) are not
 * recognized and keep their adjoint call.
 */
public final class LogisticHelpers {
  /** A recognizer that recognizes nothing (no source trees at hand). */
  public static final LogisticHelpers NONE = new LogisticHelpers(null);

  private final Trees trees;
  private final Map<ExecutableElement, Boolean> cache = new HashMap<>();

  public LogisticHelpers(Trees trees) {
    this.trees = trees;
  }

  /** Whether {@code method} is a static helper computing {@code 1 / (1 + e^-x)}. */
  public boolean isLogistic(ExecutableElement method) {
    return cache.computeIfAbsent(method, this::recognize);
  }

  private boolean recognize(ExecutableElement method) {
    if (trees == null || !method.getModifiers().contains(Modifier.STATIC)
        || method.getReturnType().getKind() != TypeKind.DOUBLE
        || method.getParameters().size() != 1
        || method.getParameters().get(0).asType().getKind() != TypeKind.DOUBLE) {
      return false;
    }
    TreePath path = trees.getPath(method);
    if (path == null || !(path.getLeaf() instanceof MethodTree tree) || tree.getBody() == null
        || tree.getBody().getStatements().size() != 1
        || !(tree.getBody().getStatements().get(0) instanceof ReturnTree ret)) {
      return false;
    }
    if (!(bare(ret.getExpression()) instanceof BinaryTree quotient)
        || quotient.getKind() != Tree.Kind.DIVIDE || !isOne(quotient.getLeftOperand())
        || !(bare(quotient.getRightOperand()) instanceof BinaryTree sum)
        || sum.getKind() != Tree.Kind.PLUS) {
      return false;
    }
    ExpressionTree exp = isOne(sum.getLeftOperand()) ? sum.getRightOperand()
        : isOne(sum.getRightOperand()) ? sum.getLeftOperand() : null;
    if (!(bare(exp) instanceof MethodInvocationTree call) || call.getArguments().size() != 1
        || !isMathExp(elementOf(path, call))
        || !(bare(call.getArguments().get(0)) instanceof UnaryTree minus)
        || minus.getKind() != Tree.Kind.UNARY_MINUS
        || !(bare(minus.getExpression()) instanceof IdentifierTree x)) {
      return false;
    }
    return method.getParameters().get(0).equals(elementOf(path, x));
  }

  private Element elementOf(TreePath method, Tree node) {
    TreePath at = TreePath.getPath(method, node);
    return at == null ? null : trees.getElement(at);
  }

  private static boolean isMathExp(Element e) {
    return e instanceof ExecutableElement m && m.getSimpleName().contentEquals("exp")
        && m.getEnclosingElement() instanceof TypeElement owner
        && (owner.getQualifiedName().contentEquals("java.lang.Math")
            || owner.getQualifiedName().contentEquals("java.lang.StrictMath"));
  }

  private static boolean isOne(ExpressionTree e) {
    return bare(e) instanceof LiteralTree literal && literal.getValue() instanceof Number n
        && n.doubleValue() == 1.0;
  }

  private static ExpressionTree bare(ExpressionTree e) {
    while (e instanceof ParenthesizedTree p) {
      e = p.getExpression();
    }
    return e;
  }
}
