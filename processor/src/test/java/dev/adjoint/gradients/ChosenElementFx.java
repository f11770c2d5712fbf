package dev.adjoint.gradients;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;

/**
 * Elements of an array chosen by {@code ?:}, indexed directly (issue 13): {@code (c ? h : y)[i]}
 * read, passed as an argument, in a loop, of a matrix's rows and of nested choices.
 */
final class ChosenElementFx {
    private ChosenElementFx() {
    }

    /** Read, and as an argument of a helper, with the index computed by an increment. */
    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double pick(double[] h, double[] y, double c) {
        double s = (c > 0 ? h : y)[0] * c;
        int k = 1;
        s += square((c > 1 ? y : h)[k++]) * Math.sin(c);
        for (int i = 0; i < h.length; i++) {
            s += (i % 2 == 0 ? h : y)[i] * (i % 3 == 0 ? y : h)[h.length - 1 - i];
        }
        return s + (c < 0 ? h : y)[k];
    }

    /** A matrix chosen by ?:, and a choice inside a choice. */
    @Differentiable
    static double pickMatrix(double[][] m, double[][] n, double[] v, double c) {
        double s = 0;
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                s += (i == j ? m : n)[i][j] * (j > 0 ? (c > 0 ? v : m[i]) : n[j])[j];
            }
        }
        return s * c;
    }

    /** Writes into an element of a chosen array: =, += and *=, of rows, into a parameter. */
    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double writeChosen(double[] x, double c) {
        double[] a = x.clone();
        double[] b = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            (a[i] > 0 ? a : b)[i] = a[i] * c;
            (i % 2 == 0 ? a : b)[i] += Math.sin(x[i]);
        }
        double[][] m = {{x[0], x[1]}, {x[2], c}};
        (c > 0 ? m[0] : m[1])[1] *= c;
        (c > 0.5 ? x : b)[0] = c * c;
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += a[i] * b[i] + x[i] * (i + 1);
        }
        return s + m[0][1] * m[1][1];
    }

    static double square(double a) {
        return a * a;
    }
}
