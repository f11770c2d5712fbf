package dev.adjoint.fuzz;

import java.util.function.DoubleUnaryOperator;

/**
 * How one gradient coordinate compares with 5-point central differences: the rule of
 * {@link GradientOracle}, in one place so that it can be tested on functions built to defeat it.
 *
 * <p>Steps h = 10⁻³·max(1, |x|) and h/2 must agree with each other (else a kink or a jump is
 * near: skipped) and with the gradient. When they agree with each other but not with the
 * gradient, a step h/1000 decides: if it agrees with the gradient, counting its own rounding
 * noise as error, the coordinate agrees (the function oscillates so fast that h and h/2 both
 * average the oscillation away: {@code sin(z)} with z moving 35 radians across h, fuzz seed
 * 29112083); if it disagrees with h/2, h and h/2 straddle a narrow interval of another branch
 * (skipped); otherwise the gradient is wrong.
 */
final class FdJudge {
  private FdJudge() {}

  enum Outcome {
    AGREES,
    /** Not smooth at this scale, or a difference not finite: nothing to compare. */
    SKIPPED,
    /** The differences are fine but the gradient coordinate is NaN or infinite. */
    NON_FINITE_ADJOINT,
    DISAGREES
  }

  /** The outcome, with the differences at h/2 and h (for the report). */
  record Judgement(Outcome outcome, double fd, double fdCoarse, double h) {}

  static Judgement judge(DoubleUnaryOperator f, double x, double analytic) {
    double h = 1e-3 * Math.max(1, Math.abs(x));
    double[] fd1 = fivePoint(f, x, h);
    double[] fd2 = fivePoint(f, x, h / 2);
    double noise = 1e-14 * Math.max(fd1[1], fd2[1]) / (h / 2);
    if (!Double.isFinite(fd1[0]) || !Double.isFinite(fd2[0]) || Math.abs(fd1[0] - fd2[0])
        > GradientOracle.SMOOTHNESS * Math.max(1, Math.abs(fd2[0])) + noise) {
      return new Judgement(Outcome.SKIPPED, fd2[0], fd1[0], h);
    }
    if (!Double.isFinite(analytic)) {
      return new Judgement(Outcome.NON_FINITE_ADJOINT, fd2[0], fd1[0], h);
    }
    double tolerance = GradientOracle.TOLERANCE * Math.max(1, Math.abs(analytic));
    if (Math.abs(analytic - fd2[0]) <= tolerance + noise) {
      return new Judgement(Outcome.AGREES, fd2[0], fd1[0], h);
    }
    double[] fd3 = fivePoint(f, x, h / 1000);
    double noise3 = 1e-14 * fd3[1] / (h / 1000);
    if (Double.isFinite(fd3[0]) && Math.abs(analytic - fd3[0]) + noise3 <= tolerance) {
      return new Judgement(Outcome.AGREES, fd3[0], fd2[0], h / 1000);
    }
    if (Double.isFinite(fd3[0]) && Math.abs(fd3[0] - fd2[0])
        > 100 * GradientOracle.SMOOTHNESS * Math.max(1, Math.abs(fd2[0])) + noise3) {
      return new Judgement(Outcome.SKIPPED, fd2[0], fd1[0], h);
    }
    return new Judgement(Outcome.DISAGREES, fd2[0], fd1[0], h);
  }

  /** The 5-point central difference of {@code f} at {@code x} with step {@code h}, and max |f|. */
  static double[] fivePoint(DoubleUnaryOperator f, double x, double h) {
    double a = f.applyAsDouble(x + 2 * h);
    double b = f.applyAsDouble(x + h);
    double c = f.applyAsDouble(x - h);
    double d = f.applyAsDouble(x - 2 * h);
    double m = Math.max(Math.max(Math.abs(a), Math.abs(b)), Math.max(Math.abs(c), Math.abs(d)));
    return new double[] {(-a + 8 * b - 8 * c + d) / (12 * h), m};
  }
}
