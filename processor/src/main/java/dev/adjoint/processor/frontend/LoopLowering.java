package dev.adjoint.processor.frontend;

import com.sun.source.tree.DoWhileLoopTree;
import com.sun.source.tree.EnhancedForLoopTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.ForLoopTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.tree.WhileLoopTree;
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
 * Lowers loops: {@code for} (with its counter, when it has one), {@code while},
 * {@code do}/{@code while}, for-each over arrays and rows, and conditions that need statements
 * run before each test.
 */
final class LoopLowering {
  private final LoweringContext context;
  private final Symbols symbols;
  private final MethodProblems problems;
  private final Scope scope;
  private final JumpTargets jumps;
  private final ExpressionLowering expressions;
  private final ArrayCopies arrays;

  LoopLowering(LoweringContext context) {
    this.context = context;
    this.symbols = context.symbols();
    this.problems = context.problems();
    this.scope = context.scope();
    this.jumps = context.jumps();
    this.expressions = context.expressions();
    this.arrays = context.arrays();
  }
  void forLoop(ForLoopTree s, String userLabel, List<Stmt> out) {
    scope.push();
    List<Stmt> outer = new ArrayList<>();
    for (StatementTree init : s.getInitializer()) {
      context.statements().statement(init, outer);
    }
    LoopTest test = s.getCondition() == null ? new LoopTest(null, List.of())
        : loopTest(s.getCondition());
    Label label = (userLabel != null ? Label.user(userLabel) : Label.synthetic("loop"));
    jumps.push(JumpTargets.Kind.LOOP, label, userLabel);
    Stmt.Block body = context.statements().asBlock(s.getStatement());
    List<Stmt> update = new ArrayList<>();
    for (ExpressionStatementTree u : s.getUpdate()) {
      context.statements().statement(u, update);
    }
    jumps.pop();
    scope.pop();
    if (test.before().isEmpty()) {
      outer.add(new Stmt.Loop(label, test.condition(), body, update, true,
          counter(outer, update, body), s));
    } else {
      outer.add(new Stmt.Loop(label, null, testedFirst(test, label, body, s), update, true, null,
          s));
    }
    out.add(new Stmt.Block(null, outer, s));
  }

  /**
   * The counter of a for loop that declares one int counter, steps it by a constant in its
   * update and never assigns it in its body; null for any other loop.
   */
  private static Stmt.Counter counter(List<Stmt> init, List<Stmt> update, Stmt.Block body) {
    if (init.size() != 1 || update.size() != 1
        || !(init.get(0) instanceof Stmt.Assign start) || !start.declaration()
        || start.target().type().kind() != IrType.Kind.INT
        || !(update.get(0) instanceof Stmt.Assign step) || step.target() != start.target()
        || !(step.value() instanceof Expr.Binary b)
        || !(b.left() instanceof Expr.VarRef r && r.variable() == start.target())
        || !(b.right() instanceof Expr.Literal lit) || lit.type().kind() != IrType.Kind.INT) {
      return null;
    }
    int amount;
    try {
      amount = Integer.parseInt(lit.text());
    } catch (NumberFormatException e) {
      return null;
    }
    if (b.op() == dev.adjoint.processor.ir.BinaryOp.MINUS) {
      amount = -amount;
    } else if (b.op() != dev.adjoint.processor.ir.BinaryOp.PLUS) {
      return null;
    }
    boolean[] assigned = {false};
    dev.adjoint.processor.ir.IrWalk.statements(body, s -> {
      if (s instanceof Stmt.Assign a && a.target() == start.target()) {
        assigned[0] = true;
      }
    });
    return assigned[0] ? null : new Stmt.Counter(start.target(), start.value(), amount);
  }

  void whileLoop(WhileLoopTree s, String userLabel, List<Stmt> out) {
    LoopTest test = loopTest(s.getCondition());
    Label label = (userLabel != null ? Label.user(userLabel) : Label.synthetic("loop"));
    Stmt.Block body = body(s.getStatement(), label, userLabel);
    if (test.before().isEmpty()) {
      out.add(new Stmt.Loop(label, test.condition(), body, List.of(), true, null, s));
    } else {
      out.add(new Stmt.Loop(label, null, testedFirst(test, label, body, s), List.of(), true,
          null, s));
    }
  }

  void doWhileLoop(DoWhileLoopTree s, String userLabel, List<Stmt> out) {
    Label label = (userLabel != null ? Label.user(userLabel) : Label.synthetic("loop"));
    Stmt.Block body = body(s.getStatement(), label, userLabel);
    LoopTest test = loopTest(s.getCondition());
    if (test.before().isEmpty()) {
      out.add(new Stmt.Loop(label, test.condition(), body, List.of(), false, null, s));
      return;
    }
    // do body while (c), with statements c needs: { first = true; while (true) { if (!first)
    // { statements; if (!c) break; } first = false; body } }, so that continue still tests c.
    Variable first = context.newTemporary("first", IrType.BOOLEAN, s);
    out.add(new Stmt.Assign(first, new Expr.Literal(IrType.BOOLEAN, "true", s), true, s));
    Stmt.Block check = new Stmt.Block(null, testAndBreak(test, label, s), s);
    List<Stmt> iteration = new ArrayList<>();
    iteration.add(new Stmt.If(not(new Expr.VarRef(first, s), s), check,
        new Stmt.Block(null, List.of(), s), s));
    iteration.add(new Stmt.Assign(first, new Expr.Literal(IrType.BOOLEAN, "false", s), false, s));
    iteration.add(body);
    out.add(new Stmt.Loop(label, null, new Stmt.Block(null, iteration, s), List.of(), true, null,
        s));
  }

  /** A loop's body, lowered where {@code break} and {@code continue} reach {@code label}. */
  private Stmt.Block body(StatementTree statement, Label label, String userLabel) {
    jumps.push(JumpTargets.Kind.LOOP, label, userLabel);
    Stmt.Block body = context.statements().asBlock(statement);
    jumps.pop();
    return body;
  }

  /**
   * A loop condition and the statements it needs run first (an increment or assignment inside
   * it, a switch expression), which run again before every test.
   */
  private record LoopTest(Expr condition, List<Stmt> before) {}

  private LoopTest loopTest(ExpressionTree tree) {
    List<Stmt> before = new ArrayList<>();
    Expr condition = expressions.lower(tree, before);
    if (before.isEmpty() && condition instanceof Expr.Literal lit && lit.text().equals("true")) {
      condition = null;
    }
    return new LoopTest(condition, before);
  }

  /** A loop body that first runs the test's statements and leaves the loop if it fails. */
  private Stmt.Block testedFirst(LoopTest test, Label label, Stmt.Block body, Tree tree) {
    List<Stmt> iteration = new ArrayList<>(testAndBreak(test, label, tree));
    iteration.add(body);
    return new Stmt.Block(null, iteration, tree);
  }

  /** {@code statements; if (!condition) break label;} */
  private static List<Stmt> testAndBreak(LoopTest test, Label label, Tree tree) {
    List<Stmt> stmts = new ArrayList<>(test.before());
    stmts.add(new Stmt.If(not(test.condition(), tree),
        new Stmt.Block(null, List.of(new Stmt.Break(label, tree)), tree),
        new Stmt.Block(null, List.of(), tree), tree));
    return stmts;
  }

  private static Expr not(Expr condition, Tree tree) {
    return new Expr.Unary(dev.adjoint.processor.ir.UnaryOp.NOT, condition, IrType.BOOLEAN, tree);
  }

  /**
   * {@code for (double v : xs) body} is an indexed loop with {@code v = xs[k]} first; over the
   * rows of a matrix, {@code row} stands for {@code m[k]} itself, so no row is ever aliased.
   */
  void enhancedFor(EnhancedForLoopTree s, String userLabel, List<Stmt> out) {
    scope.push();
    List<Stmt> outer = new ArrayList<>();
    Expr lowered = expressions.lower(s.getExpression(), outer);
    if (ExpressionLowering.isPoison(lowered)) {
      scope.pop();
      return; // already reported, or left to javac
    }
    // Java evaluates the array expression once, before the first iteration.
    Expr array = lowered.type().isArray() ? arrays.stableArray(lowered, outer) : null;
    boolean rows = lowered instanceof Expr.ArrayRead
        || IrType.DOUBLE_MATRIX.equals(lowered.type());
    array = array != null && RowReferences.changedInBody(s, rows) ? arrayOfCall(s, array, outer)
        : array;
    if (array == null && lowered instanceof Expr.Call && lowered.type().isArray()) {
      array = arrayOfCall(s, lowered, outer);
      if (array == null) {
        scope.pop();
        return;
      }
    }
    if (array == null) {
      problems.error(s.getExpression(), Problem.FOR_EACH,
          "enhanced for loops can iterate over array variables only"
          + " (a row m[i] or an array a call returns is fine too); use an indexed loop");
      scope.pop();
      return;
    }
    Variable index = context.newTemporary("k", IrType.INT, s);
    outer.add(new Stmt.Assign(index, Expr.Literal.ofInt(0), true, s));
    Expr condition = new Expr.Binary(dev.adjoint.processor.ir.BinaryOp.LESS,
        new Expr.VarRef(index), new Expr.ArrayLength(array, s.getExpression()), IrType.BOOLEAN,
        s);
    Label label = userLabel != null ? Label.user(userLabel) : Label.synthetic("loop");
    jumps.push(JumpTargets.Kind.LOOP, label, userLabel);
    scope.push();
    List<Stmt> body = new ArrayList<>();
    VariableTree element = s.getVariable();
    IrType elementType = array.type().elementType();
    Expr current = new Expr.ArrayRead(array, new Expr.VarRef(index), elementType, element);
    if (elementType.isArray() && !RowReferences.changedInBody(s, true)) {
      scope.declareSynonym(element.getName().toString(), current);
    } else {
      // for (double v : ints) declares a double: the element is converted to the declared type.
      IrType declared = TreeShapes.isVar(element) ? elementType
          : symbols.typeOf(element.getType()).orElse(elementType);
      if (!declared.equals(elementType)) {
        current = new Expr.Cast(declared, current, element);
      }
      Variable v = context.declareLocal(element, declared);
      body.add(new Stmt.Assign(v, current, true, element));
    }
    body.add(context.statements().asBlock(s.getStatement()));
    scope.pop();
    jumps.pop();
    scope.pop();
    Stmt.Counter counter = new Stmt.Counter(index, Expr.Literal.ofInt(0), 1);
    outer.add(new Stmt.Loop(label, condition, new Stmt.Block(null, body, s),
        List.of(CountedLoops.increment(index, s)), true, counter, s));
    out.add(new Stmt.Block(null, outer, s));
  }

  /**
   * The array a call returns, or an array variable the body reassigns, for a for-each over it:
   * held in a local array, as Java evaluates it once.
   */
  private Expr arrayOfCall(EnhancedForLoopTree s, Expr call, List<Stmt> out) {
    Variable held = context.newTemporary("array", call.type(), s.getExpression());
    out.add(new Stmt.Assign(held, call, true, s.getExpression()));
    return new Expr.VarRef(held, s.getExpression());
  }
}
