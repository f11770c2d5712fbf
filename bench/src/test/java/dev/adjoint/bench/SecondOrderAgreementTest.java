package dev.adjoint.bench;

import static dev.adjoint.bench.GradientAgreementTest.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The second-order benchmarks compare the same work: the generated HVP equals the hand-written
 * one and Hipparchus' order-2 forward mode, the generated tangent equals ∇f·v, and all of them
 * agree with 5-point central differences of the generated gradient.
 */
class SecondOrderAgreementTest {

  /** 5-point central differences of a vector function along {@code v} at {@code x}. */
  static double[] directionalDifferences(Function<double[], double[]> g, double[] x, double[] v,
      double h) {
    double[][] at = new double[4][];
    double[] steps = {-2, -1, 1, 2};
    for (int k = 0; k < 4; k++) {
      double[] y = x.clone();
      for (int i = 0; i < y.length; i++) {
        y[i] += steps[k] * h * v[i];
      }
      at[k] = g.apply(y);
    }
    double[] out = new double[at[0].length];
    for (int i = 0; i < out.length; i++) {
      out[i] = (at[0][i] - 8 * at[1][i] + 8 * at[2][i] - at[3][i]) / (12 * h);
    }
    return out;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Test
  void handHvpHasTheHandDerivedValuesAtTheMinimum() {
    // at (1, 1): f = 0, ∇f = 0, H = [[802, -400], [-400, 200]]
    double[] grad = new double[2];
    double[] hv = new double[2];
    assertEquals(0, HandHvp.rosenbrock(new double[] {1, 1}, new double[] {1, 0}, grad, hv));
    assertClose(new double[] {0, 0}, grad, 0, "gradient");
    assertClose(new double[] {802, -400}, hv, 0, "H e1");
    var g = SecondOrderWorkloadsGrad.rosenbrockHvp(new double[] {1, 1}, new double[] {0, 1});
    assertClose(new double[] {-400, 200}, g.xHvp(), 0, "generated H e2");
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 10, 100})
  void rosenbrockHvpGeneratedEqualsHandEqualsDifferences(int p) {
    double[] x = Inputs.rosenbrockPoint(p);
    double[] v = SecondOrderWorkloads.direction(p, 7);
    var generated = SecondOrderWorkloadsGrad.rosenbrockHvp(x, v);
    double[] grad = new double[p];
    double[] hv = new double[p];
    double value = HandHvp.rosenbrock(x, v, grad, hv);
    assertEquals(SecondOrderWorkloads.rosenbrock(x), generated.value(), 1e-12);
    assertEquals(value, generated.value(), 1e-12);
    assertClose(grad, generated.x(), 1e-12, "gradient, hand vs generated HVP");
    assertClose(SecondOrderWorkloadsGrad.rosenbrock(x).x(), generated.x(), 1e-12,
        "gradient, generated gradient vs generated HVP");
    assertClose(hv, generated.xHvp(), 1e-12, "H·v, hand vs generated");
    double[] fd = directionalDifferences(y -> SecondOrderWorkloadsGrad.rosenbrock(y).x(), x, v,
        1e-3);
    assertClose(fd, generated.xHvp(), 1e-7, "H·v vs differences of the generated gradient");
    var tangent = SecondOrderWorkloadsGrad.rosenbrockTangent(x, v);
    assertEquals(value, tangent.value(), 1e-12);
    assertEquals(dot(grad, v), tangent.tangent(),
        1e-10 * Math.max(1, Math.abs(tangent.tangent())));
  }

  @ParameterizedTest
  @ValueSource(ints = {10, 100})
  void hipparchusOrderTwoAgrees(int p) {
    double[] x = Inputs.rosenbrockPoint(p);
    double[] v = SecondOrderWorkloads.direction(p, 7);
    double[] hip = HipparchusHvp.rosenbrock(new DSFactory(p, 2), x, v);
    var generated = SecondOrderWorkloadsGrad.rosenbrockHvp(x, v);
    assertEquals(generated.value(), hip[0], 1e-12);
    double[] hv = new double[p];
    System.arraycopy(hip, 1, hv, 0, p);
    assertClose(generated.xHvp(), hv, 1e-12, "H·v, Hipparchus vs generated");
  }

  /** The net's differentiated parameters flattened (w1 row-major, b1, w2) and back. */
  static double[] flatten(double[][] w1, double[] b1, double[] w2) {
    return GradientAgreementTest.flatten(w1, b1, new double[][] {w2}, new double[0]);
  }

  static double[] netGradient(SecondOrderWorkloads.Net n, double[] theta) {
    int hidden = n.b1.length;
    int inputs = n.w1[0].length;
    double[][] w1 = new double[hidden][inputs];
    double[] b1 = new double[hidden];
    double[] w2 = new double[hidden];
    unflatten(theta, w1, b1, w2);
    var g = SecondOrderWorkloadsGrad.tanhNet(w1, b1, w2, n.xs, n.ys);
    return flatten(g.w1(), g.b1(), g.w2());
  }

  static void unflatten(double[] theta, double[][] w1, double[] b1, double[] w2) {
    int k = 0;
    for (double[] row : w1) {
      for (int i = 0; i < row.length; i++) {
        row[i] = theta[k++];
      }
    }
    for (int j = 0; j < b1.length; j++) {
      b1[j] = theta[k++];
    }
    for (int j = 0; j < w2.length; j++) {
      w2[j] = theta[k++];
    }
  }

  /**
   * e_k·H·v of the tanh net by Hipparchus with two free variables: s along e_k and t along v,
   * the mixed second derivative of f(θ + s e_k + t v).
   */
  static double hipparchusMixed(SecondOrderWorkloads.Net n, double[] theta, double[] v, int k) {
    DSFactory factory = new DSFactory(2, 2);
    DerivativeStructure s = factory.variable(0, 0);
    DerivativeStructure t = factory.variable(1, 0);
    int hidden = n.b1.length;
    int inputs = n.w1[0].length;
    DerivativeStructure[] q = new DerivativeStructure[theta.length];
    for (int i = 0; i < theta.length; i++) {
      q[i] = t.multiply(v[i]).add(theta[i]);
      if (i == k) {
        q[i] = q[i].add(s);
      }
    }
    DerivativeStructure loss = factory.constant(0);
    for (int e = 0; e < n.xs.length; e++) {
      DerivativeStructure out = factory.constant(0);
      for (int j = 0; j < hidden; j++) {
        DerivativeStructure z = q[hidden * inputs + j];
        for (int i = 0; i < inputs; i++) {
          z = z.add(q[j * inputs + i].multiply(n.xs[e][i]));
        }
        out = out.add(q[hidden * inputs + hidden + j].multiply(z.tanh()));
      }
      DerivativeStructure err = out.subtract(n.ys[e]);
      loss = loss.add(err.square());
    }
    return loss.multiply(0.5 / n.xs.length).getPartialDerivative(1, 1);
  }

  @Test
  void tanhNetHvpAgreesWithDifferencesAndHipparchus() {
    SecondOrderWorkloads.Net n = new SecondOrderWorkloads.Net(3, 4, 5, 21);
    double[][] vw1 = new double[4][];
    for (int j = 0; j < 4; j++) {
      vw1[j] = SecondOrderWorkloads.direction(3, 100 + j);
    }
    double[] vb1 = SecondOrderWorkloads.direction(4, 3);
    double[] vw2 = SecondOrderWorkloads.direction(4, 4);
    var generated = SecondOrderWorkloadsGrad.tanhNetHvp(n.w1, n.b1, n.w2, n.xs, n.ys, vw1, vb1,
        vw2);
    double[] theta = flatten(n.w1, n.b1, n.w2);
    double[] v = flatten(vw1, vb1, vw2);
    double[] hv = flatten(generated.w1Hvp(), generated.b1Hvp(), generated.w2Hvp());
    double[] grad = flatten(generated.w1(), generated.b1(), generated.w2());
    assertEquals(SecondOrderWorkloads.tanhNet(n.w1, n.b1, n.w2, n.xs, n.ys), generated.value(),
        1e-14);
    assertClose(netGradient(n, theta), grad, 1e-14, "gradient, generated gradient vs HVP");
    // the gradient itself against differences of the primal
    for (int k = 0; k < theta.length; k++) {
      double[] e = new double[theta.length];
      e[k] = 1;
      double[] fd = directionalDifferences(y -> {
        double[][] w1 = new double[4][3];
        double[] b1 = new double[4];
        double[] w2 = new double[4];
        unflatten(y, w1, b1, w2);
        return new double[] {SecondOrderWorkloads.tanhNet(w1, b1, w2, n.xs, n.ys)};
      }, theta, e, 1e-3);
      assertClose(fd, new double[] {grad[k]}, 1e-8, "gradient[" + k + "] vs differences");
    }
    double[] fd = directionalDifferences(y -> netGradient(n, y), theta, v, 1e-3);
    assertClose(fd, hv, 1e-7, "H·v vs differences of the generated gradient");
    for (int k = 0; k < theta.length; k++) {
      assertClose(new double[] {hipparchusMixed(n, theta, v, k)}, new double[] {hv[k]}, 1e-12,
          "H·v[" + k + "] vs Hipparchus");
    }
    var tangent = SecondOrderWorkloadsGrad.tanhNetTangent(n.w1, n.b1, n.w2, n.xs, n.ys, vw1, vb1,
        vw2);
    assertEquals(dot(grad, v), tangent.tangent(), 1e-12);
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 10, 1000})
  void rosenbrockHvpIntoEqualsHvpAndAddsIntoTheCallersArrays(int p) {
    double[] x = Inputs.rosenbrockPoint(p);
    double[] v = SecondOrderWorkloads.direction(p, 7);
    var api = SecondOrderWorkloadsGrad.rosenbrockHvp(x, v);
    double[] grad = new double[p];
    double[] hv = new double[p];
    double[] none = new double[0];
    double value = SecondOrderWorkloadsGrad.rosenbrockHvpInto(x, v, none, none, grad, hv);
    assertEquals(api.value(), value, 0.0);
    assertClose(api.x(), grad, 0, "gradient, mHvpInto vs mHvp");
    assertClose(api.xHvp(), hv, 0, "H·v, mHvpInto vs mHvp");
    double[] handGrad = new double[p];
    double[] handHv = new double[p];
    HandHvp.rosenbrock(x, v, handGrad, handHv);
    assertClose(handHv, hv, 1e-12, "H·v, hand vs mHvpInto");
    // a second call adds the same again: the accumulating convention of mAdjoint
    SecondOrderWorkloadsGrad.rosenbrockHvpInto(x, v, none, none, grad, hv);
    for (int i = 0; i < p; i++) {
      assertEquals(2 * api.x()[i], grad[i], 1e-12 * Math.max(1, Math.abs(grad[i])), "2 grad");
      assertEquals(2 * api.xHvp()[i], hv[i], 1e-12 * Math.max(1, Math.abs(hv[i])), "2 H·v");
    }
  }

  @Test
  void everySameJvmFormRunsAndTheTableHasEveryColumn() {
    for (SameJvm.Workload w : SecondOrderSameJvm.workloads()) {
      double[][] ns = new double[w.forms().size()][3];
      for (int j = 0; j < w.forms().size(); j++) {
        assertTrue(Double.isFinite(w.forms().get(j).batch().run(1)), w.name());
        ns[j] = new double[] {1 + j, 2 + j, 3 + j};
      }
      String row = SecondOrderSameJvm.row(w, ns);
      assertEquals(SecondOrderSameJvm.FORMS.length + SecondOrderSameJvm.RATIOS.length + 4,
          row.split("\\|", -1).length, row);
      assertTrue(row.startsWith("| second-order "), row);
    }
    String header = SecondOrderSameJvm.header();
    assertTrue(header.contains("| tangent/primal | HVP/gradient | HVP/hand HVP"
        + " | HVP into/hand HVP"), header);
  }
}
