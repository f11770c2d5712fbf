package dev.adjoint.processor.transform;

import dev.adjoint.processor.analysis.ControlFlow;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The top-level loops of a {@code @Checkpointed} method: the forward sweep keeps a snapshot of
 * their scalar state every k iterations instead of recording, and the reverse sweep re-runs each
 * segment of k iterations from its snapshot, recording, before reversing it.
 */
final class CheckpointedLoops {
  private CheckpointedLoops() {}

  /**
   * Adds the top-level loops in {@code s} to {@code checkpointed}, each with the scalar state its
   * snapshots keep (every variable the loop assigns), and records in {@code reads} that the
   * reverse sweep re-runs the loop, reading whatever its forward run reads. A loop that cannot
   * be checkpointed is an error.
   */
  static void find(Stmt s, ControlFlow flow, MethodProblems problems,
      Map<Stmt.Loop, List<Variable>> checkpointed, Map<Stmt, Set<Variable>> reads) {
    if (s instanceof Stmt.Block b) {
      b.stmts().forEach(c -> find(c, flow, problems, checkpointed, reads));
      return;
    }
    if (!(s instanceof Stmt.Loop l)) {
      return;
    }
    Set<Variable> state = new LinkedHashSet<>();
    Set<Variable> forwardReads = new LinkedHashSet<>();
    boolean[] writesArrays = {false};
    IrWalk.statements(l, c -> {
      if (c instanceof Stmt.Assign a) {
        state.add(a.target());
      }
      writesArrays[0] |= c instanceof Stmt.ArrayWrite;
      IrWalk.ownExpressions(c, e -> IrWalk.expressions(e, n -> {
        if (n instanceof Expr.VarRef r && r.variable().origin().isPrimal()) {
          forwardReads.add(r.variable());
        }
      }));
    });
    if (writesArrays[0]) {
      problems.error(l.tree(), Problem.CHECKPOINTED_LOOP,
          "@Checkpointed loops may not write array elements: a snapshot"
          + " keeps scalar state only; checkpoint a loop over scalars, or drop @Checkpointed");
      return;
    }
    if (!flow.exits(l).isEmpty()) {
      problems.error(l.tree(), Problem.CHECKPOINTED_LOOP,
          "@Checkpointed loops may not return or jump out of an enclosing"
          + " statement from inside; break out of the loop itself and return after it");
      return;
    }
    for (Variable v : state) {
      if (!v.type().isPrimitive()) {
        problems.error(l.tree(), Problem.CHECKPOINTED_LOOP,
            "@Checkpointed loops may assign only primitive variables, not"
            + " '" + v.sourceName() + "' of type " + v.type());
        return;
      }
    }
    checkpointed.put(l, new ArrayList<>(state));
    reads.put(l, forwardReads);
  }
}
