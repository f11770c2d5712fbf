package dev.adjoint.issue14;

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
      Checks14.jacobian(s, args, c.jacobian());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void jacobianRowsAreTheVectorJacobianProductsOfUnitSeeds(VecFixture.VecCase c) {
    Javac14.Result run = Compiled14.vec().assertCompiled();
    Subject s = Subject.of(run, VecFixture.CLS, c.method(), c.arity(), c.wrt());
    Checks14.jacobianRowsAreVjps(s, c.points().get(0));
  }
}
