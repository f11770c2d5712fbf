package dev.adjoint.processor.frontend;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import java.util.List;

/**
 * Recognizes the buffer swap {@code double[] t = u; u = v; v = t;} of stencil and time-stepping
 * code. Swapping which array each name holds is, for two distinct local arrays of one length that
 * nothing else refers to, the same as swapping their contents, which the transform handles (as
 * element writes); {@code t} must not be used afterwards (it would still hold an array).
 */
final class ArraySwaps {
  /**
   * The transform now follows array references (Enzyme's shadows: a swap or a hand-over is a
   * few reference assignments, of arrays of any lengths, aliased or not), which is cheaper than
   * copying elements and right where the element copy was not (an array another name also
   * refers to). Nothing is matched; this class and the lowering of its matches in
   * MethodLowering are left for the split of that file (issue 12) to delete.
   */
  private static final boolean REFERENCES_FOLLOWED = true;

  private ArraySwaps() {}

  /** The names of a swap: {@code temp} holds {@code first} while it takes {@code second}. */
  record Swap(String temp, String first, String second, VariableTree declaration) {}

  /** The swap made of {@code stmts[i..i+2]}, or null. */
  static Swap match(List<? extends StatementTree> stmts, int i) {
    if (REFERENCES_FOLLOWED) {
      return null;
    }
    if (i + 2 >= stmts.size() || !(stmts.get(i) instanceof VariableTree decl)
        || decl.getInitializer() == null) {
      return null;
    }
    String temp = decl.getName().toString();
    String first = name(TreeShapes.stripParentheses(decl.getInitializer()));
    String[] second = assignment(stmts.get(i + 1));
    String[] third = assignment(stmts.get(i + 2));
    if (first == null || second == null || third == null || !second[0].equals(first)
        || !third[0].equals(second[1]) || !third[1].equals(temp) || first.equals(second[1])) {
      return null;
    }
    for (StatementTree later : stmts.subList(i + 3, stmts.size())) {
      if (mentions(later, temp)) {
        return null;
      }
    }
    return new Swap(temp, first, second[1], decl);
  }

  /**
   * {@code h = next;} where {@code next} is declared earlier in the same block: the pair of names
   * {@code {h, next}}, or null. Nothing after it in the block may write into either array (Java
   * would see such a write through both names); once the block ends, {@code next} is gone and
   * {@code h} alone holds the array, as it holds its copy here.
   */
  static String[] matchHandOver(List<? extends StatementTree> stmts, int i,
      java.util.Set<String> declaredHere) {
    if (REFERENCES_FOLLOWED) {
      return null;
    }
    String[] names = assignment(stmts.get(i));
    if (names == null || !declaredHere.contains(names[1]) || declaredHere.contains(names[0])) {
      return null;
    }
    for (StatementTree later : stmts.subList(i + 1, stmts.size())) {
      if (mayWrite(later, names[0]) || mayWrite(later, names[1])) {
        return null;
      }
    }
    return names;
  }

  /** Whether {@code s} may write into the array named {@code name} (or reassign the name). */
  private static boolean mayWrite(StatementTree s, String name) {
    boolean[] found = {false};
    new WriteScanner() {
      @Override
      protected void written(ExpressionTree target) {
        ExpressionTree t = TreeShapes.stripParentheses(target);
        while (t instanceof com.sun.source.tree.ArrayAccessTree a) {
          t = TreeShapes.stripParentheses(a.getExpression());
        }
        found[0] |= t instanceof IdentifierTree id && id.getName().contentEquals(name);
      }

      @Override
      public Void visitMethodInvocation(com.sun.source.tree.MethodInvocationTree call,
          Void unused) {
        // A callee (Arrays.fill, a helper) receiving the array may write into it.
        for (ExpressionTree arg : call.getArguments()) {
          found[0] |= mentionsName(arg, name);
        }
        return super.visitMethodInvocation(call, unused);
      }
    }.scan(s, null);
    return found[0];
  }

  private static boolean mentionsName(ExpressionTree e, String name) {
    ExpressionTree t = TreeShapes.stripParentheses(e);
    return t instanceof IdentifierTree id && id.getName().contentEquals(name);
  }

  /** {@code {target, source}} of a statement {@code target = source;} between two names. */
  private static String[] assignment(StatementTree s) {
    if (s instanceof ExpressionStatementTree e && e.getExpression() instanceof AssignmentTree a) {
      String target = name(TreeShapes.stripParentheses(a.getVariable()));
      String source = name(TreeShapes.stripParentheses(a.getExpression()));
      return target == null || source == null ? null : new String[] {target, source};
    }
    return null;
  }

  private static String name(ExpressionTree e) {
    return e instanceof IdentifierTree id ? id.getName().toString() : null;
  }

  private static boolean mentions(StatementTree s, String name) {
    Boolean found = new TreeScanner<Boolean, Void>() {
      @Override
      public Boolean visitIdentifier(IdentifierTree node, Void unused) {
        return node.getName().contentEquals(name);
      }

      @Override
      public Boolean reduce(Boolean a, Boolean b) {
        return Boolean.TRUE.equals(a) || Boolean.TRUE.equals(b);
      }
    }.scan(s, null);
    return Boolean.TRUE.equals(found);
  }
}
