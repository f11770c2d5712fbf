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
 * Which variables of an adjoint body carry a tangent when forward mode runs over it: those whose
 * value depends on a differentiated parameter, found by iterating to a fixed point over every
 * statement (flow-insensitive, so a variable is active everywhere or nowhere). A value popped
 * off the tape is always active (its tangent is always pushed beside it, zero or not), and two
 * array variables that may alias share activity, since they share a tangent array.
 */
final class AdjointActivity {
  private final Set<Variable> active = Collections.newSetFromMap(new IdentityHashMap<>());
  private boolean changed;

  private AdjointActivity() {}

  /** The active variables of {@code stmts}, starting from {@code seeds}. */
  static Set<Variable> of(List<Stmt> stmts, Collection<Variable> seeds) {
    AdjointActivity a = new AdjointActivity();
    a.active.addAll(seeds);
    do {
      a.changed = false;
      for (Stmt s : stmts) {
        IrWalk.statements(s, a::visit);
      }
    } while (a.changed);
    return a.active;
  }

  private void visit(Stmt s) {
    if (s instanceof Stmt.Assign a) {
      if (depends(a.value())) {
        mark(a.target());
      }
      if (callArguments(a.value()) != null) {
        writes(callArguments(a.value())); // r = f(x, out): a helper writing into its arrays
      }
      if (a.target().type().isArray()) {
        alias(List.of(a.target()), a.value());
      }
    } else if (s instanceof Stmt.ArrayWrite w) {
      Variable root = IrWalk.root(w.array());
      if (depends(w.value())) {
        mark(root);
      }
      if (w.value().type().isArray() && root != null) {
        alias(List.of(root), w.value());
      }
    } else if (s instanceof Stmt.Accumulate a) {
      if (depends(a.value())) {
        mark(IrWalk.root(a.target()));
      }
    } else if (s instanceof Stmt.Eval e && callArguments(e.expr()) != null) {
      writes(callArguments(e.expr()));
    }
  }

  /**
   * A call may write into the arrays it is given (a pullback or an adjoint entry point adds into
   * adjoints, a helper writes into its arrays): they depend on every argument.
   */
  private void writes(List<Expr> args) {
    if (args.stream().anyMatch(this::depends)) {
      for (Expr arg : args) {
        if (arg.type().isArray()) {
          mark(IrWalk.root(arg));
        }
      }
    }
  }

  private static List<Expr> callArguments(Expr e) {
    return e instanceof Expr.Call c ? c.args()
        : e instanceof Expr.AdjointCall c ? c.args() : null;
  }

  /** Makes {@code targets} and every array variable {@code value} may be active together. */
  private void alias(List<Variable> targets, Expr value) {
    List<Variable> group = new ArrayList<>(targets);
    aliased(value, group);
    if (group.stream().anyMatch(active::contains)) {
      group.forEach(this::mark);
    }
  }

  /** The array variables {@code value} may be (not copies of them: fresh arrays are none). */
  private static void aliased(Expr value, List<Variable> out) {
    if (value instanceof Expr.Conditional c) {
      aliased(c.whenTrue(), out);
      aliased(c.whenFalse(), out);
    } else if (IrWalk.root(value) != null) {
      out.add(IrWalk.root(value));
    }
  }

  private void mark(Variable v) {
    if (v != null && v.type().carriesDerivative() && active.add(v)) {
      changed = true;
    }
  }

  /** Whether {@code e} reads an active variable or pops a value off the tape. */
  boolean depends(Expr e) {
    boolean[] found = {false};
    IrWalk.expressions(e, n -> found[0] |= n instanceof Expr.VarRef r
        && active.contains(r.variable())
        || n instanceof Expr.Intrinsic i && i.op() == Expr.Intrinsic.Op.POP
        && i.type().carriesDerivative());
    return found[0];
  }
}
