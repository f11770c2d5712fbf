package dev.adjoint;

/** Explicit control of derivatives inside {@code @Differentiable} code. */
public final class Gradients {
  private Gradients() {}

  /**
   * Returns {@code x}, through which no derivative flows: the gradient treats the value as a
   * constant.
   *
   * @param x any value
   * @return {@code x}
   */
  @NonDifferentiable
  public static double stopGradient(double x) {
    return x;
  }

  /**
   * Returns a copy of {@code x}, through which no derivative flows.
   *
   * @param x any array
   * @return a copy of {@code x}, never {@code x} itself, so no array is aliased
   */
  @NonDifferentiable
  public static double[] stopGradient(double[] x) {
    return x.clone();
  }
}
