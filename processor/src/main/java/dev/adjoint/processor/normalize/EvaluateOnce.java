package dev.adjoint.processor.normalize;

import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.ir.AdjointOnly;
import com.sun.source.tree.Tree;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.RuleTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes every call that is not known to be pure ({@code Math.random()}, a method of an object, a
 * method without source) evaluated exactly once, where the original evaluates it. The reverse
 * sweep re-evaluates the operands a partial derivative needs ({@code a * r} needs {@code r}); a
 * call nested in such an operand is therefore moved into a temporary of its own just before its
 * statement, and the reverse sweep reads (or restores) the temporary instead of calling again.
 *
 * <p>Calls with a derivative rule are pure by contract: Math's are, helpers with source are
 * checked where they are differentiated ({@link #firstImpureCall}), and a declared
 * {@code @Partial} or {@code @Pullback} promises a function.
 */
public final class EvaluateOnce {
  private final CallPurity purity;
  private final MethodProblems problems;
  private final List<Variable> temporaries = new ArrayList<>();
  /**
   * Set while rewriting a statement from which an impure call moves: then every read that Java
   * evaluates before it and that the call could change (a field, an array element, another call)
   * moves too, in order, so that the statement sees exactly what Java's evaluation order gives.
   */
  private boolean keepOrder;
  /**
   * Set when the method calls something that is not pure: a field, or an element of an array
   * held in a field, may then change between a statement and the reverse sweep of it, so an
   * active statement reads it into a temporary (which is recorded if it is overwritten).
   */
  private boolean fieldsMayChange;

  private EvaluateOnce(RuleTable rules, MethodProblems problems) {
    this.purity = new CallPurity(rules);
    this.problems = problems;
  }

  /** {@code ir} with impure nested calls moved into temporaries; {@code ir} itself if none. */
  public static MethodIr apply(MethodIr ir, RuleTable rules, MethodProblems problems) {
    EvaluateOnce pass = new EvaluateOnce(rules, problems);
    pass.fieldsMayChange = pass.purity.firstImpureCall(ir).isPresent();
    if (pass.fieldsMayChange && problems != null) {
      pass.purity.rejectHelpersReadingState(ir, problems);
    }
    Stmt.Block body = pass.block(ir.body());
    if (pass.temporaries.isEmpty()) {
      return ir;
    }
    List<Variable> locals = new ArrayList<>(ir.locals());
    locals.addAll(pass.temporaries);
    return new MethodIr(ir.element(), ir.tree(), ir.unit(), ir.parameters(), ir.differentiated(),
        locals, ir.result(), body);
  }

  /**
   * The first call in {@code ir} that is not known to be pure, or empty: see
   * {@link CallPurity#firstImpureCall}.
   */
  public static Optional<Tree> firstImpureCall(MethodIr ir, RuleTable rules) {
    return new CallPurity(rules).firstImpureCall(ir);
  }

  private Stmt.Block block(Stmt.Block b) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : b.stmts()) {
      statement(s, out);
    }
    return new Stmt.Block(b.label(), out, b.tree());
  }

  private void statement(Stmt s, List<Stmt> out) {
    s.accept(new Statement(out));
  }

  /** Appends one statement to {@code out}, preceded by the temporaries it now reads. */
  private final class Statement implements Stmt.Visitor<Void> {
    private final List<Stmt> out;

    Statement(List<Stmt> out) {
      this.out = out;
    }

    @Override
    public Void visitAssign(Stmt.Assign a) {
      if (!a.target().type().carriesDerivative()) {
        return unchanged(a); // values without derivatives are never evaluated again
      }
      // The whole value is evaluated by the forward sweep only: only nested calls move.
      keepOrder = purity.movesImpureCall(a.value(), true);
      Expr value = a.value() instanceof Expr.Call c ? withArgs(c, out) : nested(a.value(), out);
      keepOrder = false;
      out.add(value == a.value() ? a : new Stmt.Assign(a.target(), value, a.declaration(),
          a.tree()));
      return null;
    }

    @Override
    public Void visitArrayWrite(Stmt.ArrayWrite w) {
      if (!w.value().type().carriesDerivative()) {
        return unchanged(w);
      }
      keepOrder = purity.movesImpureCall(w.value(), true);
      Expr value = w.value() instanceof Expr.Call c ? withArgs(c, out) : nested(w.value(), out);
      keepOrder = false;
      out.add(value == w.value() ? w : new Stmt.ArrayWrite(w.array(), w.index(), value,
          w.tree()));
      return null;
    }

    @Override
    public Void visitEval(Stmt.Eval node) {
      return unchanged(node); // effects are not evaluated again by the reverse sweep
    }

    @Override
    public Void visitBlock(Stmt.Block b) {
      out.add(block(b));
      return null;
    }

    @Override
    public Void visitIf(Stmt.If i) {
      // The condition is not evaluated again by the reverse sweep.
      out.add(new Stmt.If(i.condition(), block(i.thenPart()), block(i.elsePart()), i.tree()));
      return null;
    }

    @Override
    public Void visitLoop(Stmt.Loop l) {
      List<Stmt> update = new ArrayList<>();
      for (Stmt u : l.update()) {
        List<Stmt> hoisted = new ArrayList<>();
        statement(u, hoisted);
        if (hoisted.size() > 1) {
          report(u.tree(), "this loop update");
        }
        update.add(hoisted.get(hoisted.size() - 1));
      }
      out.add(new Stmt.Loop(l.label(), l.condition(), block(l.body()), update, l.testFirst(),
          l.counter(), l.tree()));
      return null;
    }

    @Override
    public Void visitBreak(Stmt.Break node) {
      return unchanged(node);
    }

    @Override
    public Void visitContinue(Stmt.Continue node) {
      return unchanged(node);
    }

    @Override
    public Void visitReturn(Stmt.Return node) {
      return unchanged(node);
    }

    @Override
    public Void visitAccumulate(Stmt.Accumulate node) {
      throw AdjointOnly.in("evaluate-once", node);
    }

    @Override
    public Void visitComment(Stmt.Comment node) {
      throw AdjointOnly.in("evaluate-once", node);
    }

    @Override
    public Void visitPush(Stmt.Push node) {
      throw AdjointOnly.in("evaluate-once", node);
    }

    @Override
    public Void visitIncrement(Stmt.Increment node) {
      throw AdjointOnly.in("evaluate-once", node);
    }

    @Override
    public Void visitIndexLoop(Stmt.IndexLoop node) {
      throw AdjointOnly.in("evaluate-once", node);
    }

    @Override
    public Void visitThrow(Stmt.Throw node) {
      return unchanged(node);
    }

    private Void unchanged(Stmt s) {
      out.add(s);
      return null;
    }
  }

  /** A call at the root of a value: its arguments may be re-evaluated, the call itself not. */
  private Expr withArgs(Expr.Call c, List<Stmt> out) {
    List<Expr> args = new ArrayList<>();
    boolean changed = false;
    for (Expr a : c.args()) {
      Expr n = nested(a, out);
      changed |= n != a;
      args.add(n);
    }
    return changed ? new Expr.Call(c.method(), c.receiver(), args, c.type(), c.tree()) : c;
  }

  /** Whether an element read reads an array held in a field: {@code W[i]}, {@code M[i][j]}. */
  private static boolean rootedAtField(Expr e) {
    Expr a = e;
    while (a instanceof Expr.ArrayRead r) {
      a = r.array();
    }
    return a instanceof Expr.FieldRef;
  }

  /** {@code value} in a new temporary, assigned just before the statement. */
  private Expr hold(Expr value, Expr original, List<Stmt> out) {
    Variable t = new Variable("evaluated", original.type(), Variable.Origin.TEMPORARY,
        original.tree());
    temporaries.add(t);
    out.add(new Stmt.Assign(t, value, true, null));
    return new Expr.VarRef(t, original.tree());
  }

  /** {@code e} with every impure call in it (innermost first) read from a temporary. */
  private Expr nested(Expr e, List<Stmt> out) {
    return e.accept(new Nested(out));
  }

  /**
   * Moves impure calls out of an expression into temporaries appended to {@code out}. Leaves
   * alone what the reverse sweep never evaluates again: literals, variables, fields, lengths and
   * allocations.
   */
  private final class Nested implements Expr.Visitor<Expr> {
    private final List<Stmt> out;

    Nested(List<Stmt> out) {
      this.out = out;
    }

    @Override
    public Expr visitLiteral(Expr.Literal node) {
      return node;
    }

    @Override
    public Expr visitVarRef(Expr.VarRef node) {
      return node;
    }

    @Override
    public Expr visitFieldRef(Expr.FieldRef f) {
      boolean held = (keepOrder || fieldsMayChange) && CallPurity.isHoldable(f.type())
          && !f.field().getModifiers().contains(javax.lang.model.element.Modifier.FINAL);
      return held ? hold(f, f, out) : f;
    }

    @Override
    public Expr visitBinary(Expr.Binary b) {
      Expr l = nested(b.left(), out);
      Expr r = b.op() == BinaryOp.AND || b.op() == BinaryOp.OR
          ? onlySometimes(b.right()) : nested(b.right(), out);
      return l == b.left() && r == b.right() ? b
          : new Expr.Binary(b.op(), l, r, b.type(), b.tree());
    }

    @Override
    public Expr visitUnary(Expr.Unary u) {
      Expr o = nested(u.operand(), out);
      return o == u.operand() ? u : new Expr.Unary(u.op(), o, u.type(), u.tree());
    }

    @Override
    public Expr visitCast(Expr.Cast c) {
      Expr o = nested(c.operand(), out);
      return o == c.operand() ? c : new Expr.Cast(c.type(), o, c.tree());
    }

    @Override
    public Expr visitConditional(Expr.Conditional c) {
      Expr condition = nested(c.condition(), out);
      onlySometimes(c.whenTrue());
      onlySometimes(c.whenFalse());
      return condition == c.condition() ? c : new Expr.Conditional(condition, c.whenTrue(),
          c.whenFalse(), c.type(), c.tree());
    }

    @Override
    public Expr visitCall(Expr.Call c) {
      Expr.Call withArgs = (Expr.Call) withArgs(c, out);
      if (purity.isPure(c) && !keepOrder
          || !CallPurity.isHoldable(c.type()) && !c.type().isArray()) {
        // An object is held by the call that reads a number out of it, which is moved instead.
        return withArgs;
      }
      return hold(withArgs, c, out);
    }

    @Override
    public Expr visitArrayRead(Expr.ArrayRead a) {
      Expr array = nested(a.array(), out);
      Expr index = nested(a.index(), out);
      Expr read = array == a.array() && index == a.index() ? a
          : new Expr.ArrayRead(array, index, a.type(), a.tree());
      boolean held = keepOrder || fieldsMayChange && rootedAtField(a);
      return held && CallPurity.isHoldable(a.type()) ? hold(read, a, out) : read;
    }

    @Override
    public Expr visitArrayLength(Expr.ArrayLength node) {
      return node;
    }

    @Override
    public Expr visitNewArray(Expr.NewArray node) {
      return node;
    }

    @Override
    public Expr visitAdjointCall(Expr.AdjointCall node) {
      throw AdjointOnly.in("evaluate-once", node);
    }

    @Override
    public Expr visitTangentCall(Expr.TangentCall node) {
      throw new IllegalStateException("evaluate-once met " + node + ", a node of the tangent IR only");
    }

    @Override
    public Expr visitIntrinsic(Expr.Intrinsic node) {
      throw AdjointOnly.in("evaluate-once", node);
    }

    @Override
    public Expr visitNewObject(Expr.NewObject node) {
      return node;
    }
  }

  /**
   * An operand evaluated only on some paths ({@code ?:}, {@code &&}, {@code ||}): its impure
   * calls cannot move before the statement, so they are reported.
   */
  private Expr onlySometimes(Expr e) {
    IrWalk.expressions(e, n -> {
      if (n instanceof Expr.Call c && !purity.isPure(c)) {
        report(c.tree(), "a conditional operand (?:, && or ||)");
      }
    });
    return e;
  }

  private void report(Tree at, String where) {
    if (problems != null && at != null) {
      problems.error(at, Problem.IMPURE_CALL,
          "this call is not known to be pure and stands in " + where + ", where"
          + " Adjoint cannot make sure it is evaluated exactly once; assign its result to a"
          + " local variable first and use the variable");
    }
  }
}
