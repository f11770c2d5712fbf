package dev.adjoint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.GradientCheck;
import dev.adjoint.Tape;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The four forms of every benchmarked workload compute the same thing: hand-written and
 * Hipparchus gradients agree with the generated one, and all of them with finite differences.
 * Without this the timings would compare different work.
 */
class GradientAgreementTest {

  /** |a - b| / max(1, |a|, |b|) ≤ tol, element-wise. */
  static void assertClose(double[] expected, double[] actual, double tol, String what) {
    assertEquals(expected.length, actual.length, what + ": length");
    for (int i = 0; i < expected.length; i++) {
      double scale = Math.max(1.0, Math.max(Math.abs(expected[i]), Math.abs(actual[i])));
      assertTrue(Math.abs(expected[i] - actual[i]) <= tol * scale,
          what + "[" + i + "]: expected " + expected[i] + " but was " + actual[i]);
    }
  }

  static double[] flatten(double[][] w1, double[] b1, double[][] w2, double[] b2) {
    double[] out = new double[w1.length * w1[0].length + b1.length + w2.length * w2[0].length
        + b2.length];
    int k = 0;
    for (double[] row : w1) {
      for (double v : row) {
        out[k++] = v;
      }
    }
    for (double v : b1) {
      out[k++] = v;
    }
    for (double[] row : w2) {
      for (double v : row) {
        out[k++] = v;
      }
    }
    for (double v : b2) {
      out[k++] = v;
    }
    return out;
  }

  @Test
  void reluCostSeedValues() {
    var g = WorkloadsGrad.reluCost(1, 5, 2, 0, 3, 1);
    double[] generated = {g.value(), g.w1(), g.b1(), g.w2(), g.b2()};
    assertClose(new double[] {2, 6, 6, 4, 2}, generated, 0, "seed values");

    double[] hand = new double[4];
    double v = HandGradients.reluCost(1, 5, 2, 0, 3, 1, hand);
    assertClose(generated, new double[] {v, hand[0], hand[1], hand[2], hand[3]}, 0, "hand");
    assertClose(generated, ForwardGradients.reluCost(1, 5, 2, 0, 3, 1), 0, "forward");

    double[] entry = new double[4];
    double ev = WorkloadsGrad.reluCostAdjoint(1, 5, 2, 0, 3, 1, 1.0, entry, null);
    assertClose(generated, new double[] {ev, entry[0], entry[1], entry[2], entry[3]}, 0, "entry");

    GradientCheck.compare(p -> Workloads.reluCost(1, 5, p[0], p[1], p[2], p[3]),
        new double[] {2, 0, 3, 1}, hand).assertWithin(1e-8);
  }

  @Test
  void reluCostAwayFromTheSeed() {
    double[][] points = {{0.5, -1, 0.7, 0.2, -1.3, 0.4}, {2, 3, -0.4, 1.5, 0.9, -0.1},
        {-1, 0.5, 1.1, -0.3, 2.0, 0.6}};
    for (double[] q : points) {
      var g = WorkloadsGrad.reluCost(q[0], q[1], q[2], q[3], q[4], q[5]);
      double[] generated = {g.value(), g.w1(), g.b1(), g.w2(), g.b2()};
      double[] hand = new double[4];
      double v = HandGradients.reluCost(q[0], q[1], q[2], q[3], q[4], q[5], hand);
      assertClose(generated, new double[] {v, hand[0], hand[1], hand[2], hand[3]}, 1e-15,
          "hand at " + Arrays.toString(q));
      assertClose(generated, ForwardGradients.reluCost(q[0], q[1], q[2], q[3], q[4], q[5]),
          1e-15, "forward at " + Arrays.toString(q));
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 100, 1000})
  void rosenbrock(int p) {
    double[] x = Inputs.rosenbrockPoint(p);
    var g = WorkloadsGrad.rosenbrock(x);
    assertEquals(Workloads.rosenbrock(x), g.value(), 0.0);

    double[] hand = new double[p];
    assertEquals(g.value(), HandGradients.rosenbrock(x, hand), 1e-12 * g.value());
    assertClose(g.x(), hand, 1e-13, "hand");

    double[] fwd = ForwardGradients.rosenbrock(x);
    assertEquals(g.value(), fwd[0], 1e-12 * g.value());
    assertClose(g.x(), Arrays.copyOfRange(fwd, 1, fwd.length), 1e-13, "forward");

    // The entry point with a reused tape, twice: same gradient, tape left as found.
    Tape tape = new Tape();
    for (int round = 0; round < 2; round++) {
      double[] entry = new double[p];
      WorkloadsGrad.rosenbrockAdjoint(x, 1.0, new double[0], entry, tape);
      assertClose(g.x(), entry, 0, "entry, round " + round);
      assertEquals(0, tape.size());
    }

    double[] proposed = new double[p];
    assertEquals(g.value(), ProposedGrad.rosenbrockAdjoint(x, 1.0, new double[0], proposed, null),
        0.0);
    // ProposedGrad accumulates the square x[2i] * x[2i]'s two shares one after the other; the
    // generated code adds one share adj * (x[2i] + x[2i]) (transform/Squares): 1 ulp apart
    assertClose(g.x(), proposed, 1e-13, "proposed");

    GradientCheck.compare(Workloads::rosenbrock, x, g.x()).assertWithin(1e-7);
  }

  @Test
  void mlpSmallAllFormsAndFiniteDifferences() {
    Inputs.Mlp m = new Inputs.Mlp(5, 7, 3, 4, 11);
    checkMlp(m, true);
  }

  @Test
  void mlpBenchmarkSize() {
    Inputs.Mlp m = new Inputs.Mlp();
    assertEquals(9610, m.parameterCount());
    checkMlp(m, false);
  }

  private static void checkMlp(Inputs.Mlp m, boolean withForwardAndFiniteDifferences) {
    var g = WorkloadsGrad.mlp(m.xs, m.labels, m.w1, m.b1, m.w2, m.b2);
    double[] generated = flatten(g.w1(), g.b1(), g.w2(), g.b2());
    assertEquals(Workloads.mlp(m.xs, m.labels, m.w1, m.b1, m.w2, m.b2), g.value(), 0.0);

    double[][] gw1 = new double[m.w1.length][m.w1[0].length];
    double[] gb1 = new double[m.b1.length];
    double[][] gw2 = new double[m.w2.length][m.w2[0].length];
    double[] gb2 = new double[m.b2.length];
    var ws = new HandGradients.MlpWorkspace(m.b1.length, m.b2.length);
    double v = HandGradients.mlp(m.xs, m.labels, m.w1, m.b1, m.w2, m.b2, gw1, gb1, gw2, gb2, ws);
    assertEquals(g.value(), v, 1e-13);
    assertClose(generated, flatten(gw1, gb1, gw2, gb2), 1e-14, "hand");

    // The generated entry with a reused tape, twice.
    Tape tape = new Tape();
    for (int round = 0; round < 2; round++) {
      double[][] ew1 = new double[m.w1.length][m.w1[0].length];
      double[] eb1 = new double[m.b1.length];
      double[][] ew2 = new double[m.w2.length][m.w2[0].length];
      double[] eb2 = new double[m.b2.length];
      WorkloadsGrad.mlpAdjoint(m.xs, m.labels, m.w1, m.b1, m.w2, m.b2, 1.0, new double[0], ew1,
          eb1, ew2, eb2, tape);
      assertClose(generated, flatten(ew1, eb1, ew2, eb2), 0, "entry, round " + round);
      assertEquals(0, tape.size());

      double[][] pw1 = new double[m.w1.length][m.w1[0].length];
      double[] pb1 = new double[m.b1.length];
      double[][] pw2 = new double[m.w2.length][m.w2[0].length];
      double[] pb2 = new double[m.b2.length];
      double pv = ProposedGrad.mlpAdjoint(m.xs, m.labels, m.w1, m.b1, m.w2, m.b2, 1.0,
          new double[0], pw1, pb1, pw2, pb2, tape);
      assertEquals(g.value(), pv, 0.0);
      // The proposed code sums the examples' contributions in reverse order; the generated loop
      // over examples is fused now (forward order), so the sums may differ in the last bit.
      assertClose(generated, flatten(pw1, pb1, pw2, pb2), 1e-14, "proposed, round " + round);
      assertEquals(0, tape.size());
    }

    if (withForwardAndFiniteDifferences) {
      double[] fwd = ForwardGradients.mlp(m.xs, m.labels, m.w1, m.b1, m.w2, m.b2);
      assertEquals(g.value(), fwd[0], 1e-13);
      assertClose(generated, Arrays.copyOfRange(fwd, 1, fwd.length), 1e-13, "forward");

      double[] all = flatten(m.w1, m.b1, m.w2, m.b2);
      int hidden = m.b1.length;
      int inputs = m.w1[0].length;
      int outputs = m.b2.length;
      GradientCheck.compare(q -> {
        double[][] w1 = new double[hidden][inputs];
        double[] b1 = new double[hidden];
        double[][] w2 = new double[outputs][hidden];
        double[] b2 = new double[outputs];
        int k = 0;
        for (double[] row : w1) {
          for (int i = 0; i < inputs; i++) {
            row[i] = q[k++];
          }
        }
        for (int j = 0; j < hidden; j++) {
          b1[j] = q[k++];
        }
        for (double[] row : w2) {
          for (int j = 0; j < hidden; j++) {
            row[j] = q[k++];
          }
        }
        for (int o = 0; o < outputs; o++) {
          b2[o] = q[k++];
        }
        return Workloads.mlp(m.xs, m.labels, w1, b1, w2, b2);
      }, all, generated, 1e-5).assertWithin(1e-6);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 100, Inputs.RECURRENCE_STEPS})
  void recurrence(int steps) {
    double x0 = 0.5;
    double a = 0.9;
    double b = 0.1;
    var g = WorkloadsGrad.recurrence(x0, a, b, steps);
    double[] generated = {g.value(), g.x0(), g.a(), g.b()};
    assertEquals(Workloads.recurrence(x0, a, b, steps), g.value(), 0.0);

    double[] hand = new double[3];
    double v = HandGradients.recurrence(x0, a, b, steps, hand,
        new HandGradients.RecurrenceWorkspace());
    assertClose(generated, new double[] {v, hand[0], hand[1], hand[2]}, 1e-12, "hand");
    assertClose(generated, ForwardGradients.recurrence(x0, a, b, steps), 1e-12, "forward");

    Tape tape = new Tape();
    for (int round = 0; round < 2; round++) {
      double[] entry = new double[3];
      double ev = WorkloadsGrad.recurrenceAdjoint(x0, a, b, steps, 1.0, entry, tape);
      assertClose(generated, new double[] {ev, entry[0], entry[1], entry[2]}, 0, "entry");
      assertEquals(0, tape.size());

      double[] proposed = new double[3];
      double pv = ProposedGrad.recurrenceAdjoint(x0, a, b, steps, 1.0, proposed, tape);
      assertClose(generated, new double[] {pv, proposed[0], proposed[1], proposed[2]}, 0,
          "proposed");
      assertEquals(0, tape.size());
    }

    GradientCheck.compare(q -> Workloads.recurrence(q[0], q[1], q[2], steps),
        new double[] {x0, a, b}, new double[] {g.x0(), g.a(), g.b()}).assertWithin(1e-7);
  }
}
