package dev.adjoint.bench;

import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * Hessian-vector product with Hipparchus' forward mode of order 2, what a Java user reaches for
 * today: {@code DSFactory(p, 2)} carries all p(p+1)/2 second derivatives through every operation
 * (O(p²) per operation), then H·v is one dense matrix-vector product. Only for small p.
 */
public final class HipparchusHvp {
  private HipparchusHvp() {}

  /**
   * H·v of {@link SecondOrderWorkloads#rosenbrock} through a full order-2 derivative structure.
   *
   * @param factory {@code new DSFactory(x.length, 2)}, built once (it caches its compiler)
   * @param x the point
   * @param v the direction
   * @return {@code [f, H·v]}: the value, then the p entries of H·v
   */
  public static double[] rosenbrock(DSFactory factory, double[] x, double[] v) {
    int p = x.length;
    DerivativeStructure[] dx = new DerivativeStructure[p];
    for (int i = 0; i < p; i++) {
      dx[i] = factory.variable(i, x[i]);
    }
    DerivativeStructure f = factory.constant(0);
    for (int i = 0; i < p / 2; i++) {
      DerivativeStructure t1 = dx[2 * i + 1].subtract(dx[2 * i].square()).multiply(10);
      DerivativeStructure t2 = dx[2 * i].negate().add(1);
      f = f.add(t1.square().add(t2.square()));
    }
    double[] out = new double[p + 1];
    out[0] = f.getValue();
    int[] orders = new int[p];
    for (int i = 0; i < p; i++) {
      double s = 0;
      for (int j = 0; j < p; j++) {
        orders[i]++;
        orders[j]++;
        s += f.getPartialDerivative(orders) * v[j];
        orders[i]--;
        orders[j]--;
      }
      out[i + 1] = s;
    }
    return out;
  }
}
