package dev.adjoint.processor;

import dev.adjoint.processor.diag.Diagnostics;
import dev.adjoint.processor.diag.Problem;
import javax.lang.model.element.ExecutableElement;

/**
 * How a failure of Adjoint itself (an exception, an assertion, a stack overflow in one of its
 * passes) is reported: as an error on the method, with the first frames of its stack trace, never
 * as a javac crash.
 */
final class InternalFailures {
  private InternalFailures() {}

  /** Reports a method nested too deeply for the processor's recursive passes. */
  static void tooDeep(Diagnostics diagnostics, ExecutableElement method) {
    diagnostics.error(method, Problem.TOO_DEEP,
        "'" + method.getSimpleName() + "' is nested too deeply for"
        + " Adjoint to differentiate (its stack overflowed); move inner expressions or"
        + " statements into local variables or helper methods");
  }

  /** Reports an internal failure while differentiating {@code method}. */
  static void differentiationFailed(Diagnostics diagnostics, ExecutableElement method,
      Throwable e) {
    report(diagnostics, method, "differentiate '" + method.getSimpleName() + "'", e);
  }

  /** Reports an internal failure while generating the forward modes of {@code method}. */
  static void forwardModeFailed(Diagnostics diagnostics, ExecutableElement method,
      Throwable e) {
    report(diagnostics, method, "generate the forward mode of '" + method.getSimpleName() + "'",
        e);
  }

  /** Reports an internal failure while copying the private method {@code method}. */
  static void copyFailed(Diagnostics diagnostics, ExecutableElement method, Throwable e) {
    report(diagnostics, method, "copy the private method '" + method.getSimpleName() + "'", e);
  }

  /**
   * One shape for every internal failure: what Adjoint could not do, the exception, and (the
   * message detail) the first frames of its stack trace, so that a report can name the pass.
   */
  private static void report(Diagnostics diagnostics, ExecutableElement method, String what,
      Throwable e) {
    diagnostics.error(method, Problem.INTERNAL_ERROR, "Adjoint could not " + what
        + " because of an internal error (" + e + "); please report it with this method's"
        + " source\n" + stackTrace(e));
  }

  /** The first frames of an internal failure, for the report. */
  static String stackTrace(Throwable e) {
    StringBuilder sb = new StringBuilder();
    StackTraceElement[] frames = e.getStackTrace();
    for (int i = 0; i < Math.min(frames.length, 12); i++) {
      sb.append("\tat ").append(frames[i]).append('\n');
    }
    if (frames.length > 12) {
      sb.append("\t... ").append(frames.length - 12).append(" more\n");
    }
    return sb.toString();
  }
}
