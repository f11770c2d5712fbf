package dev.adjoint.loops;

import dev.adjoint.Checkpointed;
import dev.adjoint.Differentiable;

/** The same long recurrences, plain and checkpointed. */
final class CheckpointFixtures {
  private CheckpointFixtures() {}

  @Differentiable
  static double recurrence(double a, double b, int n) {
    double x = 0.5;
    for (int i = 0; i < n; i++) {
      x = Math.sin(x) * a + b;
    }
    return x;
  }

  @Differentiable
  @Checkpointed(every = 100)
  static double checkpointedRecurrence(double a, double b, int n) {
    double x = 0.5;
    for (int i = 0; i < n; i++) {
      x = Math.sin(x) * a + b;
    }
    return x;
  }

  /** Branches, an inner loop, a counter in the arithmetic and an early break. */
  @Differentiable
  @Checkpointed(every = 7)
  static double checkpointedMixed(double a, int n) {
    double s = a;
    double t = 1;
    int i = 0;
    while (i < n) {
      if (i % 3 == 0) {
        s = Math.sin(s) + a * i;
      } else {
        s = s * t;
      }
      for (int j = 0; j < 2; j++) {
        t = t * 0.9 + Math.cos(s) * 0.01;
      }
      if (s > 1e6) {
        break;
      }
      i++;
    }
    return s + t;
  }

  @Differentiable
  static double mixed(double a, int n) {
    double s = a;
    double t = 1;
    int i = 0;
    while (i < n) {
      if (i % 3 == 0) {
        s = Math.sin(s) + a * i;
      } else {
        s = s * t;
      }
      for (int j = 0; j < 2; j++) {
        t = t * 0.9 + Math.cos(s) * 0.01;
      }
      if (s > 1e6) {
        break;
      }
      i++;
    }
    return s + t;
  }

  /** The loop reads c only in a condition; c changes after the loop; the replay needs the old c. */
  @Differentiable
  @Checkpointed(every = 3)
  static double checkpointedReadsAVariableChangedAfterTheLoop(double a, int n) {
    double c = 0.5;
    double s = a;
    for (int i = 0; i < n; i++) {
      if (i * 0.1 > c) {
        s = s * a;
      } else {
        s = s + a;
      }
    }
    c = 100;
    return s + c;
  }

  @Differentiable
  static double readsAVariableChangedAfterTheLoop(double a, int n) {
    double c = 0.5;
    double s = a;
    for (int i = 0; i < n; i++) {
      if (i * 0.1 > c) {
        s = s * a;
      } else {
        s = s + a;
      }
    }
    c = 100;
    return s + c;
  }
}
