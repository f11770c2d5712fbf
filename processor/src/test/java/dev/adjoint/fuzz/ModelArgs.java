package dev.adjoint.fuzz;

import dev.adjoint.fuzz.GradientOracle.Report;
import dev.adjoint.fuzz.GradientOracle.Verdict;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The {@code model} shape (issue 17): a nested {@code static final class Mdl} of final fields
 * {@code m0, m1, mv, mn} with a plain helper {@code lin} and a {@code @Differentiable double
 * h(double u, double[] x)}, and the oracle's check of {@code P_MdlGrad.h(self, u, x)}: value()
 * against {@code self.h(u, x)}, and {@code self()} (m0, m1, the elements of mv; mn is no
 * coordinate), {@code u()} and {@code x()} against 5-point central differences, each field
 * perturbed by building a new {@code Mdl}.
 */
final class ModelArgs {
  static final String TYPE = "Mdl";
  static final String PREFIX = "static final class " + TYPE + " {";
  /** Length of mv and of x in every generated model program (the body indexes below both). */
  static final int LEN = 3;

  private ModelArgs() {}

  /** The class declaration, one line, with a random body for h. */
  static String declaration(SplittableRandom rnd) {
    return declaration(body(rnd));
  }

  /** The class declaration, one line, with the given body for h. */
  static String declaration(String hBody) {
    return PREFIX + " final double m0; final double m1; final double[] mv; final int mn;"
        + " Mdl(double m0, double m1, double[] mv, int mn) { this.m0 = m0; this.m1 = m1;"
        + " this.mv = mv; this.mn = mn; }"
        + " double lin(double t) { return m0 * t + m1 * mn; }"
        + (Program.TANGENT
            ? " @Differentiable(modes = {dev.adjoint.Mode.TANGENT, dev.adjoint.Mode.HESSIAN})"
            : " @Differentiable")
        + " double h(double u, double[] x) { " + hBody + " } }";
  }

  private static String term(SplittableRandom rnd) {
    String[] leaves = {"m0", "this.m0", "m1", "mv[" + rnd.nextInt(LEN) + "]",
        "x[" + rnd.nextInt(LEN) + "]", "u", "lin(u)", "this.lin(x[" + rnd.nextInt(LEN) + "])",
        "mn", "this.mv[" + rnd.nextInt(LEN) + "]"};
    String a = leaves[rnd.nextInt(leaves.length)];
    String b = leaves[rnd.nextInt(leaves.length)];
    return switch (rnd.nextInt(6)) {
      case 0 -> a + " * " + b;
      case 1 -> "Math.sin(" + a + " - " + b + ")";
      case 2 -> "Math.exp(0.3 * " + a + ") * " + b;
      case 3 -> a + " + " + b;
      case 4 -> "(" + a + " - " + b + ") * (" + a + " + 0.5)";
      default -> a;
    };
  }

  private static String body(SplittableRandom rnd) {
    StringBuilder sb = new StringBuilder("double s = " + term(rnd) + ";");
    if (rnd.nextBoolean()) {
      sb.append(rnd.nextBoolean()
          ? " for (int i = 0; i < mv.length; i++) { s += mv[i] * x[i % x.length]; }"
          : " for (int i = 0; i < mn; i++) { s = s * 0.5 + Math.sin(mv[i % mv.length] * u); }");
    }
    if (rnd.nextBoolean()) {
      sb.append(" if (u > m1) { s *= ").append(term(rnd)).append("; } else { s += ")
          .append(term(rnd)).append("; }");
    }
    sb.append(" return s + ").append(term(rnd)).append(';');
    return sb.toString();
  }

  /** The value and the flat gradient [m0, m1, mv..., u, x...] at a model, u and x. */
  interface Gradient {
    double[] at(Object self, double u, double[] x) throws Exception;
  }

  /** The entry's report, then, if it found nothing and p has a model, the model's. */
  static Report andModel(Report entry, ClassLoader loader, Program p, int points) {
    if (entry.verdict.isFinding() || entry.verdict == Verdict.INVALID
        || p.records.stream().noneMatch(r -> r.startsWith(PREFIX))) {
      return entry;
    }
    Report model = check(loader, p.qualifiedName(), p.seed ^ 0x510E527FADE682D1L, points);
    if (model.verdict.isFinding()) {
      return model;
    }
    Report hvp = ModelHvp.check(loader, p.qualifiedName(), p.seed ^ 0x3C6EF372FE94F82BL, points,
        model);
    if (hvp != null) {
      return hvp;
    }
    entry.hvpsCompared += model.hvpsCompared;
    entry.pointsCompared += model.pointsCompared;
    entry.coordinatesCompared += model.coordinatesCompared;
    entry.coordinatesSkipped += model.coordinatesSkipped;
    return entry;
  }

  /** Checks {@code className + "$Mdl".h} against {@code className + "_MdlGrad".h}. */
  static Report check(ClassLoader loader, String className, long seed, int points) {
    Class<?> mdl;
    Method original;
    Method grad;
    try {
      mdl = Class.forName(className + "$" + TYPE, true, loader);
      original = mdl.getDeclaredMethod("h", double.class, double[].class);
      original.setAccessible(true);
      grad = Class.forName(className + "_" + TYPE + "Grad", true, loader)
          .getMethod("h", mdl, double.class, double[].class);
    } catch (ReflectiveOperationException | LinkageError e) {
      return new Report().fail(Verdict.GENERATED_CODE_ERROR, "cannot load the model: " + e);
    }
    return check(mdl, original, (self, u, x) -> flat(grad.invoke(null, self, u, x)), seed,
        points);
  }

  static double[] flat(Object rec) {
    return flat(rec, "");
  }

  /**
   * [value, m0, m1, mv..., u, x...] from a result record whose gradient accessors end with
   * {@code suffix} ({@code "Hvp"}: the Hessian-vector product's).
   */
  static double[] flat(Object rec, String suffix) {
    Object self = GradientOracle.component(rec, "self" + suffix);
    double[] mv = (double[]) GradientOracle.component(self, "mv");
    double[] x = (double[]) GradientOracle.component(rec, "x" + suffix);
    double[] out = new double[4 + 2 * LEN];
    out[0] = (double) GradientOracle.component(rec, "value");
    out[1] = (double) GradientOracle.component(self, "m0");
    out[2] = (double) GradientOracle.component(self, "m1");
    System.arraycopy(mv, 0, out, 3, LEN);
    out[3 + LEN] = (double) GradientOracle.component(rec, "u" + suffix);
    System.arraycopy(x, 0, out, 4 + LEN, LEN);
    return out;
  }

  /** The comparison itself, over any gradient (the self-test passes a wrong one). */
  static Report check(Class<?> mdl, Method original, Gradient gradient, long seed, int points) {
    Report report = new Report();
    SplittableRandom rnd = new SplittableRandom(seed);
    for (int pt = 0; pt < points; pt++) {
      double[] z = new double[3 + 2 * LEN]; // m0, m1, mv..., u, x...
      for (int i = 0; i < z.length; i++) {
        z[i] = rnd.nextDouble(-1.5, 1.5);
      }
      int mn = rnd.nextInt(1, 4);
      double v0 = call(mdl, original, z, mn);
      if (!Double.isFinite(v0) || Math.abs(v0) > GradientOracle.MAX_VALUE) {
        report.pointsSkipped++;
        continue;
      }
      double[] g;
      double[] x = Arrays.copyOfRange(z, 3 + LEN, z.length);
      try {
        g = gradient.at(make(mdl, z, mn), z[2 + LEN], x);
      } catch (InvocationTargetException e) {
        return report.fail(Verdict.GRADIENT_THROWS, "at " + show(z, mn) + ": " + e.getCause());
      } catch (Exception e) {
        return report.fail(Verdict.GENERATED_CODE_ERROR, e.toString());
      }
      if (!Arrays.equals(x, Arrays.copyOfRange(z, 3 + LEN, z.length))) {
        return report.fail(Verdict.INPUT_MUTATED, "at " + show(z, mn) + " x became "
            + Arrays.toString(x));
      }
      if (g[0] != v0) {
        return report.fail(Verdict.VALUE_MISMATCH, "at " + show(z, mn) + ": value() = " + g[0]
            + " but self.h(u, x) = " + v0);
      }
      int compared = 0;
      for (int c = 0; c < z.length; c++) {
        final int ci = c;
        java.util.function.DoubleUnaryOperator fn = t -> {
          double[] w = z.clone();
          w[ci] = t;
          return call(mdl, original, w, mn);
        };
        double h = 1e-3 * Math.max(1, Math.abs(z[c]));
        double fd1 = FdJudge.fivePoint(fn, z[c], h)[0];
        double fd2 = FdJudge.fivePoint(fn, z[c], h / 2)[0];
        double analytic = g[c + 1];
        if (!Double.isFinite(fd1) || !Double.isFinite(fd2) || !Double.isFinite(analytic)
            || Math.abs(fd1 - fd2) > GradientOracle.SMOOTHNESS * Math.max(1, Math.abs(fd2))) {
          report.coordinatesSkipped++;
          continue; // a kink or jump nearby (the branch on u > m1)
        }
        compared++;
        if (Math.abs(analytic - fd2) > GradientOracle.TOLERANCE * Math.max(1, Math.abs(fd2))) {
          return report.fail(Verdict.GRADIENT_MISMATCH, "at " + show(z, mn) + ": d/d"
              + label(c) + " = " + analytic + " but finite differences give " + fd2);
        }
      }
      report.coordinatesCompared += compared;
      if (compared > 0) {
        report.pointsCompared++;
      } else {
        report.pointsSkipped++;
      }
    }
    return report;
  }

  static String label(int c) {
    return c == 0 ? "self.m0" : c == 1 ? "self.m1" : c < 2 + LEN ? "self.mv[" + (c - 2) + "]"
        : c == 2 + LEN ? "u" : "x[" + (c - 3 - LEN) + "]";
  }

  private static String show(double[] z, int mn) {
    return "m0=" + z[0] + ", m1=" + z[1] + ", mv=" + Arrays.toString(Arrays.copyOfRange(z, 2,
        2 + LEN)) + ", mn=" + mn + ", u=" + z[2 + LEN] + ", x="
        + Arrays.toString(Arrays.copyOfRange(z, 3 + LEN, z.length));
  }

  static double call(Class<?> mdl, Method original, double[] z, int mn) {
    try {
      return (double) original.invoke(make(mdl, z, mn), z[2 + LEN],
          Arrays.copyOfRange(z, 3 + LEN, z.length));
    } catch (ReflectiveOperationException e) {
      return Double.NaN;
    }
  }

  /** A new model from the coordinates z (m0, m1, mv...) and mn. */
  static Object make(Class<?> mdl, double[] z, int mn) {
    try {
      Constructor<?> c = mdl.getDeclaredConstructor(double.class, double.class, double[].class,
          int.class);
      c.setAccessible(true);
      return c.newInstance(z[0], z[1], Arrays.copyOfRange(z, 2, 2 + LEN), mn);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
