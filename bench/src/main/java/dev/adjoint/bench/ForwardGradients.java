package dev.adjoint.bench;

import java.util.Arrays;
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

  /** Hipparchus forward mode of {@link PublicWorkloads#gmm} (small sizes: p tangents per op). */
  public static double[] gmm(double[] alphas, double[][] means, double[][] icf, double[][] x,
      double gamma, int m) {
    int k = alphas.length;
    int d = means[0].length;
    int n = x.length;
    int icfSize = d * (d + 1) / 2;
    int p = k + k * d + k * icfSize;
    int index = 0;
    Gradient[] va = new Gradient[k];
    for (int c = 0; c < k; c++) {
      va[c] = Gradient.variable(p, index++, alphas[c]);
    }
    Gradient[][] vm = new Gradient[k][d];
    for (int c = 0; c < k; c++) {
      for (int i = 0; i < d; i++) {
        vm[c][i] = Gradient.variable(p, index++, means[c][i]);
      }
    }
    Gradient[][] vq = new Gradient[k][icfSize];
    for (int c = 0; c < k; c++) {
      for (int i = 0; i < icfSize; i++) {
        vq[c][i] = Gradient.variable(p, index++, icf[c][i]);
      }
    }
    Gradient zero = Gradient.constant(p, 0);
    Gradient[] sumQs = new Gradient[k];
    Gradient[][] qdiags = new Gradient[k][d];
    for (int c = 0; c < k; c++) {
      sumQs[c] = zero;
      for (int i = 0; i < d; i++) {
        sumQs[c] = sumQs[c].add(vq[c][i]);
        qdiags[c][i] = vq[c][i].exp();
      }
    }
    Gradient slse = zero;
    Gradient[] xc = new Gradient[d];
    Gradient[] lxc = new Gradient[d];
    Gradient[] main = new Gradient[k];
    for (int q = 0; q < n; q++) {
      for (int c = 0; c < k; c++) {
        for (int i = 0; i < d; i++) {
          xc[i] = vm[c][i].negate().add(x[q][i]);
          lxc[i] = qdiags[c][i].multiply(xc[i]);
        }
        int l = d;
        for (int i = 0; i < d; i++) {
          for (int j = i + 1; j < d; j++) {
            lxc[j] = lxc[j].add(vq[c][l++].multiply(xc[i]));
          }
        }
        Gradient sq = zero;
        for (int i = 0; i < d; i++) {
          sq = sq.add(lxc[i].multiply(lxc[i]));
        }
        main[c] = va[c].add(sumQs[c]).subtract(sq.multiply(0.5));
      }
      slse = slse.add(logSumExp(main));
    }
    Gradient prior = zero;
    for (int c = 0; c < k; c++) {
      Gradient frob = zero;
      for (int i = 0; i < d; i++) {
        frob = frob.add(qdiags[c][i].multiply(qdiags[c][i]));
      }
      for (int i = d; i < icfSize; i++) {
        frob = frob.add(vq[c][i].multiply(vq[c][i]));
      }
      prior = prior.add(frob.multiply(0.5 * gamma * gamma)).subtract(sumQs[c].multiply(m));
    }
    int nu = d + m + 1;
    double priorConstant = nu * d * (Math.log(gamma) - 0.5 * Math.log(2))
        - PublicWorkloads.logMultivariateGamma(0.5 * nu, d);
    double constant = -n * d * 0.5 * Math.log(2 * Math.PI);
    Gradient f = slse.subtract(logSumExp(va).multiply(n)).add(prior)
        .add(constant - k * priorConstant);
    return withValue(f);
  }

  private static Gradient logSumExp(Gradient[] v) {
    Gradient mx = v[0];
    for (int i = 1; i < v.length; i++) {
      if (v[i].getValue() > mx.getValue()) {
        mx = v[i];
      }
    }
    Gradient s = Gradient.constant(mx.getFreeParameters(), 0);
    for (Gradient e : v) {
      s = s.add(e.subtract(mx).exp());
    }
    return s.log().add(mx);
  }

  public static double[] llsq(double[] x, int n) {
    int m = x.length;
    Gradient[] v = new Gradient[m];
    for (int j = 0; j < m; j++) {
      v[j] = Gradient.variable(m, j, x[j]);
    }
    Gradient sum = Gradient.constant(m, 0);
    for (int i = 0; i < n; i++) {
      double ti = -1 + i * 2.0 / (n - 1);
      Gradient r = Gradient.constant(m, Math.signum(ti));
      double mul = 1;
      for (int j = 0; j < m; j++) {
        r = r.subtract(v[j].multiply(mul));
        mul *= ti;
      }
      sum = sum.add(r.multiply(r));
    }
    return withValue(sum.divide(2));
  }

  public static double[] ode(double[] x, int s) {
    int n = x.length;
    Gradient[] vx = new Gradient[n];
    for (int i = 0; i < n; i++) {
      vx[i] = Gradient.variable(n, i, x[i]);
    }
    double h = 2.0 / s;
    Gradient[] y = new Gradient[n];
    Arrays.fill(y, Gradient.constant(n, 0));
    for (int step = 0; step < s; step++) {
      Gradient[] k1 = f(vx, y);
      Gradient[] k2 = f(vx, axpy(y, h / 2, k1));
      Gradient[] k3 = f(vx, axpy(y, h / 2, k2));
      Gradient[] k4 = f(vx, axpy(y, h, k3));
      for (int i = 0; i < n; i++) {
        y[i] = y[i].add(k1[i].add(k2[i].multiply(2)).add(k3[i].multiply(2)).add(k4[i])
            .multiply(h).divide(6));
      }
    }
    return withValue(y[n - 1]);
  }

  private static Gradient[] f(Gradient[] x, Gradient[] y) {
    Gradient[] z = new Gradient[x.length];
    z[0] = x[0];
    for (int i = 1; i < x.length; i++) {
      z[i] = x[i].multiply(y[i - 1]);
    }
    return z;
  }

  private static Gradient[] axpy(Gradient[] y, double a, Gradient[] k) {
    Gradient[] out = new Gradient[y.length];
    for (int i = 0; i < y.length; i++) {
      out[i] = y[i].add(k[i].multiply(a));
    }
    return out;
  }

  private static double[] withValue(Gradient g) {
    double[] grad = g.getGradient();
    double[] all = new double[grad.length + 1];
    all[0] = g.getValue();
    System.arraycopy(grad, 0, all, 1, grad.length);
    return all;
  }
}
