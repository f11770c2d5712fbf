package dev.adjoint.processor.analysis;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Integer variables that always hold the length of a local array, within one method body: after
 * {@code int d = ...; double[] xc = new double[d];} a loop bounded by {@code d} covers
 * {@code xc} exactly as one bounded by {@code xc.length} does (GMM's scratch vectors). A pure
 * analysis whose facts are immutable.
 *
 * <p>The facts hold only where nothing can break them: the array is assigned once, by a
 * one-dimensional allocation that is a top-level statement of the body (it runs at most once,
 * and every use of the array follows it), sized by a variable that is assigned nowhere in the
 * body or only once, by a top-level statement (which, being read by the allocation, ran before
 * it). Neither can change afterwards, and an array's length never does. Likewise, after
 * {@code double[] logits = new double[b2.length];}, {@code b2.length} is the length of
 * {@code logits} when the body never assigns {@code b2} (a parameter).
 */
public final class ArrayLengths {
  private final Map<Variable, Variable> lengthOf;
  private final Map<Variable, Variable> sameLengthAs;

  private ArrayLengths(Map<Variable, Variable> lengthOf, Map<Variable, Variable> sameLengthAs) {
    this.lengthOf = lengthOf;
    this.sameLengthAs = sameLengthAs;
  }

  /** The length facts of {@code body}. */
  public static ArrayLengths of(Stmt.Block body) {
    Map<Variable, Integer> assignments = new HashMap<>();
    IrWalk.statements(body, s -> {
      if (s instanceof Stmt.Assign a) {
        assignments.merge(a.target(), 1, Integer::sum);
      }
    });
    Set<Stmt> topLevel = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    topLevel.addAll(body.stmts());
    Map<Variable, Variable> lengthOf = new HashMap<>();
    Map<Variable, Variable> sameLengthAs = new HashMap<>();
    for (Stmt s : body.stmts()) {
      if (!(s instanceof Stmt.Assign a) || assignments.get(a.target()) != 1
          || a.target().origin() != Variable.Origin.LOCAL
              && a.target().origin() != Variable.Origin.TEMPORARY
          || !(a.value() instanceof Expr.NewArray alloc) || alloc.dimensions().size() != 1) {
        continue;
      }
      if (alloc.dimensions().get(0) instanceof Expr.ArrayLength n
          && n.array() instanceof Expr.VarRef other && other.variable() != a.target()
          && !assignments.containsKey(other.variable())) {
        // new double[b.length] for an array variable b the body never assigns (MLP's logits)
        sameLengthAs.put(a.target(), other.variable());
        continue;
      }
      if (!(alloc.dimensions().get(0) instanceof Expr.VarRef size)
          || size.variable().type().kind() != IrType.Kind.INT) {
        continue;
      }
      Variable d = size.variable();
      int writes = assignments.getOrDefault(d, 0);
      boolean stable = writes == 0
          || writes == 1 && body.stmts().stream().anyMatch(
              t -> t instanceof Stmt.Assign b && b.target() == d && topLevel.contains(t));
      if (stable) {
        lengthOf.put(a.target(), d);
      }
    }
    return new ArrayLengths(Map.copyOf(lengthOf), Map.copyOf(sameLengthAs));
  }

  /** Whether {@code bound} always equals {@code array.length} where both are in scope. */
  public boolean isLengthOf(Expr bound, Variable array) {
    if (bound instanceof Expr.ArrayLength length && length.array() instanceof Expr.VarRef r) {
      return r.variable() == array || r.variable() == sameLengthAs.get(array);
    }
    return bound instanceof Expr.VarRef r && r.variable() == lengthOf.get(array);
  }
}
