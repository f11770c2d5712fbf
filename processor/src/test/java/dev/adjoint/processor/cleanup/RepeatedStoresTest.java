package dev.adjoint.processor.cleanup;

import static com.google.common.truth.Truth.assertThat;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepeatedStoresTest {
  private final Variable trips = new Variable("trips", IrType.INT, Variable.Origin.RECORD, null);
  private final Variable i = new Variable("i", IrType.INT, Variable.Origin.LOCAL, null);

  private static Stmt zero(Variable v, boolean declaration) {
    return new Stmt.Assign(v, Expr.Literal.ofInt(0), declaration, null);
  }

  @Test
  void theSweepsResetOfAHoistedCountGoesUntilTheCountChanges() {
    List<Stmt> prologue = List.of(zero(trips, true), zero(i, true));
    Stmt loop = new Stmt.Loop(null, null, new Stmt.Block(null,
        List.of(new Stmt.Increment(trips)), null), List.of(), true, null, null);
    Stmt again = zero(trips, false);
    Stmt user = zero(i, false);
    List<Stmt> forward = List.of(zero(trips, false), user, loop, again);
    assertThat(RepeatedStores.apply(prologue, forward)).containsExactly(user, loop, again)
        .inOrder();
  }

  @Test
  void nothingRepeatedLeavesTheCodeAsItIs() {
    List<Stmt> forward = List.of(new Stmt.Assign(trips, Expr.Literal.ofInt(1), false, null));
    assertThat(RepeatedStores.apply(List.of(zero(trips, true)), forward)).isSameInstanceAs(forward);
  }
}
