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
  /** ADBench GMM's d = 10, K = 25, n = 1000 instance size. */
  public static final int GMM_D = 10;
  public static final int GMM_K = 25;
  public static final int GMM_N = 1000;
  /** GradBench llsq: m = 128 coefficients (its default), n = 1024 samples (one of its sizes). */
  public static final int LLSQ_M = 128;
  public static final int LLSQ_N = 1024;
  /** GradBench ode: n = 1000 (its smallest), s = 10 RK4 steps (its middle). */
  public static final int ODE_N = 1000;
  public static final int ODE_STEPS = 10;

  /**
   * An ADBench-style GMM instance: log weights ~ N(0, 1), means ~ U(0, 1), icf ~ N(0, 1)·0.5,
   * points ~ U(0, 1), Wishart γ = 1, m = {@code m}.
   */
  public static final class Gmm {
    public final double[] alphas;
    public final double[][] means;
    public final double[][] icf;
    public final double[][] x;
    public final double gamma = 1.0;
    public final int m;

    public Gmm(int d, int k, int n, int m, long seed) {
      Random rnd = new Random(seed);
      this.m = m;
      alphas = new double[k];
      for (int c = 0; c < k; c++) {
        alphas[c] = rnd.nextGaussian();
      }
      means = new double[k][d];
      for (double[] row : means) {
        for (int i = 0; i < d; i++) {
          row[i] = rnd.nextDouble();
        }
      }
      icf = new double[k][d * (d + 1) / 2];
      for (double[] row : icf) {
        for (int i = 0; i < row.length; i++) {
          row[i] = 0.5 * rnd.nextGaussian();
        }
      }
      x = new double[n][d];
      for (double[] row : x) {
        for (int i = 0; i < d; i++) {
          row[i] = rnd.nextDouble();
        }
      }
    }

    public Gmm() {
      this(GMM_D, GMM_K, GMM_N, 0, 31337);
    }

    public int parameterCount() {
      return alphas.length + means.length * means[0].length + icf.length * icf[0].length;
    }
  }

  /** GradBench-style uniform(0, 1) coefficients, seeded. */
  public static double[] uniform(int m, long seed) {
    Random rnd = new Random(seed);
    double[] x = new double[m];
    for (int i = 0; i < m; i++) {
      x[i] = rnd.nextDouble();
    }
    return x;
  }

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
