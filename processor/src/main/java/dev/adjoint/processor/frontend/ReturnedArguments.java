package dev.adjoint.processor.frontend;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import dev.adjoint.processor.rules.ReturnedArgument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;

/**
 * Which argument a helper returning an array returns, when its source proves it: every
 * {@code return} gives the same array parameter ({@code return v;}) or the same row of one,
 * indexed by an {@code int} parameter or a constant ({@code return m[i];}), and the body never
 * assigns those parameters; a local array declared once with such a value and never assigned
 * ({@code double[] y = v; ...; return y;}) stands for it. A caller can then read the result as that argument (or that row of
 * it), an alias of an array it already has, and its shadow follows (Enzyme's model: the callee
 * returns the primal reference it received, whose shadow is the caller's shadow of it).
 */
public final class ReturnedArguments {
  private ReturnedArguments() {}

  /** What {@code method} (with body {@code tree}) returns, when it is always one argument. */
  public static Optional<ReturnedArgument> of(ExecutableElement method, MethodTree tree) {
    if (tree == null || tree.getBody() == null
        || !(method.getReturnType() instanceof ArrayType)) {
      return Optional.empty();
    }
    List<ExpressionTree> returned = new ArrayList<>();
    Set<String> assigned = new HashSet<>();
    Map<String, ExpressionTree> locals = new HashMap<>();
    boolean[] nested = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitReturn(ReturnTree node, Void unused) {
        returned.add(node.getExpression());
        return super.visitReturn(node, unused);
      }

      @Override
      public Void visitAssignment(AssignmentTree node, Void unused) {
        target(node.getVariable());
        return super.visitAssignment(node, unused);
      }

      @Override
      public Void visitCompoundAssignment(CompoundAssignmentTree node, Void unused) {
        target(node.getVariable());
        return super.visitCompoundAssignment(node, unused);
      }

      @Override
      public Void visitUnary(UnaryTree node, Void unused) {
        target(node.getExpression());
        return super.visitUnary(node, unused);
      }

      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        String name = node.getName().toString();
        if (locals.containsKey(name) || node.getInitializer() == null) {
          assigned.add(name); // declared twice (sibling scopes) or without a value: not followed
        }
        locals.put(name, node.getInitializer());
        return super.visitVariable(node, unused);
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree node, Void unused) {
        nested[0] = true; // its returns are not the helper's
        return null;
      }

      @Override
      public Void visitClass(ClassTree node, Void unused) {
        nested[0] = true;
        return null;
      }

      private void target(ExpressionTree t) {
        if (TreeShapes.stripParentheses(t) instanceof IdentifierTree id) {
          assigned.add(id.getName().toString());
        }
      }
    }.scan(tree.getBody(), null);
    if (nested[0] || returned.isEmpty()) {
      return Optional.empty();
    }
    ReturnedArgument common = null;
    ExpressionTree resolved = null;
    for (ExpressionTree r : returned) {
      resolved = r == null ? null : local(r, locals, assigned);
      ReturnedArgument one = r == null ? null : shape(method, resolved, assigned);
      if (one == null || common != null && !common.equals(one)) {
        return Optional.empty();
      }
      common = one;
    }
    List<? extends com.sun.source.tree.StatementTree> body = tree.getBody().getStatements();
    boolean onlyReturns = body.get(body.size() - 1) instanceof ReturnTree;
    for (int k = 0; k < body.size() - 1; k++) {
      // other names for an argument or the returned row (double[] y = v;), which do nothing
      // (an index out of bounds would throw in the alias's own read of the row too)
      onlyReturns &= body.get(k) instanceof VariableTree v && v.getInitializer() != null
          && isReference(v.getInitializer(), resolved);
    }
    return Optional.of(new ReturnedArgument(common.array(), common.indexParameter(),
        common.constantIndex(), onlyReturns));
  }

  /**
   * {@code returned}, or the value of the local array it names when that local is declared once
   * with a value and never assigned (followed through chains of such locals).
   */
  private static ExpressionTree local(ExpressionTree returned, Map<String, ExpressionTree> locals,
      Set<String> assigned) {
    ExpressionTree e = returned;
    for (int hops = 0; hops <= locals.size(); hops++) {
      if (!(TreeShapes.stripParentheses(e) instanceof IdentifierTree id)) {
        return e;
      }
      String name = id.getName().toString();
      if (!locals.containsKey(name) || assigned.contains(name)) {
        return e;
      }
      e = locals.get(name);
    }
    return e;
  }

  /** A variable ({@code y}), or the very row the helper returns ({@code m[i]}). */
  private static boolean isReference(ExpressionTree e, ExpressionTree returnedRow) {
    ExpressionTree t = TreeShapes.stripParentheses(e);
    if (t instanceof ArrayAccessTree) {
      return t.toString().equals(TreeShapes.stripParentheses(returnedRow).toString());
    }
    return t instanceof IdentifierTree;
  }

  private static ReturnedArgument shape(ExecutableElement method, ExpressionTree returned,
      Set<String> assigned) {
    ExpressionTree e = TreeShapes.stripParentheses(returned);
    if (e instanceof IdentifierTree id) {
      int k = parameter(method, id, assigned);
      return k >= 0 && isArray(method, k) ? new ReturnedArgument(k, -1, null, false) : null;
    }
    if (e instanceof ArrayAccessTree access
        && TreeShapes.stripParentheses(access.getExpression()) instanceof IdentifierTree m) {
      int k = parameter(method, m, assigned);
      if (k < 0 || !isArray(method, k)) {
        return null;
      }
      ExpressionTree index = TreeShapes.stripParentheses(access.getIndex());
      if (index instanceof IdentifierTree i) {
        int j = parameter(method, i, assigned);
        return j >= 0 && method.getParameters().get(j).asType().getKind() == TypeKind.INT
            ? new ReturnedArgument(k, j, null, false) : null;
      }
      if (index instanceof LiteralTree lit && index.getKind() == Tree.Kind.INT_LITERAL) {
        return new ReturnedArgument(k, -1, (Integer) lit.getValue(), false);
      }
    }
    return null;
  }

  /** The index of the parameter {@code id} names, never assigned in the body; or -1. */
  private static int parameter(ExecutableElement method, IdentifierTree id,
      Set<String> assigned) {
    String name = id.getName().toString();
    if (assigned.contains(name)) {
      return -1;
    }
    List<? extends VariableElement> params = method.getParameters();
    for (int k = 0; k < params.size(); k++) {
      if (params.get(k).getSimpleName().contentEquals(name)) {
        return method.isVarArgs() && k == params.size() - 1 ? -1 : k;
      }
    }
    return -1;
  }

  private static boolean isArray(ExecutableElement method, int k) {
    return method.getParameters().get(k).asType() instanceof ArrayType;
  }
}
