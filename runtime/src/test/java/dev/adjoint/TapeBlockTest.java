package dev.adjoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Blocks of doubles reserved for a counted loop ({@link Tape#reserveDoubles}), written and read
 * by index through {@link Tape#doubleArray()} and released in one step: the same tape as
 * pushing and popping the values one by one.
 */
class TapeBlockTest {

    @Test
    void aReservedBlockIsThePushesItStandsFor() {
        Tape blocks = new Tape();
        Tape pushes = new Tape();
        blocks.pushDouble(-1.0);
        pushes.pushDouble(-1.0);
        int first = blocks.reserveDoubles(2, 3);
        assertEquals(1, first);
        double[] records = blocks.doubleArray();
        for (int t = 0; t < 3; t++) {
            records[first + 2 * t] = t;
            records[first + 2 * t + 1] = 10.0 + t;
            pushes.pushDouble(t);
            pushes.pushDouble(10.0 + t);
        }
        assertEquals(pushes.doubleCount(), blocks.doubleCount());
        assertEquals(7, blocks.doubleCount());
        assertEquals(pushes.pushes(), blocks.pushes());
        assertEquals(pushes.doubles().peakSize(), blocks.doubles().peakSize());
        // the block pops as the pushes would, last first
        for (int k = 6; k >= 1; k--) {
            assertEquals(pushes.popDouble(), blocks.doubleArray()[k]);
        }
        blocks.releaseDoubles(2, 3);
        assertEquals(1, blocks.doubleCount());
        assertEquals(-1.0, blocks.popDouble());
        assertEquals(-1.0, pushes.popDouble());
        assertEquals(0, blocks.size());
    }

    @Test
    void pushesAboveABlockLeaveItAsTheyFoundIt() {
        Tape tape = new Tape();
        int first = tape.reserveDoubles(1, 4);
        assertEquals(0, first);
        double[] records = tape.doubleArray();
        for (int t = 0; t < 4; t++) {
            records[first + t] = Math.sin(t);
        }
        // a callee's adjoint, called in the reverse sweep, pushes and pops above the block
        for (int k = 0; k < 1000; k++) {
            tape.pushDouble(k);
        }
        tape.pushInt(3);
        tape.pushBoolean(true);
        assertNotSame(records, tape.doubleArray(), "the pushes grew the stack");
        for (int k = 999; k >= 0; k--) {
            assertEquals(k, tape.popDouble());
        }
        assertTrue(tape.popBoolean());
        assertEquals(3, tape.popInt());
        // the array fetched before the growth and the current one read the same block
        for (int t = 3; t >= 0; t--) {
            assertEquals(Math.sin(t), records[first + t]);
            assertEquals(Math.sin(t), tape.doubleArray()[first + t]);
        }
        tape.releaseDoubles(1, 4);
        assertEquals(0, tape.size());
    }

    @Test
    void aBlockPastAMillionGrowsTheStackOnce() {
        Tape tape = new Tape();
        tape.pushDouble(0.5);
        int first = tape.reserveDoubles(3, 500_000);
        assertEquals(1, first);
        assertEquals(1_500_001, tape.doubleCount());
        assertEquals(1_500_001, tape.doubles().capacity(), "grown once, to what the block needs");
        double[] records = tape.doubleArray();
        assertEquals(tape.doubles().capacity(), records.length);
        for (int k = 0; k < 1_500_000; k++) {
            records[first + k] = k;
        }
        tape.pushDouble(7.0); // a full stack doubles again
        assertEquals(3_000_002, tape.doubles().capacity());
        assertEquals(7.0, tape.popDouble());
        for (int k = 1_499_999; k >= 0; k -= 99_999) {
            assertEquals(k, tape.doubleArray()[first + k]);
        }
        tape.releaseDoubles(3, 500_000);
        assertEquals(0.5, tape.popDouble());
        assertEquals(1_500_002, tape.pushes());
        assertEquals(1_500_002, tape.doubles().peakSize());
    }

    @Test
    void aSmallBlockOnAFullStackDoublesIt() {
        Tape tape = new Tape();
        for (int k = 0; k < 16; k++) {
            tape.pushDouble(k);
        }
        assertEquals(16, tape.reserveDoubles(1, 3));
        assertEquals(32, tape.doubles().capacity());
        tape.releaseDoubles(1, 3);
        for (int k = 15; k >= 0; k--) {
            assertEquals(k, tape.popDouble());
        }
    }

    @Test
    void emptyBlocksChangeNothing() {
        Tape tape = new Tape();
        tape.pushDouble(2.0);
        assertEquals(1, tape.reserveDoubles(4, 0));
        assertEquals(1, tape.reserveDoubles(0, 9));
        tape.releaseDoubles(0, 9);
        tape.releaseDoubles(4, 0);
        assertEquals(1, tape.doubleCount());
        assertEquals(16, tape.doubles().capacity());
        assertEquals(2.0, tape.popDouble());
    }

    @Test
    void badBlocksThrow() {
        Tape tape = new Tape();
        assertThrows(IllegalArgumentException.class, () -> tape.reserveDoubles(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> tape.reserveDoubles(2, -1));
        assertThrows(IllegalArgumentException.class, () -> tape.releaseDoubles(-1, 0));
        IllegalStateException overflow = assertThrows(IllegalStateException.class,
            () -> tape.reserveDoubles(3, Integer.MAX_VALUE));
        assertTrue(overflow.getMessage().startsWith("tape overflow"), overflow.getMessage());
        assertEquals(0, tape.doubleCount(), "a failed reservation reserves nothing");
        tape.reserveDoubles(2, 2);
        IllegalStateException underflow = assertThrows(IllegalStateException.class,
            () -> tape.releaseDoubles(5, 1));
        assertEquals("tape underflow", underflow.getMessage());
        assertEquals(4, tape.doubleCount(), "a failed release releases nothing");
        tape.releaseDoubles(2, 2);
        assertEquals(0, tape.doubleCount());
    }
}
