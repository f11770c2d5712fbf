package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static dev.adjoint.processor.GeneratedMethods.method;

import org.junit.jupiter.api.Test;

/**
 * Reads the loop over GMM's components inside the fused loop over points (issue 15,
 * {@code transform.ScratchRows}): the centred point {@code xc} and its product {@code lxc} get
 * one row per component instead of a push and a pop of the whole array per component, the int
 * walk {@code l} one slot per component instead of an int push and pop; the loop over points not
 * fused (a non-linear result) keeps the records. Values: {@code gradients.ScratchRowsTest}
 * (differences, Hipparchus) and {@code fusion.FusionBitsTest} (bits unchanged).
 */
class ScratchRowsSourceTest {
  private static final String BODY = """
          int k = alphas.length;
          int d = means[0].length;
          double[] xc = new double[d];
          double[] lxc = new double[d];
          double[] mainTerm = new double[k];
          double slse = 0;
          for (int p = 0; p < x.length; p++) {
            for (int c = 0; c < k; c++) {
              for (int i = 0; i < d; i++) {
                xc[i] = x[p][i] - means[c][i];
              }
              for (int i = 0; i < d; i++) {
                lxc[i] = Math.exp(icf[c][i]) * xc[i];
              }
              int l = d;
              for (int i = 0; i < d; i++) {
                for (int j = i + 1; j < d; j++) {
                  lxc[j] += icf[c][l] * xc[i];
                  l++;
                }
              }
              double sq = 0;
              for (int i = 0; i < d; i++) {
                sq += lxc[i] * lxc[i];
              }
              mainTerm[c] = alphas[c] - 0.5 * sq;
            }
            slse += logSumExp(mainTerm);
          }
      """;

  private static final TestSource SOURCE = TestSource.of("t.Gmm", """
      package t;

      import dev.adjoint.Differentiable;

      final class Gmm {
        @Differentiable(wrt = {"alphas", "means", "icf"})
        static double gmm(double[] alphas, double[][] means, double[][] icf, double[][] x) {
      """ + BODY + """
          return slse;
        }

        @Differentiable(wrt = {"alphas", "means", "icf"})
        static double notFused(double[] alphas, double[][] means, double[][] icf, double[][] x) {
      """ + BODY + """
          return Math.log(1 + slse * slse);
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
  void eachComponentHasItsOwnRows() {
    String adjoint = method(generated(), "gmmAdjoint");
    for (String gone : new String[] {"AdjointArrays.push(tape, xc)", "AdjointArrays.pop(tape, xc)",
        "AdjointArrays.push(tape, lxc)", "AdjointArrays.pop(tape, lxc)", "tape.pushInt(l)",
        "l = tape.popInt()"}) {
      assertWithMessage("%s", adjoint).that(adjoint).doesNotContain(gone);
    }
    for (String there : new String[] {"double[][] xcRows = null;", "double[][] lxcRows = null;",
        "int[] lRows = null;", "xc = xcRows[rowAt];", "lxc = lxcRows[rowAt];",
        "lRows[rowAt] = l;", "xc = xcRows[iteration", "lxc = lxcRows[iteration",
        "l = lRows[iteration", "xc = xcBefore;", "lxc = lxcBefore;",
        "xcRows = new double[rowCount][xc.length];", "rowAt = rowAt + 1;"}) {
      assertWithMessage("%s", adjoint).that(adjoint).contains(there);
    }
    // allocated once per call: declared before the fused loop over the points
    assertWithMessage("%s", adjoint).that(adjoint.indexOf("double[][] xcRows = null;"))
        .isLessThan(adjoint.indexOf("while (p < x.length)"));
  }

  @Test
  void theLoopOverPointsNotFusedKeepsTheRecords() {
    String adjoint = method(generated(), "notFusedAdjoint");
    assertWithMessage("%s", adjoint).that(adjoint).contains("AdjointArrays.push(tape, xc)");
    assertWithMessage("%s", adjoint).that(adjoint).contains("AdjointArrays.pop(tape, xc)");
    assertWithMessage("%s", adjoint).that(adjoint).contains("tape.pushInt(l)");
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("Rows");
  }

  private static String generated() {
    return GeneratedMethods.generated(SOURCE, "t.GmmGrad");
  }
}
