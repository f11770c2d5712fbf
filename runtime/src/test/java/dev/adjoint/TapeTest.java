package dev.adjoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void chunksStartAt16DoubleUpTo8192AndAreAllocatedByTheFirstPush() {
        DoubleStack s = new DoubleStack();
        assertEquals(0, s.capacity(), "creating a stack allocates no chunk");
        s.push(0);
        assertEquals(16, s.capacity());
        for (int i = 1; i < 16; i++) {
            s.push(i);
        }
        assertEquals(16, s.capacity(), "no growth until full");
        s.push(16);
        assertEquals(16 + 32, s.capacity(), "a second chunk, nothing copied");
        while (s.size() < 16 + 32 + 64 + 128 + 256 + 512 + 1024 + 2048 + 4096 + 8192) {
            s.push(s.size());
        }
        long doubling = s.capacity();
        assertEquals(16 + 32 + 64 + 128 + 256 + 512 + 1024 + 2048 + 4096 + 8192, doubling);
        s.push(-1.0);
        assertEquals(doubling + 8192, s.capacity(), "chunks stop growing at 8192 entries");
        assertEquals(0, new IntStack().capacity());
        assertEquals(0, new BooleanStack().capacity());
    }

    @Test
    void chunksAreKeptWhenPoppedSoAReusedStackAllocatesNothing() {
        IntStack s = new IntStack();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 100_000; i++) {
                s.push(i + round);
            }
            int capacity = s.capacity();
            for (int i = 100_000 - 1; i >= 0; i--) {
                if (s.pop() != i + round) {
                    throw new AssertionError("wrong value popped at " + i + " in round " + round);
                }
            }
            assertTrue(s.isEmpty());
            assertEquals(capacity, s.capacity());
            assertUnderflow(s::pop);
        }
        assertEquals(100_000, s.peakSize());
        assertEquals(300_000, s.pushes());
        assertTrue(s.capacity() < 100_000 + 8192, "no second set of chunks: " + s.capacity());
    }

    @Test
    void pushesAndPopsAcrossAChunkBoundaryKeepOrder() {
        DoubleStack s = new DoubleStack();
        for (int i = 0; i < 16; i++) {
            s.push(i);
        }
        for (int k = 0; k < 5; k++) {
            s.push(100 + k);
            assertEquals(17, s.size());
            assertEquals(100 + k, s.pop());
            assertEquals(15, s.pop());
            s.push(15);
        }
        for (int i = 15; i >= 0; i--) {
            assertEquals(i, s.pop());
        }
        assertUnderflow(s::pop);
        assertEquals(0, s.size(), "a failed pop leaves the stack intact");
        s.push(7);
        assertEquals(7, s.pop());
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
        assertTrue(s.capacity() >= MANY && s.capacity() < MANY + 8192,
                "chunks hold every entry and waste less than one chunk: " + s.capacity());
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
        assertEquals(0, tape.memoryBytes(), "an unused tape allocates no chunk");
        for (int n : new int[] {1_000, 100_000, 1_000_000}) {
            Tape t = new Tape();
            for (int i = 0; i < n; i++) {
                t.pushDouble(i);
                t.pushInt(i);
                t.pushBoolean(true);
            }
            long perEntryTriple = 8 + 4 + 1;
            assertTrue(t.memoryBytes() >= perEntryTriple * n, "backing arrays hold every entry");
            assertTrue(t.memoryBytes() <= perEntryTriple * Math.max(2L * n, n + 8192L),
                    "chunked growth wastes at most a factor 2 or one chunk: " + t.memoryBytes());
            assertEquals(3L * n, t.pushes());
            assertEquals(3L * n, t.size());
        }
    }
}
