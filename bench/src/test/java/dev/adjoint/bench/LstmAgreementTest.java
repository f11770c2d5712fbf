package dev.adjoint.bench;

import static dev.adjoint.bench.GradientAgreementTest.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.GradientCheck;
import dev.adjoint.Tape;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * ADBench's LSTM ({@link Lstm}): the generated gradient, the generated entry point on a reused
 * tape (twice, bit for bit), the hand-written gradient ported from ADBench's manual tool (to
 * 1e-11 relative) and, on small sizes, 5-point finite differences agree.
 */
class LstmAgreementTest {

  private static double[] concat(double[] a, double[] b) {
    double[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @ParameterizedTest
  @CsvSource({"1, 2, 3, 7", "2, 5, 3, 11", "3, 9, 4, 13", "2, 1024, 14, 2026"})
  void allFormsAgree(int l, int c, int b, long seed) {
    Lstm.Inputs in = new Lstm.Inputs(l, c, b, seed);
    double[] state = in.state.clone();
    var r = LstmGrad.objective(l, c, b, in.mainParams, in.extraParams, in.state, in.sequence);
    double value = Lstm.objective(l, c, b, in.mainParams, in.extraParams, in.state, in.sequence);
    assertEquals(value, r.value(), 0.0);
    assertClose(state, in.state, 0, "the initial state is not modified");
    double[] generated = concat(r.mainParams(), r.extraParams());

    double[] mainHand = new double[in.mainParams.length];
    double[] extraHand = new double[in.extraParams.length];
    var ws = new LstmHand.Workspace(l, b);
    double hv = LstmHand.objective(l, c, b, in.mainParams, in.extraParams, in.state, in.sequence,
        mainHand, extraHand, ws);
    assertEquals(value, hv, 1e-14 * Math.abs(value));
    assertClose(generated, concat(mainHand, extraHand), 1e-11, "hand");
    double[] mainAgain = new double[mainHand.length];
    double[] extraAgain = new double[extraHand.length];
    LstmHand.objective(l, c, b, in.mainParams, in.extraParams, in.state, in.sequence, mainAgain,
        extraAgain, ws);
    assertClose(concat(mainHand, extraHand), concat(mainAgain, extraAgain), 0,
        "hand, reused workspace");

    Tape tape = new Tape();
    for (int round = 0; round < 2; round++) {
      double[] mainEntry = new double[in.mainParams.length];
      double[] extraEntry = new double[in.extraParams.length];
      double ev = LstmGrad.objectiveAdjoint(l, c, b, in.mainParams, in.extraParams, in.state,
          in.sequence, 1.0, new double[0], mainEntry, extraEntry, tape);
      assertEquals(value, ev, 0.0);
      assertClose(generated, concat(mainEntry, extraEntry), 0, "entry, round " + round);
      assertEquals(0, tape.size());
    }

    if (c <= 16) {
      int main = in.mainParams.length;
      double[] params = concat(in.mainParams, in.extraParams);
      GradientCheck.compare(q -> Lstm.objective(l, c, b, Arrays.copyOf(q, main),
          Arrays.copyOfRange(q, main, q.length), in.state, in.sequence), params, generated)
          .assertWithin(1e-7);
    }
  }
}
