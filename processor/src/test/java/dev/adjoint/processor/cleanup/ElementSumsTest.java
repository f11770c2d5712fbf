package dev.adjoint.processor.cleanup;

import static com.google.common.truth.Truth.assertThat;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.UnaryOp;
import dev.adjoint.processor.ir.Variable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The shares one reverse body adds into the same adjoint element are summed in a local, loaded
 * once and stored once: each test runs the body before and after on random inputs and compares
 * the adjoint arrays bit for bit, or checks that a statement in between keeps the shares apart.
 */
class ElementSumsTest {
  private static final Predicate<Expr.Call> NONE = call -> false;
  private static final Function<String, Variable> SCRATCH =
      base -> new Variable(base, IrType.DOUBLE, Variable.Origin.SCRATCH, null);

  private final Variable i = variable("i", IrType.INT, Variable.Origin.LOCAL);
  private final Variable j = variable("j", IrType.INT, Variable.Origin.LOCAL);
  private final Variable x = variable("x", IrType.DOUBLE_ARRAY, Variable.Origin.PARAMETER);
  private final Variable xAdj = variable("xAdj", IrType.DOUBLE_ARRAY, Variable.Origin.ADJOINT);
  private final Variable yAdj = variable("yAdj", IrType.DOUBLE_ARRAY, Variable.Origin.ADJOINT);
  private final Variable t1Adj = variable("t1Adj", IrType.DOUBLE, Variable.Origin.ADJOINT);
  private final Variable t2Adj = variable("t2Adj", IrType.DOUBLE, Variable.Origin.ADJOINT);
  private final Variable adj = variable("adj", IrType.DOUBLE, Variable.Origin.SCRATCH);
  private final Variable adj2 = variable("adj2", IrType.DOUBLE, Variable.Origin.SCRATCH);

  private static Variable variable(String name, IrType type, Variable.Origin origin) {
    return new Variable(name, type, origin, null);
  }

  private static Expr ref(Variable v) {
    return new Expr.VarRef(v);
  }

  private static Expr times(Expr a, Expr b) {
    return new Expr.Binary(BinaryOp.TIMES, a, b);
  }

  /** {@code 2 * i + offset}, built afresh each time as the transformation does. */
  private Expr index(int offset) {
    Expr twice = times(Expr.Literal.ofInt(2), ref(i));
    return offset == 0 ? twice : new Expr.Binary(BinaryOp.PLUS, twice, Expr.Literal.ofInt(offset));
  }

  private static Expr at(Variable array, Expr index) {
    return new Expr.ArrayRead(ref(array), index, IrType.DOUBLE, null);
  }

  private static Stmt add(Expr target, Expr value) {
    return new Stmt.Accumulate(target, value, false);
  }

  /** The reverse body of the extended Rosenbrock function, as the transformation builds it. */
  private List<Stmt> rosenbrockBody(Stmt... between) {
    List<Stmt> body = new java.util.ArrayList<>(List.of(
        add(at(xAdj, index(0)), new Expr.Unary(UnaryOp.NEGATE, ref(t2Adj)))));
    body.addAll(List.of(between));
    body.addAll(List.of(new Stmt.Comment("double t1 = ...", null),
        new Stmt.Assign(adj, times(ref(t1Adj), Expr.Literal.ofDouble(10)), true, null),
        add(at(xAdj, index(1)), ref(adj)),
        new Stmt.Assign(adj2, new Expr.Unary(UnaryOp.NEGATE, ref(adj)), true, null),
        add(at(xAdj, index(0)), times(ref(adj2), at(x, index(0)))),
        add(at(xAdj, index(0)), times(ref(adj2), at(x, index(0))))));
    return List.copyOf(body);
  }

  @Test
  void rosenbrocksThreeSharesIntoOneElementBecomeOneLoadAndOneStore() {
    List<Stmt> before = rosenbrockBody();
    List<Stmt> after = ElementSums.apply(before, NONE, SCRATCH);
    assertThat(after).hasSize(before.size());
    assertThat(after.get(0)).isInstanceOf(Stmt.Assign.class);
    assertThat(after.get(3)).isEqualTo(before.get(3));
    assertThat(((Stmt.Accumulate) after.get(5)).target()).isInstanceOf(Expr.VarRef.class);
    assertThat(after.get(6)).isInstanceOf(Stmt.ArrayWrite.class);
    long accumulations = after.stream().filter(s -> s instanceof Stmt.Accumulate a
        && a.target() instanceof Expr.ArrayRead).count();
    assertThat(accumulations).isEqualTo(1);
    assertSameValues(before, after);
  }

  @Test
  void theWholeCleanupSumsTheSharesToo() {
    List<Stmt> before = rosenbrockBody();
    List<Stmt> after = AdjointCleanup.apply(before, Set.of(xAdj), NONE, SCRATCH);
    assertThat(after.stream().filter(s -> s instanceof Stmt.ArrayWrite).count()).isEqualTo(1);
    assertSameValues(before, after);
  }

  @Test
  void aStatementThatMayTouchTheElementKeepsTheSharesApart() {
    Stmt indexChanges = new Stmt.Assign(i, Expr.Literal.ofInt(0), false, null);
    Stmt otherAdjointArray = add(at(yAdj, index(0)), ref(t1Adj));
    Stmt unknownIndex = add(at(xAdj, ref(j)), ref(t1Adj));
    Stmt readsTheArray = add(ref(t1Adj), at(xAdj, index(0)));
    Stmt branch = new Stmt.If(Expr.Literal.ofBoolean(true),
        new Stmt.Block(null, List.of(), null), new Stmt.Block(null, List.of(), null), null);
    for (Stmt between : List.of(indexChanges, otherAdjointArray, unknownIndex, readsTheArray,
        branch)) {
      List<Stmt> before = rosenbrockBody(between);
      List<Stmt> after = ElementSums.apply(before, NONE, SCRATCH);
      // Only the two shares after the barrier may be summed; the first one stays.
      assertThat(after.get(0)).isEqualTo(before.get(0));
    }
  }

  @Test
  void sharesIntoAnElementOfARowAreSummedToo() {
    Variable wAdj = variable("wAdj", IrType.DOUBLE_MATRIX, Variable.Origin.ADJOINT);
    Function<Expr, Expr> element = row -> new Expr.ArrayRead(
        new Expr.ArrayRead(ref(wAdj), row, IrType.DOUBLE_ARRAY, null), ref(j), IrType.DOUBLE,
        null);
    Stmt scalar = new Stmt.Assign(adj, times(ref(t1Adj), Expr.Literal.ofDouble(10)), true, null);
    List<Stmt> before = List.of(add(element.apply(ref(i)), ref(t1Adj)), scalar,
        add(element.apply(ref(i)), ref(adj)));
    List<Stmt> after = ElementSums.apply(before, NONE, SCRATCH);
    assertThat(after.get(0)).isInstanceOf(Stmt.Assign.class);
    assertThat(after.get(2)).isInstanceOf(Stmt.ArrayWrite.class);
    // a share into the same column of a row that may be the same one keeps them apart
    List<Stmt> otherRow = List.of(before.get(0), add(element.apply(ref(j)), ref(t2Adj)),
        before.get(2));
    assertThat(ElementSums.apply(otherRow, NONE, SCRATCH)).isEqualTo(otherRow);
    // so does an assignment of the row's index
    List<Stmt> rowMoves = List.of(before.get(0),
        new Stmt.Assign(i, Expr.Literal.ofInt(1), false, null), before.get(2));
    assertThat(ElementSums.apply(rowMoves, NONE, SCRATCH)).isEqualTo(rowMoves);
  }

  @Test
  void indexFormsTellDistinctElementsOnlyWhenTheyDifferByAConstant() {
    assertThat(IndexForms.differ(index(1), index(0))).isTrue();
    assertThat(IndexForms.differ(index(0), index(0))).isFalse();
    assertThat(IndexForms.differ(ref(i), ref(j))).isFalse();
    assertThat(IndexForms.differ(Expr.Literal.ofInt(3), Expr.Literal.ofInt(4))).isTrue();
    assertThat(IndexForms.same(index(1), index(1))).isTrue();
  }

  /** Runs both on 20 random inputs, {@code i} 0 or 1; the adjoint arrays must agree. */
  private void assertSameValues(List<Stmt> before, List<Stmt> after) {
    Random random = new Random(15);
    for (int trial = 0; trial < 20; trial++) {
      Map<Variable, Object> start = new HashMap<>();
      for (Variable v : List.of(x, xAdj, yAdj)) {
        double[] values = new double[4];
        for (int k = 0; k < values.length; k++) {
          values[k] = random.nextGaussian();
        }
        start.put(v, values);
      }
      start.put(t1Adj, random.nextGaussian());
      start.put(t2Adj, random.nextGaussian());
      start.put(i, trial % 2);
      start.put(j, trial % 4);
      Map<Variable, Object> expected = ArrayEvaluator.run(before, start);
      Map<Variable, Object> actual = ArrayEvaluator.run(after, start);
      assertThat((double[]) actual.get(xAdj)).isEqualTo((double[]) expected.get(xAdj));
    }
  }
}
