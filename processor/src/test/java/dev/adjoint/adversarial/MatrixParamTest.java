package dev.adjoint.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.GradientCheck;
import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * {@link MatrixParamFx}: value, 5-point central differences over the flattened matrix, mTangent,
 * mHvp, and the caller's matrix left as the original leaves it.
 */
class MatrixParamTest {
    private static final double[][] M = {{0.7, -1.3, 0.4}, {1.1, 0.5, -0.8}};
    private static final double[][] V = {{0.3, -0.5, 0.9}, {-0.2, 0.6, 0.1}};

    private static double[][] copy(double[][] m) {
        return new double[][] {m[0].clone(), m[1].clone()};
    }

    private static double[][] unflat(double[] p) {
        return new double[][] {Arrays.copyOfRange(p, 0, 3), Arrays.copyOfRange(p, 3, 6)};
    }

    private static double[] flat(double[][] m) {
        double[] r = new double[6];
        System.arraycopy(m[0], 0, r, 0, 3);
        System.arraycopy(m[1], 0, r, 3, 3);
        return r;
    }

    private static void check(ToDoubleFunction<double[][]> original,
            ToDoubleFunction<double[][]> value, Function<double[][], double[][]> gradient,
            ToDoubleBiFunction<double[][], double[][]> tangent,
            BiFunction<double[][], double[][], double[][]> hvp) {
        assertEquals(original.applyAsDouble(copy(M)), value.applyAsDouble(copy(M)), 0.0);
        double[] g = flat(gradient.apply(copy(M)));
        GradientCheck.compare(p -> original.applyAsDouble(unflat(p)), flat(M), g)
                .assertWithin(1e-6);
        double[][] afterOriginal = copy(M);
        original.applyAsDouble(afterOriginal);
        double[][] afterGradient = copy(M);
        gradient.apply(afterGradient);
        assertEquals(Arrays.deepToString(afterOriginal), Arrays.deepToString(afterGradient));
        double[] v = flat(V);
        double dot = 0;
        for (int i = 0; i < g.length; i++) {
            dot += g[i] * v[i];
        }
        assertEquals(dot, tangent.applyAsDouble(copy(M), copy(V)), 1e-9 * Math.max(1, Math.abs(dot)));
        double[] hv = flat(hvp.apply(copy(M), copy(V)));
        double h = 1e-4;
        double[] x = flat(M);
        double[][] at = new double[4][];
        double[] ts = {2 * h, h, -h, -2 * h};
        for (int k = 0; k < 4; k++) {
            double[] p = x.clone();
            for (int i = 0; i < p.length; i++) {
                p[i] += ts[k] * v[i];
            }
            at[k] = flat(gradient.apply(unflat(p)));
        }
        for (int i = 0; i < x.length; i++) {
            double fd = (-at[0][i] + 8 * at[1][i] - 8 * at[2][i] + at[3][i]) / (12 * h);
            assertEquals(fd, hv[i], 1e-6 * Math.max(1, Math.abs(fd)), "Hv[" + i + "]");
        }
    }

    @Test
    void helperOnParameterRow() {
        check(MatrixParamFx::helperOnParameterRow, p -> MatrixParamFxGrad.helperOnParameterRow(p).value(),
                p -> MatrixParamFxGrad.helperOnParameterRow(p).m(),
                (p, v) -> MatrixParamFxGrad.helperOnParameterRowTangent(p, v).tangent(),
                (p, v) -> MatrixParamFxGrad.helperOnParameterRowHvp(p, v).mHvp());
    }

    @Test
    void rowAliasBetweenSumLoops() {
        check(MatrixParamFx::rowAliasBetweenSumLoops, p -> MatrixParamFxGrad.rowAliasBetweenSumLoops(p).value(),
                p -> MatrixParamFxGrad.rowAliasBetweenSumLoops(p).m(),
                (p, v) -> MatrixParamFxGrad.rowAliasBetweenSumLoopsTangent(p, v).tangent(),
                (p, v) -> MatrixParamFxGrad.rowAliasBetweenSumLoopsHvp(p, v).mHvp());
    }

    @Test
    void rowNamesSwappedThenWritten() {
        check(MatrixParamFx::rowNamesSwappedThenWritten, p -> MatrixParamFxGrad.rowNamesSwappedThenWritten(p).value(),
                p -> MatrixParamFxGrad.rowNamesSwappedThenWritten(p).m(),
                (p, v) -> MatrixParamFxGrad.rowNamesSwappedThenWrittenTangent(p, v).tangent(),
                (p, v) -> MatrixParamFxGrad.rowNamesSwappedThenWrittenHvp(p, v).mHvp());
    }

    @Test
    void fillParameterRow() {
        check(MatrixParamFx::fillParameterRow, p -> MatrixParamFxGrad.fillParameterRow(p).value(),
                p -> MatrixParamFxGrad.fillParameterRow(p).m(),
                (p, v) -> MatrixParamFxGrad.fillParameterRowTangent(p, v).tangent(),
                (p, v) -> MatrixParamFxGrad.fillParameterRowHvp(p, v).mHvp());
    }
}
