package dev.adjoint.processor.transform;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scratch rows (Tapenade's array expansion, privatisation of local-to-iteration data) inside a
 * fused iteration ({@link LoopFusion}). A counted loop {@code L} of the fused body whose every
 * iteration starts by overwriting every element of a scratch array {@code a} (a loop that
 * {@link WholeArrayRecords} records as one block) pushes all of {@code a} on the tape in each
 * iteration's forward and pops it back at the end of the iteration's reverse: GMM's
 * {@code xc} and {@code lxc}, d doubles copied twice per (point, component). Instead each
 * iteration gets a row of its own: {@code aRows}, trips × a.length doubles allocated once per
 * call (again only when an entry into {@code L} has more trips or another length), and the
 * iteration's forward and reverse rebind the variable {@code a} to its row; after {@code L}'s
 * reverse, {@code a} is the array it was before {@code L}.
 *
 * <p>Why it is exact: the array variable is rebound only at the point of the push, just before
 * the loop that overwrites every element, and nothing in the iteration mentions {@code a} before
 * that point; so each row is written in full before it is read, and at the end of the forward
 * of iteration i its row holds what {@code a} held then. The reverse of iteration i runs with
 * {@code a} rebound to row i, which no later iteration wrote: exactly the values the pops of
 * iterations after i would have restored. After the forward of {@code L}, {@code a} is the last
 * row, holding {@code a}'s values; what the code after {@code L} writes into it, its own
 * records restore before {@code L}'s reverse. The array {@code a} had before {@code L} was not
 * written by {@code L} (every write went to a row), so rebinding {@code a} to it after the
 * reverse restores what the last pop would have; nothing after the pop in the iteration's
 * reverse mentions {@code a}. The array is scratch for the fused loop (no other name refers to
 * it, so rebinding the variable rebinds every access) and nothing else pushes or pops it there.
 * The forward and reverse of the fused iteration run back to back, so no other entry into
 * {@code L} writes the rows between {@code L}'s forward and its reverse. The shadow array stays
 * one array: the reverse of the overwriting loop zeroes each of its elements per iteration.
 *
 * <p>The loop's top-level int records (GMM's {@code l}, reset to {@code d} per component; an
 * inner loop's trip count) go to one int slot per iteration the same way ({@link
 * #recordedInts}). First order only ({@link LoopFusion} is told by {@link ReverseTransform}):
 * second order takes the tangent of the sweeps and keeps the tape.
 */
final class ScratchRows {
  private final SweepNames names;
  private final Variable tape;
  private final RecordPlan plan;

  private ScratchRows(SweepNames names, RecordPlan plan) {
    this.names = names;
    this.tape = names.tape();
    this.plan = plan;
  }

  /**
   * Rewrites {@code forward} and {@code reverse}, one fused iteration of {@code fused}, in place;
   * adds to {@code declarations} the rows' declarations, to run once before the fused loop.
   */
  static void apply(Stmt.Loop fused, RecordPlan plan, SweepNames names, Set<Variable> scratch,
      List<Stmt> forward, List<Stmt> reverse, List<Stmt> declarations) {
    ScratchRows rows = new ScratchRows(names, plan);
    for (int fi = 0; fi < forward.size(); fi++) {
      if (forward.get(fi) instanceof Stmt.Loop f && f.tree() != null) {
        fi += rows.consider(fused, scratch, f, fi, forward, reverse, declarations);
      }
    }
  }

  /** Rewrites one loop of the forward part and its reverse; the statements added before it. */
  private int consider(Stmt.Loop fused, Set<Variable> scratch, Stmt.Loop f, int fi,
      List<Stmt> forward, List<Stmt> reverse, List<Stmt> declarations) {
    Stmt.Loop source = sourceLoop(fused, f);
    RecordPlan.LoopRecord record = source == null ? null : plan.loopRecord(source);
    int ri = reverseIndex(f, reverse);
    if (record == null || record.computedCount() == null || plan.checkpointState(source) != null
        || ri < 0 || count(forward, s -> s instanceof Stmt.Loop l && l.tree() == f.tree()) != 1) {
      return 0;
    }
    Stmt.IndexLoop r = (Stmt.IndexLoop) reverse.get(ri);
    List<Variable> arrays = new ArrayList<>();
    for (Stmt s : f.body().stmts()) { // in the order of the pushes: deterministic names
      Variable a = pushed(s);
      if (a != null && scratch.contains(a) && !arrays.contains(a)
          && qualifies(a, source, f, r, forward.subList(fi, forward.size()),
              reverse.subList(0, ri + 1))) {
        arrays.add(a);
      }
    }
    List<Variable> ints = recordedInts(source, f, r, forward, reverse);
    if (arrays.isEmpty() && ints.isEmpty()) {
      return 0;
    }
    Variable trips = names.scratch("rowCount", IrType.INT);
    Variable at = names.scratch("rowAt", IrType.INT);
    List<Stmt> before = new ArrayList<>();
    before.add(new Stmt.Assign(trips, record.computedCount(), true, null));
    before.add(new Stmt.Assign(at, Expr.Literal.ofInt(0), true, null));
    Map<Variable, Variable> rowsOf = new LinkedHashMap<>();
    Map<Variable, Variable> kept = new LinkedHashMap<>();
    for (Variable a : arrays) {
      Variable rows = names.scratch(names.name(a) + "Rows", IrType.DOUBLE_MATRIX);
      Variable original = names.scratch(names.name(a) + "Before", IrType.DOUBLE_ARRAY);
      rowsOf.put(a, rows);
      kept.put(a, original);
      declarations.add(new Stmt.Assign(rows, Expr.Literal.ofNull(), true, null));
      before.add(allocate(rows, trips, a));
      before.add(new Stmt.Assign(original, ref(a), true, null));
    }
    Map<Variable, Variable> intRowsOf = new LinkedHashMap<>();
    for (Variable v : ints) {
      Variable rows = names.scratch(names.name(v) + "Rows", IrType.INT_ARRAY);
      intRowsOf.put(v, rows);
      declarations.add(new Stmt.Assign(rows, Expr.Literal.ofNull(), true, null));
      before.add(allocateInts(rows, trips));
    }
    List<Stmt> body = new ArrayList<>();
    for (Stmt s : f.body().stmts()) {
      Variable a = pushed(s);
      Variable v = pushedInt(s);
      if (a != null && rowsOf.containsKey(a)) {
        body.add(new Stmt.Assign(a, row(rowsOf.get(a), ref(at)), false, null));
      } else if (v != null && intRowsOf.containsKey(v)) {
        body.add(new Stmt.ArrayWrite(ref(intRowsOf.get(v)), ref(at), ref(v), s.tree()));
      } else {
        body.add(s);
      }
    }
    body.add(new Stmt.Assign(at, plus(ref(at), 1), false, null));
    forward.set(fi, new Stmt.Loop(f.label(), f.condition(), ForwardSweep.block(body), f.update(),
        f.testFirst(), f.counter(), f.tree()));
    forward.addAll(fi, before);
    List<Stmt> back = new ArrayList<>();
    rowsOf.forEach((a, rows) -> back.add(new Stmt.Assign(a, row(rows, plus(ref(r.index()), -1)),
        false, null)));
    for (Stmt s : r.body().stmts()) {
      Variable a = popped(s);
      Variable v = poppedInt(s);
      if (v != null && intRowsOf.containsKey(v)) {
        back.add(new Stmt.Assign(v, new Expr.ArrayRead(ref(intRowsOf.get(v)),
            plus(ref(r.index()), -1), IrType.INT, null), false, s.tree()));
      } else if (a == null || !rowsOf.containsKey(a)) {
        back.add(s);
      }
    }
    reverse.set(ri, new Stmt.IndexLoop(r.label(), r.index(), r.from(), r.bound(), r.down(),
        ForwardSweep.block(back), r.tree()));
    List<Stmt> after = new ArrayList<>();
    kept.forEach((a, original) -> after.add(new Stmt.Assign(a, ref(original), false, null)));
    reverse.addAll(ri + 1, after);
    return before.size();
  }

  /**
   * Whether {@code a} is pushed whole once, at the top level of {@code f}'s body right before
   * the loop that overwrites it ({@link WholeArrayRecords}, a top-level statement of
   * {@code source}'s body), after nothing that mentions it, and popped once, at the top level of
   * {@code r}'s body, before nothing that mentions it; nothing assigns the variable from
   * {@code f} on and up to {@code r} ({@code forward} starts at {@code f}, {@code reverse} ends
   * at {@code r}): an array allocated in each fused iteration before {@code f}, and its reference
   * restored after {@code r}, are fine, the rows follow its length.
   */
  private boolean qualifies(Variable a, Stmt.Loop source, Stmt.Loop f, Stmt.IndexLoop r,
      List<Stmt> forward, List<Stmt> reverse) {
    if (!a.type().equals(IrType.DOUBLE_ARRAY)
        || count(forward, s -> pushed(s) == a) != 1 || count(reverse, s -> popped(s) == a) != 1
        || count(forward, s -> popped(s) == a) != 0 || count(reverse, s -> pushed(s) == a) != 0
        || count(forward, s -> s instanceof Stmt.Assign as && as.target() == a) != 0
        || count(reverse, s -> s instanceof Stmt.Assign as && as.target() == a) != 0) {
      return false;
    }
    List<Stmt> fb = f.body().stmts();
    int push = indexOf(fb, s -> pushed(s) == a);
    if (push < 0 || push + 1 >= fb.size() || !(fb.get(push + 1) instanceof Stmt.Loop w)
        || !overwrites(source, w, a) || mentions(fb.subList(0, push), a)) {
      return false;
    }
    List<Stmt> rb = r.body().stmts();
    int pop = indexOf(rb, s -> popped(s) == a);
    return pop >= 0 && !mentions(rb.subList(pop + 1, rb.size()), a);
  }

  /**
   * Whether {@code w} comes from a loop recording all of {@code a} as one block that runs once
   * in every iteration of {@code source}: a statement of its body or of blocks in it (a
   * {@code for} loop's initialisation block), not one inside a branch or an inner loop.
   */
  private boolean overwrites(Stmt.Loop source, Stmt.Loop w, Variable a) {
    return overwrites(source.body(), w, a);
  }

  private boolean overwrites(Stmt.Block block, Stmt.Loop w, Variable a) {
    for (Stmt s : block.stmts()) {
      if (s instanceof Stmt.Loop l && l.tree() != null && l.tree() == w.tree()) {
        return plan.wholeArrays(l).contains(a);
      }
      if (s instanceof Stmt.Block inner && plan.position(inner) == null
          && overwrites(inner, w, a)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The int variables pushed once at the top level of {@code f}'s body and popped back once at
   * the top level of {@code r}'s body, each the only push and pop of its variable in the fused
   * iteration: GMM's {@code l}, set to {@code d} at the start of each component. Each iteration
   * stores the value in its own slot of an int row instead, and its reverse reads it back from
   * there: the same value the tape would give back, as no jump skips a top-level statement.
   */
  private List<Variable> recordedInts(Stmt.Loop source, Stmt.Loop f, Stmt.IndexLoop r,
      List<Stmt> forward, List<Stmt> reverse) {
    List<Variable> out = new ArrayList<>();
    if (count(List.of(source), s -> s instanceof Stmt.Break || s instanceof Stmt.Continue
        || s instanceof Stmt.Return || s instanceof Stmt.Throw) != 0) {
      return out;
    }
    for (Stmt s : f.body().stmts()) {
      Variable v = pushedInt(s);
      if (v != null && !out.contains(v) && count(forward, x -> pushedInt(x) == v) == 1
          && count(reverse, x -> pushedInt(x) == v) == 0
          && count(reverse, x -> poppedInt(x) == v) == 1
          && count(forward, x -> poppedInt(x) == v) == 0
          && indexOf(r.body().stmts(), x -> poppedInt(x) == v) >= 0) {
        out.add(v);
      }
    }
    return out;
  }

  /** The int variable {@code s} pushes on the tape, or null. */
  private Variable pushedInt(Stmt s) {
    return s instanceof Stmt.Push p && p.tape() instanceof Expr.VarRef t && t.variable() == tape
        && p.value() instanceof Expr.VarRef v && v.variable().type().equals(IrType.INT)
        ? v.variable() : null;
  }

  /** The int variable {@code s} restores from the tape, or null. */
  private Variable poppedInt(Stmt s) {
    return s instanceof Stmt.Assign a && a.target().type().equals(IrType.INT)
        && a.value() instanceof Expr.Intrinsic i && i.op() == Expr.Intrinsic.Op.POP
        && i.args().size() == 1 && i.args().get(0) instanceof Expr.VarRef t
        && t.variable() == tape ? a.target() : null;
  }

  /** The loop of {@code fused} (not itself) that {@code f} was made from, or null. */
  private static Stmt.Loop sourceLoop(Stmt.Loop fused, Stmt.Loop f) {
    List<Stmt.Loop> found = new ArrayList<>();
    IrWalk.statements(fused.body(), s -> {
      if (s instanceof Stmt.Loop l && l.tree() == f.tree()) {
        found.add(l);
      }
    });
    return found.size() == 1 ? found.get(0) : null;
  }

  /** The index of the only reverse loop made from {@code f}'s source, a top-level statement of
   * {@code reverse}, or -1. */
  private static int reverseIndex(Stmt.Loop f, List<Stmt> reverse) {
    if (count(reverse, s -> s instanceof Stmt.IndexLoop l && l.tree() == f.tree()) != 1
        || count(reverse, s -> s instanceof Stmt.Loop l && l.tree() == f.tree()) != 0) {
      return -1;
    }
    return indexOf(reverse, s -> s instanceof Stmt.IndexLoop l && l.tree() == f.tree());
  }

  /** The array {@code s} pushes whole on the tape, or null. */
  private Variable pushed(Stmt s) {
    return elements(s, Expr.Intrinsic.Op.PUSH_ELEMENTS);
  }

  /** The array {@code s} pops whole from the tape, or null. */
  private Variable popped(Stmt s) {
    return elements(s, Expr.Intrinsic.Op.POP_ELEMENTS);
  }

  private Variable elements(Stmt s, Expr.Intrinsic.Op op) {
    return s instanceof Stmt.Eval e && e.expr() instanceof Expr.Intrinsic i && i.op() == op
        && i.args().size() == 2 && i.args().get(0) instanceof Expr.VarRef t
        && t.variable() == tape && i.args().get(1) instanceof Expr.VarRef r
        ? r.variable() : null;
  }

  /** {@code if (rows == null || rows.length < trips || trips > 0 && rows[0].length !=
   * a.length) rows = new double[trips][a.length];} */
  private static Stmt allocate(Variable rows, Variable trips, Variable a) {
    Expr length = new Expr.ArrayLength(ref(a), null);
    Expr missing = new Expr.Binary(BinaryOp.EQUAL, ref(rows), Expr.Literal.ofNull(),
        IrType.BOOLEAN, null);
    Expr few = new Expr.Binary(BinaryOp.LESS, new Expr.ArrayLength(ref(rows), null), ref(trips),
        IrType.BOOLEAN, null);
    Expr otherLength = new Expr.Binary(BinaryOp.AND,
        new Expr.Binary(BinaryOp.GREATER, ref(trips), Expr.Literal.ofInt(0), IrType.BOOLEAN,
            null),
        new Expr.Binary(BinaryOp.NOT_EQUAL, new Expr.ArrayLength(row(rows,
            Expr.Literal.ofInt(0)), null), length, IrType.BOOLEAN, null),
        IrType.BOOLEAN, null);
    Expr grow = new Expr.Binary(BinaryOp.OR, new Expr.Binary(BinaryOp.OR, missing, few,
        IrType.BOOLEAN, null), otherLength, IrType.BOOLEAN, null);
    Stmt fresh = new Stmt.Assign(rows, new Expr.NewArray(IrType.DOUBLE_MATRIX,
        List.of(ref(trips), new Expr.ArrayLength(ref(a), null)), null), false, null);
    return new Stmt.If(grow, ForwardSweep.block(List.of(fresh)), ForwardSweep.block(List.of()),
        null);
  }

  /** {@code if (rows == null || rows.length < trips) rows = new int[trips];} */
  private static Stmt allocateInts(Variable rows, Variable trips) {
    Expr grow = new Expr.Binary(BinaryOp.OR, new Expr.Binary(BinaryOp.EQUAL, ref(rows),
        Expr.Literal.ofNull(), IrType.BOOLEAN, null), new Expr.Binary(BinaryOp.LESS,
        new Expr.ArrayLength(ref(rows), null), ref(trips), IrType.BOOLEAN, null),
        IrType.BOOLEAN, null);
    Stmt fresh = new Stmt.Assign(rows, new Expr.NewArray(IrType.INT_ARRAY, List.of(ref(trips)),
        null), false, null);
    return new Stmt.If(grow, ForwardSweep.block(List.of(fresh)), ForwardSweep.block(List.of()),
        null);
  }

  private static Expr row(Variable rows, Expr index) {
    return new Expr.ArrayRead(ref(rows), index, IrType.DOUBLE_ARRAY, null);
  }

  private static Expr plus(Expr e, int k) {
    return new Expr.Binary(k < 0 ? BinaryOp.MINUS : BinaryOp.PLUS, e,
        Expr.Literal.ofInt(Math.abs(k)), IrType.INT, null);
  }

  private static Expr ref(Variable v) {
    return new Expr.VarRef(v);
  }

  private static boolean mentions(List<Stmt> code, Variable v) {
    return count(code, s -> s instanceof Stmt.Assign a && a.target() == v)
        + count(code, s -> readsOwn(s, v)) > 0;
  }

  private static boolean readsOwn(Stmt s, Variable v) {
    boolean[] found = {false};
    IrWalk.ownExpressions(s, e -> IrWalk.expressions(e,
        x -> found[0] |= x instanceof Expr.VarRef r && r.variable() == v));
    return found[0];
  }

  private static int count(List<Stmt> code, java.util.function.Predicate<Stmt> which) {
    int[] n = {0};
    code.forEach(stmt -> IrWalk.statements(stmt, s -> n[0] += which.test(s) ? 1 : 0));
    return n[0];
  }

  private static int indexOf(List<Stmt> code, java.util.function.Predicate<Stmt> which) {
    for (int i = 0; i < code.size(); i++) {
      if (which.test(code.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
