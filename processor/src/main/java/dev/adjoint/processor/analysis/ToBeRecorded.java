package dev.adjoint.processor.analysis;

import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.AdjointOnly;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * To-be-recorded analysis. The reverse sweep runs on the primal variables, restoring each
 * overwritten value just after it has replayed the overwrite. An overwrite must save the value it
 * destroys only if reverse code reads that value: if, on some path from the definition that
 * produced it to this overwrite, a statement's adjoint reads the variable. Everything else is
 * recomputed from values that are still there, so straight-line code records nothing, nor does
 * a running sum, nor a counter of a counted loop (the reverse sweep sets it for each iteration).
 *
 * <p>This is a forward may-analysis of "read since its last definition" over the structured IR.
 * Loops iterate to a fixpoint; jumps are handled conservatively by letting every state inside a
 * loop or labelled block reach what follows it.
 */
public final class ToBeRecorded {
  private final Map<Stmt, Set<Variable>> reads;
  private final ArrayAliases aliases;
  private final Set<Stmt> saves = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<Variable> counters = new HashSet<>();
  private final Set<Stmt> resultReaders = Collections.newSetFromMap(new IdentityHashMap<>());
  /** Per loop, the arrays whose own-element result readers ({@link OwnElementWrites}) it runs. */
  private final Map<Stmt, Set<Variable>> elementReaders = new IdentityHashMap<>();
  private final Deque<Set<Variable>> seen = new ArrayDeque<>();

  private final ArrayLengths lengths;

  private ToBeRecorded(Map<Stmt, Set<Variable>> reads, ArrayAliases aliases,
      ArrayLengths lengths) {
    this.reads = reads;
    this.aliases = aliases;
    this.lengths = lengths;
  }

  /**
   * @param reads for each assignment and element write, the variables its reverse code reads
   *     (after the restore of its own target, for those that read it)
   * @param aliases the may-alias classes of the arrays: an array stands for its class, so a
   *     write through any member counts as a write to every member
   * @return the assignments and element writes that must save the value they overwrite;
   *     never a reference assignment ({@link ArrayAliases#assignsReference}), whose record the
   *     planner decides
   */
  public static Set<Stmt> analyze(Stmt.Block body, Map<Stmt, Set<Variable>> reads,
      ArrayAliases aliases) {
    return analyze(body, reads, Set.of(), aliases);
  }

  /**
   * As {@link #analyze(Stmt.Block, Map, ArrayAliases)}, where the reverse code of each of
   * {@code resultReaders}, assignments or element writes of {@link OwnElementWrites}, also reads
   * (before any restore) the value it wrote: that value is read since its definition, so
   * whatever overwrites it next saves it (for an element write: whatever writes the array after
   * its loop).
   */
  public static Set<Stmt> analyze(Stmt.Block body, Map<Stmt, Set<Variable>> reads,
      Set<Stmt> resultReaders, ArrayAliases aliases) {
    ToBeRecorded tbr = new ToBeRecorded(reads, aliases, ArrayLengths.of(body));
    tbr.resultReaders.addAll(resultReaders);
    OwnElementWrites.of(body, aliases).forEach((w, loop) -> {
      if (resultReaders.contains(w)) {
        tbr.elementReaders.computeIfAbsent(loop, k -> new HashSet<>())
            .add(aliases.canonical(target(w)));
      }
    });
    IrWalk.statements(body, s -> {
      if (s instanceof Stmt.Loop l && l.counter() != null) {
        tbr.counters.add(l.counter().variable());
      }
    });
    tbr.walk(body, new HashSet<>());
    return tbr.saves;
  }

  /** The variable a definition overwrites: an assigned variable, or a written array. */
  public static Variable target(Stmt s) {
    if (s instanceof Stmt.Assign a) {
      return a.target();
    }
    if (s instanceof Stmt.ArrayWrite w) {
      return IrWalk.root(w.array());
    }
    return null;
  }

  private Set<Variable> readsOf(Stmt s) {
    Set<Variable> here = reads.getOrDefault(s, Set.of());
    if (aliases.isEmpty()) {
      return here;
    }
    Set<Variable> canonical = new HashSet<>();
    for (Variable v : here) {
      canonical.add(v.type().isArray() ? aliases.canonical(v) : v);
    }
    return canonical;
  }

  /**
   * What a statement's reverse code reads before it restores anything. An assignment reads its
   * own target only after restoring it, so that read is served by its own record; an element
   * write restores one element and may read others, so it keeps the whole array.
   */
  private Set<Variable> readsOnEntry(Stmt s) {
    Set<Variable> here = readsOf(s);
    if (s instanceof Stmt.Assign a && here.contains(a.target())) {
      Set<Variable> others = new HashSet<>(here);
      others.remove(a.target());
      return others;
    }
    return here;
  }

  /** Walks {@code stmt} from state {@code in} (variables read since their last definition). */
  private Set<Variable> walk(Stmt stmt, Set<Variable> in) {
    Set<Variable> out = stmt.accept(new Walk(in));
    note(out);
    return out;
  }

  /** The variables read since their last definition after a statement, from those before. */
  private final class Walk implements Stmt.Visitor<Set<Variable>> {
    private final Set<Variable> in;

    Walk(Set<Variable> in) {
      this.in = in;
    }

    private Set<Variable> definition(Stmt stmt, Variable target, boolean killsTarget) {
      if (target == null) {
        return in;
      }
      Set<Variable> out = new HashSet<>(in);
      out.addAll(readsOnEntry(stmt));
      if (!counters.contains(target) && !ArrayAliases.assignsReference(stmt)
          && (out.contains(target) || readsOf(stmt).contains(target))) {
        saves.add(stmt);
      }
      if (killsTarget) {
        out.remove(target);
      }
      if (resultReaders.contains(stmt) && !(stmt instanceof Stmt.ArrayWrite)) {
        out.add(target);
      }
      if (saves.contains(stmt) && InvertibleSteps.inverse(stmt) != null) {
        // Its reverse undoes it from the value it wrote (InvertibleSteps): a read of its result.
        out.add(target);
      }
      return out;
    }

    @Override
    public Set<Variable> visitAssign(Stmt.Assign a) {
      if (a.target().type().isArray()) {
        // A new array for a name nothing else refers to: its old contents are out of reach.
        Variable array = aliases.canonical(a.target());
        return definition(a, array, !aliases.isAliased(array));
      }
      return definition(a, a.target(), true);
    }

    @Override
    public Set<Variable> visitArrayWrite(Stmt.ArrayWrite w) {
      Variable root = IrWalk.root(w.array());
      return definition(w, root == null ? null : aliases.canonical(root), false);
    }

    @Override
    public Set<Variable> visitEval(Stmt.Eval node) {
      // the adjoint of a call that may write into arrays (WritingCalls) reads its arguments
      return union(in, readsOf(node));
    }

    @Override
    public Set<Variable> visitBlock(Stmt.Block b) {
      seen.push(new HashSet<>());
      Set<Variable> out = in;
      for (Stmt s : b.stmts()) {
        out = walk(s, out);
      }
      Set<Variable> inside = seen.pop();
      if (b.label() != null) {
        out = union(out, inside);
      }
      note(inside);
      return out;
    }

    @Override
    public Set<Variable> visitIf(Stmt.If i) {
      return union(walk(i.thenPart(), in), walk(i.elsePart(), in));
    }

    @Override
    public Set<Variable> visitLoop(Stmt.Loop l) {
      // A loop the reverse sweep re-runs (checkpointed) or partly recomputes reads, when it is
      // reversed, what it lists here: those values must be restored by then.
      Set<Variable> out = union(loop(l, in), readsOf(l));
      Variable overwritten = overwritesEveryElement(l, lengths);
      if (overwritten != null && !aliases.isAliased(overwritten)
          && !readsOf(l).contains(overwritten)) {
        // No value the array held before the loop can be read after it: as for a variable
        // assigned anew, what later code reads comes from the loop's own writes.
        out.remove(overwritten);
      }
      // An element write whose reverse code reads the element it wrote: no later iteration
      // overwrites that element (OwnElementWrites), but whatever writes the array after the loop
      // may, and saves.
      out = union(out, elementReaders.getOrDefault(l, Set.of()));
      return out;
    }

    @Override
    public Set<Variable> visitBreak(Stmt.Break node) {
      return in;
    }

    @Override
    public Set<Variable> visitContinue(Stmt.Continue node) {
      return in;
    }

    @Override
    public Set<Variable> visitReturn(Stmt.Return node) {
      return in;
    }

    @Override
    public Set<Variable> visitAccumulate(Stmt.Accumulate node) {
      throw AdjointOnly.in("to-be-recorded", node);
    }

    @Override
    public Set<Variable> visitComment(Stmt.Comment node) {
      throw AdjointOnly.in("to-be-recorded", node);
    }

    @Override
    public Set<Variable> visitPush(Stmt.Push node) {
      throw AdjointOnly.in("to-be-recorded", node);
    }

    @Override
    public Set<Variable> visitIncrement(Stmt.Increment node) {
      throw AdjointOnly.in("to-be-recorded", node);
    }

    @Override
    public Set<Variable> visitIndexLoop(Stmt.IndexLoop node) {
      throw AdjointOnly.in("to-be-recorded", node);
    }

    @Override
    public Set<Variable> visitThrow(Stmt.Throw node) {
      return in;
    }
  }

  /**
   * The array that {@code for (int i = 0; i < a.length; i++) { ... a[i] = ...; ... }} writes in
   * full: a counted loop from 0 by 1 up to the array's length (or a variable that holds it, by
   * {@link ArrayLengths}), whose body writes {@code a[i]} as a statement of its own, and which
   * no jump leaves or shortens. Null for other loops.
   */
  public static Variable overwritesEveryElement(Stmt.Loop l, ArrayLengths lengths) {
    Stmt.Counter c = l.counter();
    if (c == null || c.step() != 1 || !(c.start() instanceof Expr.Literal start)
        || !start.text().equals("0") || !l.testFirst()
        || !(l.condition() instanceof Expr.Binary cond) || cond.op() != BinaryOp.LESS
        || !(cond.left() instanceof Expr.VarRef i) || i.variable() != c.variable()) {
      return null;
    }
    boolean[] jumps = {false};
    IrWalk.statements(l.body(), s -> jumps[0] |= s instanceof Stmt.Break
        || s instanceof Stmt.Continue || s instanceof Stmt.Return);
    if (jumps[0]) {
      return null;
    }
    Variable array = null;
    for (Stmt s : l.body().stmts()) {
      if (s instanceof Stmt.ArrayWrite w && w.array() instanceof Expr.VarRef a
          && a.variable().type().kind() == dev.adjoint.processor.ir.IrType.Kind.DOUBLE_ARRAY
          && w.index() instanceof Expr.VarRef k && k.variable() == c.variable()
          && lengths.isLengthOf(cond.right(), a.variable())) {
        array = a.variable();
        break;
      }
    }
    if (array == null) {
      return null;
    }
    Variable written = array;
    boolean[] reassigned = {false};
    IrWalk.statements(l, s -> reassigned[0] |= s instanceof Stmt.Assign a
        && a.target() == written);
    return reassigned[0] ? null : array;
  }

  private Set<Variable> loop(Stmt.Loop l, Set<Variable> in) {
    Set<Variable> head = new HashSet<>(in);
    while (true) {
      seen.push(new HashSet<>());
      Set<Variable> end = walk(l.body(), head);
      for (Stmt u : l.update()) {
        end = walk(u, end);
      }
      Set<Variable> inside = seen.pop();
      Set<Variable> next = union(union(in, end), inside);
      if (next.equals(head)) {
        note(inside);
        return union(head, inside);
      }
      head = next;
    }
  }

  private void note(Set<Variable> state) {
    for (Set<Variable> s : seen) {
      s.addAll(state);
    }
  }

  private static Set<Variable> union(Set<Variable> a, Set<Variable> b) {
    Set<Variable> u = new HashSet<>(a);
    u.addAll(b);
    return u;
  }
}
