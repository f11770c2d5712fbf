package dev.adjoint.processor.frontend;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.BreakTree;
import com.sun.source.tree.ContinueTree;
import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.IfTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.SwitchTree;
import com.sun.source.tree.ThrowTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
import com.sun.source.tree.YieldTree;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.Label;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * Lowers statements: blocks and their scopes, the dispatch over statement kinds, expression
 * statements, {@code if}, {@code return}, labels, {@code break} and {@code continue}. Each kind
 * with rules of its own is handed to its lowering (declarations, loops, switch, JDK array
 * utilities, array swaps); unsupported statements are reported here.
 */
final class StatementLowering {
  private final LoweringContext context;
  private final MethodProblems problems;
  private final Scope scope;
  private final JumpTargets jumps;
  private final ExpressionLowering expressions;
  private final RecordLocals recordLocals;
  private final LocalDeclarations declarations;
  private final LoopLowering loops;
  private final SwitchLowering switches;
  private final ArrayCopies arrays;

  StatementLowering(LoweringContext context) {
    this.context = context;
    this.problems = context.problems();
    this.scope = context.scope();
    this.jumps = context.jumps();
    this.expressions = context.expressions();
    this.recordLocals = context.recordLocals();
    this.declarations = context.declarations();
    this.loops = context.loops();
    this.switches = context.switches();
    this.arrays = context.arrays();
  }
  Stmt.Block block(BlockTree block, Label label) {
    scope.push();
    List<Stmt> out = new ArrayList<>();
    for (StatementTree s : block.getStatements()) {
      statement(s, out);
    }
    scope.pop();
    return new Stmt.Block(label, out, block);
  }

  /** Lowers a statement used as a branch or loop body into a block of its own scope. */
  Stmt.Block asBlock(StatementTree s) {
    if (s == null) {
      return new Stmt.Block(null, List.of(), null);
    }
    if (s instanceof BlockTree b) {
      return block(b, null);
    }
    scope.push();
    List<Stmt> out = new ArrayList<>();
    statement(s, out);
    scope.pop();
    return new Stmt.Block(null, out, s);
  }

  void statement(StatementTree s, List<Stmt> out) {
    switch (s.getKind()) {
      case BLOCK -> out.add(block((BlockTree) s, null));
      case VARIABLE -> declarations.variable((VariableTree) s, out);
      case EXPRESSION_STATEMENT ->
          expressionStatement(((ExpressionStatementTree) s).getExpression(), out);
      case IF -> ifStatement((IfTree) s, out);
      case RETURN -> returnStatement((ReturnTree) s, out);
      case THROW -> {
        Expr exception = expressions.lower(((ThrowTree) s).getExpression(), out);
        out.add(new Stmt.Throw(exception, s));
      }
      case FOR_LOOP -> loops.forLoop((ForLoopTree) s, null, out);
      case WHILE_LOOP -> loops.whileLoop((WhileLoopTree) s, null, out);
      case DO_WHILE_LOOP -> loops.doWhileLoop((DoWhileLoopTree) s, null, out);
      case LABELED_STATEMENT -> labeled((LabeledStatementTree) s, out);
      case BREAK -> breakStatement((BreakTree) s, out);
      case CONTINUE -> continueStatement((ContinueTree) s, out);
      case SWITCH -> {
        SwitchTree sw = (SwitchTree) s;
        switches.switchStatement(sw.getExpression(), sw.getCases(), null, s, out);
      }
      case YIELD -> switches.yieldStatement((YieldTree) s, out);
      case EMPTY_STATEMENT -> { }
      case ENHANCED_FOR_LOOP -> loops.enhancedFor((EnhancedForLoopTree) s, null, out);
      default -> problems.error(s, Problem.UNSUPPORTED_STATEMENT, unsupportedStatement(s));
    }
  }

  private static String unsupportedStatement(StatementTree s) {
    String what = switch (s.getKind()) {
      case TRY -> "try statements";
      case SYNCHRONIZED -> "synchronized blocks";
      case CLASS, INTERFACE, ENUM, RECORD -> "local class declarations";
      case ASSERT -> "assert statements";
      default -> s.getKind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
          + " statements";
    };
    return what + " are not supported in a @Differentiable method; move that code into a method"
        + " that is not differentiated and pass its result in";
  }

  void expressionStatement(ExpressionTree e, List<Stmt> out) {
    switch (e.getKind()) {
      case ASSIGNMENT, PREFIX_INCREMENT, POSTFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_DECREMENT,
          PLUS_ASSIGNMENT, MINUS_ASSIGNMENT, MULTIPLY_ASSIGNMENT, DIVIDE_ASSIGNMENT,
          REMAINDER_ASSIGNMENT, AND_ASSIGNMENT, OR_ASSIGNMENT, XOR_ASSIGNMENT,
          LEFT_SHIFT_ASSIGNMENT, RIGHT_SHIFT_ASSIGNMENT, UNSIGNED_RIGHT_SHIFT_ASSIGNMENT -> {
        if (!(e instanceof com.sun.source.tree.AssignmentTree a
            && recordLocals.assignment(a, out))) {
          context.assignments().assignment(e, out);
        }
      }
      case METHOD_INVOCATION -> {
        if (!arrays.arrayUtilityStatement((MethodInvocationTree) e, out)) {
          out.add(new Stmt.Eval(expressions.lower(e, out), e));
        }
      }
      default -> problems.error(e, Problem.UNSUPPORTED_STATEMENT,
          "this expression statement is not supported in a"
          + " @Differentiable method");
    }
  }

  private void ifStatement(IfTree s, List<Stmt> out) {
    Expr condition = expressions.lower(s.getCondition(), out);
    Stmt.Block thenPart = asBlock(s.getThenStatement());
    Stmt.Block elsePart = asBlock(s.getElseStatement());
    out.add(new Stmt.If(condition, thenPart, elsePart, s));
  }

  private void returnStatement(ReturnTree s, List<Stmt> out) {
    Variable result = context.result();
    if (switches.insideSwitchExpression()) {
      problems.error(s, Problem.UNSUPPORTED_STATEMENT,
          "return inside a switch expression is not allowed");
      return;
    }
    if (s.getExpression() != null) {
      Expr value = result.type().isArray() ? expressions.arrayValue(s.getExpression(), out)
          : expressions.lower(s.getExpression(), out);
      out.add(new Stmt.Assign(result, value,
          false, s));
    }
    out.add(new Stmt.Return(s));
  }

  private void labeled(LabeledStatementTree s, List<Stmt> out) {
    String name = s.getLabel().toString();
    StatementTree inner = s.getStatement();
    switch (inner.getKind()) {
      case FOR_LOOP -> loops.forLoop((ForLoopTree) inner, name, out);
      case WHILE_LOOP -> loops.whileLoop((WhileLoopTree) inner, name, out);
      case DO_WHILE_LOOP -> loops.doWhileLoop((DoWhileLoopTree) inner, name, out);
      case ENHANCED_FOR_LOOP -> loops.enhancedFor((EnhancedForLoopTree) inner, name, out);
      case SWITCH -> {
        SwitchTree sw = (SwitchTree) inner;
        switches.switchStatement(sw.getExpression(), sw.getCases(), name, inner, out);
      }
      default -> {
        Label label = Label.user(name);
        jumps.push(JumpTargets.Kind.BLOCK, label, name);
        Stmt.Block body = inner instanceof BlockTree b ? block(b, label) : labelBlock(inner, label);
        jumps.pop();
        out.add(body);
      }
    }
  }

  private Stmt.Block labelBlock(StatementTree inner, Label label) {
    Stmt.Block b = asBlock(inner);
    return new Stmt.Block(label, b.stmts(), inner);
  }

  private void breakStatement(BreakTree s, List<Stmt> out) {
    String name = s.getLabel() == null ? null : s.getLabel().toString();
    Label target = jumps.breakTarget(name);
    if (target == null) {
      problems.failSilently(); // javac reports the missing label itself
      return;
    }
    out.add(new Stmt.Break(target, s));
  }

  private void continueStatement(ContinueTree s, List<Stmt> out) {
    String name = s.getLabel() == null ? null : s.getLabel().toString();
    Label target = jumps.continueTarget(name);
    if (target == null) {
      problems.failSilently(); // javac reports the missing loop itself
      return;
    }
    out.add(new Stmt.Continue(target, s));
  }
}
