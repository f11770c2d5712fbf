package dev.adjoint.processor.frontend;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.CaseTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.YieldTree;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Label;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * Lowers {@code switch} statements and expressions onto labelled blocks holding if/else-if
 * chains, and {@code yield}; owns the switch expression being lowered.
 */
final class SwitchLowering {
  private final LoweringContext context;
  private final MethodProblems problems;
  private final Scope scope;
  private final JumpTargets jumps;
  private final ExpressionLowering expressions;

  /** The switch expression being lowered, with the variable its {@code yield}s assign. */
  private Variable yieldTarget;
  private Label yieldLabel;

  SwitchLowering(LoweringContext context) {
    this.context = context;
    this.problems = context.problems();
    this.scope = context.scope();
    this.jumps = context.jumps();
    this.expressions = context.expressions();
  }

  /** Whether a switch expression is being lowered (where {@code return} is not allowed). */
  boolean insideSwitchExpression() {
    return yieldTarget != null;
  }
  /**
   * Lowers a switch statement onto a labelled block holding an if/else-if chain. Case groups may
   * not fall through into the next one; an empty group shares the next group's body.
   */
  void switchStatement(ExpressionTree selectorTree, List<? extends CaseTree> cases,
      String userLabel, Tree origin, List<Stmt> out) {
    Expr selector = stableSelector(selectorTree, out);
    Label label = (userLabel != null ? Label.user(userLabel) : Label.synthetic("cases"));
    jumps.push(JumpTargets.Kind.SWITCH, label, userLabel);
    Stmt.Block chain = caseChain(selector, cases, label, false);
    jumps.pop();
    out.add(new Stmt.Block(label, List.of(chain), origin));
  }

  /** Lowers {@code switch} used as an expression: its yields assign a fresh temporary. */
  Expr switchExpression(SwitchExpressionTree s, List<Stmt> out) {
    Expr selector = stableSelector(s.getExpression(), out);
    Variable previousTarget = yieldTarget;
    Label previousLabel = yieldLabel;
    Label label = Label.synthetic("cases");
    IrType type = switchExpressionType(s);
    Variable target = context.newTemporary("switchValue", type, s);
    yieldTarget = target;
    yieldLabel = label;
    jumps.push(JumpTargets.Kind.BLOCK, label, null);
    Stmt.Block chain = caseChain(selector, s.getCases(), label, true);
    jumps.pop();
    yieldTarget = previousTarget;
    yieldLabel = previousLabel;
    out.add(new Stmt.Block(label, List.of(chain), s));
    return new Expr.VarRef(target, s);
  }

  private IrType switchExpressionType(SwitchExpressionTree s) {
    IrType type = null;
    for (CaseTree c : s.getCases()) {
      if (c.getBody() instanceof ExpressionTree e) {
        IrType t = expressions.peekType(e);
        type = type == null ? t : expressions.unify(type, t);
      }
    }
    return type == null ? IrType.DOUBLE : type;
  }

  private Expr stableSelector(ExpressionTree selectorTree, List<Stmt> out) {
    Expr selector = expressions.lower(selectorTree, out);
    if (enumOf(selector.type()) != null) {
      // A switch on a null enum throws NullPointerException; comparisons with == would not.
      selector = context.calls().requireNonNull(selector, selectorTree);
    } else if (selector instanceof Expr.VarRef) {
      return selector;
    }
    Variable temp = context.newTemporary("selector", selector.type(), selectorTree);
    out.add(new Stmt.Assign(temp, selector, true, selectorTree));
    return new Expr.VarRef(temp, selectorTree);
  }

  @SuppressWarnings("deprecation") // CaseTree.getExpressions: the Java 17 API this targets
  private Stmt.Block caseChain(Expr selector, List<? extends CaseTree> cases, Label label,
      boolean isExpression) {
    List<Expr> pendingLabels = new ArrayList<>();
    boolean pendingDefault = false;
    List<Expr> conditions = new ArrayList<>();
    List<Stmt.Block> bodies = new ArrayList<>();
    Stmt.Block defaultBody = null;
    for (int i = 0; i < cases.size(); i++) {
      CaseTree c = cases.get(i);
      boolean isDefault = c.getExpressions().isEmpty();
      pendingDefault |= isDefault;
      for (ExpressionTree e : c.getExpressions()) {
        pendingLabels.add(caseMatch(selector, e));
      }
      boolean rule = c.getCaseKind() == CaseTree.CaseKind.RULE;
      if (!rule && c.getStatements().isEmpty() && i < cases.size() - 1) {
        continue;
      }
      Stmt.Block body = rule ? ruleBody(c, isExpression) : groupBody(c, i == cases.size() - 1);
      if (pendingDefault) {
        defaultBody = body;
      } else {
        conditions.add(anyOf(pendingLabels));
        bodies.add(body);
      }
      pendingLabels = new ArrayList<>();
      pendingDefault = false;
    }
    if (defaultBody == null && isExpression) {
      // An exhaustive switch expression over an enum: a constant added after compilation
      // matches no case, and Java throws.
      defaultBody = new Stmt.Block(null, List.of(new Stmt.Throw(context.calls().newError(
          "java.lang.IncompatibleClassChangeError", selector.tree()), selector.tree())), null);
    }
    Stmt.Block chain = defaultBody != null ? defaultBody : new Stmt.Block(null, List.of(), null);
    for (int i = conditions.size() - 1; i >= 0; i--) {
      Stmt.If branch = new Stmt.If(conditions.get(i), bodies.get(i), chain, null);
      chain = new Stmt.Block(null, List.of(branch), null);
    }
    return chain;
  }

  /** The enum a value of this type belongs to, or null when it is not an enum. */
  private static javax.lang.model.element.TypeElement enumOf(IrType type) {
    if (type.kind() == IrType.Kind.OTHER
        && type.mirror() instanceof javax.lang.model.type.DeclaredType d
        && d.asElement().getKind() == javax.lang.model.element.ElementKind.ENUM) {
      return (javax.lang.model.element.TypeElement) d.asElement();
    }
    return null;
  }

  private Expr caseMatch(Expr selector, ExpressionTree label) {
    javax.lang.model.element.TypeElement enumType = enumOf(selector.type());
    Expr constant = enumType != null && label instanceof com.sun.source.tree.IdentifierTree id
        ? context.calls().enumConstant(enumType, id)
        : expressions.lower(label, new ArrayList<>());
    if (selector.type().kind() == IrType.Kind.STRING) {
      return context.calls().stringEquals(selector, constant, label);
    }
    return new Expr.Binary(dev.adjoint.processor.ir.BinaryOp.EQUAL, selector, constant,
        IrType.BOOLEAN, label);
  }

  private static Expr anyOf(List<Expr> conditions) {
    Expr result = conditions.get(0);
    for (int i = 1; i < conditions.size(); i++) {
      result = new Expr.Binary(dev.adjoint.processor.ir.BinaryOp.OR, result, conditions.get(i),
          IrType.BOOLEAN, null);
    }
    return result;
  }

  private Stmt.Block ruleBody(CaseTree c, boolean isExpression) {
    Tree body = c.getBody();
    if (isExpression && body instanceof ExpressionTree e) {
      List<Stmt> out = new ArrayList<>();
      Expr value = expressions.lower(e, out);
      out.add(new Stmt.Assign(yieldTarget, value,
          false, e));
      return new Stmt.Block(null, out, c);
    }
    if (body instanceof StatementTree s) {
      return context.statements().asBlock(s);
    }
    scope.push();
    List<Stmt> out = new ArrayList<>();
    context.statements().expressionStatement((ExpressionTree) body, out);
    scope.pop();
    return new Stmt.Block(null, out, c);
  }

  private Stmt.Block groupBody(CaseTree c, boolean last) {
    List<? extends StatementTree> statements = c.getStatements();
    int end = statements.size();
    if (end > 0 && statements.get(end - 1) instanceof BreakTree b && b.getLabel() == null) {
      end--;
    } else if (!last && end > 0 && completesNormally(statements.get(end - 1))) {
      problems.error(statements.get(end - 1), Problem.SWITCH_FALL_THROUGH,
          "falling through to the next switch case is not"
          + " supported; end this case with break, return or throw");
    }
    scope.push();
    List<Stmt> out = new ArrayList<>();
    for (StatementTree s : statements.subList(0, end)) {
      context.statements().statement(s, out);
    }
    scope.pop();
    return new Stmt.Block(null, out, c);
  }

  private static boolean completesNormally(StatementTree s) {
    return switch (s.getKind()) {
      case BREAK, CONTINUE, RETURN, THROW, YIELD -> false;
      case BLOCK -> {
        List<? extends StatementTree> inner = ((BlockTree) s).getStatements();
        yield inner.isEmpty() || completesNormally(inner.get(inner.size() - 1));
      }
      case IF -> {
        IfTree i = (IfTree) s;
        yield i.getElseStatement() == null || completesNormally(i.getThenStatement())
            || completesNormally(i.getElseStatement());
      }
      default -> true;
    };
  }

  void yieldStatement(YieldTree s, List<Stmt> out) {
    if (yieldTarget == null) {
      problems.error(s, Problem.UNSUPPORTED_STATEMENT, "yield outside a switch expression");
      return;
    }
    Expr value = expressions.lower(s.getValue(), out);
    out.add(new Stmt.Assign(yieldTarget, value, false,
        s));
    out.add(new Stmt.Break(yieldLabel, s));
  }
}
