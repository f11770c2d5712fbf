package dev.adjoint.issue14;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * The runtime's helpers, which the issue says all get second derivatives (their {@code @Partial}
 * and {@code @Pullback} rules gain tangent rules): activations and scalar losses in
 * {@code act}, the array losses {@code mse} and {@code softmaxCrossEntropy} (pullback-only today)
 * in {@code losses}. Points keep every ReLU and leaky ReLU away from its kink.
 */
final class RuntimeFixture {
  private RuntimeFixture() {}

  static final String CLS = "iss.Rt";

  static final String TEMPLATE = """
      package iss;

      import dev.adjoint.Activations;
      import dev.adjoint.Differentiable;
      import dev.adjoint.Losses;

      final class Rt {
        private Rt() {}

        @Differentiable(MODES)
        static double act(double x, double y) {
          double a = Activations.sigmoid(x * y) + Activations.softplus(x - y);
          double b = Activations.relu(x + 2 * y) * Activations.leakyRelu(x - 0.3, 0.1);
          double c = Losses.binaryCrossEntropy(Activations.sigmoid(x), 0.3);
          return a + b + c + Losses.squaredError(x * x, y);
        }

        @Differentiable(wrt = {"p"}, MODES)
        static double losses(double[] p, double[] t) {
          double[] z = {p[0] * p[1], p[1] - p[2], Math.sin(p[2])};
          return Losses.mse(p, t) + Losses.softmaxCrossEntropy(z, 1);
        }
      }
      """;

  static Map<String, String> sources(String... modes) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put(CLS, Modes14.render(TEMPLATE, modes));
    return s;
  }

  static final double[] T = {0.2, -0.5, 1.0};

  static List<Object[]> actPoints() {
    return List.of(new Object[] {0.9, 0.4}, new Object[] {1.6, -0.2});
  }

  static List<Object[]> lossesPoints() {
    return List.of(new Object[] {new double[] {0.7, -0.3, 1.2}, T.clone()},
        new Object[] {new double[] {-1.1, 0.8, 0.1}, T.clone()});
  }

  private static DerivativeStructure sigmoid(DerivativeStructure u) {
    return u.negate().exp().add(1).reciprocal();
  }

  /** act transcribed; the ReLU and leaky ReLU take their active branch at the test points. */
  static DerivativeStructure act(DerivativeStructure[] v) {
    DerivativeStructure x = v[0];
    DerivativeStructure y = v[1];
    DerivativeStructure a = sigmoid(x.multiply(y)).add(x.subtract(y).exp().log1p());
    DerivativeStructure r = x.add(y.multiply(2));
    DerivativeStructure l = x.subtract(0.3);
    DerivativeStructure relu = r.getValue() > 0 ? r : r.multiply(0);
    DerivativeStructure leaky = l.getValue() > 0 ? l : l.multiply(0.1);
    DerivativeStructure p = sigmoid(x);
    DerivativeStructure c = p.log().multiply(-0.3).subtract(p.negate().log1p().multiply(0.7));
    DerivativeStructure e = x.multiply(x).subtract(y);
    return a.add(relu.multiply(leaky)).add(c).add(e.multiply(e).multiply(0.5));
  }

  /** losses transcribed: mean squared error plus log-sum-exp(z) − z[1]. */
  static DerivativeStructure losses(DerivativeStructure[] p) {
    DerivativeStructure mse = p[0].getField().getZero();
    for (int i = 0; i < 3; i++) {
      DerivativeStructure d = p[i].subtract(T[i]);
      mse = mse.add(d.multiply(d));
    }
    mse = mse.divide(3);
    DerivativeStructure[] z = {p[0].multiply(p[1]), p[1].subtract(p[2]), p[2].sin()};
    DerivativeStructure sum = z[0].exp().add(z[1].exp()).add(z[2].exp());
    return mse.add(sum.log().subtract(z[1]));
  }
}
