package dev.adjoint.issue14;

import java.util.List;
import java.util.function.Function;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14, Hessian-vector products: {@code CGrad.mHvp(p1, …, vp, vq, …)} on every shape the
 * gradient supports, against central differences of the existing generated gradient along v;
 * its gradient accessors equal {@code CGrad.m}'s; its {@code pHvp()} accessors have the shapes
 * of the parameters; H is symmetric (u·Hv = v·Hu); and, on the scalar fixtures, H·v agrees with
 * Hipparchus {@link DerivativeStructure} of order 2.
 */
class Issue14HvpTest {
  static List<ShapesFixture.Shape> shapes() {
    return ShapesFixture.hvpShapes();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void hvpAgreesWithDifferencesOfTheGeneratedGradient(ShapesFixture.Shape shape) {
    Javac14.Result run = Compiled14.shapes().assertCompiled();
    Subject s = Subject.of(run, ShapesFixture.CLS, shape.method(), shape.arity());
    long seed = 100;
    for (Object[] args : shape.points()) {
      int n = s.flat(args).length;
      Checks14.hvp(s, args, Num14.direction(n, seed++), Num14.direction(n, seed++));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void hvpAgreesWithHipparchusOrderTwo(ShapesFixture.Shape shape) {
    Javac14.Result run = Compiled14.shapes().assertCompiled();
    Subject s = Subject.of(run, ShapesFixture.CLS, shape.method(), shape.arity());
    long seed = 200;
    int checked = 0;
    for (Object[] args : shape.points()) {
      Function<DerivativeStructure[], DerivativeStructure> ds = shape.dsAt(args);
      int n = s.flat(args).length;
      Checks14.hvpVsHipparchus(s, args, Num14.direction(n, seed++), ds);
      double[] e = new double[n];
      e[0] = 1;
      Checks14.hvpVsHipparchus(s, args, e, ds);
      checked++;
    }
    if (checked != shape.points().size()) {
      throw new AssertionError("not every point checked against Hipparchus");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void hvpIsLinearInTheDirectionAndLeavesTheGradientAlone(ShapesFixture.Shape shape) {
    Javac14.Result run = Compiled14.shapes().assertCompiled();
    Subject s = Subject.of(run, ShapesFixture.CLS, shape.method(), shape.arity());
    Object[] args = shape.points().get(0);
    int n = s.flat(args).length;
    double[] a = Num14.direction(n, 31);
    double[] b = Num14.direction(n, 32);
    Object ra = s.hvp(args, a);
    Object rb = s.hvp(args, b);
    Object rab = s.hvp(args, Num14.axpy(a, 3.0, b));
    double[] want = Num14.axpy(s.hvpOf(ra), 3.0, s.hvpOf(rb));
    Num14.close(s + ": H(a + 3b) = Ha + 3Hb", s.hvpOf(rab), want, 1e-12, 1e-3);
    // the gradient accessors do not depend on the direction
    Num14.close(s + ": gradient with direction a vs b", s.gradientOf(ra), s.gradientOf(rb), 0, 0);
    double[] zero = s.hvpOf(s.hvp(args, new double[n]));
    Num14.close(s + ": H·0", zero, new double[n], 0, 0);
  }
}
