package dev.adjoint.processor.frontend;

import dev.adjoint.processor.ir.Label;
import java.util.ArrayDeque;
import java.util.Deque;

/** The statements a {@code break} or {@code continue} can reach, innermost first. */
final class JumpTargets {

  enum Kind { LOOP, SWITCH, BLOCK }

  private record Target(Kind kind, Label label, String userLabel) {}

  private final Deque<Target> targets = new ArrayDeque<>();

  void push(Kind kind, Label label, String userLabel) {
    targets.push(new Target(kind, label, userLabel));
  }

  void pop() {
    targets.pop();
  }

  /** The target of {@code break} (userLabel null) or {@code break userLabel}. */
  Label breakTarget(String userLabel) {
    for (Target t : targets) {
      if (userLabel == null ? t.kind != Kind.BLOCK : userLabel.equals(t.userLabel)) {
        return t.label;
      }
    }
    return null;
  }

  /** The loop of {@code continue} (userLabel null) or {@code continue userLabel}. */
  Label continueTarget(String userLabel) {
    for (Target t : targets) {
      if (t.kind == Kind.LOOP && (userLabel == null || userLabel.equals(t.userLabel))) {
        return t.label;
      }
    }
    return null;
  }
}
