package dev.adjoint.bench;

import java.util.Random;

/** Deterministic benchmark inputs. */
public final class Inputs {
  private Inputs() {}

  public static final int MLP_INPUTS = 64;
  public static final int MLP_HIDDEN = 128;
  public static final int MLP_OUTPUTS = 10;
  public static final int MLP_BATCH = 32;
  public static final int RECURRENCE_STEPS = 10_000;

  /** Rosenbrock's classic start point, (-1.2, 1) repeated, slightly perturbed. */
  public static double[] rosenbrockPoint(int p) {
    Random rnd = new Random(42);
    double[] x = new double[p];
    for (int i = 0; i < p; i += 2) {
      x[i] = -1.2 + 0.1 * rnd.nextGaussian();
      x[i + 1] = 1.0 + 0.1 * rnd.nextGaussian();
    }
    return x;
  }

  /** A mini-batch and He-initialised weights for {@link Workloads#mlp}. */
  public static final class Mlp {
    public final double[][] xs;
    public final int[] labels;
    public final double[][] w1;
    public final double[] b1;
    public final double[][] w2;
    public final double[] b2;

    public Mlp(int inputs, int hidden, int outputs, int batch, long seed) {
      Random rnd = new Random(seed);
      xs = gaussian(rnd, batch, inputs, 1.0);
      labels = new int[batch];
      for (int n = 0; n < batch; n++) {
        labels[n] = rnd.nextInt(outputs);
      }
      w1 = gaussian(rnd, hidden, inputs, Math.sqrt(2.0 / inputs));
      b1 = new double[hidden];
      for (int j = 0; j < hidden; j++) {
        b1[j] = 0.01 * rnd.nextGaussian();
      }
      w2 = gaussian(rnd, outputs, hidden, Math.sqrt(2.0 / hidden));
      b2 = new double[outputs];
      for (int k = 0; k < outputs; k++) {
        b2[k] = 0.01 * rnd.nextGaussian();
      }
    }

    public Mlp() {
      this(MLP_INPUTS, MLP_HIDDEN, MLP_OUTPUTS, MLP_BATCH, 7);
    }

    public int parameterCount() {
      return w1.length * w1[0].length + b1.length + w2.length * w2[0].length + b2.length;
    }

    private static double[][] gaussian(Random rnd, int rows, int cols, double scale) {
      double[][] m = new double[rows][cols];
      for (double[] row : m) {
        for (int i = 0; i < cols; i++) {
          row[i] = scale * rnd.nextGaussian();
        }
      }
      return m;
    }
  }
}
