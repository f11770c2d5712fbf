package dev.adjoint.processor.forward;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Rewrite;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.StmtRewrite;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The seed of {@code mHvp}'s reverse sweep folded into the code that reads it: the gradient's
 * entry point takes its seed as a parameter, {@code mHvp} seeds the result's adjoint with
 * exactly 1, so {@code valueAdj * t1} is {@code t1}. The seed's reads become the literal 1, and
 * products and quotients with that literal become their other operand: {@code 1.0 * e},
 * {@code e * 1.0} and {@code e / 1.0} are {@code e} bit for bit in IEEE 754 (signed zeros,
 * infinities and NaN included), so the values do not change. Applies only when nothing but the
 * seed's own assignment writes the result's adjoint.
 */
final class UnitSeed {
  private final Variable seeded;
  /** The literals that replaced the seed's reads: only these are folded. */
  private final Set<Expr> ones = Collections.newSetFromMap(new IdentityHashMap<>());

  private UnitSeed(Variable seeded) {
    this.seeded = seeded;
  }

  /**
   * {@code reverse}, whose first statement assigns 1 to {@code seeded}, with that assignment
   * dropped and its value folded into the reads; {@code reverse} itself when {@code before} or
   * the rest of {@code reverse} write {@code seeded}.
   */
  static List<Stmt> fold(List<Stmt> before, List<Stmt> reverse, Variable seeded) {
    if (reverse.isEmpty() || !(reverse.get(0) instanceof Stmt.Assign seed)
        || seed.target() != seeded || !isOne(seed.value())) {
      return reverse;
    }
    List<Stmt> rest = reverse.subList(1, reverse.size());
    if (writes(before, seeded) || writes(rest, seeded)) {
      return reverse;
    }
    UnitSeed folding = new UnitSeed(seeded);
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : rest) {
      out.add(folding.fold(s));
    }
    return out;
  }

  private Stmt fold(Stmt s) {
    return StmtRewrite.apply(s, this::fold, stmts -> stmts.stream().map(this::fold).toList());
  }

  /**
   * {@code e} with the seed's reads replaced by 1 and the products and quotients by that 1
   * folded, inner first.
   */
  private Expr fold(Expr e) {
    if (e instanceof Expr.VarRef r && r.variable() == seeded) {
      Expr one = Expr.Literal.ofDouble(1.0);
      ones.add(one);
      return one;
    }
    Expr folded = Rewrite.operands(e, this::fold);
    if (folded instanceof Expr.Binary b) {
      if (b.op() == BinaryOp.TIMES && ones.contains(b.left())) {
        return b.right();
      }
      if ((b.op() == BinaryOp.TIMES || b.op() == BinaryOp.DIVIDE) && ones.contains(b.right())) {
        return b.left();
      }
    }
    return folded;
  }

  private static boolean isOne(Expr e) {
    return e instanceof Expr.Literal l && l.equals(Expr.Literal.ofDouble(1.0));
  }

  /** Whether {@code code} assigns {@code v} or accumulates into it, at any depth. */
  private static boolean writes(List<Stmt> code, Variable v) {
    boolean[] found = {false};
    for (Stmt stmt : code) {
      IrWalk.statements(stmt, s -> found[0] |= s instanceof Stmt.Assign a && a.target() == v
          || s instanceof Stmt.Accumulate c && c.target() instanceof Expr.VarRef r
              && r.variable() == v);
    }
    return found[0];
  }
}
