package dev.adjoint.issue14;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14, Jacobians of methods returning {@code double[]}: {@code CGrad.mJacobian(p1, …)}
 * returns {@code values()} (the primal's result, bit for bit) and {@code jacobian()}, one row per
 * output and one column per flattened differentiated input, on a curve fit's residuals (more
 * outputs than inputs), a method with fewer outputs than inputs and one with scalar parameters:
 * against the analytic Jacobians, central differences of the primal, and the rows of the existing
 * vector–Jacobian entry point {@code CGrad.m(p1, …, seed)} with unit seeds.
 */
@RequiresIssue14
class Issue14JacobianTest {
  static List<VecFixture.VecCase> cases() {
    return VecFixture.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void jacobianAgreesWithTheAnalyticOneAndWithDifferences(VecFixture.VecCase c) {
    Javac14.Result run = Compiled14.vec().assertCompiled();
    Subject s = Subject.of(run, VecFixture.CLS, c.method(), c.arity(), c.wrt());
    for (Object[] args : c.points()) {
      String at = s + " at " + Subject.show(args);
      Object r = s.jacobian(args);
      double[] primal = s.vectorValue(args);
      Object values = Subject.read(r, "values");
      if (!(values instanceof double[] got)) {
        throw new AssertionError(at + ": values() should be a double[], is "
            + Subject.shape(values));
      }
      assertEquals(primal.length, got.length, at + ": values() length");
      for (int i = 0; i < primal.length; i++) {
        Num14.same(at + ": values()[" + i + "]", got[i], primal[i]);
      }
      Object jv = Subject.read(r, "jacobian");
      if (!(jv instanceof double[][] j)) {
        throw new AssertionError(at + ": jacobian() should be a double[][], is "
            + Subject.shape(jv));
      }
      double[] x = s.flat(args);
      Num14.close(at + ": jacobian() vs the analytic Jacobian", j, c.jacobian().apply(x),
          1e-12, 1e-12);
      Num14.close(at + ": jacobian() vs central differences of the primal", j,
          Num14.fdJacobianOf(y -> s.vectorValue(s.with(args, y)), x), Num14.FD_TOL, 0);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void jacobianRowsAreTheVectorJacobianProductsOfUnitSeeds(VecFixture.VecCase c) {
    Javac14.Result run = Compiled14.vec().assertCompiled();
    Subject s = Subject.of(run, VecFixture.CLS, c.method(), c.arity(), c.wrt());
    Object[] args = c.points().get(0);
    double[][] j = (double[][]) Subject.read(s.jacobian(args), "jacobian");
    int m = s.vectorValue(args).length;
    assertEquals(m, j.length, "one row per output");
    for (int i = 0; i < m; i++) {
      double[] seed = new double[m];
      seed[i] = 1;
      double[] row = s.gradientOf(s.gradient(Subject.concat(args, new Object[] {seed})));
      Num14.close(s + ": jacobian() row " + i + " vs CGrad." + c.method() + "(…, e" + i + ")",
          j[i], row, 1e-13, 0);
    }
  }
}
