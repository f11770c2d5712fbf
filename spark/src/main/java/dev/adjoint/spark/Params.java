package dev.adjoint.spark;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The parameters of a model, or a gradient buffer of the same shape: an ordered list of blocks,
 * each a {@code double[]} (a vector, or the scalar parameters of a generated
 * {@code mAdjoint}'s {@code adjoints} array) or a {@code double[][]} (a matrix, ragged rows
 * allowed). The blocks are held by reference, so a {@code Params} is a view of the arrays a
 * generated adjoint entry point reads and adds into: {@code p.matrix(0)} is passed where the
 * generated code takes {@code double[][] w1}, {@code g.matrix(0)} where it takes
 * {@code double[][] w1Adj}.
 *
 * <p>Not thread-safe; serializable, so it can be broadcast and returned from tasks.
 */
public final class Params implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Object[] blocks;

    private Params(Object[] blocks) {
        this.blocks = blocks;
    }

    /**
     * A view of the given arrays, in order.
     *
     * @param blocks each a {@code double[]} or a {@code double[][]}
     * @return the parameters, sharing the arrays
     * @throws IllegalArgumentException for another type
     */
    public static Params of(Object... blocks) {
        Object[] copy = blocks.clone();
        for (int i = 0; i < copy.length; i++) {
            if (!(copy[i] instanceof double[]) && !(copy[i] instanceof double[][])) {
                throw new IllegalArgumentException("block " + i + " is "
                        + (copy[i] == null ? "null" : copy[i].getClass().getSimpleName())
                        + "; a block is a double[] or a double[][]");
            }
        }
        return new Params(copy);
    }

    /**
     * One vector block.
     *
     * @param vector the parameters
     * @return the parameters, sharing the array
     */
    public static Params vector(double[] vector) {
        return of((Object) vector);
    }

    /**
     * The number of blocks.
     *
     * @return the count
     */
    public int blocks() {
        return blocks.length;
    }

    /**
     * Block {@code i}, a vector.
     *
     * @param i the block's index
     * @return its array (not a copy)
     * @throws ClassCastException if it is a matrix
     */
    public double[] vector(int i) {
        return (double[]) blocks[i];
    }

    /**
     * Block {@code i}, a matrix.
     *
     * @param i the block's index
     * @return its array (not a copy)
     * @throws ClassCastException if it is a vector
     */
    public double[][] matrix(int i) {
        return (double[][]) blocks[i];
    }

    /**
     * The number of doubles over all blocks.
     *
     * @return the flat size
     */
    public int size() {
        int n = 0;
        for (Object b : blocks) {
            if (b instanceof double[] v) {
                n += v.length;
            } else {
                for (double[] row : (double[][]) b) {
                    n += row.length;
                }
            }
        }
        return n;
    }

    /**
     * New zeros of the same shapes.
     *
     * @return a gradient buffer for these parameters
     */
    public Params zerosLike() {
        Object[] z = new Object[blocks.length];
        for (int i = 0; i < z.length; i++) {
            if (blocks[i] instanceof double[] v) {
                z[i] = new double[v.length];
            } else {
                double[][] m = (double[][]) blocks[i];
                double[][] c = new double[m.length][];
                for (int r = 0; r < m.length; r++) {
                    c[r] = new double[m[r].length];
                }
                z[i] = c;
            }
        }
        return new Params(z);
    }

    /**
     * A deep copy.
     *
     * @return new arrays with the same values
     */
    public Params copy() {
        Params c = zerosLike();
        c.add(this);
        return c;
    }

    /**
     * Sets every value to 0.
     *
     * @return this
     */
    public Params clear() {
        return scale(0.0);
    }

    /**
     * Adds {@code other} into this, element by element.
     *
     * @param other parameters of the same shapes
     * @return this
     */
    public Params add(Params other) {
        return addScaled(1.0, other);
    }

    /**
     * Adds {@code factor · other} into this, element by element.
     *
     * @param factor the factor
     * @param other parameters of the same shapes
     * @return this
     */
    public Params addScaled(double factor, Params other) {
        checkShape(other);
        for (int i = 0; i < blocks.length; i++) {
            if (blocks[i] instanceof double[] v) {
                axpy(factor, (double[]) other.blocks[i], v);
            } else {
                double[][] m = (double[][]) blocks[i];
                double[][] o = (double[][]) other.blocks[i];
                for (int r = 0; r < m.length; r++) {
                    axpy(factor, o[r], m[r]);
                }
            }
        }
        return this;
    }

    /**
     * Multiplies every value by {@code factor}.
     *
     * @param factor the factor
     * @return this
     */
    public Params scale(double factor) {
        for (Object b : blocks) {
            if (b instanceof double[] v) {
                scale(factor, v);
            } else {
                for (double[] row : (double[][]) b) {
                    scale(factor, row);
                }
            }
        }
        return this;
    }

    /**
     * The values, blocks in order and matrices row by row.
     *
     * @return a new flat array of {@link #size()} doubles
     */
    public double[] toArray() {
        double[] flat = new double[size()];
        int k = 0;
        for (Object b : blocks) {
            if (b instanceof double[] v) {
                System.arraycopy(v, 0, flat, k, v.length);
                k += v.length;
            } else {
                for (double[] row : (double[][]) b) {
                    System.arraycopy(row, 0, flat, k, row.length);
                    k += row.length;
                }
            }
        }
        return flat;
    }

    /**
     * Overwrites the values from a flat array in {@link #toArray()}'s order.
     *
     * @param flat {@link #size()} doubles
     * @return this
     */
    public Params setFrom(double[] flat) {
        if (flat.length != size()) {
            throw new IllegalArgumentException(flat.length + " values for " + size()
                    + " parameters");
        }
        int k = 0;
        for (Object b : blocks) {
            if (b instanceof double[] v) {
                System.arraycopy(flat, k, v, 0, v.length);
                k += v.length;
            } else {
                for (double[] row : (double[][]) b) {
                    System.arraycopy(flat, k, row, 0, row.length);
                    k += row.length;
                }
            }
        }
        return this;
    }

    /**
     * The largest absolute value.
     *
     * @return {@code max |θᵢ|}, 0 for no parameters
     */
    public double maxAbs() {
        double m = 0.0;
        for (double x : toArray()) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    private void checkShape(Params other) {
        if (other.blocks.length != blocks.length) {
            throw new IllegalArgumentException(other.blocks.length + " blocks, expected "
                    + blocks.length);
        }
    }

    private static void axpy(double a, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("block of " + x.length + " values, expected "
                    + y.length);
        }
        for (int i = 0; i < y.length; i++) {
            y[i] += a * x[i];
        }
    }

    private static void scale(double a, double[] x) {
        for (int i = 0; i < x.length; i++) {
            x[i] *= a;
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Params[");
        for (int i = 0; i < blocks.length; i++) {
            if (i > 0) {
                s.append(", ");
            }
            if (blocks[i] instanceof double[] v) {
                s.append(v.length <= 8 ? Arrays.toString(v) : "double[" + v.length + "]");
            } else {
                double[][] m = (double[][]) blocks[i];
                s.append("double[").append(m.length).append("][")
                        .append(m.length == 0 ? 0 : m[0].length).append(']');
            }
        }
        return s.append(']').toString();
    }
}
