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
     * @return the sum of the three stacks' sizes
     */
    public long size() {
        return (long) doubles.size() + ints.size() + booleans.size();
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
     * @return {@code 8·doubles.capacity() + 4·ints.capacity() + booleans.capacity()}
     */
    public long memoryBytes() {
        return 8L * doubles.capacity() + 4L * ints.capacity() + booleans.capacity();
    }

    /** Creates the exception thrown when popping an empty stack; kept out of line. */
    static IllegalStateException underflow() {
        return new IllegalStateException("tape underflow");
    }
}
