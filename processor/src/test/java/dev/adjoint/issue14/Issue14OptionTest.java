package dev.adjoint.issue14;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Issue 14, which methods are generated: gradients by default; {@code @Differentiable(modes =
 * {…})} adds tangent, Hessian (mHvp and mHessian) and Jacobian methods per method; the processor
 * option {@code -Aadjoint.modes=gradient,tangent,hessian,jacobian} sets the default for a whole
 * compilation (here with no {@code modes} element at all).
 */
class Issue14OptionTest {
  @Test
  void byDefaultOnlyGradientsAreGenerated() {
    Javac14.Result run = Javac14.withProcessor(ShapesFixture.sources()).assertCompiled();
    Subject s = Subject.of(run, ShapesFixture.CLS, "mathLine", 2);
    assertTrue(s.generatedHas("mathLine"), "the gradient" + run.report());
    for (String extra : new String[] {"mathLineTangent", "mathLineHvp", "mathLineHessian"}) {
      assertFalse(s.generatedHas(extra), extra + " is generated without being asked for");
    }
    Subject v = Subject.of(Javac14.withProcessor(VecFixture.sources()).assertCompiled(),
        VecFixture.CLS, "fewer", 1);
    assertFalse(v.generatedHas("fewerJacobian"), "fewerJacobian without being asked for");
  }

  @Test
  void theOptionTurnsEveryModeOnForTheWholeCompilation() {
    Javac14.Result run = Javac14.withProcessor(ShapesFixture.sourcesWithoutGeneratedCalls(),
        Modes14.ALL_OPTION).assertCompiled();
    Subject s = Subject.of(run, ShapesFixture.CLS, "mathLine", 2);
    Object[] args = {0.7, -0.4};
    Checks14.tangent(s, args, new double[] {0.6, -1.0});
    Checks14.hvp(s, args, new double[] {1.0, 0.3}, new double[] {-0.2, 0.9});
    Checks14.hessian(s, args);
    Num14.close("option: H vs Hipparchus", (double[][]) Subject.read(s.hessian(args),
        "hessian"), Num14.ds(ShapesFixture::mathLine, s.flat(args)).hessian(), 1e-10, 1e-9);
    Subject loop = Subject.of(run, ShapesFixture.CLS, "loopTrips", 2);
    Checks14.tangent(loop, new Object[] {0.8, 0.6}, new double[] {1, 1});

    Javac14.Result vec = Javac14.withProcessor(VecFixture.sources(), Modes14.ALL_OPTION)
        .assertCompiled();
    Subject f = Subject.of(vec, VecFixture.CLS, "fewer", 1);
    Object[] x = {new double[] {0.3, -1.2, 0.7, 2.0, -0.4}};
    Num14.close("option: jacobian()", (double[][]) Subject.read(f.jacobian(x), "jacobian"),
        VecFixture.fewerJacobian(f.flat(x)), 1e-12, 1e-12);
  }

  @Test
  void theModesElementAddsToTheGradientPerMethod() {
    // only mathLine asks for more; loopTrips in the same class keeps its gradient alone
    String template = ShapesFixture.TEMPLATE.replaceFirst("@Differentiable\\(MODES\\)",
        "@Differentiable(MODES_ONE)").replace("@Differentiable(MODES)", "@Differentiable")
        .replace("@Differentiable(CALL_SET)", "@Differentiable")
        .replace("MODES_ONE", "MODES");
    java.util.Map<String, String> sources = new java.util.LinkedHashMap<>();
    sources.put(ShapesFixture.CLS, Modes14.render(template, "tangent"));
    sources.put(ShapesFixture.HELP, ShapesFixture.HELP_SOURCE);
    Javac14.Result run = Javac14.withProcessor(sources).assertCompiled();
    Subject s = Subject.of(run, ShapesFixture.CLS, "mathLine", 2);
    assertTrue(s.generatedHas("mathLine"), "modes adds to the gradient, which stays");
    Checks14.tangent(s, new Object[] {-1.3, 0.9}, new double[] {0.4, 0.8});
    assertFalse(s.generatedHas("loopTripsTangent"), "loopTrips did not ask for a tangent");
  }

  /**
   * A misspelt mode is not silently ignored (as the README says of the other options' values):
   * a compile error that names it. An inference from the project's conventions, not the issue's
   * text.
   */
  @Test
  void aMisspeltModeIsAnError() {
    Javac14.Result run = Javac14.withProcessor(ShapesFixture.sources(),
        "-Aadjoint.modes=gradient,tangnet");
    assertFalse(run.errors().isEmpty(), "no error for -Aadjoint.modes=gradient,tangnet"
        + run.report());
    assertTrue(run.errors().stream().anyMatch(d -> d.message() != null
        && d.message().contains("tangnet")), "no error names 'tangnet'" + run.report());
  }
}
