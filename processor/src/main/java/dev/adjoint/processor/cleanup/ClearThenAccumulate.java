package dev.adjoint.processor.cleanup;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A clean-up of adjoint IR, as Tangent's optimisation passes: {@code g = 0.0; ...; g += e} with
 * no statement between them reading or writing {@code g}, and {@code e} not reading it, is
 * {@code g = e} (a declaration {@code double g = 0.0} becomes {@code double g = e}). The value
 * computed is the same; the code is a statement shorter.
 */
public final class ClearThenAccumulate {
  private ClearThenAccumulate() {}

  /**
   * The rewrites of one straight-line sequence of statements: for each statement dropped, null;
   * for each one replaced, its replacement. Statements not in the map stay as they are.
   */
  public static Map<Stmt, Stmt> rewrites(List<Stmt> code) {
    Map<Stmt, Stmt> out = new IdentityHashMap<>();
    for (int i = 0; i < code.size(); i++) {
      Stmt.Assign clear = clearingScalar(code.get(i));
      if (clear == null || out.containsKey(clear)) {
        continue;
      }
      Variable cleared = clear.target();
      for (int j = i + 1; j < code.size(); j++) {
        Stmt next = code.get(j);
        if (!Uses.mentions(next, cleared)) {
          continue;
        }
        if (next instanceof Stmt.Accumulate a && !a.wholeArray()
            && a.target() instanceof Expr.VarRef r && r.variable() == cleared
            && Uses.count(a.value(), cleared) == 0 && !out.containsKey(next)) {
          out.put(clear, null);
          out.put(next, new Stmt.Assign(cleared, a.value(), clear.declaration(), a.tree()));
        }
        break;
      }
    }
    return out;
  }

  /** The statements of {@code code} with {@code rewrites} applied. */
  public static List<Stmt> apply(List<Stmt> code, Map<Stmt, Stmt> rewrites) {
    return code.stream().filter(s -> !rewrites.containsKey(s) || rewrites.get(s) != null)
        .map(s -> rewrites.getOrDefault(s, s)).toList();
  }

  /** {@code code} with every clear-then-accumulate pair merged. */
  static List<Stmt> apply(List<Stmt> code) {
    Map<Stmt, Stmt> rewrites = rewrites(code);
    return rewrites.isEmpty() ? code : apply(code, rewrites);
  }

  /** {@code s} if it sets a scalar adjoint or scratch value to zero ({@code g = 0.0}). */
  private static Stmt.Assign clearingScalar(Stmt s) {
    return s instanceof Stmt.Assign a
        && (a.target().origin() == Variable.Origin.ADJOINT
            || a.target().origin() == Variable.Origin.SCRATCH)
        && !a.target().type().isArray()
        && a.value() instanceof Expr.Literal l && l.text().equals("0.0") ? a : null;
  }
}
