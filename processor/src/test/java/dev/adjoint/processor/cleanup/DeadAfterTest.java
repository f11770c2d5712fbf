package dev.adjoint.processor.cleanup;

import static com.google.common.truth.Truth.assertThat;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Label;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The liveness of one {@code int} counter where a statement (the marked loop) completes, in the
 * shapes the reverse sweeps have: straight code, branches, index loops and the while loops of a
 * fused sum (whose forward part resets the counter), and jumps, answered "live".
 */
class DeadAfterTest {
  private final Variable i = variable("i", IrType.INT, Variable.Origin.LOCAL);
  private final Variable n = variable("n", IrType.INT, Variable.Origin.LOCAL);
  private final Variable s = variable("s", IrType.DOUBLE, Variable.Origin.LOCAL);
  private final Variable x = variable("x", IrType.DOUBLE_ARRAY, Variable.Origin.PARAMETER);
  private final Variable it = variable("it", IrType.INT, Variable.Origin.SCRATCH);

  /** The loop asked about: {@code for (it = 3; it > 0; it--) { i = it - 1; s += x[i]; }}. */
  private final Stmt marked = indexLoop(it, assign(i, minus(ref(it), 1)), readI());

  private static Variable variable(String name, IrType type, Variable.Origin origin) {
    return new Variable(name, type, origin, null);
  }

  private static Expr ref(Variable v) {
    return new Expr.VarRef(v);
  }

  private static Expr minus(Expr a, int b) {
    return new Expr.Binary(BinaryOp.MINUS, a, Expr.Literal.ofInt(b));
  }

  private static Stmt assign(Variable v, Expr value) {
    return new Stmt.Assign(v, value, false, null);
  }

  private static Stmt.Block block(Stmt... stmts) {
    return new Stmt.Block(null, List.of(stmts), null);
  }

  private static Stmt indexLoop(Variable index, Stmt... body) {
    return new Stmt.IndexLoop(null, index, Expr.Literal.ofInt(3), Expr.Literal.ofInt(0), true,
        block(body));
  }

  private Stmt whileLoop(Stmt... body) {
    Expr test = new Expr.Binary(BinaryOp.LESS, ref(n), Expr.Literal.ofInt(4), IrType.BOOLEAN,
        null);
    return new Stmt.Loop(null, test, block(body), List.of(), true, null, null);
  }

  /** {@code s += x[i]}: reads the counter. */
  private Stmt readI() {
    return new Stmt.Accumulate(ref(s), new Expr.ArrayRead(ref(x), ref(i), IrType.DOUBLE, null),
        false);
  }

  private Stmt resetI() {
    return assign(i, Expr.Literal.ofInt(0));
  }

  private Stmt branch(Stmt.Block then, Stmt.Block otherwise) {
    Expr test = new Expr.Binary(BinaryOp.LESS, ref(n), Expr.Literal.ofInt(2), IrType.BOOLEAN,
        null);
    return new Stmt.If(test, then, otherwise, null);
  }

  private boolean dead(Stmt... code) {
    return DeadAfter.at(List.of(code), marked, i, false);
  }

  @Test
  void straightCode() {
    assertThat(dead(marked)).isTrue();
    assertThat(DeadAfter.at(List.of(marked), marked, i, true)).isFalse();
    assertThat(dead(marked, readI())).isFalse();
    assertThat(dead(marked, resetI(), readI())).isTrue();
    assertThat(dead(marked, assign(i, minus(ref(i), 1)))).isFalse();
    assertThat(dead(marked, new Stmt.Increment(i))).isFalse();
    assertThat(dead(marked, new Stmt.Increment(n), resetI(), readI())).isTrue();
  }

  @Test
  void bothBranchesMustAssign() {
    assertThat(dead(marked, branch(block(resetI()), block()), readI())).isFalse();
    assertThat(dead(marked, branch(block(resetI()), block(resetI())), readI())).isTrue();
    assertThat(dead(marked, branch(block(readI()), block(resetI())))).isFalse();
    assertThat(dead(branch(block(marked), block()), resetI(), readI())).isTrue();
    assertThat(dead(branch(block(marked), block()), readI())).isFalse();
  }

  @Test
  void aLoopMayRunNoIterationSoItAssignsNothingForSure() {
    Variable other = variable("other", IrType.INT, Variable.Origin.SCRATCH);
    assertThat(dead(marked, indexLoop(other, resetI()), readI())).isFalse();
    assertThat(dead(marked, whileLoop(resetI()), readI())).isFalse();
    assertThat(dead(marked, indexLoop(other, resetI(), readI()))).isTrue();
  }

  @Test
  void theNextIterationOfAnEnclosingLoopCounts() {
    Variable outer = variable("outer", IrType.INT, Variable.Origin.SCRATCH);
    assertThat(dead(indexLoop(outer, resetI(), readI(), marked))).isTrue();
    assertThat(dead(indexLoop(outer, readI(), resetI(), marked))).isFalse();
    assertThat(dead(indexLoop(outer, resetI(), marked), readI())).isFalse();
    assertThat(dead(indexLoop(outer, marked, resetI()), readI())).isTrue();
  }

  /** The fused MLP: the forward part resets the counter, the reverse part's loop sets it. */
  @Test
  void theForwardPartOfAFusedBodyResetsTheCounter() {
    Stmt forwardInner = whileLoop(readI(), assign(i, new Expr.Binary(BinaryOp.PLUS, ref(i),
        Expr.Literal.ofInt(1))));
    Stmt fused = whileLoop(resetI(), forwardInner, marked, new Stmt.Increment(n));
    assertThat(dead(fused)).isTrue();
    assertThat(dead(fused, readI())).isFalse();
    assertThat(DeadAfter.at(List.of(fused), marked, i, true)).isFalse();
    Stmt resetAfterRead = whileLoop(forwardInner, resetI(), marked, new Stmt.Increment(n));
    assertThat(dead(resetAfterRead)).isFalse();
    Stmt readInTest = new Stmt.Loop(null, new Expr.Binary(BinaryOp.LESS, ref(i),
        Expr.Literal.ofInt(4), IrType.BOOLEAN, null), block(resetI(), marked), List.of(), true,
        null, null);
    assertThat(dead(readInTest)).isFalse();
    Stmt readInUpdate = new Stmt.Loop(null, null, block(marked), List.of(readI(), resetI()),
        true, null, null);
    assertThat(dead(readInUpdate)).isFalse();
    Stmt resetInUpdate = new Stmt.Loop(null, null, block(marked), List.of(resetI(), readI()),
        true, null, null);
    assertThat(dead(resetInUpdate)).isTrue();
  }

  @Test
  void jumpsAreTakenToRead() {
    Label label = Label.user("out");
    assertThat(dead(marked, new Stmt.Break(label, null), resetI())).isFalse();
    assertThat(dead(marked, new Stmt.Continue(null, null), resetI())).isFalse();
    assertThat(dead(marked, new Stmt.Return(null))).isFalse();
    assertThat(dead(marked, branch(block(new Stmt.Throw(ref(x), null)), block()), resetI()))
        .isFalse();
  }

  @Test
  void aLoopThatOccursTwiceIsNotAnswered() {
    assertThat(dead(marked, resetI(), marked, resetI())).isFalse();
  }
}
