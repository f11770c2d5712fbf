package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static dev.adjoint.processor.GeneratedMethods.method;

import org.junit.jupiter.api.Test;

/**
 * Reads the generated code of ReLU differentiated from its result (issue 15, the MLP's hidden
 * layer): {@code h[j] = relu(z)} in a loop writing each element once reads {@code h[j] > 0.0}
 * in the reverse sweep, so {@code z} is not recorded, and in the fused loop over the examples
 * {@code h} is not recorded either; a relu whose argument reads its own array keeps the
 * argument's test. Values: {@code dev.adjoint.gradients.ReluResultsTest} (bit for bit against
 * the derivative on the argument, finite differences).
 */
class ReluResultsSourceTest {
  private static final TestSource SOURCE = TestSource.of("t.Net", """
      package t;

      import dev.adjoint.Activations;
      import dev.adjoint.Differentiable;

      final class Net {
        @Differentiable(wrt = "w1")
        static double net(double[][] xs, double[][] w1) {
          double[] h = new double[w1.length];
          double loss = 0;
          for (int n = 0; n < xs.length; n++) {
            for (int j = 0; j < w1.length; j++) {
              double z = 0;
              for (int i = 0; i < xs[n].length; i++) {
                z += w1[j][i] * xs[n][i];
              }
              h[j] = Activations.relu(z);
            }
            for (int j = 0; j < h.length; j++) {
              loss += h[j] * h[j];
            }
          }
          return loss;
        }

        @Differentiable
        static double chained(double[] x, double w) {
          double[] h = new double[x.length + 1];
          h[0] = w;
          double total = 0;
          for (int j = 0; j < x.length; j++) {
            h[j + 1] = Activations.relu(h[j] * w + x[j]);
            double a = Activations.relu(x[j] - w);
            total += a * h[j + 1];
          }
          return total;
        }
      }
      """);

  @Test
  void theHiddenLayerIsDifferentiatedFromItsResultWithNoRecord() {
    String adjoint = method(generated(), "netAdjoint");
    assertWithMessage("%s", adjoint).that(adjoint)
        .containsMatch("zAdj = h\\[j\\] > 0\\.0 \\? elementAdj\\d* : 0\\.0;");
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("z > 0.0");
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("tape.");
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("records");
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("Activations.reluDerivative");
  }

  @Test
  void aReluReadingItsOwnArrayKeepsItsArgumentAndALocalReadsItsResult() {
    String adjoint = method(generated(), "chainedAdjoint");
    // h[j + 1] is not indexed by the counter: the derivative tests the argument
    assertWithMessage("%s", adjoint).that(adjoint)
        .containsMatch("\\* w \\+ x\\[j\\] > 0\\.0 \\? elementAdj\\d* : 0\\.0;");
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("h[j + 1] > 0.0");
    // a, singly assigned: from its result
    assertWithMessage("%s", adjoint).that(adjoint).containsMatch("a > 0\\.0 \\?");
  }

  private static String generated() {
    return GeneratedMethods.generated(SOURCE, "t.NetGrad");
  }

}
