package dev.adjoint.processor.cleanup;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A clean-up of adjoint IR: {@code g = a; g += b}, for a scalar {@code double} adjoint or
 * scratch value {@code g}, is {@code g = a + b}: {@code g += b} is {@code g = g + b}, so the
 * value is the same, bit for bit, where {@code b} gives what it gave (nothing between the two
 * writes what it reads, or it reads no element that could change). With {@link
 * ClearThenAccumulate} before it, {@code t * t}'s two contributions {@code tAdj += a * t} into a
 * cleared adjoint become the one statement {@code tAdj = a * t + a * t}.
 */
final class AssignThenAccumulate {
  private AssignThenAccumulate() {}

  /** {@code code}, a straight-line sequence, with each such pair merged. */
  static List<Stmt> apply(List<Stmt> code, Predicate<Expr.Call> pureCall) {
    for (int i = 0; i < code.size(); i++) {
      if (!(code.get(i) instanceof Stmt.Assign set) || !isScalarDouble(set.target())
          || !isDouble(set.value())) {
        continue;
      }
      Variable g = set.target();
      for (int j = i + 1; j < code.size(); j++) {
        Stmt next = code.get(j);
        if (!Uses.mentions(next, g)) {
          continue;
        }
        if (next instanceof Stmt.Accumulate acc && !acc.wholeArray()
            && acc.target() instanceof Expr.VarRef r && r.variable() == g
            && isDouble(acc.value()) && Uses.count(acc.value(), g) == 0
            && Uses.isPure(acc.value(), pureCall)
            && unchangedBetween(acc.value(), code.subList(i + 1, j), pureCall)) {
          Expr sum = new Expr.Binary(BinaryOp.PLUS, set.value(), acc.value(), IrType.DOUBLE,
              null);
          List<Stmt> out = new ArrayList<>(code);
          out.set(i, new Stmt.Assign(g, sum, set.declaration(), set.tree()));
          out.remove(j);
          return apply(out, pureCall);
        }
        break;
      }
    }
    return code;
  }

  private static boolean isScalarDouble(Variable v) {
    return (v.origin() == Variable.Origin.ADJOINT || v.origin() == Variable.Origin.SCRATCH)
        && v.type().kind() == IrType.Kind.DOUBLE;
  }

  private static boolean isDouble(Expr e) {
    return e.type() != null && e.type().kind() == IrType.Kind.DOUBLE;
  }

  /** Whether {@code between} leaves every input of {@code e} as it was. */
  static boolean unchangedBetween(Expr e, List<Stmt> between,
      Predicate<Expr.Call> pureCall) {
    Set<Variable> reads = new HashSet<>();
    boolean[] readsElements = {false};
    IrWalk.expressions(e, x -> {
      if (x instanceof Expr.VarRef r) {
        reads.add(r.variable());
      }
      readsElements[0] |= x instanceof Expr.ArrayRead || x instanceof Expr.FieldRef;
    });
    for (Stmt s : between) {
      for (Variable v : reads) {
        if (Uses.writes(s, v)) {
          return false;
        }
      }
      boolean[] memory = {false};
      IrWalk.statements(s, inner -> {
        memory[0] |= inner instanceof Stmt.ArrayWrite || inner instanceof Stmt.Eval
            || inner instanceof Stmt.Accumulate a && !(a.target() instanceof Expr.VarRef);
        IrWalk.ownExpressions(inner, x -> memory[0] |= !Uses.isPure(x, pureCall));
      });
      if (readsElements[0] && memory[0]) {
        return false;
      }
    }
    return true;
  }
}
