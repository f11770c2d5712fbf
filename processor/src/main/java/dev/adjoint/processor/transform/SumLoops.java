package dev.adjoint.processor.transform;

import dev.adjoint.processor.analysis.Activity;
import dev.adjoint.processor.analysis.ScratchArrays;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recognises a loop of independent iterations that only sums (Tapenade's "sum of independent
 * terms"): the one active value it carries from one iteration to the next is an accumulator
 * {@code s = s + e} (or {@code s - e}, {@code e + s}) whose adjoint the loop leaves unchanged.
 * Every other variable it assigns is either declared inside the loop, so each iteration starts
 * afresh, or an inactive scalar (a counter); the only array elements it writes are those of
 * scratch arrays ({@link ScratchArrays}: rewritten by each iteration before it reads them, read
 * by nothing after the loop), it calls nothing for effect, and nothing jumps out of or inside
 * it. Then the reverse of an iteration needs nothing from later iterations but the
 * accumulator's adjoint: see {@link LoopFusion}. (It reads the scratch values its own forward
 * left, restoring what it records; and it leaves the adjoint of every scratch element it read
 * zero again, as it replays the write that element's read followed in the same iteration.)
 */
final class SumLoops {
  private SumLoops() {}

  /** The accumulator of {@code l}, or null when {@code l} is not such a loop. */
  static Variable accumulator(MethodIr ir, Activity activity, RecordPlan plan, Stmt.Loop l) {
    if (plan.checkpointState(l) != null || !plan.needsReverse(l)) {
      return null;
    }
    Set<Variable> declared = new HashSet<>();
    Set<Variable> assigned = new HashSet<>();
    boolean scratchOnly = ScratchArrays.of(ir.body(), l).allScratch();
    boolean[] refused = {false};
    IrWalk.statements(l, s -> {
      if (s instanceof Stmt.Assign a) {
        (a.declaration() ? declared : assigned).add(a.target());
        refused[0] |= !plan.snapshot(s).isEmpty();
      } else if (s instanceof Stmt.ArrayWrite) {
        refused[0] |= !scratchOnly || !plan.snapshot(s).isEmpty();
      } else if (s instanceof Stmt.Increment inc) {
        assigned.add(inc.counter());
      } else if (!(s instanceof Stmt.Block || s instanceof Stmt.If || s instanceof Stmt.Loop)) {
        refused[0] = true; // a jump, a throw, a call for effect
      }
    });
    if (refused[0]) {
      return null;
    }
    Variable sum = null;
    for (Variable v : assigned) {
      if (declared.contains(v) || (!activity.isActive(v) && !v.type().isArray())) {
        continue;
      }
      if (sum != null || v.type().isArray()) {
        return null; // a second active value carried, or an array reassigned
      }
      sum = v;
    }
    return sum != null && onlySummed(l, sum) ? sum : null;
  }

  /**
   * The positions of the loops among {@code top}, the one with the most statements first (only
   * one loop of a method fuses: GMM's loop over the points rather than its prior's short loop
   * after it), the last first among loops of equal size.
   */
  static List<Integer> heaviestFirst(List<Stmt> top) {
    List<Integer> loops = new ArrayList<>();
    Map<Integer, Integer> weight = new HashMap<>();
    for (int k = top.size() - 1; k >= 0; k--) {
      if (top.get(k) instanceof Stmt.Loop) {
        int[] n = {0};
        IrWalk.statements(top.get(k), s -> n[0]++);
        loops.add(k);
        weight.put(k, n[0]);
      }
    }
    loops.sort(Comparator.comparing(weight::get).reversed());
    return loops;
  }

  /** Whether the loop uses {@code s} only in updates {@code s = s ± e}, e free of s. */
  private static boolean onlySummed(Stmt.Loop l, Variable s) {
    int[] updates = {0};
    int[] otherUses = {0};
    IrWalk.statements(l, st -> {
      Expr term = st instanceof Stmt.Assign a && a.target() == s ? term(a.value(), s) : null;
      if (st instanceof Stmt.Assign a && a.target() == s) {
        if (term == null) {
          otherUses[0]++;
          return;
        }
        updates[0]++;
        otherUses[0] += uses(term, s);
        return;
      }
      IrWalk.ownExpressions(st, e -> otherUses[0] += uses(e, s));
    });
    return updates[0] > 0 && otherUses[0] == 0;
  }

  /** {@code e} when {@code value} is {@code s + e}, {@code e + s} or {@code s - e}. */
  private static Expr term(Expr value, Variable s) {
    if (!(value instanceof Expr.Binary b)) {
      return null;
    }
    boolean leftIsSum = b.left() instanceof Expr.VarRef r && r.variable() == s;
    boolean rightIsSum = b.right() instanceof Expr.VarRef r && r.variable() == s;
    if (b.op() == BinaryOp.PLUS && leftIsSum != rightIsSum) {
      return leftIsSum ? b.right() : b.left();
    }
    return b.op() == BinaryOp.MINUS && leftIsSum && !rightIsSum ? b.right() : null;
  }

  private static int uses(Expr e, Variable v) {
    int[] n = {0};
    IrWalk.expressions(e, x -> n[0] += x instanceof Expr.VarRef r && r.variable() == v ? 1 : 0);
    return n[0];
  }
}
