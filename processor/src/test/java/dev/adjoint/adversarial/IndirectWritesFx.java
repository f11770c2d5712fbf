package dev.adjoint.adversarial;

import dev.adjoint.Differentiable;
import dev.adjoint.Mode;

/**
 * Writes the analyses might not attribute to the array a temporary reads: through a chain of
 * helpers, into the int[] that indexes the read, into an int local, through a static field,
 * an enhanced-for variable, an overlapping System.arraycopy, a chosen array, a row a
 * helper reaches through its matrix.
 */
final class IndirectWritesFx {
    static double factor = 1.0;

    private IndirectWritesFx() {
    }

    static void inner(double[] y, double c) {
        for (int k = 0; k < y.length; k++) {
            y[k] = y[k] * c + 0.1;
        }
    }

    static void outer(double[] y) {
        inner(y, 1.5);
    }

    static void rotate(int[] idx) {
        int first = idx[0];
        for (int k = 0; k + 1 < idx.length; k++) {
            idx[k] = idx[k + 1];
        }
        idx[idx.length - 1] = first;
    }

    static void scaleRow(double[][] m, int r) {
        for (int k = 0; k < m[r].length; k++) {
            m[r][k] *= 1.5;
        }
    }

    static void resetFactor() {
        factor = 1.0;
    }

    static void bumpFactor() {
        factor = factor * 1.5;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double helperChain(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double a = y[i] * y[i];
            outer(y);
            s += a * y[i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double indexArrayRotated(double[] x) {
        double[] y = x.clone();
        int[] idx = {0, 1, 2, 3};
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double a = y[idx[1]] * y[idx[1]];
            rotate(idx);
            s += a * y[idx[1]];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double indexArrayWrittenDirectly(double[] x) {
        double[] y = x.clone();
        int[] idx = {0, 1, 2, 3};
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double a = y[idx[i]] * y[idx[i]];
            idx[i] = (idx[i] + 1) % y.length;
            s += a * y[idx[i]];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double intLocalChanged(double[] x) {
        double[] y = x.clone();
        double s = 0;
        int j = 0;
        for (int i = 0; i < y.length; i++) {
            double a = y[j] * y[j];
            j = (j + 3) % y.length;
            s += a * y[j];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double staticFieldChanged(double[] x) {
        resetFactor();
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double a = y[i] * factor;
            bumpFactor();
            s += a * y[i] * factor;
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double enhancedForVariable(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (double v : y) {
            inner(y, 1.5);
            s += v * v * y[0];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double overlappingArraycopy(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double a = y[i] * y[i];
            System.arraycopy(y, 0, y, 1, y.length - 1);
            y[0] = a * 0.5;
            s += a * y[i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double chosenArrayWrite(double[] x) {
        double[] y = x.clone();
        double[] z = new double[x.length];
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double a = y[i] * y[i];
            (x[i] > 0 ? y : z)[i] = a + 1;
            s += a * y[i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double rowThroughMatrixHelper(double[] x) {
        double[][] m = new double[2][];
        m[0] = x.clone();
        m[1] = x.clone();
        double[] r = m[1];
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double a = r[i] * r[i];
            scaleRow(m, 1);
            s += a * r[i];
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double whileLoopTemp(double[] x) {
        double[] y = x.clone();
        double s = 0;
        int i = 0;
        while (i < y.length) {
            double a = Math.exp(y[i]) * y[i];
            inner(y, 0.5);
            s += a * y[i];
            i++;
        }
        return s;
    }

    @Differentiable(modes = {Mode.GRADIENT, Mode.TANGENT, Mode.HESSIAN})
    static double compoundTemp(double[] x) {
        double[] y = x.clone();
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double a = y[i];
            a *= y[i];
            outer(y);
            a += y[i];
            s += a * y[i];
        }
        return s;
    }
}
