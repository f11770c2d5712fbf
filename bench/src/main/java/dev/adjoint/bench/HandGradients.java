package dev.adjoint.bench;

/**
 * Hand-written reverse-mode gradients of {@link Workloads}: what a careful programmer writes
 * when performance matters. Each method returns the value and ADDS the gradient into the arrays
 * passed in (like the generated {@code *Adjoint} entry points with seed 1); scratch memory comes
 * from a caller-owned workspace, so nothing is allocated per call.
 */
public final class HandGradients {
  private HandGradients() {}

  /** ∂/∂(w1, b1, w2, b2) of {@link Workloads#reluCost}, added into {@code g[0..3]}. */
  public static double reluCost(double x, double y, double w1, double b1, double w2, double b2,
      double[] g) {
    double z1 = w1 * x + b1;
    double a1 = z1 > 0 ? z1 : 0;
    double z2 = w2 * a1 + b2;
    double a2 = z2 > 0 ? z2 : 0;
    double d = a2 - y;
    double dz2 = z2 > 0 ? d : 0;
    double dz1 = z1 > 0 ? dz2 * w2 : 0;
    g[0] += dz1 * x;
    g[1] += dz1;
    g[2] += dz2 * a1;
    g[3] += dz2;
    return 0.5 * d * d;
  }

  /** Gradient of {@link Workloads#rosenbrock}, added into {@code g}: one fused pass, no tape. */
  public static double rosenbrock(double[] x, double[] g) {
    double f = 0;
    int half = x.length / 2;
    for (int i = 0; i < half; i++) {
      double x0 = x[2 * i];
      double x1 = x[2 * i + 1];
      double t1 = 10 * (x1 - x0 * x0);
      double t2 = 1 - x0;
      f += t1 * t1 + t2 * t2;
      g[2 * i] += -40 * t1 * x0 - 2 * t2;
      g[2 * i + 1] += 20 * t1;
    }
    return f;
  }

  /** Scratch memory for {@link #mlp}. */
  public static final class MlpWorkspace {
    final double[] h;
    final double[] dh;
    final double[] e;

    public MlpWorkspace(int hidden, int outputs) {
      h = new double[hidden];
      dh = new double[hidden];
      e = new double[outputs];
    }
  }

  /**
   * Gradient of {@link Workloads#mlp} with respect to w1, b1, w2, b2, added into the given arrays.
   * Parameters do not change during the batch, so each sample's reverse sweep runs right after
   * its forward sweep and nothing is stored across samples; the softmax exponentials are shared
   * between value and gradient; rows of inactive ReLU units are skipped.
   */
  public static double mlp(double[][] xs, int[] labels, double[][] w1, double[] b1,
      double[][] w2, double[] b2, double[][] gw1, double[] gb1, double[][] gw2, double[] gb2,
      MlpWorkspace ws) {
    int hidden = b1.length;
    int outputs = b2.length;
    double[] h = ws.h;
    double[] dh = ws.dh;
    double[] e = ws.e;
    double scale = 1.0 / xs.length;
    double loss = 0;
    for (int n = 0; n < xs.length; n++) {
      double[] x = xs[n];
      for (int j = 0; j < hidden; j++) {
        double[] row = w1[j];
        double z = b1[j];
        for (int i = 0; i < x.length; i++) {
          z += row[i] * x[i];
        }
        h[j] = z > 0 ? z : 0;
      }
      int argmax = 0;
      for (int k = 0; k < outputs; k++) {
        double[] row = w2[k];
        double z = b2[k];
        for (int j = 0; j < hidden; j++) {
          z += row[j] * h[j];
        }
        e[k] = z;
        if (z > e[argmax]) {
          argmax = k;
        }
      }
      // Same formula as Losses.softmaxCrossEntropy: (max - logit[label]) + log1p(sum_{k≠argmax} exp).
      int label = labels[n];
      double max = e[argmax];
      double logitLabel = e[label];
      double rest = 0;
      for (int k = 0; k < outputs; k++) {
        double v = k == argmax ? 1.0 : Math.exp(e[k] - max);
        e[k] = v;
        if (k != argmax) {
          rest += v;
        }
      }
      loss += (max - logitLabel) + Math.log1p(rest);
      double total = 1.0 + rest;
      // dlogit[k] = (softmax[k] - [k == label]) / batch, written back into e.
      double others = total - e[label];
      for (int k = 0; k < outputs; k++) {
        e[k] = scale * (k == label ? -others / total : e[k] / total);
      }
      java.util.Arrays.fill(dh, 0.0);
      for (int k = 0; k < outputs; k++) {
        double dz = e[k];
        gb2[k] += dz;
        double[] row = w2[k];
        double[] grow = gw2[k];
        for (int j = 0; j < hidden; j++) {
          grow[j] += dz * h[j];
          dh[j] += dz * row[j];
        }
      }
      for (int j = 0; j < hidden; j++) {
        if (h[j] > 0) {
          double dz = dh[j];
          gb1[j] += dz;
          double[] grow = gw1[j];
          for (int i = 0; i < x.length; i++) {
            grow[i] += dz * x[i];
          }
        }
      }
    }
    return loss * scale;
  }

  /** Scratch memory for {@link #recurrence}: the forward sweep's x and sin(x) per step. */
  public static final class RecurrenceWorkspace {
    double[] x = new double[0];
    double[] s = new double[0];

    void ensure(int steps) {
      if (x.length < steps) {
        x = new double[steps];
        s = new double[steps];
      }
    }
  }

  /**
   * Gradient of {@link Workloads#recurrence} with respect to x0, a, b, added into
   * {@code g[0..2]}. Stores x and sin(x) per step, so each step costs one sin forward and one
   * cos backward.
   */
  public static double recurrence(double x0, double a, double b, int steps, double[] g,
      RecurrenceWorkspace ws) {
    ws.ensure(steps);
    double[] xs = ws.x;
    double[] ss = ws.s;
    double x = x0;
    for (int t = 0; t < steps; t++) {
      double s = Math.sin(x);
      xs[t] = x;
      ss[t] = s;
      x = s * a + b;
    }
    double gx = 1.0;
    double ga = 0;
    double gb = 0;
    for (int t = steps - 1; t >= 0; t--) {
      ga += gx * ss[t];
      gb += gx;
      gx *= a * Math.cos(xs[t]);
    }
    g[0] += gx;
    g[1] += ga;
    g[2] += gb;
    return x;
  }
}
