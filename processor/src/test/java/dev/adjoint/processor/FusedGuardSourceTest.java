package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static dev.adjoint.processor.GeneratedMethods.method;
import static dev.adjoint.processor.TestSource.adjoint;
import static dev.adjoint.processor.TestSource.assertNoCrash;

import com.google.common.collect.Range;
import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Pins the zero-adjoint guard inside fused loop bodies (issue 15, cause 6): the reverse loop
 * over a ReLU unit's weights is skipped when the unit did not fire, although the next
 * iteration's forward part reads its counter again ({@code cleanup.DeadAfter}: it resets it
 * first). The values are checked by {@code dev.adjoint.fusion.ScratchTest} (the MLP),
 * {@code FusionBitsTest} (bit for bit) and {@code dev.adjoint.fusion.GuardTest}.
 */
class FusedGuardSourceTest {
  private static final TestSource SOURCE = TestSource.of("t.Net", """
      package t;

      import dev.adjoint.Activations;
      import dev.adjoint.Differentiable;
      import dev.adjoint.Losses;

      final class Net {
        @Differentiable(wrt = {"w1", "b1", "w2", "b2"})
        static double mlp(double[][] xs, int[] labels, double[][] w1, double[] b1,
            double[][] w2, double[] b2) {
          int hidden = b1.length;
          double[] h = new double[hidden];
          double[] logits = new double[b2.length];
          double loss = 0;
          for (int n = 0; n < xs.length; n++) {
            for (int j = 0; j < hidden; j++) {
              double z = b1[j];
              for (int i = 0; i < xs[n].length; i++) {
                z += w1[j][i] * xs[n][i];
              }
              h[j] = Activations.relu(z);
            }
            for (int k = 0; k < b2.length; k++) {
              double z = b2[k];
              for (int j = 0; j < hidden; j++) {
                z += w2[k][j] * h[j];
              }
              logits[k] = z;
            }
            loss += Losses.softmaxCrossEntropy(logits, labels[n]);
          }
          return loss / xs.length;
        }

        @Differentiable(wrt = {"w", "v"})
        static double counterDeclaredBefore(double[][] xs, double[][] w, double[] v) {
          double[] h = new double[w.length];
          double loss = 0;
          int i = 0;
          for (int n = 0; n < xs.length; n++) {
            for (int j = 0; j < w.length; j++) {
              double z = 0;
              for (i = 0; i < xs[n].length; i++) {
                z += w[j][i] * xs[n][i];
              }
              h[j] = Activations.relu(z) * xs[n][i - 1];
            }
            double out = 0;
            for (int j = 0; j < h.length; j++) {
              out += v[j] * h[j];
            }
            loss += Math.tanh(out);
          }
          return loss / xs.length;
        }

        @Differentiable
        static double fuzzBatch(double a, double b) {
          double[] zu = new double[3];
          zu[0] = a * 0.3;
          zu[1] = b * 0.5;
          zu[2] = (a + b) * 0.7;
          double[] zh = new double[4];
          double zs = 0;
          for (int zn = 0; zn < 3; zn++) {
            for (int zj = 0; zj < zh.length; zj++) {
              double zz = 0.4 * zj - 0.6 + 0.25 * zn;
              for (int zi = 0; zi < zu.length; zi++) {
                zz += zu[zi] * zu[(zi + zj + zn) % zu.length];
              }
              zh[zj] = Math.max(zz, 0.0);
            }
            double zt = 0;
            for (int zj = 0; zj < zh.length; zj++) {
              zt += zh[zj] * (zj - 0.5);
            }
            zs += zt * zt;
          }
          return zs / 3;
        }
      }
      """);

  @Test
  void theReverseLoopOverAUnitsWeightsIsGuardedInsideTheFusedLoop() {
    String adjoint = method(generated(), "mlpAdjoint");
    int reverse = adjoint.indexOf("// reverse sweep");
    int fused = adjoint.indexOf("while (n < xs.length) {");
    int forwardCounter = adjoint.indexOf("i = 0;", fused);
    int guard = adjoint.indexOf("if (zAdj != 0.0) {");
    assertWithMessage("%s", adjoint).that(adjoint.substring(guard + 18).strip())
        .startsWith("for (int iteration");
    int update = adjoint.indexOf("w1Adj[j][i] += zAdj * xs[n][i];");
    int next = adjoint.indexOf("n = n + 1;");
    assertWithMessage("%s", adjoint).that(reverse).isIn(Range.open(0, fused));
    assertWithMessage("%s", adjoint).that(forwardCounter).isGreaterThan(fused);
    assertWithMessage("%s", adjoint).that(guard).isGreaterThan(forwardCounter);
    assertWithMessage("%s", adjoint).that(update).isGreaterThan(guard);
    assertWithMessage("%s", adjoint).that(next).isGreaterThan(update);
    assertWithMessage("%s", adjoint).that(adjoint).contains("if (z2Adj != 0.0) {");
  }

  /**
   * A counter declared before its loop is stepped down ({@code i = i - 1}) and restored after
   * the reverse loop, from the slot of its component's iteration in an int row
   * ({@code transform.ScratchRows}; a pop before): guarded too.
   */
  @Test
  void aCounterSteppedDownAndRestoredFromItsRow() {
    String adjoint = method(generated(), "counterDeclaredBeforeAdjoint");
    int guard = adjoint.indexOf("if (zAdj != 0.0) {");
    int step = adjoint.indexOf("i = i - 1;");
    int restore = adjoint.indexOf("i = iRows[iteration");
    assertWithMessage("%s", adjoint).that(guard).isGreaterThan(0);
    assertWithMessage("%s", adjoint).that(step).isGreaterThan(guard);
    assertWithMessage("%s", adjoint).that(restore).isGreaterThan(step);
  }

  /** The fuzzer's batched dense ReLU layer ({@code fuzz.DenseReluShapes}) fuses and is guarded. */
  @Test
  void theFuzzersBatchedLayerFusesWithTheGuardInside() {
    String adjoint = method(generated(), "fuzzBatchAdjoint");
    int reverse = adjoint.indexOf("// reverse sweep");
    int fused = adjoint.indexOf("while (zn < 3) {");
    int guard = adjoint.indexOf("if (zzAdj != 0.0) {");
    assertWithMessage("%s", adjoint).that(reverse).isIn(Range.open(0, fused));
    assertWithMessage("%s", adjoint).that(guard).isGreaterThan(fused);
  }

  private static String generated;

  private static synchronized String generated() {
    if (generated == null) {
      Compilation c = adjoint().compile(SOURCE.file);
      assertNoCrash(c);
      JavaFileObject file = c.generatedSourceFile("t.NetGrad").orElseThrow();
      try {
        generated = file.getCharContent(true).toString();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return generated;
  }

}
