package dev.adjoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class TapeTest {

    private static final int MANY = 1_500_000;

    private static void assertUnderflow(Executable pop) {
        IllegalStateException e = assertThrows(IllegalStateException.class, pop);
        assertEquals("tape underflow", e.getMessage());
    }

    @Test
    void doubleStackIsLifo() {
        DoubleStack s = new DoubleStack();
        assertTrue(s.isEmpty());
        s.push(1.5);
        s.push(-2.0);
        s.push(Double.NaN);
        assertEquals(3, s.size());
        assertFalse(s.isEmpty());
        assertTrue(Double.isNaN(s.pop()));
        assertEquals(-2.0, s.pop());
        assertEquals(1.5, s.pop());
        assertTrue(s.isEmpty());
        assertEquals(3, s.peakSize());
        assertEquals(3, s.pushes());
    }

    @Test
    void intStackIsLifo() {
        IntStack s = new IntStack();
        s.push(7);
        s.push(Integer.MIN_VALUE);
        s.push(42);
        assertEquals(42, s.pop());
        assertEquals(Integer.MIN_VALUE, s.pop());
        assertEquals(7, s.pop());
        assertTrue(s.isEmpty());
        assertEquals(3, s.peakSize());
        assertEquals(3, s.pushes());
    }

    @Test
    void booleanStackIsLifo() {
        BooleanStack s = new BooleanStack();
        s.push(true);
        s.push(false);
        s.push(false);
        assertEquals(3, s.peakSize());
        s.push(true);
        assertTrue(s.pop());
        assertFalse(s.pop());
        assertFalse(s.pop());
        assertTrue(s.pop());
        assertTrue(s.isEmpty());
        assertEquals(4, s.peakSize());
        s.push(false);
        assertEquals(5, s.pushes());
        assertEquals(4, s.peakSize());
    }

    @Test
    void capacityStartsAt16AndDoubles() {
        DoubleStack s = new DoubleStack();
        assertEquals(16, s.capacity());
        for (int i = 0; i < 16; i++) {
            s.push(i);
        }
        assertEquals(16, s.capacity(), "no growth until full");
        s.push(16);
        assertEquals(32, s.capacity());
        IntStack ints = new IntStack();
        BooleanStack booleans = new BooleanStack();
        assertEquals(16, ints.capacity());
        assertEquals(16, booleans.capacity());
    }

    @Test
    void doubleStackGrowsPastAMillion() {
        DoubleStack s = new DoubleStack();
        for (int i = 0; i < MANY; i++) {
            s.push(i * 0.5);
        }
        assertEquals(MANY, s.size());
        assertEquals(MANY, s.peakSize());
        assertEquals(MANY, s.pushes());
        assertEquals(16 << 17, s.capacity(), "doubling from 16 reaches 2^21 for 1.5M entries");
        for (int i = MANY - 1; i >= 0; i--) {
            if (s.pop() != i * 0.5) {
                throw new AssertionError("wrong value popped at " + i);
            }
        }
        assertTrue(s.isEmpty());
        assertEquals(MANY, s.peakSize());
        assertEquals(MANY, s.pushes());
        assertUnderflow(s::pop);
    }

    @Test
    void intAndBooleanStacksGrowPastAMillion() {
        IntStack ints = new IntStack();
        BooleanStack booleans = new BooleanStack();
        for (int i = 0; i < MANY; i++) {
            ints.push(i);
            booleans.push(i % 3 == 0);
        }
        assertEquals(MANY, ints.size());
        assertEquals(MANY, booleans.size());
        for (int i = MANY - 1; i >= 0; i--) {
            if (ints.pop() != i || booleans.pop() != (i % 3 == 0)) {
                throw new AssertionError("wrong value popped at " + i);
            }
        }
        assertTrue(ints.isEmpty());
        assertTrue(booleans.isEmpty());
        assertEquals(MANY, ints.pushes());
        assertEquals(MANY, booleans.peakSize());
    }

    @Test
    void pushesAndPeakSizeCount() {
        IntStack s = new IntStack();
        assertEquals(0, s.pushes());
        assertEquals(0, s.peakSize());
        s.push(1);
        s.push(2);
        s.push(3);
        s.pop();
        s.pop();
        s.push(4);
        assertEquals(4, s.pushes(), "pops do not decrease pushes()");
        assertEquals(3, s.peakSize());
        assertEquals(2, s.size());
        for (int i = 0; i < 5; i++) {
            s.push(i);
        }
        assertEquals(7, s.peakSize());
        assertEquals(9, s.pushes());
    }

    @Test
    void popOnEmptyThrowsTapeUnderflow() {
        assertUnderflow(() -> new DoubleStack().pop());
        assertUnderflow(() -> new IntStack().pop());
        assertUnderflow(() -> new BooleanStack().pop());
        BooleanStack s = new BooleanStack();
        s.push(true);
        s.pop();
        assertUnderflow(s::pop);
        assertEquals(0, s.size(), "a failed pop leaves the stack intact");
        Tape tape = new Tape();
        assertUnderflow(tape::popDouble);
        assertUnderflow(tape::popInt);
        assertUnderflow(tape::popBoolean);
    }

    @Test
    void tapeKeepsTypesApartAndCounts() {
        Tape tape = new Tape();
        tape.pushDouble(1.25);
        tape.pushInt(3);
        tape.pushBoolean(true);
        tape.pushDouble(-4.0);
        tape.pushInt(9);
        assertEquals(5, tape.size());
        assertEquals(5, tape.pushes());
        assertEquals(2, tape.doubles().size());
        assertEquals(2, tape.ints().size());
        assertEquals(1, tape.booleans().size());
        assertEquals(9, tape.popInt());
        assertEquals(-4.0, tape.popDouble());
        assertTrue(tape.popBoolean());
        assertEquals(3, tape.popInt());
        assertEquals(1.25, tape.popDouble());
        assertEquals(0, tape.size());
        assertEquals(5, tape.pushes());
        assertEquals(2, tape.doubles().peakSize());
        assertUnderflow(tape::popInt);
    }

    @Test
    void tapeMemoryIsLinearInEntries() {
        Tape tape = new Tape();
        assertEquals(8 * 16 + 4 * 16 + 16, tape.memoryBytes());
        for (int n : new int[] {1_000, 100_000, 1_000_000}) {
            Tape t = new Tape();
            for (int i = 0; i < n; i++) {
                t.pushDouble(i);
                t.pushInt(i);
                t.pushBoolean(true);
            }
            long perEntryTriple = 8 + 4 + 1;
            assertTrue(t.memoryBytes() >= perEntryTriple * n, "backing arrays hold every entry");
            assertTrue(t.memoryBytes() <= 2 * perEntryTriple * n + 208,
                    "doubling growth wastes at most a factor 2: " + t.memoryBytes());
            assertEquals(3L * n, t.pushes());
            assertEquals(3L * n, t.size());
        }
    }

    @Test
    void arrayReferencesComeBackLastPushedFirstAndAreReleased() {
        Tape tape = new Tape();
        double[] a = {1.0};
        double[][] m = {{2.0}};
        for (int i = 0; i < 40; i++) {
            tape.pushRef(a);
        }
        tape.pushRef(null);
        tape.pushRef(m);
        assertEquals(42, tape.size());
        assertSame(m, (double[][]) tape.popRef());
        assertNull(tape.popRef());
        for (int i = 0; i < 40; i++) {
            assertSame(a, (double[]) tape.popRef());
        }
        assertEquals(0, tape.size());
        assertUnderflow(tape::popRef);
    }

    @Test
    void blockPushesInterleaveWithSinglePushesAsElementByElementWould() {
        Tape tape = new Tape();
        double[] a = {1, 2, 3, 4, 5};
        tape.pushDouble(-1);
        tape.pushDoubles(a, 1, 4);
        tape.pushDouble(-2);
        assertEquals(5, tape.size());
        assertEquals(5, tape.pushes());
        assertEquals(-2.0, tape.popDouble());
        assertEquals(4.0, tape.popDouble(), "the block's last element is on top");
        tape.pushDouble(9);
        double[] back = new double[5];
        tape.popDoubles(back, 2, 5); // 9, then 3, 2 below it
        assertArrayEquals(new double[] {0, 0, 2, 3, 9}, back);
        assertEquals(-1.0, tape.popDouble());
        assertUnderflow(tape::popDouble);
    }

    @Test
    void blockPushesGrowPastAMillionInOneStepAndRoundTrip() {
        Tape tape = new Tape();
        double[] big = new double[MANY];
        for (int i = 0; i < MANY; i++) {
            big[i] = i * 0.5;
        }
        tape.pushDouble(7);
        tape.pushDoubles(big, 0, MANY);
        assertEquals(MANY + 1, tape.doubles().peakSize());
        assertTrue(tape.doubles().capacity() >= MANY + 1);
        assertTrue(tape.doubles().capacity() <= 2 * (MANY + 1), "grown by doubling");
        double[] back = new double[MANY];
        tape.popDoubles(back, 0, MANY);
        assertArrayEquals(big, back);
        assertEquals(7.0, tape.popDouble());
        tape.pushDoubles(big, 3, 3);
        assertEquals(0, tape.size(), "an empty range pushes nothing");
    }

    @Test
    void blockPopsCheckTheTapeAndTheRange() {
        Tape tape = new Tape();
        double[] a = new double[3];
        tape.pushDoubles(a, 0, 2);
        assertUnderflow(() -> tape.popDoubles(a, 0, 3));
        assertEquals(2, tape.size(), "a failed pop takes nothing");
        assertThrows(IndexOutOfBoundsException.class, () -> tape.pushDoubles(a, 2, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> tape.pushDoubles(a, -1, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> tape.popDoubles(a, 2, 1));
        assertEquals(2, tape.size());
    }
}
