package dev.adjoint.processor.analysis;

import dev.adjoint.processor.ir.AdjointOnly;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Element writes into a freshly allocated array that need not save what they overwrite, though
 * {@link ToBeRecorded} (which tracks arrays per may-alias class) would save it: after
 * {@code next = new double[n]}, the reverse sweep reads the elements of that new array only in
 * the reverse code of statements that run after the allocation, so a write whose overwritten
 * value no such statement reads (nor the write's own reverse code) needs no record: the reverse
 * sweep never looks at the array's elements again once it has undone the write. This is what
 * keeps {@code double[] next = new double[n]; for (i...) next[i] = ...;} in a time-stepping loop
 * from recording every element.
 *
 * <p>A forward must-analysis over the structured IR: for each array variable that was assigned a
 * new array, the variables that may refer to that array since (its holders, followed through
 * reference assignments, rows included); the entry is dropped at the first statement whose
 * reverse code may read a holder. Loops iterate to a fixpoint; jumps are handled conservatively
 * by letting every state inside a loop or labelled block reach what follows it.
 */
public final class FreshArrays {
  private final Map<Stmt, Set<Variable>> reads;
  private final Map<Stmt, Boolean> firstWrites = new IdentityHashMap<>();
  private final Set<Stmt> resultReaders = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Deque<Map<Variable, Set<Variable>>[]> seen = new ArrayDeque<>();
  private int blocked;

  private FreshArrays(Map<Stmt, Set<Variable>> reads) {
    this.reads = reads;
  }

  /**
   * @param reads for each statement, the variables its reverse code reads (as for
   *     {@link ToBeRecorded#analyze}; a loop's entry is what its reversal reads)
   * @return the element writes whose overwritten value the reverse sweep never reads
   */
  public static Set<Stmt> unread(Stmt.Block body, Map<Stmt, Set<Variable>> reads) {
    return unread(body, reads, Set.of());
  }

  /**
   * As {@link #unread(Stmt.Block, Map)}, where the reverse code of each of {@code resultReaders}
   * (element writes of {@link OwnElementWrites}) also reads the element it wrote: the writes
   * after it into that array keep their records.
   */
  public static Set<Stmt> unread(Stmt.Block body, Map<Stmt, Set<Variable>> reads,
      Set<Stmt> resultReaders) {
    FreshArrays analysis = new FreshArrays(reads);
    analysis.resultReaders.addAll(resultReaders);
    analysis.walk(body, new HashMap<>());
    Set<Stmt> out = Collections.newSetFromMap(new IdentityHashMap<>());
    analysis.firstWrites.forEach((w, unread) -> {
      if (unread) {
        out.add(w);
      }
    });
    return out;
  }

  private Map<Variable, Set<Variable>> walk(Stmt s, Map<Variable, Set<Variable>> in) {
    Map<Variable, Set<Variable>> out = s.accept(new Walk(in));
    for (Map<Variable, Set<Variable>>[] frame : seen) {
      frame[0] = frame[0] == null ? out : join(frame[0], out);
    }
    return out;
  }

  /** The entries on both sides, with the holders of either. */
  private static Map<Variable, Set<Variable>> join(Map<Variable, Set<Variable>> a,
      Map<Variable, Set<Variable>> b) {
    Map<Variable, Set<Variable>> out = new HashMap<>();
    a.forEach((fresh, holders) -> {
      Set<Variable> other = b.get(fresh);
      if (other != null) {
        Set<Variable> u = new HashSet<>(holders);
        u.addAll(other);
        out.put(fresh, u);
      }
    });
    return out;
  }

  private static Map<Variable, Set<Variable>> copy(Map<Variable, Set<Variable>> in) {
    Map<Variable, Set<Variable>> out = new HashMap<>();
    in.forEach((fresh, holders) -> out.put(fresh, new HashSet<>(holders)));
    return out;
  }

  /** {@code state} without the arrays that a holder in {@code read} may read. */
  private static void kill(Map<Variable, Set<Variable>> state, Collection<Variable> read) {
    state.values().removeIf(holders -> !Collections.disjoint(holders, read));
  }

  private static Set<Variable> mentioned(Expr e) {
    Set<Variable> out = new HashSet<>();
    IrWalk.expressions(e, n -> {
      if (n instanceof Expr.VarRef r) {
        out.add(r.variable());
      }
    });
    return out;
  }

  /** {@code target} now refers to what {@code value} may: a holder when value mentions one. */
  private static void refer(Map<Variable, Set<Variable>> state, Variable target, Expr value) {
    Set<Variable> sources = mentioned(value);
    for (Set<Variable> holders : state.values()) {
      if (!Collections.disjoint(holders, sources)) {
        holders.add(target);
      }
    }
  }

  private final class Walk implements Stmt.Visitor<Map<Variable, Set<Variable>>> {
    private final Map<Variable, Set<Variable>> in;

    Walk(Map<Variable, Set<Variable>> in) {
      this.in = in;
    }

    @Override
    public Map<Variable, Set<Variable>> visitAssign(Stmt.Assign a) {
      Map<Variable, Set<Variable>> out = copy(in);
      kill(out, reads.getOrDefault(a, Set.of()));
      if (a.target().type().isArray()) {
        for (Set<Variable> holders : out.values()) {
          holders.remove(a.target());
        }
        out.remove(a.target());
        refer(out, a.target(), a.value());
        if (a.value() instanceof Expr.NewArray) {
          out.put(a.target(), new HashSet<>(Set.of(a.target())));
        }
      }
      return out;
    }

    @Override
    public Map<Variable, Set<Variable>> visitArrayWrite(Stmt.ArrayWrite w) {
      Set<Variable> read = reads.getOrDefault(w, Set.of());
      boolean unread = blocked == 0 && w.array() instanceof Expr.VarRef r
          && in.containsKey(r.variable()) && in.get(r.variable()).contains(r.variable())
          && Collections.disjoint(in.get(r.variable()), read);
      firstWrites.merge(w, unread, Boolean::logicalAnd);
      Map<Variable, Set<Variable>> out = copy(in);
      kill(out, read);
      Variable root = IrWalk.root(w.array());
      if (resultReaders.contains(w) && root != null) {
        kill(out, Set.of(root)); // its reverse reads what it wrote
      }
      if (w.value().type().isArray() && root != null) {
        refer(out, root, w.value()); // a row: the matrix holds what the row may be
      }
      return out;
    }

    @Override
    public Map<Variable, Set<Variable>> visitEval(Stmt.Eval e) {
      Map<Variable, Set<Variable>> out = copy(in);
      kill(out, reads.getOrDefault(e, Set.of()));
      kill(out, mentioned(e.expr())); // a call may read or write what it is given
      return out;
    }

    @Override
    public Map<Variable, Set<Variable>> visitBlock(Stmt.Block b) {
      @SuppressWarnings("unchecked")
      Map<Variable, Set<Variable>>[] inside = new Map[1];
      seen.push(inside);
      Map<Variable, Set<Variable>> out = in;
      for (Stmt s : b.stmts()) {
        out = walk(s, out);
      }
      seen.pop();
      return b.label() != null && inside[0] != null ? join(out, inside[0]) : out;
    }

    @Override
    public Map<Variable, Set<Variable>> visitIf(Stmt.If i) {
      return join(walk(i.thenPart(), in), walk(i.elsePart(), in));
    }

    @Override
    public Map<Variable, Set<Variable>> visitLoop(Stmt.Loop l) {
      // A loop the reverse sweep re-runs or partly recomputes reads what it lists when it is
      // reversed: nothing inside it is left out.
      boolean reread = !reads.getOrDefault(l, Set.of()).isEmpty();
      blocked += reread ? 1 : 0;
      Map<Variable, Set<Variable>> head = in;
      Map<Variable, Set<Variable>> out;
      while (true) {
        @SuppressWarnings("unchecked")
        Map<Variable, Set<Variable>>[] inside = new Map[1];
        seen.push(inside);
        Map<Variable, Set<Variable>> end = walk(l.body(), head);
        for (Stmt u : l.update()) {
          end = walk(u, end);
        }
        seen.pop();
        Map<Variable, Set<Variable>> next = join(in, end);
        next = inside[0] == null ? next : join(next, inside[0]);
        if (next.equals(head)) {
          out = next;
          break;
        }
        head = next;
      }
      blocked -= reread ? 1 : 0;
      out = copy(out);
      kill(out, reads.getOrDefault(l, Set.of()));
      return out;
    }

    @Override
    public Map<Variable, Set<Variable>> visitBreak(Stmt.Break node) {
      return in;
    }

    @Override
    public Map<Variable, Set<Variable>> visitContinue(Stmt.Continue node) {
      return in;
    }

    @Override
    public Map<Variable, Set<Variable>> visitReturn(Stmt.Return node) {
      return in;
    }

    @Override
    public Map<Variable, Set<Variable>> visitThrow(Stmt.Throw node) {
      return in;
    }

    @Override
    public Map<Variable, Set<Variable>> visitAccumulate(Stmt.Accumulate node) {
      throw AdjointOnly.in("fresh-arrays", node);
    }

    @Override
    public Map<Variable, Set<Variable>> visitComment(Stmt.Comment node) {
      throw AdjointOnly.in("fresh-arrays", node);
    }

    @Override
    public Map<Variable, Set<Variable>> visitPush(Stmt.Push node) {
      throw AdjointOnly.in("fresh-arrays", node);
    }

    @Override
    public Map<Variable, Set<Variable>> visitIncrement(Stmt.Increment node) {
      throw AdjointOnly.in("fresh-arrays", node);
    }

    @Override
    public Map<Variable, Set<Variable>> visitIndexLoop(Stmt.IndexLoop node) {
      throw AdjointOnly.in("fresh-arrays", node);
    }
  }
}
