package dev.adjoint.issue14;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Self-checks of every oracle the issue-14 tests use, runnable before the feature exists: the
 * fixtures compile as plain Java (without the processor); each Hipparchus transcription computes
 * the compiled primal's value; its gradient agrees with central differences of the primal; each
 * analytic Hessian (MGH, the seed's network) agrees with Hipparchus order 2 and with central
 * differences of an exact gradient; each analytic Jacobian with central differences of the
 * primal; and the comparison helpers do fail on wrong input. When an issue-14 test fails later,
 * the implementation is wrong, not its oracle.
 */
class Issue14OraclesTest {
  private static Javac14.Result plain() {
    return Compiled14.plain().assertCompiled();
  }

  static List<ShapesFixture.Shape> shapes() {
    return ShapesFixture.shapes();
  }

  static List<MghFixture.Problem> problems() {
    return MghFixture.problems();
  }

  static List<VecFixture.VecCase> vecCases() {
    return VecFixture.cases();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void shapeTranscriptionsMatchThePrimalAndTheirDerivativesAreStable(ShapesFixture.Shape shape) {
    Subject s = Subject.of(plain(), ShapesFixture.CLS, shape.method(), shape.arity());
    for (Object[] args : shape.points()) {
      double[] x = s.flat(args);
      double[] d = Num14.direction(x.length, 7);
      double h = Num14.step(x, d);
      // the directional difference of the primal is stable under halving the step: no branch,
      // loop trip count or max() winner changes within ±2h of the point
      double fd = Num14.central(t -> s.value(s.with(args, Num14.axpy(x, t, d))), h);
      double fdHalf = Num14.central(t -> s.value(s.with(args, Num14.axpy(x, t, d))), h / 2);
      Num14.close(s + " FD stable", fd, fdHalf, 1e-8);
      Function<DerivativeStructure[], DerivativeStructure> ds = shape.dsAt(args);
      assertTrue(ds != null, "every shape has a Hipparchus transcription");
      Num14.Ds oracle = Num14.ds(ds, x);
      Num14.close(s + " Hipparchus value vs primal", oracle.value(), s.value(args), 1e-13);
      Num14.close(s + " Hipparchus gradient·d vs FD of the primal", Num14.dot(oracle.gradient(),
          d), fd, Num14.FD_TOL);
      for (int i = 0; i < x.length; i++) {
        double[] e = new double[x.length];
        e[i] = 1;
        double fdi = Num14.central(t -> s.value(s.with(args, Num14.axpy(x, t, e))),
            Num14.step(x, e));
        Num14.close(s + " Hipparchus ∂/∂x" + i + " vs FD", oracle.gradient()[i], fdi,
            Num14.FD_TOL);
      }
      Num14.close(s + " Hipparchus Hessian vs FD of its gradient", oracle.hessian(),
          Num14.fdJacobianOf(y -> Num14.ds(ds, y).gradient(), x), 1e-6, 1e-4);
      Num14.symmetric(s + " Hipparchus Hessian", oracle.hessian(), 1e-12);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("problems")
  void mghAnalyticHessiansAgreeWithHipparchusAndWithDifferencesOfTheGradient(
      MghFixture.Problem p) {
    Subject s = Subject.of(plain(), MghFixture.CLS, p.method(), p.arity(), p.wrt());
    for (Object[] args : p.points()) {
      double[] x = s.flat(args);
      Num14.Ds oracle = Num14.ds(p.ds(), x);
      Num14.close(p + " Hipparchus value vs compiled primal", oracle.value(), s.value(args),
          1e-12);
      double[][] analytic = p.hessian().apply(x);
      Num14.symmetric(p + " analytic Hessian", analytic, 0);
      Num14.close(p + " analytic Hessian vs Hipparchus order 2", analytic, oracle.hessian(),
          1e-10, 1e-9);
      Num14.close(p + " analytic Hessian vs FD of the exact gradient", analytic,
          Num14.fdJacobianOf(y -> Num14.ds(p.ds(), y).gradient(), x), 1e-5, 1e-4);
      for (int i = 0; i < x.length; i++) {
        double[] e = new double[x.length];
        e[i] = 1;
        // Brown badly scaled is a quartic polynomial, on which the 5-point formula is exact at
        // any step, while a small step drowns in the rounding of f ≈ 1e12
        double step = p.method().equals("brownBadlyScaled") ? 0.5 : Num14.step(x, e);
        double fdi = Num14.central(t -> s.value(s.with(args, Num14.axpy(x, t, e))), step);
        Num14.close(p + " Hipparchus gradient vs FD of the primal, entry " + i,
            oracle.gradient()[i], fdi, Num14.FD_TOL, 1e-3 * Num14.maxAbs(oracle.gradient()));
      }
    }
  }

  /**
   * The difference checks of {@link Checks14} hold, with their tolerances, for exact derivatives
   * (Hipparchus) at every point and in several directions: central differences of the primal
   * along d against ∇f·d, of the gradient along v against H·v, and of the gradient in each
   * coordinate against H's columns. So a failure of those checks later is the implementation's.
   */
  static void differenceChecksHoldForExactDerivatives(Subject s, Object[] args,
      Function<DerivativeStructure[], DerivativeStructure> ds, boolean tangent) {
    double[] x = s.flat(args);
    Num14.Ds exact = Num14.ds(ds, x);
    for (long seed = 1; seed <= 6; seed++) {
      double[] d = Num14.direction(x.length, seed);
      double h = Num14.step(x, d);
      if (tangent) {
        Num14.close(s + " tangent check", Num14.dot(exact.gradient(), d),
            Num14.central(t -> s.value(s.with(args, Num14.axpy(x, t, d))), h), Num14.FD_TOL);
      }
      Num14.close(s + " H·v check", Num14.times(exact.hessian(), d),
          Num14.centralVec(t -> Num14.ds(ds, Num14.axpy(x, t, d)).gradient(), h),
          Num14.FD_TOL, 1e-3);
    }
    Num14.close(s + " Hessian columns check", exact.hessian(),
        Num14.fdJacobianOf(y -> Num14.ds(ds, y).gradient(), x), 1e-5, 1e-4);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void differenceChecksHoldOnTheShapes(ShapesFixture.Shape shape) {
    Subject s = Subject.of(plain(), ShapesFixture.CLS, shape.method(), shape.arity());
    for (Object[] args : shape.points()) {
      differenceChecksHoldForExactDerivatives(s, args, shape.dsAt(args), true);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("problems")
  void differenceChecksHoldOnMgh(MghFixture.Problem p) {
    Subject s = Subject.of(plain(), MghFixture.CLS, p.method(), p.arity(), p.wrt());
    for (Object[] args : p.points()) {
      // Brown badly scaled: f ≈ 1e12 drowns a small step's difference (no tangent test uses it)
      differenceChecksHoldForExactDerivatives(s, args, p.ds(),
          !p.method().equals("brownBadlyScaled"));
    }
  }

  @Test
  void seedHessianByHandAgreesWithHipparchusAndTheSeedsValues() {
    Subject s = Subject.of(plain(), SeedFixture.CLS, "twoLayer", 6);
    double[] x = s.flat(SeedFixture.POINT);
    Function<DerivativeStructure[], DerivativeStructure> ds = v -> {
      // relu is the identity near this point (z1 = 2, z2 = 7)
      DerivativeStructure z1 = v[2].multiply(v[0]).add(v[3]);
      DerivativeStructure z2 = v[4].multiply(z1).add(v[5]);
      DerivativeStructure e = z2.subtract(v[1]);
      return e.multiply(e).multiply(0.5);
    };
    Num14.Ds oracle = Num14.ds(ds, x);
    assertEquals(2.0, s.value(SeedFixture.POINT), 0.0, "the seed's J");
    Num14.close("seed gradient", oracle.gradient(), new double[] {12, -2, 6, 6, 4, 2}, 1e-15, 0);
    Num14.close("seed Hessian by hand vs Hipparchus", SeedFixture.twoLayerHessian(),
        oracle.hessian(), 1e-15, 0);
    Num14.close("seed Hessian by hand vs FD of the exact gradient",
        SeedFixture.twoLayerHessian(), Num14.fdJacobianOf(y -> Num14.ds(ds, y).gradient(), x),
        1e-8, 0);
    Subject w = Subject.of(plain(), SeedFixture.CLS, "twoLayerWrt", 6, "w1", "b1", "w2", "b2");
    assertEquals(List.of("w1", "b1", "w2", "b2"), w.diffNames());
    double[][] sub = SeedFixture.twoLayerWrtHessian();
    assertEquals(4, sub.length);
    assertEquals(9.0, sub[0][0], 0.0, "∂²J/∂w1² = (w2 x)² = 9");
    assertEquals(8.0, sub[0][2], 0.0, "∂²J/∂w1∂w2 = (w2 x)(w1 x + b1) + r x = 6 + 2");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vecCases")
  void analyticJacobiansAgreeWithDifferencesOfThePrimal(VecFixture.VecCase c) {
    Subject s = Subject.of(plain(), VecFixture.CLS, c.method(), c.arity(), c.wrt());
    for (Object[] args : c.points()) {
      double[] x = s.flat(args);
      double[][] fd = Num14.fdJacobianOf(y -> s.vectorValue(s.with(args, y)), x);
      double[][] analytic = c.jacobian().apply(x);
      assertEquals(s.vectorValue(args).length, analytic.length, "one row per output");
      assertEquals(x.length, analytic[0].length, "one column per flattened input");
      Num14.close(c + " analytic Jacobian vs FD", analytic, fd, Num14.FD_TOL, 0);
    }
  }

  @Test
  void theFixturesNeedTheModesElementAndRenderIt() {
    String rendered = Modes14.render(ShapesFixture.TEMPLATE, Modes14.SECOND_ORDER);
    assertTrue(rendered.contains("@Differentiable(modes = {"), rendered);
    assertFalse(rendered.contains("MODES"));
    String plain = Modes14.render(MghFixture.TEMPLATE);
    assertTrue(plain.contains("@Differentiable\n")
        && plain.contains("@Differentiable(wrt = {\"x\"})"),
        plain);
  }

  /** A stand-in for an enum element type of {@code modes}, without a GRADIENT constant. */
  enum FakeMode { TANGENT, HESSIAN, JACOBIAN }

  @Test
  void theModesElementFollowsItsElementType() {
    String t = "@Differentiable(wrt = {\"a\"}, MODES)";
    assertEquals("@Differentiable(wrt = {\"a\"}, modes = {\"gradient\", \"tangent\"})",
        Modes14.render(t, String.class, "gradient", "tangent"));
    assertEquals("@Differentiable(wrt = {\"a\"}, modes = {"
        + "dev.adjoint.issue14.Issue14OraclesTest.FakeMode.TANGENT, "
        + "dev.adjoint.issue14.Issue14OraclesTest.FakeMode.HESSIAN})",
        Modes14.render(t, FakeMode.class, "gradient", "tangent", "hessian"));
    assertEquals("@Differentiable", Modes14.render("@Differentiable(MODES)", FakeMode.class));
  }

  @Test
  void theComparisonsCanFail() {
    assertThrows(AssertionError.class, () -> Num14.close("x", 1.0, 1.0 + 1e-5, 1e-6));
    assertThrows(AssertionError.class, () -> Num14.close("x", Double.NaN, 1.0, 1e-6));
    assertThrows(AssertionError.class, () -> Num14.same("x", 1.0, Math.nextUp(1.0)));
    assertThrows(AssertionError.class, () -> Num14.symmetric("h",
        new double[][] {{1, 2}, {2.1, 1}}, 1e-3));
    assertThrows(AssertionError.class, () -> Num14.close("h", new double[][] {{1, 2}},
        new double[][] {{1, 2}, {3, 4}}, 1e-3, 0));
    // a wrong Hessian entry is caught by the FD comparison the tests use
    double[] x = {-1.2, 1};
    double[][] wrong = MghHessians.rosenbrock(x);
    wrong[0][1] += 0.05; // 1e-4 relative to the entry 480
    assertThrows(AssertionError.class, () -> Num14.close("rosenbrock", wrong,
        Num14.fdJacobianOf(y -> Num14.ds(MghFixture::rosenbrock, y).gradient(), x), 1e-5, 1e-4));
    // 5-point differences are exact on a quartic up to rounding
    Num14.close("quartic", Num14.central(t -> Math.pow(2 + t, 4), 1e-3), 32, 1e-9);
  }
}
