package dev.adjoint.bench;

/**
 * Hand-written Hessian-vector product of extended Rosenbrock, what an expert would write: each
 * pair (a, b) = (x[2i], x[2i+1]) contributes the 2×2 block
 * {@code [[1200a² − 400b + 2, −400a], [−400a, 200]]} of a block-diagonal Hessian.
 */
public final class HandHvp {
  private HandHvp() {}

  /**
   * Value, gradient and H·v of {@link SecondOrderWorkloads#rosenbrock}, as the generated
   * {@code rosenbrockHvp} returns them.
   *
   * @param x the point, even length
   * @param v the direction
   * @param grad receives ∇f(x) (overwritten)
   * @param hv receives H(x)·v (overwritten)
   * @return f(x)
   */
  public static double rosenbrock(double[] x, double[] v, double[] grad, double[] hv) {
    double f = 0;
    for (int i = 0; i < x.length / 2; i++) {
      double a = x[2 * i];
      double b = x[2 * i + 1];
      double valley = b - a * a;
      double t2 = 1 - a;
      f += 100 * valley * valley + t2 * t2;
      grad[2 * i] = -400 * a * valley - 2 * t2;
      grad[2 * i + 1] = 200 * valley;
      double haa = 1200 * a * a - 400 * b + 2;
      double hab = -400 * a;
      hv[2 * i] = haa * v[2 * i] + hab * v[2 * i + 1];
      hv[2 * i + 1] = hab * v[2 * i] + 200 * v[2 * i + 1];
    }
    return f;
  }
}
