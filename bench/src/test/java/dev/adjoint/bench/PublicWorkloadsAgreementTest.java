package dev.adjoint.bench;

import static dev.adjoint.bench.GradientAgreementTest.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.GradientCheck;
import dev.adjoint.Tape;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The public AD benchmark workloads ({@link PublicWorkloads}): the generated gradient, the
 * generated entry point on a reused tape, the hand-written gradient ported from the benchmark's
 * manual tool, Hipparchus forward mode (where cheap) and 5-point finite differences agree.
 */
class PublicWorkloadsAgreementTest {

  static double[] flatten(double[] a, double[][] b, double[][] c) {
    int size = a.length;
    for (double[] row : b) {
      size += row.length;
    }
    for (double[] row : c) {
      size += row.length;
    }
    double[] out = new double[size];
    int k = 0;
    for (double v : a) {
      out[k++] = v;
    }
    for (double[] row : b) {
      for (double v : row) {
        out[k++] = v;
      }
    }
    for (double[] row : c) {
      for (double v : row) {
        out[k++] = v;
      }
    }
    return out;
  }

  /** Splits a flat parameter vector back into (alphas, means, icf) shaped like {@code g}. */
  static double gmmAt(Inputs.Gmm g, double[] q) {
    double[] a = Arrays.copyOfRange(q, 0, g.alphas.length);
    int k = a.length;
    double[][] mu = new double[k][g.means[0].length];
    double[][] icf = new double[k][g.icf[0].length];
    int at = k;
    for (double[] row : mu) {
      for (int i = 0; i < row.length; i++) {
        row[i] = q[at++];
      }
    }
    for (double[] row : icf) {
      for (int i = 0; i < row.length; i++) {
        row[i] = q[at++];
      }
    }
    return PublicWorkloads.gmm(a, mu, icf, g.x, g.gamma, g.m);
  }

  private static void checkGmm(Inputs.Gmm g, boolean forwardAndFiniteDifferences) {
    var r = PublicWorkloadsGrad.gmm(g.alphas, g.means, g.icf, g.x, g.gamma, g.m);
    double[] generated = flatten(r.alphas(), r.means(), r.icf());
    assertEquals(PublicWorkloads.gmm(g.alphas, g.means, g.icf, g.x, g.gamma, g.m), r.value(), 0.0);

    int k = g.alphas.length;
    int d = g.means[0].length;
    double[] ha = new double[k];
    double[][] hm = new double[k][d];
    double[][] hq = new double[k][g.icf[0].length];
    var ws = new PublicHandGradients.GmmWorkspace(k, d);
    double hv = PublicHandGradients.gmm(g.alphas, g.means, g.icf, g.x, g.gamma, g.m, ha, hm, hq,
        ws);
    assertEquals(r.value(), hv, 1e-12 * Math.abs(r.value()));
    assertClose(generated, flatten(ha, hm, hq), 1e-11, "hand");

    Tape tape = new Tape();
    for (int round = 0; round < 2; round++) {
      double[] ea = new double[k];
      double[][] em = new double[k][d];
      double[][] eq = new double[k][g.icf[0].length];
      double ev = PublicWorkloadsGrad.gmmAdjoint(g.alphas, g.means, g.icf, g.x, g.gamma, g.m, 1.0,
          new double[0], ea, em, eq, tape);
      assertEquals(r.value(), ev, 0.0);
      assertClose(generated, flatten(ea, em, eq), 0, "entry, round " + round);
      assertEquals(0, tape.size());
    }

    if (forwardAndFiniteDifferences) {
      double[] fwd = ForwardGradients.gmm(g.alphas, g.means, g.icf, g.x, g.gamma, g.m);
      assertEquals(r.value(), fwd[0], 1e-12 * Math.abs(r.value()));
      assertClose(generated, Arrays.copyOfRange(fwd, 1, fwd.length), 1e-11, "forward");
      GradientCheck.compare(q -> gmmAt(g, q), flatten(g.alphas, g.means, g.icf), generated)
          .assertWithin(1e-6);
    }
  }

  @Test
  void gmmSmallAllForms() {
    // d = 3, K = 4, n = 20, Wishart m = 2 (so the m Σq term is exercised too).
    checkGmm(new Inputs.Gmm(3, 4, 20, 2, 5), true);
  }

  @Test
  void gmmBenchmarkSize() {
    Inputs.Gmm g = new Inputs.Gmm();
    assertEquals(25 + 250 + 25 * 55, g.parameterCount());
    checkGmm(g, false);
  }

  @ParameterizedTest
  @CsvSource({"4, 7", "8, 64", "128, 1024"})
  void llsq(int m, int n) {
    double[] x = Inputs.uniform(m, 31337);
    var r = PublicWorkloadsGrad.llsq(x, n);
    assertEquals(PublicWorkloads.llsq(x, n), r.value(), 0.0);

    double[] hand = new double[m];
    double hv = PublicHandGradients.llsq(x, n, hand, new PublicHandGradients.LlsqWorkspace());
    assertEquals(r.value(), hv, 1e-13 * Math.abs(r.value()));
    assertClose(r.x(), hand, 1e-12, "hand");

    Tape tape = new Tape();
    for (int round = 0; round < 2; round++) {
      double[] entry = new double[m];
      assertEquals(r.value(), PublicWorkloadsGrad.llsqAdjoint(x, n, 1.0, new double[0], entry,
          tape), 0.0);
      assertClose(r.x(), entry, 0, "entry, round " + round);
      assertEquals(0, tape.size());
    }
    if (m <= 8) {
      double[] fwd = ForwardGradients.llsq(x, n);
      assertEquals(r.value(), fwd[0], 1e-13 * Math.abs(r.value()));
      assertClose(r.x(), Arrays.copyOfRange(fwd, 1, fwd.length), 1e-12, "forward");
      GradientCheck.compare(q -> PublicWorkloads.llsq(q, n), x, r.x()).assertWithin(1e-7);
    }
  }

  @ParameterizedTest
  @CsvSource({"2, 1", "5, 3", "12, 10", "1000, 10"})
  void ode(int n, int s) {
    double[] x = Inputs.uniform(n, 31337);
    for (int i = 0; i < n; i++) {
      x[i] += 0.5; // keeps the product of the x_i away from underflow at n = 1000
    }
    var r = PublicWorkloadsGrad.ode(x, s);
    assertEquals(PublicWorkloads.ode(x, s), r.value(), 0.0);

    double[] hand = new double[n];
    var ws = new PublicHandGradients.OdeWorkspace();
    double hv = PublicHandGradients.ode(x, s, hand, ws);
    assertEquals(r.value(), hv, 1e-12 * Math.abs(r.value()));
    assertClose(r.x(), hand, 1e-12, "hand");
    double[] again = new double[n];
    PublicHandGradients.ode(x, s, again, ws);
    assertClose(hand, again, 0, "hand, reused workspace");

    Tape tape = new Tape();
    for (int round = 0; round < 2; round++) {
      double[] entry = new double[n];
      PublicWorkloadsGrad.odeAdjoint(x, s, 1.0, new double[0], entry, tape);
      assertClose(r.x(), entry, 0, "entry, round " + round);
      assertEquals(0, tape.size());
    }
    if (n <= 12) {
      double[] fwd = ForwardGradients.ode(x, s);
      assertEquals(r.value(), fwd[0], 1e-12 * Math.abs(r.value()));
      assertClose(r.x(), Arrays.copyOfRange(fwd, 1, fwd.length), 1e-12, "forward");
      GradientCheck.compare(q -> PublicWorkloads.ode(q, s), x, r.x()).assertWithin(1e-7);
    }
  }
}
