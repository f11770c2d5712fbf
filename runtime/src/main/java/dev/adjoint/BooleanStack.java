package dev.adjoint;

import java.util.Arrays;

/**
 * Growable LIFO stack of primitive {@code boolean} values, one of the three stacks of a {@link Tape}.
 *
 * <p>Backed by chunks of {@code boolean}s (see {@link PrimitiveStack}): pushes are O(1) with no boxing,
 * growing allocates a new chunk and copies nothing, and a stack reused after being popped empty
 * allocates nothing. Not thread-safe.
 */
public final class BooleanStack extends PrimitiveStack {
    private static final boolean[] NONE = new boolean[0];
    private static final boolean[][] NO_CHUNKS = new boolean[0][];

    private boolean[][] chunks = NO_CHUNKS;
    private boolean[] chunk = NONE;

    /** Creates an empty stack; its first chunk is allocated by the first push. */
    public BooleanStack() {
    }

    /**
     * Pushes a value.
     *
     * @param x the value to push
     */
    public void push(boolean x) {
        if (top == chunk.length) {
            nextChunk();
        }
        chunk[top++] = x;
        pushed();
    }

    /**
     * Pops the most recently pushed value.
     *
     * @return the value removed from the top of the stack
     * @throws IllegalStateException with message {@code "tape underflow"} if the stack is empty
     */
    public boolean pop() {
        if (top == 0) {
            previousChunk();
        }
        return chunk[--top];
    }

    /** Moves to the chunk after the current, full one, allocating it the first time. */
    private void nextChunk() {
        int next = chunkIndex + 1;
        if (next == chunks.length) {
            chunks = Arrays.copyOf(chunks, grownChunkCount(chunks.length));
        }
        boolean[] c = chunks[next];
        if (c == null) {
            c = new boolean[newChunkLength(chunk.length)];
            chunks[next] = c;
        }
        base += top;
        chunkIndex = next;
        chunk = c;
        top = 0;
    }

    /** Moves to the full chunk below the current, empty one. */
    private void previousChunk() {
        if (chunkIndex <= 0) {
            throw Tape.underflow();
        }
        chunk = chunks[--chunkIndex];
        top = chunk.length;
        base -= top;
    }
}
