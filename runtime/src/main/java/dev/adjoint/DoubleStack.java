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

    @Override
    public int capacity() {
        return data.length;
    }
}
