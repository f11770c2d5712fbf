package dev.adjoint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@link SameJvm#slice}: every operation is a call of its own ({@code run(1)}), never a batch the
 * JIT could compile nested in a loop of the form's, and the time per operation counts them all.
 */
class SliceTest {

  @Test
  void everyOperationIsACallOfItsOwn() {
    int[] calls = new int[1];
    int[] largestBatch = new int[1];
    double ns = SameJvm.slice(reps -> {
      calls[0]++;
      largestBatch[0] = Math.max(largestBatch[0], reps);
      return reps;
    }, 20);
    assertEquals(1, largestBatch[0]);
    assertTrue(calls[0] >= SameJvm.MIN_CALLS, "calls " + calls[0]);
    assertTrue(ns > 0 && ns < 20e6 / SameJvm.MIN_CALLS, "ns per operation " + ns);
  }

  @Test
  void aSlowFormStillGetsItsMinimumCalls() {
    int[] calls = new int[1];
    SameJvm.slice(reps -> {
      calls[0]++;
      long until = System.nanoTime() + 5_000_000L;
      while (System.nanoTime() < until) {
        Thread.onSpinWait();
      }
      return reps;
    }, 1);
    assertEquals(SameJvm.MIN_CALLS, calls[0]);
  }
}
