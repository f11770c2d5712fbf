package dev.adjoint.demo.second;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Newton's method on Rosenbrock's function with the Hessian Adjoint generates: each step solves
 * H·s = −∇f, and near the minimum the number of correct digits doubles per iteration (quadratic
 * convergence), which the printed gradient norms show.
 */
public final class NewtonSection {
    /** Rosenbrock's classic start. */
    static final double START_X = -1.2;
    static final double START_Y = 1.0;
    /** The iteration stops when |∇f| falls below this. */
    static final double TOLERANCE = 1e-12;
    static final int MAX_ITERATIONS = 20;

    private NewtonSection() {
    }

    /**
     * One Newton iterate: the point, the value and the gradient norm there.
     *
     * @param x the first coordinate
     * @param y the second coordinate
     * @param value f(x, y)
     * @param gradientNorm |∇f(x, y)|
     */
    public record Iterate(double x, double y, double value, double gradientNorm) {
    }

    /**
     * Runs Newton's method from (x, y) until |∇f| &lt; {@value #TOLERANCE} or
     * {@value #MAX_ITERATIONS} steps, with value, gradient and Hessian from
     * {@code SecondOrderModelsGrad.rosenbrockHessian}.
     *
     * @param x the start's first coordinate
     * @param y the start's second coordinate
     * @return the iterates, the start first
     */
    public static List<Iterate> iterates(double x, double y) {
        List<Iterate> out = new ArrayList<>();
        for (int iter = 0; iter <= MAX_ITERATIONS; iter++) {
            var h = SecondOrderModelsGrad.rosenbrockHessian(x, y);
            double gx = h.x();
            double gy = h.y();
            double norm = Math.hypot(gx, gy);
            out.add(new Iterate(x, y, h.value(), norm));
            if (norm < TOLERANCE) {
                break;
            }
            double[][] hess = h.hessian();
            // solve the 2x2 system H s = -g by Cramer's rule
            double det = hess[0][0] * hess[1][1] - hess[0][1] * hess[1][0];
            double sx = (-gx * hess[1][1] + gy * hess[0][1]) / det;
            double sy = (-gy * hess[0][0] + gx * hess[1][0]) / det;
            x += sx;
            y += sy;
        }
        return out;
    }

    /**
     * Runs Newton's method from Rosenbrock's classic start (−1.2, 1).
     *
     * @return the section's text
     */
    public static String render() {
        StringBuilder out = new StringBuilder();
        out.append("Newton's method on Rosenbrock, f = 100 (y - x^2)^2 + (1 - x)^2,"
                + " with SecondOrderModelsGrad.rosenbrockHessian\n");
        out.append(String.format(Locale.ROOT, "%4s  %22s  %22s  %12s  %10s%n", "iter", "x",
                "y", "f", "|grad f|"));
        List<Iterate> iterates = iterates(START_X, START_Y);
        for (int i = 0; i < iterates.size(); i++) {
            Iterate it = iterates.get(i);
            out.append(String.format(Locale.ROOT, "%4d  %22.16f  %22.16f  %12.4e  %10.3e%n",
                    i, it.x(), it.y(), it.value(), it.gradientNorm()));
        }
        out.append("the minimum is (1, 1); near it each step squares the gradient's norm\n");
        return out.toString();
    }
}
