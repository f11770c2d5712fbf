package dev.adjoint;

import java.util.Arrays;

/**
 * Growable LIFO stack of primitive {@code double} values, one of the three stacks of a {@link Tape}.
 *
 * <p>Backed by a {@code double[]} that starts at 16 entries and doubles when full, so pushes are
 * amortised O(1) with no boxing and no allocation beyond growth. Not thread-safe.
 */
public final class DoubleStack extends PrimitiveStack {

    private double[] data = new double[INITIAL_CAPACITY];

    /** Creates an empty stack with capacity 16. */
    public DoubleStack() {
    }

    /**
     * Pushes a value.
     *
     * @param x the value to push
     */
    public void push(double x) {
        if (size == data.length) {
            data = Arrays.copyOf(data, grownCapacity(data.length));
        }
        data[size++] = x;
        pushed();
    }

    /**
     * Pops the most recently pushed value.
     *
     * @return the value removed from the top of the stack
     * @throws IllegalStateException with message {@code "tape underflow"} if the stack is empty
     */
    public double pop() {
        checkNotEmpty();
        return data[--size];
    }

    /**
     * Pushes {@code a[from..to)} as one block, first to last: the same stack as pushing each
     * element in turn, with one capacity check and one {@link System#arraycopy}.
     *
     * @param a the values
     * @param from the first index pushed
     * @param to one past the last index pushed
     * @throws IndexOutOfBoundsException if the range is not within {@code a}
     */
    public void pushAll(double[] a, int from, int to) {
        int n = checkedRange(a.length, from, to);
        if (data.length - size < n) {
            data = Arrays.copyOf(data, grownCapacity(data.length, size + n));
        }
        System.arraycopy(a, from, data, size, n);
        size += n;
        pushed(n);
    }

    /**
     * Pops the top {@code to - from} values into {@code a[from..to)}: the inverse of
     * {@link #pushAll}, as popping into {@code a[to-1]} down to {@code a[from]} in turn.
     *
     * @param a receives the values
     * @param from the first index written
     * @param to one past the last index written
     * @throws IllegalStateException with message {@code "tape underflow"} if fewer values are
     *     on the stack
     * @throws IndexOutOfBoundsException if the range is not within {@code a}
     */
    public void popAll(double[] a, int from, int to) {
        int n = checkedRange(a.length, from, to);
        checkHolds(n);
        size -= n;
        System.arraycopy(data, size, a, from, n);
    }

    @Override
    public int capacity() {
        return data.length;
    }
}
