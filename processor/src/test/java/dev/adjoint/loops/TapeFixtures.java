package dev.adjoint.loops;

import dev.adjoint.Differentiable;

/** Loops whose tape use is pinned by {@link TapeEntriesTest}. */
final class TapeFixtures {
  private TapeFixtures() {}

  /** Neither x nor a is overwritten: nothing per iteration. */
  @Differentiable
  static double accumulate(double x, double a, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += x * a;
    }
    return s;
  }

  /** The loop counter is recomputed, not recorded. */
  @Differentiable
  static double weightedByCounter(double a, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += i * a;
    }
    return s;
  }

  /** cos(s) needs every old s: one double per iteration. */
  @Differentiable
  static double sinRecurrence(double a, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s = Math.sin(s) + a;
    }
    return s;
  }

  /** a = a * a: every old a, one double per iteration. */
  @Differentiable
  static double iteratedSquare(double a, int n) {
    for (int i = 0; i < n; i++) {
      a = a * a;
    }
    return a;
  }

  /** a *= 0.5 has the constant derivative 0.5: nothing recorded, even in a data-dependent loop. */
  @Differentiable
  static double halveUntilSmall(double a) {
    while (Math.abs(a) > 0.1) {
      a *= 0.5;
    }
    return a;
  }

  /** Newton's iteration for the square root: the old x, once per step. */
  @Differentiable
  static double newtonSqrt(double a) {
    double x = a;
    for (int k = 0; k < 30; k++) {
      x = 0.5 * (x + a / x);
    }
    return x;
  }

  /** Counted loops with fixed bounds: nothing recorded, the trip counts are computed. */
  @Differentiable
  static double nested(double a, int n, int m) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        s += a * j;
      }
    }
    return s;
  }

  /** A branch in a loop: one boolean per iteration, and the overwritten value. */
  @Differentiable
  static double branchInLoop(double a, int n) {
    double s = a;
    for (int i = 0; i < n; i++) {
      if (i % 2 == 0) {
        s = s * a;
      } else {
        s = s + a;
      }
    }
    return s;
  }

  /**
   * A layer per sample: z is reset by a loop over all its elements, then accumulated into, then
   * read. The accumulation records nothing (the reset makes earlier values dead); only the reset
   * saves the values the previous sample's adjoint reads.
   */
  @Differentiable(wrt = {"w", "b"})
  static double layerPerSample(double[] w, double[] b, double[][] xs) {
    double[] z = new double[b.length];
    double loss = 0;
    for (int s = 0; s < xs.length; s++) {
      for (int j = 0; j < z.length; j++) {
        z[j] = b[j];
      }
      for (int j = 0; j < z.length; j++) {
        for (int i = 0; i < xs[s].length; i++) {
          z[j] += w[j * xs[s].length + i] * xs[s][i];
        }
      }
      for (int j = 0; j < z.length; j++) {
        loss += Math.tanh(z[j]);
      }
    }
    return loss;
  }

  /**
   * GMM's Mahalanobis term (ADBench): scratch vectors sized by a variable, a triangular factor
   * walked by a running index {@code l++}. Per point, {@code xc} and {@code lxc} are overwritten
   * in full by loops bounded by {@code d} (their length), so the accumulation into {@code lxc}
   * records nothing, and the reverse sweep undoes {@code l++} by subtracting.
   */
  @Differentiable(wrt = {"mu", "q"})
  static double triangular(double[] mu, double[] q, double[][] x) {
    int d = mu.length;
    double[] xc = new double[d];
    double[] lxc = new double[d];
    double total = 0;
    for (int p = 0; p < x.length; p++) {
      for (int i = 0; i < d; i++) {
        xc[i] = x[p][i] - mu[i];
      }
      for (int i = 0; i < d; i++) {
        lxc[i] = Math.exp(q[i]) * xc[i];
      }
      int l = d;
      for (int i = 0; i < d; i++) {
        for (int j = i + 1; j < d; j++) {
          lxc[j] += q[l] * xc[i];
          l++;
        }
      }
      double sq = 0;
      for (int i = 0; i < d; i++) {
        sq += lxc[i] * lxc[i];
      }
      total += Math.log(1 + sq);
    }
    return total;
  }

  /**
   * Running indices stepped by literals ({@code int} and {@code long}, every spelling) and
   * wrapped by a reset: the reverse sweep undoes the steps by arithmetic, so the reset must
   * restore the value it overwrote.
   */
  @Differentiable(wrt = "w")
  static double wrappingIndex(double[] w, int n) {
    double s = 0;
    int l = 1;
    long k = 0;
    for (int i = 0; i < n; i++) {
      s += w[l] * w[(int) (k % w.length)] * (1 + 0.1 * l);
      l = l + 2;
      l -= 1;
      k = 3 + k;
      k++;
      if (l >= w.length) {
        l = 0;
      }
    }
    return s;
  }

  /**
   * Midpoint (two-stage Runge–Kutta) steps of {@code y_0' = x_0, y_i' = x_i y_{i-1}}, GradBench
   * ode's shape: the stage buffer {@code tmp} rewritten in full and the state {@code y} updated
   * in place, each recorded as one block per loop; then a pass whose adjoint reads the element
   * it rewrites ({@code tmp[i] = sin(tmp[i]) y_i}), recorded element by element.
   */
  @Differentiable(wrt = "x")
  static double midpoint(double[] x, int s) {
    int n = x.length;
    double h = 1.0 / s;
    double[] y = new double[n];
    double[] k = new double[n];
    double[] tmp = new double[n];
    for (int step = 0; step < s; step++) {
      k[0] = x[0];
      for (int i = 1; i < n; i++) {
        k[i] = x[i] * y[i - 1];
      }
      for (int i = 0; i < n; i++) {
        tmp[i] = y[i] + h * k[i] / 2;
      }
      k[0] = x[0];
      for (int i = 1; i < n; i++) {
        k[i] = x[i] * tmp[i - 1];
      }
      for (int i = 0; i < n; i++) {
        y[i] += h * k[i];
      }
      for (int i = 0; i < n; i++) {
        tmp[i] = Math.sin(tmp[i]) * y[i];
      }
    }
    return y[n - 1] + tmp[0];
  }

  /**
   * {@code x = sin(x) a + b}: the partial with respect to {@code a} is {@code sin(x)}, stored
   * per step ({@code StoredCallResults}) rather than recomputed after restoring {@code x}.
   */
  @Differentiable
  static double scaledSinRecurrence(double a, double b, int n) {
    double x = 0.5;
    for (int i = 0; i < n; i++) {
      x = Math.sin(x) * a + b;
    }
    return x;
  }
}
