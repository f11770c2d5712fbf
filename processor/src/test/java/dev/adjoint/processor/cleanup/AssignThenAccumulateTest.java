package dev.adjoint.processor.cleanup;

import static com.google.common.truth.Truth.assertThat;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@code g = a; g += b} is {@code g = a + b}, bit for bit, and only where b is unchanged. */
class AssignThenAccumulateTest {
  private final Variable x = new Variable("x", IrType.DOUBLE, Variable.Origin.LOCAL, null);
  private final Variable seed = new Variable("seed", IrType.DOUBLE, Variable.Origin.ADJOINT, null);
  private final Variable xAdj = new Variable("xAdj", IrType.DOUBLE, Variable.Origin.ADJOINT, null);
  private final Variable v = new Variable("v", IrType.DOUBLE_ARRAY, Variable.Origin.PARAMETER,
      null);

  private Expr seedTimesX() {
    return new Expr.Binary(BinaryOp.TIMES, new Expr.VarRef(seed), new Expr.VarRef(x));
  }

  private Stmt assign(Variable target, Expr value) {
    return new Stmt.Assign(target, value, false, null);
  }

  private Stmt add(Variable target, Expr value) {
    return new Stmt.Accumulate(new Expr.VarRef(target), value, false);
  }

  @Test
  void theSquaresTwoContributionsAreOneAssignment() {
    List<Stmt> code = List.of(assign(xAdj, seedTimesX()), add(xAdj, seedTimesX()));
    List<Stmt> out = AssignThenAccumulate.apply(code, c -> false);
    assertThat(out).hasSize(1);
    Stmt.Assign merged = (Stmt.Assign) out.get(0);
    assertThat(merged.target()).isSameInstanceAs(xAdj);
    Expr.Binary sum = (Expr.Binary) merged.value();
    assertThat(sum.op()).isEqualTo(BinaryOp.PLUS);
    // g = a; g = g + b and g = a + b are the same operations on the same values
    Random random = new Random(7);
    for (int i = 0; i < 10_000; i++) {
      double a = random.nextGaussian() * Math.exp(random.nextInt(60) - 30);
      double b = random.nextGaussian() * Math.exp(random.nextInt(60) - 30);
      double g = a;
      g += b;
      assertThat(Double.doubleToRawLongBits(a + b)).isEqualTo(Double.doubleToRawLongBits(g));
    }
  }

  @Test
  void threeContributionsFoldLeftToRight() {
    Expr third = new Expr.VarRef(seed);
    List<Stmt> code = List.of(assign(xAdj, seedTimesX()), add(xAdj, seedTimesX()),
        add(xAdj, third));
    List<Stmt> out = AssignThenAccumulate.apply(code, c -> false);
    assertThat(out).hasSize(1);
    Expr.Binary outer = (Expr.Binary) ((Stmt.Assign) out.get(0)).value();
    assertThat(outer.right()).isSameInstanceAs(third);
    assertThat(outer.left()).isInstanceOf(Expr.Binary.class);
  }

  @Test
  void aContributionWhoseInputChangesInBetweenStays() {
    List<Stmt> code = List.of(assign(xAdj, seedTimesX()), assign(x, Expr.Literal.ofDouble(2.0)),
        add(xAdj, seedTimesX()));
    assertThat(AssignThenAccumulate.apply(code, c -> false)).isSameInstanceAs(code);
  }

  @Test
  void anElementReadPastAnElementWriteStays() {
    Expr element = new Expr.ArrayRead(new Expr.VarRef(v), Expr.Literal.ofInt(0), IrType.DOUBLE,
        null);
    List<Stmt> code = List.of(assign(xAdj, seedTimesX()),
        new Stmt.ArrayWrite(new Expr.VarRef(v), Expr.Literal.ofInt(1), Expr.Literal.ofDouble(1.0),
            null),
        add(xAdj, element));
    assertThat(AssignThenAccumulate.apply(code, c -> false)).isSameInstanceAs(code);
  }

  @Test
  void aReadOfTheTargetInBetweenOrAnOriginalVariableStays() {
    Variable kept = new Variable("kept", IrType.DOUBLE, Variable.Origin.SCRATCH, null);
    List<Stmt> read = List.of(assign(xAdj, seedTimesX()),
        new Stmt.Assign(kept, new Expr.VarRef(xAdj), true, null), add(xAdj, seedTimesX()));
    assertThat(AssignThenAccumulate.apply(read, c -> false)).isSameInstanceAs(read);
    Variable y = new Variable("y", IrType.DOUBLE, Variable.Origin.LOCAL, null);
    List<Stmt> primal = List.of(assign(y, seedTimesX()), add(y, seedTimesX()));
    assertThat(AssignThenAccumulate.apply(primal, c -> false)).isSameInstanceAs(primal);
  }

  @Test
  void aFloatAssignmentStays() {
    Variable f = new Variable("fAdj", IrType.FLOAT, Variable.Origin.ADJOINT, null);
    List<Stmt> code = List.of(assign(f, seedTimesX()), add(f, seedTimesX()));
    assertThat(AssignThenAccumulate.apply(code, c -> false)).isSameInstanceAs(code);
  }
}
