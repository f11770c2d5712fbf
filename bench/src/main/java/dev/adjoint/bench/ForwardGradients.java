package dev.adjoint.bench;

import org.hipparchus.analysis.differentiation.DSFactory;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.hipparchus.analysis.differentiation.Gradient;

/**
 * Forward-mode gradients of {@link Workloads} with Hipparchus, what a Java user reaches for
 * today: {@link DerivativeStructure} for the scalar cost, {@link Gradient} (the first-order
 * specialisation, faster than DerivativeStructure) for the rest. Each returns
 * {@code [value, ∂/∂p1, ∂/∂p2, …]}, parameters in the order of the generated gradient.
 */
public final class ForwardGradients {
  private ForwardGradients() {}

  private static final DSFactory RELU_FACTORY = new DSFactory(4, 1);

  private static DerivativeStructure relu(DerivativeStructure z) {
    return z.getValue() > 0 ? z : z.getFactory().constant(0);
  }

  // Not z.getField().getZero(): Gradient.getField() builds a DSCompiler for all p variables,
  // which for p ≈ 10^4 runs out of memory.
  private static Gradient relu(Gradient z) {
    return z.getValue() > 0 ? z : Gradient.constant(z.getFreeParameters(), 0);
  }

  public static double[] reluCost(double x, double y, double w1, double b1, double w2, double b2) {
    DerivativeStructure vw1 = RELU_FACTORY.variable(0, w1);
    DerivativeStructure vb1 = RELU_FACTORY.variable(1, b1);
    DerivativeStructure vw2 = RELU_FACTORY.variable(2, w2);
    DerivativeStructure vb2 = RELU_FACTORY.variable(3, b2);
    DerivativeStructure a1 = relu(vw1.multiply(x).add(vb1));
    DerivativeStructure a2 = relu(vw2.multiply(a1).add(vb2));
    DerivativeStructure d = a2.subtract(y);
    DerivativeStructure f = d.multiply(d).multiply(0.5);
    double[] all = f.getAllDerivatives();
    return all;
  }

  public static double[] rosenbrock(double[] x) {
    int p = x.length;
    Gradient[] v = new Gradient[p];
    for (int i = 0; i < p; i++) {
      v[i] = Gradient.variable(p, i, x[i]);
    }
    Gradient f = Gradient.constant(p, 0);
    for (int i = 0; i < p / 2; i++) {
      Gradient t1 = v[2 * i + 1].subtract(v[2 * i].multiply(v[2 * i])).multiply(10);
      Gradient t2 = v[2 * i].negate().add(1);
      f = f.add(t1.multiply(t1).add(t2.multiply(t2)));
    }
    return withValue(f);
  }

  public static double[] mlp(double[][] xs, int[] labels, double[][] w1, double[] b1,
      double[][] w2, double[] b2) {
    int hidden = b1.length;
    int inputs = w1[0].length;
    int outputs = b2.length;
    int p = hidden * inputs + hidden + outputs * hidden + outputs;
    int index = 0;
    Gradient[][] vw1 = new Gradient[hidden][inputs];
    for (int j = 0; j < hidden; j++) {
      for (int i = 0; i < inputs; i++) {
        vw1[j][i] = Gradient.variable(p, index++, w1[j][i]);
      }
    }
    Gradient[] vb1 = new Gradient[hidden];
    for (int j = 0; j < hidden; j++) {
      vb1[j] = Gradient.variable(p, index++, b1[j]);
    }
    Gradient[][] vw2 = new Gradient[outputs][hidden];
    for (int k = 0; k < outputs; k++) {
      for (int j = 0; j < hidden; j++) {
        vw2[k][j] = Gradient.variable(p, index++, w2[k][j]);
      }
    }
    Gradient[] vb2 = new Gradient[outputs];
    for (int k = 0; k < outputs; k++) {
      vb2[k] = Gradient.variable(p, index++, b2[k]);
    }
    Gradient[] h = new Gradient[hidden];
    Gradient[] logits = new Gradient[outputs];
    Gradient loss = Gradient.constant(p, 0);
    for (int n = 0; n < xs.length; n++) {
      for (int j = 0; j < hidden; j++) {
        Gradient z = vb1[j];
        for (int i = 0; i < inputs; i++) {
          z = z.add(vw1[j][i].multiply(xs[n][i]));
        }
        h[j] = relu(z);
      }
      int argmax = 0;
      for (int k = 0; k < outputs; k++) {
        Gradient z = vb2[k];
        for (int j = 0; j < hidden; j++) {
          z = z.add(vw2[k][j].multiply(h[j]));
        }
        logits[k] = z;
        if (z.getValue() > logits[argmax].getValue()) {
          argmax = k;
        }
      }
      Gradient max = logits[argmax];
      Gradient rest = Gradient.constant(p, 0);
      for (int k = 0; k < outputs; k++) {
        if (k != argmax) {
          rest = rest.add(logits[k].subtract(max).exp());
        }
      }
      loss = loss.add(max.subtract(logits[labels[n]]).add(rest.log1p()));
    }
    return withValue(loss.divide(xs.length));
  }

  public static double[] recurrence(double x0, double a, double b, int steps) {
    Gradient x = Gradient.variable(3, 0, x0);
    Gradient va = Gradient.variable(3, 1, a);
    Gradient vb = Gradient.variable(3, 2, b);
    for (int t = 0; t < steps; t++) {
      x = x.sin().multiply(va).add(vb);
    }
    return withValue(x);
  }

  private static double[] withValue(Gradient g) {
    double[] grad = g.getGradient();
    double[] all = new double[grad.length + 1];
    all[0] = g.getValue();
    System.arraycopy(grad, 0, all, 1, grad.length);
    return all;
  }
}
