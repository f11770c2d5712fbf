package dev.adjoint.processor.cleanup;

import static com.google.common.truth.Truth.assertThat;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClearThenAccumulateTest {
  private final Variable x = new Variable("x", IrType.DOUBLE, Variable.Origin.LOCAL, null);
  private final Variable xAdj = new Variable("xAdj", IrType.DOUBLE, Variable.Origin.ADJOINT, null);
  private final Variable held = new Variable("xAdj2", IrType.DOUBLE, Variable.Origin.SCRATCH, null);

  private Stmt clear() {
    return new Stmt.Assign(xAdj, Expr.Literal.ofDouble(0.0), false, null);
  }

  private Expr heldTimesX() {
    return new Expr.Binary(BinaryOp.TIMES, new Expr.VarRef(held), new Expr.VarRef(x));
  }

  @Test
  void clearThenAccumulateBecomesAssignment() {
    Stmt keep = new Stmt.Assign(held, new Expr.VarRef(xAdj), true, null);
    Stmt clear = clear();
    Stmt add = new Stmt.Accumulate(new Expr.VarRef(xAdj), heldTimesX(), false);
    List<Stmt> code = List.of(keep, clear, add);
    Map<Stmt, Stmt> rewrites = ClearThenAccumulate.rewrites(code);
    List<Stmt> out = ClearThenAccumulate.apply(code, rewrites);
    assertThat(out).hasSize(2);
    assertThat(out.get(0)).isSameInstanceAs(keep);
    Stmt.Assign assign = (Stmt.Assign) out.get(1);
    assertThat(assign.target()).isSameInstanceAs(xAdj);
    assertThat(assign.value()).isSameInstanceAs(((Stmt.Accumulate) add).value());
  }

  @Test
  void aReadInBetweenKeepsBoth() {
    Stmt clear = clear();
    Stmt read = new Stmt.Assign(held, new Expr.VarRef(xAdj), true, null);
    Stmt add = new Stmt.Accumulate(new Expr.VarRef(xAdj), heldTimesX(), false);
    assertThat(ClearThenAccumulate.rewrites(List.of(clear, read, add))).isEmpty();
  }

  @Test
  void anAccumulationReadingTheAdjointItselfIsKept() {
    Stmt clear = clear();
    Stmt add = new Stmt.Accumulate(new Expr.VarRef(xAdj), new Expr.VarRef(xAdj), false);
    assertThat(ClearThenAccumulate.rewrites(List.of(clear, add))).isEmpty();
  }

  @Test
  void anAccumulationInsideAnIfIsKept() {
    Stmt clear = clear();
    Stmt add = new Stmt.Accumulate(new Expr.VarRef(xAdj), heldTimesX(), false);
    Stmt branch = new Stmt.If(new Expr.Literal(IrType.BOOLEAN, "true", null),
        new Stmt.Block(null, List.of(add), null), new Stmt.Block(null, List.of(), null), null);
    assertThat(ClearThenAccumulate.rewrites(List.of(clear, branch))).isEmpty();
  }
}
