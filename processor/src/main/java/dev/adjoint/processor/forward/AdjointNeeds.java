package dev.adjoint.processor.forward;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Which variables of an adjoint body need a tangent for forward over reverse to compute the
 * tangents of its outputs (the adjoints it hands back): the outputs, and whatever the statements
 * that define a needed variable read, to a fixed point (flow-insensitive). A value pushed on the
 * tape needs one, since its tangent is pushed beside it. The complement of {@link AdjointActivity}:
 * a variable gets a tangent when it is both active and needed, so that the tangent of the value
 * (which nothing reads) and the callees' tangents it would take are not computed.
 */
final class AdjointNeeds {
  private final Set<Variable> needed = Collections.newSetFromMap(new IdentityHashMap<>());
  private boolean changed;

  private AdjointNeeds() {}

  /** The variables of {@code stmts} whose tangents {@code outputs}' need. */
  static Set<Variable> of(List<Stmt> stmts, Collection<Variable> outputs) {
    AdjointNeeds n = new AdjointNeeds();
    n.needed.addAll(outputs);
    do {
      n.changed = false;
      for (Stmt s : stmts) {
        IrWalk.statements(s, n::visit);
      }
    } while (n.changed);
    return n.needed;
  }

  private void visit(Stmt s) {
    if (s instanceof Stmt.Assign a) {
      if (needed.contains(a.target())) {
        reads(a.value());
      }
      if (a.value() instanceof Expr.Call c) {
        writes(c.args()); // r = f(x, out): a helper writing into its arrays
      }
      if (a.target().type().isArray()) {
        alias(a.target(), a.value());
      }
    } else if (s instanceof Stmt.ArrayWrite w) {
      Variable root = IrWalk.root(w.array());
      if (root != null && needed.contains(root)) {
        reads(w.value());
      }
      if (root != null && w.value().type().isArray()) {
        alias(root, w.value());
      }
    } else if (s instanceof Stmt.Accumulate a) {
      Variable root = IrWalk.root(a.target());
      if (root == null || needed.contains(root)) {
        reads(a.value());
      }
    } else if (s instanceof Stmt.Push p) {
      reads(p.value());
    } else if (s instanceof Stmt.Eval e) {
      writes(e.expr() instanceof Expr.Call c ? c.args()
          : e.expr() instanceof Expr.AdjointCall c ? c.args() : List.of());
    }
  }

  /** A call writing into a needed array reads all its arguments. */
  private void writes(List<Expr> args) {
    if (args.stream().anyMatch(a -> IrWalk.root(a) != null && a.type().isArray()
        && needed.contains(IrWalk.root(a)))) {
      args.forEach(this::reads);
    }
  }

  private void alias(Variable target, Expr value) {
    List<Variable> group = new ArrayList<>();
    group.add(target);
    aliased(value, group);
    if (group.stream().anyMatch(needed::contains)) {
      group.forEach(this::mark);
    }
  }

  private static void aliased(Expr value, List<Variable> out) {
    if (value instanceof Expr.Conditional c) {
      aliased(c.whenTrue(), out);
      aliased(c.whenFalse(), out);
    } else if (IrWalk.root(value) != null) {
      out.add(IrWalk.root(value));
    }
  }

  private void reads(Expr e) {
    IrWalk.expressions(e, n -> {
      if (n instanceof Expr.VarRef r) {
        mark(r.variable());
      }
    });
  }

  private void mark(Variable v) {
    if (v.type().carriesDerivative() && needed.add(v)) {
      changed = true;
    }
  }
}
