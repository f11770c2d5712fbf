package dev.adjoint.processor;

import dev.adjoint.processor.diag.Diagnostics;
import dev.adjoint.processor.diag.Problem;
import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * How a failure of Adjoint itself (an exception, an assertion, a stack overflow in one of its
 * passes) is reported: as an error on the method (or, outside the per-method guards, on the
 * class or on none: {@link RoundFailures}), with the first frames of its stack trace, never as a
 * javac crash.
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
   * Reports an internal failure of the round outside the per-method guards: on the method or
   * class it was working on, or on no element when it was working on no single one.
   */
  static void roundFailed(Messager messager, Element element, Throwable e) {
    if (element == null) {
      Diagnostics.error(messager, Problem.INTERNAL_ERROR,
          message("process this round", "the sources of this compilation", e));
      return;
    }
    String kind = element instanceof TypeElement ? "class" : "method";
    messager.printMessage(Diagnostic.Kind.ERROR, Problem.INTERNAL_ERROR.format(message(
        "process the " + kind + " '" + element.getSimpleName() + "'",
        "this " + kind + "'s source", e)), element);
  }

  private static void report(Diagnostics diagnostics, ExecutableElement method, String what,
      Throwable e) {
    diagnostics.error(method, Problem.INTERNAL_ERROR, message(what, "this method's source", e));
  }

  /**
   * One shape for every internal failure: what Adjoint could not do, the exception, and (the
   * message detail) the first frames of its stack trace, so that a report can name the pass.
   */
  private static String message(String what, String source, Throwable e) {
    return "Adjoint could not " + what + " because of an internal error (" + e + "); please"
        + " report it with " + source + "\n" + stackTrace(e);
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
