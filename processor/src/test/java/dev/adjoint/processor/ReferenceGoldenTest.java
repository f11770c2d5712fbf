package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static dev.adjoint.processor.TestSource.describe;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Golden generated source for arrays as references (issue 13): the per-sample MLP with its
 * hidden layer allocated in the sample loop (hoisted: the array is never aliased, so one array
 * serves every sample and nothing is recorded for it), and a time stepper that hands a fresh
 * array over with {@code u = next;} and writes through both names afterwards (the references
 * and their shadows are recorded and pointed back). Regenerate as GoldenSourceTest says.
 */
class ReferenceGoldenTest {

  static final String MLP = """
      package golden;

      import dev.adjoint.Differentiable;

      /** The per-sample MLP written the natural way. */
      final class SampleMlp {
        private SampleMlp() {}

        @Differentiable
        static double loss(double[][] xs, double[] ys, double[][] w1, double[] b1, double[] w2,
            double b2) {
          int hidden = b1.length;
          double loss = 0;
          for (int s = 0; s < xs.length; s++) {
            double[] h = new double[hidden];
            for (int j = 0; j < hidden; j++) {
              double z = b1[j];
              for (int i = 0; i < xs[s].length; i++) {
                z += w1[j][i] * xs[s][i];
              }
              h[j] = Math.tanh(z);
            }
            double out = b2;
            for (int j = 0; j < hidden; j++) {
              out += w2[j] * h[j];
            }
            double d = out - ys[s];
            loss += 0.5 * d * d;
          }
          return loss / xs.length;
        }
      }
      """;

  static final String STEPPER = """
      package golden;

      import dev.adjoint.Differentiable;

      /** Explicit time stepping that hands each new state over: u = next. */
      final class Stepper {
        private Stepper() {}

        @Differentiable
        static double energy(double[] u0, double k, int steps) {
          double[] u = u0.clone();
          for (int t = 0; t < steps; t++) {
            double[] next = new double[u.length];
            for (int i = 0; i < u.length; i++) {
              next[i] = u[i] - k * Math.sin(u[(i + 1) % u.length]);
            }
            u = next;
            next[0] += k;
          }
          double e = 0;
          for (int i = 0; i < u.length; i++) {
            e += u[i] * u[i];
          }
          return e;
        }
      }
      """;

  private static void check(String name, String source) {
    JavaFileObject file = JavaFileObjects.forSourceString("golden." + name, source);
    Compilation c = GoldenSourceTest.compile(file);
    GoldenSourceTest.checkGolden(c, "golden." + name + "Grad", name + "Grad.java.golden");
    Compilation strict = Compiler.javac().withOptions("-Xlint:all", "-Werror").compile(file,
        JavaFileObjects.forSourceString("golden." + name + "Grad",
            GoldenSourceTest.generatedText(c, "golden." + name + "Grad")));
    assertWithMessage(describe(strict.diagnostics())).that(strict.status())
        .isEqualTo(Compilation.Status.SUCCESS);
  }

  @Test
  void perSampleMlpWithItsHiddenLayerAllocatedInTheLoop() {
    check("SampleMlp", MLP);
  }

  @Test
  void timeStepperHandingItsNewStateOver() {
    check("Stepper", STEPPER);
  }
}
