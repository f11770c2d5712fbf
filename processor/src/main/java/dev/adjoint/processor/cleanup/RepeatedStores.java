package dev.adjoint.processor.cleanup;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Removes a store of a constant into a variable of the transformation's own (a record) that
 * already holds it, in a method's outermost sequence of statements: {@code int trips = 0;} hoisted before the forward sweep makes the
 * sweep's {@code trips = 0;} before the loop a no-op. A variable is known to hold a constant
 * from a store of it until any statement assigns it.
 */
public final class RepeatedStores {
  private RepeatedStores() {}

  /**
   * {@code code} without its repeated stores, where {@code before} runs just before it (the
   * declarations hoisted out of it); {@code code} itself if there are none.
   */
  public static List<Stmt> apply(List<Stmt> before, List<Stmt> code) {
    Map<Variable, String> known = new HashMap<>();
    before.forEach(s -> learn(s, known));
    List<Stmt> out = new ArrayList<>(code.size());
    for (Stmt s : code) {
      if (s instanceof Stmt.Assign a && !a.declaration() && !a.target().origin().isPrimal()
          && a.value() instanceof Expr.Literal l
          && l.type().kind() != IrType.Kind.NULL && l.text().equals(known.get(a.target()))) {
        continue;
      }
      learn(s, known);
      out.add(s);
    }
    return out.size() == code.size() ? code : List.copyOf(out);
  }

  private static void learn(Stmt s, Map<Variable, String> known) {
    known.keySet().removeIf(v -> Uses.writes(s, v));
    if (s instanceof Stmt.Assign a && a.value() instanceof Expr.Literal l
        && l.type().kind() != IrType.Kind.NULL) {
      known.put(a.target(), l.text());
    }
  }
}
