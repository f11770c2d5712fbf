package dev.adjoint.processor.transform;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.StmtRewrite;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Drops, from a fused iteration ({@link LoopFusion}), the records of a scratch array
 * ({@link dev.adjoint.processor.analysis.ScratchArrays}) whose restored values nobody reads.
 * The forward part pushes an element (or the whole array) before overwriting it and the
 * reverse part pops it back: GMM's {@code mainTerm[c]}. When the reverse part reads no element
 * of the array after it starts restoring it (the MLP's {@code logits}, read by the loss's
 * pullback first thing, and {@code h}, read by the reverse of the output layer before the
 * hidden layer's reverse restores it) and nothing after the loop mentions it, the restored
 * values are dead: within the iteration nobody looks at them, the next iteration
 * rewrites every element before it reads it, and nothing after the loop reads the array. Each
 * record of the array is a push in the forward part and its pop in the reverse part, so
 * dropping all of both leaves the tape as balanced as it was. (An array the reverse part reads,
 * GMM's {@code xc} in its loop over the components, keeps its records: the reverse of one
 * component needs the values that the next component's forward overwrote.)
 */
final class FusedScratchRecords {
  private FusedScratchRecords() {}

  /**
   * {@code forward} and {@code reverse}, one iteration's parts, without the records of the
   * arrays among {@code scratch} (none of which the code after the loop mentions) that the
   * reverse part reads only before it restores them; the lists are changed in place.
   */
  static void drop(Set<Variable> scratch, Variable tape, List<Stmt> forward, List<Stmt> reverse) {
    for (Variable a : scratch) {
      Predicate<Stmt> push = s -> isPush(s, a, tape);
      Predicate<Stmt> pop = s -> isPop(s, a);
      if (count(forward, push) == 0 || count(forward, push) != count(reverse, pop)
          || count(forward, pop) != 0 || count(reverse, push) != 0
          || !readsBeforeRestoring(reverse, a)) {
        continue;
      }
      replace(forward, without(forward, push));
      replace(reverse, without(reverse, pop));
    }
  }

  /** {@code tape.push(a[...])} or the push of all of {@code a}'s elements. */
  private static boolean isPush(Stmt s, Variable a, Variable tape) {
    if (s instanceof Stmt.Push p) {
      return p.tape() instanceof Expr.VarRef t && t.variable() == tape
          && p.value() instanceof Expr.ArrayRead r && IrWalk.root(r) == a;
    }
    return isElements(s, Expr.Intrinsic.Op.PUSH_ELEMENTS, a);
  }

  /** {@code a[...] = tape.pop()} or the pop of all of {@code a}'s elements. */
  static boolean isPop(Stmt s, Variable a) {
    if (s instanceof Stmt.ArrayWrite w) {
      return IrWalk.root(w.array()) == a && w.value() instanceof Expr.Intrinsic i
          && i.op() == Expr.Intrinsic.Op.POP;
    }
    return isElements(s, Expr.Intrinsic.Op.POP_ELEMENTS, a);
  }

  private static boolean isElements(Stmt s, Expr.Intrinsic.Op op, Variable a) {
    return s instanceof Stmt.Eval e && e.expr() instanceof Expr.Intrinsic i && i.op() == op
        && i.args().size() == 2 && i.args().get(1) instanceof Expr.VarRef r
        && r.variable() == a;
  }

  /**
   * Whether every top-level statement of {@code code} that mentions {@code a} other than by
   * popping into it comes before every one that pops into it: the reads see the values the
   * forward part left, and nothing reads what the pops restore. The first statement that pops
   * may read too when it is a loop whose each iteration reads one element before restoring
   * just that one ({@link OwnElementPops}): the reverse of {@code h[j] = relu(z)} reading
   * {@code h[j]}.
   */
  private static boolean readsBeforeRestoring(List<Stmt> code, Variable a) {
    int firstPop = code.size();
    int lastRead = -1;
    for (int k = 0; k < code.size(); k++) {
      boolean[] pops = {false};
      boolean[] reads = {false};
      IrWalk.statements(code.get(k), s -> {
        if (isPop(s, a)) {
          pops[0] = true;
          return;
        }
        IrWalk.ownExpressions(s, e -> IrWalk.expressions(e,
            x -> reads[0] |= x instanceof Expr.VarRef r && r.variable() == a));
        reads[0] |= s instanceof Stmt.Assign as && as.target() == a;
      });
      firstPop = pops[0] ? Math.min(firstPop, k) : firstPop;
      if (reads[0] && !(pops[0] && k == firstPop && OwnElementPops.readFirst(code.get(k), a))) {
        lastRead = k;
      }
    }
    return lastRead < firstPop;
  }

  private static int count(List<Stmt> code, Predicate<Stmt> which) {
    int[] n = {0};
    code.forEach(stmt -> IrWalk.statements(stmt, s -> n[0] += which.test(s) ? 1 : 0));
    return n[0];
  }

  /** {@code code} without the statements {@code which} picks, at any depth. */
  private static List<Stmt> without(List<Stmt> code, Predicate<Stmt> which) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : code) {
      if (!which.test(s)) {
        out.add(StmtRewrite.apply(s, e -> e, inner -> without(inner, which)));
      }
    }
    return out;
  }

  private static void replace(List<Stmt> target, List<Stmt> content) {
    target.clear();
    target.addAll(content);
  }
}
