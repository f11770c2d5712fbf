package dev.adjoint.demo.second;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.GradientCheck;
import java.util.List;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.junit.jupiter.api.Test;

/**
 * The demo's second-order sections: the generated Hessian and Jacobian against hand-derived
 * formulas and finite differences, Newton's quadratic convergence, and the curve fit's result.
 */
class SecondOrderSectionsTest {

    /** |a - b| ≤ tol · max(1, |a|, |b|). */
    private static void assertClose(double expected, double actual, double tol, String what) {
        double scale = Math.max(1, Math.max(Math.abs(expected), Math.abs(actual)));
        assertTrue(Math.abs(expected - actual) <= tol * scale,
                what + ": expected " + expected + " but was " + actual);
    }

    @Test
    void rosenbrockHessianIsTheAnalyticOneAndTheGradientsDerivative() {
        double[][] points = {{-1.2, 1}, {0.3, -0.7}, {1, 1}, {2.5, 0.4}};
        for (double[] p : points) {
            double x = p[0];
            double y = p[1];
            var h = SecondOrderModelsGrad.rosenbrockHessian(x, y);
            double[][] hess = h.hessian();
            // f = 100 (y - x^2)^2 + (1 - x)^2, derived by hand
            assertClose(100 * (y - x * x) * (y - x * x) + (1 - x) * (1 - x), h.value(), 1e-14,
                    "f");
            assertClose(-400 * x * (y - x * x) - 2 * (1 - x), h.x(), 1e-13, "df/dx");
            assertClose(200 * (y - x * x), h.y(), 1e-13, "df/dy");
            assertClose(1200 * x * x - 400 * y + 2, hess[0][0], 1e-13, "d2f/dx2");
            assertClose(-400 * x, hess[0][1], 1e-13, "d2f/dxdy");
            assertClose(-400 * x, hess[1][0], 1e-13, "d2f/dydx");
            assertClose(200, hess[1][1], 1e-13, "d2f/dy2");
            // and the generated gradient's finite differences, independently of the formulas
            double[] row0 = GradientCheck.numericalGradient(
                    q -> SecondOrderModelsGrad.rosenbrock(q[0], q[1]).x(), new double[] {x, y});
            double[] row1 = GradientCheck.numericalGradient(
                    q -> SecondOrderModelsGrad.rosenbrock(q[0], q[1]).y(), new double[] {x, y});
            for (int j = 0; j < 2; j++) {
                assertClose(row0[j], hess[0][j], 1e-7, "FD row 0");
                assertClose(row1[j], hess[1][j], 1e-7, "FD row 1");
            }
        }
    }

    @Test
    void newtonConvergesQuadraticallyToTheMinimum() {
        List<NewtonSection.Iterate> it = NewtonSection.iterates(-1.2, 1);
        NewtonSection.Iterate last = it.get(it.size() - 1);
        assertTrue(it.size() <= 10, "iterations: " + it.size());
        assertTrue(last.gradientNorm() < 1e-12, "final |grad f| " + last.gradientNorm());
        assertEquals(1.0, last.x(), 1e-12);
        assertEquals(1.0, last.y(), 1e-12);
        assertTrue(last.value() < 1e-24, "f " + last.value());
        // quadratic convergence: once |g| < 1e-2, each step at most squares it (times a constant)
        int checked = 0;
        for (int k = 0; k + 1 < it.size(); k++) {
            double g = it.get(k).gradientNorm();
            double next = it.get(k + 1).gradientNorm();
            if (g < 1e-2 && next > 1e-15) {
                assertTrue(next <= 1e3 * g * g, "step " + k + ": " + g + " -> " + next);
                checked++;
            }
        }
        assertTrue(checked >= 1, "no step in the quadratic regime was checked");
    }

    @Test
    void newtonSectionPrintsEveryIterate() {
        String text = NewtonSection.render();
        int n = NewtonSection.iterates(-1.2, 1).size();
        assertTrue(text.contains("rosenbrockHessian"), text);
        assertTrue(text.matches("(?s).*\\n +0 +-1\\.2000000000000000 +1\\.0000000000000000 .*"),
                text);
        assertTrue(text.matches("(?s).*\\n +" + (n - 1)
                + " +1\\.0000000000000000 +1\\.0000000000000000 .*"), text);
    }

    @Test
    void curveJacobianIsTheAnalyticOne() {
        double[] p = {2.1, 0.9, -0.3};
        var j = SecondOrderModelsGrad.curveJacobian(p, CurveFitSection.T);
        double[][] jac = j.jacobian();
        assertEquals(CurveFitSection.T.length, jac.length);
        for (int i = 0; i < CurveFitSection.T.length; i++) {
            double t = CurveFitSection.T[i];
            double e = Math.exp(-p[1] * t);
            assertClose(p[0] * e + p[2], j.values()[i], 1e-14, "value " + i);
            assertClose(e, jac[i][0], 1e-14, "d/da " + i);
            assertClose(-p[0] * t * e, jac[i][1], 1e-14, "d/dk " + i);
            assertClose(1, jac[i][2], 1e-14, "d/dc " + i);
        }
    }

    @Test
    void levenbergMarquardtRecoversTheParameters() {
        LeastSquaresOptimizer.Optimum optimum = CurveFitSection.fit();
        double[] p = optimum.getPoint().toArray();
        // data from (2.5, 1.3, 0.5) plus a ±0.01 ripple
        assertEquals(2.5, p[0], 0.02);
        assertEquals(1.3, p[1], 0.02);
        assertEquals(0.5, p[2], 0.01);
        assertTrue(optimum.getRMS() < 0.01, "RMS " + optimum.getRMS());
        // at a least-squares optimum the gradient J^T r of ½|r|² vanishes
        var j = SecondOrderModelsGrad.curveJacobian(p, CurveFitSection.T);
        double[] y = CurveFitSection.observations();
        for (int c = 0; c < 3; c++) {
            double g = 0;
            for (int i = 0; i < y.length; i++) {
                g += j.jacobian()[i][c] * (j.values()[i] - y[i]);
            }
            assertEquals(0, g, 1e-8, "gradient of the squared residual, parameter " + c);
        }
        assertTrue(CurveFitSection.render().contains("iterations"));
    }
}
