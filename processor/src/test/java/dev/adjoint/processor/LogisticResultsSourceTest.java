package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.adjoint.processor.TestSource.adjoint;
import static dev.adjoint.processor.TestSource.assertNoCrash;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Reads the generated code of assignments from logistic helpers (issue 15, ADBench LSTM's
 * gates): {@code s = sigmoid(z)} is differentiated from the value it wrote, {@code s (1 - s)},
 * with no adjoint call; in a loop that value is pushed when overwritten and read before it is
 * popped. Values: {@code dev.adjoint.gradients.LogisticTest} (finite differences, Hipparchus).
 */
class LogisticResultsSourceTest {
  private static final TestSource SOURCE = TestSource.of("t.Gates", """
      package t;

      import dev.adjoint.Differentiable;

      final class Gates {
        static double sigmoid(double x) {
          return 1 / (1 + Math.exp(-x));
        }

        static double shifted(double x) {
          return 1 / (1 + Math.exp(-x + 1));
        }

        @Differentiable(wrt = "w")
        static double gates(double[] w, double[] x) {
          double total = 0;
          double h = 0;
          for (int i = 0; i < x.length; i++) {
            double gate = sigmoid(w[i] * x[i] + h);
            double other = shifted(w[i]) + Math.tanh(h);
            double squashed = Math.tanh(w[i] * h);
            double grown = Math.exp(squashed * x[i]);
            total += squashed * grown;
            h = gate * h + other;
            total += h;
          }
          double again = sigmoid(total);
          again = sigmoid(again * w[0]);
          return again;
        }
      }
      """);

  @Test
  void aGateIsDifferentiatedFromItsResultBeforeItIsRestored() {
    String code = adjointMethod();
    // gateAdj = hAdj2 * h is read once: the partials multiply first (cleanup.PartialProducts)
    assertWithMessage(code).that(code).containsMatch(
        "double adj\\d* = hAdj\\d* \\* \\(h \\* \\(gate \\* \\(1\\.0 - gate\\)\\)\\);");
    assertWithMessage(code).that(code).containsMatch(
        "gate \\* \\(1\\.0 - gate\\)\\)\\);[^}]*gate = records\\d*\\[recordAt\\d*\\];");
    assertThat(code).contains("records[recordAt] = gate;");
  }

  @Test
  void tanhAndExpAssignmentsAreDifferentiatedFromTheirResults() {
    String code = adjointMethod();
    assertWithMessage(code).that(code).containsMatch(
        "squashedAdj \\* \\(1\\.0 - squashed \\* squashed\\)");
    // grownAdj = totalAdj * squashed is read once: the partials multiply first
    assertWithMessage(code).that(code)
        .contains("squashedAdj += totalAdj * (squashed * grown * x[i]);");
    assertThat(code).doesNotContain("Math.tanh(t");
    // a tanh inside an expression keeps MathRules' derivative
    assertThat(code).contains("(1.0 - Math.tanh(h) * Math.tanh(h))");
  }

  @Test
  void otherHelpersAndVariablesAssignedTwiceKeepTheirAdjointCall() {
    String code = adjointMethod();
    assertThat(code).contains("GatesGrad.shiftedAdjoint(");
    // again is assigned twice: both of its assignments call the adjoint
    assertThat(code).doesNotContain("again * (1.0 - again)");
    assertWithMessage(code).that(code.split("GatesGrad\\.sigmoidAdjoint\\(", -1).length - 1)
        .isEqualTo(2);
  }

  private static String adjointMethod() {
    Compilation c = adjoint().compile(SOURCE.file);
    assertNoCrash(c);
    JavaFileObject file = c.generatedSourceFile("t.GatesGrad").orElseThrow();
    String code;
    try {
      code = file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int start = code.indexOf("double gatesAdjoint(");
    return code.substring(start, code.indexOf("\n  }\n", start));
  }
}
