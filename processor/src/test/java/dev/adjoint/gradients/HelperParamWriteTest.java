package dev.adjoint.gradients;

import static dev.adjoint.gradients.Check.concat;
import static dev.adjoint.gradients.Check.dot;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link HelperParamWriteFx}: value, exact gradient, 5-point central differences, the caller's
 * arrays after the gradient, mTangent and mHvp equal to what the original leaves, mTangent
 * against the gradient and mHvp against central differences of the gradient.
 */
class HelperParamWriteTest {

  private static final double[] X = {0.7, -1.3};
  private static final double[][] M = {{0.4, -0.9}, {1.1, 0.6}};
  private static final double C = 0.8;
  private static final double[] V = {0.3, -0.5, 0.9};

  private static double[][] m(double[] p) {
    return new double[][] {{p[0], p[1]}, {p[2], p[3]}};
  }

  private static double[][] copy(double[][] m) {
    return new double[][] {m[0].clone(), m[1].clone()};
  }

  private static double[] flat(double[][] m) {
    return concat(m[0], m[1]);
  }

  @Test
  void aHelperWritingIntoAParameterArray() {
    double[] original = X.clone();
    double value = HelperParamWriteFx.vec(original, C);
    double[] caller = X.clone();
    var g = HelperParamWriteFxGrad.vec(caller, C);
    Check.sameValue(value, g.value());
    assertArrayEquals(original, caller, 0.0, "the caller's array after the gradient");
    // s = x0 x1 + c^2 x0^2 + c sin(c x1)
    Check.exact(new double[] {X[1] + 2 * C * C * X[0], X[0] + C * C * Math.cos(C * X[1])},
        g.x(), "x");
    Check.exact(2 * C * X[0] * X[0] + Math.sin(C * X[1]) + C * X[1] * Math.cos(C * X[1]), g.c(),
        "c");
    Check.fd(p -> HelperParamWriteFx.vec(new double[] {p[0], p[1]}, p[2]), concat(X, C),
        concat(g.x(), g.c()));
    double[] tangentCaller = X.clone();
    assertEquals(dot(concat(g.x(), g.c()), V), HelperParamWriteFxGrad.vecTangent(tangentCaller, C,
        new double[] {V[0], V[1]}, V[2]).tangent(), 1e-12);
    assertArrayEquals(original, tangentCaller, 0.0, "the caller's array after mTangent");
    double[] hvpCaller = X.clone();
    var h = HelperParamWriteFxGrad.vecHvp(hvpCaller, C, new double[] {V[0], V[1]}, V[2]);
    assertArrayEquals(original, hvpCaller, 0.0, "the caller's array after mHvp");
    Check.hvpMatchesDifferences(p -> {
      var q = HelperParamWriteFxGrad.vec(new double[] {p[0], p[1]}, p[2]);
      return concat(q.x(), q.c());
    }, concat(X, C), V, concat(h.xHvp(), h.cHvp()));
  }

  @Test
  void aHelperWritingIntoARowOrTheWholeOfAParameterMatrix() {
    for (String method : new String[] {"row", "whole"}) {
      double[][] original = copy(M);
      double value = method.equals("row") ? HelperParamWriteFx.row(original, C)
          : HelperParamWriteFx.whole(original, C);
      double[][] caller = copy(M);
      double[] withValue = gradient(method, caller, C);
      Check.sameValue(value, withValue[0]);
      assertArrayEquals(flat(original), flat(caller), 0.0, method + ": the caller's matrix");
      double[] grad = Arrays.copyOfRange(withValue, 1, 6);
      Check.fd(p -> method.equals("row") ? HelperParamWriteFx.row(m(p), p[4])
          : HelperParamWriteFx.whole(m(p), p[4]), concat(flat(M), C), grad);
      double[] v = {0.3, -0.5, 0.9, 0.2, -0.4};
      double[][] tangentCaller = copy(M);
      double tangent = method.equals("row")
          ? HelperParamWriteFxGrad.rowTangent(tangentCaller, C, m(v), v[4]).tangent()
          : HelperParamWriteFxGrad.wholeTangent(tangentCaller, C, m(v), v[4]).tangent();
      assertEquals(dot(grad, v), tangent, 1e-12, method + ": mTangent");
      assertArrayEquals(flat(original), flat(tangentCaller), 0.0, method + ": after mTangent");
      double[][] hvpCaller = copy(M);
      double[] hv;
      if (method.equals("row")) {
        var h = HelperParamWriteFxGrad.rowHvp(hvpCaller, C, m(v), v[4]);
        hv = concat(flat(h.mHvp()), h.cHvp());
      } else {
        var h = HelperParamWriteFxGrad.wholeHvp(hvpCaller, C, m(v), v[4]);
        hv = concat(flat(h.mHvp()), h.cHvp());
      }
      assertArrayEquals(flat(original), flat(hvpCaller), 0.0, method + ": after mHvp");
      Check.hvpMatchesDifferences(p -> Arrays.copyOfRange(gradient(method, m(p), p[4]), 1, 6),
          concat(flat(M), C), v, hv);
    }
    // row: s = m10 m01 + c^2 m10 m11 + m00
    var g = HelperParamWriteFxGrad.row(copy(M), C);
    Check.exact(new double[] {1, M[1][0], M[0][1] + C * C * M[1][1], C * C * M[1][0]},
        flat(g.m()), "row: m");
    Check.exact(2 * C * M[1][0] * M[1][1], g.c(), "row: c");
  }

  /** value, then the gradient (m's elements row by row, then c) of {@code method}. */
  private static double[] gradient(String method, double[][] m, double c) {
    if (method.equals("row")) {
      var g = HelperParamWriteFxGrad.row(m, c);
      return concat(new double[] {g.value()}, concat(flat(g.m()), g.c()));
    }
    var g = HelperParamWriteFxGrad.whole(m, c);
    return concat(new double[] {g.value()}, concat(flat(g.m()), g.c()));
  }
}
