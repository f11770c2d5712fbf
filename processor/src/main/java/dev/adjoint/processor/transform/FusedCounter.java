package dev.adjoint.processor.transform;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * The counter of a fused loop ({@link LoopFusion}) left alone by the reverse part: the reverse
 * of an iteration starts by restoring the counter the iteration started with
 * ({@code i = iteration - 1}), after the forward part's update ({@code i = i + 1}) changed it;
 * the fused body then saved the updated counter around the reverse part
 * ({@code iKept = i; ...; i = iKept}). Running the reverse part before the update instead, the
 * counter still holds the value the restore would give (a counted loop's body never assigns its
 * counter, {@link Stmt.Counter}): the restore, the save and the iteration count go.
 */
final class FusedCounter {
  /**
   * One iteration split in three: the forward part without its trailing counter update, the
   * reverse part, and the update, run last ({@code update} is empty when the split does not
   * apply: then {@code forward} and {@code reverse} are those given).
   */
  record Split(List<Stmt> forward, List<Stmt> reverse, List<Stmt> update) {}

  private FusedCounter() {}

  /**
   * The split of the iteration of {@code loop} whose forward part is {@code forward} and reverse
   * part {@code reverse}: applies when the loop is counted, the reverse part starts by restoring
   * the counter and assigns it nowhere else, and the forward part ends with updates of the
   * counter computed from the counter alone, the only statements of the forward part writing it.
   */
  static Split of(Stmt.Loop loop, List<Stmt> forward, List<Stmt> reverse) {
    Split unchanged = new Split(forward, reverse, List.of());
    Variable counter = loop.counter() != null ? loop.counter().variable() : null;
    int at = 0;
    while (at < reverse.size() && isClear(reverse.get(at))) {
      at++; // a temporary's adjoint cleared first (FusedBody)
    }
    if (counter == null || at == reverse.size()
        || !(reverse.get(at) instanceof Stmt.Assign restore)
        || restore.target() != counter || restore.declaration()
        || writes(reverse.subList(at + 1, reverse.size()), counter)) {
      return unchanged;
    }
    int update = forward.size();
    while (update > 0 && isUpdate(forward.get(update - 1), counter)) {
      update--;
    }
    if (update == forward.size() || writes(forward.subList(0, update), counter)) {
      return unchanged;
    }
    List<Stmt> rest = new ArrayList<>(reverse);
    rest.remove(at);
    return new Split(new ArrayList<>(forward.subList(0, update)), rest,
        new ArrayList<>(forward.subList(update, forward.size())));
  }

  /** Whether {@code s} sets an adjoint to a constant. */
  private static boolean isClear(Stmt s) {
    return s instanceof Stmt.Assign a && a.target().origin() == Variable.Origin.ADJOINT
        && a.value() instanceof Expr.Literal;
  }

  /** Whether {@code s} is {@code c = f(c)} or {@code c++}, reading nothing but {@code c}. */
  private static boolean isUpdate(Stmt s, Variable c) {
    if (s instanceof Stmt.Increment i) {
      return i.counter() == c;
    }
    return s instanceof Stmt.Assign a && a.target() == c && !a.declaration()
        && SameValue.isPure(a.value()) && !SameValue.readsMemory(a.value())
        && SameValue.reads(a.value()).stream().allMatch(v -> v == c);
  }

  /** Whether {@code code} assigns {@code v} anywhere. */
  static boolean writes(List<Stmt> code, Variable v) {
    boolean[] found = {false};
    for (Stmt stmt : code) {
      IrWalk.statements(stmt, s -> found[0] |= s instanceof Stmt.Assign a && a.target() == v
          || s instanceof Stmt.Increment i && i.counter() == v
          || s instanceof Stmt.IndexLoop l && l.index() == v);
    }
    return found[0];
  }

  /** Whether {@code code} reads {@code v} anywhere. */
  static boolean reads(List<Stmt> code, Variable v) {
    boolean[] found = {false};
    for (Stmt stmt : code) {
      IrWalk.statements(stmt, s -> IrWalk.ownExpressions(s, e -> IrWalk.expressions(e,
          x -> found[0] |= x instanceof Expr.VarRef r && r.variable() == v)));
    }
    return found[0];
  }
}
