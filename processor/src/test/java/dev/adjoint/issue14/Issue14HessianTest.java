package dev.adjoint.issue14;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 14, dense Hessians: {@code CGrad.mHessian(p1, …)} on thirteen Moré–Garbow–Hillstrom
 * problems against their published hand-coded Hessians (ported from funconstrain, checked in
 * {@link Issue14OraclesTest}), to 1e-10 relative; symmetric; over the differentiated parameters
 * flattened in parameter order (scalars, double[], a scalar–array–scalar mix, a double[][]
 * row-major, and a wrt restriction); and the seed's two-layer network against its Hessian
 * derived by hand ({@link SeedFixture#twoLayerHessian()}).
 */
class Issue14HessianTest {
  static List<MghFixture.Problem> problems() {
    return MghFixture.problems();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("problems")
  void mghHessianEqualsTheAnalyticOne(MghFixture.Problem p) {
    Javac14.Result run = Compiled14.mgh().assertCompiled();
    Subject s = Subject.of(run, MghFixture.CLS, p.method(), p.arity(), p.wrt());
    for (Object[] args : p.points()) {
      double[] x = s.flat(args);
      double[][] h = Checks14.hessian(s, args);
      Num14.close(s + " at " + Subject.show(args) + ": hessian() vs the analytic Hessian", h,
          p.hessian().apply(x), 1e-10, 1e-9);
      Num14.close(s + ": mHessian gradient vs Hipparchus", s.gradientOf(s.hessian(args)),
          Num14.ds(p.ds(), x).gradient(), 1e-10, 1e-9);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("problems")
  void mghHvpEqualsTheAnalyticHessianTimesV(MghFixture.Problem p) {
    Javac14.Result run = Compiled14.mgh().assertCompiled();
    Subject s = Subject.of(run, MghFixture.CLS, p.method(), p.arity(), p.wrt());
    for (Object[] args : p.points()) {
      double[] x = s.flat(args);
      double[] v = Num14.direction(x.length, 41);
      Num14.close(s + " at " + Subject.show(args) + ": mHvp vs analytic H·v",
          s.hvpOf(s.hvp(args, v)), Num14.times(p.hessian().apply(x), v), 1e-10, 1e-9);
    }
  }

  @Test
  void seedTwoLayerNetworkHessianByHand() {
    Javac14.Result run = Compiled14.seed().assertCompiled();
    Subject s = Subject.of(run, SeedFixture.CLS, "twoLayer", 6);
    Object r = s.hessian(SeedFixture.POINT);
    assertEquals(2.0, Subject.readDouble(r, "value"), 0.0, "J at the seed's point");
    Num14.close("seed gradient (x, y, w1, b1, w2, b2)", s.gradientOf(r),
        new double[] {12, -2, 6, 6, 4, 2}, 1e-15, 0);
    Num14.close("seed Hessian by hand", (double[][]) Subject.read(r, "hessian"),
        SeedFixture.twoLayerHessian(), 1e-14, 0);
    Checks14.hessian(s, SeedFixture.POINT);
  }

  @Test
  void seedTwoLayerNetworkHessianOverTheWeightsOnly() {
    Javac14.Result run = Compiled14.seed().assertCompiled();
    Subject s = Subject.of(run, SeedFixture.CLS, "twoLayerWrt", 6, "w1", "b1", "w2", "b2");
    Object r = s.hessian(SeedFixture.POINT);
    Num14.close("seed gradient (w1, b1, w2, b2)", s.gradientOf(r), new double[] {6, 6, 4, 2},
        1e-15, 0);
    Num14.close("seed Hessian over (w1, b1, w2, b2) by hand",
        (double[][]) Subject.read(r, "hessian"), SeedFixture.twoLayerWrtHessian(), 1e-14, 0);
    double[] v = {1, -2, 0.5, 3};
    Num14.close("seed H·v", s.hvpOf(s.hvp(SeedFixture.POINT, v)),
        Num14.times(SeedFixture.twoLayerWrtHessian(), v), 1e-14, 0);
    double tangent = Subject.readDouble(s.tangent(SeedFixture.POINT, v), "tangent");
    Num14.close("seed tangent = ∇J·v", tangent, Num14.dot(new double[] {6, 6, 4, 2}, v), 1e-15);
  }

  @Test
  void hessianOfTheShapesAgreesWithTheirHvps() {
    Javac14.Result run = Compiled14.shapes().assertCompiled();
    for (ShapesFixture.Shape shape : ShapesFixture.hvpShapes()) {
      Subject s = Subject.of(run, ShapesFixture.CLS, shape.method(), shape.arity());
      for (Object[] args : shape.points()) {
        double[][] h = Checks14.hessian(s, args);
        Num14.close(s + ": hessian() vs Hipparchus", h,
            Num14.ds(shape.dsAt(args), s.flat(args)).hessian(), 1e-10, 1e-9);
      }
    }
  }

  /**
   * The demo's claim: Newton's method with the generated Hessian reaches Rosenbrock's minimum
   * from (−1.2, 1) in a few steps, and converges quadratically at the end (the gradient's norm
   * at least squares, up to a constant, from one step to the next).
   */
  @Test
  void newtonWithTheGeneratedHessianConvergesQuadraticallyOnRosenbrock() {
    Javac14.Result run = Compiled14.mgh().assertCompiled();
    Subject s = Subject.of(run, MghFixture.CLS, "rosenbrock", 2);
    double x = -1.2;
    double y = 1.0;
    List<Double> norms = new java.util.ArrayList<>();
    for (int iter = 0; iter < 20; iter++) {
      Object r = s.hessian(new Object[] {x, y});
      double gx = Subject.readDouble(r, "x1");
      double gy = Subject.readDouble(r, "x2");
      double norm = Math.hypot(gx, gy);
      norms.add(norm);
      if (norm < 1e-10) {
        break;
      }
      double[][] h = (double[][]) Subject.read(r, "hessian");
      double det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
      x += (-gx * h[1][1] + gy * h[0][1]) / det;
      y += (-gy * h[0][0] + gx * h[1][0]) / det;
    }
    assertEquals(1.0, x, 1e-12, "x after Newton, gradient norms " + norms);
    assertEquals(1.0, y, 1e-12, "y after Newton, gradient norms " + norms);
    assertTrue(norms.size() <= 9, "pure Newton needs 7 steps from (-1.2, 1): " + norms);
    int n = norms.size();
    double a = norms.get(n - 3);
    double b = norms.get(n - 2);
    assertTrue(b <= 1e3 * a * a, "quadratic convergence: " + a + " then " + b);
  }
}
