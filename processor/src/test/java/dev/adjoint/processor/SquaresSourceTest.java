package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static dev.adjoint.processor.GeneratedMethods.method;

import org.junit.jupiter.api.Test;

/**
 * Reads the adjoints of squares (transform/Squares): {@code x * x} gives {@code x}'s adjoint one
 * contribution {@code s * (x + x)}; a product of two different values keeps two. Values:
 * {@code dev.adjoint.squares.SquaresTest}.
 */
class SquaresSourceTest {
  private static final TestSource SOURCE = TestSource.of("t.Sq", """
      package t;

      import dev.adjoint.Differentiable;

      final class Sq {
        @Differentiable
        static double elements(double[] x) {
          double s = 0;
          for (int i = 0; i < x.length; i++) {
            s += 3 - x[i] * x[i];
          }
          return s;
        }

        @Differentiable
        static double neighbours(double[] x) {
          double s = 0;
          for (int i = 0; i + 1 < x.length; i++) {
            s += x[i] * x[i + 1];
          }
          return s;
        }

        @Differentiable
        static double impureIndex(double[] x, int[] k) {
          int j = 0;
          return x[k[j++]] * x[k[j++]];
        }
      }
      """);

  private static String generated() {
    return GeneratedMethods.generated(SOURCE, "t.SqGrad");
  }

  @Test
  void anElementSquaredGetsOneShareOfTheDoubledElement() {
    String adjoint = method(generated(), "elementsAdjoint");
    assertWithMessage("%s", adjoint).that(adjoint).contains("xAdj[i] = xAdj[i] - valueAdj * (xi + xi);");
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("2.0");
  }

  @Test
  void twoDifferentElementsKeepTheProductRule() {
    String adjoint = method(generated(), "neighboursAdjoint");
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("2.0");
  }

  @Test
  void elementsReadAtIndicesWithSideEffectsAreNotASquare() {
    String adjoint = method(generated(), "impureIndexAdjoint");
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("2.0");
  }
}
