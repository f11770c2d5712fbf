package dev.adjoint.issue14;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14: "a helper with only a {@code @Pullback} gets a clear error for forward mode and
 * second order". The error is at the call of the helper in the user's method (file and line),
 * and names the helper and what is missing (a tangent / forward-mode rule); gradients of the same
 * method stay fine.
 */
class Issue14DiagnosticsTest {
  static final String USER = "iss.Pb";
  static final String RULES = "iss.PbRules";

  static final String USER_TEMPLATE = """
      package iss;

      import dev.adjoint.Differentiable;

      final class Pb {
        private Pb() {}

        @Differentiable(MODES)
        static double uses(double[] w, double c) {
          double base = c * c;
          double s = PbRules.sumSq(w);
          return base + s;
        }
      }
      """;

  static final String RULES_SOURCE = """
      package iss;

      import dev.adjoint.Pullback;

      final class PbRules {
        private PbRules() {}

        static double sumSq(double[] x) {
          double s = 0;
          for (int i = 0; i < x.length; i++) {
            s += x[i] * x[i];
          }
          return s;
        }

        @Pullback(of = "sumSq")
        static void sumSqPullback(double[] x, double seed, double[] xAdj) {
          for (int i = 0; i < x.length; i++) {
            xAdj[i] += seed * 2 * x[i];
          }
        }
      }
      """;

  /** The line of {@code PbRules.sumSq(w)} in Pb.java. */
  static final int CALL_LINE = 11;

  private static Map<String, String> sources(String... modes) {
    Map<String, String> s = new LinkedHashMap<>();
    s.put(USER, Modes14.render(USER_TEMPLATE, modes));
    s.put(RULES, RULES_SOURCE);
    return s;
  }

  @Test
  void theCallLineIsRight() {
    String[] lines = Modes14.render(USER_TEMPLATE).split("\n");
    assertTrue(lines[CALL_LINE - 1].contains("PbRules.sumSq(w)"), lines[CALL_LINE - 1]);
  }

  @Test
  void gradientOnlyIsFine() {
    Javac14.Result run = Javac14.withProcessor(sources()).assertCompiled();
    Subject s = Subject.of(run, USER, "uses", 2);
    Object[] args = {new double[] {0.5, -1.5, 2.0}, 0.7};
    Num14.close("gradient through the pullback", s.gradientOf(s.gradient(args)),
        new double[] {1.0, -3.0, 4.0, 1.4}, 1e-15, 0);
  }

  @Test
  void tangentModeThroughAPullbackOnlyHelperIsAnErrorAtTheCall() {
    assertPullbackError(Javac14.withProcessor(sources("gradient", "tangent")));
  }

  @Test
  void hessianModeThroughAPullbackOnlyHelperIsAnErrorAtTheCall() {
    assertPullbackError(Javac14.withProcessor(sources("gradient", "hessian")));
  }

  @Test
  void theOptionAsksForTheSameAndGetsTheSameError() {
    assertPullbackError(Javac14.withProcessor(sources(), "-Aadjoint.modes=gradient,tangent"));
  }

  private static void assertPullbackError(Javac14.Result run) {
    assertProcessorErrorAt(run, "/iss/Pb.java", CALL_LINE, "sumsq",
        "tangent|forward|second");
  }

  /**
   * The first error is the processor's, in {@code fileSuffix} at {@code line}, and its message
   * (lower-cased) contains {@code name} and matches {@code whatIsMissing}; no other kind of
   * error (javac's own, or one in generated code) is present.
   */
  static void assertProcessorErrorAt(Javac14.Result run, String fileSuffix, int line,
      String name, String whatIsMissing) {
    if (run.crash != null) {
      throw new AssertionError("javac crashed: " + run.crash + run.report());
    }
    List<Javac14.Diag> errors = run.errors();
    if (errors.isEmpty()) {
      throw new AssertionError("expected an error at " + fileSuffix + ":" + line + run.report());
    }
    for (Javac14.Diag d : errors) {
      if (!d.fromProcessor()) {
        throw new AssertionError("an error that is not the processor's (generated code that "
            + "does not compile, or a javac error): " + d + run.report());
      }
    }
    Javac14.Diag d = errors.get(0);
    assertTrue(d.file() != null && d.file().endsWith(fileSuffix), "file: " + d + run.report());
    assertEquals(line, d.line(), "line: " + d + run.report());
    String m = d.message().toLowerCase(Locale.ROOT);
    assertTrue(m.contains(name), "the message names " + name + ": " + d.message());
    assertTrue(java.util.regex.Pattern.compile(whatIsMissing).matcher(m).find(),
        "the message says what is missing (" + whatIsMissing + "): " + d.message());
  }

  /** The assertion above, run today on an error the processor already reports. */
  @Test
  void theErrorAssertionWorksOnAnExistingError() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("iss.Wr", """
        package iss;

        import dev.adjoint.Differentiable;

        final class Wr {
          static double last;

          @Differentiable
          static double writes(double[] x) {
            last = x[0];
            return x[1];
          }
        }
        """);
    Javac14.Result run = Javac14.withProcessor(s);
    assertProcessorErrorAt(run, "/iss/Wr.java", 10, "'last'", "field");
    org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
        () -> assertProcessorErrorAt(run, "/iss/Wr.java", 11, "'last'", "field"));
    org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
        () -> assertProcessorErrorAt(run, "/iss/Wr.java", 10, "sumsq", "field"));
    org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
        () -> assertProcessorErrorAt(run, "/iss/Other.java", 10, "'last'", "field"));
  }
}
