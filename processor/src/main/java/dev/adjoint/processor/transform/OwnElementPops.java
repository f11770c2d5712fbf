package dev.adjoint.processor.transform;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Recognises, for {@link FusedScratchRecords}, a reversed loop each of whose iterations reads
 * one element {@code a[x]} of an array and then pops into that same element only: {@code
 * for (iteration = n; iteration > 0; iteration--) { x = iteration - 1; ... a[x] ...;
 * a[x] = pop; ... }}, the reverse of {@code for (x...) a[x] = relu(z);} reading relu's result.
 * {@code x} takes another value in each iteration and nothing else in the body mentions
 * {@code a}, so no iteration reads an element that an earlier one restored: its reads see what
 * the forward part left in the array, exactly as reads before every pop would.
 */
final class OwnElementPops {
  private OwnElementPops() {}

  /** Whether {@code s} is such a loop for {@code a}. */
  static boolean readFirst(Stmt s, Variable a) {
    if (!(s instanceof Stmt.IndexLoop loop)) {
      return false;
    }
    List<Stmt> body = loop.body().stmts();
    if (body.isEmpty() || !(body.get(0) instanceof Stmt.Assign first)
        || !isIndexMinusConstant(first.value(), loop.index())) {
      return false;
    }
    Variable x = first.target();
    boolean[] refused = {false};
    int pops = 0;
    for (Stmt top : body) {
      if (FusedScratchRecords.isPop(top, a)) {
        pops++;
        refused[0] |= !(top instanceof Stmt.ArrayWrite w)
            || !(w.index() instanceof Expr.VarRef i) || i.variable() != x;
        continue;
      }
      boolean afterPop = pops > 0;
      IrWalk.statements(top, inner -> {
        refused[0] |= inner != first && inner instanceof Stmt.Assign as
            && (as.target() == x || as.target() == a);
        refused[0] |= inner instanceof Stmt.ArrayWrite w && IrWalk.root(w.array()) == a;
        Set<Expr> elementReads = Collections.newSetFromMap(new IdentityHashMap<>());
        IrWalk.ownExpressions(inner, e -> IrWalk.expressions(e, n -> {
          if (n instanceof Expr.ArrayRead r && r.array() instanceof Expr.VarRef v
              && v.variable() == a && r.index() instanceof Expr.VarRef i && i.variable() == x) {
            elementReads.add(r.array());
          }
          refused[0] |= n instanceof Expr.VarRef v && v.variable() == a
              && (afterPop || !elementReads.contains(n));
        }));
      });
    }
    return !refused[0] && pops == 1;
  }

  /** {@code index} or {@code index - c} for a literal {@code c}. */
  private static boolean isIndexMinusConstant(Expr e, Variable index) {
    if (e instanceof Expr.VarRef r) {
      return r.variable() == index;
    }
    return e instanceof Expr.Binary b && b.op() == BinaryOp.MINUS
        && b.left() instanceof Expr.VarRef r && r.variable() == index
        && b.right() instanceof Expr.Literal;
  }
}
