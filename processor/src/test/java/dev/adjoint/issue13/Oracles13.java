package dev.adjoint.issue13;

import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;

/**
 * Independent gradients: closed forms, Hipparchus DerivativeStructure (forward mode, a second
 * AD tool) and Hipparchus' LU determinant for cofactors. Each takes the program's arguments
 * and returns the gradient flattened in the order of the generated record's components.
 */
final class Oracles13 {
  private Oracles13() {}

  /** ∂/∂xᵢ = (xᵢ − μ)/σ², ∂/∂μ = −Σ(xᵢ − μ)/σ², ∂/∂log σ = n − Σ(xᵢ − μ)²/σ². */
  static double[] gaussianNll(Object[] a) {
    double[] x = (double[]) a[0];
    double mu = (Double) a[1];
    double s2 = Math.exp(2 * (Double) a[2]);
    double[] g = new double[x.length + 2];
    for (int i = 0; i < x.length; i++) {
      g[i] = (x[i] - mu) / s2;
      g[x.length] -= (x[i] - mu) / s2;
      g[x.length + 1] += 1 - (x[i] - mu) * (x[i] - mu) / s2;
    }
    return g;
  }

  /** ∂/∂w = mean of (σ(z) − y) x, ∂/∂b = mean of (σ(z) − y). */
  static double[] logisticNll(Object[] a) {
    double[][] xs = (double[][]) a[0];
    double[] y = (double[]) a[1];
    double[] w = (double[]) a[2];
    double b = (Double) a[3];
    double[] g = new double[w.length + 1];
    for (int i = 0; i < xs.length; i++) {
      double z = b;
      for (int j = 0; j < w.length; j++) {
        z += w[j] * xs[i][j];
      }
      double r = (1 / (1 + Math.exp(-z)) - y[i]) / xs.length;
      for (int j = 0; j < w.length; j++) {
        g[j] += r * xs[i][j];
      }
      g[w.length] += r;
    }
    return g;
  }

  /** ∂det/∂aᵢⱼ is the cofactor (−1)^(i+j) det(minor ij), each minor's det by Hipparchus' LU. */
  static double[] detGradient(Object[] args) {
    double[][] a = (double[][]) args[0];
    int n = a.length;
    double[] g = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double[][] minor = new double[n - 1][n - 1];
        for (int r = 0, mr = 0; r < n; r++) {
          if (r == i) {
            continue;
          }
          for (int c = 0, mc = 0; c < n; c++) {
            if (c != j) {
              minor[mr][mc++] = a[r][c];
            }
          }
          mr++;
        }
        double det = new LUDecomposition(MatrixUtils.createRealMatrix(minor)).getDeterminant();
        g[i * n + j] = ((i + j) % 2 == 0 ? 1 : -1) * det;
      }
    }
    return g;
  }

  /** GradBench llsq with DerivativeStructure. */
  static double[] llsq(Object[] a) {
    double[] x = (double[]) a[0];
    int n = (Integer) a[1];
    DerivativeStructure[] v = variables(x);
    DerivativeStructure sum = v[0].getField().getZero();
    for (int i = 0; i < n; i++) {
      double ti = -1 + i * 2.0 / (n - 1);
      DerivativeStructure inner = v[0].getField().getZero().add(Math.signum(ti));
      double mul = 1;
      for (DerivativeStructure xj : v) {
        inner = inner.subtract(xj.multiply(mul));
        mul *= ti;
      }
      sum = sum.add(inner.multiply(inner));
    }
    return gradient(sum.divide(2), x.length);
  }

  /** MGH 21 with DerivativeStructure. */
  static double[] extendedRosenbrock(Object[] a) {
    double[] x = (double[]) a[0];
    DerivativeStructure[] v = variables(x);
    DerivativeStructure s = v[0].getField().getZero();
    for (int i = 0; i < x.length; i += 2) {
      DerivativeStructure f1 = v[i + 1].subtract(v[i].multiply(v[i])).multiply(10);
      DerivativeStructure f2 = v[i].negate().add(1);
      s = s.add(f1.multiply(f1)).add(f2.multiply(f2));
    }
    return gradient(s, x.length);
  }

  /** MGH 13 with DerivativeStructure. */
  static double[] powellSingular(Object[] a) {
    DerivativeStructure[] x = variables((double[]) a[0]);
    DerivativeStructure f1 = x[0].add(x[1].multiply(10));
    DerivativeStructure f2 = x[2].subtract(x[3]).multiply(Math.sqrt(5));
    DerivativeStructure f3 = x[1].subtract(x[2].multiply(2)).square();
    DerivativeStructure f4 = x[0].subtract(x[3]).square().multiply(Math.sqrt(10));
    return gradient(f1.square().add(f2.square()).add(f3.square()).add(f4.square()), 4);
  }

  /** MGH 14 with DerivativeStructure. */
  static double[] wood(Object[] a) {
    DerivativeStructure[] x = variables((double[]) a[0]);
    DerivativeStructure[] f = {
      x[1].subtract(x[0].square()).multiply(10),
      x[0].negate().add(1),
      x[3].subtract(x[2].square()).multiply(Math.sqrt(90)),
      x[2].negate().add(1),
      x[1].add(x[3]).subtract(2).multiply(Math.sqrt(10)),
      x[1].subtract(x[3]).divide(Math.sqrt(10))
    };
    DerivativeStructure s = x[0].getField().getZero();
    for (DerivativeStructure r : f) {
      s = s.add(r.square());
    }
    return gradient(s, 4);
  }

  private static DerivativeStructure[] variables(double[] x) {
    DSFactory factory = new DSFactory(x.length, 1);
    DerivativeStructure[] v = new DerivativeStructure[x.length];
    for (int i = 0; i < x.length; i++) {
      v[i] = factory.variable(i, x[i]);
    }
    return v;
  }

  private static double[] gradient(DerivativeStructure f, int n) {
    double[] g = new double[n];
    for (int i = 0; i < n; i++) {
      int[] orders = new int[n];
      orders[i] = 1;
      g[i] = f.getPartialDerivative(orders);
    }
    return g;
  }
}
