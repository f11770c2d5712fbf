package dev.adjoint.processor.cleanup;

import static com.google.common.truth.Truth.assertThat;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.UnaryOp;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A primal element read more than once in one sequence is loaded into a local once, where
 * nothing in between may change it or what selects it: each test runs the code before and after
 * on random inputs and compares every variable and array bit for bit, or checks that a
 * statement in between keeps the reads apart.
 */
class ElementLoadsTest {
  private static final Predicate<Expr.Call> NONE = call -> false;
  private static final Function<String, Variable> SCRATCH =
      base -> new Variable(base, IrType.DOUBLE, Variable.Origin.SCRATCH, null);

  private final Variable i = variable("i", IrType.INT, Variable.Origin.LOCAL);
  private final Variable x = variable("x", IrType.DOUBLE_ARRAY, Variable.Origin.PARAMETER);
  private final Variable y = variable("y", IrType.DOUBLE_ARRAY, Variable.Origin.LOCAL);
  private final Variable xAdj = variable("xAdj", IrType.DOUBLE_ARRAY, Variable.Origin.ADJOINT);
  private final Variable t = variable("t", IrType.DOUBLE, Variable.Origin.LOCAL);
  private final Variable u = variable("u", IrType.DOUBLE, Variable.Origin.LOCAL);
  private final Variable tAdj = variable("tAdj", IrType.DOUBLE, Variable.Origin.ADJOINT);

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

  private static Expr.ArrayRead at(Variable array, Expr index) {
    return new Expr.ArrayRead(ref(array), index, IrType.DOUBLE, null);
  }

  private static Stmt assign(Variable v, Expr value) {
    return new Stmt.Assign(v, value, false, null);
  }

  private static Stmt add(Expr target, Expr value) {
    return new Stmt.Accumulate(target, value, false);
  }

  /** Rosenbrock's fused body: x[2i] read twice, an adjoint store, x[2i] read twice again. */
  private List<Stmt> body(Stmt... between) {
    List<Stmt> body = new ArrayList<>(List.of(
        assign(t, times(Expr.Literal.ofDouble(10), new Expr.Binary(BinaryOp.PLUS,
            at(x, index(1)), times(at(x, index(0)), at(x, index(0)))))),
        add(at(xAdj, index(1)), times(ref(tAdj), ref(t)))));
    body.addAll(List.of(between));
    body.add(add(at(xAdj, index(0)), times(ref(tAdj), at(x, index(0)))));
    body.add(add(at(xAdj, index(0)), times(ref(tAdj), at(x, index(0)))));
    return List.copyOf(body);
  }

  @Test
  void fourReadsAcrossAnAdjointStoreBecomeOneLoad() {
    List<Stmt> before = body();
    List<Stmt> after = ElementLoads.apply(before, NONE, SCRATCH);
    assertThat(after).hasSize(before.size() + 1);
    Stmt.Assign load = (Stmt.Assign) after.get(0);
    assertThat(load.declaration()).isTrue();
    assertThat(IndexForms.same(load.value(), at(x, index(0)))).isTrue();
    assertThat(reads(after, at(x, index(0)))).isEqualTo(1);
    // the element read once stays a read
    assertThat(reads(after, at(x, index(1)))).isEqualTo(1);
    assertSameValues(before, after);
  }

  @Test
  void somethingThatMayChangeTheElementOrItsIndexLoadsItAgain() {
    Stmt indexChanges = assign(i, Expr.Literal.ofInt(0));
    Stmt primalWrite = new Stmt.ArrayWrite(ref(y), index(0), ref(t), null);
    Stmt primalAccumulation = add(at(y, index(0)), ref(t));
    Stmt restored = new Stmt.ArrayWrite(ref(x), index(0), ref(u), null);
    Stmt call = new Stmt.Eval(new Expr.AdjointCall(null, List.of(ref(x)), IrType.DOUBLE, null),
        null);
    for (Stmt between : List.of(indexChanges, primalWrite, primalAccumulation, restored, call)) {
      List<Stmt> before = body(between);
      List<Stmt> after = ElementLoads.apply(before, NONE, SCRATCH);
      // one local for the two reads before, one for the two after
      assertThat(after).hasSize(before.size() + 2);
      assertThat(after.get(after.size() - 3)).isInstanceOf(Stmt.Assign.class);
      assertThat(((Stmt.Assign) after.get(after.size() - 3)).declaration()).isTrue();
      if (between != call) {
        assertSameValues(before, after);
      }
    }
  }

  @Test
  void aTapePopOrAnAdjointPushInBetweenIsHarmless() {
    Stmt pop = assign(u, new Expr.Intrinsic(Expr.Intrinsic.Op.POP, List.of(ref(tAdj)),
        IrType.DOUBLE));
    Stmt push = new Stmt.Push(ref(tAdj), ref(t), null);
    for (Stmt between : List.of(pop, push)) {
      List<Stmt> after = ElementLoads.apply(body(between), NONE, SCRATCH);
      assertThat(reads(after, at(x, index(0)))).isEqualTo(1);
    }
  }

  @Test
  void anElementReadOnlyConditionallyIsNotLoadedAhead() {
    // t = i > 0 ? x[2i] * x[2i] : 0; the reads may be out of bounds when i <= 0
    Expr guard = new Expr.Binary(BinaryOp.GREATER, ref(i), Expr.Literal.ofInt(0),
        IrType.BOOLEAN, null);
    List<Stmt> before = List.of(
        assign(t, new Expr.Conditional(guard, times(at(x, index(0)), at(x, index(0))),
            Expr.Literal.ofDouble(0), IrType.DOUBLE, null)),
        add(ref(tAdj), times(at(x, index(0)), at(x, index(0)))));
    List<Stmt> after = ElementLoads.apply(before, NONE, SCRATCH);
    // loaded where it is read whatever i is: at the second statement, not before the first
    assertThat(after).hasSize(3);
    assertThat(after.get(0)).isEqualTo(before.get(0));
    assertThat(((Stmt.Assign) after.get(1)).declaration()).isTrue();
    assertThat(reads(after, at(x, index(0)))).isEqualTo(3);
  }

  @Test
  void theElementAnAccumulationWritesIsNeverReplaced() {
    List<Stmt> before = List.of(
        assign(t, times(at(y, ref(i)), at(y, ref(i)))),
        add(at(y, ref(i)), times(ref(t), at(y, ref(i)))));
    List<Stmt> after = ElementLoads.apply(before, NONE, SCRATCH);
    assertThat(after).hasSize(3);
    Stmt.Accumulate last = (Stmt.Accumulate) after.get(2);
    assertThat(last.target()).isInstanceOf(Expr.ArrayRead.class);
    assertThat(reads(after.subList(1, 3), at(y, ref(i)))).isEqualTo(0);
    assertSameValues(before, after);
  }

  @Test
  void negatedAndSingleReadsStayAsTheyAre() {
    List<Stmt> before = List.of(
        assign(t, new Expr.Unary(UnaryOp.NEGATE, at(x, index(0)))),
        add(at(xAdj, index(1)), at(x, index(1))));
    assertThat(ElementLoads.apply(before, NONE, SCRATCH)).isEqualTo(before);
  }

  private static int reads(List<Stmt> code, Expr.ArrayRead read) {
    int n = 0;
    for (Stmt s : code) {
      n += ElementLoadSpans.count(s, read);
    }
    return n;
  }

  /** Runs both on 20 random inputs, {@code i} 0 or 1; every variable must agree bit for bit. */
  private void assertSameValues(List<Stmt> before, List<Stmt> after) {
    Random random = new Random(15);
    for (int trial = 0; trial < 20; trial++) {
      Map<Variable, Object> start = new HashMap<>();
      for (Variable v : List.of(x, y, xAdj)) {
        double[] values = new double[4];
        for (int k = 0; k < values.length; k++) {
          values[k] = random.nextGaussian();
        }
        start.put(v, values);
      }
      start.put(t, random.nextGaussian());
      start.put(u, random.nextGaussian());
      start.put(tAdj, random.nextGaussian());
      start.put(i, trial % 2);
      Map<Variable, Object> expected = ArrayEvaluator.run(before, start);
      Map<Variable, Object> actual = ArrayEvaluator.run(after, start);
      for (Variable v : List.of(x, y, xAdj)) {
        assertThat((double[]) actual.get(v)).isEqualTo((double[]) expected.get(v));
      }
      for (Variable v : List.of(t, u, tAdj, i)) {
        assertThat(actual.get(v)).isEqualTo(expected.get(v));
      }
    }
  }
}
