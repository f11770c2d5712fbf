package dev.adjoint.forward;

import static dev.adjoint.forward.ForwardCheck.exact;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Generated Hessians of Moré–Garbow–Hillstrom problems against their analytic Hessians (the
 * hand-coded formulas of the funconstrain package, ported).
 */
class MghHessianTest {

    @ParameterizedTest
    @CsvSource({"-1.2, 1", "1, 1", "0.3, -0.7"})
    void rosenbrock(double x, double y) {
        MghFxGrad.RosenbrockHessian h = MghFxGrad.rosenbrockHessian(x, y);
        exact(-2 * (1 - x) - 400 * x * (y - x * x), h.x(), "df/dx");
        exact(200 * (y - x * x), h.y(), "df/dy");
        exact(new double[] {2 - 400 * (y - x * x) + 800 * x * x, -400 * x}, h.hessian()[0], "row 0");
        exact(new double[] {-400 * x, 200}, h.hessian()[1], "row 1");
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "3, 0.5", "-0.4, 1.3"})
    void beale(double x, double y) {
        double[] c = {1.5, 2.25, 2.625};
        double hxx = 0;
        double hxy = 0;
        double hyy = 0;
        for (int i = 1; i <= 3; i++) {
            double r = c[i - 1] - x * (1 - Math.pow(y, i));
            double rx = Math.pow(y, i) - 1;
            double ry = i * x * Math.pow(y, i - 1);
            hxx += 2 * rx * rx;
            hxy += 2 * (rx * ry + r * i * Math.pow(y, i - 1));
            hyy += 2 * (ry * ry + r * i * (i - 1) * x * (i >= 2 ? Math.pow(y, i - 2) : 0));
        }
        MghFxGrad.BealeHessian h = MghFxGrad.bealeHessian(x, y);
        exact(new double[] {hxx, hxy}, h.hessian()[0], "row 0");
        exact(new double[] {hxy, hyy}, h.hessian()[1], "row 1");
    }

    @ParameterizedTest
    @CsvSource({"3, -1, 0, 1", "0.5, 0.2, -0.7, 1.1"})
    void powellSingular(double x1, double x2, double x3, double x4) {
        double[][] expected = new double[4][4];
        double u = x2 - 2 * x3;
        double w = x1 - x4;
        expected[0][0] = 2 + 120 * w * w;
        expected[0][1] = 20;
        expected[0][3] = -120 * w * w;
        expected[1][1] = 200 + 12 * u * u;
        expected[1][2] = -24 * u * u;
        expected[2][2] = 10 + 48 * u * u;
        expected[2][3] = -10;
        expected[3][3] = 10 + 120 * w * w;
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < i; j++) {
                expected[i][j] = expected[j][i];
            }
        }
        MghFxGrad.PowellSingularHessian h =
                MghFxGrad.powellSingularHessian(new double[] {x1, x2, x3, x4});
        for (int i = 0; i < 4; i++) {
            exact(expected[i], h.hessian()[i], "row " + i);
        }
    }
}
