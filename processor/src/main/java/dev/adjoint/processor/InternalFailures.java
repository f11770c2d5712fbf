package dev.adjoint.processor;

import dev.adjoint.processor.diag.Diagnostics;
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
    diagnostics.error(method, "'" + method.getSimpleName() + "' is nested too deeply for"
        + " Adjoint to differentiate (its stack overflowed); move inner expressions or"
        + " statements into local variables or helper methods");
  }

  /** Reports an internal failure while differentiating {@code method}. */
  static void differentiationFailed(Diagnostics diagnostics, ExecutableElement method,
      Throwable e) {
    diagnostics.error(method, "Adjoint could not differentiate '" + method.getSimpleName()
        + "' because of an internal error (" + e + "); please report it with this method's"
        + " source\n" + stackTrace(e));
  }

  /** Reports an internal failure while copying the private method {@code method}. */
  static void copyFailed(Diagnostics diagnostics, ExecutableElement method, Throwable e) {
    diagnostics.error(method, "Adjoint could not copy the private method '"
        + method.getSimpleName() + "' because of an internal error (" + e + "); please"
        + " report it with this method's source");
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
