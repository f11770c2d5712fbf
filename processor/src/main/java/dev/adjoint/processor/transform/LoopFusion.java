package dev.adjoint.processor.transform;

import dev.adjoint.processor.analysis.Activity;
import dev.adjoint.processor.analysis.ScratchArrays;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One sweep where one will do: a top-level loop that only sums independent terms
 * ({@link SumLoops}) runs each iteration's forward and reverse back to back, in one loop,
 * instead of running forward over all iterations and then backwards again. The sum's adjoint
 * must be known before the loop: the reverse of the statements after the loop is moved before
 * it, which is allowed only when it reads nothing the loop or those statements write (so
 * {@code return s / n} fuses and {@code return Math.log(s)} does not). The order becomes:
 * the forward of the statements before the loop; the reverse of those after it; the fused loop;
 * the forward of those after it; the reverse of those before it.
 *
 * <p>An iteration's reverse restores the values it overwrote (its counter, say), which the next
 * iteration's forward needs as the forward left them: the fused body saves them around the
 * reverse; a counted loop's reverse part runs before the counter update instead
 * ({@link FusedCounter}). Records an iteration pushes on the tape it pops again before the next
 * iteration, but for those of scratch arrays whose restored values nobody reads
 * ({@link FusedScratchRecords}).
 * {@link FusedBody} drops from the body what the reverse would redo right after the forward did
 * it: recomputed temporaries, a callee's primal before its adjoint, dead saves of temporaries.
 */
final class LoopFusion {
  /** The two sweeps of a method. */
  record Sweeps(List<Stmt> forward, List<Stmt> reverse) {}

  private final MethodIr ir;
  private final RecordPlan plan;
  private final SweepNames names;
  private final List<Stmt> forward;
  private final List<List<Stmt>> reverses = new ArrayList<>();
  private final List<Stmt> rowDeclarations = new ArrayList<>(); // ScratchRows, before the loop
  private final boolean scratchRows;

  private LoopFusion(MethodIr ir, RecordPlan plan, SweepNames names, List<Stmt> forward,
      boolean scratchRows) {
    this.scratchRows = scratchRows;
    this.ir = ir;
    this.plan = plan;
    this.names = names;
    this.forward = forward;
  }

  /**
   * The sweeps of the method, with a loop fused where one qualifies, or null when the method's
   * outermost block records a position (it returns early), which this does not handle.
   * {@code scratchRows} allows {@link ScratchRows} in the fused iteration (first order).
   */
  static Sweeps sweeps(MethodIr ir, Activity activity, RecordPlan plan, SweepNames names,
      List<Stmt> forward, ReverseSweep reverse, boolean scratchRows) {
    if (plan.forwardLabel() != null || plan.position(ir.body()) != null) {
      return null;
    }
    LoopFusion f = new LoopFusion(ir, plan, names, forward, scratchRows);
    List<Stmt> top = new ArrayList<>();
    flatten(ir.body(), plan, top);
    // last to first, as the reverse sweep of a block does: the same generated names
    for (int i = top.size() - 1; i >= 0; i--) {
      f.reverses.add(0, reverse.reverse(top.get(i)));
    }
    for (int k : SumLoops.heaviestFirst(top)) {
      Variable sum = top.get(k) instanceof Stmt.Loop l
          ? SumLoops.accumulator(ir, activity, plan, l) : null;
      if (sum != null) {
        Sweeps fused = f.fuse(k, (Stmt.Loop) top.get(k), sum);
        if (fused != null) {
          return fused;
        }
      }
    }
    return new Sweeps(forward, f.reverseOf(top.size() - 1, 0));
  }

  /**
   * The statements of {@code b}, with those of the blocks inside it that neither record a
   * position nor are left by a break (a {@code for} loop and its initialisation, say) in their
   * place: the sweeps of such a block are those of its statements, in order.
   */
  private static void flatten(Stmt.Block b, RecordPlan plan, List<Stmt> out) {
    for (Stmt s : b.stmts()) {
      if (s instanceof Stmt.Block inner && plan.position(inner) == null
          && (inner.label() == null || !plan.flow().isBreakTarget(inner.label()))) {
        flatten(inner, plan, out);
      } else {
        out.add(s);
      }
    }
  }

  /** The reverses of the top-level statements from {@code from} down to {@code to}. */
  private List<Stmt> reverseOf(int from, int to) {
    List<Stmt> out = new ArrayList<>();
    for (int i = from; i >= to; i--) {
      out.addAll(reverses.get(i));
    }
    return out;
  }

  private Sweeps fuse(int k, Stmt.Loop l, Variable sum) {
    int at = -1;
    for (int i = 0; i < forward.size(); i++) {
      if (l.tree() != null && forward.get(i) instanceof Stmt.Loop f && f.tree() == l.tree()) {
        if (at >= 0) {
          return null;
        }
        at = i;
      }
    }
    List<Stmt> loopReverse = reverses.get(k);
    if (at < 0 || loopReverse.isEmpty()
        || !(loopReverse.get(loopReverse.size() - 1) instanceof Stmt.IndexLoop backwards)
        || !backwards.down() || backwards.label() != null) {
      return null;
    }
    Stmt.Loop forwardLoop = (Stmt.Loop) forward.get(at);
    List<Stmt> postForward = forward.subList(at + 1, forward.size());
    List<Stmt> postReverse = reverseOf(reverses.size() - 1, k + 1);
    List<Stmt> preReverse = reverseOf(k - 1, 0);
    Set<Variable> prefixWrites = writes(loopReverse.subList(0, loopReverse.size() - 1));
    Set<Variable> laterWrites = writes(List.of(forwardLoop, backwards.body()));
    laterWrites.addAll(writes(postForward));
    if (forwardLoop.label() != null || intersects(reads(List.of(backwards.body())), prefixWrites)
        || intersects(exposedReads(postReverse, new HashSet<>()), laterWrites) || intersects(reads(preReverse), laterWrites)
        || readsTape(postReverse, names.tape()) || pushes(postForward)
        || mentions(postReverse, shadowsAssigned(postForward))) {
      return null;
    }
    Variable iteration = backwards.index();
    List<Stmt> prefix = new ArrayList<>(forward.subList(0, at));
    ScratchArrays arrays = ScratchArrays.of(ir.body(), l);
    Set<Variable> scratch = new HashSet<>(arrays.allScratch() ? arrays.written() : Set.of());
    Set<Variable> after = reads(postForward);
    after.addAll(writes(postForward));
    after.addAll(reads(preReverse));
    after.addAll(writes(preReverse));
    scratch.removeAll(after);
    List<Stmt> body = fusedBody(l, forwardLoop, backwards, iteration, sum, scratch);
    List<Stmt> around = new ArrayList<>(prefix);
    around.addAll(postReverse);
    around.addAll(postForward);
    around.addAll(preReverse);
    boolean counts = dropDeadCounts(body, around);
    List<Stmt> reverse = new ArrayList<>(postReverse);
    reverse.addAll(rowDeclarations);
    if (counts) {
      reverse.add(new Stmt.Assign(iteration, Expr.Literal.ofInt(0), true, null));
    }
    reverse.add(new Stmt.Loop(null, forwardLoop.condition(), ForwardSweep.block(body), List.of(),
        forwardLoop.testFirst(), null, forwardLoop.tree()));
    reverse.addAll(postForward);
    reverse.addAll(preReverse);
    return new Sweeps(prefix, reverse);
  }

  /**
   * Drops the fused body's top-level trip counts ({@code iteration++}, {@code trips++}) that
   * neither the body nor the code {@code around} it reads: the iteration count once the reverse
   * part no longer restores the counter from it ({@link FusedCounter}), the forward sweep's trip
   * count, read only by the reverse loop the fused body replaces. Whether the first statement,
   * the body's own iteration count, stays.
   */
  private static boolean dropDeadCounts(List<Stmt> body, List<Stmt> around) {
    boolean iterationKept = true;
    for (int i = body.size() - 1; i >= 0; i--) {
      if (body.get(i) instanceof Stmt.Increment inc
          && !FusedCounter.reads(body, inc.counter())
          && !FusedCounter.reads(around, inc.counter())) {
        body.remove(i);
        iterationKept &= i != 0;
      }
    }
    return iterationKept;
  }

  /**
   * The iteration's forward, then its reverse between a save and a restore of the state, what
   * the reverse would redo dropped ({@link FusedBody}).
   */
  private List<Stmt> fusedBody(Stmt.Loop l, Stmt.Loop forwardLoop, Stmt.IndexLoop backwards,
      Variable iteration, Variable sum, Set<Variable> scratch) {
    Set<Variable> declaredInLoop = new LinkedHashSet<>();
    IrWalk.statements(l, s -> {
      if (s instanceof Stmt.Assign a && a.declaration()) {
        declaredInLoop.add(a.target());
      }
    });
    FusedBody fused = FusedBody.of(l, names, forwardLoop.body().stmts(),
        backwards.body().stmts(), plan.recomputed(l), sum);
    List<Stmt> fusedReverse = fused.reverse(declaredInLoop); // drops saves from the forward too
    FusedCounter.Split split = FusedCounter.of(l, fused.forward(), fusedReverse);
    FusedScratchRecords.drop(scratch, names.tape(), split.forward(), split.reverse());
    if (scratchRows) { // first order only, as TapeBlocks
      ScratchRows.apply(l, plan, names, scratch, split.forward(), split.reverse(), rowDeclarations);
    }
    List<Stmt> reverse = split.reverse();
    List<Stmt> body = new ArrayList<>();
    body.add(new Stmt.Increment(iteration));
    body.addAll(split.forward());
    List<Stmt> restores = new ArrayList<>();
    for (Variable v : writes(reverse)) {
      if (isPrimal(v) && !v.type().isArray() && !declaredInLoop.contains(v)) {
        Variable saved = names.scratch(names.name(v) + "Kept", v.type());
        body.add(new Stmt.Assign(saved, new Expr.VarRef(v), true, null));
        restores.add(new Stmt.Assign(v, new Expr.VarRef(saved), false, null));
      }
    }
    body.addAll(reverse);
    body.addAll(restores);
    body.addAll(split.update());
    return body;
  }

  private boolean isPrimal(Variable v) {
    return v.origin() == Variable.Origin.PARAMETER || v.origin() == Variable.Origin.LOCAL
        || v.origin() == Variable.Origin.RESULT || v.origin() == Variable.Origin.TEMPORARY
        || ir.locals().contains(v);
  }

  /** The variables {@code code} assigns, other than adjoints (whose updates commute). */
  private static Set<Variable> writes(List<? extends Stmt> code) {
    Set<Variable> out = new LinkedHashSet<>();
    for (Stmt stmt : code) {
      IrWalk.statements(stmt, s -> {
        Variable v = s instanceof Stmt.Assign a ? a.target()
            : s instanceof Stmt.Increment i ? i.counter()
            : s instanceof Stmt.ArrayWrite w ? IrWalk.root(w.array())
            : s instanceof Stmt.IndexLoop il ? il.index() : null;
        if (v != null && v.origin() != Variable.Origin.ADJOINT) {
          out.add(v);
        }
      });
    }
    return out;
  }

  /**
   * The variables {@code code} reads before it assigns them itself (adjoints excepted): a
   * reverse loop sets the counter it reads ({@code c = iteration - 1}). What a nested body
   * assigns counts only inside it (it may run no iteration).
   */
  private static Set<Variable> exposedReads(List<? extends Stmt> code, Set<Variable> defined) {
    Set<Variable> out = new HashSet<>();
    for (Stmt s : code) {
      if (s instanceof Stmt.IndexLoop il) {
        out.addAll(exposedIn(List.of(il.from(), il.bound()), defined));
        Set<Variable> inner = new HashSet<>(defined);
        inner.add(il.index());
        out.addAll(exposedReads(il.body().stmts(), inner));
        continue;
      }
      if (s instanceof Stmt.Assign a) {
        out.addAll(exposedIn(List.of(a.value()), defined));
        defined.add(a.target());
        continue;
      }
      Set<Variable> all = reads(List.of(s));
      all.removeAll(defined);
      out.addAll(all);
    }
    return out;
  }

  private static Set<Variable> exposedIn(List<Expr> values, Set<Variable> defined) {
    Set<Variable> out = new HashSet<>();
    values.forEach(e -> IrWalk.expressions(e, x -> {
      if (x instanceof Expr.VarRef r && r.variable().origin() != Variable.Origin.ADJOINT
          && !defined.contains(r.variable())) {
        out.add(r.variable());
      }
    }));
    return out;
  }

  /** Every variable {@code code} reads, adjoints excepted. */
  private static Set<Variable> reads(List<? extends Stmt> code) {
    Set<Variable> out = new HashSet<>();
    for (Stmt stmt : code) {
      IrWalk.statements(stmt, s -> IrWalk.ownExpressions(s, e -> IrWalk.expressions(e, x -> {
        if (x instanceof Expr.VarRef r && r.variable().origin() != Variable.Origin.ADJOINT) {
          out.add(r.variable());
        }
      })));
    }
    return out;
  }

  /**
   * Whether {@code code} uses the tape other than by passing it to a callee's adjoint entry
   * point, which pops all it pushes before it returns.
   */
  private static boolean readsTape(List<Stmt> code, Variable tape) {
    int[] uses = {0};
    for (Stmt stmt : code) {
      IrWalk.statements(stmt, s -> IrWalk.ownExpressions(s, e -> IrWalk.expressions(e, x -> {
        if (x instanceof Expr.VarRef r && r.variable() == tape) {
          uses[0]++;
        } else if (x instanceof Expr.AdjointCall c) {
          uses[0] -= (int) c.args().stream()
              .filter(a -> a instanceof Expr.VarRef r && r.variable() == tape).count();
        }
      })));
    }
    return uses[0] != 0;
  }

  /**
   * The adjoint (shadow) arrays {@code code} assigns, such as the shadow allocated beside an array
   * declared after the loop: fusion runs the post-loop reverse before the post-loop forward, so
   * a reverse that touches one would find it not yet allocated.
   */
  private static Set<Variable> shadowsAssigned(List<Stmt> code) {
    Set<Variable> out = new HashSet<>();
    for (Stmt stmt : code) {
      IrWalk.statements(stmt, s -> {
        if (s instanceof Stmt.Assign a && a.target().origin() == Variable.Origin.ADJOINT) {
          out.add(a.target());
        }
      });
    }
    return out;
  }

  private static boolean mentions(List<Stmt> code, Set<Variable> vars) {
    boolean[] found = {false};
    for (Stmt stmt : code) {
      IrWalk.statements(stmt, s -> IrWalk.ownExpressions(s, e -> IrWalk.expressions(e, x ->
          found[0] |= x instanceof Expr.VarRef r && vars.contains(r.variable()))));
    }
    return found[0];
  }

  private static boolean pushes(List<Stmt> code) {
    boolean[] found = {false};
    code.forEach(stmt -> IrWalk.statements(stmt, s -> found[0] |= s instanceof Stmt.Push));
    return found[0];
  }

  private static boolean intersects(Set<Variable> a, Set<Variable> b) {
    return a.stream().anyMatch(b::contains);
  }
}
