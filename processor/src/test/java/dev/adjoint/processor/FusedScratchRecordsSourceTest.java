package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static dev.adjoint.processor.GeneratedMethods.method;

import org.junit.jupiter.api.Test;

/**
 * Reads fused loops with scratch arrays (issue 15). In the loop over GMM's points, the component
 * terms {@code mainTerm[c]}, a scratch array the reverse part never reads, are no longer
 * recorded and restored; the centred point {@code xc}, which the reverse of each component reads
 * after the next component's forward overwrote it, gets one row per component instead
 * ({@code transform.ScratchRows}). A layer {@code h} the reverse part
 * reads before it would restore it is not recorded either. The values are checked, bit for bit against the code before,
 * by {@code dev.adjoint.fusion.FusionBitsTest} and {@code ScratchTest}.
 */
class FusedScratchRecordsSourceTest {
  private static final TestSource SOURCE = TestSource.of("t.Mix", """
      package t;

      import dev.adjoint.Differentiable;

      final class Mix {
        @Differentiable(wrt = {"alphas", "means"})
        static double mix(double[] alphas, double[][] means, double[][] x) {
          int k = alphas.length;
          int d = means[0].length;
          double[] xc = new double[d];
          double[] mainTerm = new double[k];
          double slse = 0;
          for (int p = 0; p < x.length; p++) {
            for (int c = 0; c < k; c++) {
              for (int i = 0; i < d; i++) {
                xc[i] = x[p][i] - means[c][i];
              }
              double sq = 0;
              for (int i = 0; i < d; i++) {
                sq += xc[i] * xc[i];
              }
              mainTerm[c] = alphas[c] - 0.5 * sq;
            }
            slse += logSumExp(mainTerm);
          }
          return slse;
        }

        @Differentiable(wrt = "w")
        static double layer(double[][] xs, double[] w) {
          double[] h = new double[w.length];
          double s = 0;
          for (int n = 0; n < xs.length; n++) {
            for (int j = 0; j < w.length; j++) {
              h[j] = Math.sin(w[j] * xs[n][j]);
            }
            for (int j = 0; j < w.length; j++) {
              s += h[j] * h[j];
            }
          }
          return s;
        }

        @Differentiable
        static double logSumExp(double[] v) {
          double s = 0;
          for (int i = 0; i < v.length; i++) {
            s += Math.exp(v[i]);
          }
          return Math.log(s);
        }
      }
      """);

  @Test
  void theComponentTermsAreNotRecorded() {
    String adjoint = method(generated(), "mixAdjoint");
    // fused: the sum's callee runs once, its adjoint in the forward part of the iteration
    assertWithMessage("%s", adjoint).that(adjoint).contains("slse = slse + MixGrad.logSumExpAdjoint(");
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("pushDouble(mainTerm");
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("mainTerm[c] = tape.pop");
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("Kept");
  }

  @Test
  void theCentredPointTheReversePartReadsGetsARowPerComponent() {
    String adjoint = method(generated(), "mixAdjoint");
    // issue 15 (ScratchRows): one row of xc per component instead of a push and a pop of it
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("AdjointArrays.push(tape, xc)");
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("AdjointArrays.pop(tape, xc)");
    assertWithMessage("%s", adjoint).that(adjoint).contains("xc = xcRows[rowAt];");
    assertWithMessage("%s", adjoint).that(adjoint).contains("xc = xcRows[iteration");
  }

  @Test
  void aLayerTheReversePartReadsBeforeRestoringItIsNotRecorded() {
    String adjoint = method(generated(), "layerAdjoint");
    // the reverse of the second loop reads h as the forward part left it; the reverse of the
    // first loop would restore it, for nobody
    assertWithMessage("%s", adjoint).that(adjoint).contains("h[j2]");
    // fused: no backward loop over the examples restores n from an iteration count
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("n = iteration");
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("tape.");
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("AdjointArrays.p");
  }

  private static String generated() {
    return GeneratedMethods.generated(SOURCE, "t.MixGrad");
  }

}
