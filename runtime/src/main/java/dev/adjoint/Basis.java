package dev.adjoint;

/**
 * Helpers of the generated {@code mHessian} and {@code mJacobian} methods: the differentiated
 * parameters flattened in parameter order (a scalar is one entry, an array its elements row-major,
 * ragged rows as they are), unit directions in that order, and rows built from parameter-shaped
 * values.
 */
public final class Basis {

    private Basis() {
    }

    /**
     * The number of entries of a scalar parameter.
     *
     * @param x the parameter
     * @return {@code 1}
     */
    public static int size(double x) {
        return 1;
    }

    /**
     * The number of entries of an array parameter.
     *
     * @param x the parameter
     * @return its length
     */
    public static int size(double[] x) {
        return x.length;
    }

    /**
     * The number of entries of a matrix parameter.
     *
     * @param x the parameter
     * @return the sum of its rows' lengths
     */
    public static int size(double[][] x) {
        int n = 0;
        for (double[] row : x) {
            n += row.length;
        }
        return n;
    }

    /**
     * Entry {@code k} of the unit direction of a scalar parameter.
     *
     * @param shape the parameter
     * @param k the index of the unit entry among this parameter's entries
     * @return {@code 1} if {@code k == 0}, otherwise {@code 0}
     */
    public static double unit(double shape, int k) {
        return k == 0 ? 1.0 : 0.0;
    }

    /**
     * A direction of the shape of {@code shape}, all zeros but entry {@code k} (if there is one).
     *
     * @param shape the parameter
     * @param k the index of the unit entry among this parameter's entries
     * @return a new array
     */
    public static double[] unit(double[] shape, int k) {
        double[] d = new double[shape.length];
        if (k >= 0 && k < d.length) {
            d[k] = 1.0;
        }
        return d;
    }

    /**
     * A direction of the shape of {@code shape}, all zeros but entry {@code k} in row-major order
     * (if there is one).
     *
     * @param shape the parameter
     * @param k the index of the unit entry among this parameter's entries
     * @return a new matrix with rows of the same lengths
     */
    public static double[][] unit(double[][] shape, int k) {
        double[][] d = new double[shape.length][];
        int at = k;
        for (int i = 0; i < shape.length; i++) {
            d[i] = new double[shape[i].length];
            if (at >= 0 && at < d[i].length) {
                d[i][at] = 1.0;
            }
            at -= d[i].length;
        }
        return d;
    }

    /**
     * Stores a scalar into {@code row} at {@code at}.
     *
     * @param row the row
     * @param at where
     * @param value the value
     * @return the next free index
     */
    public static int put(double[] row, int at, double value) {
        row[at] = value;
        return at + 1;
    }

    /**
     * Stores the elements of {@code value} into {@code row} from {@code at}.
     *
     * @param row the row
     * @param at where the first goes
     * @param value the values
     * @return the next free index
     */
    public static int put(double[] row, int at, double[] value) {
        System.arraycopy(value, 0, row, at, value.length);
        return at + value.length;
    }

    /**
     * Stores the elements of {@code value}, row-major, into {@code row} from {@code at}.
     *
     * @param row the row
     * @param at where the first goes
     * @param value the values
     * @return the next free index
     */
    public static int put(double[] row, int at, double[][] value) {
        int next = at;
        for (double[] r : value) {
            next = put(row, next, r);
        }
        return next;
    }
}
