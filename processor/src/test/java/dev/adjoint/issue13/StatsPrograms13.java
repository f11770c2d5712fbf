package dev.adjoint.issue13;

import static dev.adjoint.issue13.Data13.mat;
import static dev.adjoint.issue13.Data13.vec;

import java.util.List;

/** Likelihoods and small everyday numerics: NLLs, varargs, fma, tables, aliases, rollouts. */
final class StatsPrograms13 {
  private StatsPrograms13() {}

  static List<Program13> all() {
    return List.of(gaussianNll(), logisticNll(), varargsPenalty(), hornerFma(),
        pingPongSmoother(), policyRollout(), standardizeInPlace());
  }

  /** Gaussian negative log-likelihood with a log-scale parameter. */
  static Program13 gaussianNll() {
    return Program13.of("GaussianNll", "Gaussian NLL, mean and log standard deviation", "nll",
        "", """
        @Differentiable
        static double nll(double[] x, double mu, double logSigma) {
          double sigma = Math.exp(logSigma);
          double sum = 0;
          for (double xi : x) {
            double z = (xi - mu) / sigma;
            sum += 0.5 * z * z + logSigma + 0.5 * Math.log(2 * Math.PI);
          }
          return sum;
        }
        """)
        .at(vec(6, 131, 2.0), 0.3, -0.2)
        .oracle(Oracles13::gaussianNll)
        .build();
  }

  /** Logistic regression NLL with a private, overflow-safe log(1 + e^z). */
  static Program13 logisticNll() {
    return Program13.of("LogisticNll", "logistic regression NLL (Bishop PRML 4.3.2)", "nll", "",
        """
        private static double log1pExp(double z) {
          return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
        }

        @Differentiable(wrt = {"w", "b"})
        static double nll(double[][] xs, double[] y, double[] w, double b) {
          double sum = 0;
          for (int i = 0; i < xs.length; i++) {
            double z = b;
            for (int j = 0; j < w.length; j++) {
              z += w[j] * xs[i][j];
            }
            sum += log1pExp(z) - y[i] * z;
          }
          return sum / xs.length;
        }
        """)
        .at(mat(6, 3, 141, 2.0), new double[] {1, 0, 0, 1, 1, 0}, vec(3, 142), 0.1)
        .oracle(Oracles13::logisticNll)
        .build();
  }

  /** A varargs norm called with scalars and with an array. */
  static Program13 varargsPenalty() {
    return Program13.of("VarargsPenalty", "ridge-style penalty through a double... helper",
        "loss", "", """
        static double norm(double... v) {
          double s = 0;
          for (double x : v) {
            s += x * x;
          }
          return Math.sqrt(s);
        }

        @Differentiable
        static double loss(double[] w, double a, double b) {
          return norm(a, b, a * b) + 0.5 * norm(w) * norm(w) + norm(w[0], 2 * w[1]);
        }
        """)
        .at(vec(3, 151), 0.7, -1.3)
        .build();
  }

  /** Horner's scheme with Math.fma and a private coefficient table. */
  static Program13 hornerFma() {
    return Program13.of("HornerFma", "polynomial fit by Horner's scheme with Math.fma",
        "loss", "", """
        private static final double[] XS = {-1.0, -0.5, 0.0, 0.5, 1.0, 1.5};

        @Differentiable
        static double loss(double[] c, double[] ys) {
          double loss = 0;
          for (int i = 0; i < XS.length; i++) {
            double p = c[c.length - 1];
            for (int k = c.length - 2; k >= 0; k--) {
              p = Math.fma(p, XS[i], c[k]);
            }
            loss += (p - ys[i]) * (p - ys[i]);
          }
          return loss;
        }
        """)
        .at(vec(4, 161), vec(6, 162))
        .build();
  }

  /** Jacobi smoothing with ping-pong buffers chosen by ?: on the step's parity. */
  static Program13 pingPongSmoother() {
    return Program13.of("PingPongSmoother", "Jacobi smoothing, buffers chosen by ?:",
        "smooth", "", """
        @Differentiable
        static double smooth(double[] x, double weight, int sweeps) {
          int n = x.length;
          double[] a = x.clone();
          double[] b = new double[n];
          for (int s = 0; s < sweeps; s++) {
            double[] src = s % 2 == 0 ? a : b;
            double[] dst = s % 2 == 0 ? b : a;
            dst[0] = src[0];
            dst[n - 1] = src[n - 1];
            for (int i = 1; i < n - 1; i++) {
              dst[i] = (1 - weight) * src[i] + weight * 0.5 * (src[i - 1] + src[i + 1]);
            }
          }
          double[] result = sweeps % 2 == 0 ? a : b;
          double r = 0;
          for (int i = 0; i < n; i++) {
            r += Math.sin(i + 1.0) * result[i];
          }
          return r * r;
        }
        """)
        .at(vec(7, 171), 0.6, 5)
        .build();
  }

  /** A linear policy rolled out through a step(state, action, next) out-parameter helper. */
  static Program13 policyRollout() {
    return Program13.of("PolicyRollout", "cart-like rollout with a linear policy, state swap",
        "cost", "", """
        static void step(double[] state, double action, double dt, double[] next) {
          next[0] = state[0] + dt * state[1];
          next[1] = state[1] + dt * (action - 0.1 * state[1] - Math.sin(state[0]));
        }

        @Differentiable(wrt = "gains")
        static double cost(double[] gains, double[] start, double dt, int horizon) {
          double[] state = start.clone();
          double[] next = new double[2];
          double cost = 0;
          for (int t = 0; t < horizon; t++) {
            double action = -(gains[0] * state[0] + gains[1] * state[1]);
            step(state, action, dt, next);
            double[] tmp = state;
            state = next;
            next = tmp;
            cost += state[0] * state[0] + 0.1 * action * action;
          }
          return cost;
        }
        """)
        .at(new double[] {0.8, 0.3}, new double[] {1.0, 0.0}, 0.1, 12)
        .build();
  }

  /** Writes into its own parameter array: standardize x in place, then a score. */
  static Program13 standardizeInPlace() {
    return Program13.of("StandardizeInPlace", "z-scores computed in place, aliased as y",
        "score", "", """
        @Differentiable
        static double score(double[] x, double[] w) {
          double mean = 0;
          for (double v : x) {
            mean += v;
          }
          mean /= x.length;
          double var = 0;
          for (double v : x) {
            var += (v - mean) * (v - mean);
          }
          double sd = Math.sqrt(var / x.length);
          double[] y = x;
          for (int i = 0; i < y.length; i++) {
            y[i] = (y[i] - mean) / sd;
          }
          double s = 0;
          for (int i = 0; i < x.length; i++) {
            s += w[i] * Math.tanh(x[i]);
          }
          return s;
        }
        """)
        .at(vec(5, 181, 3.0), vec(5, 182))
        .build();
  }
}
