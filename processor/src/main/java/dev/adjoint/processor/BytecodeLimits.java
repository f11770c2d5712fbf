package dev.adjoint.processor;

import dev.adjoint.processor.codegen.BytecodeSize;
import dev.adjoint.processor.diag.Diagnostics;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.ir.Stmt;
import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * The size checks: a generated method must stay within the JVM's limit on a method's bytecode,
 * which is estimated from the IR before anything is printed.
 */
final class BytecodeLimits {
  private BytecodeLimits() {}

  /**
   * Limits that keep generated methods within javac's 64 KB limit on a method's bytecode, as
   * {@link dev.adjoint.processor.codegen.BytecodeSize} estimates it from the adjoint IR.
   * Calibrated on straight-line methods of Math calls (HugeInputTest, HugeMain): gradients
   * estimated at 57,500 bytes (680 statements) compile and 58,300 (690) do not; graph traces of
   * 68,000 compile and 68,900 do not. The margins are 4% and 6%.
   */
  static final long GRADIENT_BYTECODE_LIMIT = 55_000;

  private static final long GRAPH_BYTECODE_LIMIT = 64_000;

  /** Whether {@code method}'s gradient {@code stmts} is too large, reported as an error. */
  static boolean gradientTooLarge(Diagnostics diagnostics, ExecutableElement method,
      List<Stmt> stmts) {
    if (bytecode(stmts) <= GRADIENT_BYTECODE_LIMIT) {
      return false;
    }
    diagnostics.error(method, Problem.TOO_LARGE, "'" + method.getSimpleName() + "' is too large to"
        + " differentiate as one method: its gradient would exceed the JVM's 64 KB limit on"
        + " the bytecode of a method; split it into smaller methods, which Adjoint"
        + " differentiates one by one and calls through their adjoints");
    return true;
  }

  /** Whether a graph trace of {@code stmts} fits in one method. */
  static boolean graphFits(List<Stmt> stmts) {
    return bytecode(stmts) <= GRAPH_BYTECODE_LIMIT;
  }

  /** The estimated bytecode of {@code stmts}, counted on the IR before it is printed. */
  private static long bytecode(List<Stmt> stmts) {
    return BytecodeSize.of(stmts);
  }
}
