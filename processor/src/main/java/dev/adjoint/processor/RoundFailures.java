package dev.adjoint.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;

/**
 * The guard around a whole round: a failure of Adjoint outside the per-method guards (in
 * validation, scheduling, deferral or class assembly) is reported as an internal error on the
 * element the round was working on, the method or the class, or on none when it was working on
 * no single one; never as a javac crash. The stages say where they are with {@link #at}.
 */
final class RoundFailures {
  /** The method or class being worked on, or null between them. */
  private Element current;

  /** Records that the round now works on {@code element} (null: on no single element). */
  void at(Element element) {
    current = element;
  }

  /** Runs {@code round}, reporting what it throws through {@code messager}. */
  void guard(Messager messager, Runnable round) {
    try {
      round.run();
    } catch (RuntimeException | Error e) {
      InternalFailures.roundFailed(messager, current, e);
    }
  }
}
