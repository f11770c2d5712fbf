package dev.adjoint.processor.transform;

import dev.adjoint.processor.ir.AdjointOnly;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Label;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.UnaryOp;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * The reverse sweep, in adjoint IR: it mirrors the structure backwards. Each definition's
 * adjoint around the restore of the value it overwrote; a block's segments from last to first,
 * each only if the forward sweep reached it; a branch replayed as recorded; a loop's iterations
 * backwards, as many as were recorded, recomputing its counter and cheap temporaries; a
 * checkpointed loop segment by segment, each re-run from its snapshot before it is reversed.
 */
final class ReverseSweep {
  private static final String STAGE = "the reverse sweep (over the original)";

  private final RecordPlan plan;
  private final SweepNames names;
  private final ForwardSweep replay;

  /** {@code replay} re-runs checkpointed loops' iterations. */
  ReverseSweep(RecordPlan plan, SweepNames names, ForwardSweep replay) {
    this.plan = plan;
    this.names = names;
    this.replay = replay;
  }

  /** The reverse of {@code s}: nothing when no part of it needs reversing. */
  List<Stmt> reverse(Stmt s) {
    if (!plan.needsReverse(s)) {
      return List.of();
    }
    return s.accept(statement);
  }

  /**
   * The reverse of one statement that needs reversing. Statements without adjoint code (calls
   * for effect, jumps, throws) never need it: reaching them here is a bug.
   */
  private final Stmt.Visitor<List<Stmt>> statement = new Stmt.Visitor<>() {
    @Override
    public List<Stmt> visitAssign(Stmt.Assign node) {
      return definition(node);
    }

    @Override
    public List<Stmt> visitArrayWrite(Stmt.ArrayWrite node) {
      return definition(node);
    }

    @Override
    public List<Stmt> visitEval(Stmt.Eval node) {
      // a call that may write into its array arguments is a definition of them
      return plan.fragment(node) != null ? definition(node) : noAdjoint(node);
    }

    @Override
    public List<Stmt> visitBlock(Stmt.Block node) {
      return block(node);
    }

    @Override
    public List<Stmt> visitIf(Stmt.If node) {
      return branch(node);
    }

    @Override
    public List<Stmt> visitLoop(Stmt.Loop node) {
      return plan.checkpointState(node) != null ? checkpointedLoop(node) : loop(node);
    }

    @Override
    public List<Stmt> visitBreak(Stmt.Break node) {
      return noAdjoint(node);
    }

    @Override
    public List<Stmt> visitContinue(Stmt.Continue node) {
      return noAdjoint(node);
    }

    @Override
    public List<Stmt> visitReturn(Stmt.Return node) {
      return noAdjoint(node);
    }

    @Override
    public List<Stmt> visitThrow(Stmt.Throw node) {
      return noAdjoint(node);
    }

    @Override
    public List<Stmt> visitAccumulate(Stmt.Accumulate node) {
      throw AdjointOnly.in(STAGE, node);
    }

    @Override
    public List<Stmt> visitComment(Stmt.Comment node) {
      throw AdjointOnly.in(STAGE, node);
    }

    @Override
    public List<Stmt> visitPush(Stmt.Push node) {
      throw AdjointOnly.in(STAGE, node);
    }

    @Override
    public List<Stmt> visitIncrement(Stmt.Increment node) {
      throw AdjointOnly.in(STAGE, node);
    }

    @Override
    public List<Stmt> visitIndexLoop(Stmt.IndexLoop node) {
      throw AdjointOnly.in(STAGE, node);
    }

    private List<Stmt> noAdjoint(Stmt node) {
      throw new IllegalStateException("no adjoint for " + node);
    }
  };

  /** A definition's adjoint, around the restore of the value it overwrote. */
  private List<Stmt> definition(Stmt s) {
    DefinitionAdjoint.Fragment f = plan.fragment(s);
    List<Stmt> code = new ArrayList<>();
    if (s.tree() != null && !f.isEmpty()) {
      code.add(new Stmt.Comment(describe(s), null));
    }
    code.addAll(f.beforeRestore());
    Slot shadowSave = plan.shadowSave(s);
    if (shadowSave != null) {
      // popped before the array itself, which the forward sweep pushed first
      code.add(s instanceof Stmt.ArrayWrite w
          ? new Stmt.ArrayWrite(Shadows.of(w.array(), names), w.index(), shadowSave.value(), null)
          : new Stmt.Assign(names.adjointOf(((Stmt.Assign) s).target()), shadowSave.value(),
              false, null));
    }
    Slot save = plan.save(s);
    if (save != null) {
      code.add(s instanceof Stmt.ArrayWrite w
          ? new Stmt.ArrayWrite(w.array(), w.index(), save.value(), null)
          : new Stmt.Assign(((Stmt.Assign) s).target(), save.value(), false, null));
    }
    Expr undo = plan.undo(s);
    if (undo != null) {
      code.add(new Stmt.Assign(((Stmt.Assign) s).target(), undo, false, null));
    }
    code.addAll(f.afterRestore());
    return code;
  }

  /** The source of a statement, on one line of at most 90 characters, for a comment. */
  static String describe(Stmt a) {
    String text = a.tree().toString().replace('\n', ' ').replaceAll("\\s+", " ").trim();
    if (text.endsWith(";")) {
      text = text.substring(0, text.length() - 1);
    }
    return text.length() > 90 ? text.substring(0, 87) + "..." : text;
  }

  private List<Stmt> block(Stmt.Block b) {
    List<Stmt> out = new ArrayList<>();
    Slot position = plan.position(b);
    Variable pos = null;
    if (position != null) {
      if (position.onTape()) {
        out.add(new Stmt.Assign(position.local(), position.value(), true, null));
      }
      pos = position.local();
    }
    int[] seg = plan.segments(b);
    int lastSegment = seg.length == 0 ? 0 : seg[seg.length - 1];
    for (int k = lastSegment; k >= 0; k--) {
      List<Stmt> segment = new ArrayList<>();
      for (int i = seg.length - 1; i >= 0; i--) {
        if (seg[i] == k) {
          segment.addAll(reverse(b.stmts().get(i)));
        }
      }
      if (segment.isEmpty()) {
        continue;
      }
      if (k > 0 && pos != null) {
        Expr reached = new Expr.Binary(BinaryOp.GREATER_EQUAL, new Expr.VarRef(pos),
            Expr.Literal.ofInt(k), IrType.BOOLEAN, null);
        out.add(new Stmt.If(reached, ForwardSweep.block(segment), ForwardSweep.block(List.of()),
            null));
      } else {
        out.addAll(segment);
      }
    }
    return out;
  }

  private List<Stmt> branch(Stmt.If i) {
    Expr tookThen = plan.branch(i).value();
    List<Stmt> thenCode = reverse(i.thenPart());
    List<Stmt> elseCode = reverse(i.elsePart());
    if (!thenCode.isEmpty()) {
      return List.of(new Stmt.If(tookThen, ForwardSweep.block(thenCode),
          ForwardSweep.block(elseCode), null));
    }
    return List.of(new Stmt.If(new Expr.Unary(UnaryOp.NOT, tookThen, IrType.BOOLEAN, null),
        ForwardSweep.block(elseCode), ForwardSweep.block(List.of()), null));
  }

  private List<Stmt> loop(Stmt.Loop l) {
    RecordPlan.LoopRecord record = plan.loopRecord(l);
    List<Stmt> out = new ArrayList<>();
    if (record.computedCount() != null) {
      out.add(assign(record.count(), record.computedCount()));
    } else if (record.countSlot().onTape()) {
      if (record.startSlot() != null) {
        out.add(assign(record.start(), record.startSlot().value()));
      }
      if (record.brokeSlot() != null) {
        out.add(assign(record.broke(), record.brokeSlot().value()));
      }
      out.add(assign(record.count(), record.countSlot().value()));
    }
    Variable iteration = names.scratch("iteration", IrType.INT);
    List<Stmt> body = iteration(l, record, new Expr.VarRef(iteration));
    out.add(new Stmt.IndexLoop(null, iteration, new Expr.VarRef(record.count()),
        Expr.Literal.ofInt(0), true, ForwardSweep.block(body), l.tree())); // TapeBlocks pairs
    List<Variable> whole = plan.wholeArrays(l);
    for (int k = whole.size() - 1; k >= 0; k--) {
      out.add(WholeArrayRecords.pop(names.tape(), whole.get(k)));
    }
    return out;
  }

  /** The reverse of one iteration, the {@code iteration}-th of the loop (from 1). */
  private List<Stmt> iteration(Stmt.Loop l, RecordPlan.LoopRecord record, Expr iteration) {
    List<Stmt> out = new ArrayList<>();
    List<Stmt.Assign> prefix = plan.recomputed(l);
    if (l.counter() != null && (reads(l, l.counter().variable())
        || plan.countsRead(l, l.counter().variable())
        || recomputesFrom(l, l.counter().variable()))) {
      out.add(assign(l.counter().variable(), counterValue(l, record, iteration)));
    }
    for (Stmt.Assign a : prefix) {
      out.add(assign(a.target(), a.value()));
    }
    List<Stmt> update = new ArrayList<>();
    for (int k = l.update().size() - 1; k >= 0; k--) {
      update.addAll(reverse(l.update().get(k)));
    }
    if (!update.isEmpty()) {
      if (record.broke() != null) {
        Expr ranToEnd = new Expr.Binary(BinaryOp.OR,
            new Expr.Binary(BinaryOp.LESS, iteration, new Expr.VarRef(record.count()),
                IrType.BOOLEAN, null),
            new Expr.Unary(UnaryOp.NOT, new Expr.VarRef(record.broke()), IrType.BOOLEAN, null),
            IrType.BOOLEAN, null);
        out.add(new Stmt.If(ranToEnd, ForwardSweep.block(update), ForwardSweep.block(List.of()),
            null));
      } else {
        out.addAll(update);
      }
    }
    out.addAll(reverse(l.body()));
    return out;
  }

  /**
   * Segments from last to first: restore the segment's snapshot, re-run its iterations while
   * recording, then reverse them.
   */
  private List<Stmt> checkpointedLoop(Stmt.Loop l) {
    RecordPlan.LoopRecord record = plan.loopRecord(l);
    List<Variable> state = plan.checkpointState(l);
    Expr count = new Expr.VarRef(record.count());
    Expr k = Expr.Literal.ofInt(plan.checkpointEvery());
    Variable segment = names.scratch("segment", IrType.INT);
    Variable length = names.scratch("segmentLength", IrType.INT);
    Variable replayed = names.scratch("replay", IrType.INT);
    Variable iteration = names.scratch("iteration", IrType.INT);
    List<Stmt> body = new ArrayList<>();
    for (int v = state.size() - 1; v >= 0; v--) {
      Variable var = state.get(v);
      body.add(assign(var, Slot.pop(names.tape(), var.type())));
    }
    // The last segment may be short: min(k, count - segment * k) iterations.
    Expr segmentStart = new Expr.Binary(BinaryOp.TIMES, new Expr.VarRef(segment), k);
    body.add(new Stmt.Assign(length, new Expr.Binary(BinaryOp.MINUS, count, segmentStart), true,
        null));
    body.add(new Stmt.If(new Expr.Binary(BinaryOp.GREATER, new Expr.VarRef(length), k,
        IrType.BOOLEAN, null), ForwardSweep.block(List.of(assign(length, k))),
        ForwardSweep.block(List.of()), null));
    Label label = plan.flow().isBreakTarget(l.label()) ? names.label(l.label()) : null;
    List<Stmt> rerun = new ArrayList<>();
    replay.replayIteration(l, rerun);
    body.add(new Stmt.IndexLoop(label, replayed, Expr.Literal.ofInt(0),
        new Expr.VarRef(length), false, ForwardSweep.block(rerun)));
    Expr index = new Expr.Binary(BinaryOp.PLUS, segmentStart, new Expr.VarRef(iteration));
    body.add(new Stmt.IndexLoop(null, iteration, new Expr.VarRef(length), Expr.Literal.ofInt(0),
        true, ForwardSweep.block(iteration(l, record, index))));
    Expr segments = new Expr.Binary(BinaryOp.DIVIDE, new Expr.Binary(BinaryOp.PLUS, count,
        Expr.Literal.ofInt(plan.checkpointEvery() - 1)), k);
    Expr lastSegment = new Expr.Binary(BinaryOp.MINUS, segments, Expr.Literal.ofInt(1));
    return List.of(new Stmt.IndexLoop(null, segment, lastSegment, Expr.Literal.ofInt(-1), true,
        ForwardSweep.block(body)));
  }

  /** {@code start + (iteration - 1) * step}, the counter's value in a replayed iteration. */
  private static Expr counterValue(Stmt.Loop l, RecordPlan.LoopRecord record, Expr iteration) {
    Stmt.Counter c = l.counter();
    Expr start = record.start() != null ? new Expr.VarRef(record.start()) : c.start();
    Expr index = new Expr.Binary(BinaryOp.MINUS, iteration, Expr.Literal.ofInt(1));
    Expr offset = c.step() == 1 ? index
        : new Expr.Binary(BinaryOp.TIMES, index, Expr.Literal.ofInt(c.step()));
    return start instanceof Expr.Literal literal && literal.text().equals("0") ? offset
        : new Expr.Binary(BinaryOp.PLUS, start, offset, IrType.INT, null);
  }

  /**
   * Whether a temporary that the reverse of {@code l}, or of a loop inside it, recomputes reads
   * {@code v}: an inner loop's {@code double c = Math.cos(k0)} needs the outer counter
   * {@code k0} set for each replayed outer iteration (ToBeRecorded never records a counter).
   */
  private boolean recomputesFrom(Stmt.Loop l, Variable v) {
    boolean[] found = {false};
    IrWalk.statements(l, s -> found[0] |= s instanceof Stmt.Loop inner && plan.recomputed(inner)
        .stream().anyMatch(a -> ExpressionAdjoint.references(a.value(), v)));
    return found[0];
  }

  /** Whether any reverse code inside the loop reads {@code v}. */
  private boolean reads(Stmt.Loop l, Variable v) {
    boolean[] found = {false};
    IrWalk.statements(l, s -> found[0] |= plan.fragment(s) != null
        && plan.fragmentReads(s).contains(v));
    return found[0];
  }

  private static Stmt assign(Variable target, Expr value) {
    return new Stmt.Assign(target, value, false, null);
  }
}
