package dev.adjoint.issue14;

/**
 * Public entry points for the hand-written stand-ins of generated classes in
 * {@link Issue14HarnessSelfTest}: value, gradient and Hessian of an MGH problem by Hipparchus,
 * so that a stand-in {@code MghGrad} compiled in memory can answer like the real one will.
 */
public final class Bridge14 {
  private Bridge14() {}

  private static MghFixture.Problem problem(String name) {
    for (MghFixture.Problem p : MghFixture.problems()) {
      if (p.method().equals(name)) {
        return p;
      }
    }
    throw new IllegalArgumentException(name);
  }

  /** [value, gradient...] over the flattened parameters. */
  public static double[] valueAndGradient(String problem, double[] x) {
    Num14.Ds d = Num14.ds(problem(problem).ds(), x);
    double[] out = new double[x.length + 1];
    out[0] = d.value();
    System.arraycopy(d.gradient(), 0, out, 1, x.length);
    return out;
  }

  public static double[][] hessian(String problem, double[] x) {
    return Num14.ds(problem(problem).ds(), x).hessian();
  }

  /** The analytic Jacobian of VecFixture's fewer(x). */
  public static double[][] fewerJacobian(double[] x) {
    return VecFixture.fewerJacobian(x);
  }
}
