package dev.adjoint.issue13;

import static dev.adjoint.issue13.Data13.mat;
import static dev.adjoint.issue13.Data13.vec;

import java.util.List;

/** Programs built on array references: var aliases, row helpers, copies, branch allocation. */
final class AliasPrograms13 {
  private AliasPrograms13() {}

  static List<Program13> all() {
    return List.of(softKMeans(), holtForecast(), powerIteration(), piecewiseLinear(),
        polylineLength(), softClip());
  }

  /** Soft k-means energy: {@code var c = centroids[k];} and a helper returning a row. */
  static Program13 softKMeans() {
    return Program13.of("SoftKMeans", "soft k-means energy (soft-min of squared distances)",
        "energy", "", """
        static double[] rowOf(double[][] m, int i) {
          return m[i];
        }

        static double sqDist(double[] a, double[] b) {
          double s = 0;
          for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
          }
          return s;
        }

        @Differentiable(wrt = "centroids")
        static double energy(double[][] points, double[][] centroids, double beta) {
          double e = 0;
          for (int p = 0; p < points.length; p++) {
            var x = rowOf(points, p);
            double sum = 0;
            for (int k = 0; k < centroids.length; k++) {
              var c = centroids[k];
              sum += Math.exp(-beta * sqDist(x, c));
            }
            e += -Math.log(sum) / beta;
          }
          return e;
        }
        """)
        .at(mat(6, 2, 191), mat(3, 2, 192, 0.8), 2.0)
        .build();
  }

  /** Holt's linear trend: the series extended with Arrays.copyOf and forecasts written in. */
  static Program13 holtForecast() {
    return Program13.of("HoltForecast", "Holt's linear-trend exponential smoothing",
        "loss", "import java.util.Arrays;\n", """
        @Differentiable(wrt = {"alpha", "beta"})
        static double loss(double alpha, double beta, double[] series, int horizon) {
          int n = series.length;
          double level = series[0];
          double trend = series[1] - series[0];
          double sse = 0;
          for (int t = 1; t < n; t++) {
            double forecast = level + trend;
            double e = series[t] - forecast;
            sse += e * e;
            double previous = level;
            level = alpha * series[t] + (1 - alpha) * (level + trend);
            trend = beta * (level - previous) + (1 - beta) * trend;
          }
          double[] extended = Arrays.copyOf(series, n + horizon);
          for (int h = 1; h <= horizon; h++) {
            extended[n + h - 1] = level + h * trend;
          }
          double tail = 0;
          for (int i = n; i < extended.length; i++) {
            tail += extended[i] * extended[i];
          }
          return sse + 0.01 * tail;
        }
        """)
        .at(0.4, 0.2, new double[] {1.0, 1.3, 1.2, 1.8, 2.1, 2.0, 2.6}, 3)
        .build();
  }

  /** Power iteration: {@code v = w;} after each normalized matrix–vector product. */
  static Program13 powerIteration() {
    return Program13.of("PowerIteration", "power iteration, Rayleigh quotient (Golub–Van Loan)",
        "rayleigh", "", """
        static double[] matVec(double[][] a, double[] x) {
          double[] y = new double[a.length];
          for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < x.length; j++) {
              y[i] += a[i][j] * x[j];
            }
          }
          return y;
        }

        @Differentiable(wrt = "a")
        static double rayleigh(double[][] a, int iterations) {
          double[] v = new double[a.length];
          java.util.Arrays.fill(v, 1.0);
          for (int it = 0; it < iterations; it++) {
            double[] w = matVec(a, v);
            double norm = 0;
            for (double x : w) {
              norm += x * x;
            }
            norm = Math.sqrt(norm);
            for (int i = 0; i < w.length; i++) {
              w[i] /= norm;
            }
            v = w;
          }
          double[] av = matVec(a, v);
          double num = 0;
          for (int i = 0; i < v.length; i++) {
            num += v[i] * av[i];
          }
          return num;
        }
        """)
        .at(new double[][] {{4, 1, 0.5}, {1, 3, 0.2}, {0.5, 0.2, 1}}, 6)
        .build();
  }

  /** Piecewise-linear interpolation whose knot table is allocated in an if/else. */
  static Program13 piecewiseLinear() {
    return Program13.of("PiecewiseLinear", "piecewise-linear interpolation, knots per branch",
        "loss", "", """
        @Differentiable(wrt = "values")
        static double loss(double[] values, double[] at, boolean fine) {
          double[] knots;
          if (fine) {
            knots = new double[] {0.0, 0.25, 0.5, 0.75, 1.0};
          } else {
            knots = new double[values.length];
            for (int i = 0; i < knots.length; i++) {
              knots[i] = (double) i / (knots.length - 1);
            }
          }
          double s = 0;
          for (double x : at) {
            int k = 0;
            while (k < knots.length - 2 && x > knots[k + 1]) {
              k++;
            }
            double t = (x - knots[k]) / (knots[k + 1] - knots[k]);
            double y = (1 - t) * values[k] + t * values[k + 1];
            s += y * y;
          }
          return s;
        }
        """)
        .at(vec(5, 201), new double[] {0.1, 0.4, 0.66, 0.9}, true)
        .at(vec(4, 202), new double[] {0.1, 0.4, 0.66, 0.9}, false)
        .build();
  }

  /** Polyline length: a point initializer {@code {…}} in the loop, handed over as prev. */
  static Program13 polylineLength() {
    return Program13.of("PolylineLength", "length of a polyline on a circle", "length", "", """
        @Differentiable
        static double length(double[] angles, double radius) {
          double[] prev = {radius, 0};
          double len = 0;
          for (int i = 0; i < angles.length; i++) {
            double[] p = {radius * Math.cos(angles[i]), radius * Math.sin(angles[i])};
            len += Math.hypot(p[0] - prev[0], p[1] - prev[1]);
            prev = p;
          }
          return len;
        }
        """)
        .at(new double[] {0.3, 0.9, 1.4, 2.2}, 1.5)
        .build();
  }

  /** A helper that writes into the array it receives and returns it. */
  static Program13 softClip() {
    return Program13.of("SoftClip", "tanh soft clipping in place, helper returns its argument",
        "loss", "", """
        static double[] softClipInPlace(double[] v, double c) {
          for (int i = 0; i < v.length; i++) {
            v[i] = c * Math.tanh(v[i] / c);
          }
          return v;
        }

        @Differentiable
        static double loss(double[] x, double c) {
          double[] y = softClipInPlace(x.clone(), c);
          double s = 0;
          for (double v : y) {
            s += v * v;
          }
          return s;
        }
        """)
        .at(vec(5, 211, 2.5), 1.2)
        .build();
  }
}
