package dev.adjoint.processor.transform;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * The shadow (adjoint) of an array reference, as Enzyme keeps it: every active array has a
 * shadow array of its shape; allocating an array allocates its shadow (zeros); assigning a
 * reference assigns the shadow's ({@code y = x} goes with {@code yAdj = xAdj}, {@code y = m[i]}
 * with {@code yAdj = mAdj[i]}, {@code m[i] = row} with {@code mAdj[i] = rowAdj}). Writes
 * through an alias then reach the aliased array and its shadow alike, because both are the same
 * objects.
 */
final class Shadows {
  private Shadows() {}

  /** The shadow of the array {@code array} evaluates to: {@code x} → {@code xAdj}, ... */
  static Expr of(Expr array, SweepNames names) {
    if (array instanceof Expr.VarRef r) {
      return new Expr.VarRef(names.adjointOf(r.variable()));
    }
    if (array instanceof Expr.ArrayRead a) {
      return new Expr.ArrayRead(of(a.array(), names), a.index(), a.type(), null);
    }
    throw new IllegalStateException("no shadow for the array " + array);
  }

  /**
   * The forward sweep of the reference assignment {@code primal} (an assignment to an array
   * variable, or a row write) whose target is active: the assignment, then the shadow's. A
   * conditional {@code c ? a : b} becomes an {@code if}, so that {@code c} is evaluated once and
   * each branch assigns the array it picks and that array's shadow.
   */
  static List<Stmt> forward(Stmt primal, Expr value, SweepNames names) {
    if (value instanceof Expr.Conditional && primal instanceof Stmt.Assign a
        && a.declaration()) {
      // declared before the if, which assigns it in either branch
      List<Stmt> out = new ArrayList<>();
      out.add(new Stmt.Assign(a.target(), Expr.Literal.ofNull(), true, null));
      out.addAll(forward(new Stmt.Assign(a.target(), value, false, a.tree()), value, names));
      return out;
    }
    if (value instanceof Expr.Conditional c) {
      return List.of(new Stmt.If(c.condition(),
          ForwardSweep.block(forward(primal, c.whenTrue(), names)),
          ForwardSweep.block(forward(primal, c.whenFalse(), names)), primal.tree()));
    }
    if (primal instanceof Stmt.Assign a) {
      return List.of(new Stmt.Assign(a.target(), value, a.declaration(), a.tree()),
          assignment(a.target(), value, names));
    }
    Stmt.ArrayWrite w = (Stmt.ArrayWrite) primal;
    Stmt.ArrayWrite write = new Stmt.ArrayWrite(w.array(), w.index(), value, w.tree());
    return List.of(write, rowWrite(write, names));
  }

  /** The statement giving {@code target}'s shadow the shadow of the array it now holds. */
  private static Stmt assignment(Variable target, Expr value, SweepNames names) {
    Expr shadow = value instanceof Expr.NewArray || value instanceof Expr.Call
        ? new Expr.Intrinsic(Expr.Intrinsic.Op.ZEROS_LIKE, List.of(new Expr.VarRef(target)),
            target.type())
        : of(value, names);
    return new Stmt.Assign(names.adjointOf(target), shadow, false, null);
  }

  /** {@code mAdj[i] = rowAdj} for the row write {@code m[i] = row}. */
  private static Stmt rowWrite(Stmt.ArrayWrite w, SweepNames names) {
    Expr.ArrayRead target = (Expr.ArrayRead) of(new Expr.ArrayRead(w.array(), w.index(),
        w.value().type(), null), names);
    return new Stmt.ArrayWrite(target.array(), target.index(), of(w.value(), names), null);
  }
}
