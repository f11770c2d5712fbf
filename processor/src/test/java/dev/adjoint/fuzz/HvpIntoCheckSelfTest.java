package dev.adjoint.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.fuzz.GradientOracle.Report;
import dev.adjoint.fuzz.GradientOracle.Verdict;
import dev.adjoint.fuzz.Program.Kind;
import dev.adjoint.fuzz.Program.Param;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link HvpIntoCheck} can fail: it passes an {@code mHvpInto} that adds what {@code mHvp}
 * returned (a scalar into {@code adjoints}, an array into its adjoint array, a matrix into its
 * rows, zeros of either sign equal), skips an int parameter, and catches one coordinate off by
 * one ulp, in the gradient or in H·v.
 */
class HvpIntoCheckSelfTest {
  /** What mHvp returns for {@code f(double a, int n, double[] x, double[][] m)}. */
  record FakeHvp(double value, double a, double[] x, double[][] m, double aHvp, double[] xHvp,
      double[][] mHvp) {}

  static final FakeHvp EXPECTED = new FakeHvp(2.5, 0.25, new double[] {1, -0.0},
      new double[][] {{3, 4}}, -1.5, new double[] {0.5, 7}, new double[][] {{-2, 0.125}});

  /** Which coordinate the fake writes one ulp off: 0 none, 1 the gradient, 2 H·v. */
  static int wrong;

  public static double fHvpInto(double a, int n, double[] x, double[][] m, double dA, double[] dX,
      double[][] dM, double[] adjoints, double[] adjointsDot, double[] xAdj, double[] xAdjDot,
      double[][] mAdj, double[][] mAdjDot) {
    adjoints[0] += EXPECTED.a();
    adjointsDot[0] += EXPECTED.aHvp();
    for (int i = 0; i < 2; i++) {
      xAdj[i] += EXPECTED.x()[i];
      xAdjDot[i] += EXPECTED.xHvp()[i];
      mAdj[0][i] += EXPECTED.m()[0][i];
      mAdjDot[0][i] += EXPECTED.mHvp()[0][i];
    }
    if (wrong == 1) {
      mAdj[0][1] = Math.nextUp(mAdj[0][1]);
    } else if (wrong == 2) {
      adjointsDot[0] = Math.nextUp(adjointsDot[0]);
    }
    return EXPECTED.value();
  }

  private static Report check() throws Exception {
    List<Param> params = List.of(new Param("a", Kind.DOUBLE, 0, 0, 0),
        new Param("n", Kind.INT, 0, 0, 3), new Param("x", Kind.ARRAY, 0, 2, 0),
        new Param("m", Kind.MATRIX, 1, 2, 0));
    Class<?>[] types = {double.class, int.class, double[].class, double[][].class};
    Class<?>[] directed = {double.class, double[].class, double[][].class};
    Method into = HvpIntoCheck.find(HvpIntoCheckSelfTest.class, "f", params, types, directed);
    Object[] args = {0.5, 3, new double[] {1, 2}, new double[][] {{3, 4}}};
    Object[] directions = {1.0, new double[] {0, 1}, new double[][] {{1, 0}}};
    return HvpIntoCheck.compare(into, null, params, args, directions, EXPECTED, new Report());
  }

  @Test
  void passesAnEqualProductAndCatchesOneUlp() throws Exception {
    wrong = 0;
    assertNull(check());
    wrong = 1;
    Report gradient = check();
    assertEquals(Verdict.HVP_MISMATCH, gradient.verdict);
    assertTrue(gradient.detail.contains("m[0][1]"), gradient.detail);
    wrong = 2;
    Report product = check();
    assertEquals(Verdict.HVP_MISMATCH, product.verdict);
    assertTrue(product.detail.contains("aHvp"), product.detail);
    wrong = 0;
  }
}
