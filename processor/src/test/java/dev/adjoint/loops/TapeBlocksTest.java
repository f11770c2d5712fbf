package dev.adjoint.loops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.GradientCheck;
import dev.adjoint.Tape;
import org.junit.jupiter.api.Test;

/**
 * Counted loops recording into a block of the tape reserved before the loop ({@code TapeBlocks},
 * issue 15 cause 4): the gradients are bit for bit those of the same sweeps pushing and popping
 * each value (the arithmetic is the same), the tape counts the same pushes, and a tape handed
 * in is left as it was found, also when the block grows it and when a callee's adjoint grows it
 * again above the block.
 */
class TapeBlocksTest {

  @Test
  void theRecurrenceIsBitForBitThePushingSweeps() {
    for (int steps : new int[] {0, 1, 2, 7, 10_000}) {
      Tape tape = new Tape();
      double[] adj = new double[3];
      double value = BlockFixturesGrad.recurrenceAdjoint(0.3, 0.9, 0.2, steps, 1.0, adj, tape);
      double[] expected = recurrenceByPushes(0.3, 0.9, 0.2, steps);
      assertEquals(expected[0], value, 0.0);
      for (int k = 0; k < 3; k++) {
        assertEquals(expected[k + 1], adj[k], 0.0, "partial " + k + " at " + steps + " steps");
      }
      assertEquals(2L * steps, tape.doubles().pushes());
      assertEquals(2 * steps, tape.doubles().peakSize());
      assertEquals(0, tape.size());
    }
    BlockFixturesGrad.RecurrenceGradient g = BlockFixturesGrad.recurrence(0.3, 0.9, 0.2, 50);
    GradientCheck.compare(p -> BlockFixtures.recurrence(p[0], p[1], p[2], 50),
        new double[] {0.3, 0.9, 0.2}, new double[] {g.x0(), g.a(), g.b()}).assertWithin(1e-7);
  }

  @Test
  void aTapeHandedInIsLeftAsItWasFoundWhenTheBlockGrowsIt() {
    Tape tape = new Tape();
    for (int k = 0; k < 15; k++) {
      tape.pushDouble(-k); // one short of the initial capacity: the block grows the stack
    }
    tape.pushInt(42);
    tape.pushBoolean(true);
    double[] adj = new double[3];
    double value = BlockFixturesGrad.recurrenceAdjoint(0.3, 0.9, 0.2, 100, 1.0, adj, tape);
    double[] expected = recurrenceByPushes(0.3, 0.9, 0.2, 100);
    assertEquals(expected[0], value, 0.0);
    assertEquals(expected[2], adj[1], 0.0);
    assertEquals(17, tape.size());
    assertEquals(215, tape.doubles().peakSize());
    assertTrue(tape.popBoolean());
    assertEquals(42, tape.popInt());
    for (int k = 14; k >= 0; k--) {
      assertEquals(-k, tape.popDouble(), 0.0);
    }
  }

  @Test
  void anInnerBlockPerOuterIterationIsBitForBitThePushingSweeps() {
    double[] w = {0.4, -0.7, 1.1, 0.25, 0.9};
    Tape tape = new Tape();
    double[] wAdj = new double[w.length];
    double value = BlockFixturesGrad.triangleAdjoint(w, 0.6, 1.0, new double[1], wAdj, tape);
    double[] expectedAdj = new double[w.length];
    assertEquals(triangleByPushes(w, 0.6, expectedAdj), value, 0.0);
    for (int k = 0; k < w.length; k++) {
      assertEquals(expectedAdj[k], wAdj[k], 0.0, "w[" + k + "]");
    }
    assertEquals(2L * (4 + 3 + 2 + 1), tape.doubles().pushes());
    assertEquals(0, tape.size());
    GradientCheck.compare(p -> BlockFixtures.triangle(p, 0.6), w, wAdj).assertWithin(1e-7);
  }

  @Test
  void aCalleeGrowingTheTapeAboveABlockLeavesItReadable() {
    double a = 0.7;
    int n = 6;
    int m = 40; // each callee adjoint reserves 40 doubles above the outer block
    Tape tape = new Tape();
    double[] adj = new double[1];
    double value = BlockFixturesGrad.outerAdjoint(a, n, m, 1.0, adj, tape);
    assertEquals(BlockFixtures.outer(a, n, m), value, 0.0);
    assertEquals((long) n + (long) n * m, tape.doubles().pushes());
    assertTrue(tape.doubles().capacity() >= n + m);
    assertEquals(0, tape.size());
    // Exact: forward mode, ds/da through s = inner(s) * a, inner' the product of cos.
    double s = a;
    double ds = 1;
    for (int i = 0; i < n; i++) {
      double t = s;
      double dt = 1;
      for (int j = 0; j < m; j++) {
        dt *= Math.cos(t);
        t = Math.sin(t) + 0.5;
      }
      ds = dt * ds * a + t;
      s = t * a;
    }
    assertEquals(ds, adj[0], 1e-12 * Math.abs(ds));
    GradientCheck.compare(p -> BlockFixtures.outer(p[0], n, m), new double[] {a}, adj)
        .assertWithin(1e-7);
  }

  /** The sweeps of {@link BlockFixtures#recurrence} pushing and popping each value. */
  private static double[] recurrenceByPushes(double x0, double a, double b, int steps) {
    Tape tape = new Tape();
    double sin = 0.0;
    double x = x0;
    for (int t = 0; t < steps; t++) {
      tape.pushDouble(sin);
      sin = Math.sin(x);
      tape.pushDouble(x);
      x = sin * a + b;
    }
    double value = x;
    double aAdj = 0.0;
    double bAdj = 0.0;
    double xAdj = 1.0;
    for (int t = steps; t > 0; t--) {
      aAdj += xAdj * sin;
      bAdj += xAdj;
      x = tape.popDouble();
      // the partials multiply first (cleanup.PartialProducts): sin's adjoint is xAdj * a
      xAdj = xAdj * (a * Math.cos(x));
      sin = tape.popDouble();
    }
    return new double[] {value, xAdj, aAdj, bAdj};
  }

  /** The sweeps of {@link BlockFixtures#triangle} pushing and popping each value. */
  private static double triangleByPushes(double[] w, double s0, double[] wAdj) {
    Tape tape = new Tape();
    double sin = 0.0;
    double s = s0;
    for (int i = 0; i < w.length; i++) {
      for (int j = i + 1; j < w.length; j++) {
        tape.pushDouble(sin);
        sin = Math.sin(s);
        tape.pushDouble(s);
        s = sin * w[j] + w[i];
      }
    }
    double value = s;
    double sinAdj = 0.0;
    double sAdj = 1.0;
    for (int i = w.length - 1; i >= 0; i--) {
      for (int j = w.length - 1; j > i; j--) {
        sinAdj += sAdj * w[j];
        wAdj[j] += sAdj * sin;
        wAdj[i] += sAdj;
        s = tape.popDouble();
        sAdj = sinAdj * Math.cos(s);
        sinAdj = 0.0;
        sin = tape.popDouble();
      }
    }
    return value;
  }
}
