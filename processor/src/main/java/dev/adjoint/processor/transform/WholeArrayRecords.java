package dev.adjoint.processor.transform;

import dev.adjoint.processor.analysis.ArrayAliases;
import dev.adjoint.processor.analysis.ArrayLengths;
import dev.adjoint.processor.analysis.ToBeRecorded;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records of a whole array instead of one element per iteration. A loop
 * {@code for (i = 0; i < a.length; i++) { ... a[i] = e; ... }} that overwrites every element of
 * {@code a} ({@link ToBeRecorded#overwritesEveryElement}) and must save the values it destroys
 * pushed {@code a[i]} before each write and popped it back in each reversed iteration: one tape
 * call per element (GradBench's ode rewrites its RK4 stage buffer this way four times a step).
 * Where no reverse code inside the loop reads {@code a}, restoring every element after the
 * whole loop has been reversed leaves the same values for everything reversed later, so the
 * forward sweep pushes the array in one block just before the loop and the reverse sweep pops
 * it back just after reversing it ({@code Tape.pushDoubles}: one array copy each way).
 *
 * <p>Conditions, each of which keeps the restore point irrelevant to what the loop's reverse
 * reads: the array is a {@code double[]} that no other name may refer to; the element write is
 * the only write into it inside the loop (no other element write, reference assignment or call
 * that may write into it); the loop holds no inner loop and is not checkpointed; and neither a
 * statement's adjoint inside the loop nor what the loop's reverse recomputes reads the array.
 * The write must have an adjoint of its own, so the loop is reversed whenever it ran.
 */
final class WholeArrayRecords {
  private WholeArrayRecords() {}

  /**
   * Chooses the loops of {@code body} whose element saves become one block record: fills
   * {@code out} with each such loop's arrays and removes their element writes from
   * {@code saves}.
   *
   * @param reads for each statement (and loop, for what its reverse recomputes) the original's
   *     variables its reverse code reads
   * @param fragments each definition's adjoint
   * @param snapshots statements that call a method that may write into their array arguments
   */
  static void choose(Stmt.Block body, Set<Stmt> saves, Map<Stmt, Set<Variable>> reads,
      Map<Stmt, DefinitionAdjoint.Fragment> fragments, Set<Stmt> snapshots,
      Set<Stmt.Loop> checkpointed, ArrayAliases aliases, SweepNames names,
      Map<Stmt.Loop, List<Variable>> out) {
    ArrayLengths lengths = ArrayLengths.of(body);
    List<Stmt.Loop> loops = new ArrayList<>();
    IrWalk.statements(body, s -> {
      if (s instanceof Stmt.Loop l) {
        loops.add(l);
      }
    });
    for (Stmt.Loop l : loops) {
      Variable array = ToBeRecorded.overwritesEveryElement(l, lengths);
      Stmt.ArrayWrite write = array == null ? null : elementWrite(l, array);
      if (write == null || !saves.contains(write) || checkpointed.contains(l)
          || aliases.isAliased(aliases.canonical(array))
          || fragments.get(write) == null || fragments.get(write).isEmpty()
          || !onlyWriteAndUnread(l, write, array, reads, snapshots)) {
        continue;
      }
      saves.remove(write);
      names.recordsOnTape();
      out.computeIfAbsent(l, k -> new ArrayList<>()).add(array);
    }
  }

  /** The top-level statement {@code array[counter] = ...} of the loop's body. */
  private static Stmt.ArrayWrite elementWrite(Stmt.Loop l, Variable array) {
    for (Stmt s : l.body().stmts()) {
      if (s instanceof Stmt.ArrayWrite w && w.array() instanceof Expr.VarRef a
          && a.variable() == array && w.index() instanceof Expr.VarRef k
          && k.variable() == l.counter().variable()) {
        return w;
      }
    }
    return null;
  }

  private static boolean onlyWriteAndUnread(Stmt.Loop l, Stmt.ArrayWrite write, Variable array,
      Map<Stmt, Set<Variable>> reads, Set<Stmt> snapshots) {
    boolean[] refused = {reads.getOrDefault(l, Set.of()).contains(array)};
    IrWalk.statements(l, s -> {
      refused[0] |= s != l && s instanceof Stmt.Loop
          || s instanceof Stmt.ArrayWrite w && w != write && IrWalk.root(w.array()) == array
          || s instanceof Stmt.Assign a && a.target() == array
          || snapshots.contains(s)
          || s != l && reads.getOrDefault(s, Set.of()).contains(array);
    });
    return !refused[0];
  }

  /** The forward sweep's record of {@code array}, pushed as one block. */
  static Stmt push(Variable tape, Variable array) {
    return elements(Expr.Intrinsic.Op.PUSH_ELEMENTS, tape, array);
  }

  /** The reverse sweep's restore of {@code array}, popped as one block. */
  static Stmt pop(Variable tape, Variable array) {
    return elements(Expr.Intrinsic.Op.POP_ELEMENTS, tape, array);
  }

  private static Stmt elements(Expr.Intrinsic.Op op, Variable tape, Variable array) {
    return new Stmt.Eval(new Expr.Intrinsic(op, List.of(new Expr.VarRef(tape),
        new Expr.VarRef(array)), IrType.VOID), null);
  }
}
