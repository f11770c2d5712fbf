package dev.adjoint.processor.cleanup;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which variables of adjoint IR may hold an adjoint (a derivative of the result) rather than a
 * primal value: the adjoints themselves, the variables read after the code (the parameters'
 * adjoints and the result's), and every scratch value or record that is assigned from one of
 * them, or that an adjoint call may write (its buffers). The primal's own variables never do.
 * {@link PartialProducts} tells the adjoint factor of a product from its partial derivatives by
 * it.
 */
final class AdjointFlow {
  private final Set<Variable> carrying;

  private AdjointFlow(Set<Variable> carrying) {
    this.carrying = carrying;
  }

  /** The flow of {@code code}, whose variables {@code liveOut} are adjoints read after it. */
  static AdjointFlow of(List<Stmt> code, Set<Variable> liveOut) {
    AdjointFlow flow = new AdjointFlow(new HashSet<>(liveOut));
    boolean changed = true;
    while (changed) {
      int before = flow.carrying.size();
      code.forEach(s -> IrWalk.statements(s, flow::visit));
      changed = flow.carrying.size() != before;
    }
    return flow;
  }

  /** Whether {@code e} may evaluate to (or with) an adjoint. */
  boolean carries(Expr e) {
    boolean[] found = {false};
    IrWalk.expressions(e, x -> found[0] |= x instanceof Expr.VarRef r && carries(r.variable())
        || x instanceof Expr.AdjointCall || x instanceof Expr.TangentCall);
    return found[0];
  }

  boolean carries(Variable v) {
    return v.origin() == Variable.Origin.ADJOINT || carrying.contains(v);
  }

  private void visit(Stmt s) {
    if (s instanceof Stmt.Assign a && carries(a.value())) {
      mark(a.target());
    } else if (s instanceof Stmt.Accumulate acc && carries(acc.value())) {
      mark(IrWalk.root(acc.target()));
    } else if (s instanceof Stmt.ArrayWrite w && carries(w.value())) {
      mark(IrWalk.root(w.array()));
    }
    IrWalk.ownExpressions(s, e -> IrWalk.expressions(e, x -> {
      List<Expr> args = x instanceof Expr.AdjointCall c ? c.args()
          : x instanceof Expr.Call c ? c.args() : x instanceof Expr.TangentCall c ? c.args()
          : List.of();
      for (Expr arg : args) {
        if (arg.type() != null && arg.type().isArray()) {
          mark(IrWalk.root(arg));
        }
      }
    }));
  }

  /** Counts {@code v} as an adjoint, unless it is one of the primal's own variables. */
  private void mark(Variable v) {
    if (v != null && !v.origin().isPrimal()) {
      carrying.add(v);
    }
  }
}
