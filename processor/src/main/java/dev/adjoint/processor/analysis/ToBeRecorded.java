package dev.adjoint.processor.analysis;

import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * To-be-recorded analysis. The reverse sweep runs on the primal variables, restoring each
 * overwritten value just after it has replayed the overwrite. An assignment must save the value
 * it overwrites only if reverse code of an earlier-executed statement (or of itself, after the
 * restore) reads that variable. Inside a loop every statement of the loop counts as earlier,
 * because an earlier iteration ran it. Everything else is recomputed from values that are still
 * there, so straight-line code records nothing, and neither do counters of counted loops, which
 * the reverse sweep sets afresh for each iteration.
 */
public final class ToBeRecorded {
  private final Map<Stmt, Set<Variable>> reads;
  private final Set<Stmt> saves = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<Variable> readSoFar = new HashSet<>();
  private final Set<Variable> counters = new HashSet<>();

  private ToBeRecorded(Map<Stmt, Set<Variable>> reads) {
    this.reads = reads;
  }

  /**
   * @param reads for each assignment and element write, the variables its reverse code reads
   *     (after the restore of its own target, for those that read it)
   * @return the assignments and element writes that must save the value they overwrite
   */
  public static Set<Stmt> analyze(Stmt.Block body, Map<Stmt, Set<Variable>> reads) {
    ToBeRecorded tbr = new ToBeRecorded(reads);
    IrWalk.statements(body, s -> {
      if (s instanceof Stmt.Loop l && l.counter() != null) {
        tbr.counters.add(l.counter().variable());
      }
    });
    tbr.walk(body);
    return tbr.saves;
  }

  private Set<Variable> readsOf(Stmt s) {
    return reads.getOrDefault(s, Set.of());
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

  private void walk(Stmt stmt) {
    Variable target = target(stmt);
    if (target != null) {
      Set<Variable> here = readsOf(stmt);
      // A loop counter is recomputed by the reverse sweep for every iteration it replays.
      if (!counters.contains(target) && (readSoFar.contains(target) || here.contains(target))) {
        saves.add(stmt);
      }
      readSoFar.addAll(readsOnEntry(stmt));
    } else if (stmt instanceof Stmt.Block b) {
      b.stmts().forEach(this::walk);
    } else if (stmt instanceof Stmt.If i) {
      walk(i.thenPart());
      walk(i.elsePart());
    } else if (stmt instanceof Stmt.Loop l) {
      IrWalk.statements(l, s -> readSoFar.addAll(readsOnEntry(s)));
      walk(l.body());
      l.update().forEach(this::walk);
    }
  }
}
