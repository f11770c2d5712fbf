package dev.adjoint;

/**
 * The reverse-mode tape of one gradient call: a {@link DoubleStack}, an {@link IntStack} and a
 * {@link BooleanStack} that the forward sweep pushes to and the reverse sweep pops from.
 *
 * <p>A tape is owned by a single gradient call. It is not thread-safe and must not be shared
 * between threads.
 */
public final class Tape {

    private final DoubleStack doubles = new DoubleStack();
    private final IntStack ints = new IntStack();
    private final BooleanStack booleans = new BooleanStack();
    private Object[] references = new Object[0];
    private int referenceCount;

    /** Creates an empty tape. */
    public Tape() {
    }

    /**
     * Pushes a double.
     *
     * @param x the value
     */
    public void pushDouble(double x) {
        doubles.push(x);
    }

    /**
     * Pops the most recently pushed double.
     *
     * @return the value
     * @throws IllegalStateException if no double is on the tape
     */
    public double popDouble() {
        return doubles.pop();
    }

    /**
     * Pushes the elements {@code a[from..to)} as one block (one copy): the same as pushing each
     * with {@link #pushDouble}, first to last.
     *
     * @param a the values
     * @param from the first index pushed
     * @param to one past the last index pushed
     * @throws IndexOutOfBoundsException if the range is not within {@code a}
     */
    public void pushDoubles(double[] a, int from, int to) {
        doubles.pushAll(a, from, to);
    }

    /**
     * Pops into {@code a[from..to)} the block {@link #pushDoubles} pushed (one copy): the same as
     * popping into {@code a[to-1]} down to {@code a[from]} with {@link #popDouble}.
     *
     * @param a receives the values
     * @param from the first index written
     * @param to one past the last index written
     * @throws IllegalStateException if fewer doubles are on the tape
     * @throws IndexOutOfBoundsException if the range is not within {@code a}
     */
    public void popDoubles(double[] a, int from, int to) {
        doubles.popAll(a, from, to);
    }

    /**
     * Reserves the doubles a counted loop records, {@code perIteration} in each of its
     * {@code iterations}, on top of the double stack in one step, and returns the index of the
     * first in {@link #doubleArray()}: the same stack as {@code perIteration * iterations}
     * {@link #pushDouble}s, whose values the loop then writes by index instead. Fetch
     * {@link #doubleArray()} after reserving, and push no double until the block is written.
     *
     * @param perIteration the doubles each iteration records, at least 0
     * @param iterations the loop's trip count, at least 0
     * @return the index of the first reserved double
     * @throws IllegalArgumentException if either count is negative
     * @throws IllegalStateException if the tape would exceed its maximum size
     */
    public int reserveDoubles(int perIteration, int iterations) {
        return doubles.reserve(perIteration, iterations);
    }

    /**
     * Drops the block {@link #reserveDoubles} reserved, once the reverse sweep has read it back
     * through {@link #doubleArray()}: the same stack as that many {@link #popDouble}s.
     *
     * @param perIteration the doubles each iteration recorded
     * @param iterations the loop's trip count
     * @throws IllegalArgumentException if either count is negative
     * @throws IllegalStateException if fewer doubles are on the tape
     */
    public void releaseDoubles(int perIteration, int iterations) {
        doubles.release(perIteration, iterations);
    }

    /**
     * Returns the array holding the doubles on the tape, bottom first (the {@code i}-th pushed
     * of those still on the tape is at index {@code i}), for reading and writing a block
     * {@link #reserveDoubles} reserved. A later push or reservation may replace the array: a
     * replaced array still reads the values it held, but writes into it are lost.
     *
     * @return the backing array of the double stack, not a copy
     */
    public double[] doubleArray() {
        return doubles.array();
    }

    /**
     * Returns the number of doubles on the tape: the index one past the last pushed in
     * {@link #doubleArray()}.
     *
     * @return the size of the double stack
     */
    public int doubleCount() {
        return doubles.size();
    }

    /**
     * Pushes an int.
     *
     * @param x the value
     */
    public void pushInt(int x) {
        ints.push(x);
    }

    /**
     * Pops the most recently pushed int.
     *
     * @return the value
     * @throws IllegalStateException if no int is on the tape
     */
    public int popInt() {
        return ints.pop();
    }

    /**
     * Pushes a boolean.
     *
     * @param x the value
     */
    public void pushBoolean(boolean x) {
        booleans.push(x);
    }

    /**
     * Pops the most recently pushed boolean.
     *
     * @return the value
     * @throws IllegalStateException if no boolean is on the tape
     */
    public boolean popBoolean() {
        return booleans.pop();
    }

    /**
     * Pushes an array reference: an array variable (or its adjoint) that the forward sweep is
     * about to point elsewhere, which the reverse sweep points back.
     *
     * @param reference the array, or null
     */
    public void pushRef(Object reference) {
        if (referenceCount == references.length) {
            references = java.util.Arrays.copyOf(references,
                Math.max(16, 2 * references.length));
        }
        references[referenceCount++] = reference;
    }

    /**
     * Pops the most recently pushed array reference; the tape keeps no hold on it.
     *
     * @return the reference, for the caller to cast back to its array type
     * @throws IllegalStateException if no reference is on the tape
     */
    public Object popRef() {
        if (referenceCount == 0) {
            throw underflow();
        }
        Object reference = references[--referenceCount];
        references[referenceCount] = null;
        return reference;
    }

    /**
     * Returns the double stack.
     *
     * @return the stack of doubles
     */
    public DoubleStack doubles() {
        return doubles;
    }

    /**
     * Returns the int stack.
     *
     * @return the stack of ints
     */
    public IntStack ints() {
        return ints;
    }

    /**
     * Returns the boolean stack.
     *
     * @return the stack of booleans
     */
    public BooleanStack booleans() {
        return booleans;
    }

    /**
     * Returns the number of entries currently on the tape.
     *
     * @return the sum of the stacks' sizes, array references included
     */
    public long size() {
        return (long) doubles.size() + ints.size() + booleans.size() + referenceCount;
    }

    /**
     * Returns the total number of pushes since creation.
     *
     * @return the sum of the three stacks' push counts
     */
    public long pushes() {
        return doubles.pushes() + ints.pushes() + booleans.pushes();
    }

    /**
     * Returns the approximate memory of the backing arrays, in bytes.
     *
     * @return {@code 8·doubles.capacity() + 4·ints.capacity() + booleans.capacity()}, plus 8
     *     bytes per slot of array references
     */
    public long memoryBytes() {
        return 8L * doubles.capacity() + 4L * ints.capacity() + booleans.capacity()
            + 8L * references.length;
    }

    /** Creates the exception thrown when popping an empty stack; kept out of line. */
    static IllegalStateException underflow() {
        return new IllegalStateException("tape underflow");
    }
}
