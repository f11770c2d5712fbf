package dev.adjoint.processor.frontend;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The body of a helper that returns a record, as {@link RecordHelpers} inlines it: statements
 * that compute locals, then {@code return new R(...);} as the last statement. Inlined, the
 * statements run where the call stands (its locals in a scope of their own), so the body may
 * read nothing but its parameters and its own locals (a name of the caller's would otherwise
 * mean the caller's variable), assign only its own locals, and return only at its end.
 */
final class RecordHelperBody {
  private final List<StatementTree> statements;
  private final NewClassTree built;
  private final Set<String> locals;

  private RecordHelperBody(List<StatementTree> statements, NewClassTree built,
      Set<String> locals) {
    this.statements = statements;
    this.built = built;
    this.locals = locals;
  }

  /** The body of {@code m} when it ends with {@code return new R(...);}. */
  static Optional<RecordHelperBody> of(MethodTree m) {
    BlockTree body = m.getBody();
    if (body == null || body.getStatements().isEmpty()) {
      return Optional.empty();
    }
    List<? extends StatementTree> all = body.getStatements();
    if (!(all.get(all.size() - 1) instanceof ReturnTree r) || r.getExpression() == null
        || !(TreeShapes.stripParentheses(r.getExpression()) instanceof NewClassTree n)
        || n.getClassBody() != null) {
      return Optional.empty();
    }
    Set<String> locals = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree v, Void unused) {
        locals.add(v.getName().toString());
        return super.visitVariable(v, null);
      }

      @Override
      public Void visitClass(ClassTree c, Void unused) {
        return null;
      }

      @Override
      public Void visitLambdaExpression(LambdaExpressionTree l, Void unused) {
        return null;
      }
    }.scan(body, null);
    return Optional.of(new RecordHelperBody(new ArrayList<>(all.subList(0, all.size() - 1)), n,
        locals));
  }

  /** The statements before the {@code return}. */
  List<StatementTree> statements() {
    return statements;
  }

  /** The record the helper builds and returns. */
  NewClassTree built() {
    return built;
  }

  /** The names the body declares. */
  Set<String> locals() {
    return locals;
  }

  /**
   * What in the body keeps it from being inlined, or empty: {@code isType} says whether a
   * qualifier names a type ({@code Math.PI}).
   */
  Optional<String> problem(Set<String> parameters, Predicate<IdentifierTree> isType) {
    Set<String> readable = new HashSet<>(parameters);
    readable.addAll(locals);
    Check check = new Check(readable, isType);
    for (StatementTree s : statements) {
      String p = check.scan(s, null);
      if (p != null) {
        return Optional.of(p);
      }
    }
    return Optional.ofNullable(check.scan(built, null));
  }

  /** Reads only {@code readable} names, assigns only the body's own locals, no inner return. */
  private final class Check extends TreeScanner<String, Void> {
    private final Set<String> readable;
    private final Predicate<IdentifierTree> isType;

    Check(Set<String> readable, Predicate<IdentifierTree> isType) {
      this.readable = readable;
      this.isType = isType;
    }

    @Override
    public String reduce(String a, String b) {
      return a != null ? a : b;
    }

    @Override
    public String visitIdentifier(IdentifierTree id, Void unused) {
      String name = id.getName().toString();
      return readable.contains(name) ? null
          : "reads '" + name + "', which is not one of its parameters"
              + (locals.isEmpty() ? "" : " nor one of its locals") + "; pass it in";
    }

    @Override
    public String visitMemberSelect(MemberSelectTree m, Void unused) {
      if (m.getExpression() instanceof IdentifierTree q && !readable.contains(q.getName()
          .toString()) && isType.test(q)) {
        return null; // Math.PI, a constant of a named type
      }
      return scan(m.getExpression(), null);
    }

    @Override
    public String visitMethodInvocation(MethodInvocationTree call, Void unused) {
      String args = scan(call.getArguments(), null);
      if (args != null) {
        return args;
      }
      return call.getMethodSelect() instanceof IdentifierTree ? null
          : scan(call.getMethodSelect(), null);
    }

    @Override
    public String visitNewClass(NewClassTree n, Void unused) {
      return n.getClassBody() != null ? "declares a class" : scan(n.getArguments(), null);
    }

    @Override
    public String visitAssignment(AssignmentTree a, Void unused) {
      return reduce(target(a.getVariable()), scan(a.getExpression(), null));
    }

    @Override
    public String visitCompoundAssignment(CompoundAssignmentTree a, Void unused) {
      return reduce(target(a.getVariable()), scan(a.getExpression(), null));
    }

    @Override
    public String visitUnary(UnaryTree u, Void unused) {
      return switch (u.getKind()) {
        case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT ->
            target(u.getExpression());
        default -> super.visitUnary(u, null);
      };
    }

    /** An assigned variable (or element) must be one of the body's own locals. */
    private String target(ExpressionTree t) {
      ExpressionTree root = TreeShapes.stripParentheses(t);
      while (root instanceof ArrayAccessTree a) {
        String index = scan(a.getIndex(), null);
        if (index != null) {
          return index;
        }
        root = TreeShapes.stripParentheses(a.getExpression());
      }
      if (root instanceof IdentifierTree id && locals.contains(id.getName().toString())) {
        return null;
      }
      return "assigns '" + root + "', which is not one of its own locals; assign a local copy"
          + " instead";
    }

    @Override
    public String visitReturn(ReturnTree r, Void unused) {
      return "returns before its last statement; compute the components into locals and end"
          + " with the one 'return new ...(...);'";
    }

    @Override
    public String visitLambdaExpression(LambdaExpressionTree l, Void unused) {
      return "holds a lambda";
    }

    @Override
    public String visitMemberReference(MemberReferenceTree m, Void unused) {
      return "holds a method reference";
    }

    @Override
    public String visitSwitchExpression(SwitchExpressionTree s, Void unused) {
      return "holds a switch expression";
    }

    @Override
    public String visitClass(ClassTree c, Void unused) {
      return "declares a class";
    }

    @Override
    public String visitVariable(VariableTree v, Void unused) {
      // its type is a type, not a read; its initializer is checked
      return v.getInitializer() == null ? null : scan(v.getInitializer(), null);
    }

    @Override
    public String scan(Tree tree, Void unused) {
      return tree == null ? null : super.scan(tree, null);
    }
  }
}
