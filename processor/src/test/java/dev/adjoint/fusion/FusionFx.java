package dev.adjoint.fusion;

import dev.adjoint.Differentiable;

/** Sums of independent terms (fused) and near misses (not fused), for {@link FusionTest}. */
final class FusionFx {
  private FusionFx() {}

  /** Extended Rosenbrock: a plain sum. */
  @Differentiable
  static double plainSum(double[] x) {
    double f = 0;
    for (int i = 0; i < x.length / 2; i++) {
      double t1 = 10 * (x[2 * i + 1] - x[2 * i] * x[2 * i]);
      double t2 = 1 - x[2 * i];
      f += t1 * t1 + t2 * t2;
    }
    return f;
  }

  /** One term of a least-squares fit. */
  @Differentiable
  static double residual(double[] c, double t, double y) {
    double p = 0;
    double power = 1;
    for (int j = 0; j < c.length; j++) {
      p += c[j] * power;
      power *= t;
    }
    double r = y - p;
    return r * r;
  }

  /** A sum of calls, divided by n (a least-squares fit, llsq-like). */
  @Differentiable(wrt = "c")
  static double meanOfCalls(double[] c, double[] ts, double[] ys) {
    double s = 0;
    for (int i = 0; i < ts.length; i++) {
      s += residual(c, ts[i], ys[i]);
    }
    double loss = s / ts.length;
    return loss;
  }

  /** A scaled sum plus a term computed before the loop; the counter steps by two. */
  @Differentiable
  static double affineAfter(double[] x, double a) {
    double c = Math.sin(a) * a;
    double s = 0;
    for (int i = 0; i + 1 < x.length; i += 2) {
      s = s + Math.exp(-x[i] * x[i + 1] * a);
    }
    return 0.5 * s + c;
  }

  /** Nested loops inside the fused body: a softmax-like term per row. */
  @Differentiable(wrt = "w")
  static double nested(double[][] xs, double[] w) {
    double total = 0;
    for (int n = 0; n < xs.length; n++) {
      double z = 0;
      for (int i = 0; i < w.length; i++) {
        z += w[i] * xs[n][i];
      }
      double m = Math.tanh(z);
      double acc = 0;
      for (int k = 1; k <= 3; k++) {
        acc = acc * m + k;
      }
      total -= acc * Math.log(1 + z * z);
    }
    return total;
  }

  /** A sum whose terms branch, with an inactive counter of its own. */
  @Differentiable
  static double branchy(double[] x) {
    double s = 0;
    int odd = 0;
    for (int i = 0; i < x.length; i++) {
      double t = x[i];
      if (t > 0) {
        s += t * t * odd;
      } else {
        s += Math.cos(t);
        odd++;
      }
    }
    return s;
  }

  /** GradBench's least-squares fit: a nested loop and temporaries saved per iteration. */
  @Differentiable
  static double llsq(double[] x, int n) {
    double sum = 0;
    for (int i = 0; i < n; i++) {
      double ti = -1 + i * 2.0 / (n - 1);
      double r = Math.signum(ti);
      double mul = 1;
      for (int j = 0; j < x.length; j++) {
        r -= x[j] * mul;
        mul *= ti;
      }
      sum += r * r;
    }
    return sum / 2;
  }

  /** An early exit: not fused. */
  @Differentiable
  static double earlyExit(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] > 2) {
        break;
      }
      s += x[i] * x[i];
    }
    return s;
  }

  /** A second carried active value: not fused. */
  @Differentiable
  static double secondCarried(double[] x) {
    double s = 0;
    double p = 1;
    for (int i = 0; i < x.length; i++) {
      p = p * x[i];
      s += p;
    }
    return s;
  }

  /** A non-linear use after the loop: not fused. */
  @Differentiable
  static double logAfter(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * x[i];
    }
    return Math.log(s);
  }

  /** The sum read inside the loop: not fused. */
  @Differentiable
  static double sumRead(double[] x) {
    double s = 1;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * s;
    }
    return s;
  }
}
