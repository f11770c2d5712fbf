package dev.adjoint.issue13;

import static dev.adjoint.issue13.Data13.mat;
import static dev.adjoint.issue13.Data13.vec;

import java.util.List;

/**
 * Objectives ported from public AD benchmarks: ADBench GMM, LSTM and bundle adjustment
 * (src/cpp/shared/gmm.h, lstm.h, ba.h) and GradBench llsq and det (cpp/gradbench/evals),
 * rewritten the way a Java developer would write them.
 */
final class BenchmarkPrograms13 {
  private BenchmarkPrograms13() {}

  static List<Program13> all() {
    return List.of(adbenchGmm(), adbenchLstm(), bundleAdjustment(), gradbenchLlsq(),
        gradbenchDet(), determinantLu());
  }

  /** ADBench GMM: Qtimesx as an out-parameter helper, log-sum-exp as a private helper. */
  static Program13 adbenchGmm() {
    return Program13.of("AdbenchGmm", "ADBench gmm.h gmm_objective with the Wishart prior",
        "objective", "", """
        private static double logsumexp(double[] v) {
          double max = v[0];
          for (double x : v) {
            max = Math.max(max, x);
          }
          double sum = 0;
          for (double x : v) {
            sum += Math.exp(x - max);
          }
          return Math.log(sum) + max;
        }

        /** out = Q x, Q lower triangular: diagonal qdiag, below it icf[d..] column by column. */
        static void qTimesX(double[] qdiag, double[] icf, double[] x, double[] out) {
          int d = x.length;
          for (int i = 0; i < d; i++) {
            out[i] = qdiag[i] * x[i];
          }
          int idx = d;
          for (int i = 0; i < d; i++) {
            for (int j = i + 1; j < d; j++) {
              out[j] += icf[idx++] * x[i];
            }
          }
        }

        @Differentiable(wrt = {"alphas", "means", "icf"})
        static double objective(double[] alphas, double[][] means, double[][] icf,
            double[][] x, double gamma, int m) {
          int k = alphas.length;
          int d = means[0].length;
          int n = x.length;
          double[] sumQs = new double[k];
          double[][] qdiags = new double[k][d];
          for (int c = 0; c < k; c++) {
            for (int i = 0; i < d; i++) {
              sumQs[c] += icf[c][i];
              qdiags[c][i] = Math.exp(icf[c][i]);
            }
          }
          double slse = 0;
          double[] mainTerm = new double[k];
          double[] xc = new double[d];
          double[] qxc = new double[d];
          for (int p = 0; p < n; p++) {
            for (int c = 0; c < k; c++) {
              for (int i = 0; i < d; i++) {
                xc[i] = x[p][i] - means[c][i];
              }
              qTimesX(qdiags[c], icf[c], xc, qxc);
              double sq = 0;
              for (double v : qxc) {
                sq += v * v;
              }
              mainTerm[c] = alphas[c] + sumQs[c] - 0.5 * sq;
            }
            slse += logsumexp(mainTerm);
          }
          double prior = 0;
          for (int c = 0; c < k; c++) {
            double frobenius = 0;
            for (int i = 0; i < d; i++) {
              frobenius += qdiags[c][i] * qdiags[c][i];
            }
            for (int i = d; i < icf[c].length; i++) {
              frobenius += icf[c][i] * icf[c][i];
            }
            prior += 0.5 * gamma * gamma * frobenius - m * sumQs[c];
          }
          double constant = -n * d * 0.5 * Math.log(2 * Math.PI);
          return constant + slse - n * logsumexp(alphas) + prior;
        }
        """)
        .at(vec(3, 81), mat(3, 2, 82), mat(3, 3, 83, 0.5), mat(5, 2, 84), 1.0, 0)
        .build();
  }

  /** ADBench LSTM: the state copied row by row, predict() writes its output array. */
  static Program13 adbenchLstm() {
    return Program13.of("AdbenchLstm", "ADBench lstm.h lstm_objective (2 layers)",
        "objective", "", """
        private static double sigmoid(double x) {
          return 1.0 / (1.0 + Math.exp(-x));
        }

        /** One layer: weight and bias hold the four gates' blocks of b entries each. */
        static void model(double[] weight, double[] bias, double[] hidden, double[] cell,
            double[] input) {
          int b = hidden.length;
          for (int i = 0; i < b; i++) {
            double forget = sigmoid(input[i] * weight[i] + bias[i]);
            double ingate = sigmoid(hidden[i] * weight[b + i] + bias[b + i]);
            double outgate = sigmoid(input[i] * weight[2 * b + i] + bias[2 * b + i]);
            double change = Math.tanh(hidden[i] * weight[3 * b + i] + bias[3 * b + i]);
            cell[i] = cell[i] * forget + ingate * change;
            hidden[i] = outgate * Math.tanh(cell[i]);
          }
        }

        static void predict(double[][] mainParams, double[][] extraParams, double[][] state,
            double[] input, double[] out) {
          int b = input.length;
          double[] x = new double[b];
          for (int i = 0; i < b; i++) {
            x[i] = input[i] * extraParams[0][i];
          }
          for (int layer = 0; layer < mainParams.length / 2; layer++) {
            model(mainParams[2 * layer], mainParams[2 * layer + 1], state[2 * layer],
                state[2 * layer + 1], x);
            x = state[2 * layer];
          }
          for (int i = 0; i < b; i++) {
            out[i] = x[i] * extraParams[1][i] + extraParams[2][i];
          }
        }

        @Differentiable(wrt = {"mainParams", "extraParams"})
        static double objective(double[][] mainParams, double[][] extraParams,
            double[][] state, double[][] sequence) {
          double[][] s = new double[state.length][];
          for (int i = 0; i < state.length; i++) {
            s[i] = state[i].clone();
          }
          int b = sequence[0].length;
          double total = 0;
          int count = 0;
          double[] ypred = new double[b];
          for (int t = 0; t < sequence.length - 1; t++) {
            predict(mainParams, extraParams, s, sequence[t], ypred);
            double max = ypred[0];
            for (double v : ypred) {
              max = Math.max(max, v);
            }
            double sum = 0;
            for (double v : ypred) {
              sum += Math.exp(v - max);
            }
            double lse = Math.log(sum) + max;
            for (int i = 0; i < b; i++) {
              total += sequence[t + 1][i] * (ypred[i] - lse);
            }
            count += b;
          }
          return -total / count;
        }
        """)
        .at(mat(4, 12, 91, 0.5), mat(3, 3, 92, 0.8), mat(4, 3, 93, 0.5), mat(4, 3, 94))
        .build();
  }

  /** ADBench ba.h: Rodrigues rotation and radial distortion, out-parameter helpers. */
  static Program13 bundleAdjustment() {
    return Program13.of("BundleAdjustment", "ADBench ba.h reprojection error + weight error",
        "objective", "import java.util.Arrays;\n", """
        static void rodriguesRotate(double[] rot, double[] x, double[] out) {
          double sqtheta = rot[0] * rot[0] + rot[1] * rot[1] + rot[2] * rot[2];
          if (sqtheta != 0) {
            double theta = Math.sqrt(sqtheta);
            double cos = Math.cos(theta);
            double sin = Math.sin(theta);
            double[] w = {rot[0] / theta, rot[1] / theta, rot[2] / theta};
            double[] wCrossX = {w[1] * x[2] - w[2] * x[1], w[2] * x[0] - w[0] * x[2],
                w[0] * x[1] - w[1] * x[0]};
            double tmp = (w[0] * x[0] + w[1] * x[1] + w[2] * x[2]) * (1 - cos);
            for (int i = 0; i < 3; i++) {
              out[i] = x[i] * cos + wCrossX[i] * sin + w[i] * tmp;
            }
          } else {
            out[0] = x[0] + rot[1] * x[2] - rot[2] * x[1];
            out[1] = x[1] + rot[2] * x[0] - rot[0] * x[2];
            out[2] = x[2] + rot[0] * x[1] - rot[1] * x[0];
          }
        }

        /** cam: rotation(3), center(3), focal, principal point(2), radial distortion(2). */
        static void project(double[] cam, double[] point, double[] proj) {
          double[] center = Arrays.copyOfRange(cam, 3, 6);
          double[] shifted = new double[3];
          for (int i = 0; i < 3; i++) {
            shifted[i] = point[i] - center[i];
          }
          double[] xcam = new double[3];
          rodriguesRotate(Arrays.copyOfRange(cam, 0, 3), shifted, xcam);
          double u = xcam[0] / xcam[2];
          double v = xcam[1] / xcam[2];
          double rsq = u * u + v * v;
          double l = 1 + cam[9] * rsq + cam[10] * rsq * rsq;
          proj[0] = u * l * cam[6] + cam[7];
          proj[1] = v * l * cam[6] + cam[8];
        }

        @Differentiable(wrt = {"cams", "points", "weights"})
        static double objective(double[][] cams, double[][] points, double[] weights,
            int[] camIdx, int[] ptIdx, double[][] obs) {
          double sum = 0;
          double[] proj = new double[2];
          for (int i = 0; i < obs.length; i++) {
            project(cams[camIdx[i]], points[ptIdx[i]], proj);
            double w = weights[i];
            double ex = w * (proj[0] - obs[i][0]);
            double ey = w * (proj[1] - obs[i][1]);
            double we = 1 - w * w;
            sum += ex * ex + ey * ey + we * we;
          }
          return sum;
        }
        """)
        .at(new double[][] {
              {0.1, -0.2, 0.05, 0.3, -0.1, -5.0, 1.2, 0.01, -0.02, 0.05, -0.01},
              {-0.05, 0.1, 0.2, -0.2, 0.1, -6.0, 0.9, -0.03, 0.02, 0.02, 0.005}},
            new double[][] {{0.5, 0.2, 1.0}, {-0.3, 0.4, 0.5}, {0.1, -0.6, 0.8}},
            new double[] {0.9, 1.1, 0.8, 1.05},
            new int[] {0, 1, 0, 1}, new int[] {0, 1, 2, 0},
            new double[][] {{0.1, 0.05}, {-0.05, 0.1}, {0.02, -0.1}, {0.12, 0.01}})
        .build();
  }

  /** GradBench llsq: polynomial least squares against sign(t). */
  static Program13 gradbenchLlsq() {
    return Program13.of("GradbenchLlsq", "GradBench llsq.hpp", "llsq", "", """
        private static double t(int i, int n) {
          return -1 + i * 2.0 / (n - 1);
        }

        @Differentiable
        static double llsq(double[] x, int n) {
          double sum = 0;
          for (int i = 0; i < n; i++) {
            double ti = t(i, n);
            double inner = Math.signum(ti);
            double mul = 1;
            for (int j = 0; j < x.length; j++) {
              inner -= x[j] * mul;
              mul *= ti;
            }
            sum += inner * inner;
          }
          return sum / 2;
        }
        """)
        .at(vec(4, 101), 9)
        .oracle(Oracles13::llsq)
        .build();
  }

  /** GradBench det (cmpad det_of_minor) as recursive cofactor expansion on minors. */
  static Program13 gradbenchDet() {
    return Program13.of("GradbenchDet", "GradBench det.hpp, recursive cofactor expansion",
        "det", "", """
        @Differentiable
        static double det(double[][] a) {
          int n = a.length;
          if (n == 1) {
            return a[0][0];
          }
          double sum = 0;
          for (int j = 0; j < n; j++) {
            double[][] minor = new double[n - 1][n - 1];
            for (int i = 1; i < n; i++) {
              int c = 0;
              for (int k = 0; k < n; k++) {
                if (k != j) {
                  minor[i - 1][c++] = a[i][k];
                }
              }
            }
            double sign = j % 2 == 0 ? 1 : -1;
            sum += sign * a[0][j] * det(minor);
          }
          return sum;
        }
        """)
        .at((Object) mat(4, 4, 111))
        .oracle(Oracles13::detGradient)
        .build();
  }

  /** Determinant by LU with partial pivoting on a copy, rows swapped by reference. */
  static Program13 determinantLu() {
    return Program13.of("DeterminantLu", "Golub–Van Loan LU with partial pivoting", "det", "",
        """
        @Differentiable
        static double det(double[][] a) {
          int n = a.length;
          double[][] lu = new double[n][];
          for (int i = 0; i < n; i++) {
            lu[i] = a[i].clone();
          }
          double det = 1;
          for (int k = 0; k < n; k++) {
            int p = k;
            for (int i = k + 1; i < n; i++) {
              if (Math.abs(lu[i][k]) > Math.abs(lu[p][k])) {
                p = i;
              }
            }
            if (p != k) {
              double[] t = lu[p];
              lu[p] = lu[k];
              lu[k] = t;
              det = -det;
            }
            det *= lu[k][k];
            for (int i = k + 1; i < n; i++) {
              double f = lu[i][k] / lu[k][k];
              for (int j = k; j < n; j++) {
                lu[i][j] -= f * lu[k][j];
              }
            }
          }
          return det;
        }
        """)
        .at((Object) mat(4, 4, 121))
        .oracle(Oracles13::detGradient)
        .build();
  }
}
