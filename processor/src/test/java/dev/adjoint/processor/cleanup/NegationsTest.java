package dev.adjoint.processor.cleanup;

import static com.google.common.truth.Truth.assertThat;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.UnaryOp;
import dev.adjoint.processor.ir.Variable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Negations folded into the operations around them: each test runs the code before and after
 * on random inputs, signed zeros among them, and compares every variable bit for bit, or checks
 * that a negation stays where folding it would not be exact or would reorder effects.
 */
class NegationsTest {
  private static final Predicate<Expr.Call> NONE = call -> false;

  private final Variable i = variable("i", IrType.INT, Variable.Origin.LOCAL);
  private final Variable x = variable("x", IrType.DOUBLE_ARRAY, Variable.Origin.PARAMETER);
  private final Variable xAdj = variable("xAdj", IrType.DOUBLE_ARRAY, Variable.Origin.ADJOINT);
  private final Variable w = variable("w", IrType.DOUBLE, Variable.Origin.LOCAL);
  private final Variable adj = variable("adj", IrType.DOUBLE, Variable.Origin.SCRATCH);
  private final Variable adj2 = variable("adj2", IrType.DOUBLE, Variable.Origin.SCRATCH);
  private final Variable sum = variable("sum", IrType.DOUBLE, Variable.Origin.SCRATCH);
  private final Variable tAdj = variable("tAdj", IrType.DOUBLE, Variable.Origin.ADJOINT);

  private static Variable variable(String name, IrType type, Variable.Origin origin) {
    return new Variable(name, type, origin, null);
  }

  private static Expr ref(Variable v) {
    return new Expr.VarRef(v);
  }

  private static Expr neg(Expr e) {
    return new Expr.Unary(UnaryOp.NEGATE, e, IrType.DOUBLE, null);
  }

  private static Expr op(BinaryOp op, Expr a, Expr b) {
    return new Expr.Binary(op, a, b, IrType.DOUBLE, null);
  }

  private Expr element() {
    return new Expr.ArrayRead(ref(x), ref(i), IrType.DOUBLE, null);
  }

  private Expr adjointElement() {
    return new Expr.ArrayRead(ref(xAdj), ref(i), IrType.DOUBLE, null);
  }

  @Test
  void rosenbrocksNegatedSharesBecomeSubtractions() {
    List<Stmt> before = List.of(
        new Stmt.Assign(sum, op(BinaryOp.PLUS, adjointElement(), neg(ref(tAdj))), true, null),
        new Stmt.Assign(adj2, neg(ref(adj)), true, null),
        new Stmt.Accumulate(ref(sum), op(BinaryOp.TIMES, ref(adj2), element()), false),
        new Stmt.ArrayWrite(ref(xAdj), ref(i), op(BinaryOp.PLUS, ref(sum),
            op(BinaryOp.TIMES, ref(adj2), element())), null),
        new Stmt.Accumulate(ref(tAdj), op(BinaryOp.DIVIDE, ref(w), neg(ref(adj))), false),
        new Stmt.Accumulate(adjointElement(), neg(neg(neg(ref(w)))), false));
    List<Stmt> after = Negations.apply(before, Set.of(xAdj, tAdj), NONE);
    assertThat(after).hasSize(before.size() - 1);
    assertThat(negations(after)).isEqualTo(0);
    assertSameValues(before, after);
  }

  @Test
  void aNegatedCopyWhoseSourceChangesStays() {
    List<Stmt> before = List.of(
        new Stmt.Assign(adj2, neg(ref(adj)), true, null),
        new Stmt.Assign(adj, ref(w), false, null),
        new Stmt.Accumulate(ref(tAdj), ref(adj2), false));
    List<Stmt> after = Negations.apply(before, Set.of(tAdj), NONE);
    assertThat(after.get(0)).isEqualTo(before.get(0));
    assertSameValues(before, after);
  }

  @Test
  void aNegatedLeftOperandIsNotMovedPastACall() {
    Expr call = new Expr.Call(null, null, List.of(), IrType.DOUBLE, null);
    Stmt s = new Stmt.Assign(tAdj, op(BinaryOp.PLUS, neg(ref(w)), call), false, null);
    assertThat(Negations.apply(List.of(s), Set.of(tAdj), NONE)).containsExactly(s);
  }

  private static int negations(List<Stmt> code) {
    int[] n = {0};
    for (Stmt s : code) {
      IrWalk.statements(s, inner -> IrWalk.ownExpressions(inner, e -> IrWalk.expressions(e,
          x -> n[0] += x instanceof Expr.Unary u && u.op() == UnaryOp.NEGATE ? 1 : 0)));
    }
    return n[0];
  }

  private void assertSameValues(List<Stmt> before, List<Stmt> after) {
    Random random = new Random(15);
    double[] specials = {0.0, -0.0, 1.0, -1.5};
    for (int trial = 0; trial < 40; trial++) {
      Map<Variable, Object> start = new HashMap<>();
      for (Variable v : List.of(x, xAdj)) {
        double[] values = new double[3];
        for (int k = 0; k < values.length; k++) {
          values[k] = trial % 4 == 0 ? specials[(k + trial) % 4] : random.nextGaussian();
        }
        start.put(v, values);
      }
      for (Variable v : List.of(w, adj, tAdj)) {
        start.put(v, trial % 4 == 1 ? specials[trial % 3] : random.nextGaussian());
      }
      start.put(i, trial % 3);
      Map<Variable, Object> expected = ArrayEvaluator.run(before, start);
      Map<Variable, Object> actual = ArrayEvaluator.run(after, start);
      assertThat((double[]) actual.get(xAdj)).isEqualTo((double[]) expected.get(xAdj));
      for (Variable v : List.of(w, adj, tAdj)) {
        assertThat(Double.doubleToRawLongBits((Double) actual.get(v)))
            .isEqualTo(Double.doubleToRawLongBits((Double) expected.get(v)));
      }
    }
  }
}
