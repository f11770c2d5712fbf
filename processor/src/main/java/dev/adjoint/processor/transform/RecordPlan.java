package dev.adjoint.processor.transform;

import dev.adjoint.processor.analysis.ControlFlow;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Label;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the forward sweep of one method records where, for its reverse sweep: made by
 * {@link RecordPlanner}, read by {@link ForwardSweep} and {@link ReverseSweep}, never changed.
 * Every map is keyed by statements of the original's IR.
 */
final class RecordPlan {
  /**
   * A loop's trip count; when its update needs reversing, whether it was left early; for a
   * counted loop whose counter starts at a computed value, that start. With a
   * {@code computedCount} ({@link CountedTrips}), the forward sweep records nothing and the
   * reverse sweep sets {@code count} to it.
   */
  record LoopRecord(Variable count, Variable broke, Slot countSlot, Slot brokeSlot,
      Variable start, Slot startSlot, Expr computedCount) {}

  /** The parts of the plan, as the planner fills them. */
  static final class Parts {
    final Map<Stmt, Integer> depth = new IdentityHashMap<>();
    final Map<Stmt, DefinitionAdjoint.Fragment> fragments = new IdentityHashMap<>();
    final Map<Stmt, Set<Variable>> fragmentReads = new IdentityHashMap<>();
    final Map<Stmt, Boolean> needsReverse = new IdentityHashMap<>();
    final Map<Stmt.Block, Slot> positionSlots = new IdentityHashMap<>();
    final Map<Stmt.If, Slot> branchSlots = new IdentityHashMap<>();
    final Map<Stmt.Loop, LoopRecord> loopRecords = new IdentityHashMap<>();
    final Map<Stmt.Loop, List<Stmt.Assign>> recomputed = new IdentityHashMap<>();
    final Map<Stmt, Slot> saveSlots = new IdentityHashMap<>();
    final Map<Stmt, List<Stmt>> snapshots = new IdentityHashMap<>();
    final Map<Stmt, Slot> shadowSaveSlots = new IdentityHashMap<>();
    final Map<Stmt, Expr> undoSteps = new IdentityHashMap<>();
    final Map<Stmt.Loop, List<Variable>> checkpointed = new IdentityHashMap<>();
    final Map<Stmt.Loop, List<Variable>> wholeArrays = new IdentityHashMap<>();
    Set<Variable> inline;
    List<Variable> hoisted;
    Label forwardLabel;
    Stmt.Return finalReturn;
  }

  private final Parts parts;
  private final ControlFlow flow;
  private final int checkpointEvery;

  RecordPlan(Parts parts, ControlFlow flow, int checkpointEvery) {
    this.parts = parts;
    this.flow = flow;
    this.checkpointEvery = checkpointEvery;
  }

  ControlFlow flow() {
    return flow;
  }

  /** Checkpointed loops keep a snapshot every that many iterations. */
  int checkpointEvery() {
    return checkpointEvery;
  }

  /** Whether {@code s} may run more than once per call. */
  boolean inLoop(Stmt s) {
    return parts.depth.get(s) > 0;
  }

  /** A definition's adjoint, or null for statements that are no definitions. */
  DefinitionAdjoint.Fragment fragment(Stmt s) {
    return parts.fragments.get(s);
  }

  /** The original's variables a definition's adjoint reads. */
  Set<Variable> fragmentReads(Stmt s) {
    return Collections.unmodifiableSet(parts.fragmentReads.getOrDefault(s, Set.of()));
  }

  /** A definition needs reversing if it has an adjoint or a restore; others if a part does. */
  boolean needsReverse(Stmt s) {
    return parts.needsReverse.get(s);
  }

  /** Where the block records how far it got, or null. */
  Slot position(Stmt.Block b) {
    return parts.positionSlots.get(b);
  }

  /** Where the {@code if} records the branch it took, or null. */
  Slot branch(Stmt.If i) {
    return parts.branchSlots.get(i);
  }

  /** The loop's records, or null when the loop needs no reversing. */
  LoopRecord loopRecord(Stmt.Loop l) {
    return parts.loopRecords.get(l);
  }

  /** Whether a trip count computed inside {@code l} reads {@code v}. */
  boolean countsRead(Stmt.Loop l, Variable v) {
    boolean[] found = {false};
    IrWalk.statements(l.body(), s -> {
      LoopRecord r = s instanceof Stmt.Loop inner ? parts.loopRecords.get(inner) : null;
      if (r != null && r.computedCount() != null) {
        IrWalk.expressions(r.computedCount(),
            e -> found[0] |= e instanceof Expr.VarRef ref && ref.variable() == v);
      }
    });
    return found[0];
  }

  /** The loop temporaries the reverse sweep recomputes at the start of each iteration. */
  List<Stmt.Assign> recomputed(Stmt.Loop l) {
    return parts.recomputed.getOrDefault(l, List.of());
  }

  /** The pushes of the arrays a call of the statement may write into, before it; or none. */
  List<Stmt> snapshot(Stmt s) {
    return parts.snapshots.getOrDefault(s, List.of());
  }

  /** Where the definition saves the value it overwrites, or null. */
  Slot save(Stmt s) {
    return parts.saveSlots.get(s);
  }

  /**
   * Where a reference assignment saves the shadow of the reference it overwrites (pushed after,
   * popped before, the primal one), or null.
   */
  Slot shadowSave(Stmt s) {
    return parts.shadowSaveSlots.get(s);
  }

  /**
   * For an integer step the reverse sweep undoes by arithmetic instead of restoring a record
   * ({@link dev.adjoint.processor.analysis.InvertibleSteps}), the value that undoes it; or null.
   */
  Expr undo(Stmt s) {
    return parts.undoSteps.get(s);
  }

  /** The scalar state a checkpointed loop's snapshots keep, or null when it is not one. */
  List<Variable> checkpointState(Stmt.Loop l) {
    List<Variable> state = parts.checkpointed.get(l);
    return state == null ? null : Collections.unmodifiableList(state);
  }

  /** Variables the forward sweep declares where the user first assigns them. */
  boolean declaredInline(Variable v) {
    return parts.inline.contains(v);
  }

  /**
   * The arrays the forward sweep pushes whole just before the loop and the reverse sweep pops
   * back just after reversing it, instead of one element per iteration
   * ({@link WholeArrayRecords}); usually none.
   */
  List<Variable> wholeArrays(Stmt.Loop l) {
    return parts.wholeArrays.getOrDefault(l, List.of());
  }

  /** Variables declared before the forward sweep, in order. */
  List<Variable> hoisted() {
    return Collections.unmodifiableList(parts.hoisted);
  }

  /** The label of the forward sweep, which a return before the end leaves; or null. */
  Label forwardLabel() {
    return parts.forwardLabel;
  }

  /** The return that ends the method body, which needs no jump; or null. */
  Stmt.Return finalReturn() {
    return parts.finalReturn;
  }

  /** Segment of each statement of a block: a new segment starts after each possible jump out. */
  int[] segments(Stmt.Block b) {
    int[] seg = new int[b.stmts().size()];
    int k = 0;
    for (int i = 0; i < seg.length; i++) {
      seg[i] = k;
      if (flow.mayLeave(b.stmts().get(i))) {
        k++;
      }
    }
    return seg;
  }
}
