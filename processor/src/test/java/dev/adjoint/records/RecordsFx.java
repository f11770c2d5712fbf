package dev.adjoint.records;

import dev.adjoint.Differentiable;
import dev.adjoint.Losses;

/** Records as differentiated parameters (issue 17): read through accessors and fields. */
final class RecordsFx {
    private RecordsFx() {
    }

    /** Two scalars. */
    record Affine(double w, double b) {
    }

    /** A dense layer. */
    record Layer(double[][] w, double[] b) {
        /** The j-th unit's activation. */
        double unit(double[] x, int j) {
            double z = b[j];
            for (int i = 0; i < x.length; i++) {
                z += w[j][i] * x[i];
            }
            return Math.tanh(z);
        }
    }

    /** Nested records, plus components that carry no derivative (copied through). */
    record Mlp(Layer hidden, Layer out, int classes, String name) {
    }

    /** An option-pricing model's parameters. */
    record Heston(double kappa, double theta, double sigma, double rho, double v0) {
    }

    @Differentiable
    static double affineLoss(Affine p, double x, double y) {
        double d = p.w() * x + p.b() - y;
        return 0.5 * d * d;
    }

    /** Field reads ({@code p.w}), legal here since the record is nested in this class. */
    @Differentiable
    static double affineByFields(Affine p, double x) {
        return Math.sin(p.w * x) + p.b * p.b * x;
    }

    @Differentiable
    static double mlpLoss(Mlp m, double[] x, int label) {
        int hiddenSize = m.hidden().b().length;
        double[] h = new double[hiddenSize];
        for (int j = 0; j < hiddenSize; j++) {
            double s = m.hidden().b()[j];
            for (int i = 0; i < x.length; i++) {
                s += m.hidden().w()[j][i] * x[i];
            }
            h[j] = Math.tanh(s);
        }
        double[] logits = new double[m.classes()];
        for (int k = 0; k < m.classes(); k++) {
            double s = m.out().b()[k];
            for (int j = 0; j < hiddenSize; j++) {
                s += m.out().w()[k][j] * h[j];
            }
            logits[k] = s;
        }
        return Losses.softmaxCrossEntropy(logits, label);
    }

    /** Only the output layer, by a component path. */
    @Differentiable(wrt = {"m.out"})
    static double outputOnly(Mlp m, double[] x, int label) {
        return mlpLoss2(m.hidden().w()[0][0], m.out().w()[1][1], m.out().b()[0], x[0]);
    }

    /** A helper of plain doubles, called with components. */
    static double mlpLoss2(double a, double b, double c, double x) {
        return a * b * x + c * c;
    }

    /** A component path and a plain parameter. */
    @Differentiable(wrt = {"p.w", "x"})
    static double pathAndScalar(Affine p, double x) {
        return p.w() * p.w() * x + p.b() * x;
    }

    @Differentiable
    static double hestonLike(Heston h, double t) {
        double e = Math.exp(-h.kappa() * t);
        double mean = h.theta() + (h.v0() - h.theta()) * e;
        double spread = h.sigma() * Math.sqrt(mean * t) * (1 + h.rho() * h.rho());
        return mean + 0.1 * spread;
    }

    /** A layer returning a vector: the API takes the seed. */
    @Differentiable
    static double[] dense(Layer l, double[] x) {
        double[] y = new double[l.b().length];
        for (int j = 0; j < y.length; j++) {
            double s = l.b()[j];
            for (int i = 0; i < x.length; i++) {
                s += l.w()[j][i] * x[i];
            }
            y[j] = Math.tanh(s);
        }
        return y;
    }

    /** A record beside loops and branches, read inside the loop. */
    @Differentiable
    static double iterate(Affine p, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            if (s > 1) {
                s = s * p.w() - p.b;
            } else {
                s = Math.sin(s) + p.w() * p.b();
            }
        }
        return s;
    }

    /** Locals standing for components ({@code double[][] w = l.w();}) and a row of one. */
    @Differentiable
    static double aliases(Layer l, double[] x) {
        double[][] w = l.w();
        var b = l.b();
        double s = 0;
        for (int j = 0; j < b.length; j++) {
            double[] row = w[j];
            double z = b[j];
            for (int i = 0; i < x.length; i++) {
                z += row[i] * x[i];
            }
            s += z * z;
        }
        return s;
    }

    /** A method of a nested record, called on a component of a record parameter. */
    @Differentiable
    static double nestedCall(Mlp m, double[] x) {
        double s = 0;
        for (int j = 0; j < m.hidden().b().length; j++) {
            s += m.hidden().unit(x, j) * m.out().w()[0][j];
        }
        return s;
    }

    /** A private helper (called through a copy) with a for-each over the rows of a matrix. */
    private static double sumOfSquares(double[][] w) {
        double s = 0;
        for (double[] row : w) {
            for (double v : row) {
                s += v * v;
            }
        }
        return s;
    }

    @Differentiable
    static double privateRowHelper(Layer l, double k) {
        double[][] kk = {{k}};
        return k * sumOfSquares(l.w()) + sumOfSquares(kk);
    }

    /** An object passed in, whose final field is read as a value without a derivative. */
    static final class Config {
        final double rate;

        Config(double rate) {
            this.rate = rate;
        }
    }

    @Differentiable
    static double withConfig(Affine p, Config config, double x) {
        return config.rate * p.w() * x + p.b();
    }
}
