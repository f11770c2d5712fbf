package dev.adjoint.issue11;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 2: an active value that flows through a call whose result type is not
 * {@code double} must carry its derivative or get an ERROR at the expression; never a silent 0.
 * Helpers returning {@code Double} or {@code float}, and the JDK boxing, string and raw-bits
 * paths, may be supported (then the gradient must be right) or rejected at the expression: the
 * issue allows either, and Adjoint rejects them (README, "What is not supported").
 */
class Issue11ActiveNonDoubleTest {

  @Test
  void helperReturningBoxedDouble() {
    String src = Harness.classC("", """
        static Double sq(double u) {
          return u * u + Math.sin(u);
        }

        @Differentiable
        static double f(double a, double b) {
          double s = sq(a) * b; //@first
          return s + sq(b); //@second
        }
        """);
    Harness.Run r = Harness.compile("iss.C", src);
    r.assertSupportedOrErrorAt("iss.C", r.lines("iss.C", new String[] {"first", "second"}),
        () -> r.gradient("iss.C", "f").at(0.7, 1.3).at(-1.1, 0.4).at(2.0, -0.6).check(),
        "iss.CGrad");
  }

  @Test
  void helperReturningFloat() {
    // Float arithmetic makes central differences useless; compare with the derivative of the
    // real function, to float precision: f(a) = a * (a^2 + 0.5), f'(a) = 3a^2 + 0.5.
    String src = Harness.classC("", """
        static float sq(double u) {
          return (float) (u * u + 0.5);
        }

        @Differentiable
        static double f(double a) {
          return a * sq(a); //@call
        }
        """);
    Harness.Run r = Harness.compile("iss.C", src);
    r.assertSupportedOrErrorAt("iss.C", r.lines("iss.C", new String[] {"call"}), () -> {
      for (double a : new double[] {0.75, -1.5, 2.25}) {
        Harness.Grad g = r.gradient("iss.C", "f");
        Object[] got = g.raw(a);
        double primal = g.primalValue(g.primal(), new Object[] {a});
        assertEquals(primal, (double) got[0], 0.0, "value() at " + a + r.report());
        double want = 3 * a * a + 0.5;
        assertEquals(want, (double) got[1], 1e-5 * Math.abs(want),
            "gradient a at " + a + ": got " + got[1] + " want " + want + r.report());
      }
    }, "iss.CGrad");
  }

  @Test
  void helperReturningTypeVariable() {
    String src = Harness.classC("", """
        static <T> T pick(T t) {
          return t; //@helper
        }

        @Differentiable
        static double f(double a, double b) {
          double c = pick(a); //@here
          return c * c * b;
        }
        """);
    Harness.Run r = Harness.compile("iss.C", src);
    r.assertSupportedOrErrorAt("iss.C", r.lines("iss.C", "here"),
        () -> r.gradient("iss.C", "f").at(0.7, 1.3).at(-1.1, 0.4).check(), "iss.CGrad");
  }

  private static void supportOrErrorAtHere(String imports, String body, Object[]... points) {
    String src = Harness.classC(imports, body);
    Harness.Run r = Harness.compile("iss.C", src);
    r.assertSupportedOrErrorAt("iss.C", r.lines("iss.C", "here"), () -> {
      Harness.Grad g = r.gradient("iss.C", "f");
      for (Object[] p : points) {
        g.at(p);
      }
      g.check();
    }, "iss.CGrad");
  }

  @Test
  void boxedDoubleValueOf() {
    supportOrErrorAtHere("", """
        @Differentiable
        static double f(double a, double b) {
          double c = Double.valueOf(a * b); //@here
          return c * a;
        }
        """, new Object[] {0.7, 1.3}, new Object[] {-1.1, 0.4});
  }

  @Test
  void boxedCast() {
    supportOrErrorAtHere("", """
        @Differentiable
        static double f(double a, double b) {
          Double c = (Double) (a * b); //@here
          return c * a;
        }
        """, new Object[] {0.7, 1.3}, new Object[] {-1.1, 0.4});
  }

  @Test
  void boxedObjectsRequireNonNull() {
    supportOrErrorAtHere("import java.util.Objects;\n", """
        @Differentiable
        static double f(double a, double b) {
          double c = Objects.requireNonNull(a * b); //@here
          return c * a;
        }
        """, new Object[] {0.7, 1.3}, new Object[] {-1.1, 0.4});
  }

  @Test
  void boxedOptionalOfGet() {
    supportOrErrorAtHere("import java.util.Optional;\n", """
        @Differentiable
        static double f(double a, double b) {
          double c = Optional.of(a * b).get(); //@here
          return c * a;
        }
        """, new Object[] {0.7, 1.3}, new Object[] {-1.1, 0.4});
  }

  @Test
  void boxedListOfGet() {
    supportOrErrorAtHere("import java.util.List;\n", """
        @Differentiable
        static double f(double a, double b) {
          double c = List.of(a, b).get(0); //@here
          return c * b;
        }
        """, new Object[] {0.7, 1.3}, new Object[] {-1.1, 0.4});
  }

  @Test
  void stringRoundTripParseDouble() {
    supportOrErrorAtHere("", """
        @Differentiable
        static double f(double a, double b) {
          double c = Double.parseDouble("" + a); //@here
          return c * b;
        }
        """, new Object[] {0.7, 1.3}, new Object[] {-1.1, 0.4});
  }

  @Test
  void rawBitsRoundTrip() {
    supportOrErrorAtHere("", """
        @Differentiable
        static double f(double a, double b) {
          double c = Double.longBitsToDouble(Double.doubleToLongBits(a)); //@here
          return c * b;
        }
        """, new Object[] {0.7, 1.3}, new Object[] {-1.1, 0.4});
  }

  @Test
  void piecewiseConstantDerivativesMayStillBeDropped() {
    // The rule's other side: casts to int/long, floor, comparisons and signum are really
    // piecewise constant; these must keep compiling, with no error, and be right between kinks.
    String src = Harness.classC("", """
        @Differentiable
        static double f(double a, double b) {
          int k = (int) (3 * a);
          long n = (long) (b * 2);
          double fl = Math.floor(a + b);
          double sg = Math.signum(a - b);
          double c = a > b ? 1.0 : 2.0;
          return a * k + b * n + fl * a * b + sg * b + c * a;
        }
        """);
    Harness.Run r = Harness.compile("iss.C", src);
    r.assertCompiles("iss.CGrad");
    r.gradient("iss.C", "f").at(0.71, 1.37).at(-1.13, 0.41).at(2.09, -0.63).check();
  }
}
