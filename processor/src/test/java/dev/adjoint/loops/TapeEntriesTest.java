package dev.adjoint.loops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.GradientCheck;
import dev.adjoint.Tape;
import org.junit.jupiter.api.Test;

/**
 * Pins how much each loop records, so that a regression in the to-be-recorded analysis shows
 * up, and checks each gradient against finite differences and, where known, its exact value.
 */
class TapeEntriesTest {

  @Test
  void invariantOperandsRecordNothing() {
    Tape tape = new Tape();
    double[] adj = new double[2];
    TapeFixturesGrad.accumulateAdjoint(1.5, 2.0, 1000, 1.0, adj, tape);
    assertEquals(0, tape.pushes());
    assertEquals(2.0 * 1000, adj[0], 0.0);
    assertEquals(1.5 * 1000, adj[1], 0.0);
  }

  @Test
  void loopCountersAreRecomputed() {
    Tape tape = new Tape();
    double[] adj = new double[1];
    TapeFixturesGrad.weightedByCounterAdjoint(0.7, 5, 1.0, adj, tape);
    assertEquals(0, tape.pushes());
    assertEquals(10.0, adj[0], 0.0); // d/da of a * (0 + 1 + 2 + 3 + 4)
  }

  @Test
  void overwrittenValuesNeededByTheAdjointAreRecordedOncePerIteration() {
    Tape tape = new Tape();
    TapeFixturesGrad.sinRecurrenceAdjoint(0.3, 7, 1.0, new double[1], tape);
    assertEquals(7, tape.doubles().pushes());
    assertEquals(7, tape.pushes());
    assertEquals(0, tape.size(), "the reverse sweep pops everything it pushed");
    check(x -> TapeFixtures.sinRecurrence(x[0], 7), 0.3,
        TapeFixturesGrad.sinRecurrence(0.3, 7).a());

    tape = new Tape();
    double[] adj = new double[1];
    TapeFixturesGrad.iteratedSquareAdjoint(1.1, 4, 1.0, adj, tape);
    assertEquals(4, tape.pushes());
    assertEquals(16 * Math.pow(1.1, 15), adj[0], 1e-12); // d/da a^16
  }

  @Test
  void constantDerivativesRecordNothingEvenInDataDependentLoops() {
    Tape tape = new Tape();
    double[] adj = new double[1];
    double value = TapeFixturesGrad.halveUntilSmallAdjoint(3.7, 1.0, adj, tape);
    assertEquals(0, tape.pushes());
    assertEquals(0.0578125, value, 0.0);
    assertEquals(Math.pow(0.5, 6), adj[0], 0.0); // six halvings
  }

  @Test
  void newtonSqrtRecordsOneValuePerStepAndGetsTheAnalyticDerivative() {
    Tape tape = new Tape();
    double[] adj = new double[1];
    double value = TapeFixturesGrad.newtonSqrtAdjoint(2.0, 1.0, adj, tape);
    assertEquals(30, tape.pushes());
    assertEquals(Math.sqrt(2.0), value, 1e-15);
    assertEquals(1 / (2 * Math.sqrt(2.0)), adj[0], 1e-15);
  }

  @Test
  void nestedCountedLoopsRecordNothing() {
    Tape tape = new Tape();
    double[] adj = new double[1];
    TapeFixturesGrad.nestedAdjoint(0.5, 6, 4, 1.0, adj, tape);
    // The inner trip count, m, is computed again by the reverse sweep (CountedTrips).
    assertEquals(0, tape.pushes());
    assertEquals(6 * (0 + 1 + 2 + 3), adj[0], 0.0);
  }

  @Test
  void branchesInLoopsRecordTheirDecision() {
    Tape tape = new Tape();
    double[] adj = new double[1];
    TapeFixturesGrad.branchInLoopAdjoint(1.3, 6, 1.0, adj, tape);
    assertEquals(6, tape.booleans().pushes());
    assertEquals(3, tape.doubles().pushes(), "only s = s * a needs the old s");
    check(x -> TapeFixtures.branchInLoop(x[0], 6), 1.3, adj[0]);
  }

  @Test
  void millionIterationsRunWithoutDeepStacksAndTapeMemoryIsLinear() {
    Tape tape = new Tape();
    double[] adj = new double[1];
    int n = 1_000_000;
    TapeFixturesGrad.sinRecurrenceAdjoint(0.001, n, 1.0, adj, tape);
    assertEquals(n, tape.pushes());
    long bytes = tape.memoryBytes();
    assertTrue(bytes >= 8L * n && bytes <= 2 * 8L * n + 1024,
        "tape memory " + bytes + " bytes for " + n + " doubles");
    double h = 1e-6;
    double numeric = (TapeFixtures.sinRecurrence(0.001 + h, n)
        - TapeFixtures.sinRecurrence(0.001 - h, n)) / (2 * h);
    assertEquals(numeric, adj[0], 1e-5 * Math.max(1, Math.abs(numeric)));
  }

  @Test
  void eachCallOwnsItsTapeWhenGivenNone() {
    var a = TapeFixturesGrad.sinRecurrence(0.3, 9);
    var b = TapeFixturesGrad.sinRecurrence(0.3, 9);
    assertEquals(a, b);
  }

  @Test
  void accumulatingIntoAnArrayResetInFullRecordsOnlyTheReset() {
    double[] w = {0.3, -0.2, 0.5, 0.1, -0.4, 0.7};
    double[] b = {0.1, -0.3};
    double[][] xs = {{1.0, 2.0, -1.0}, {0.5, -1.5, 2.0}, {-0.7, 0.2, 0.9}, {1.1, 0.3, -0.6}};
    Tape tape = new Tape();
    double[] wAdj = new double[w.length];
    double[] bAdj = new double[b.length];
    TapeFixturesGrad.layerPerSampleAdjoint(w, b, xs, 1.0, new double[0], wAdj, bAdj, tape);
    // Nothing per sample: the loop over samples is fused, and each sample's reverse part reads
    // z (the tanh) before it would restore it, for nobody (the next sample resets z in full):
    // neither the 2 resets nor the 6 accumulations are saved.
    assertEquals(0, tape.doubles().pushes());
    // No trip count either: the reverse sweep computes z.length and xs[s].length again (xs's
    // rows are only read, so their lengths cannot change).
    assertEquals(0, tape.ints().pushes());
    assertEquals(0, tape.size());
    TapeFixturesGrad.LayerPerSampleGradient g = TapeFixturesGrad.layerPerSample(w, b, xs);
    GradientCheck.compare(p -> TapeFixtures.layerPerSample(p, b, xs), w, g.w())
        .assertWithin(1e-7);
    GradientCheck.compare(p -> TapeFixtures.layerPerSample(w, p, xs), b, g.b())
        .assertWithin(1e-7);
  }

  @Test
  void triangularScratchRecordsNothingPerInnerIteration() {
    double[] mu = {0.2, -0.1, 0.4, 0.3};
    double[] q = {0.1, -0.2, 0.05, 0.3, 0.5, -0.4, 0.2, 0.1, -0.3, 0.6};
    double[][] x = {{1.0, 0.5, -0.3, 0.2}, {-0.4, 0.8, 0.1, -1.2}, {0.3, -0.6, 0.9, 0.4}};
    int d = mu.length;
    int n = x.length;
    Tape tape = new Tape();
    double[] muAdj = new double[d];
    double[] qAdj = new double[q.length];
    TapeFixturesGrad.triangularAdjoint(mu, q, x, 1.0, new double[0], muAdj, qAdj, tape);
    // Per point (the loop over points is fused): the old sq, nothing for xc and lxc (each
    // point's reverse part reads them before it would restore them, for nobody: the next point
    // rewrites them in full), nothing for the d (d - 1) / 2 accumulations into lxc; one int,
    // l's value before l = d, none for l++, and no trip count or start (all computed again).
    assertEquals(n, tape.doubles().pushes());
    assertEquals(n, tape.ints().pushes());
    assertEquals(0, tape.size());
    TapeFixturesGrad.TriangularGradient g = TapeFixturesGrad.triangular(mu, q, x);
    GradientCheck.compare(p -> TapeFixtures.triangular(p, q, x), mu, g.mu()).assertWithin(1e-7);
    GradientCheck.compare(p -> TapeFixtures.triangular(mu, p, x), q, g.q()).assertWithin(1e-7);
    for (int i = 0; i < d; i++) {
      assertEquals(g.mu()[i], muAdj[i], 0.0);
    }
  }

  @Test
  void steppedIndicesAreUndoneAndResetsRestored() {
    double[] w = {0.3, -0.7, 1.1, 0.4, -0.2};
    int n = 13;
    Tape tape = new Tape();
    double[] wAdj = new double[w.length];
    TapeFixturesGrad.wrappingIndexAdjoint(w, n, 1.0, new double[0], wAdj, tape);
    // No int per step: only the resets save l (and the branch decisions are booleans).
    assertTrue(tape.ints().pushes() < n, "ints pushed: " + tape.ints().pushes());
    assertEquals(0, tape.size());
    GradientCheck.compare(p -> TapeFixtures.wrappingIndex(p, n), w, wAdj).assertWithin(1e-7);
    // Exact: s = sum_i w[l_i] w[k_i mod 5] (1 + 0.1 l_i) is bilinear in w.
    double[] exact = new double[w.length];
    int l = 1;
    long k = 0;
    for (int i = 0; i < n; i++) {
      int m = (int) (k % w.length);
      exact[l] += w[m] * (1 + 0.1 * l);
      exact[m] += w[l] * (1 + 0.1 * l);
      l += 1;
      k += 4;
      if (l >= w.length) {
        l = 0;
      }
    }
    for (int i = 0; i < w.length; i++) {
      assertEquals(exact[i], wAdj[i], 1e-14);
    }
  }

  @Test
  void stageBuffersRewrittenInFullAreRecordedAsBlocks() {
    double[] x = {0.7, -0.4, 1.3, 0.9};
    int s = 3;
    Tape tape = new Tape();
    double[] xAdj = new double[x.length];
    double value = TapeFixturesGrad.midpointAdjoint(x, s, 1.0, new double[0], xAdj, tape);
    assertEquals(TapeFixtures.midpoint(x, s), value, 0.0);
    // Per step: tmp's and y's old values (the previous step's stage and state, which its
    // adjoint reads) as one block each, and the element-by-element pass (tmp[i] and the stored
    // sin(tmp[i]), StoredCallResults); k's are dead.
    assertEquals(4L * x.length * s, tape.doubles().pushes());
    assertEquals(0, tape.ints().pushes());
    assertEquals(0, tape.size(), "the reverse sweep pops everything it pushed");
    GradientCheck.compare(p -> TapeFixtures.midpoint(p, s), x, xAdj).assertWithin(1e-7);
    assertArrayEquals(TapeFixturesGrad.midpoint(x, s).x(), xAdj, 0.0);
    // Exact for one step of two components, h = 1:
    // y_1 + tmp_0 = x0 x1 / 2 + x0 sin(x0 / 2).
    double[] two = {0.7, -0.4};
    double[] g = TapeFixturesGrad.midpoint(two, 1).x();
    assertEquals(two[1] / 2 + Math.sin(two[0] / 2) + two[0] * Math.cos(two[0] / 2) / 2, g[0],
        1e-14);
    assertEquals(two[0] / 2, g[1], 1e-14);
  }

  @Test
  void transcendentalFactorsAreStoredOncePerIteration() {
    double a = 0.8;
    double b = 0.3;
    int n = 9;
    Tape tape = new Tape();
    double[] adj = new double[2];
    double value = TapeFixturesGrad.scaledSinRecurrenceAdjoint(a, b, n, 1.0, adj, tape);
    assertEquals(TapeFixtures.scaledSinRecurrence(a, b, n), value, 0.0);
    // Per step: the old x (for cos(x)) and the stored sin(x) (the partial for a).
    assertEquals(2L * n, tape.doubles().pushes());
    assertEquals(0, tape.size(), "the reverse sweep pops everything it pushed");
    // Exact: forward-mode recurrences of dx/da and dx/db.
    double x = 0.5;
    double da = 0;
    double db = 0;
    for (int i = 0; i < n; i++) {
      double c = Math.cos(x) * a;
      da = c * da + Math.sin(x);
      db = c * db + 1;
      x = Math.sin(x) * a + b;
    }
    assertEquals(da, adj[0], 1e-14);
    assertEquals(db, adj[1], 1e-14);
    GradientCheck.compare(p -> TapeFixtures.scaledSinRecurrence(p[0], p[1], n),
        new double[] {a, b}, adj).assertWithin(1e-7);
  }

  private static void check(java.util.function.ToDoubleFunction<double[]> f, double x,
      double gradient) {
    GradientCheck.compare(f, new double[] {x}, new double[] {gradient}).assertWithin(1e-7);
  }
}
