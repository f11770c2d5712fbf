package dev.adjoint.processor.transform;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The body of a fused loop ({@link LoopFusion}): one iteration's forward, then its reverse, with
 * what the reverse would redo dropped where the forward just did it.
 *
 * <p>The reverse of an iteration starts by restoring the state the iteration started from: the
 * counter ({@code i = iteration - 1}), then the cheap temporaries recomputed from it
 * ({@code t = f(x[i])}). Right after the forward, a temporary the forward assigned once, at the
 * top level, from the same expression, still holds that value when nothing the expression
 * reads was written since (the counter aside, which the restore gives back, if the forward did
 * not write it before): its recomputation is dropped, and the counter restore too when nothing
 * else reads it. A term {@code s = s + f(args)} of the sum whose reverse is the call
 * {@code fAdjoint(args, sAdj, ...)} first thing, with the same arguments holding the same values,
 * becomes {@code s = s + fAdjoint(args, sAdj, ...)}: the entry point returns the value, so the
 * callee runs once instead of twice. The adjoint of a temporary declared in the loop is cleared
 * where the reverse part starts rather than where it ends, so that the clean-ups see its first
 * contribution as its value ({@code tAdj = a; tAdj += b} is {@code tAdj = a + b}, exactly).
 */
final class FusedBody {
  private final SweepNames names;
  private final Variable counter;
  private final List<Stmt> forward;
  private final List<Stmt> reverse;

  private FusedBody(Stmt.Loop loop, SweepNames names, List<Stmt> forward, List<Stmt> reverse) {
    this.names = names;
    this.counter = loop.counter() != null ? loop.counter().variable() : null;
    this.forward = new ArrayList<>(forward);
    this.reverse = new ArrayList<>(reverse);
  }

  /**
   * The forward and reverse of one iteration of {@code loop}, the reverse's redundant restores
   * dropped: {@code forward} is the forward sweep's loop body, {@code reverse} the reverse
   * sweep's iteration, {@code recomputed} the temporaries it recomputes, in order, and {@code sum}
   * the accumulator.
   */
  static FusedBody of(Stmt.Loop loop, SweepNames names, List<Stmt> forward, List<Stmt> reverse,
      List<Stmt.Assign> recomputed, Variable sum) {
    FusedBody b = new FusedBody(loop, names, forward, reverse);
    b.dropRestores(recomputed);
    b.callOnce(sum);
    return b;
  }

  List<Stmt> forward() {
    return forward;
  }

  /**
   * The reverse part, the clears of temporaries' adjoints moved to its start, and the saves of
   * temporaries whose restored values nobody reads dropped (from the forward too).
   */
  List<Stmt> reverse(Set<Variable> declaredInLoop) {
    while (dropDeadSave(declaredInLoop)) {
      // the next outermost push and pop
    }
    List<Stmt> out = new ArrayList<>();
    List<Stmt> rest = new ArrayList<>(reverse);
    for (Variable v : declaredInLoop) {
      Variable adjoint = names.existingAdjoint(v);
      if (adjoint == null || adjoint.type().isArray()) {
        continue;
      }
      int last = lastMention(rest, adjoint);
      if (last >= 0 && rest.get(last) instanceof Stmt.Assign a && a.target() == adjoint
          && !a.declaration() && a.value() instanceof Expr.Literal l && l.text().equals("0.0")) {
        rest.remove(last);
        out.add(new Stmt.Assign(adjoint, Expr.Literal.ofDouble(0.0), false, null));
      }
    }
    out.addAll(rest);
    return out;
  }

  /**
   * Drops the outermost push and pop of the iteration when they save and restore a temporary
   * declared in the loop that the forward assigns before it reads it: the restored value would
   * only be overwritten by the next iteration (and nothing after the loop sees the temporary).
   * The first statement of the forward touching the tape pushes, the last of the reverse pops:
   * an iteration pops what it pushed, so these two are a pair.
   */
  private boolean dropDeadSave(Set<Variable> declaredInLoop) {
    Variable tape = names.tape();
    int push = firstMention(forward, tape);
    int pop = lastMention(reverse, tape);
    if (push < 0 || pop < 0 || !(forward.get(push) instanceof Stmt.Push p)
        || !(p.value() instanceof Expr.VarRef r) || !declaredInLoop.contains(r.variable())
        || r.variable().type().isArray()
        || !(reverse.get(pop) instanceof Stmt.Assign a) || a.target() != r.variable()
        || !(a.value() instanceof Expr.Intrinsic i) || i.op() != Expr.Intrinsic.Op.POP) {
      return false;
    }
    Variable v = r.variable();
    int next = firstMention(forward.subList(push + 1, forward.size()), v);
    if (mentions(forward.subList(0, push), v) || next < 0
        || !(forward.get(push + 1 + next) instanceof Stmt.Assign set) || set.target() != v
        || SameValue.reads(set.value()).contains(v)
        || mentions(reverse.subList(pop + 1, reverse.size()), v)) {
      return false;
    }
    forward.remove(push);
    reverse.remove(pop);
    return true;
  }

  private static int firstMention(List<Stmt> code, Variable v) {
    for (int i = 0; i < code.size(); i++) {
      if (mentions(List.of(code.get(i)), v)) {
        return i;
      }
    }
    return -1;
  }

  private static int lastMention(List<Stmt> code, Variable v) {
    for (int i = code.size() - 1; i >= 0; i--) {
      boolean[] found = {false};
      IrWalk.statements(code.get(i), s -> {
        found[0] |= s instanceof Stmt.Assign a && a.target() == v;
        IrWalk.ownExpressions(s, e -> found[0] |= SameValue.reads(e).contains(v));
      });
      if (found[0]) {
        return i;
      }
    }
    return -1;
  }

  /** Drops the recomputations (and the counter restore) the forward makes redundant. */
  private void dropRestores(List<Stmt.Assign> recomputed) {
    int at = restoresCounter() ? 1 : 0;
    Set<Variable> writtenByKept = new HashSet<>();
    for (Stmt.Assign r : recomputed) {
      if (at >= reverse.size() || !(reverse.get(at) instanceof Stmt.Assign a)
          || a.target() != r.target() || a.declaration()) {
        break;
      }
      if (holdsAlready(a, writtenByKept)) {
        reverse.remove(at);
      } else {
        writtenByKept.add(a.target());
        at++;
      }
    }
    if (restoresCounter() && !mentions(reverse.subList(1, reverse.size()), counter)) {
      reverse.remove(0);
    }
  }

  private boolean restoresCounter() {
    return counter != null && !reverse.isEmpty() && reverse.get(0) instanceof Stmt.Assign a
        && a.target() == counter && !a.declaration();
  }

  /**
   * Whether {@code a}'s target already holds {@code a}'s value: the forward assigns it once,
   * at the top level, the same expression, and nothing that expression reads changes after.
   */
  private boolean holdsAlready(Stmt.Assign a, Set<Variable> writtenByKept) {
    int k = onlyAssignment(a.target());
    return k >= 0 && SameValue.isPure(a.value())
        && SameValue.same(((Stmt.Assign) forward.get(k)).value(), a.value())
        && unchangedAfter(k, a.value(), writtenByKept);
  }

  /** The top-level index of the one statement of the forward that assigns {@code v}, or -1. */
  private int onlyAssignment(Variable v) {
    int found = -1;
    for (int i = 0; i < forward.size(); i++) {
      int[] n = {0};
      IrWalk.statements(forward.get(i), s -> n[0] += writes(s, v) ? 1 : 0);
      if (n[0] == 0) {
        continue;
      }
      if (found >= 0 || n[0] > 1 || !(forward.get(i) instanceof Stmt.Assign a)
          || a.target() != v) {
        return -1;
      }
      found = i;
    }
    return found;
  }

  /**
   * Whether {@code e}, evaluated after the forward statement {@code k} and the reverse's kept
   * restores, gives what it gave there: no variable it reads written since, but the counter,
   * restored when the forward did not write it before; no element written if it reads any.
   */
  private boolean unchangedAfter(int k, Expr e, Set<Variable> writtenByKept) {
    List<Stmt> after = forward.subList(k + 1, forward.size());
    Set<Variable> written = writes(after);
    written.addAll(writtenByKept);
    for (Variable v : SameValue.reads(e)) {
      if (v == counter) {
        if (!restoresCounter() || mentions(forward.subList(0, k), v, true)) {
          return false;
        }
      } else if (written.contains(v)) {
        return false;
      }
    }
    return !SameValue.readsMemory(e) || !SameValue.mayWriteMemory(after);
  }

  /**
   * Turns {@code s = s + f(args)} into {@code s = s + fAdjoint(args, sAdj, ...)} when the
   * reverse starts (after its restores) with that call, the arguments unchanged in between.
   */
  private void callOnce(Variable sum) {
    int at = restoresCounter() ? 1 : 0;
    while (at < reverse.size() && reverse.get(at) instanceof Stmt.Assign a && !a.declaration()
        && a.target().origin().isPrimal() && a.target() != sum) {
      at++; // the kept recomputations
    }
    int comment = at < reverse.size() && reverse.get(at) instanceof Stmt.Comment ? at : -1;
    int clear = comment >= 0 ? at + 1 : at;
    int call = clear < reverse.size() && isClearSlots(reverse.get(clear)) ? clear + 1 : clear;
    if (sum == null || call >= reverse.size()
        || !(reverse.get(call) instanceof Stmt.Eval ev)
        || !(ev.expr() instanceof Expr.AdjointCall adjoint)) {
      return;
    }
    for (int k = 0; k < forward.size(); k++) {
      if (forward.get(k) instanceof Stmt.Assign s && s.target() == sum
          && s.value() instanceof Expr.Binary b && b.op() == BinaryOp.PLUS
          && termCall(b, sum) instanceof Expr.Call primal && primal.receiver() == null
          && primal.method().equals(adjoint.callee())
          && adjoint.args().size() > primal.args().size()
          && SameValue.same(primal.args(), adjoint.args().subList(0, primal.args().size()))
          && seeds(adjoint.args().get(primal.args().size()), sum)
          && argumentsUnchanged(k, primal.args(), at)) {
        Expr value = b.left() == primal
            ? new Expr.Binary(b.op(), adjoint, b.right(), b.type(), b.tree())
            : new Expr.Binary(b.op(), b.left(), adjoint, b.type(), b.tree());
        forward.set(k, new Stmt.Assign(sum, value, s.declaration(), s.tree()));
        if (call > clear) {
          // the callee's scalar slots, cleared before it adds into them, read after it
          forward.add(k, reverse.get(clear));
        }
        for (int drop = call; drop >= at; drop--) {
          reverse.remove(drop);
        }
        if (restoresCounter() && !mentions(reverse.subList(1, reverse.size()), counter)) {
          reverse.remove(0);
        }
        return;
      }
    }
  }

  /** Whether {@code args}, evaluated after forward statement {@code k}, are as they were there. */
  private boolean argumentsUnchanged(int k, List<Expr> args, int keptEnd) {
    Set<Variable> writtenByKept = writes(reverse.subList(0, keptEnd));
    writtenByKept.remove(counter);
    return args.stream().allMatch(
        arg -> SameValue.isPure(arg) && unchangedAfter(k, arg, writtenByKept));
  }

  private static boolean isClearSlots(Stmt s) {
    return s instanceof Stmt.Eval e && e.expr() instanceof Expr.Intrinsic i
        && i.op() == Expr.Intrinsic.Op.CLEAR_SLOTS;
  }

  /** The call of {@code s + f(...)} or {@code f(...) + s}, or null. */
  private static Expr termCall(Expr.Binary b, Variable s) {
    if (b.left() instanceof Expr.VarRef r && r.variable() == s && b.right() instanceof Expr.Call) {
      return b.right();
    }
    if (b.right() instanceof Expr.VarRef r && r.variable() == s && b.left() instanceof Expr.Call) {
      return b.left();
    }
    return null;
  }

  /** Whether {@code seed} is the adjoint of the sum, as it stands for the whole loop. */
  private boolean seeds(Expr seed, Variable sum) {
    Variable adjoint = names.existingAdjoint(sum);
    return adjoint != null && seed instanceof Expr.VarRef r && r.variable() == adjoint;
  }

  private static boolean writes(Stmt s, Variable v) {
    return s instanceof Stmt.Assign a && a.target() == v
        || s instanceof Stmt.Increment i && i.counter() == v
        || s instanceof Stmt.IndexLoop l && l.index() == v
        || s instanceof Stmt.ArrayWrite w && IrWalk.root(w.array()) == v;
  }

  private static Set<Variable> writes(List<Stmt> code) {
    Set<Variable> out = new HashSet<>();
    for (Stmt stmt : code) {
      IrWalk.statements(stmt, s -> {
        Variable v = s instanceof Stmt.Assign a ? a.target()
            : s instanceof Stmt.Increment i ? i.counter()
            : s instanceof Stmt.ArrayWrite w ? IrWalk.root(w.array())
            : s instanceof Stmt.IndexLoop il ? il.index() : null;
        if (v != null) {
          out.add(v);
        }
      });
    }
    return out;
  }

  private static boolean mentions(List<Stmt> code, Variable v) {
    return mentions(code, v, false);
  }

  /** Whether {@code code} reads or writes {@code v} (only writes, with {@code writesOnly}). */
  private static boolean mentions(List<Stmt> code, Variable v, boolean writesOnly) {
    boolean[] found = {false};
    for (Stmt stmt : code) {
      IrWalk.statements(stmt, s -> {
        found[0] |= writes(s, v);
        if (!writesOnly) {
          IrWalk.ownExpressions(s, e -> found[0] |= SameValue.reads(e).contains(v));
        }
      });
    }
    return found[0];
  }
}
