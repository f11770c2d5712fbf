package dev.adjoint.bench;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;
import java.util.Random;

/**
 * The second-order benchmarks' functions, differentiated by Adjoint into
 * {@code SecondOrderWorkloadsGrad} with the gradient, the tangent ({@code mTangent}) and the
 * Hessian-vector product ({@code mHvp}). Self-contained (Math calls only): the generated HVP does
 * not yet go through calls to other differentiated methods.
 */
public final class SecondOrderWorkloads {
  private SecondOrderWorkloads() {}

  /** Inputs of the tanh network {@link #tanhNet}. */
  public static final int NET_INPUTS = 8;
  public static final int NET_HIDDEN = 16;
  public static final int NET_BATCH = 32;

  /**
   * Extended Rosenbrock, as {@link Workloads#rosenbrock}: the sum over pairs of
   * {@code 100 (x[2i+1] - x[2i]^2)^2 + (1 - x[2i])^2}; {@code x.length} is even.
   */
  @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
  public static double rosenbrock(double[] x) {
    double f = 0;
    for (int i = 0; i < x.length / 2; i++) {
      double t1 = 10 * (x[2 * i + 1] - x[2 * i] * x[2 * i]);
      double t2 = 1 - x[2 * i];
      f += t1 * t1 + t2 * t2;
    }
    return f;
  }

  /**
   * An MLP-like model: the mean squared error over a mini-batch of a one-hidden-layer tanh
   * network with a scalar output, {@code out = w2 · tanh(w1 · x + b1)}. {@code w1} is
   * hidden×inputs. Smooth, so its Hessian is dense in each example's block.
   */
  @Differentiable(wrt = {"w1", "b1", "w2"}, modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
  public static double tanhNet(double[][] w1, double[] b1, double[] w2, double[][] xs,
      double[] ys) {
    double loss = 0;
    for (int n = 0; n < xs.length; n++) {
      double out = 0;
      for (int j = 0; j < b1.length; j++) {
        double z = b1[j];
        for (int i = 0; i < xs[n].length; i++) {
          z += w1[j][i] * xs[n][i];
        }
        out += w2[j] * Math.tanh(z);
      }
      double e = out - ys[n];
      loss += e * e;
    }
    return 0.5 * loss / xs.length;
  }

  /** Deterministic inputs of {@link #tanhNet}: weights ~ N(0, 1/fan-in), data ~ N(0, 1). */
  public static final class Net {
    public final double[][] w1;
    public final double[] b1;
    public final double[] w2;
    public final double[][] xs;
    public final double[] ys;

    public Net(int inputs, int hidden, int batch, long seed) {
      Random rnd = new Random(seed);
      w1 = new double[hidden][inputs];
      for (double[] row : w1) {
        for (int i = 0; i < inputs; i++) {
          row[i] = rnd.nextGaussian() / Math.sqrt(inputs);
        }
      }
      b1 = new double[hidden];
      for (int j = 0; j < hidden; j++) {
        b1[j] = 0.1 * rnd.nextGaussian();
      }
      w2 = new double[hidden];
      for (int j = 0; j < hidden; j++) {
        w2[j] = rnd.nextGaussian() / Math.sqrt(hidden);
      }
      xs = new double[batch][inputs];
      ys = new double[batch];
      for (int n = 0; n < batch; n++) {
        for (int i = 0; i < inputs; i++) {
          xs[n][i] = rnd.nextGaussian();
        }
        ys[n] = rnd.nextGaussian();
      }
    }

    /** The benchmarked size: 8-16-1, batch 32, 160 parameters. */
    public Net() {
      this(NET_INPUTS, NET_HIDDEN, NET_BATCH, 14);
    }

    public int parameterCount() {
      return w1.length * w1[0].length + b1.length + w2.length;
    }
  }

  /** A deterministic direction of length p, entries in [-1, 1). */
  public static double[] direction(int p, long seed) {
    Random rnd = new Random(seed);
    double[] v = new double[p];
    for (int i = 0; i < p; i++) {
      v[i] = 2 * rnd.nextDouble() - 1;
    }
    return v;
  }
}
