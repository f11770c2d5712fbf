package dev.adjoint;

import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Compares an analytic gradient with a numerical one, for use in tests.
 *
 * <p>The numerical gradient uses 5-point central differences,
 * {@code f'(x) ≈ [8(f(x+h) - f(x-h)) - (f(x+2h) - f(x-2h))] / 12h}, with
 * {@code h = step·max(1, |x[i]|)} and a default {@code step} of {@value #DEFAULT_STEP}.
 */
public final class GradientCheck {

    /** Default relative step: {@code h = DEFAULT_STEP·max(1, |x[i]|)}. */
    public static final double DEFAULT_STEP = 1e-3;

    private GradientCheck() {
    }

    /**
     * Numerical gradient of {@code f} at {@code x} with the default step.
     *
     * @param f the function; it receives a scratch copy of {@code x}, never {@code x} itself
     * @param x the point, which is not modified
     * @return a new array with the numerical partial derivatives
     */
    public static double[] numericalGradient(ToDoubleFunction<double[]> f, double[] x) {
        return numericalGradient(f, x, DEFAULT_STEP);
    }

    /**
     * Numerical gradient of {@code f} at {@code x} with {@code h = step·max(1, |x[i]|)}.
     *
     * @param f the function; it receives a scratch copy of {@code x}, never {@code x} itself
     * @param x the point, which is not modified
     * @param step the relative step, finite and positive
     * @return a new array with the numerical partial derivatives
     * @throws IllegalArgumentException if {@code step} is not finite and positive
     */
    public static double[] numericalGradient(ToDoubleFunction<double[]> f, double[] x,
            double step) {
        if (!(step > 0.0 && step < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("step must be finite and positive: " + step);
        }
        double[] point = x.clone();
        double[] scratch = new double[point.length];
        double[] gradient = new double[point.length];
        for (int i = 0; i < point.length; i++) {
            double xi = point[i];
            double h = step * Math.max(1.0, Math.abs(xi));
            double exact = (xi + h) - xi; // a step that is exactly representable around xi
            if (exact != 0.0) {
                h = exact;
            }
            double fp1 = evaluate(f, point, scratch, i, xi + h);
            double fm1 = evaluate(f, point, scratch, i, xi - h);
            double fp2 = evaluate(f, point, scratch, i, xi + 2.0 * h);
            double fm2 = evaluate(f, point, scratch, i, xi - 2.0 * h);
            gradient[i] = (8.0 * (fp1 - fm1) - (fp2 - fm2)) / (12.0 * h);
        }
        return gradient;
    }

    /** Evaluates f on a fresh copy of point with coordinate i replaced, so f may mutate it. */
    private static double evaluate(ToDoubleFunction<double[]> f, double[] point, double[] scratch,
            int i, double xi) {
        System.arraycopy(point, 0, scratch, 0, point.length);
        scratch[i] = xi;
        return f.applyAsDouble(scratch);
    }

    /**
     * Compares {@code analytic} with the numerical gradient of {@code f} at {@code x}, using the
     * default step.
     *
     * @param f the function
     * @param x the point, which is not modified
     * @param analytic the gradient to check, one entry per coordinate of {@code x}
     * @param names optional parameter names for the report, one per coordinate; defaults to
     *     {@code x[0]}, {@code x[1]}, ...
     * @return the report
     * @throws IllegalArgumentException if {@code analytic} or a non-empty {@code names} has the
     *     wrong length
     */
    public static Report compare(ToDoubleFunction<double[]> f, double[] x, double[] analytic,
            String... names) {
        return compare(f, x, analytic, DEFAULT_STEP, names);
    }

    /**
     * Compares {@code analytic} with the numerical gradient of {@code f} at {@code x}, using
     * {@code h = step·max(1, |x[i]|)}.
     *
     * @param f the function
     * @param x the point, which is not modified
     * @param analytic the gradient to check, one entry per coordinate of {@code x}
     * @param step the relative step, finite and positive
     * @param names optional parameter names for the report, one per coordinate; defaults to
     *     {@code x[0]}, {@code x[1]}, ...
     * @return the report
     * @throws IllegalArgumentException if {@code analytic} or a non-empty {@code names} has the
     *     wrong length, or {@code step} is not finite and positive
     */
    public static Report compare(ToDoubleFunction<double[]> f, double[] x, double[] analytic,
            double step, String... names) {
        int n = x.length;
        if (analytic.length != n) {
            throw new IllegalArgumentException("analytic gradient has length " + analytic.length
                    + " but x has length " + n);
        }
        String[] labels = new String[n];
        if (names == null || names.length == 0) {
            for (int i = 0; i < n; i++) {
                labels[i] = "x[" + i + "]";
            }
        } else if (names.length != n) {
            throw new IllegalArgumentException(
                    names.length + " names given for " + n + " parameters");
        } else {
            for (int i = 0; i < n; i++) {
                labels[i] = names[i] == null ? "x[" + i + "]" : names[i];
            }
        }
        return new Report(labels, analytic.clone(), numericalGradient(f, x, step));
    }

    /**
     * Result of {@link #compare}: analytic and numerical gradients with their relative errors
     * {@code |analytic - numeric| / max(1, |analytic|, |numeric|)}. Immutable.
     */
    public static final class Report {

        private final String[] names;
        private final double[] analytic;
        private final double[] numeric;
        private final double[] errors;
        private final int worst;

        private Report(String[] names, double[] analytic, double[] numeric) {
            this.names = names;
            this.analytic = analytic;
            this.numeric = numeric;
            this.errors = new double[names.length];
            int w = -1;
            for (int i = 0; i < errors.length; i++) {
                double a = analytic[i];
                double m = numeric[i];
                errors[i] = Math.abs(a - m) / Math.max(1.0, Math.max(Math.abs(a), Math.abs(m)));
                // NaN counts as the worst possible error.
                if (w < 0 || (!Double.isNaN(errors[w]) && !(errors[i] <= errors[w]))) {
                    w = i;
                }
            }
            this.worst = w;
        }

        /**
         * Returns the largest relative error ({@code NaN} if any error is {@code NaN}, 0 if there
         * are no parameters).
         *
         * @return the worst relative error
         */
        public double worstRelativeError() {
            return worst < 0 ? 0.0 : errors[worst];
        }

        /**
         * Returns the relative error of one parameter.
         *
         * @param i the parameter index
         * @return {@code |analytic - numeric| / max(1, |analytic|, |numeric|)}
         */
        public double relativeError(int i) {
            return errors[i];
        }

        /**
         * Returns the name of the parameter with the worst relative error.
         *
         * @return the name, or {@code null} if there are no parameters
         */
        public String worstParameter() {
            return worst < 0 ? null : names[worst];
        }

        /**
         * Returns the numerical gradient.
         *
         * @return a copy of the numerical gradient
         */
        public double[] numeric() {
            return numeric.clone();
        }

        /**
         * Returns the analytic gradient that was checked.
         *
         * @return a copy of the analytic gradient
         */
        public double[] analytic() {
            return analytic.clone();
        }

        /**
         * Returns whether every relative error is at most {@code tolerance} (and none is NaN).
         *
         * @param tolerance the largest acceptable relative error
         * @return {@code true} if the check passes
         */
        public boolean passes(double tolerance) {
            return worstRelativeError() <= tolerance;
        }

        /**
         * Asserts that the check passes.
         *
         * @param tolerance the largest acceptable relative error
         * @return this report
         * @throws AssertionError if it does not pass; the message holds a table of every
         *     parameter with failing rows marked
         * @throws IllegalArgumentException if {@code tolerance} is negative or NaN
         */
        public Report assertWithin(double tolerance) {
            if (!(tolerance >= 0.0)) {
                throw new IllegalArgumentException("tolerance must be >= 0: " + tolerance);
            }
            if (!passes(tolerance)) {
                throw new AssertionError(String.format(Locale.ROOT,
                        "gradient check failed: worst relative error %.3e at %s exceeds tolerance"
                                + " %.3e%n%s",
                        worstRelativeError(), worstParameter(), tolerance, table(tolerance)));
            }
            return this;
        }

        /**
         * Returns an aligned table of every parameter: name, analytic, numeric, relative error.
         *
         * @return the table
         */
        @Override
        public String toString() {
            return table(Double.NaN);
        }

        /** Builds the table; rows whose error exceeds tolerance are marked unless it is NaN. */
        private String table(double tolerance) {
            int width = "parameter".length();
            for (String name : names) {
                width = Math.max(width, name.length());
            }
            String row = "%-" + width + "s  %22s  %22s  %14s%s%n";
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, row,
                    "parameter", "analytic", "numeric", "relative error", ""));
            for (int i = 0; i < names.length; i++) {
                boolean bad = !Double.isNaN(tolerance) && !(errors[i] <= tolerance);
                sb.append(String.format(Locale.ROOT, row, names[i],
                        String.format(Locale.ROOT, "%.15g", analytic[i]),
                        String.format(Locale.ROOT, "%.15g", numeric[i]),
                        String.format(Locale.ROOT, "%.3e", errors[i]),
                        bad ? "  <-- FAIL" : ""));
            }
            return sb.toString();
        }
    }
}
