package dev.adjoint.processor.cleanup;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@link ClearThenAccumulate} across the iterations of a loop: the reverse of a loop body
 * accumulates into a temporary's adjoint first ({@code sinAdj += xAdj * a}) and clears it last
 * ({@code sinAdj = 0.0}), so in every iteration the first contribution is added to zero when
 * the adjoint is zero where the loop starts (its last write before the loop is
 * {@code sinAdj = 0.0}). The contribution is then the adjoint's value: {@code sinAdj = xAdj * a},
 * which {@link PartialProducts} can carry to where it is read. The same value but for the sign
 * of a zero ({@code 0.0 + -0.0} is {@code 0.0}), as {@link ClearThenAccumulate}.
 */
final class ClearedAcrossIterations {
  private ClearedAcrossIterations() {}

  /**
   * {@code code} with the first accumulation of each such adjoint, in each loop, assigned;
   * {@code zeroAtStart} tells which adjoints are zero where {@code code} starts.
   */
  static List<Stmt> apply(List<Stmt> code, Predicate<Variable> zeroAtStart) {
    List<Stmt> out = new ArrayList<>(code);
    for (int k = 0; k < out.size(); k++) {
      Stmt s = out.get(k);
      Stmt.Block body = s instanceof Stmt.IndexLoop l ? l.body()
          : s instanceof Stmt.Loop l && l.update().isEmpty() ? l.body() : null;
      if (body == null || hasJump(body)) {
        continue;
      }
      List<Stmt> stmts = new ArrayList<>(body.stmts());
      boolean changed = false;
      for (int i = 0; i < stmts.size(); i++) {
        Variable u = firstAccumulated(stmts, i);
        if (u != null && !Uses.mentions(withoutBody(s), u) && endsZero(stmts, u)
            && zeroBefore(out, k, u, zeroAtStart)) {
          Stmt.Accumulate acc = (Stmt.Accumulate) stmts.get(i);
          stmts.set(i, new Stmt.Assign(u, acc.value(), false, acc.tree()));
          changed = true;
        }
      }
      if (changed) {
        out.set(k, withBody(s, new Stmt.Block(body.label(), List.copyOf(stmts), body.tree())));
      }
    }
    return List.copyOf(out);
  }

  /** The scalar adjoint {@code stmts[i]} accumulates into, if no statement before mentions it. */
  private static Variable firstAccumulated(List<Stmt> stmts, int i) {
    if (!(stmts.get(i) instanceof Stmt.Accumulate acc) || acc.wholeArray()
        || !(acc.target() instanceof Expr.VarRef r) || !isScalarAdjoint(r.variable())
        || Uses.count(acc.value(), r.variable()) != 0) {
      return null;
    }
    for (int j = 0; j < i; j++) {
      if (Uses.mentions(stmts.get(j), r.variable())) {
        return null;
      }
    }
    return r.variable();
  }

  /**
   * Whether {@code u} is zero where {@code code[k]} starts: the last statement before it that
   * mentions {@code u} clears it, or keeps it zero (a loop, see {@link #keepsZero}), and so on
   * back to the start of {@code code}, where {@code zeroAtStart} tells.
   */
  static boolean zeroBefore(List<Stmt> code, int k, Variable u,
      Predicate<Variable> zeroAtStart) {
    for (int j = k - 1; j >= 0; j--) {
      Stmt s = code.get(j);
      if (Uses.mentions(s, u) && !keepsZero(s, u)) {
        return isClear(s, u);
      }
    }
    return zeroAtStart.test(u);
  }

  /**
   * Whether {@code u} is zero where {@code code} ends if it is zero where it starts: its last
   * mention clears it, or keeps it zero, and so on back to the start.
   */
  static boolean endsZero(List<Stmt> code, Variable u) {
    return zeroBefore(code, code.size(), u, v -> true);
  }

  /** A loop, without jumps, that leaves {@code u} zero when it finds it zero (or runs not). */
  private static boolean keepsZero(Stmt s, Variable u) {
    Stmt.Block body = s instanceof Stmt.IndexLoop l ? l.body()
        : s instanceof Stmt.Loop l && l.update().isEmpty() ? l.body() : null;
    return body != null && !hasJump(body) && !Uses.mentions(withoutBody(s), u)
        && endsZero(body.stmts(), u);
  }

  /** Which variables are zero where {@code body}, the body of {@code code[k]}, starts. */
  static Predicate<Variable> zeroAtBodyStart(List<Stmt> code, int k, List<Stmt> body,
      Predicate<Variable> zeroAtStart) {
    return u -> zeroBefore(code, k, u, zeroAtStart) && !hasJump(code.get(k))
        && !Uses.mentions(withoutBody(code.get(k)), u) && endsZero(body, u);
  }

  private static boolean isClear(Stmt s, Variable u) {
    return s instanceof Stmt.Assign a && a.target() == u
        && a.value() instanceof Expr.Literal l && l.text().equals("0.0");
  }

  private static boolean isScalarAdjoint(Variable v) {
    return (v.origin() == Variable.Origin.ADJOINT || v.origin() == Variable.Origin.SCRATCH)
        && v.type().kind() == IrType.Kind.DOUBLE && !v.type().isArray();
  }

  static boolean hasJump(Stmt s) {
    boolean[] found = {false};
    IrWalk.statements(s, inner -> found[0] |= inner instanceof Stmt.Break
        || inner instanceof Stmt.Continue || inner instanceof Stmt.Return
        || inner instanceof Stmt.Throw);
    return found[0];
  }

  /** The loop without its body: what it evaluates itself (condition, bounds). */
  private static Stmt withoutBody(Stmt loop) {
    return withBody(loop, new Stmt.Block(null, List.of(), null));
  }

  private static Stmt withBody(Stmt loop, Stmt.Block body) {
    if (loop instanceof Stmt.IndexLoop l) {
      return new Stmt.IndexLoop(l.label(), l.index(), l.from(), l.bound(), l.down(), body,
          l.tree());
    }
    Stmt.Loop l = (Stmt.Loop) loop;
    return new Stmt.Loop(l.label(), l.condition(), body, l.update(), l.testFirst(), l.counter(),
        l.tree());
  }
}
