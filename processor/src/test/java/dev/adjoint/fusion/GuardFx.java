package dev.adjoint.fusion;

import dev.adjoint.Activations;
import dev.adjoint.Differentiable;

/**
 * Fused sums over examples of ReLU units, whose reverse loops over a unit's weights are skipped
 * when the unit did not fire ({@code cleanup.ZeroAdjointGuard}), for {@link GuardTest}: the
 * counter those loops set is read again after them, in the iteration or after the sum, which
 * the skip must not disturb. {@code FusedGuardSourceTest} pins the guards.
 */
final class GuardFx {
  private GuardFx() {}

  /** The inner counter read after its loop, in the same iteration: {@code x[i - 1]}. */
  @Differentiable(wrt = {"w", "v"})
  static double counterReadInTheIteration(double[][] xs, double[][] w, double[] v) {
    double[] h = new double[w.length];
    double loss = 0;
    int i = 0;
    for (int n = 0; n < xs.length; n++) {
      for (int j = 0; j < w.length; j++) {
        double z = 0;
        for (i = 0; i < xs[n].length; i++) {
          z += w[j][i] * xs[n][i];
        }
        h[j] = Activations.relu(z) * xs[n][i - 1];
      }
      double out = 0;
      for (int j = 0; j < h.length; j++) {
        out += v[j] * h[j];
      }
      loss += Math.tanh(out);
    }
    return loss / xs.length;
  }

  /** The inner counter read after the sum: the loss divided by the last example's length. */
  @Differentiable(wrt = {"w", "v"})
  static double counterReadAfterTheSum(double[][] xs, double[][] w, double[] v) {
    double[] h = new double[w.length];
    double loss = 0;
    int i = 0;
    for (int n = 0; n < xs.length; n++) {
      for (int j = 0; j < w.length; j++) {
        double z = 0;
        for (i = 0; i < xs[n].length; i++) {
          z += w[j][i] * xs[n][i];
        }
        h[j] = Activations.relu(z);
      }
      double out = 0;
      for (int j = 0; j < h.length; j++) {
        out += v[j] * h[j];
      }
      loss += out * out;
    }
    return loss / (xs.length * i);
  }
}
