package dev.adjoint.corpus;

import dev.adjoint.Activations;
import dev.adjoint.Differentiable;
import dev.adjoint.Losses;

/** Machine-learning programs written as a user would: MLP, logistic regression, RNN, LSTM, GRU, attention. */
final class MlCorpus {
    private MlCorpus() {
    }

    /** 1. Per-sample MLP (in -> hidden tanh -> out linear) with squared-error loss. */
    @Differentiable(wrt = {"w1", "b1", "w2", "b2"})
    static double mlpLoss(double[] x, double y, double[][] w1, double[] b1, double[] w2, double b2) {
        int hidden = b1.length;
        double[] h = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            double z = b1[j];
            for (int i = 0; i < x.length; i++) {
                z += w1[j][i] * x[i];
            }
            h[j] = Math.tanh(z);
        }
        double out = b2;
        for (int j = 0; j < hidden; j++) {
            out += w2[j] * h[j];
        }
        return Losses.squaredError(out, y);
    }

    /** 2. Logistic regression: mean binary cross-entropy over a small batch, with L2. */
    @Differentiable(wrt = {"w", "b"})
    static double logisticLoss(double[][] xs, double[] labels, double[] w, double b, double lambda) {
        double total = 0.0;
        for (int n = 0; n < xs.length; n++) {
            double z = b;
            for (int k = 0; k < w.length; k++) {
                z += w[k] * xs[n][k];
            }
            double p = Activations.sigmoid(z);
            total += Losses.binaryCrossEntropy(p, labels[n]);
        }
        double reg = 0.0;
        for (double wk : w) {
            reg += wk * wk;
        }
        return total / xs.length + 0.5 * lambda * reg;
    }

    /** 3. Softmax cross-entropy by hand, with the max-subtraction trick. */
    @Differentiable
    static double softmaxXent(double[] logits, int label) {
        double max = logits[0];
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > max) {
                max = logits[i];
            }
        }
        double sum = 0.0;
        for (int i = 0; i < logits.length; i++) {
            sum += Math.exp(logits[i] - max);
        }
        return -(logits[label] - max - Math.log(sum));
    }

    /** 4. Linear layer feeding Losses.softmaxCrossEntropy (runtime pullback). */
    @Differentiable(wrt = {"w", "b"})
    static double linearSoftmax(double[] x, double[][] w, double[] b, int label) {
        double[] logits = new double[b.length];
        for (int c = 0; c < b.length; c++) {
            double s = b[c];
            for (int i = 0; i < x.length; i++) {
                s += w[c][i] * x[i];
            }
            logits[c] = s;
        }
        return Losses.softmaxCrossEntropy(logits, label);
    }

    /** 5. Elman RNN over a sequence (rows of xs), hidden state overwritten each step, readout at the end. */
    @Differentiable(wrt = {"wx", "wh", "bh", "wy"})
    static double rnnLoss(double[][] xs, double[][] wx, double[][] wh, double[] bh, double[] wy, double target) {
        int hsz = bh.length;
        double[] h = new double[hsz];
        double[] next = new double[hsz];
        for (int t = 0; t < xs.length; t++) {
            for (int j = 0; j < hsz; j++) {
                double a = bh[j];
                for (int i = 0; i < xs[t].length; i++) {
                    a += wx[j][i] * xs[t][i];
                }
                for (int k = 0; k < hsz; k++) {
                    a += wh[j][k] * h[k];
                }
                next[j] = Math.tanh(a);
            }
            for (int j = 0; j < hsz; j++) {
                h[j] = next[j];
            }
        }
        double y = 0.0;
        for (int j = 0; j < hsz; j++) {
            y += wy[j] * h[j];
        }
        double e = y - target;
        return e * e;
    }

    static double sigm(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }

    static double dot(double[] w, double[] x) {
        double s = 0.0;
        for (int i = 0; i < x.length; i++) {
            s += w[i] * x[i];
        }
        return s;
    }

    /** 6. One LSTM step on scalars (hidden size 1), returning h + c as the objective. */
    @Differentiable
    static double lstmStep(double x, double hPrev, double cPrev, double wi, double ui, double bi,
            double wf, double uf, double bf, double wo, double uo, double bo, double wg, double ug, double bg) {
        double i = sigm(wi * x + ui * hPrev + bi);
        double f = sigm(wf * x + uf * hPrev + bf);
        double o = sigm(wo * x + uo * hPrev + bo);
        double g = Math.tanh(wg * x + ug * hPrev + bg);
        double c = f * cPrev + i * g;
        double h = o * Math.tanh(c);
        return h + 0.5 * c;
    }

    /** 7. Unrolled LSTM (vector state, weight rows [gate*H + j] over input then hidden). */
    @Differentiable(wrt = {"w", "b"})
    static double lstmUnrolled(double[][] xs, double[][] w, double[] b, double target) {
        int hs = b.length / 4;
        double[] h = new double[hs];
        double[] c = new double[hs];
        double[] z = new double[4 * hs];
        double[] in = new double[xs[0].length + hs];
        for (int t = 0; t < xs.length; t++) {
            int d = xs[t].length;
            for (int i = 0; i < d; i++) {
                in[i] = xs[t][i];
            }
            for (int j = 0; j < hs; j++) {
                in[d + j] = h[j];
            }
            for (int r = 0; r < 4 * hs; r++) {
                z[r] = b[r] + dot(w[r], in);
            }
            for (int j = 0; j < hs; j++) {
                double ig = sigm(z[j]);
                double fg = sigm(z[hs + j]);
                double og = sigm(z[2 * hs + j]);
                double gg = Math.tanh(z[3 * hs + j]);
                c[j] = fg * c[j] + ig * gg;
                h[j] = og * Math.tanh(c[j]);
            }
        }
        double loss = 0.0;
        for (int j = 0; j < hs; j++) {
            double e = h[j] - target;
            loss += e * e;
        }
        return loss;
    }

    /** 8. GRU cell unrolled over a scalar sequence, scalar hidden state. */
    @Differentiable(wrt = {"wz", "uz", "wr", "ur", "wh", "uh"})
    static double gru(double[] xs, double wz, double uz, double wr, double ur, double wh, double uh) {
        double h = 0.1;
        for (double x : xs) {
            double z = sigm(wz * x + uz * h);
            double r = sigm(wr * x + ur * h);
            double cand = Math.tanh(wh * x + uh * (r * h));
            h = (1 - z) * h + z * cand;
        }
        return h;
    }

    /** 9. Scaled dot-product attention for small matrices; objective sum of outputs squared. */
    @Differentiable
    static double attention(double[][] q, double[][] k, double[][] v) {
        int n = q.length;
        int d = q[0].length;
        int dv = v[0].length;
        double scale = 1.0 / Math.sqrt(d);
        double[][] scores = new double[n][k.length];
        double[][] out = new double[n][dv];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < k.length; j++) {
                double s = 0;
                for (int t = 0; t < d; t++) {
                    s += q[i][t] * k[j][t];
                }
                scores[i][j] = s * scale;
                max = Math.max(max, scores[i][j]);
            }
            double denom = 0;
            for (int j = 0; j < k.length; j++) {
                scores[i][j] = Math.exp(scores[i][j] - max);
                denom += scores[i][j];
            }
            for (int j = 0; j < k.length; j++) {
                scores[i][j] /= denom;
            }
            for (int c = 0; c < dv; c++) {
                double acc = 0;
                for (int j = 0; j < k.length; j++) {
                    acc += scores[i][j] * v[j][c];
                }
                out[i][c] = acc;
            }
        }
        double obj = 0;
        for (double[] row : out) {
            for (double o : row) {
                obj += o * o;
            }
        }
        return obj;
    }
}
