package dev.adjoint.issue14;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14, forward mode: {@code CGrad.mTangent(p1, …, dp, dq, …)} on every shape the gradient
 * supports ({@link ShapesFixture}), against 5-point central differences of the primal along the
 * direction and against ∇f·d from the existing generated gradient {@code CGrad.m}, at several
 * points and directions; value() is the primal bit for bit.
 */
class Issue14TangentTest {
  static List<ShapesFixture.Shape> shapes() {
    return ShapesFixture.shapes();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void tangentAgreesWithDifferencesAndWithTheGradient(ShapesFixture.Shape shape) {
    Javac14.Result run = Compiled14.shapes().assertCompiled();
    Subject s = Subject.of(run, ShapesFixture.CLS, shape.method(), shape.arity());
    long seed = 1;
    for (Object[] args : shape.points()) {
      int n = s.flat(args).length;
      Checks14.tangent(s, args, Num14.direction(n, seed++));
      Checks14.tangent(s, args, Num14.direction(n, seed++));
      // a unit direction: the tangent is one partial derivative
      double[] e = new double[n];
      e[n - 1] = 1;
      Checks14.tangent(s, args, e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void tangentIsLinearInTheDirection(ShapesFixture.Shape shape) {
    Javac14.Result run = Compiled14.shapes().assertCompiled();
    Subject s = Subject.of(run, ShapesFixture.CLS, shape.method(), shape.arity());
    Object[] args = shape.points().get(0);
    int n = s.flat(args).length;
    double[] a = Num14.direction(n, 21);
    double[] b = Num14.direction(n, 22);
    double ta = Subject.readDouble(s.tangent(args, a), "tangent");
    double tb = Subject.readDouble(s.tangent(args, b), "tangent");
    double tab = Subject.readDouble(s.tangent(args, Num14.axpy(a, -2.5, b)), "tangent");
    Num14.close(s + ": tangent(a − 2.5 b) = tangent(a) − 2.5 tangent(b)", tab, ta - 2.5 * tb,
        1e-12, Math.abs(ta) + 2.5 * Math.abs(tb));
    double zero = Subject.readDouble(s.tangent(args, new double[n]), "tangent");
    Num14.same(s + ": tangent along the zero direction", zero, 0.0);
  }
}
