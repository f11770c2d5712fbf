package dev.adjoint.processor.transform;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * How a loop of the sweeps uses the tape, for {@link TapeBlocks}: its double pushes at the top
 * level of the forward body, the pops that take them back at the top level of the reverse
 * body, and whether anything else inside touches the doubles on the tape.
 */
final class TapeRecords {
  private TapeRecords() {}

  /** Whether {@code s} is {@code tape.pushDouble(value)}. */
  static boolean isDoublePush(Stmt s, Variable tape) {
    return s instanceof Stmt.Push p && isTape(p.tape(), tape)
        && p.value().type().kind() == IrType.Kind.DOUBLE;
  }

  /**
   * Whether {@code s} is {@code target = tape.popDouble()} or {@code a[i] = tape.popDouble()}:
   * the restore of a value a push saved.
   */
  static boolean isDoublePop(Stmt s, Variable tape) {
    Expr value = s instanceof Stmt.Assign a ? a.value()
        : s instanceof Stmt.ArrayWrite w ? w.value() : null;
    return value != null && isDoublePop(value, tape);
  }

  /** The number of double pushes among {@code body}'s statements (not inside them). */
  static int topLevelPushes(List<Stmt> body, Variable tape) {
    return (int) body.stream().filter(s -> isDoublePush(s, tape)).count();
  }

  /** The number of restores from double pops among {@code body}'s statements. */
  static int topLevelPops(List<Stmt> body, Variable tape) {
    return (int) body.stream().filter(s -> isDoublePop(s, tape)).count();
  }

  /**
   * Whether the forward loop {@code f} uses the tape only for its top-level double pushes and
   * for pushes onto the other stacks (the branch an {@code if} took, an inner trip count):
   * nothing else inside it pushes a double, directly or through a call.
   */
  static boolean onlyBlockUses(Stmt.Loop f, Variable tape) {
    Set<Stmt> top = identitySet(f.body().stmts());
    int[] uses = {0};
    int[] allowed = {0};
    boolean[] ok = {true};
    IrWalk.statements(f, s -> {
      IrWalk.ownExpressions(s, e -> uses[0] += references(e, tape));
      if (s instanceof Stmt.Push p && isTape(p.tape(), tape)) {
        allowed[0]++;
        ok[0] &= !isFloating(p.value().type()) || top.contains(s) && isDoublePush(s, tape);
      }
    });
    return ok[0] && uses[0] == allowed[0];
  }

  /**
   * Whether the reverse loop {@code r} uses the tape only for its top-level restores from
   * double pops, for pops off the other stacks, and to hand it to a callee's adjoint entry
   * point, which leaves it as it found it.
   */
  static boolean onlyBlockReads(Stmt.IndexLoop r, Variable tape, int k) {
    Set<Expr> blockPops = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Stmt s : r.body().stmts()) {
      if (isDoublePop(s, tape)) {
        blockPops.add(s instanceof Stmt.Assign a ? a.value() : ((Stmt.ArrayWrite) s).value());
      }
    }
    int[] uses = {0};
    int[] allowed = {0};
    boolean[] ok = {blockPops.size() == k};
    IrWalk.statements(r, s -> IrWalk.ownExpressions(s, e -> IrWalk.expressions(e, x -> {
      if (x instanceof Expr.VarRef ref && ref.variable() == tape) {
        uses[0]++;
      } else if (x instanceof Expr.Intrinsic i && i.op() == Expr.Intrinsic.Op.POP
          && isTape(i.args().get(0), tape)) {
        allowed[0]++;
        ok[0] &= !isFloating(i.type()) || blockPops.contains(i);
      } else if (x instanceof Expr.AdjointCall c) {
        allowed[0] += (int) c.args().stream().filter(a -> isTape(a, tape)).count();
      }
    })));
    return ok[0] && uses[0] == allowed[0];
  }

  private static boolean isDoublePop(Expr e, Variable tape) {
    return e instanceof Expr.Intrinsic i && i.op() == Expr.Intrinsic.Op.POP
        && i.type().kind() == IrType.Kind.DOUBLE && isTape(i.args().get(0), tape);
  }

  private static boolean isTape(Expr e, Variable tape) {
    return e instanceof Expr.VarRef r && r.variable() == tape;
  }

  /** Values the double stack holds. */
  private static boolean isFloating(IrType type) {
    return type.kind() == IrType.Kind.DOUBLE || type.kind() == IrType.Kind.FLOAT;
  }

  private static int references(Expr e, Variable tape) {
    int[] n = {0};
    IrWalk.expressions(e, x -> n[0] += isTape(x, tape) ? 1 : 0);
    return n[0];
  }

  private static <T> Set<T> identitySet(List<? extends T> items) {
    Set<T> set = Collections.newSetFromMap(new IdentityHashMap<>());
    set.addAll(items);
    return set;
  }
}
