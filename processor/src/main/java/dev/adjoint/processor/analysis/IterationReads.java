package dev.adjoint.processor.analysis;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * For {@link ScratchArrays}: whether every read of an element of a tracked array, in one
 * iteration of a loop, follows a write of that element in the same iteration. A walk over the
 * loop body in order carrying two facts: the arrays written in full so far on every path (by a
 * counted loop over their whole length, {@link ToBeRecorded#overwritesEveryElement}), and, in
 * the body of such a loop after its write {@code a[i] = e}, that {@code a[i]} holds a value of
 * this iteration. What an inner loop's body establishes stays inside it (the loop may run no
 * iteration); what a loop over the whole length writes holds after it (if it runs none, the
 * array is empty).
 */
final class IterationReads {
  private final Set<Variable> tracked;
  private final ArrayLengths lengths;
  /** The writes {@code a[i] = e} that make a loop write {@code a} in full, with their counter. */
  private final Map<Stmt, Variable> fullWrites = new IdentityHashMap<>();

  IterationReads(Set<Variable> tracked, ArrayLengths lengths) {
    this.tracked = tracked;
    this.lengths = lengths;
  }

  /**
   * Whether {@code l}'s reads are all served by its own iteration, given the arrays {@code full}
   * before it and the elements {@code current} (array to counter) of the enclosing iteration;
   * adds to {@code full} what {@code l} writes in full.
   */
  boolean loopOk(Stmt.Loop l, Set<Variable> full, Map<Variable, Variable> current) {
    if (l.condition() != null && !readsOk(l.condition(), full, current)) {
      return false;
    }
    Variable whole = ToBeRecorded.overwritesEveryElement(l, lengths);
    if (whole != null && tracked.contains(whole) && !full.contains(whole)) {
      for (Stmt s : l.body().stmts()) {
        if (s instanceof Stmt.ArrayWrite w && w.array() instanceof Expr.VarRef a
            && a.variable() == whole && w.index() instanceof Expr.VarRef i
            && i.variable() == l.counter().variable()) {
          fullWrites.put(w, i.variable());
          break;
        }
      }
    } else {
      whole = null;
    }
    if (!ok(l.body(), new HashSet<>(full), new HashMap<>(current))) {
      return false;
    }
    for (Stmt u : l.update()) {
      if (!ok(u, new HashSet<>(full), new HashMap<>(current))) {
        return false;
      }
    }
    if (whole != null) {
      full.add(whole);
    }
    return true;
  }

  private boolean ok(Stmt s, Set<Variable> full, Map<Variable, Variable> current) {
    if (s instanceof Stmt.Assign a) {
      return !tracked.contains(a.target()) && readsOk(a.value(), full, current);
    }
    if (s instanceof Stmt.ArrayWrite w) {
      if (!indexesOk(w.array(), full, current) || !readsOk(w.index(), full, current)
          || !readsOk(w.value(), full, current)) {
        return false;
      }
      Variable counter = fullWrites.get(w);
      if (counter != null) {
        current.put(IrWalk.root(w.array()), counter);
      }
      return true;
    }
    if (s instanceof Stmt.Block b) {
      for (Stmt inner : b.stmts()) {
        if (!ok(inner, full, current)) {
          return false;
        }
      }
      return true;
    }
    if (s instanceof Stmt.If i) {
      Set<Variable> thenFull = new HashSet<>(full);
      Set<Variable> elseFull = new HashSet<>(full);
      if (!readsOk(i.condition(), full, current)
          || !ok(i.thenPart(), thenFull, new HashMap<>(current))
          || !ok(i.elsePart(), elseFull, new HashMap<>(current))) {
        return false;
      }
      thenFull.retainAll(elseFull);
      full.addAll(thenFull);
      return true;
    }
    if (s instanceof Stmt.Loop l) {
      return loopOk(l, full, current);
    }
    if (s instanceof Stmt.Eval e) {
      return readsOk(e.expr(), full, current);
    }
    return false; // a jump or a throw: ScratchArrays refuses those before getting here
  }

  /** Whether {@code e} reads only elements of tracked arrays this iteration wrote. */
  private boolean readsOk(Expr e, Set<Variable> full, Map<Variable, Variable> current) {
    if (e instanceof Expr.ArrayLength length) {
      // a length, or a row's length: no element value
      return length.array() instanceof Expr.VarRef || indexesOk(length.array(), full, current);
    }
    if (e instanceof Expr.ArrayRead read) {
      Variable root = IrWalk.root(read);
      if (root != null && tracked.contains(root)) {
        return indexesOk(read, full, current) && (full.contains(root)
            || read.array() instanceof Expr.VarRef && read.index() instanceof Expr.VarRef i
                && i.variable() == current.get(root));
      }
    }
    if (e instanceof Expr.VarRef r) {
      // the whole array as a value (a call's argument): every element must be this iteration's
      return !tracked.contains(r.variable()) || full.contains(r.variable());
    }
    for (Expr operand : IrWalk.operands(e)) {
      if (!readsOk(operand, full, current)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the indices of an element or row expression {@code a[i][j]} read only so. */
  private boolean indexesOk(Expr array, Set<Variable> full, Map<Variable, Variable> current) {
    if (array instanceof Expr.VarRef) {
      return true;
    }
    return array instanceof Expr.ArrayRead read && readsOk(read.index(), full, current)
        && indexesOk(read.array(), full, current);
  }
}
