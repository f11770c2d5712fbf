package dev.adjoint.processor.transform;

import dev.adjoint.processor.analysis.Activity;
import dev.adjoint.processor.analysis.ArrayAliases;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which reference assignments ({@code y = x}, {@code y = new double[n]} in a loop,
 * {@code m[i] = row}) save the reference they overwrite, and the shadow's, for the reverse sweep
 * to point back: Enzyme's model, in which the reverse sweep sees at each point the arrays the
 * forward sweep saw there. A first assignment that runs at most once (a declaration outside
 * loops) overwrites nothing. Any other saves when the reverse sweep can touch the array: it is
 * active (its shadow receives adjoints), or reverse code reads or restores elements of some
 * array of its may-alias class. (A primal copy, where nothing is differentiated, records none.) So code whose arrays are allocated once records nothing new.
 */
final class ReferenceRecords {
  private ReferenceRecords() {}

  /**
   * @param reads the original's variables each statement's reverse code reads
   * @param elementSaves the statements that save an element they overwrite (restored by the
   *     reverse sweep through the array's name)
   * @param inLoop whether a statement may run more than once per call
   */
  static Set<Stmt> overwritten(Stmt.Block body, Map<Stmt, Set<Variable>> reads,
      Collection<Stmt> elementSaves, ArrayAliases aliases, Activity activity,
      Predicate<Stmt> inLoop) {
    Set<Variable> touched = new HashSet<>();
    for (Collection<Variable> r : reads.values()) {
      for (Variable v : r) {
        if (v.type().isArray()) {
          touched.add(aliases.canonical(v));
        }
      }
    }
    for (Stmt s : elementSaves) {
      if (s instanceof Stmt.ArrayWrite w && IrWalk.root(w.array()) != null) {
        // a restored element goes back into whichever array the name holds then
        touched.add(aliases.canonical(IrWalk.root(w.array())));
      }
    }
    Set<Stmt> saves = Collections.newSetFromMap(new IdentityHashMap<>());
    IrWalk.statements(body, s -> {
      if (!ArrayAliases.assignsReference(s)
          || s instanceof Stmt.Assign a && a.declaration() && !inLoop.test(s)
          || s instanceof Stmt.Assign r && r.target().origin() == Variable.Origin.RESULT) {
        return;
      }
      Variable target = s instanceof Stmt.Assign a ? a.target()
          : IrWalk.root(((Stmt.ArrayWrite) s).array());
      if (activity.isActive(target) || touched.contains(aliases.canonical(target))) {
        saves.add(s);
      }
    });
    return saves;
  }
}
