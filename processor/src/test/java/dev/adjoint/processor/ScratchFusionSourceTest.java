package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static dev.adjoint.processor.GeneratedMethods.method;
import static dev.adjoint.processor.TestSource.adjoint;
import static dev.adjoint.processor.TestSource.assertNoCrash;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins which sums of independent terms that write arrays run fused (issue 15, GMM and MLP):
 * those whose arrays are scratch ({@code analysis.ScratchArrays}: rewritten by each iteration
 * before being read, not read after the loop) do; a read before the rewrite, a read after the
 * loop, a value carried through an element, a partial rewrite and an early exit do not. A fused
 * method starts its reverse part before its first loop. The values are checked by
 * {@code dev.adjoint.fusion.ScratchTest}.
 */
class ScratchFusionSourceTest {
  private static final TestSource SOURCE = TestSource.of("t.Scratch", """
      package t;

      import dev.adjoint.Differentiable;

      final class Scratch {
        @Differentiable(wrt = "mu")
        static double vector(double[][] x, double[] mu) {
          int d = mu.length;
          double[] xc = new double[d];
          double s = 0;
          for (int p = 0; p < x.length; p++) {
            for (int j = 0; j < d; j++) {
              xc[j] = x[p][j] - mu[j];
            }
            double q = 0;
            for (int j = 0; j < d; j++) {
              q += xc[j] * xc[j];
            }
            s += Math.log(1 + q);
          }
          return s;
        }

        @Differentiable(wrt = "w")
        static double wholeArrayToACall(double[][] x, double[] w) {
          double[] z = new double[w.length];
          double s = 0;
          for (int p = 0; p < x.length; p++) {
            for (int j = 0; j < z.length; j++) {
              z[j] = w[j] * x[p][j];
              s += 0.5 * z[j];
            }
            s += norm(z);
          }
          return s / x.length - norm(w);
        }

        @Differentiable
        static double norm(double[] v) {
          double s = 0;
          for (int i = 0; i < v.length; i++) {
            s += v[i] * v[i];
          }
          return Math.sqrt(s);
        }

        @Differentiable(wrt = "w")
        static double layers(double[][] xs, double[] w, double[] b2) {
          double[] logits = new double[b2.length];
          double s = 0;
          for (int n = 0; n < xs.length; n++) {
            for (int k = 0; k < b2.length; k++) {
              double z = b2[k];
              for (int j = 0; j < w.length; j++) {
                z += w[j] * xs[n][j] * (k + 1);
              }
              logits[k] = Math.tanh(z);
            }
            s += logits[0] * logits[b2.length - 1];
          }
          return s;
        }

        @Differentiable(wrt = "mu")
        static double readBeforeRewrite(double[][] x, double[] mu) {
          double[] xc = new double[mu.length];
          double s = 0;
          for (int p = 0; p < x.length; p++) {
            double carried = xc[0];
            for (int j = 0; j < xc.length; j++) {
              xc[j] = x[p][j] - mu[j];
            }
            s += carried * xc[0];
          }
          return s;
        }

        @Differentiable(wrt = "mu")
        static double readAfterTheLoop(double[][] x, double[] mu) {
          double[] xc = new double[mu.length];
          double s = 0;
          for (int p = 0; p < x.length; p++) {
            for (int j = 0; j < xc.length; j++) {
              xc[j] = x[p][j] - mu[j];
            }
            s += xc[0] * xc[0];
          }
          return s + xc[0];
        }

        @Differentiable(wrt = "w")
        static double carried(double[] xs, double[] w) {
          double[] state = new double[1];
          double s = 0;
          for (int p = 0; p < xs.length; p++) {
            state[0] = Math.tanh(w[0] * state[0] + w[1] * xs[p]);
            s += state[0];
          }
          return s;
        }

        @Differentiable(wrt = "mu")
        static double partlyRewritten(double[][] x, double[] mu) {
          double[] xc = new double[mu.length];
          double s = 0;
          for (int p = 0; p < x.length; p++) {
            for (int j = 1; j < xc.length; j++) {
              xc[j] = x[p][j] - mu[j];
            }
            s += xc[0] * xc[1];
          }
          return s;
        }

        @Differentiable(wrt = {"mu", "logDiag"})
        static double between(double[][] x, double[] mu, double[] logDiag) {
          int d = mu.length;
          double[] diag = new double[d];
          double sumLog = 0;
          for (int i = 0; i < d; i++) {
            diag[i] = Math.exp(logDiag[i]);
            sumLog += logDiag[i];
          }
          double[] xc = new double[d];
          double s = 0;
          for (int p = 0; p < x.length; p++) {
            for (int i = 0; i < d; i++) {
              xc[i] = diag[i] * (x[p][i] - mu[i]);
            }
            double q = 0;
            for (int i = 0; i < d; i++) {
              q += xc[i] * xc[i];
            }
            s += sumLog - 0.5 * q;
          }
          double prior = 0;
          for (int i = 0; i < d; i++) {
            prior += diag[i] * diag[i] - logDiag[i];
          }
          return s - 0.5 * prior;
        }

        @Differentiable(wrt = "mu")
        static double earlyExit(double[][] x, double[] mu) {
          double[] xc = new double[mu.length];
          double s = 0;
          for (int p = 0; p < x.length; p++) {
            for (int j = 0; j < xc.length; j++) {
              xc[j] = x[p][j] - mu[j];
              if (xc[j] > 10) {
                break;
              }
            }
            s += xc[0] * xc[0];
          }
          return s;
        }
      }
      """);

  @ParameterizedTest
  @CsvSource({"vector, true", "wholeArrayToACall, true", "layers, true",
      "readBeforeRewrite, false", "readAfterTheLoop, false", "carried, false",
      "partlyRewritten, false", "earlyExit, false"})
  void scratchArraysFuseAndNearMissesDoNot(String name, boolean fused) {
    String adjoint = method(generated(), name + "Adjoint");
    int reverse = adjoint.indexOf("// reverse sweep");
    int firstLoop = adjoint.indexOf("while (");
    assertWithMessage("%s", adjoint).that(reverse).isGreaterThan(0);
    assertWithMessage("%s", adjoint).that(firstLoop).isGreaterThan(0);
    assertWithMessage("fused: %s", adjoint).that(reverse < firstLoop).isEqualTo(fused);
  }

  /**
   * GMM's layout: of the three sum loops, the one over the points (the heaviest) fuses, although
   * another sum loop follows it (its trip count is computed in the reverse, not counted).
   */
  @Test
  void theHeaviestOfSeveralSumLoopsFuses() {
    String adjoint = method(generated(), "betweenAdjoint");
    assertWithMessage("%s", adjoint).that(adjoint.indexOf("// reverse sweep"))
        .isLessThan(adjoint.indexOf("while (p < x.length)"));
    assertWithMessage("%s", adjoint).that(adjoint.indexOf("// reverse sweep"))
        .isGreaterThan(adjoint.indexOf("while (i < d)"));
  }

  private static String generated;

  private static synchronized String generated() {
    if (generated == null) {
      Compilation c = adjoint().compile(SOURCE.file);
      assertNoCrash(c);
      JavaFileObject file = c.generatedSourceFile("t.ScratchGrad").orElseThrow();
      try {
        generated = file.getCharContent(true).toString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return generated;
  }

}
