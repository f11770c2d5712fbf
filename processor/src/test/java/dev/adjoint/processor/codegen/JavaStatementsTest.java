package dev.adjoint.processor.codegen;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.palantir.javapoet.ClassName;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Label;
import dev.adjoint.processor.ir.NameTable;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one printer prints the adjoint IR's structure as the Java the sweeps always had. */
class JavaStatementsTest {
  private final Variable tape = new Variable("tape", IrType.TAPE, Variable.Origin.RECORD, null);
  private final Variable trips = new Variable("trips", IrType.INT, Variable.Origin.RECORD, null);
  private final Variable z = new Variable("z", IrType.DOUBLE, Variable.Origin.LOCAL, null);
  private final Variable n = new Variable("n", IrType.LONG, Variable.Origin.LOCAL, null);
  private final Variable it = new Variable("iteration", IrType.INT, Variable.Origin.SCRATCH, null);
  private final Label body = Label.synthetic("body");
  private final NameTable names = new NameTable(Map.of(z, "z", n, "n"))
      .withLabels(Map.of(body, "body"));
  private final JavaStatements printer = new JavaStatements(
      JavaExpressions.plain(names, owner -> ClassName.get("p", "QGrad")), names);

  private static Stmt.Block block(Stmt... stmts) {
    return new Stmt.Block(null, List.of(stmts), null);
  }

  private String print(Stmt... stmts) {
    return printer.print(List.of(stmts)).toString();
  }

  @Test
  void pushesByType() {
    assertThat(print(new Stmt.Push(new Expr.VarRef(tape), new Expr.VarRef(z)),
        new Stmt.Push(new Expr.VarRef(tape), new Expr.VarRef(n)),
        new Stmt.Push(new Expr.VarRef(tape), Expr.Literal.ofBoolean(true))))
        .isEqualTo("tape.pushDouble(z);\ntape.pushInt((int) n);\n"
            + "tape.pushInt((int) (n >>> 32));\ntape.pushBoolean(true);\n");
  }

  @Test
  void aReverseLoopOverATripCount() {
    Stmt loop = new Stmt.IndexLoop(null, it, new Expr.VarRef(trips), Expr.Literal.ofInt(0), true,
        block(new Stmt.Assign(z, new Expr.Intrinsic(Expr.Intrinsic.Op.POP,
            List.of(new Expr.VarRef(tape)), IrType.DOUBLE), false, null)));
    assertThat(print(loop)).isEqualTo("for (int iteration = trips; iteration > 0; iteration--) {\n"
        + "  z = tape.popDouble();\n}\n");
  }

  @Test
  void aCountedLoopWithALabelledBodyAndAnIncrement() {
    Stmt loop = new Stmt.Loop(null, new Expr.Binary(BinaryOp.LESS, new Expr.VarRef(z),
        Expr.Literal.ofDouble(1.0), IrType.BOOLEAN, null), block(new Stmt.Increment(trips),
        new Stmt.Block(body, List.of(new Stmt.Break(body, null)), null)), List.of(), false,
        null, null);
    assertThat(print(loop)).isEqualTo("do {\n  trips++;\n  body: {\n    break body;\n  }\n"
        + "} while (z < 1.0);\n");
  }

  @Test
  void whatHasNoJavaFormIsALoudFailure() {
    assertThrows(IllegalStateException.class, () -> print(new Stmt.Return(null)));
    Stmt withUpdate = new Stmt.Loop(null, null, block(), List.of(new Stmt.Increment(trips)),
        true, null, null);
    assertThrows(IllegalStateException.class, () -> print(withUpdate));
  }
}
