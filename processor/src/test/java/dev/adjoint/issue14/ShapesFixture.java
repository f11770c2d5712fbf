package dev.adjoint.issue14;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * The shapes of code the gradient supports (straight-line Math, branches, loops with
 * data-dependent trip counts, double[] and double[][], calls to helpers and to other
 * {@code @Differentiable} methods, recursion, a {@code @Checkpointed} loop), as user sources for
 * forward mode and Hessian-vector products, with their test points and, for the scalar ones, a
 * transcription into Hipparchus {@link DerivativeStructure}s (the independent oracle, itself
 * checked against the compiled primal in {@link Issue14OraclesTest}).
 */
final class ShapesFixture {
  private ShapesFixture() {}

  static final String CLS = "iss.Shapes";
  static final String HELP = "iss.Help";

  static final String TEMPLATE = """
      package iss;

      import dev.adjoint.Checkpointed;
      import dev.adjoint.Differentiable;

      final class Shapes {
        private Shapes() {}

        @Differentiable(MODES)
        static double mathLine(double x, double y) {
          double a = Math.sin(x) * Math.exp(0.5 * y);
          double b = Math.log(1 + x * x) * Math.sqrt(y * y + 2);
          double c = Math.atan2(y, x + 3) + Math.pow(x * x + 1, 1.5) / Math.cosh(y);
          return a + b * c + Math.tanh(x * y) - Math.cbrt(2 + y) / (1 + x * x);
        }

        @Differentiable(MODES)
        static double branches(double x, double y) {
          double r;
          if (x > y) {
            r = x * x * y;
          } else if (x > -1) {
            r = Math.sin(x * y) + y * y * y;
          } else {
            r = Math.exp(x) * y;
          }
          double s = y > 0 ? Math.log(1 + y * y) * x : x * x * x;
          return r * s + Math.max(x * y, Math.cos(x));
        }

        @Differentiable(MODES)
        static double loopTrips(double a, double b) {
          double s = a;
          int n = 0;
          while (s < 10 && n < 40) {
            s = s * (1.2 + 0.1 * Math.sin(b)) + 0.3 * b * b;
            n++;
          }
          double t = 0;
          for (int i = 0; i < n; i++) {
            t += Math.cos(i * a) * b;
          }
          return s * Math.exp(-0.1 * s) + t;
        }

        @Differentiable(MODES)
        static double arrays(double[] x, double[][] w, double c) {
          int n = x.length;
          double[] h = new double[w.length];
          for (int i = 0; i < w.length; i++) {
            double z = c;
            for (int j = 0; j < n; j++) {
              z += w[i][j] * x[j];
            }
            h[i] = Math.tanh(z);
          }
          double s = 0;
          for (int i = 0; i < h.length; i++) {
            s += h[i] * h[(i + 1) % h.length] * x[i % n];
          }
          return s + c * c * x[0] * x[n - 1];
        }

        @Differentiable(CALL_SET)
        static double calls(double x, double y) {
          double u = Help.sq(x - y) + Help.soft(x * y);
          return inner(u, x) * Math.sin(y) + inner(y, u);
        }

        @Differentiable(MODES)
        static double inner(double p, double q) {
          return p * Math.exp(-0.3 * q) + q * q * p;
        }

        @Differentiable(CALL_SET)
        static double recursion(double x, double y, int n) {
          if (n == 0) {
            return Math.cos(y) + x;
          }
          return x * Math.sin(recursion(x, 0.9 * y, n - 1)) + y * y / n;
        }

        @Differentiable(MODES)
        @Checkpointed(every = 4)
        static double checkpointed(double a, double b) {
          double s = a;
          double v = b;
          for (int i = 0; i < 30; i++) {
            double ds = 0.05 * v;
            v = v + 0.05 * (-Math.sin(s) - 0.1 * v * a);
            s = s + ds;
          }
          return s * s + v * b;
        }
      }
      """;

  static final String HELP_SOURCE = """
      package iss;

      final class Help {
        private Help() {}

        static double sq(double u) {
          return u * u;
        }

        static double soft(double u) {
          return Math.log1p(Math.exp(u));
        }
      }
      """;

  /**
   * The shapes whose methods call methods Adjoint differentiates itself ({@code calls} and
   * {@code recursion}, marked {@code CALL_SET} in the template). Second order through such calls
   * is built (the callee's mAdjointJvp), so none is left out of mHvp and mHessian any more; the
   * list stays for the tests that compare the two groups.
   */
  static final List<String> THROUGH_GENERATED_CALLS = List.of();

  /** The sources with {@code modes} (none: the annotation without the element). */
  static Map<String, String> sources(String... modes) {
    String rendered = Modes14.render(TEMPLATE.replace("CALL_SET", "MODES"), modes);
    Map<String, String> s = new LinkedHashMap<>();
    s.put(CLS, rendered);
    s.put(HELP, HELP_SOURCE);
    return s;
  }

  /** The sources without the methods that call generated methods, for a compilation-wide mode. */
  static Map<String, String> sourcesWithoutGeneratedCalls() {
    String template = TEMPLATE.replaceAll(
        "(?s)  @Differentiable\\(CALL_SET\\)\n  static double \\w+\\(.*?\n  }\n\n",
        "");
    Map<String, String> s = new LinkedHashMap<>();
    s.put(CLS, Modes14.render(template));
    s.put(HELP, HELP_SOURCE);
    return s;
  }

  /** The shapes with mHvp and mHessian (all but those through generated calls). */
  static List<Shape> hvpShapes() {
    return shapes().stream().filter(s -> !THROUGH_GENERATED_CALLS.contains(s.method()))
        .toList();
  }

  /** One method and its points; {@code ds} transcribes it for Hipparchus, or is null. */
  record Shape(String method, int arity, List<Object[]> points,
      BiFunction<Object[], DerivativeStructure[], DerivativeStructure> ds) {
    /** The Hipparchus transcription at the point {@code args}, or null. */
    Function<DerivativeStructure[], DerivativeStructure> dsAt(Object[] args) {
      return ds == null ? null : v -> ds.apply(args, v);
    }
  }

  static List<Shape> shapes() {
    return List.of(
        new Shape("mathLine", 2, List.of(a(0.7, -0.4), a(-1.3, 0.9)), (p, v) -> mathLine(v)),
        new Shape("branches", 2, List.of(a(1.5, 0.5), a(-0.5, 0.8), a(-2.0, -1.5)),
            (p, v) -> branches(v)),
        new Shape("loopTrips", 2, List.of(a(0.8, 0.6), a(2.3, -0.7)), (p, v) -> loopTrips(v)),
        new Shape("arrays", 3, List.<Object[]>of(new Object[] {new double[] {0.3, -0.7, 1.1},
            new double[][] {{0.5, -0.2, 0.1}, {0.3, 0.8, -0.6}, {-0.4, 0.2, 0.9},
                {0.1, 0.1, 0.1}}, 0.25}), (p, v) -> arrays(v, (double[]) p[0],
            (double[][]) p[1])),
        new Shape("calls", 2, List.of(a(0.4, 1.1), a(-0.6, 0.3)), (p, v) -> calls(v)),
        new Shape("recursion", 3, List.of(new Object[] {0.8, 0.6, 4},
            new Object[] {-0.5, 1.2, 3}), (p, v) -> recursion(v[0], v[1], (Integer) p[2])),
        new Shape("checkpointed", 2, List.of(a(0.9, 0.2), a(-0.4, 1.0)),
            (p, v) -> checkpointed(v)));
  }

  private static Object[] a(double x, double y) {
    return new Object[] {x, y};
  }

  // ---- Hipparchus transcriptions, line by line ------------------------------------------------

  static DerivativeStructure mathLine(DerivativeStructure[] v) {
    DerivativeStructure x = v[0];
    DerivativeStructure y = v[1];
    DerivativeStructure a = x.sin().multiply(y.multiply(0.5).exp());
    DerivativeStructure b = x.multiply(x).add(1).log().multiply(y.multiply(y).add(2).sqrt());
    DerivativeStructure c = DerivativeStructure.atan2(y, x.add(3))
        .add(x.multiply(x).add(1).pow(1.5).divide(y.cosh()));
    return a.add(b.multiply(c)).add(x.multiply(y).tanh())
        .subtract(y.add(2).cbrt().divide(x.multiply(x).add(1)));
  }

  static DerivativeStructure branches(DerivativeStructure[] v) {
    DerivativeStructure x = v[0];
    DerivativeStructure y = v[1];
    DerivativeStructure r;
    if (x.getValue() > y.getValue()) {
      r = x.multiply(x).multiply(y);
    } else if (x.getValue() > -1) {
      r = x.multiply(y).sin().add(y.multiply(y).multiply(y));
    } else {
      r = x.exp().multiply(y);
    }
    DerivativeStructure s = y.getValue() > 0 ? y.multiply(y).add(1).log().multiply(x)
        : x.multiply(x).multiply(x);
    DerivativeStructure xy = x.multiply(y);
    DerivativeStructure cx = x.cos();
    // Math.max: the first argument wins ties, as the README's convention says
    DerivativeStructure m = xy.getValue() >= cx.getValue() ? xy : cx;
    return r.multiply(s).add(m);
  }

  static DerivativeStructure loopTrips(DerivativeStructure[] v) {
    DerivativeStructure a = v[0];
    DerivativeStructure b = v[1];
    DerivativeStructure s = a;
    int n = 0;
    while (s.getValue() < 10 && n < 40) {
      s = s.multiply(b.sin().multiply(0.1).add(1.2)).add(b.multiply(b).multiply(0.3));
      n++;
    }
    DerivativeStructure t = a.getField().getZero();
    for (int i = 0; i < n; i++) {
      t = t.add(a.multiply(i).cos().multiply(b));
    }
    return s.multiply(s.multiply(-0.1).exp()).add(t);
  }

  /**
   * arrays(x, w, c) over the flattened (x, w row-major, c); {@code x0} and {@code w0} give the
   * shapes only.
   */
  static DerivativeStructure arrays(DerivativeStructure[] v, double[] x0, double[][] w0) {
    int n = x0.length;
    DerivativeStructure[] x = new DerivativeStructure[n];
    System.arraycopy(v, 0, x, 0, n);
    DerivativeStructure[][] w = new DerivativeStructure[w0.length][];
    int k = n;
    for (int i = 0; i < w0.length; i++) {
      w[i] = new DerivativeStructure[w0[i].length];
      for (int j = 0; j < w0[i].length; j++) {
        w[i][j] = v[k++];
      }
    }
    DerivativeStructure c = v[k];
    DerivativeStructure[] h = new DerivativeStructure[w.length];
    for (int i = 0; i < w.length; i++) {
      DerivativeStructure z = c;
      for (int j = 0; j < n; j++) {
        z = z.add(w[i][j].multiply(x[j]));
      }
      h[i] = z.tanh();
    }
    DerivativeStructure s = c.getField().getZero();
    for (int i = 0; i < h.length; i++) {
      s = s.add(h[i].multiply(h[(i + 1) % h.length]).multiply(x[i % n]));
    }
    return s.add(c.multiply(c).multiply(x[0]).multiply(x[n - 1]));
  }

  static DerivativeStructure calls(DerivativeStructure[] v) {
    DerivativeStructure x = v[0];
    DerivativeStructure y = v[1];
    DerivativeStructure d = x.subtract(y);
    DerivativeStructure u = d.multiply(d).add(x.multiply(y).exp().log1p());
    return inner(u, x).multiply(y.sin()).add(inner(y, u));
  }

  private static DerivativeStructure inner(DerivativeStructure p, DerivativeStructure q) {
    return p.multiply(q.multiply(-0.3).exp()).add(q.multiply(q).multiply(p));
  }

  static DerivativeStructure recursion(DerivativeStructure x, DerivativeStructure y, int n) {
    if (n == 0) {
      return y.cos().add(x);
    }
    return x.multiply(recursion(x, y.multiply(0.9), n - 1).sin())
        .add(y.multiply(y).divide(n));
  }

  static DerivativeStructure checkpointed(DerivativeStructure[] vars) {
    DerivativeStructure a = vars[0];
    DerivativeStructure b = vars[1];
    DerivativeStructure s = a;
    DerivativeStructure v = b;
    for (int i = 0; i < 30; i++) {
      DerivativeStructure ds = v.multiply(0.05);
      v = v.add(s.sin().negate().subtract(v.multiply(a).multiply(0.1)).multiply(0.05));
      s = s.add(ds);
    }
    return s.multiply(s).add(v.multiply(b));
  }
}
