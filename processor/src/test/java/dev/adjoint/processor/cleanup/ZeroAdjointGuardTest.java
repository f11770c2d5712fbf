package dev.adjoint.processor.cleanup;

import static com.google.common.truth.Truth.assertThat;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A reverse loop scaled by one adjoint is skipped when that adjoint is zero: each test runs the
 * sweep before and after {@link ZeroAdjointGuard} with a small evaluator of loops over arrays and
 * compares the adjoint arrays bit for bit, on random inputs where the factor is zero in half the
 * trials.
 */
class ZeroAdjointGuardTest {
  private static final Predicate<Expr.Call> NONE = call -> false;

  private final Variable zAdj = variable("zAdj", IrType.DOUBLE, Variable.Origin.ADJOINT);
  private final Variable otherAdj = variable("otherAdj", IrType.DOUBLE, Variable.Origin.ADJOINT);
  private final Variable x = variable("x", IrType.DOUBLE_ARRAY, Variable.Origin.PARAMETER);
  private final Variable w = variable("w", IrType.DOUBLE_ARRAY, Variable.Origin.PARAMETER);
  private final Variable xAdj = variable("xAdj", IrType.DOUBLE_ARRAY, Variable.Origin.ADJOINT);
  private final Variable wAdj = variable("wAdj", IrType.DOUBLE_ARRAY, Variable.Origin.ADJOINT);
  private final Variable iteration = variable("iteration", IrType.INT, Variable.Origin.SCRATCH);
  private final Variable i = variable("i", IrType.INT, Variable.Origin.LOCAL);

  private static Variable variable(String name, IrType type, Variable.Origin origin) {
    return new Variable(name, type, origin, null);
  }

  private static Expr ref(Variable v) {
    return new Expr.VarRef(v);
  }

  private static Expr at(Variable array, Variable index) {
    return new Expr.ArrayRead(ref(array), ref(index), IrType.DOUBLE, null);
  }

  private static Expr times(Expr a, Expr b) {
    return new Expr.Binary(BinaryOp.TIMES, a, b);
  }

  private static Stmt add(Expr target, Expr value) {
    return new Stmt.Accumulate(target, value, false);
  }

  /** {@code for (iteration = x.length; ...) { i = iteration - 1; body }}, as the sweep has it. */
  private Stmt reverseLoop(Stmt... body) {
    Stmt counter = new Stmt.Assign(i, new Expr.Binary(BinaryOp.MINUS, ref(iteration),
        Expr.Literal.ofInt(1)), false, null);
    List<Stmt> stmts = new ArrayList<>(List.of(counter,
        new Stmt.Comment("z += w[i] * x[i]", null)));
    stmts.addAll(List.of(body));
    return new Stmt.IndexLoop(null, iteration, new Expr.ArrayLength(ref(x), null),
        Expr.Literal.ofInt(0), true, new Stmt.Block(null, stmts, null));
  }

  /** The dense layer's inner reverse loop: {@code wAdj[i] += zAdj * x[i]; xAdj[i] += ...}. */
  private Stmt denseLoop() {
    return reverseLoop(add(at(wAdj, i), times(ref(zAdj), at(x, i))),
        add(at(xAdj, i), times(at(w, i), ref(zAdj))));
  }

  @Test
  void aLoopScaledByOneAdjointIsGuardedAndKeepsEveryValue() {
    List<Stmt> before = List.of(denseLoop(), add(ref(otherAdj), ref(zAdj)));
    List<Stmt> after = ZeroAdjointGuard.apply(before, Set.of(xAdj, wAdj, otherAdj), NONE);
    assertThat(after.get(0)).isInstanceOf(Stmt.If.class);
    Stmt.If guard = (Stmt.If) after.get(0);
    assertThat(guard.thenPart().stmts()).containsExactly(before.get(0));
    assertThat(guard.condition()).isEqualTo(new Expr.Binary(BinaryOp.NOT_EQUAL, ref(zAdj),
        Expr.Literal.ofDouble(0.0), IrType.BOOLEAN, null));
    assertThat(after.get(1)).isEqualTo(before.get(1));
    assertSameValues(before, after);
  }

  @Test
  void aLoneAdjointAsTheUpdateCounts() {
    List<Stmt> before = List.of(reverseLoop(add(at(wAdj, i), ref(zAdj))));
    List<Stmt> after = ZeroAdjointGuard.apply(before, Set.of(xAdj, wAdj), NONE);
    assertThat(after.get(0)).isInstanceOf(Stmt.If.class);
    assertSameValues(before, after);
  }

  @Test
  void theCleanupThatSecondOrderDifferentiatesLeavesTheLoopUnguarded() {
    // Forward-over-reverse differentiates AdjointCleanup's output: a zero adjoint may have a
    // tangent that is not zero (rAdj = valueAdj * r at r = 0), so only the printed gradient is
    // guarded (ZeroAdjointGuard.printed).
    List<Stmt> code = List.of(denseLoop());
    assertThat(AdjointCleanup.apply(code, Set.of(xAdj, wAdj))).isEqualTo(code);
  }

  @Test
  void aZeroAdjointSkipsTheUpdateEvenWhereThePartialIsInfinite() {
    List<Stmt> before = List.of(denseLoop());
    List<Stmt> after = ZeroAdjointGuard.apply(before, Set.of(xAdj, wAdj), NONE);
    Map<Variable, Object> start = inputs(new Random(3), true);
    ((double[]) start.get(x))[1] = Double.POSITIVE_INFINITY;
    double[] statementByStatement = (double[]) ArrayEvaluator.run(before, start).get(wAdj);
    double[] guarded = (double[]) ArrayEvaluator.run(after, start).get(wAdj);
    assertThat(statementByStatement[1]).isNaN();
    assertThat(guarded[1]).isEqualTo(((double[]) start.get(wAdj))[1]);
  }

  @Test
  void loopsThatDoMoreThanScaleOneAdjointStay() {
    Stmt twoFactors = reverseLoop(add(at(wAdj, i), times(ref(zAdj), at(x, i))),
        add(at(xAdj, i), times(ref(otherAdj), at(w, i))));
    Stmt writesItsFactor = reverseLoop(add(at(wAdj, i), times(ref(zAdj), at(x, i))),
        add(ref(zAdj), at(x, i)));
    Stmt primalProduct = reverseLoop(add(at(wAdj, i), times(at(w, i), at(x, i))));
    Stmt elementWrite = reverseLoop(add(at(wAdj, i), ref(zAdj)),
        new Stmt.ArrayWrite(ref(xAdj), ref(i), Expr.Literal.ofDouble(0.0), null));
    for (Stmt loop : List.of(twoFactors, writesItsFactor, primalProduct, elementWrite)) {
      List<Stmt> code = List.of(loop);
      assertThat(ZeroAdjointGuard.apply(code, Set.of(xAdj, wAdj), NONE)).isEqualTo(code);
    }
  }

  @Test
  void aCounterReadAfterTheLoopKeepsItUnguarded() {
    List<Stmt> readAfter = List.of(denseLoop(), add(ref(otherAdj), at(x, i)));
    assertThat(ZeroAdjointGuard.apply(readAfter, Set.of(xAdj, wAdj), NONE)).isEqualTo(readAfter);
    List<Stmt> liveAfter = List.of(denseLoop());
    assertThat(ZeroAdjointGuard.apply(liveAfter, Set.of(xAdj, wAdj, i), NONE))
        .isEqualTo(liveAfter);
  }

  @Test
  void aCounterAssignedAgainBeforeItIsReadLetsTheLoopBeGuarded() {
    Stmt reset = new Stmt.Assign(i, Expr.Literal.ofInt(2), false, null);
    List<Stmt> before = List.of(denseLoop(), reset, add(ref(otherAdj), at(x, i)));
    List<Stmt> after = ZeroAdjointGuard.apply(before, Set.of(xAdj, wAdj, otherAdj), NONE);
    assertThat(after.get(0)).isInstanceOf(Stmt.If.class);
    assertThat(after.subList(1, 3)).isEqualTo(before.subList(1, 3));
    assertSameValues(before, after);
  }

  /**
   * A fused loop's shape: the next iteration's forward part resets the counter the reverse
   * part's loop sets, then reads it. The reset must come first: read before it, the counter
   * would hold what the skipped loop did not leave in it.
   */
  @Test
  void inAnEnclosingLoopTheNextIterationMustAssignTheCounterBeforeReadingIt() {
    Variable outer = variable("outer", IrType.INT, Variable.Origin.SCRATCH);
    Stmt reset = new Stmt.Assign(i, Expr.Literal.ofInt(2), false, null);
    Stmt read = add(ref(otherAdj), at(x, i));
    List<Stmt> resetFirst = List.of(new Stmt.IndexLoop(null, outer, Expr.Literal.ofInt(0),
        Expr.Literal.ofInt(3), false, new Stmt.Block(null, List.of(reset, read, denseLoop()),
        null)));
    List<Stmt> after = ZeroAdjointGuard.apply(resetFirst, Set.of(xAdj, wAdj, otherAdj), NONE);
    Stmt.IndexLoop rewritten = (Stmt.IndexLoop) after.get(0);
    assertThat(rewritten.body().stmts().get(2)).isInstanceOf(Stmt.If.class);
    assertSameValues(resetFirst, after);
    List<Stmt> readFirst = List.of(new Stmt.IndexLoop(null, outer, Expr.Literal.ofInt(0),
        Expr.Literal.ofInt(3), false, new Stmt.Block(null, List.of(read, reset, denseLoop()),
        null)));
    assertThat(ZeroAdjointGuard.apply(readFirst, Set.of(xAdj, wAdj, otherAdj), NONE))
        .isEqualTo(readFirst);
  }

  /**
   * A loop whose counter was declared before it steps it down ({@code i = i - 1}) and a pop
   * restores it after: skipped, the counter keeps its value until the restore overwrites it.
   */
  @Test
  void aCounterSteppedDownAndRestoredAfterTheLoop() {
    Stmt stepDown = new Stmt.Assign(i, new Expr.Binary(BinaryOp.MINUS, ref(i),
        Expr.Literal.ofInt(1)), false, null);
    Stmt loop = new Stmt.IndexLoop(null, iteration, new Expr.ArrayLength(ref(x), null),
        Expr.Literal.ofInt(0), true, new Stmt.Block(null, List.of(stepDown,
            add(at(wAdj, i), times(ref(zAdj), at(x, i)))), null));
    Stmt restore = new Stmt.Assign(i, Expr.Literal.ofInt(3), false, null);
    List<Stmt> before = List.of(loop, restore, add(ref(otherAdj), at(x, i)));
    List<Stmt> after = ZeroAdjointGuard.apply(before, Set.of(xAdj, wAdj, otherAdj), NONE);
    assertThat(after.get(0)).isInstanceOf(Stmt.If.class);
    assertSameValues(before, after);
    List<Stmt> notRestored = List.of(loop, add(ref(otherAdj), at(x, i)));
    assertThat(ZeroAdjointGuard.apply(notRestored, Set.of(xAdj, wAdj, otherAdj), NONE))
        .isEqualTo(notRestored);
  }

  @Test
  void aLoopInsideAnotherIsGuardedInPlace() {
    Variable outer = variable("outer", IrType.INT, Variable.Origin.SCRATCH);
    Stmt nest = new Stmt.IndexLoop(null, outer, Expr.Literal.ofInt(0), Expr.Literal.ofInt(3),
        false, new Stmt.Block(null, List.of(denseLoop(), add(ref(zAdj), ref(otherAdj))), null));
    List<Stmt> before = List.of(nest);
    List<Stmt> after = ZeroAdjointGuard.apply(before, Set.of(xAdj, wAdj), NONE);
    Stmt.IndexLoop rewritten = (Stmt.IndexLoop) after.get(0);
    assertThat(rewritten.body().stmts().get(0)).isInstanceOf(Stmt.If.class);
    assertSameValues(before, after);
  }

  private Map<Variable, Object> inputs(Random random, boolean zeroFactor) {
    Map<Variable, Object> start = new HashMap<>();
    for (Variable v : List.of(x, w, xAdj, wAdj)) {
      double[] values = new double[5];
      for (int k = 0; k < values.length; k++) {
        values[k] = random.nextGaussian();
      }
      start.put(v, values);
    }
    start.put(zAdj, zeroFactor ? 0.0 : random.nextGaussian());
    start.put(otherAdj, random.nextGaussian());
    start.put(i, 5); // x.length, as a forward loop over x leaves it
    return start;
  }

  /** Runs both on 20 random inputs, the factor zero in every other one. */
  private void assertSameValues(List<Stmt> before, List<Stmt> after) {
    Random random = new Random(15);
    for (int trial = 0; trial < 20; trial++) {
      Map<Variable, Object> start = inputs(random, trial % 2 == 0);
      Map<Variable, Object> expected = ArrayEvaluator.run(before, start);
      Map<Variable, Object> actual = ArrayEvaluator.run(after, start);
      for (Variable v : List.of(xAdj, wAdj)) {
        assertThat((double[]) actual.get(v)).isEqualTo((double[]) expected.get(v));
      }
      assertThat(actual.get(otherAdj)).isEqualTo(expected.get(otherAdj));
      assertThat(actual.get(zAdj)).isEqualTo(expected.get(zAdj));
    }
  }
}
