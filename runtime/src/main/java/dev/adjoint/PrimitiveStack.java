package dev.adjoint;

/**
 * What the three primitive stacks of a {@link Tape} share: size, statistics and the chunk policy.
 * Each subclass keeps its own primitive chunks, so nothing is boxed.
 *
 * <p>A stack is a list of chunks: the first push allocates 16 entries, each further chunk is
 * twice the previous one up to {@value #MAX_CHUNK} entries, and then every chunk has that size.
 * Growing never copies what is already on the stack, so a tape created per call (the public API
 * form of every gradient) costs its entries once instead of about three times with a doubling
 * array (allocation of twice the final size plus the copies). Chunks are kept when popped empty,
 * so a tape reused across calls allocates nothing after its first call. Creating a stack
 * allocates no chunk at all, so an unused stack of a tape costs a small object.
 */
abstract class PrimitiveStack {
    static final int FIRST_CHUNK = 16;
    /** Largest chunk: 64 KB of doubles, small enough to come from a thread-local buffer. */
    static final int MAX_CHUNK = 8192;
    private static final int MAX_SIZE = Integer.MAX_VALUE - MAX_CHUNK;

    /** Entries in the current chunk; subclasses index their chunk with it. */
    int top;
    /** Entries in the chunks below the current one. */
    int base;
    /** Index of the current chunk, -1 before the first push. */
    int chunkIndex = -1;
    /** Sum of the lengths of all chunks allocated so far. */
    private long capacity;
    private int peakSize;
    private long pushes;

    /** Records one push that has just raised {@link #top}. */
    final void pushed() {
        pushes++;
        int size = base + top;
        if (size > peakSize) {
            peakSize = size;
        }
    }

    /**
     * The length of the chunk to allocate after a full one of {@code previous} entries (0 before
     * the first), counted into {@link #capacity()}.
     *
     * @throws IllegalStateException when the stack would hold more than about 2³¹ entries
     */
    final int newChunkLength(int previous) {
        if (base + previous > MAX_SIZE) {
            throw new IllegalStateException("tape overflow: more than " + MAX_SIZE + " entries");
        }
        int length = previous == 0 ? FIRST_CHUNK : Math.min(2 * previous, MAX_CHUNK);
        capacity += length;
        return length;
    }

    /** The chunk array after {@code chunks} (of {@code length} slots) is full: twice as long. */
    static int grownChunkCount(int length) {
        return length == 0 ? 4 : 2 * length;
    }

    /**
     * Returns the number of values currently on the stack.
     *
     * @return the current size
     */
    public final int size() {
        return base + top;
    }

    /**
     * Returns whether the stack holds no values.
     *
     * @return {@code true} if {@link #size()} is 0
     */
    public final boolean isEmpty() {
        return size() == 0;
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
     * Returns the number of entries the stack's chunks can hold without allocating: 0 before the
     * first push, then the sum of the chunk lengths (chunks are kept when popped empty).
     *
     * @return the current capacity
     */
    public final int capacity() {
        return (int) Math.min(capacity, Integer.MAX_VALUE);
    }
}
