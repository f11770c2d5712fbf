package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static dev.adjoint.processor.GeneratedMethods.method;

import org.junit.jupiter.api.Test;

/**
 * Reads the generated reverse of adjoint chains (issue 15, {@code cleanup.PartialProducts}): the
 * partial derivatives multiply together before the adjoint where the values allow it, and the
 * chain stays where they do not. The values are checked by {@code dev.adjoint.gradients.ChainTest}
 * (same methods) and {@code dev.adjoint.fusion.FusionTest}.
 */
class PartialProductsSourceTest {
  private static final TestSource SOURCE = TestSource.of("t.Chains", """
      package t;

      import dev.adjoint.Differentiable;

      final class Chains {
        @Differentiable
        static double chain2(double x, double a) {
          double s = Math.sin(x);
          double y = s * a;
          return y;
        }

        @Differentiable
        static double recurrence(double x0, double a, double b, int steps) {
          double x = x0;
          for (int t = 0; t < steps; t++) {
            x = Math.sin(x) * a + b;
          }
          return x;
        }

        @Differentiable
        static double recurrence3(double x0, double a, double b, int steps) {
          double x = x0;
          for (int t = 0; t < steps; t++) {
            double s = Math.sin(x) * a;
            x = Math.cos(s) * b;
          }
          return x;
        }

        @Differentiable
        static double readTwice(double x, double w) {
          double s = x * w;
          return Math.sin(s);
        }

        @Differentiable
        static double restoredInBetween(double x0, double c0, int steps) {
          double x = x0;
          double c = c0;
          for (int t = 0; t < steps; t++) {
            double s = Math.sin(x);
            c = Math.cos(c) + 1;
            x = s * c;
          }
          return x + c;
        }

        @Differentiable
        static double sumOfChains(double[] x, double a) {
          double f = 0;
          for (int i = 0; i < x.length; i++) {
            double s = Math.sin(x[i]);
            double y = s * a;
            f += Math.exp(y);
          }
          return f;
        }
      }
      """);

  @Test
  void twoLinksMultiplyTheirPartialsFirst() {
    String adjoint = method(generated(), "chain2Adjoint");
    assertWithMessage("%s", adjoint).that(adjoint)
        .contains("double xAdj = valueAdj * (a * Math.cos(x));");
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("sAdj");
  }

  @Test
  void theRecurrenceMultipliesItsAdjointOncePerLinkAsTheHandWrittenGradient() {
    String adjoint = method(generated(), "recurrenceAdjoint");
    // the partial a moves past the restore of x, which cos(x) reads where it stays
    assertWithMessage("%s", adjoint).that(adjoint)
        .contains("x = records2[recordAt2 + 1];\n      xAdj = xAdj * (a * Math.cos(x));");
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("sinAdj");
  }

  @Test
  void aClearedAdjointInBetweenPullsThePartialBackInstead() {
    String adjoint = method(generated(), "recurrence3Adjoint");
    // sAdj is cleared before sinAdj is read, x is not restored in between: cos(x) joins a
    assertWithMessage("%s", adjoint).that(adjoint)
        .contains("sinAdj = sAdj * (a * Math.cos(x));");
    assertWithMessage("%s", adjoint).that(adjoint).contains("xAdj = sinAdj;");
  }

  @Test
  void anAdjointReadTwiceKeepsItsChain() {
    String adjoint = method(generated(), "readTwiceAdjoint");
    assertWithMessage("%s", adjoint).that(adjoint).contains("double xAdj = sAdj * w;");
    assertWithMessage("%s", adjoint).that(adjoint).contains("double wAdj = sAdj * x;");
  }

  @Test
  void partialsWhoseInputsAreRestoredInBetweenKeepTheirChain() {
    String adjoint = method(generated(), "restoredInBetweenAdjoint");
    // c is restored before sAdj is read (so c cannot move there), x too (so cos(x) cannot move
    // back)
    assertWithMessage("%s", adjoint).that(adjoint).contains("sAdj = xAdj * c;");
    assertWithMessage("%s", adjoint).that(adjoint).contains("xAdj = sAdj * Math.cos(x);");
  }

  @Test
  void aFusedLoopBodyMultipliesItsPartialsFirst() {
    String adjoint = method(generated(), "sumOfChainsAdjoint");
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("tape.");
    // the name of the method contains "sAdj"
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain(" sAdj");
    assertWithMessage("%s", adjoint).that(adjoint)
        .contains("xAdj[i] += yAdj * (a * Math.cos(xi));");
  }

  private static String generated() {
    return GeneratedMethods.generated(SOURCE, "t.ChainsGrad");
  }

}
