package dev.adjoint;

import java.util.Arrays;

/**
 * Growable LIFO stack of primitive {@code int} values, one of the three stacks of a {@link Tape}.
 *
 * <p>Backed by a {@code int[]} that starts at 16 entries and doubles when full, so pushes are
 * amortised O(1) with no boxing and no allocation beyond growth. Not thread-safe.
 */
public final class IntStack {

    private static final int INITIAL_CAPACITY = 16;
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    private int[] data = new int[INITIAL_CAPACITY];
    private int size;
    private int peakSize;
    private long pushes;

    /** Creates an empty stack with capacity 16. */
    public IntStack() {
    }

    /**
     * Pushes a value.
     *
     * @param x the value to push
     */
    public void push(int x) {
        if (size == data.length) {
            grow();
        }
        data[size++] = x;
        pushes++;
        if (size > peakSize) {
            peakSize = size;
        }
    }

    /**
     * Pops the most recently pushed value.
     *
     * @return the value removed from the top of the stack
     * @throws IllegalStateException with message {@code "tape underflow"} if the stack is empty
     */
    public int pop() {
        if (size == 0) {
            throw Tape.underflow();
        }
        return data[--size];
    }

    /**
     * Returns the number of values currently on the stack.
     *
     * @return the current size
     */
    public int size() {
        return size;
    }

    /**
     * Returns whether the stack holds no values.
     *
     * @return {@code true} if {@link #size()} is 0
     */
    public boolean isEmpty() {
        return size == 0;
    }

    /**
     * Returns the total number of pushes since creation (pops do not decrease it).
     *
     * @return the push count
     */
    public long pushes() {
        return pushes;
    }

    /**
     * Returns the largest size the stack has reached.
     *
     * @return the peak size
     */
    public int peakSize() {
        return peakSize;
    }

    /**
     * Returns the length of the backing array.
     *
     * @return the current capacity
     */
    public int capacity() {
        return data.length;
    }

    private void grow() {
        int capacity = data.length;
        if (capacity >= MAX_CAPACITY) {
            throw new IllegalStateException("tape overflow: more than " + MAX_CAPACITY + " entries");
        }
        data = Arrays.copyOf(data, capacity > MAX_CAPACITY / 2 ? MAX_CAPACITY : capacity * 2);
    }
}
