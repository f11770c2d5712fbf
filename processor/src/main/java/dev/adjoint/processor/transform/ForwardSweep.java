package dev.adjoint.processor.transform;

import dev.adjoint.processor.analysis.Activity;
import dev.adjoint.processor.analysis.ControlFlow;
import dev.adjoint.processor.ir.AdjointOnly;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Label;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.transform.ForwardFrames.BlockFrame;
import dev.adjoint.processor.transform.ForwardFrames.Frame;
import dev.adjoint.processor.transform.ForwardFrames.IfFrame;
import dev.adjoint.processor.transform.ForwardFrames.LoopFrame;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The forward sweep, in adjoint IR: the original code plus the records its {@link RecordPlan}
 * asks for. A jump records, for each construct it leaves, what the reverse sweep needs to know
 * about having left it; a {@code continue} leaves its loop's body block; a return before the end
 * leaves the whole sweep.
 */
final class ForwardSweep {
  private static final String STAGE = "the forward sweep (over the original)";

  /** Writes an assignment to a double in place of the sweep: a graph trace records a node. */
  interface Tracer {
    void assign(Stmt.Assign a, boolean declares, List<Stmt> out);
  }

  private final MethodIr ir;
  private final Activity activity;
  private final RecordPlan plan;
  private final SweepNames names;
  private final ControlFlow flow;
  private final Tracer tracer;
  private final Deque<Frame> frames = new ArrayDeque<>();
  private final Map<Stmt.Loop, Label> bodyLabels = new IdentityHashMap<>();
  private boolean recording;

  /** {@code recording} false: a sweep that records nothing; {@code tracer} may be null. */
  ForwardSweep(MethodIr ir, Activity activity, RecordPlan plan, SweepNames names,
      boolean recording, Tracer tracer) {
    this.ir = ir;
    this.activity = activity;
    this.plan = plan;
    this.names = names;
    this.flow = plan.flow();
    this.recording = recording;
    this.tracer = tracer;
  }

  /** The forward sweep of the whole method. */
  List<Stmt> sweep() {
    List<Stmt> out = new ArrayList<>();
    blockContents(ir.body(), out);
    if (plan.forwardLabel() != null) {
      return List.of(new Stmt.Block(plan.forwardLabel(), out, null));
    }
    return out;
  }

  /** One iteration of a checkpointed loop, re-run by the reverse sweep, recording. */
  void replayIteration(Stmt.Loop l, List<Stmt> out) {
    loopBody(l, bodyLabels.get(l), out);
  }

  private void forward(Stmt s, List<Stmt> out) {
    s.accept(new Statement(out));
  }

  /** The forward sweep of one statement: the statement itself, and what it records. */
  private final class Statement implements Stmt.Visitor<Void> {
    private final List<Stmt> out;

    Statement(List<Stmt> out) {
      this.out = out;
    }

    @Override
    public Void visitAssign(Stmt.Assign a) {
      assign(a, out);
      return null;
    }

    @Override
    public Void visitArrayWrite(Stmt.ArrayWrite w) {
      Slot save = plan.save(w);
      if (save != null) {
        record(out, save, new Expr.ArrayRead(w.array(), w.index(),
            w.array().type().elementType(), null));
      }
      Slot shadowSave = plan.shadowSave(w);
      if (shadowSave != null) {
        record(out, shadowSave, new Expr.ArrayRead(Shadows.of(w.array(), names), w.index(),
            w.array().type().elementType(), null));
      }
      if (w.value().type().isArray() && activity.isActive(IrWalk.root(w.array()))) {
        out.addAll(Shadows.forward(w, w.value(), names));
      } else {
        out.add(new Stmt.ArrayWrite(w.array(), w.index(), w.value(), w.tree()));
      }
      return null;
    }

    @Override
    public Void visitEval(Stmt.Eval e) {
      snapshot(e, out);
      out.add(new Stmt.Eval(e.expr(), e.tree()));
      return null;
    }

    @Override
    public Void visitBlock(Stmt.Block b) {
      if (b.label() != null && flow.isBreakTarget(b.label())) {
        Label label = names.label(b.label());
        List<Stmt> inner = new ArrayList<>();
        blockContents(b, inner);
        out.add(new Stmt.Block(label, inner, b.tree()));
      } else {
        blockContents(b, out);
      }
      return null;
    }

    @Override
    public Void visitIf(Stmt.If i) {
      forwardIf(i, out);
      return null;
    }

    @Override
    public Void visitLoop(Stmt.Loop l) {
      forwardLoop(l, out);
      return null;
    }

    @Override
    public Void visitBreak(Stmt.Break b) {
      jump(b, out);
      return null;
    }

    @Override
    public Void visitContinue(Stmt.Continue c) {
      jump(c, out);
      return null;
    }

    @Override
    public Void visitReturn(Stmt.Return r) {
      jump(r, out);
      return null;
    }

    @Override
    public Void visitThrow(Stmt.Throw t) {
      out.add(new Stmt.Throw(t.exception(), t.tree()));
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
  }

  private void blockContents(Stmt.Block b, List<Stmt> out) {
    BlockFrame frame = new BlockFrame(b);
    frames.push(frame);
    int[] seg = plan.segments(b);
    for (int i = 0; i < seg.length; i++) {
      frame.segment = seg[i];
      forward(b.stmts().get(i), out);
    }
    frames.pop();
    Slot position = plan.position(b);
    if (position != null && flow.completesNormally(b)) {
      int last = seg.length == 0 ? 0 : seg[seg.length - 1]
          + (flow.mayLeave(b.stmts().get(seg.length - 1)) ? 1 : 0);
      record(out, position, Expr.Literal.ofInt(last));
    }
  }

  private void assign(Stmt.Assign a, List<Stmt> out) {
    snapshot(a, out); // before the target's own save, which the reverse sweep restores first
    Variable target = a.target();
    boolean declares = plan.declaredInline(target)
        && (a.declaration() || target.origin() == Variable.Origin.RESULT);
    if (tracer != null && target.type().kind() == IrType.Kind.DOUBLE) {
      tracer.assign(a, declares, out);
      return;
    }
    Slot save = plan.save(a);
    if (save != null) {
      record(out, save, new Expr.VarRef(target));
    }
    Slot shadowSave = plan.shadowSave(a);
    if (shadowSave != null) {
      record(out, shadowSave, new Expr.VarRef(names.adjointOf(target)));
    }
    Expr value = a.value();
    if (target.origin() == Variable.Origin.RESULT && target.type().isArray()
        && !(value instanceof Expr.Call) && !ir.differentiated().isEmpty()) {
      // The reverse sweep may restore elements of the array returned: hand out a copy. Without
      // one (nothing differentiated: a tangent entry point, a private copy) the very array, as
      // the original returns it; a caller may compare it with its arguments (ChosenReturnedArrays).
      value = new Expr.Intrinsic(Expr.Intrinsic.Op.COPY, List.of(value), target.type());
    }
    if (target.type().isArray() && target.origin() != Variable.Origin.RESULT
        && activity.isActive(target)) {
      out.addAll(Shadows.forward(new Stmt.Assign(target, value, declares, a.tree()), value,
          names));
    } else {
      out.add(new Stmt.Assign(target, value, declares, a.tree()));
    }
  }

  private void forwardIf(Stmt.If i, List<Stmt> out) {
    Slot branch = plan.branch(i);
    IfFrame frame = new IfFrame(i);
    frames.push(frame);
    List<Stmt> thenCode = new ArrayList<>();
    forward(i.thenPart(), thenCode);
    if (branch != null && flow.completesNormally(i.thenPart())) {
      record(thenCode, branch, Expr.Literal.ofBoolean(true));
    }
    frame.inThen = false;
    List<Stmt> elseCode = new ArrayList<>();
    forward(i.elsePart(), elseCode);
    if (branch != null && flow.completesNormally(i.elsePart())) {
      record(elseCode, branch, Expr.Literal.ofBoolean(false));
    }
    frames.pop();
    out.add(new Stmt.If(i.condition(), block(thenCode), block(elseCode), i.tree()));
  }

  private void forwardLoop(Stmt.Loop l, List<Stmt> out) {
    RecordPlan.LoopRecord record = plan.loopRecord(l);
    if (record != null && record.computedCount() != null) {
      record = null; // the reverse sweep computes the trip count (CountedTrips)
    }
    plan.wholeArrays(l).forEach(a -> record(out, WholeArrayRecords.push(names.tape(), a)));
    Label bodyLabel = flow.isContinueTarget(l.label()) ? names.newLabel("body") : null;
    Label label = flow.isBreakTarget(l.label()) ? names.label(l.label()) : null;
    if (record != null) {
      out.add(assign(record.count(), Expr.Literal.ofInt(0)));
      if (record.broke() != null) {
        out.add(assign(record.broke(), Expr.Literal.ofBoolean(false)));
      }
      if (record.start() != null) {
        out.add(assign(record.start(), new Expr.VarRef(l.counter().variable())));
      }
    }
    List<Stmt> body = new ArrayList<>();
    List<Variable> state = plan.checkpointState(l);
    if (state != null) {
      List<Stmt> snapshot = new ArrayList<>();
      for (Variable v : state) {
        snapshot.add(new Stmt.Push(new Expr.VarRef(names.tape()), new Expr.VarRef(v)));
      }
      Expr due = new Expr.Binary(BinaryOp.EQUAL, new Expr.Binary(BinaryOp.REMAINDER,
          new Expr.VarRef(record.count()), Expr.Literal.ofInt(plan.checkpointEvery())),
          Expr.Literal.ofInt(0), IrType.BOOLEAN, null);
      body.add(new Stmt.If(due, block(snapshot), block(List.of()), null));
    }
    if (record != null) {
      body.add(new Stmt.Increment(record.count()));
    }
    boolean wasRecording = recording;
    recording &= state == null;
    loopBody(l, bodyLabel, body);
    recording = wasRecording;
    out.add(new Stmt.Loop(label, l.condition(), block(body), List.of(), l.testFirst(), null,
        l.tree()));
    if (record != null && flow.completesNormally(l)) {
      writeLoopRecord(record, out, null);
    }
    if (state != null) {
      bodyLabels.put(l, bodyLabel);
    }
  }

  /** One iteration: the body (continue leaves it through its label), then the update. */
  private void loopBody(Stmt.Loop l, Label bodyLabel, List<Stmt> out) {
    frames.push(new LoopFrame(l, bodyLabel));
    if (bodyLabel != null) {
      List<Stmt> inner = new ArrayList<>();
      forward(l.body(), inner);
      out.add(new Stmt.Block(bodyLabel, inner, null));
    } else {
      forward(l.body(), out);
    }
    for (Stmt u : l.update()) {
      forward(u, out);
    }
    frames.pop();
  }

  private void writeLoopRecord(RecordPlan.LoopRecord record, List<Stmt> out, Boolean broke) {
    if (record.broke() != null && broke != null) {
      out.add(assign(record.broke(), Expr.Literal.ofBoolean(broke)));
    }
    if (record.countSlot().onTape()) {
      record(out, record.countSlot(), new Expr.VarRef(record.count()));
      if (record.brokeSlot() != null) {
        record(out, record.brokeSlot(), new Expr.VarRef(record.broke()));
      }
      if (record.startSlot() != null) {
        record(out, record.startSlot(), new Expr.VarRef(record.start()));
      }
    }
  }

  /** A break, continue or return: records what each construct it leaves needs, then jumps. */
  private void jump(Stmt jump, List<Stmt> out) {
    Object target = jump instanceof Stmt.Break b ? b.target()
        : jump instanceof Stmt.Continue c ? c.target() : ControlFlow.RETURN;
    for (Frame frame : frames) {
      if (frame instanceof BlockFrame bf) {
        Slot position = plan.position(bf.block);
        if (position != null) {
          record(out, position, Expr.Literal.ofInt(bf.segment));
        }
        if (bf.block.label() == target) {
          out.add(new Stmt.Break(names.label(bf.block.label()), jump.tree()));
          return;
        }
      } else if (frame instanceof IfFrame f) {
        Slot branch = plan.branch(f.stmt);
        if (branch != null) {
          record(out, branch, Expr.Literal.ofBoolean(f.inThen));
        }
      } else if (frame instanceof LoopFrame lf) {
        RecordPlan.LoopRecord record = plan.loopRecord(lf.loop);
        if (lf.loop.label() == target) {
          if (jump instanceof Stmt.Continue) {
            out.add(new Stmt.Break(lf.bodyLabel, jump.tree()));
          } else {
            if (record != null && record.broke() != null) {
              out.add(assign(record.broke(), Expr.Literal.ofBoolean(true)));
            }
            out.add(new Stmt.Break(names.label(lf.loop.label()), jump.tree()));
          }
          return;
        }
        if (record != null && record.computedCount() == null) {
          writeLoopRecord(record, out, true);
        }
      }
    }
    if (jump != plan.finalReturn()) {
      out.add(new Stmt.Break(plan.forwardLabel(), jump.tree()));
    }
  }

  /** Saves the arrays a call of {@code s} may write into (see {@link WritingCallAdjoint}). */
  private void snapshot(Stmt s, List<Stmt> out) {
    if (recording) {
      out.addAll(plan.snapshot(s));
    }
  }

  /** Writes a record, unless this is a checkpointed loop's forward run, which records nothing. */
  private void record(List<Stmt> out, Slot slot, Expr value) {
    record(out, slot.write(value));
  }

  private void record(List<Stmt> out, Stmt write) {
    if (recording) {
      out.add(write);
    }
  }

  private static Stmt assign(Variable target, Expr value) {
    return new Stmt.Assign(target, value, false, null);
  }

  static Stmt.Block block(List<Stmt> stmts) {
    return new Stmt.Block(null, List.copyOf(stmts), null);
  }
}
