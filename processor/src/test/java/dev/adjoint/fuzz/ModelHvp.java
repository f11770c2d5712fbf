package dev.adjoint.fuzz;

import dev.adjoint.fuzz.GradientOracle.Report;
import dev.adjoint.fuzz.GradientOracle.Verdict;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Second order of the {@code model} shape ({@link ModelArgs}): {@code P_MdlGrad.hHvp(self, u,
 * x, dSelf, du, dx)}, the direction of the receiver a {@code P_MdlGrad.Gradient(m0, m1, mv)},
 * against the generated gradient (its value and gradient accessors) and, for H·v, against the
 * 5-point difference of the generated gradient along the direction, at two steps: coordinates
 * where the two disagree (a kink or jump nearby, the branch on u > m1) are not compared.
 */
final class ModelHvp {
  private ModelHvp() {}

  /** A failed report, or null (the points compared are counted into {@code report}). */
  static Report check(ClassLoader loader, String className, long seed, int points,
      Report report) {
    Class<?> mdl;
    Method original;
    Method grad;
    Method hvp;
    Constructor<?> direction;
    try {
      mdl = Class.forName(className + "$" + ModelArgs.TYPE, true, loader);
      original = mdl.getDeclaredMethod("h", double.class, double[].class);
      original.setAccessible(true);
      Class<?> g = Class.forName(className + "_" + ModelArgs.TYPE + "Grad", true, loader);
      grad = g.getMethod("h", mdl, double.class, double[].class);
      Class<?> d = Class.forName(g.getName() + "$Gradient", true, loader);
      direction = d.getDeclaredConstructor(double.class, double.class, double[].class);
      direction.setAccessible(true);
      try {
        hvp = g.getMethod("hHvp", mdl, double.class, double[].class, d, double.class,
            double[].class);
      } catch (NoSuchMethodException e) {
        return null; // only the gradient (-Dfuzz.tangent=false)
      }
    } catch (ReflectiveOperationException | LinkageError e) {
      return new Report().fail(Verdict.GENERATED_CODE_ERROR, "cannot load the model's mHvp: "
          + e);
    }
    Hvp product = (self, u, x, v) -> {
      int len = ModelArgs.LEN;
      Object r = hvp.invoke(null, self, u, x, direction.newInstance(v[0], v[1],
          Arrays.copyOfRange(v, 2, 2 + len)), v[2 + len], x(v));
      return new double[][] {ModelArgs.flat(r), ModelArgs.flat(r, "Hvp")};
    };
    return check(mdl, original, (self, u, x) -> ModelArgs.flat(grad.invoke(null, self, u, x)),
        product, seed, points, report);
  }

  /** mHvp's value and gradient, then its product, each flat as {@link ModelArgs#flat}. */
  interface Hvp {
    double[][] at(Object self, double u, double[] x, double[] v) throws Exception;
  }

  /** The comparison itself, over any mHvp (the self-test passes a wrong one). */
  static Report check(Class<?> mdl, Method original, ModelArgs.Gradient grad, Hvp hvp,
      long seed, int points, Report report) {
    int len = ModelArgs.LEN;
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int pt = 0; pt < points; pt++) {
      double[] z = new double[3 + 2 * len]; // m0, m1, mv..., u, x...
      double[] v = new double[z.length];
      for (int i = 0; i < z.length; i++) {
        z[i] = rnd.nextDouble(-1.5, 1.5);
        v[i] = rnd.nextDouble(-1, 1);
      }
      int mn = rnd.nextInt(1, 4);
      double v0 = ModelArgs.call(mdl, original, z, mn);
      if (!Double.isFinite(v0) || Math.abs(v0) > GradientOracle.MAX_VALUE) {
        continue;
      }
      double[] value;
      double[] product;
      double[] gradient;
      try {
        double[][] r = hvp.at(ModelArgs.make(mdl, z, mn), z[2 + len], x(z), v);
        value = r[0];
        product = r[1];
        gradient = grad.at(ModelArgs.make(mdl, z, mn), z[2 + len], x(z));
      } catch (InvocationTargetException e) {
        return report.fail(Verdict.GRADIENT_THROWS, "mHvp at " + Arrays.toString(z) + ", mn="
            + mn + ": " + e.getCause());
      } catch (Exception e) {
        return report.fail(Verdict.GENERATED_CODE_ERROR, e.toString());
      }
      if (value[0] != v0) {
        return report.fail(Verdict.VALUE_MISMATCH, "mHvp at " + Arrays.toString(z) + ": value()"
            + " = " + value[0] + " but self.h(u, x) = " + v0);
      }
      for (int c = 1; c < value.length; c++) {
        if (Double.isFinite(gradient[c]) && !(Math.abs(value[c] - gradient[c])
            <= 1e-9 * Math.max(1, Math.abs(gradient[c])))) {
          return report.fail(Verdict.HVP_MISMATCH, "mHvp at " + Arrays.toString(z) + ": d/d"
              + ModelArgs.label(c - 1) + " = " + value[c] + " but the gradient gives "
              + gradient[c]);
        }
      }
      double[] f1 = differences(grad, mdl, z, v, mn, 1e-3);
      double[] f2 = differences(grad, mdl, z, v, mn, 5e-4);
      int compared = 0;
      for (int c = 1; c < product.length; c++) {
        if (!Double.isFinite(f1[c]) || !Double.isFinite(f2[c]) || !Double.isFinite(product[c])
            || Math.abs(f1[c] - f2[c])
                > GradientOracle.SMOOTHNESS * Math.max(1, Math.abs(f2[c])) + 1e-8) {
          continue;
        }
        compared++;
        if (!(Math.abs(product[c] - f2[c])
            <= GradientOracle.TOLERANCE * Math.max(1, Math.abs(f2[c])) + 1e-8)) {
          return report.fail(Verdict.HVP_MISMATCH, "mHvp at " + Arrays.toString(z) + ", mn="
              + mn + " along " + Arrays.toString(v) + ": H·v for " + ModelArgs.label(c - 1)
              + " = " + product[c] + " but differences of the gradient give " + f2[c]);
        }
      }
      if (compared > 0) {
        report.hvpsCompared++;
      }
    }
    return null;
  }

  private static double[] x(double[] z) {
    return Arrays.copyOfRange(z, 3 + ModelArgs.LEN, z.length);
  }

  /** The 5-point difference of the flat gradient along v with step h (NaN where it throws). */
  private static double[] differences(ModelArgs.Gradient grad, Class<?> mdl, double[] z,
      double[] v, int mn, double h) {
    double[] sum = new double[z.length + 1];
    double[] weights = {-1, 8, -8, 1};
    double[] at = {2, 1, -1, -2};
    for (int k = 0; k < 4; k++) {
      double[] w = z.clone();
      for (int i = 0; i < w.length; i++) {
        w[i] += at[k] * h * v[i];
      }
      double[] g;
      try {
        g = grad.at(ModelArgs.make(mdl, w, mn), w[2 + ModelArgs.LEN], x(w));
      } catch (Exception e) {
        Arrays.fill(sum, Double.NaN);
        return sum;
      }
      for (int i = 0; i < g.length; i++) {
        sum[i] += weights[k] * g[i] / (12 * h);
      }
    }
    return sum;
  }
}
