package dev.adjoint.processor.transform;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.StmtRewrite;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The doubles a counted loop records, in one block of the tape reserved before the loop instead
 * of one push per value. A loop whose trip count the reverse sweep computes ({@link CountedTrips})
 * has that count on entry too: when each iteration pushes the same {@code k} doubles (pushes at
 * the top level of its body, and no other double on the tape inside it), the forward sweep
 * reserves {@code k * trips} doubles once and writes the i-th push of an iteration to
 * {@code records[cursor + i]}, moving {@code cursor} on by {@code k} after the body; the reverse
 * sweep reads them back from the top of the tape the same way, backwards, and releases the
 * block after the loop. The tape holds the same values in the same places as with the pushes;
 * the loop no longer checks capacity and counts pushes for each value (issue 15, cause 4: the
 * sin recurrence's two pushes per step).
 *
 * <p>Nothing else pushes a double while the forward loop writes its block, so the array it
 * fetched after reserving stays the tape's. In the reverse loop a callee's adjoint may push and
 * pop above the block and grow the tape, which replaces its array: the array fetched before the
 * loop still holds the block's values, which nothing writes any more.
 *
 * <p>Forward and reverse loops are paired through the source loop they come from (each appears
 * exactly once in each sweep, or the loop keeps its pushes); a loop {@link LoopFusion} fused, a
 * checkpointed loop's replay, a loop whose records are conditional or nested keep theirs too.
 */
final class TapeBlocks {
  /** A loop's block: its forward and reverse loops and how many doubles one iteration keeps. */
  private record Block(Stmt.Loop forward, Stmt.IndexLoop reverse, int perIteration,
      Expr trips) {}

  private static final int FEW = 4;

  private final SweepNames names;
  private final Variable tape;
  private final Map<Stmt, Block> forwardBlocks = new IdentityHashMap<>();
  private final Map<Stmt, Block> reverseBlocks = new IdentityHashMap<>();

  private TapeBlocks(SweepNames names) {
    this.names = names;
    this.tape = names.tape();
  }

  /** The sweeps with every loop that qualifies recording into a block. */
  static LoopFusion.Sweeps apply(MethodIr ir, RecordPlan plan, SweepNames names,
      List<Stmt> forward, List<Stmt> reverse) {
    TapeBlocks blocks = new TapeBlocks(names);
    IrWalk.statements(ir.body(), s -> {
      if (s instanceof Stmt.Loop l) {
        blocks.consider(l, plan, forward, reverse);
      }
    });
    if (blocks.forwardBlocks.isEmpty()) {
      return new LoopFusion.Sweeps(forward, reverse);
    }
    return new LoopFusion.Sweeps(blocks.rewrite(forward), blocks.rewrite(reverse));
  }

  private void consider(Stmt.Loop l, RecordPlan plan, List<Stmt> forward, List<Stmt> reverse) {
    RecordPlan.LoopRecord record = plan.loopRecord(l);
    if (l.tree() == null || record == null || record.computedCount() == null
        || plan.checkpointState(l) != null) {
      return;
    }
    List<Stmt.Loop> forwardLoops = new ArrayList<>();
    List<Stmt.IndexLoop> reverseLoops = new ArrayList<>();
    collect(forward, l, forwardLoops, reverseLoops);
    if (reverseLoops.size() > 0) {
      return;
    }
    collect(reverse, l, forwardLoops, reverseLoops);
    if (forwardLoops.size() != 1 || reverseLoops.size() != 1) {
      return; // fused (a Loop in the reverse sweep), replayed, or not reversed at all
    }
    Stmt.Loop f = forwardLoops.get(0);
    Stmt.IndexLoop r = reverseLoops.get(0);
    int k = TapeRecords.topLevelPushes(f.body().stmts(), tape);
    if (k == 0 || isFew(record.computedCount(), k) || !TapeRecords.onlyBlockUses(f, tape)
        || TapeRecords.topLevelPops(r.body().stmts(), tape) != k
        || !TapeRecords.onlyBlockReads(r, tape, k)) {
      return;
    }
    Block block = new Block(f, r, k, record.computedCount());
    forwardBlocks.put(f, block);
    reverseBlocks.put(r, block);
  }

  /**
   * Whether the loop records at most {@value #FEW} doubles, a count known at compile time: the
   * calls that reserve, fetch and release a block cost about as much as that many pushes.
   */
  private static boolean isFew(Expr trips, int k) {
    return trips instanceof Expr.Literal n && (long) k * Long.parseLong(n.text()) <= FEW;
  }

  /** The loops of {@code code}, at any depth, made from {@code source}. */
  private static void collect(List<Stmt> code, Stmt.Loop source, List<Stmt.Loop> loops,
      List<Stmt.IndexLoop> reversed) {
    for (Stmt stmt : code) {
      IrWalk.statements(stmt, s -> {
        if (s instanceof Stmt.Loop l && l.tree() == source.tree()) {
          loops.add(l);
        } else if (s instanceof Stmt.IndexLoop il && il.tree() == source.tree()) {
          reversed.add(il);
        }
      });
    }
  }

  /** {@code code} with each block's loop, at any depth, replaced by its block form. */
  private List<Stmt> rewrite(List<Stmt> code) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : code) {
      Block forwardBlock = forwardBlocks.get(s);
      Block reverseBlock = reverseBlocks.get(s);
      if (forwardBlock != null) {
        forwardLoop(forwardBlock, out);
      } else if (reverseBlock != null) {
        reverseLoop(reverseBlock, out);
      } else {
        out.add(StmtRewrite.apply(s, e -> e, this::rewrite));
      }
    }
    return out;
  }

  /**
   * {@code cursor = tape.reserveDoubles(k, trips); records = tape.doubleArray();} and the loop,
   * its pushes written into the block.
   */
  private void forwardLoop(Block block, List<Stmt> out) {
    Variable cursor = names.scratch("recordAt", IrType.INT);
    Variable records = names.scratch("records", IrType.DOUBLE_ARRAY);
    out.add(new Stmt.Assign(cursor, intrinsic(Expr.Intrinsic.Op.RESERVE_DOUBLES, IrType.INT,
        Expr.Literal.ofInt(block.perIteration()), block.trips()), true, null));
    out.add(new Stmt.Assign(records, intrinsic(Expr.Intrinsic.Op.DOUBLE_ARRAY,
        IrType.DOUBLE_ARRAY), true, null));
    Stmt.Loop l = block.forward();
    List<Stmt> body = new ArrayList<>();
    int pushed = 0;
    for (Stmt s : l.body().stmts()) {
      if (TapeRecords.isDoublePush(s, tape)) {
        body.add(new Stmt.ArrayWrite(new Expr.VarRef(records), slot(cursor, pushed++),
            ((Stmt.Push) s).value(), s.tree()));
      } else {
        body.add(s);
      }
    }
    body.add(step(cursor, BinaryOp.PLUS, block.perIteration()));
    out.add(new Stmt.Loop(l.label(), l.condition(), ForwardSweep.block(body), l.update(),
        l.testFirst(), l.counter(), l.tree()));
  }

  /**
   * {@code records = tape.doubleArray(); cursor = tape.doubleCount();}, the loop reading the
   * block backwards, then {@code tape.releaseDoubles(k, trips)}.
   */
  private void reverseLoop(Block block, List<Stmt> out) {
    Variable records = names.scratch("records", IrType.DOUBLE_ARRAY);
    Variable cursor = names.scratch("recordAt", IrType.INT);
    out.add(new Stmt.Assign(records, intrinsic(Expr.Intrinsic.Op.DOUBLE_ARRAY,
        IrType.DOUBLE_ARRAY), true, null));
    out.add(new Stmt.Assign(cursor, intrinsic(Expr.Intrinsic.Op.DOUBLE_COUNT, IrType.INT), true,
        null));
    Stmt.IndexLoop l = block.reverse();
    List<Stmt> body = new ArrayList<>();
    body.add(step(cursor, BinaryOp.MINUS, block.perIteration()));
    int popped = 0;
    for (Stmt s : l.body().stmts()) {
      if (TapeRecords.isDoublePop(s, tape)) {
        Expr read = new Expr.ArrayRead(new Expr.VarRef(records),
            slot(cursor, block.perIteration() - 1 - popped++), IrType.DOUBLE, null);
        body.add(s instanceof Stmt.ArrayWrite w
            ? new Stmt.ArrayWrite(w.array(), w.index(), read, w.tree())
            : new Stmt.Assign(((Stmt.Assign) s).target(), read, ((Stmt.Assign) s).declaration(),
                s.tree()));
      } else {
        body.add(StmtRewrite.apply(s, e -> e, this::rewrite));
      }
    }
    out.add(new Stmt.IndexLoop(l.label(), l.index(), l.from(), l.bound(), l.down(),
        ForwardSweep.block(body), l.tree()));
    out.add(new Stmt.Eval(intrinsic(Expr.Intrinsic.Op.RELEASE_DOUBLES, IrType.VOID,
        Expr.Literal.ofInt(block.perIteration()), l.from()), null));
  }

  /** {@code cursor + offset}. */
  private static Expr slot(Variable cursor, int offset) {
    return offset == 0 ? new Expr.VarRef(cursor) : new Expr.Binary(BinaryOp.PLUS,
        new Expr.VarRef(cursor), Expr.Literal.ofInt(offset), IrType.INT, null);
  }

  /** {@code cursor = cursor op k}. */
  private static Stmt step(Variable cursor, BinaryOp op, int k) {
    return new Stmt.Assign(cursor, new Expr.Binary(op, new Expr.VarRef(cursor),
        Expr.Literal.ofInt(k), IrType.INT, null), false, null);
  }

  private Expr intrinsic(Expr.Intrinsic.Op op, IrType type, Expr... more) {
    List<Expr> args = new ArrayList<>();
    args.add(new Expr.VarRef(tape));
    args.addAll(List.of(more));
    return new Expr.Intrinsic(op, args, type, null);
  }
}
