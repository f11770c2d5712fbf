package dev.adjoint.processor.transform;

import dev.adjoint.processor.analysis.Activity;
import dev.adjoint.processor.analysis.ArrayAliases;
import dev.adjoint.processor.analysis.ControlFlow;
import dev.adjoint.processor.analysis.InvertibleSteps;
import dev.adjoint.processor.analysis.RecomputablePrefixes;
import dev.adjoint.processor.analysis.ToBeRecorded;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.ir.AdjointOnly;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.RuleTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans the recording of one method: each definition's adjoint, which values the forward sweep
 * saves (by {@link ToBeRecorded}) and where, what the reverse sweep recomputes instead, and the
 * records of control flow: the position a block was left at, the branch an {@code if} took, a
 * loop's trip count. Claims names in statement order, so generated names are stable.
 */
final class RecordPlanner {
  private static final String STAGE = "the record planner (over the original)";

  private final MethodIr ir;
  private final Activity activity;
  private final MethodProblems problems;
  private final SweepNames names;
  private final ControlFlow flow;
  private final DefinitionAdjoint definitions;
  private final WritingCallAdjoint writingCalls;
  private final RuleTable rules;
  private final int checkpointEvery;
  private final RecordPlan.Parts parts = new RecordPlan.Parts();
  private final RecordPlan plan;
  private final CountedTrips trips;
  private Set<Stmt> saves;
  private final ArrayAliases aliases;
  private final boolean wholeArrays;

  private RecordPlanner(MethodIr ir, Activity activity, RuleTable rules, MethodProblems problems,
      SweepNames names, int checkpointEvery, boolean wholeArrays) {
    this.ir = ir;
    this.activity = activity;
    this.problems = problems;
    this.names = names;
    this.flow = new ControlFlow(ir.body());
    this.aliases = ArrayAliases.of(ir.body());
    this.definitions = new DefinitionAdjoint(activity, rules, aliases, ir.body());
    this.writingCalls = new WritingCallAdjoint(activity, rules);
    this.rules = rules;
    this.checkpointEvery = checkpointEvery;
    this.plan = new RecordPlan(parts, flow, checkpointEvery);
    this.trips = CountedTrips.of(ir.body(), flow);
    this.wholeArrays = wholeArrays;
  }

  /**
   * The plan for {@code ir}. With {@code checkpointEvery > 0}, top-level loops are checkpointed
   * every that many iterations; {@code wholeArrays} allows {@link WholeArrayRecords}.
   */
  static RecordPlan plan(MethodIr ir, Activity activity, RuleTable rules,
      MethodProblems problems, SweepNames names, int checkpointEvery, boolean wholeArrays) {
    return new RecordPlanner(ir, activity, rules, problems, names, checkpointEvery, wholeArrays)
        .run();
  }

  private RecordPlan run() {
    declareBoundaryAdjoints();
    computeDepths(ir.body(), 0);
    Map<Stmt, Set<Variable>> reads = parts.fragmentReads;
    IrWalk.statements(ir.body(), s -> {
      Set<Variable> r = new LinkedHashSet<>();
      boolean inLoop = parts.depth.get(s) > 0;
      Expr.Call writing = ir.differentiated().isEmpty() ? null
          : dev.adjoint.processor.analysis.WritingCalls.of(s, rules);
      if (writing != null) {
        names.recordsOnTape();
        parts.fragments.put(s, writingCalls.of(s, writing, names.forExpressions(inLoop),
            names.tape(), inLoop, r));
        parts.snapshots.put(s, WritingCallAdjoint.saves(writing, rules, names.tape()));
        reads.put(s, r);
      } else if (s instanceof Stmt.Assign a) {
        parts.fragments.put(a, definitions.of(a, names.forExpressions(inLoop), inLoop, r));
        reads.put(a, r);
      } else if (s instanceof Stmt.ArrayWrite w) {
        parts.fragments.put(w, definitions.of(w, names.forExpressions(inLoop), r));
        reads.put(w, r);
      }
    });
    if (checkpointEvery > 0) {
      for (Stmt s : ir.body().stmts()) {
        CheckpointedLoops.find(s, flow, problems, parts.checkpointed, reads);
      }
      if (!parts.checkpointed.isEmpty()) {
        names.recordsOnTape();
      }
    }
    Map<Stmt.Loop, RecomputablePrefixes.Prefix> candidates =
        RecomputablePrefixes.find(ir.body(), parts.checkpointed.keySet(), aliases, rules);
    // What they read must be restored by the time the loop is reversed.
    candidates.forEach((loop, prefix) -> reads.merge(loop, new LinkedHashSet<>(prefix.reads()),
        (x, y) -> {
          Set<Variable> u = new LinkedHashSet<>(x);
          u.addAll(y);
          return u;
        }));
    saves = ToBeRecorded.analyze(ir.body(), reads, definitions.resultReaders(), aliases);
    saves.removeAll(dev.adjoint.processor.analysis.FreshArrays.unread(ir.body(), reads,
        definitions.resultReaders()));
    saves.addAll(ReferenceRecords.overwritten(ir.body(), reads, List.copyOf(saves), aliases,
        activity, s -> parts.depth.get(s) > 0));
    WritingCallAdjoint.restoreParameterWrites(ir, saves, parts.snapshots.keySet(),
        parts.checkpointed.keySet(), problems);
    candidates.forEach((loop, prefix) -> {
      List<Stmt.Assign> chosen = new ArrayList<>();
      for (Stmt.Assign a : prefix.assignments()) {
        if (saves.remove(a)) {
          chosen.add(a);
        }
      }
      if (!chosen.isEmpty()) {
        parts.recomputed.put(loop,
            RecomputablePrefixes.withPrerequisites(prefix.assignments(), chosen));
      }
    });
    if (wholeArrays) {
      WholeArrayRecords.choose(ir.body(), saves, reads, parts.fragments, parts.snapshots.keySet(),
          parts.checkpointed.keySet(), aliases, names, parts.wholeArrays);
    }
    computeNeedsReverse(ir.body());
    parts.hoisted = new ArrayList<>();
    ir.body().accept(recordPlanner);
    chooseInlineDeclarations();
    return plan;
  }

  /** The parameters and the result whose adjoints the entry points pass in or seed. */
  private void declareBoundaryAdjoints() {
    for (Variable p : ir.parameters()) {
      if (activity.isActive(p) || ir.differentiated().contains(p) && p.type().isArray()) {
        names.adjointOf(p);
      }
    }
    if (activity.isActive(ir.result())) {
      names.adjointOf(ir.result());
    }
  }

  private void computeDepths(Stmt s, int d) {
    parts.depth.put(s, d);
    int inner = s instanceof Stmt.Loop ? d + 1 : d;
    IrWalk.nestedStatements(s).forEach(c -> computeDepths(c, inner));
  }

  private boolean computeNeedsReverse(Stmt s) {
    DefinitionAdjoint.Fragment fragment = parts.fragments.get(s);
    boolean result = fragment != null && (!fragment.isEmpty() || saves.contains(s));
    for (Stmt c : IrWalk.nestedStatements(s)) {
      result |= computeNeedsReverse(c);
    }
    parts.needsReverse.put(s, result);
    return result;
  }

  private void planRecords(Stmt s) {
    s.accept(recordPlanner);
  }

  /** Chooses where each statement records what its reverse needs. */
  private final Stmt.Visitor<Void> recordPlanner = new Stmt.Visitor<>() {
    @Override
    public Void visitAssign(Stmt.Assign node) {
      planSave(node, node.target().type());
      return null;
    }

    @Override
    public Void visitArrayWrite(Stmt.ArrayWrite node) {
      planSave(node, node.array().type().elementType());
      return null;
    }

    @Override
    public Void visitEval(Stmt.Eval node) {
      return null;
    }

    @Override
    public Void visitBlock(Stmt.Block b) {
      int[] seg = plan.segments(b);
      boolean later = false;
      for (int i = 0; i < seg.length; i++) {
        later |= seg[i] > 0 && plan.needsReverse(b.stmts().get(i));
      }
      if (later) {
        parts.positionSlots.put(b, slot("position", IrType.INT, b));
      }
      b.stmts().forEach(RecordPlanner.this::planRecords);
      return null;
    }

    @Override
    public Void visitIf(Stmt.If i) {
      if (plan.needsReverse(i)) {
        parts.branchSlots.put(i, slot("branch", IrType.BOOLEAN, i));
      }
      planRecords(i.thenPart());
      planRecords(i.elsePart());
      return null;
    }

    @Override
    public Void visitLoop(Stmt.Loop l) {
      if (plan.needsReverse(l)) {
        planLoopRecord(l);
      }
      planRecords(l.body());
      l.update().forEach(RecordPlanner.this::planRecords);
      return null;
    }

    @Override
    public Void visitBreak(Stmt.Break node) {
      return null;
    }

    @Override
    public Void visitContinue(Stmt.Continue node) {
      return null;
    }

    @Override
    public Void visitReturn(Stmt.Return r) {
      List<Stmt> top = ir.body().stmts();
      if (!top.isEmpty() && top.get(top.size() - 1) == r) {
        parts.finalReturn = r;
      } else if (parts.forwardLabel == null) {
        parts.forwardLabel = names.newLabel("forward");
      }
      return null;
    }

    @Override
    public Void visitThrow(Stmt.Throw node) {
      return null;
    }

    @Override
    public Void visitAccumulate(Stmt.Accumulate node) {
      throw AdjointOnly.in(STAGE, node);
    }

    @Override
    public Void visitComment(Stmt.Comment node) {
      throw AdjointOnly.in(STAGE, node);
    }

    @Override
    public Void visitPush(Stmt.Push node) {
      throw AdjointOnly.in(STAGE, node);
    }

    @Override
    public Void visitIncrement(Stmt.Increment node) {
      throw AdjointOnly.in(STAGE, node);
    }

    @Override
    public Void visitIndexLoop(Stmt.IndexLoop node) {
      throw AdjointOnly.in(STAGE, node);
    }
  };

  private void planSave(Stmt s, IrType type) {
    if (!saves.contains(s)) {
      return;
    }
    Expr undo = InvertibleSteps.inverse(s);
    if (undo != null) {
      parts.undoSteps.put(s, undo);
      return;
    }
    Variable target = ToBeRecorded.target(s);
    if (ArrayAliases.assignsReference(s) && activity.isActive(target)) {
      // the shadow is pointed back with the array
      parts.shadowSaveSlots.put(s, slot("saved" + capitalize(names.name(target)) + "Adj", type,
          s));
    }
    if (plan.inLoop(s) && !Slot.canTape(type)) {
      problems.error(s.tree(), Problem.UNRECORDABLE_VALUE,
          "'" + target.sourceName() + "' of type " + type + " is"
          + " overwritten in a loop and needed by the gradient; only primitive values can be"
          + " recorded, so compute it from primitives inside the loop");
    }
    parts.saveSlots.put(s, slot("saved" + capitalize(names.name(target)), type, s));
  }

  private void planLoopRecord(Stmt.Loop l) {
    Variable count = names.record("trips", IrType.INT);
    parts.hoisted.add(count);
    boolean updateReversed = l.update().stream().anyMatch(plan::needsReverse);
    Variable broke = null;
    if (updateReversed && (flow.isBreakTarget(l.label()) || !flow.exits(l).isEmpty())) {
      broke = names.record("leftEarly", IrType.BOOLEAN);
      parts.hoisted.add(broke);
    }
    Expr computed = broke == null && !parts.checkpointed.containsKey(l)
        ? trips.count(l) : null;
    if (computed != null) {
      parts.loopRecords.put(l, new RecordPlan.LoopRecord(count, null, loopSlot(l, count), null,
          null, null, computed));
      return;
    }
    Variable start = null;
    if (l.counter() != null && !(l.counter().start() instanceof Expr.Literal)) {
      start = names.record("start", IrType.INT);
      parts.hoisted.add(start);
    }
    parts.loopRecords.put(l, new RecordPlan.LoopRecord(count, broke, loopSlot(l, count),
        loopSlot(l, broke), start, loopSlot(l, start), null));
  }

  private Slot slot(String base, IrType type, Stmt at) {
    Variable v = names.record(base, type);
    if (plan.inLoop(at)) {
      return tapeSlot(v);
    }
    parts.hoisted.add(v);
    return Slot.local(v);
  }

  /** Loop records are written when the loop is left, into the loop's own locals. */
  private Slot loopSlot(Stmt.Loop l, Variable v) {
    if (v == null) {
      return null;
    }
    return plan.inLoop(l) ? tapeSlot(v) : Slot.local(v);
  }

  private Slot tapeSlot(Variable v) {
    names.recordsOnTape();
    return Slot.onTape(v, names.tape());
  }

  static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /**
   * Variables whose first assignment is a top-level statement are declared there, as the user
   * wrote them; the rest are declared up front, because the reverse sweep must see them.
   */
  private void chooseInlineDeclarations() {
    Set<Variable> inline = new HashSet<>();
    Set<Variable> assigned = new HashSet<>();
    IrWalk.statements(ir.body(), s -> {
      if (s instanceof Stmt.Assign a && !(a.target().origin() == Variable.Origin.PARAMETER)) {
        assigned.add(a.target());
      }
    });
    Set<Variable> seen = new HashSet<>();
    if (parts.forwardLabel == null) {
      for (Stmt s : ir.body().stmts()) {
        boolean declares = s instanceof Stmt.Assign a
            && (a.declaration() || a.target().origin() == Variable.Origin.RESULT);
        if (declares && !seen.contains(((Stmt.Assign) s).target())) {
          inline.add(((Stmt.Assign) s).target());
        }
        IrWalk.statements(s, c -> {
          if (c instanceof Stmt.Assign a) {
            seen.add(a.target());
          }
        });
      }
    }
    List<Variable> primal = new ArrayList<>(ir.locals());
    primal.add(ir.result());
    List<Variable> hoisted = parts.hoisted;
    for (Variable v : primal) {
      if (!inline.contains(v) && assigned.contains(v)) {
        hoisted.add(0, v);
      }
    }
    List<Variable> declaredLocals = new ArrayList<>();
    for (Variable v : primal) {
      if (!inline.contains(v) && !assigned.contains(v)) {
        declaredLocals.add(v);
      }
    }
    hoisted.addAll(0, declaredLocals);
    parts.inline = inline;
  }
}
