package dev.adjoint.issue13;

import static dev.adjoint.issue13.Data13.mat;
import static dev.adjoint.issue13.Data13.vec;

import java.util.List;

/** Neural-network programs: per-sample MLP, packed MLP, RNN, LSTM and GRU cells, attention. */
final class NeuralPrograms13 {
  private NeuralPrograms13() {}

  static List<Program13> all() {
    return List.of(mlpPerSample(), packedMlp(), rnnSequence(), lstmSequence(), gruSequence(),
        attention());
  }

  /** The issue's first test: hidden and logit arrays allocated inside the sample loop. */
  static Program13 mlpPerSample() {
    return Program13.of("MlpPerSample", "per-sample MLP, softmax cross-entropy", "loss", "", """
        @Differentiable(wrt = {"w1", "b1", "w2", "b2"})
        static double loss(double[][] xs, int[] labels, double[][] w1, double[] b1,
            double[][] w2, double[] b2) {
          double total = 0;
          for (int s = 0; s < xs.length; s++) {
            double[] x = xs[s];
            double[] h = new double[b1.length];
            for (int j = 0; j < h.length; j++) {
              double z = b1[j];
              for (int i = 0; i < x.length; i++) {
                z += w1[j][i] * x[i];
              }
              h[j] = Math.tanh(z);
            }
            double[] logits = new double[b2.length];
            for (int k = 0; k < logits.length; k++) {
              logits[k] = b2[k];
              for (int j = 0; j < h.length; j++) {
                logits[k] += w2[k][j] * h[j];
              }
            }
            double max = logits[0];
            for (double l : logits) {
              max = Math.max(max, l);
            }
            double sum = 0;
            for (int k = 0; k < logits.length; k++) {
              sum += Math.exp(logits[k] - max);
            }
            total += Math.log(sum) + max - logits[labels[s]];
          }
          return total / xs.length;
        }
        """)
        .at(mat(4, 3, 1), new int[] {0, 2, 1, 2}, mat(5, 3, 2, 0.7), vec(5, 3, 0.2),
            mat(3, 5, 4, 0.8), vec(3, 5, 0.1))
        .build();
  }

  /** All weights in one flat vector, unpacked with {@code theta[p++]} as the network runs. */
  static Program13 packedMlp() {
    return Program13.of("PackedMlp", "MLP over a flat parameter vector (optimizer style)",
        "loss", "", """
        @Differentiable(wrt = "theta")
        static double loss(double[] theta, double[][] xs, double[] ys, int hidden) {
          double total = 0;
          for (int s = 0; s < xs.length; s++) {
            int p = 0;
            double[] h = new double[hidden];
            for (int j = 0; j < hidden; j++) {
              double z = theta[p++];
              for (int i = 0; i < xs[s].length; i++) {
                z += theta[p++] * xs[s][i];
              }
              h[j] = z > 0 ? z : 0.01 * z;
            }
            double y = theta[p++];
            for (int j = 0; j < hidden; j++) {
              y += theta[p++] * h[j];
            }
            double e = y - ys[s];
            total += e * e;
          }
          return 0.5 * total;
        }
        """)
        .at(vec(3 * 4 + 1 + 3, 7, 0.9), mat(5, 3, 8), vec(5, 9), 3)
        .build();
  }

  /** Elman RNN: {@code h = next;} at the end of every step. */
  static Program13 rnnSequence() {
    return Program13.of("RnnSequence", "Elman RNN over a sequence, squared readout", "loss",
        "", """
        @Differentiable(wrt = {"wx", "wh", "b", "v"})
        static double loss(double[][] xs, double[][] wx, double[][] wh, double[] b, double[] v,
            double target) {
          double[] h = new double[b.length];
          for (int t = 0; t < xs.length; t++) {
            double[] next = new double[h.length];
            for (int j = 0; j < next.length; j++) {
              double z = b[j];
              for (int i = 0; i < xs[t].length; i++) {
                z += wx[j][i] * xs[t][i];
              }
              for (int k = 0; k < h.length; k++) {
                z += wh[j][k] * h[k];
              }
              next[j] = Math.tanh(z);
            }
            h = next;
          }
          double y = 0;
          for (int j = 0; j < h.length; j++) {
            y += v[j] * h[j];
          }
          return 0.5 * (y - target) * (y - target);
        }
        """)
        .at(mat(5, 2, 11), mat(3, 2, 12, 0.8), mat(3, 3, 13, 0.6), vec(3, 14, 0.2),
            vec(3, 15), 0.3)
        .build();
  }

  /** LSTM with a private sigmoid, [x, h] packed by System.arraycopy, h and c handed over. */
  static Program13 lstmSequence() {
    return Program13.of("LstmSequence", "LSTM cell (textbook gates) over a sequence", "loss",
        "", """
        private static double sigmoid(double z) {
          return 1.0 / (1.0 + Math.exp(-z));
        }

        @Differentiable(wrt = {"wi", "wf", "wo", "wg"})
        static double loss(double[][] xs, double[][] wi, double[][] wf, double[][] wo,
            double[][] wg) {
          int hidden = wi.length;
          int in = xs[0].length;
          double[] h = new double[hidden];
          double[] c = new double[hidden];
          for (double[] x : xs) {
            double[] xh = new double[in + hidden];
            System.arraycopy(x, 0, xh, 0, in);
            System.arraycopy(h, 0, xh, in, hidden);
            double[] hNext = new double[hidden];
            double[] cNext = new double[hidden];
            for (int j = 0; j < hidden; j++) {
              double zi = 0, zf = 0, zo = 0, zg = 0;
              for (int k = 0; k < xh.length; k++) {
                zi += wi[j][k] * xh[k];
                zf += wf[j][k] * xh[k];
                zo += wo[j][k] * xh[k];
                zg += wg[j][k] * xh[k];
              }
              cNext[j] = sigmoid(zf) * c[j] + sigmoid(zi) * Math.tanh(zg);
              hNext[j] = sigmoid(zo) * Math.tanh(cNext[j]);
            }
            h = hNext;
            c = cNext;
          }
          double sum = 0;
          for (double v : h) {
            sum += v * v;
          }
          return sum;
        }
        """)
        .at(mat(4, 2, 21), mat(3, 5, 22, 0.7), mat(3, 5, 23, 0.7), mat(3, 5, 24, 0.7),
            mat(3, 5, 25, 0.7))
        .build();
  }

  /** GRU with a matVec helper returning a fresh array, and {@code h = next;}. */
  static Program13 gruSequence() {
    return Program13.of("GruSequence", "GRU cell (Cho et al. 2014) over a sequence", "loss",
        "", """
        static double[] matVec(double[][] w, double[] x) {
          double[] y = new double[w.length];
          for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < x.length; j++) {
              y[i] += w[i][j] * x[j];
            }
          }
          return y;
        }

        static double sigmoid(double z) {
          return 1.0 / (1.0 + Math.exp(-z));
        }

        @Differentiable(wrt = {"wz", "uz", "wr", "ur", "wh", "uh"})
        static double loss(double[][] xs, double[][] wz, double[][] uz, double[][] wr,
            double[][] ur, double[][] wh, double[][] uh) {
          double[] h = new double[wz.length];
          for (int t = 0; t < xs.length; t++) {
            double[] zx = matVec(wz, xs[t]);
            double[] zh = matVec(uz, h);
            double[] rx = matVec(wr, xs[t]);
            double[] rh = matVec(ur, h);
            double[] rTimesH = new double[h.length];
            for (int j = 0; j < h.length; j++) {
              rTimesH[j] = sigmoid(rx[j] + rh[j]) * h[j];
            }
            double[] cx = matVec(wh, xs[t]);
            double[] ch = matVec(uh, rTimesH);
            double[] next = new double[h.length];
            for (int j = 0; j < h.length; j++) {
              double z = sigmoid(zx[j] + zh[j]);
              next[j] = (1 - z) * h[j] + z * Math.tanh(cx[j] + ch[j]);
            }
            h = next;
          }
          double s = 0;
          for (int j = 0; j < h.length; j++) {
            s += (j + 1) * h[j];
          }
          return s;
        }
        """)
        .at(mat(4, 2, 31), mat(3, 2, 32), mat(3, 3, 33, 0.6), mat(3, 2, 34), mat(3, 3, 35, 0.6),
            mat(3, 2, 36), mat(3, 3, 37, 0.6))
        .build();
  }

  /** Scaled dot-product attention: {@code q[t] = matVec(wq, x[t])}, softmax in place. */
  static Program13 attention() {
    return Program13.of("Attention", "scaled dot-product self-attention (Vaswani et al. 2017)",
        "loss", "", """
        static double[] matVec(double[][] w, double[] x) {
          double[] y = new double[w.length];
          for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < x.length; j++) {
              y[i] += w[i][j] * x[j];
            }
          }
          return y;
        }

        static void softmaxInPlace(double[] a) {
          double max = a[0];
          for (int i = 1; i < a.length; i++) {
            max = Math.max(max, a[i]);
          }
          double sum = 0;
          for (int i = 0; i < a.length; i++) {
            a[i] = Math.exp(a[i] - max);
            sum += a[i];
          }
          for (int i = 0; i < a.length; i++) {
            a[i] /= sum;
          }
        }

        @Differentiable(wrt = {"wq", "wk", "wv"})
        static double loss(double[][] x, double[][] wq, double[][] wk, double[][] wv) {
          int n = x.length;
          int d = wq.length;
          double[][] q = new double[n][];
          double[][] k = new double[n][];
          double[][] v = new double[n][];
          for (int t = 0; t < n; t++) {
            q[t] = matVec(wq, x[t]);
            k[t] = matVec(wk, x[t]);
            v[t] = matVec(wv, x[t]);
          }
          double scale = 1.0 / Math.sqrt(d);
          double out = 0;
          for (int t = 0; t < n; t++) {
            double[] scores = new double[n];
            for (int s = 0; s < n; s++) {
              for (int i = 0; i < d; i++) {
                scores[s] += q[t][i] * k[s][i] * scale;
              }
            }
            softmaxInPlace(scores);
            for (int i = 0; i < d; i++) {
              double o = 0;
              for (int s = 0; s < n; s++) {
                o += scores[s] * v[s][i];
              }
              out += o * o;
            }
          }
          return out;
        }
        """)
        .at(mat(4, 3, 41), mat(2, 3, 42), mat(2, 3, 43), mat(2, 3, 44))
        .build();
  }
}
