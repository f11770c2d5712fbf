package dev.adjoint.processor.analysis;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * May-alias classes of array variables. Java arrays are references: after {@code y = x},
 * {@code double[] r = m[i]}, {@code m[i] = row} or {@code y = c ? a : b}, a write through one
 * name may change what another reads. Variables connected by such reference assignments, in
 * either direction and anywhere in the method (flow-insensitively), form one class; an analysis
 * that tracks arrays per variable treats a write through any member as a write to every member.
 * A variable no reference assignment touches is a class of its own, so code without aliasing
 * keeps per-variable precision.
 */
public final class ArrayAliases {
  private final Map<Variable, Variable> parent = new HashMap<>();
  private final Map<Variable, Integer> size = new HashMap<>();

  private ArrayAliases() {}

  /** The classes of the arrays of {@code body}. */
  public static ArrayAliases of(Stmt body) {
    ArrayAliases aliases = new ArrayAliases();
    IrWalk.statements(body, s -> {
      Variable target = null;
      Expr value = null;
      if (s instanceof Stmt.Assign a && a.target().type().isArray()) {
        target = a.target();
        value = a.value();
      } else if (s instanceof Stmt.ArrayWrite w && w.value().type().isArray()) {
        target = IrWalk.root(w.array());
        value = w.value();
      }
      if (target != null) {
        for (Variable source : sources(value)) {
          aliases.union(target, source);
        }
      }
    });
    return aliases;
  }

  /**
   * Whether {@code s} makes an array variable, or a row of a matrix, refer to an array: an
   * assignment to an array variable or a write of a row. Its old reference is what the reverse
   * sweep may have to point back to.
   */
  public static boolean assignsReference(Stmt s) {
    return s instanceof Stmt.Assign a && a.target().type().isArray()
        || s instanceof Stmt.ArrayWrite w && w.value().type().isArray();
  }

  /** The array variables whose arrays (or rows of them) {@code value} may evaluate to. */
  public static List<Variable> sources(Expr value) {
    List<Variable> out = new ArrayList<>();
    collect(value, out);
    return out;
  }

  private static void collect(Expr value, List<Variable> out) {
    if (value instanceof Expr.Conditional c) {
      collect(c.whenTrue(), out);
      collect(c.whenFalse(), out);
    } else if (value instanceof Expr.VarRef || value instanceof Expr.ArrayRead) {
      Variable root = IrWalk.root(value);
      if (root != null) {
        out.add(root);
      }
    }
  }

  /** The representative of {@code v}'s class (itself when nothing aliases it). */
  public Variable canonical(Variable v) {
    Variable p = parent.get(v);
    if (p == null || p == v) {
      return v;
    }
    Variable root = canonical(p);
    parent.put(v, root);
    return root;
  }

  /** Whether some other variable may refer to {@code v}'s array or a row of it. */
  public boolean isAliased(Variable v) {
    return size.getOrDefault(canonical(v), 1) > 1;
  }

  /** Whether nothing in the method assigns array references. */
  public boolean isEmpty() {
    return parent.isEmpty();
  }

  private void union(Variable a, Variable b) {
    Variable ra = canonical(a);
    Variable rb = canonical(b);
    if (ra == rb) {
      return;
    }
    int sa = size.getOrDefault(ra, 1);
    int sb = size.getOrDefault(rb, 1);
    // the first variable seen stays the representative: deterministic generated names
    parent.put(ra, ra);
    parent.put(rb, ra);
    size.put(ra, sa + sb);
  }
}
