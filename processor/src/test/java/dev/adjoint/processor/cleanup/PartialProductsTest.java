package dev.adjoint.processor.cleanup;

import static com.google.common.truth.Truth.assertThat;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link PartialProducts} on hand-built IR: an adjoint product read once later is evaluated
 * there (or the partial it meets joins it), and only where the values are the same.
 */
class PartialProductsTest {
  private final Variable p = local("p");
  private final Variable q = local("q");
  private final Variable v = adjoint("v");
  private final Variable u = adjoint("u");
  private final Variable w = adjoint("w");
  private final Set<Variable> liveOut = Set.of(v, w);

  private static Variable local(String name) {
    return new Variable(name, IrType.DOUBLE, Variable.Origin.LOCAL, null);
  }

  private static Variable adjoint(String name) {
    return new Variable(name, IrType.DOUBLE, Variable.Origin.ADJOINT, null);
  }

  private static Expr ref(Variable x) {
    return new Expr.VarRef(x, null);
  }

  private static Expr times(Expr a, Expr b) {
    return new Expr.Binary(BinaryOp.TIMES, a, b, IrType.DOUBLE, null);
  }

  private static Stmt assign(Variable target, Expr value) {
    return new Stmt.Assign(target, value, false, null);
  }

  private List<Stmt> apply(Stmt... code) {
    return PartialProducts.apply(List.of(code), liveOut, c -> false);
  }

  @Test
  void theProductMovesToItsReadAndThePartialsMultiplyFirst() {
    List<Stmt> out = apply(assign(u, times(ref(v), ref(p))), assign(q, ref(p)),
        assign(w, times(ref(u), ref(q))));
    assertThat(out).containsExactly(assign(q, ref(p)),
        assign(w, times(ref(v), times(ref(p), ref(q))))).inOrder();
  }

  @Test
  void anAdjointAssignedInBetweenPullsThePartialBack() {
    List<Stmt> out = apply(assign(u, times(ref(v), ref(p))), assign(v, Expr.Literal.ofDouble(0.0)),
        assign(w, times(ref(u), ref(q))));
    assertThat(out).containsExactly(assign(u, times(ref(v), times(ref(p), ref(q)))),
        assign(v, Expr.Literal.ofDouble(0.0)), assign(w, ref(u))).inOrder();
  }

  @Test
  void noSafePlaceKeepsTheChain() {
    // v changes before the read, and so does q, the partial it meets there
    List<Stmt> code = List.of(assign(u, times(ref(v), ref(p))),
        assign(v, Expr.Literal.ofDouble(0.0)), assign(q, Expr.Literal.ofDouble(2.0)),
        assign(w, times(ref(u), ref(q))));
    assertThat(PartialProducts.apply(code, liveOut, c -> false)).isEqualTo(code);
  }

  @Test
  void anAdjointReadTwiceKeepsItsChain() {
    List<Stmt> code = List.of(assign(u, times(ref(v), ref(p))), assign(w, times(ref(u), ref(q))),
        new Stmt.Accumulate(ref(v), ref(u), false, null));
    assertThat(PartialProducts.apply(code, liveOut, c -> false)).isEqualTo(code);
  }

  @Test
  void anAdjointReadAfterTheCodeKeepsItsChain() {
    List<Stmt> code = List.of(assign(u, times(ref(v), ref(p))), assign(w, times(ref(u), ref(q))));
    assertThat(PartialProducts.apply(code, Set.of(u, v, w), c -> false)).isEqualTo(code);
  }

  @Test
  void aQuotientIsLeftAlone() {
    List<Stmt> code = List.of(
        assign(u, new Expr.Binary(BinaryOp.DIVIDE, ref(v), ref(p), IrType.DOUBLE, null)),
        assign(w, times(ref(u), ref(q))));
    assertThat(PartialProducts.apply(code, liveOut, c -> false)).isEqualTo(code);
  }

  @Test
  void aJumpInBetweenKeepsTheChain() {
    Stmt jump = new Stmt.If(ref(p), new Stmt.Block(null, List.of(new Stmt.Return(null)), null),
        new Stmt.Block(null, List.of(), null), null);
    List<Stmt> code = List.of(assign(u, times(ref(v), ref(p))), jump,
        assign(w, times(ref(u), ref(q))));
    assertThat(PartialProducts.apply(code, liveOut, c -> false)).isEqualTo(code);
  }

  @Test
  void aNegatedProductCarriesItsSign() {
    Expr negated = new Expr.Unary(dev.adjoint.processor.ir.UnaryOp.NEGATE,
        times(ref(v), ref(p)), IrType.DOUBLE, null);
    List<Stmt> out = apply(assign(u, negated), assign(w, times(ref(u), ref(q))));
    assertThat(out).containsExactly(assign(w, new Expr.Unary(
        dev.adjoint.processor.ir.UnaryOp.NEGATE, times(ref(v), times(ref(p), ref(q))),
        IrType.DOUBLE, null)));
  }
}
