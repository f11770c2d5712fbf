package dev.adjoint.processor.cleanup;

import static com.google.common.truth.Truth.assertThat;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The clean-up passes shorten adjoint IR without changing a value: each test runs the code
 * before and after on random inputs, with a small evaluator of scalar IR, and compares what is
 * read afterwards.
 */
class AdjointCleanupTest {
  private static Variable primal(String name) {
    return new Variable(name, IrType.DOUBLE, Variable.Origin.LOCAL, null);
  }

  private static Variable adjoint(String name) {
    return new Variable(name, IrType.DOUBLE, Variable.Origin.ADJOINT, null);
  }

  private static Variable scratch(String name) {
    return new Variable(name, IrType.DOUBLE, Variable.Origin.SCRATCH, null);
  }

  private static Expr ref(Variable v) {
    return new Expr.VarRef(v);
  }

  private static Expr times(Expr a, Expr b) {
    return new Expr.Binary(BinaryOp.TIMES, a, b);
  }

  private static Expr lit(double d) {
    return Expr.Literal.ofDouble(d);
  }

  private static Stmt declare(Variable v, Expr e) {
    return new Stmt.Assign(v, e, true, null);
  }

  private static Stmt assign(Variable v, Expr e) {
    return new Stmt.Assign(v, e, false, null);
  }

  private static Stmt add(Variable v, Expr e) {
    return new Stmt.Accumulate(ref(v), e, false);
  }

  private final Variable d = primal("d");
  private final Variable x = primal("x");
  private final Variable valueAdj = adjoint("valueAdj");
  private final Variable wAdj = adjoint("wAdj");
  private final Variable bAdj = adjoint("bAdj");
  private final Variable cAdj = adjoint("cAdj");
  private final Variable aAdj = adjoint("aAdj");
  private final Variable dAdj = adjoint("dAdj");
  private final Variable t = scratch("t");

  /** The reverse sweep of the seed's linearUnit, as the transformation builds it. */
  private List<Stmt> linearUnit() {
    return List.of(declare(wAdj, lit(0.0)), declare(bAdj, lit(0.0)), declare(cAdj, lit(0.0)),
        declare(aAdj, lit(0.0)), declare(dAdj, lit(0.0)),
        new Stmt.Comment("return 0.5 * d * d", null),
        add(dAdj, times(times(ref(valueAdj), ref(d)), lit(0.5))),
        declare(t, times(lit(0.5), ref(d))),
        add(dAdj, times(ref(valueAdj), ref(t))),
        new Stmt.Comment("double d = a - y", null),
        add(aAdj, ref(dAdj)),
        new Stmt.Comment("double a = c + b", null),
        add(cAdj, ref(aAdj)), add(bAdj, ref(aAdj)),
        new Stmt.Comment("double c = w * x", null),
        add(wAdj, times(ref(cAdj), ref(x))));
  }

  @Test
  void theSeedsLinearUnitShrinksToThreeAssignmentsAndKeepsItsValues() {
    List<Stmt> before = linearUnit();
    Set<Variable> liveOut = Set.of(wAdj, bAdj, valueAdj);
    List<Stmt> after = AdjointCleanup.apply(before, liveOut);
    // dAdj's two contributions are one assignment (AssignThenAccumulate)
    assertThat(after.stream().filter(s -> !(s instanceof Stmt.Comment)).count()).isEqualTo(3);
    assertSameValues(before, after, List.of(wAdj, bAdj), List.of(d, x, valueAdj));
  }

  @Test
  void aTemporaryWhoseValuePopsTheTapeStays() {
    Variable tape = new Variable("tape", IrType.TAPE, Variable.Origin.RECORD, null);
    Expr pop = new Expr.Intrinsic(Expr.Intrinsic.Op.POP, List.of(ref(tape)), IrType.DOUBLE);
    List<Stmt> code = List.of(declare(t, pop), add(wAdj, times(ref(t), ref(x))));
    assertThat(AdjointCleanup.apply(code, Set.of(wAdj))).isEqualTo(code);
  }

  @Test
  void aCopyIsNotPropagatedPastAnAssignmentOfItsSource() {
    List<Stmt> code = List.of(declare(aAdj, ref(dAdj)), assign(dAdj, lit(2.0)),
        add(wAdj, ref(aAdj)));
    List<Stmt> after = AdjointCleanup.apply(code, Set.of(wAdj, dAdj));
    assertThat(after).hasSize(3);
    assertSameValues(code, after, List.of(wAdj), List.of(dAdj, wAdj));
  }

  @Test
  void deadStoresGoOnlyAtTheOutermostLevelAndNeverForVariablesReadAfterwards() {
    Stmt nested = assign(cAdj, lit(0.0));
    Stmt branch = new Stmt.If(new Expr.Literal(IrType.BOOLEAN, "true", null),
        new Stmt.Block(null, List.of(add(wAdj, ref(cAdj)), nested), null),
        new Stmt.Block(null, List.of(), null), null);
    List<Stmt> code = List.of(branch, assign(cAdj, lit(0.0)), assign(wAdj, lit(1.0)));
    List<Stmt> after = AdjointCleanup.apply(code, Set.of(wAdj));
    assertThat(after).hasSize(2);
    assertThat(((Stmt.If) after.get(0)).thenPart().stmts()).hasSize(2);
    assertThat(after.get(1)).isEqualTo(assign(wAdj, lit(1.0)));
  }

  @Test
  void aSingleUseTemporaryMovesOnlyIntoTheNextStatement() {
    List<Stmt> code = List.of(declare(t, times(ref(d), ref(x))), add(aAdj, ref(d)),
        add(wAdj, times(ref(valueAdj), ref(t))));
    assertThat(AdjointCleanup.apply(code, Set.of(wAdj, aAdj))).isEqualTo(code);
    List<Stmt> adjacent = List.of(declare(t, times(ref(d), ref(x))),
        add(wAdj, times(ref(valueAdj), ref(t))));
    List<Stmt> after = AdjointCleanup.apply(adjacent, Set.of(wAdj));
    assertThat(after).hasSize(1);
    assertSameValues(adjacent, after, List.of(wAdj), List.of(d, x, valueAdj, wAdj));
  }

  /** Runs both on 20 random inputs; {@code outputs} must agree bit for bit. */
  private static void assertSameValues(List<Stmt> before, List<Stmt> after,
      List<Variable> outputs, List<Variable> inputs) {
    Random random = new Random(12);
    for (int trial = 0; trial < 20; trial++) {
      Map<Variable, Double> start = new HashMap<>();
      for (Variable v : inputs) {
        start.put(v, random.nextGaussian());
      }
      Map<Variable, Double> expected = Evaluator.run(before, start);
      Map<Variable, Double> actual = Evaluator.run(after, start);
      for (Variable v : outputs) {
        assertThat(actual.get(v)).isEqualTo(expected.get(v));
      }
    }
  }

  /** Evaluates straight-line scalar IR with branches: enough for these tests. */
  private static final class Evaluator {
    private final Map<Variable, Double> values;

    private Evaluator(Map<Variable, Double> values) {
      this.values = values;
    }

    static Map<Variable, Double> run(List<Stmt> code, Map<Variable, Double> inputs) {
      Evaluator e = new Evaluator(new HashMap<>(inputs));
      code.forEach(e::exec);
      return e.values;
    }

    private void exec(Stmt s) {
      if (s instanceof Stmt.Assign a) {
        values.put(a.target(), eval(a.value()));
      } else if (s instanceof Stmt.Accumulate a) {
        Variable v = ((Expr.VarRef) a.target()).variable();
        values.put(v, value(v) + eval(a.value()));
      } else if (s instanceof Stmt.If i) {
        boolean taken = Boolean.parseBoolean(((Expr.Literal) i.condition()).text());
        (taken ? i.thenPart() : i.elsePart()).stmts().forEach(this::exec);
      } else if (!(s instanceof Stmt.Comment)) {
        throw new IllegalArgumentException("not evaluated here: " + s);
      }
    }

    private double value(Variable v) {
      Double d = values.get(v);
      if (d == null) {
        throw new IllegalStateException(v + " read before it is assigned");
      }
      return d;
    }

    private double eval(Expr e) {
      if (e instanceof Expr.Literal l) {
        return Double.parseDouble(l.text());
      }
      if (e instanceof Expr.VarRef r) {
        return value(r.variable());
      }
      Expr.Binary b = (Expr.Binary) e;
      double left = eval(b.left());
      double right = eval(b.right());
      return switch (b.op()) {
        case PLUS -> left + right;
        case MINUS -> left - right;
        case TIMES -> left * right;
        case DIVIDE -> left / right;
        default -> throw new IllegalArgumentException("not evaluated here: " + e);
      };
    }
  }
}
