package dev.adjoint.processor.transform;

import com.palantir.javapoet.CodeBlock;
import dev.adjoint.processor.codegen.JavaExpressions;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.NameTable;
import dev.adjoint.processor.ir.Variable;
import java.util.List;

/**
 * Where the forward sweep keeps one value for the reverse sweep: a local of its own where the
 * code runs at most once per call, the tape inside loops.
 */
final class Slot {
  private final Variable local;
  private final String tape;

  private Slot(Variable local, String tape) {
    this.local = local;
    this.tape = tape;
  }

  static Slot local(Variable local) {
    return new Slot(local, null);
  }

  /** A tape slot; {@code local} names the value once the reverse sweep has popped it. */
  static Slot onTape(Variable local, String tape) {
    return new Slot(local, tape);
  }

  boolean onTape() {
    return tape != null;
  }

  Variable local() {
    return local;
  }

  IrType type() {
    return local.type();
  }

  CodeBlock write(CodeBlock value) {
    if (tape == null) {
      return CodeBlock.of("$N = $L;\n", NameTable.introduced(local), value);
    }
    return push(tape, local.type(), value);
  }

  /** An expression for the recorded value; on the tape it pops, so evaluate it once. */
  CodeBlock read() {
    return tape == null ? CodeBlock.of("$N", NameTable.introduced(local)) : pop(tape, local.type());
  }

  static boolean canTape(IrType type) {
    return type.isPrimitive();
  }

  static CodeBlock push(String tape, IrType type, CodeBlock value) {
    return switch (type.kind()) {
      case DOUBLE, FLOAT -> CodeBlock.of("$N.pushDouble($L);\n", tape, value);
      case BOOLEAN -> CodeBlock.of("$N.pushBoolean($L);\n", tape, value);
      case LONG -> CodeBlock.of("$N.pushInt((int) $L);\n$N.pushInt((int) ($L >>> 32));\n", tape,
          value, tape, value);
      default -> CodeBlock.of("$N.pushInt($L);\n", tape, value);
    };
  }

  static CodeBlock pop(String tape, IrType type) {
    return JavaExpressions.pop(CodeBlock.of("$N", tape), type);
  }

  /** The recorded value as adjoint IR: the local, or a pop off the tape (evaluate it once). */
  Expr value() {
    if (tape == null) {
      return new Expr.VarRef(local);
    }
    Variable tapeVariable = new Variable(tape, IrType.TAPE, Variable.Origin.RECORD, null);
    return new Expr.Intrinsic(Expr.Intrinsic.Op.POP, List.of(new Expr.VarRef(tapeVariable)),
        local.type());
  }
}
