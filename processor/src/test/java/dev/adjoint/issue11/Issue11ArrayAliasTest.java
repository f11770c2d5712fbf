package dev.adjoint.issue11;

import static dev.adjoint.issue11.Harness.m;
import static dev.adjoint.issue11.Harness.v;

import org.junit.jupiter.api.Test;

/**
 * Issue 11, items 3, 4 and 5: array aliases the processor does not see, helpers that write into
 * their array parameter with the result unused, and enhanced for over an expression. Aliases and
 * writing helpers may be supported or rejected with an ERROR at the alias or the write; the
 * enhanced for must evaluate its array once, as Java does.
 */
class Issue11ArrayAliasTest {

  private static void supportOrError(String body, String[] tags, Object[]... points) {
    String src = Harness.classC("", body);
    Harness.Run r = Harness.compile("iss.C", src);
    r.assertSupportedOrErrorAt("iss.C", r.lines("iss.C", tags), () -> {
      Harness.Grad g = r.gradient("iss.C", "f");
      for (Object[] p : points) {
        g.at(p);
      }
      g.check();
    }, "iss.CGrad");
  }

  // ---- item 3: aliases -------------------------------------------------------------------

  @Test
  void arrayAliasVarLocal() {
    supportOrError("""
        @Differentiable
        static double f(double a, double b) {
          double[] h = new double[2];
          var y = h; //@alias
          y[0] = a * b; //@write
          h[1] = Math.sin(a);
          return h[0] * h[1] + y[1] * b;
        }
        """, new String[] {"alias", "write"}, new Object[] {0.7, 1.3}, new Object[] {-1.1, 0.4});
  }

  @Test
  void arrayAliasExplicitLocal() {
    supportOrError("""
        @Differentiable
        static double f(double a, double b) {
          double[] h = new double[2];
          double[] y = h; //@alias
          y[0] = a * b; //@write
          h[1] = Math.sin(a);
          return h[0] * h[1] + y[1] * b;
        }
        """, new String[] {"alias", "write"}, new Object[] {0.7, 1.3}, new Object[] {-1.1, 0.4});
  }

  @Test
  void arrayAliasThroughIdentityHelper() {
    supportOrError("""
        static double[] id(double[] v) {
          return v;
        }

        @Differentiable
        static double f(double a, double b) {
          double[] h = new double[2];
          double[] y = id(h); //@alias
          y[0] = a * b; //@write
          return h[0] * a + y[0] * b;
        }
        """, new String[] {"alias", "write"}, new Object[] {0.7, 1.3}, new Object[] {-1.1, 0.4});
  }

  @Test
  void arrayAliasThroughRowHelper() {
    supportOrError("""
        static double[] row(double[][] m, int i) {
          return m[i];
        }

        @Differentiable
        static double f(double a, double b) {
          double[][] mm = new double[2][2];
          double[] r = row(mm, 1); //@alias
          r[0] = Math.sin(a) * b; //@write
          return mm[1][0] * a + r[0] * b;
        }
        """, new String[] {"alias", "write"}, new Object[] {0.7, 1.3}, new Object[] {-1.1, 0.4});
  }

  @Test
  void arrayAliasWriteThroughVarOfParameter() {
    supportOrError("""
        @Differentiable
        static double f(double[] x, double a) {
          var y = x; //@alias
          y[0] = a * x[1]; //@write
          return x[0] * x[1] + y[0] * a;
        }
        """, new String[] {"alias", "write"}, new Object[] {v(0.5, 1.5), 0.7},
        new Object[] {v(-2.0, 0.3), -1.2});
  }

  // ---- item 4: helpers writing into an array parameter ------------------------------------

  @Test
  void helperWritesIntoArrayResultUnused() {
    supportOrError("""
        static double fill(double[] v, double s) {
          v[0] = s; //@helperWrite
          return 0;
        }

        @Differentiable
        static double f(double a) {
          double[] y = new double[1];
          fill(y, a); //@call
          return y[0] * a;
        }
        """, new String[] {"call", "helperWrite"}, new Object[] {0.7}, new Object[] {-1.1},
        new Object[] {2.5});
  }

  @Test
  void voidHelperWritesIntoArray() {
    supportOrError("""
        static void put(double[] v, double s) {
          v[1] = s * s; //@helperWrite
        }

        @Differentiable
        static double f(double a, double b) {
          double[] y = new double[2];
          y[0] = b;
          put(y, a); //@call
          return y[0] * y[1] + a;
        }
        """, new String[] {"call", "helperWrite"}, new Object[] {0.7, 1.3},
        new Object[] {-1.1, 0.4});
  }

  @Test
  void helperWritesIntoParameterArrayResultUnused() {
    supportOrError("""
        static double fill(double[] v, double s) {
          v[0] = s; //@helperWrite
          return 0;
        }

        @Differentiable
        static double f(double[] x, double a) {
          fill(x, a * x[1]); //@call
          return x[0] * x[2] + x[1];
        }
        """, new String[] {"call", "helperWrite"}, new Object[] {v(0.5, 1.5, -0.25), 0.7},
        new Object[] {v(-2.0, 0.3, 1.1), -1.2});
  }

  // ---- item 5: enhanced for evaluates its expression once ---------------------------------

  @Test
  void enhancedForOverRowEvaluatedOnce() {
    String src = Harness.classC("", """
        @Differentiable
        static double f(double[][] m, double a) {
          double s = 0;
          int i = 0;
          for (double v : m[i]) {
            s += v * v * a * (i + 1);
            i = 1;
          }
          return s;
        }
        """);
    Harness.Run r = Harness.compile("iss.C", src);
    r.assertCompiles("iss.CGrad");
    // Row 1 is shorter: re-reading m[i] after i = 1 changes (or breaks) the loop.
    r.gradient("iss.C", "f")
        .at(m(v(1.0, 2.0, 3.0), v(4.0, 5.0)), 0.7)
        .at(m(v(-0.5, 0.25, 1.5), v(2.0, -1.0)), -1.3)
        .check();
  }

  @Test
  void enhancedForOverLocalReassignedInBody() {
    supportOrError("""
        @Differentiable
        static double f(double[] x, double[] y, double a) {
          double s = 0;
          double[] cur = x; //@alias
          for (double v : cur) { //@loop
            s += v * a * Math.cos(v);
            cur = y; //@reassign
          }
          return s + cur[0];
        }
        """, new String[] {"alias", "loop", "reassign"},
        new Object[] {v(0.5, 1.5, -0.25), v(2.0, 3.0), 0.7},
        new Object[] {v(-2.0, 0.3, 1.1), v(-1.0, 0.5), -1.2});
  }
}
