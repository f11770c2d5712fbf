package dev.adjoint.issue13;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.fuzz.InMemoryCompilation.Outcome;
import org.junit.jupiter.api.Test;

/** The corpus harness can fail: a gradient or an oracle that is off is caught. */
class Issue13HarnessSelfTest {
  private static Program13 quadratic(double oracleError) {
    return Program13.of("SelfQuadratic", "harness self-test", "f", "", """
        @Differentiable
        static double f(double[] x, double a) {
          double s = 0;
          for (double v : x) {
            s += a * v * v;
          }
          return s;
        }
        """)
        .at(new double[] {1, -2}, 3.0)
        .oracle(args -> {
          double[] x = (double[]) args[0];
          double a = (Double) args[1];
          return new double[] {2 * a * x[0] + oracleError, 2 * a * x[1], x[0] * x[0] + x[1] * x[1]};
        })
        .build();
  }

  @Test
  void aRightOracleAndGradientPass() {
    Program13 p = quadratic(0);
    Check13.assertPrimalRunsAndOracleMatches(p);
    Check13.assertGradientMatches(p, Check13.compile(p));
  }

  @Test
  void anOracleOffBySmallAmountFailsBothChecks() {
    Program13 p = quadratic(1e-6);
    Outcome out = Check13.compile(p);
    AssertionError e = assertThrows(AssertionError.class,
        () -> Check13.assertGradientMatches(p, out));
    assertTrue(e.getMessage().contains("want exactly"), e.getMessage());
    AssertionError f = assertThrows(AssertionError.class,
        () -> Check13.assertPrimalRunsAndOracleMatches(quadratic(1e-3)));
    assertTrue(f.getMessage().contains("oracle entry 0"), f.getMessage());
  }
}
