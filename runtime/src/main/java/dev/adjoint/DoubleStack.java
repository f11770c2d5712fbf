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

    /**
     * Reserves {@code perIteration * iterations} entries on top of the stack, as that many
     * pushes whose values the caller writes into {@link #array()} later, and returns the index
     * of the first: one capacity check for a whole loop's records. A stack too small for the
     * block grows to hold exactly it, or to twice its capacity if that is more.
     *
     * @param perIteration the entries one iteration records, at least 0
     * @param iterations the iterations, at least 0
     * @return the index in {@link #array()} of the first reserved entry
     * @throws IllegalArgumentException if either count is negative
     * @throws IllegalStateException if the stack would exceed its maximum capacity
     */
    public int reserve(int perIteration, int iterations) {
        if (perIteration < 0 || iterations < 0) {
            throw new IllegalArgumentException("negative reservation: " + perIteration + " x "
                + iterations);
        }
        long n = (long) perIteration * iterations;
        int first = size;
        if (data.length - size < n) {
            // the block's own size when it is the larger: a fresh tape sized by the trip count
            // once, rather than doubled up to the next power of two past it
            int needed = checkedSize(size + n);
            data = Arrays.copyOf(data, Math.max(needed, grownCapacity(data.length)));
        }
        size += (int) n;
        pushed((int) n);
        return first;
    }

    /**
     * Drops the top {@code perIteration * iterations} entries unread: the inverse of
     * {@link #reserve}, once the caller has read them back.
     *
     * @param perIteration the entries one iteration recorded, at least 0
     * @param iterations the iterations, at least 0
     * @throws IllegalArgumentException if either count is negative
     * @throws IllegalStateException with message {@code "tape underflow"} if fewer entries are
     *     on the stack
     */
    public void release(int perIteration, int iterations) {
        if (perIteration < 0 || iterations < 0) {
            throw new IllegalArgumentException("negative release: " + perIteration + " x "
                + iterations);
        }
        long n = (long) perIteration * iterations;
        if (n > size) {
            throw Tape.underflow();
        }
        size -= (int) n;
    }

    /**
     * Returns the array that holds the stack's entries, bottom first: entry {@code i} of the
     * stack is {@code array()[i]} for {@code i < size()}. A push or a reservation that grows the
     * stack replaces the array; the replaced one keeps the values it held, so reading entries
     * written before the growth from it stays correct, but writes into it are lost.
     *
     * @return the backing array, not a copy
     */
    public double[] array() {
        return data;
    }

    @Override
    public int capacity() {
        return data.length;
    }
}
