package dev.adjoint.processor.cleanup;

import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A clean-up of adjoint IR, as Tangent's optimisation passes: {@code g = 0.0; ...; g += e} with
 * no statement between them reading or writing {@code g}, and {@code e} not reading it, is
 * {@code g = e}. The value computed is the same; the code is a statement shorter.
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
      Variable cleared = clearedScalar(code.get(i));
      if (cleared == null) {
        continue;
      }
      for (int j = i + 1; j < code.size(); j++) {
        Stmt next = code.get(j);
        if (!mentions(next, cleared)) {
          continue;
        }
        if (next instanceof Stmt.Accumulate a && !a.wholeArray()
            && a.target() instanceof Expr.VarRef r && r.variable() == cleared
            && !reads(a.value(), cleared) && !out.containsKey(next)) {
          out.put(code.get(i), null);
          out.put(next, new Stmt.Assign(cleared, a.value(), false, a.tree()));
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

  /** The scalar adjoint {@code s} clears ({@code g = 0.0}), or null. */
  private static Variable clearedScalar(Stmt s) {
    return s instanceof Stmt.Assign a && !a.declaration()
        && a.target().origin() == Variable.Origin.ADJOINT
        && a.value() instanceof Expr.Literal l && l.text().equals("0.0") ? a.target() : null;
  }

  /** Whether {@code s}, or a statement inside it, reads or assigns {@code v}. */
  private static boolean mentions(Stmt s, Variable v) {
    boolean[] found = {false};
    IrWalk.statements(s, inner -> {
      found[0] |= inner instanceof Stmt.Assign a && a.target() == v;
      IrWalk.ownExpressions(inner, e -> found[0] |= reads(e, v));
    });
    return found[0];
  }

  private static boolean reads(Expr e, Variable v) {
    boolean[] found = {false};
    IrWalk.expressions(e, n -> found[0] |= n instanceof Expr.VarRef r && r.variable() == v);
    return found[0];
  }
}
