package dev.adjoint.custom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.GradientCheck;
import java.util.Arrays;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

class CustomDerivativesTest {

  @Test
  void libraryFunctionWithADeclaredDerivative() {
    double x = 2.5;
    var g = CustomFixturesGrad.logGammaTimesX(x);
    assertEquals(Gamma.logGamma(x) + x * Gamma.digamma(x), g.x(), 1e-14);
    GradientCheck.compare(v -> CustomFixtures.logGammaTimesX(v[0]), new double[] {x},
        new double[] {g.x()}).assertWithin(1e-8);
  }

  @Test
  void declaredDerivativeOfADifferentiableMethodIsWhatCallersUse() {
    var g = CustomFixturesGrad.softmaxWeightLoss(1000, 0);
    assertEquals(1.0, g.a(), 1e-12); // 2 * 1 - 1: the closed form, no overflow at a = 1000
    assertEquals(0.0, g.b(), 1e-12);
    var h = CustomFixturesGrad.softmaxWeightLoss(0.3, -0.2);
    GradientCheck.compare(v -> CustomFixtures.softmaxWeightLoss(v[0], v[1]),
        new double[] {0.3, -0.2}, new double[] {h.a(), h.b()}).assertWithin(1e-8);
  }

  @Test
  void aDeclaredDerivativeReplacesTheGeneratedOneEvenWhereTheyDiffer() {
    assertEquals(3.0, CustomFixturesGrad.usesClip(0.5).x(), 0.0);
    assertEquals(0.0, CustomFixturesGrad.usesClip(2.0).x(), 0.0);
    assertEquals(1.0, CustomFixturesGrad.clip(2.0).x(), 0.0, "its own gradient is generated");
  }

  @Test
  void stopGradientTreatsAValueAsAConstant() {
    assertEquals(1.5, CustomFixturesGrad.stopped(1.5).a(), 0.0);
  }

  @Test
  void nonDifferentiableParametersGetNoAccessor() {
    var g = CustomFixturesGrad.scaled(2.0, 3.0);
    assertEquals(3.0, g.w(), 0.0);
    assertTrue(Arrays.stream(g.getClass().getRecordComponents())
        .noneMatch(c -> c.getName().equals("t")));
  }
}
