package dev.adjoint;

/**
 * What the three primitive stacks of a {@link Tape} share: size, statistics and the growth
 * policy. Each subclass keeps its own primitive array, so nothing is boxed.
 */
abstract class PrimitiveStack {
    static final int INITIAL_CAPACITY = 16;
    private static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    /** Number of values on the stack; subclasses index their array with it. */
    int size;
    private int peakSize;
    private long pushes;

    /** Records one push that has just raised {@link #size}. */
    final void pushed() {
        pushes++;
        if (size > peakSize) {
            peakSize = size;
        }
    }

    /** Records {@code n} pushes, as a block, that have just raised {@link #size}. */
    final void pushed(int n) {
        pushes += n;
        if (size > peakSize) {
            peakSize = size;
        }
    }

    /** Checks there are {@code n} values to pop. */
    final void checkHolds(int n) {
        if (size < n) {
            throw Tape.underflow();
        }
    }

    /** The length of {@code [from, to)} within an array of {@code length}, checked. */
    static int checkedRange(int length, int from, int to) {
        if (from < 0 || to > length || from > to) {
            throw new IndexOutOfBoundsException("range [" + from + ", " + to
                + ") out of bounds for length " + length);
        }
        return to - from;
    }

    /** The capacity after growing {@code capacity} to hold at least {@code needed} entries. */
    static int grownCapacity(int capacity, int needed) {
        if (needed < 0 || needed > MAX_CAPACITY) {
            throw new IllegalStateException("tape overflow: more than " + MAX_CAPACITY + " entries");
        }
        int grown = capacity;
        while (grown < needed) {
            grown = grownCapacity(grown);
        }
        return grown;
    }

    /** {@code needed} as an int, checked against the maximum capacity. */
    static int checkedSize(long needed) {
        if (needed > MAX_CAPACITY) {
            throw new IllegalStateException("tape overflow: more than " + MAX_CAPACITY + " entries");
        }
        return (int) needed;
    }

    /** Checks there is something to pop. */
    final void checkNotEmpty() {
        if (size == 0) {
            throw Tape.underflow();
        }
    }

    /** The capacity after growing a full array of {@code capacity} entries: twice as much. */
    static int grownCapacity(int capacity) {
        if (capacity >= MAX_CAPACITY) {
            throw new IllegalStateException("tape overflow: more than " + MAX_CAPACITY + " entries");
        }
        return capacity > MAX_CAPACITY / 2 ? MAX_CAPACITY : capacity * 2;
    }

    /**
     * Returns the number of values currently on the stack.
     *
     * @return the current size
     */
    public final int size() {
        return size;
    }

    /**
     * Returns whether the stack holds no values.
     *
     * @return {@code true} if {@link #size()} is 0
     */
    public final boolean isEmpty() {
        return size == 0;
    }

    /**
     * Returns the total number of pushes since creation (pops do not decrease it).
     *
     * @return the push count
     */
    public final long pushes() {
        return pushes;
    }

    /**
     * Returns the largest size the stack has reached.
     *
     * @return the peak size
     */
    public final int peakSize() {
        return peakSize;
    }

    /**
     * Returns the length of the backing array.
     *
     * @return the current capacity
     */
    public abstract int capacity();
}
