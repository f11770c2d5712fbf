package dev.adjoint.issue11;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 6: a call not known to be pure is evaluated exactly once; the reverse sweep must
 * use the same sample as value(), and a helper's side effect happens as often as in the primal.
 */
class Issue11ImpureCallsTest {

  private static void near(List<String> problems, String what, double got, double want) {
    if (!(Math.abs(got - want) <= 1e-12 * Math.max(1.0, Math.abs(want)))) {
      problems.add(what + ": got " + got + " want " + want);
    }
  }

  @Test
  void mathRandomEvaluatedOnce() {
    String src = Harness.classC("", """
        @Differentiable
        static double f(double a) {
          return a * Math.random();
        }
        """);
    Harness.Run r = Harness.compile("iss.C", src);
    r.assertCompiles("iss.CGrad");
    List<String> problems = new ArrayList<>();
    for (double a : new double[] {0.7, -1.3, 2.0, 5.0}) {
      for (int rep = 0; rep < 5; rep++) {
        Object[] got = r.gradient("iss.C", "f").raw(a);
        double value = (double) got[0];
        double grad = (double) got[1];
        // f = a * u with one sample u: df/da = u = value / a.
        near(problems, "gradient a at " + a + " (value " + value + ")", grad, value / a);
      }
    }
    if (!problems.isEmpty()) {
      throw r.fail(String.join("\n", problems));
    }
  }

  @Test
  void mathRandomInsideNonlinearExpressionEvaluatedOnce() {
    String src = Harness.classC("", """
        @Differentiable
        static double f(double a) {
          return Math.exp(a * Math.random());
        }
        """);
    Harness.Run r = Harness.compile("iss.C", src);
    r.assertCompiles("iss.CGrad");
    List<String> problems = new ArrayList<>();
    for (double a : new double[] {0.7, -1.3, 2.0}) {
      for (int rep = 0; rep < 5; rep++) {
        Object[] got = r.gradient("iss.C", "f").raw(a);
        double value = (double) got[0];
        double grad = (double) got[1];
        // f = exp(a u): df/da = u exp(a u) = value * ln(value) / a.
        near(problems, "gradient a at " + a + " (value " + value + ")", grad,
            value * Math.log(value) / a);
      }
    }
    if (!problems.isEmpty()) {
      throw r.fail(String.join("\n", problems));
    }
  }

  /** Runs primal and gradient from calls = 0; compares value, gradient and the counter. */
  private static void checkCounter(Harness.Run r, double[] points, int expectCalls,
      java.util.function.DoubleUnaryOperator wantGrad) {
    List<String> problems = new ArrayList<>();
    try {
      Class<?> c = Class.forName("iss.C", true, r.out.loader());
      Field calls = c.getDeclaredField("calls");
      calls.setAccessible(true);
      for (double a : points) {
        Harness.Grad g = r.gradient("iss.C", "f");
        Method primal = g.at(a).primal();
        calls.setInt(null, 0);
        double primalValue = g.primalValue(primal, new Object[] {a});
        int primalCalls = calls.getInt(null);
        if (primalCalls != expectCalls) {
          throw new AssertionError("test is wrong: primal bumped " + primalCalls);
        }
        calls.setInt(null, 0);
        Object[] got = g.raw(a);
        int gradCalls = calls.getInt(null);
        if (gradCalls != primalCalls) {
          problems.add("at a = " + a + " the gradient bumped the counter " + gradCalls
              + " times, the primal " + primalCalls + " times");
        }
        near(problems, "value() at " + a, (double) got[0], primalValue);
        near(problems, "gradient a at " + a, (double) got[1], wantGrad.applyAsDouble(a));
      }
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
    if (!problems.isEmpty()) {
      throw r.fail(String.join("\n", problems));
    }
  }

  @Test
  void counterHelperBumpedOnce() {
    // tick() = 1 + calls after the increment; from calls = 0: f = 2a^2, f' = 4a, one bump.
    String src = Harness.classC("", """
        static int calls;

        static double tick() {
          calls++;
          return 1.0 + calls;
        }

        @Differentiable
        static double f(double a) {
          return a * a * tick();
        }
        """);
    Harness.Run r = Harness.compile("iss.C", src);
    r.assertCompiles("iss.CGrad");
    checkCounter(r, new double[] {0.7, -1.3, 2.5}, 1, a -> 4 * a);
  }

  @Test
  void counterHelperBumpedOncePerIteration() {
    // From calls = 0: f = a^2 (1 + 2 + 3) = 6a^2, f' = 12a, three bumps.
    String src = Harness.classC("", """
        static int calls;

        static int tick() {
          return ++calls;
        }

        @Differentiable
        static double f(double a) {
          double s = 0;
          for (int i = 0; i < 3; i++) {
            s += a * a * tick();
          }
          return s;
        }
        """);
    Harness.Run r = Harness.compile("iss.C", src);
    r.assertCompiles("iss.CGrad");
    checkCounter(r, new double[] {0.7, -1.3, 2.5}, 3, a -> 12 * a);
  }

  @Test
  void counterHelperWithActiveArgument() {
    // bump(u) = u * calls after the increment; from calls = 0: f = a * a * 1, f' = 2a. A helper
    // that writes a field may instead be rejected at the write or at the call.
    String src = Harness.classC("", """
        static int calls;

        static double bump(double u) {
          calls++; //@write
          return u * calls;
        }

        @Differentiable
        static double f(double a) {
          return a * bump(a); //@call
        }
        """);
    Harness.Run r = Harness.compile("iss.C", src);
    r.assertSupportedOrErrorAt("iss.C", r.lines("iss.C", "write", "call"),
        () -> checkCounter(r, new double[] {0.7, -1.3, 2.5}, 1, a -> 2 * a), "iss.CGrad");
  }
}
