package dev.adjoint.processor.analysis;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The analyses of the original's IR fail loudly on the nodes only adjoint IR has, instead of
 * skipping them (the round reports such a failure as an internal error on the method).
 */
class AdjointOnlyNodesTest {
  private final Variable tape = new Variable("tape", IrType.TAPE, Variable.Origin.RECORD, null);
  private final Variable n = new Variable("n", IrType.INT, Variable.Origin.RECORD, null);

  private static Stmt.Block body(Stmt s) {
    return new Stmt.Block(null, List.of(s), null);
  }

  private List<Stmt> adjointOnly() {
    return List.of(new Stmt.Push(new Expr.VarRef(tape), new Expr.VarRef(n)),
        new Stmt.Increment(n),
        new Stmt.IndexLoop(null, n, Expr.Literal.ofInt(3), Expr.Literal.ofInt(0), true,
            body(new Stmt.Comment("nothing", null))));
  }

  @Test
  void controlFlowAndToBeRecordedRefuseThem() {
    for (Stmt s : adjointOnly()) {
      IllegalStateException flow = assertThrows(IllegalStateException.class,
          () -> new ControlFlow(body(s)).completesNormally(s));
      assertThat(flow).hasMessageThat().contains("adjoint IR only");
      IllegalStateException recorded = assertThrows(IllegalStateException.class,
          () -> ToBeRecorded.analyze(body(s), Map.of(), ArrayAliases.of(body(s))));
      assertThat(recorded).hasMessageThat().contains("adjoint IR only");
    }
  }
}
