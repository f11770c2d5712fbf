package dev.adjoint.loops;

import dev.adjoint.Differentiable;

/**
 * Counted loops whose double records go into one block of the tape ({@code TapeBlocks}),
 * checked by {@link TapeBlocksTest}.
 */
final class BlockFixtures {
  private BlockFixtures() {}

  /** The bench's sin recurrence: two doubles per step (the old sin and the old x). */
  @Differentiable
  static double recurrence(double x0, double a, double b, int steps) {
    double x = x0;
    for (int t = 0; t < steps; t++) {
      x = Math.sin(x) * a + b;
    }
    return x;
  }

  /** An inner loop whose trip count depends on the outer counter: a block per outer step. */
  @Differentiable(wrt = "w")
  static double triangle(double[] w, double s0) {
    double s = s0;
    for (int i = 0; i < w.length; i++) {
      for (int j = i + 1; j < w.length; j++) {
        s = Math.sin(s) * w[j] + w[i];
      }
    }
    return s;
  }

  /** A recurrence of m steps, called from {@link #outer}'s loop. */
  @Differentiable
  static double inner(double s, int m) {
    for (int j = 0; j < m; j++) {
      s = Math.sin(s) + 0.5;
    }
    return s;
  }

  /**
   * One double per outer step, whose reverse calls {@link #inner}'s adjoint on the same tape:
   * that adjoint reserves and releases its own block above the outer one, growing the tape.
   */
  @Differentiable(wrt = "a")
  static double outer(double a, int n, int m) {
    double s = a;
    for (int i = 0; i < n; i++) {
      s = inner(s, m) * a;
    }
    return s;
  }
}
