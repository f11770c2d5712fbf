package dev.adjoint.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.fuzz.FdJudge.Judgement;
import dev.adjoint.fuzz.FdJudge.Outcome;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * {@link FdJudge} can fail, and does not fail a right gradient of a fast oscillation: fuzz seed
 * 29112083 flagged {@code pow(1 + c², sin(z)) + z} with z about 19,500 moving 35 radians across
 * the step h, where steps h and h/2 both averaged the oscillation away (35539.8 against the
 * gradient's 35538.92; a step of 10⁻⁶ gives 35538.923).
 */
class FdJudgeTest {
  /** The shrunk program of the finding, as a function of p0 (n = 3). */
  static final DoubleUnaryOperator OSCILLATING = p0 -> {
    double a = 2.0 * p0 + 3;
    double t = 10 * (0.5 - a * a);
    double u = 1 - a * 0.5;
    double z = 0.5 * (t * t + u * u * a);
    double c = Math.log1p(Math.cos(1.5) * Math.cos(1.5));
    return Math.pow(1 + c * c, Math.sin(z)) + z;
  };
  static final double P0 = 0.7496389942840462;
  static final double GENERATED = 35538.92334712324;

  @Test
  void aFastOscillationIsResolvedByTheFinerStep() {
    Judgement j = FdJudge.judge(OSCILLATING, P0, GENERATED);
    assertEquals(Outcome.AGREES, j.outcome(), j.toString());
    assertEquals(GENERATED, j.fd(), 1e-5 * GENERATED);
    // the steps h and h/2 alone disagree with the gradient: the finer step decided
    assertTrue(Math.abs(j.fdCoarse() - GENERATED) > 1e-5 * GENERATED, j.toString());
  }

  @Test
  void aWrongGradientOfTheOscillationStillDisagrees() {
    Judgement j = FdJudge.judge(OSCILLATING, P0, GENERATED * (1 + 1e-4));
    assertEquals(Outcome.DISAGREES, j.outcome(), j.toString());
  }

  @Test
  void aSmoothFunctionAgreesOnlyWithItsDerivative() {
    assertEquals(Outcome.AGREES, FdJudge.judge(Math::sin, 0.3, Math.cos(0.3)).outcome());
    assertEquals(Outcome.DISAGREES,
        FdJudge.judge(Math::sin, 0.3, Math.cos(0.3) * (1 + 1e-3)).outcome());
    assertEquals(Outcome.DISAGREES, FdJudge.judge(Math::sin, 0.3, -Math.cos(0.3)).outcome());
  }

  @Test
  void aKinkWithinTheStepIsSkipped() {
    assertEquals(Outcome.SKIPPED, FdJudge.judge(t -> Math.abs(t - 1e-4), 0.0, -1).outcome());
  }

  @Test
  void aNonFiniteGradientOfASmoothFunctionIsCountedApart() {
    assertEquals(Outcome.NON_FINITE_ADJOINT,
        FdJudge.judge(Math::sin, 0.3, Double.NaN).outcome());
  }

  @Test
  void theFinerStepDoesNotHideAnErrorInItsRoundingNoise() {
    // values near 10⁶ with a derivative near 1: a step of 10⁻⁶ has a noise of 10⁻² in the
    // difference, far above the tolerance, so it cannot confirm a gradient off by 10⁻³
    DoubleUnaryOperator big = t -> 1e6 + Math.sin(t);
    assertEquals(Outcome.DISAGREES,
        FdJudge.judge(big, 0.3, Math.cos(0.3) + 1e-3).outcome());
  }
}
