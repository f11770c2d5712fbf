package dev.adjoint.processor.forward;

import dev.adjoint.processor.ir.AdjointOnly;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Namer;
import dev.adjoint.processor.ir.Rewrite;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Forward mode over adjoint IR, statement by statement: each assignment, element write and
 * accumulation into an active variable is preceded by its tangent's (so {@code x += e} gains
 * {@code ẋ += ė}); structure, loops over recorded trip counts and jumps are kept. The tape
 * carries each recorded double's tangent beside it: pushed after the value, so popped before it.
 * A value popped inside an expression is lifted, with its tangent, into temporaries first. A
 * call to a method whose derivatives Adjoint generates goes through its tangent entry point
 * ({@link GeneratedCalls}), a call to a {@code @Pullback} through {@link PullbackTangent}, a call
 * to an adjoint entry point through {@link AdjointCallTangent}.
 */
final class AdjointTangentTransform implements Stmt.Visitor<List<Stmt>> {
  private final Map<Variable, Variable> tangents;
  private final TangentExpressions expressions;
  private final Namer namer;
  private final PullbackTangent pullbacks;
  private final AdjointCallTangent adjointCalls;
  private final GeneratedCalls calls;

  /**
   * @param tangents the tangent of every active variable, filled in with the temporaries the
   *     transformation introduces
   * @param namer hands out the names of those temporaries
   */
  AdjointTangentTransform(Map<Variable, Variable> tangents, TangentExpressions expressions,
      Namer namer, PullbackTangent pullbacks, AdjointCallTangent adjointCalls,
      GeneratedCalls calls) {
    this.tangents = tangents;
    this.expressions = expressions;
    this.namer = namer;
    this.pullbacks = pullbacks;
    this.adjointCalls = adjointCalls;
    this.calls = calls;
  }

  List<Stmt> transform(List<Stmt> stmts) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : stmts) {
      out.addAll(s.accept(this));
    }
    return out;
  }

  private Stmt.Block block(Stmt.Block b) {
    return new Stmt.Block(b.label(), transform(b.stmts()), b.tree());
  }

  // ---------------------------------------------------------------------------- statements

  @Override
  public List<Stmt> visitAssign(Stmt.Assign a) {
    Variable tangent = tangents.get(a.target());
    List<Stmt> out = new ArrayList<>();
    if (isDoublePop(a.value())) {
      // the tangent, pushed after the value, comes off first (dropped when nothing needs it)
      out.add(tangent == null ? new Stmt.Eval(pop(a.value()), null)
          : new Stmt.Assign(tangent, pop(a.value()), a.declaration(), null));
      out.add(a);
      return out;
    }
    noAdjointCalls(a.value(), a);
    Expr value = liftPops(a.value(), out);
    if (tangent != null) {
      value = calls.lift(value, out);
    } else if (value instanceof Expr.Call c && calls.writes(c)) {
      value = calls.liftWriting(c, out); // the value carries no tangent, what it writes may
    }
    Stmt primal = new Stmt.Assign(a.target(), value, a.declaration(), a.tree());
    if (tangent == null) {
      out.add(primal);
      return out;
    }
    Expr t = expressions.of(value);
    if (t == null && a.target().type().isArray()) {
      // fresh zeros of the array's shape, made once the array exists
      out.add(primal);
      out.add(new Stmt.Assign(tangent, isNull(value) ? value
          : TangentExpressions.zerosLike(new Expr.VarRef(a.target())), a.declaration(), null));
      return out;
    }
    Expr fromResult = CallResultTangents.afterPrimal(a.target(), value, t);
    if (fromResult != null) {
      out.add(primal);
      out.add(new Stmt.Assign(tangent, fromResult, a.declaration(), null));
      return out;
    }
    out.add(new Stmt.Assign(tangent, t != null ? t : Expr.Literal.ofDouble(0), a.declaration(),
        null));
    out.add(primal);
    return out;
  }

  @Override
  public List<Stmt> visitArrayWrite(Stmt.ArrayWrite w) {
    noPops(w.array(), w);
    List<Stmt> out = new ArrayList<>();
    Expr index = w.index();
    if (containsPop(index, false)) {
      Variable at = temporary("at", IrType.INT);
      out.add(new Stmt.Assign(at, index, true, null));
      index = new Expr.VarRef(at);
    }
    Expr tangentArray = expressions.of(w.array());
    if (isDoublePop(w.value())) {
      out.add(tangentArray == null ? new Stmt.Eval(pop(w.value()), null)
          : new Stmt.ArrayWrite(tangentArray, index, pop(w.value()), null));
      out.add(new Stmt.ArrayWrite(w.array(), index, w.value(), w.tree()));
      return out;
    }
    noAdjointCalls(w.value(), w);
    Expr value = liftPops(w.value(), out);
    if (tangentArray != null) {
      value = calls.lift(value, out);
    }
    Stmt primal = new Stmt.ArrayWrite(w.array(), index, value, w.tree());
    if (tangentArray == null) {
      out.add(primal);
      return out;
    }
    Expr t = expressions.of(value);
    if (t == null && value.type().isArray()) {
      out.add(primal);
      out.add(new Stmt.ArrayWrite(tangentArray, index, isNull(value) ? value
          : TangentExpressions.zerosLike(new Expr.ArrayRead(w.array(), index, value.type(),
              null)), null));
      return out;
    }
    out.add(new Stmt.ArrayWrite(tangentArray, index, t != null ? t : Expr.Literal.ofDouble(0),
        null));
    out.add(primal);
    return out;
  }

  @Override
  public List<Stmt> visitAccumulate(Stmt.Accumulate a) {
    noPops(a.target(), a);
    List<Stmt> out = new ArrayList<>();
    Expr target = expressions.of(a.target());
    noAdjointCalls(a.value(), a);
    Expr value = liftPops(a.value(), out);
    if (target != null) {
      value = calls.lift(value, out);
      Expr t = expressions.of(value);
      if (t != null) {
        out.add(new Stmt.Accumulate(target, t, a.wholeArray(), null));
      }
    }
    out.add(new Stmt.Accumulate(a.target(), value, a.wholeArray(), a.tree()));
    return out;
  }

  @Override
  public List<Stmt> visitPush(Stmt.Push p) {
    List<Stmt> out = new ArrayList<>();
    Expr value = calls.lift(liftPops(p.value(), out), out);
    out.add(new Stmt.Push(p.tape(), value, p.tree()));
    if (value.type().carriesDerivative()) {
      out.add(new Stmt.Push(p.tape(), expressions.orZero(value), null));
    }
    return out;
  }

  @Override
  public List<Stmt> visitEval(Stmt.Eval e) {
    if (isDoublePop(e.expr())) {
      return List.of(new Stmt.Eval(pop(e.expr()), null), e); // drops the tangent too
    }
    List<Stmt> out = new ArrayList<>();
    Expr expr = liftPops(e.expr(), out);
    if (expr instanceof Expr.AdjointCall call) {
      // the tangent of the callee's adjoint entry point does its work too
      out.add(new Stmt.Eval(adjointCalls.tangent(call), e.tree()));
      return out;
    }
    if (expr instanceof Expr.Call call && calls.writes(call)) {
      Expr value = calls.liftWriting(call, out); // through the helper's tangent entry point
      if (value instanceof Expr.Call primal) {
        out.add(new Stmt.Eval(primal, e.tree())); // no derivative flows in: it still writes
      }
      return out;
    }
    if (expr instanceof Expr.Intrinsic i && savesElements(i)) {
      return savedElements(i, e, out);
    }
    if (expr instanceof Expr.Call call) {
      pullbacks.tangent(call, out);
    } else if (expr instanceof Expr.Intrinsic i && i.op() == Expr.Intrinsic.Op.CLEAR_SLOTS
        && expressions.of(i.args().get(0)) != null) {
      out.add(new Stmt.Eval(new Expr.Intrinsic(i.op(), List.of(expressions.of(i.args().get(0)),
          i.args().get(1)), i.type()), null));
    }
    out.add(expr == e.expr() ? e : new Stmt.Eval(expr, e.tree()));
    return out;
  }

  @Override
  public List<Stmt> visitBlock(Stmt.Block node) {
    return List.of(block(node));
  }

  @Override
  public List<Stmt> visitIf(Stmt.If i) {
    List<Stmt> out = new ArrayList<>();
    Expr condition = liftPops(i.condition(), out);
    out.add(new Stmt.If(condition, block(i.thenPart()), block(i.elsePart()), i.tree()));
    return out;
  }

  @Override
  public List<Stmt> visitLoop(Stmt.Loop l) {
    if (l.condition() != null) {
      noPops(l.condition(), l);
    }
    return List.of(new Stmt.Loop(l.label(), l.condition(), block(l.body()),
        transform(l.update()), l.testFirst(), l.counter(), l.tree()));
  }

  @Override
  public List<Stmt> visitIndexLoop(Stmt.IndexLoop l) {
    noPops(l.from(), l);
    noPops(l.bound(), l);
    return List.of(new Stmt.IndexLoop(l.label(), l.index(), l.from(), l.bound(), l.down(),
        block(l.body()), l.tree()));
  }

  @Override
  public List<Stmt> visitIncrement(Stmt.Increment node) {
    return List.of(node);
  }

  @Override
  public List<Stmt> visitBreak(Stmt.Break node) {
    return List.of(node);
  }

  @Override
  public List<Stmt> visitContinue(Stmt.Continue node) {
    return List.of(node);
  }

  @Override
  public List<Stmt> visitReturn(Stmt.Return node) {
    return List.of(node);
  }

  @Override
  public List<Stmt> visitThrow(Stmt.Throw node) {
    return List.of(node);
  }

  @Override
  public List<Stmt> visitComment(Stmt.Comment node) {
    return List.of(node);
  }

  // ---------------------------------------------------------------------------- the tape

  private static boolean savesElements(Expr.Intrinsic i) {
    return i.op() == Expr.Intrinsic.Op.PUSH_ELEMENTS || i.op() == Expr.Intrinsic.Op.POP_ELEMENTS;
  }

  /**
   * The contents of an array a writing helper's call may change, saved on the tape before it
   * and put back before its adjoint: the tangents' contents go beside them, pushed after the
   * values and so popped before them.
   */
  private List<Stmt> savedElements(Expr.Intrinsic i, Stmt.Eval e, List<Stmt> out) {
    Expr tangent = expressions.of(i.args().get(1));
    Stmt tangents = tangent == null ? null : new Stmt.Eval(new Expr.Intrinsic(i.op(),
        List.of(i.args().get(0), tangent), i.type()), null);
    if (tangents != null && i.op() == Expr.Intrinsic.Op.POP_ELEMENTS) {
      out.add(tangents);
    }
    out.add(e);
    if (tangents != null && i.op() == Expr.Intrinsic.Op.PUSH_ELEMENTS) {
      out.add(tangents);
    }
    return out;
  }

  /**
   * {@code e} with each double popped off the tape replaced by a temporary, its tangent popped
   * into another just before it; the pops are appended to {@code out} in evaluation order.
   */
  private Expr liftPops(Expr e, List<Stmt> out) {
    if (!containsPop(e, true)) {
      return e;
    }
    if (isDoublePop(e)) {
      Variable value = temporary("popped", e.type());
      Variable tangent = temporary("poppedDot", e.type());
      tangents.put(value, tangent);
      out.add(new Stmt.Assign(tangent, pop(e), true, null));
      out.add(new Stmt.Assign(value, e, true, null));
      return new Expr.VarRef(value);
    }
    if (e instanceof Expr.Conditional || e instanceof Expr.Binary b
        && (b.op() == BinaryOp.AND || b.op() == BinaryOp.OR)) {
      throw new IllegalStateException("forward over reverse met a value popped off the tape"
          + " under a condition: " + e);
    }
    return Rewrite.operands(e, operand -> liftPops(operand, out));
  }

  private static boolean isDoublePop(Expr e) {
    return e instanceof Expr.Intrinsic i && i.op() == Expr.Intrinsic.Op.POP
        && i.type().carriesDerivative();
  }

  /** A second pop of {@code pop}'s tape and type: the tangent, pushed after the value. */
  private static Expr pop(Expr pop) {
    Expr.Intrinsic i = (Expr.Intrinsic) pop;
    return new Expr.Intrinsic(Expr.Intrinsic.Op.POP, i.args(), i.type());
  }

  private static boolean containsPop(Expr e, boolean doublesOnly) {
    boolean[] found = {false};
    IrWalk.expressions(e, n -> found[0] |= n instanceof Expr.Intrinsic i
        && i.op() == Expr.Intrinsic.Op.POP && (!doublesOnly || i.type().carriesDerivative()));
    return found[0];
  }

  private static void noPops(Expr e, Object where) {
    if (containsPop(e, true)) {
      throw new IllegalStateException("forward over reverse cannot lift the double popped in "
          + where);
    }
  }

  /**
   * An adjoint entry point's call inside an assigned value would run without its tangent:
   * only a call standing as a statement of its own is transformed ({@link #visitEval}).
   */
  private static void noAdjointCalls(Expr e, Object where) {
    boolean[] found = {false};
    IrWalk.expressions(e, n -> found[0] |= n instanceof Expr.AdjointCall);
    if (found[0]) {
      throw new IllegalStateException("forward over reverse met an adjoint call inside " + where);
    }
  }

  private static boolean isNull(Expr e) {
    return e instanceof Expr.Literal l && l.type().kind() == IrType.Kind.NULL;
  }

  private Variable temporary(String base, IrType type) {
    return new Variable(namer.claim(base), type, Variable.Origin.SCRATCH, null);
  }

  @Override
  public String toString() {
    return "forward over reverse";
  }

  static IllegalStateException adjointOnly(Object node) {
    return AdjointOnly.in("forward over reverse", node);
  }
}
