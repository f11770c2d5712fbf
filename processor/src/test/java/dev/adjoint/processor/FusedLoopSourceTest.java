package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static dev.adjoint.processor.GeneratedMethods.method;

import org.junit.jupiter.api.Test;

/**
 * Reads the generated adjoint of sums of independent terms (issue 15, cause 1): one loop runs
 * each iteration's forward and reverse back to back, recording nothing on the tape; a near miss
 * keeps its backward loop. The values are checked by {@code dev.adjoint.fusion.FusionTest}.
 */
class FusedLoopSourceTest {
  private static final TestSource SOURCE = TestSource.of("t.Sums", """
      package t;

      import dev.adjoint.Differentiable;

      final class Sums {
        @Differentiable
        static double rosenbrock(double[] x) {
          double f = 0;
          for (int i = 0; i < x.length / 2; i++) {
            double t1 = 10 * (x[2 * i + 1] - x[2 * i] * x[2 * i]);
            double t2 = 1 - x[2 * i];
            f += t1 * t1 + t2 * t2;
          }
          return f;
        }

        @Differentiable
        static double llsq(double[] x, int n) {
          double sum = 0;
          for (int i = 0; i < n; i++) {
            double ti = -1 + i * 2.0 / (n - 1);
            double r = Math.signum(ti);
            double mul = 1;
            for (int j = 0; j < x.length; j++) {
              r -= x[j] * mul;
              mul *= ti;
            }
            sum += r * r;
          }
          return sum / 2;
        }

        @Differentiable
        static double term(double[] c, double t) {
          double r = c[0] + c[1] * t - Math.sin(t);
          return r * r;
        }

        @Differentiable(wrt = "c")
        static double sumOfCalls(double[] c, double[] ts) {
          double s = 0;
          for (int i = 0; i < ts.length; i++) {
            s += term(c, ts[i]);
          }
          return s / ts.length;
        }

        @Differentiable
        static double logOfSum(double[] x) {
          double s = 0;
          for (int i = 0; i < x.length; i++) {
            s += x[i] * x[i];
          }
          return Math.log(s);
        }
      }
      """);

  @Test
  void aSumOfIndependentTermsRunsInOneLoop() {
    String adjoint = method(generated(), "rosenbrockAdjoint");
    assertWithMessage("%s", adjoint).that(count(adjoint, "while (")).isEqualTo(1);
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("for (");
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("tape.");
    // the sum's adjoint is known before the loop, which reads it
    assertWithMessage("%s", adjoint).that(adjoint.indexOf("valueAdj"))
        .isLessThan(adjoint.indexOf("while ("));
  }

  /** The demo's structure: a record whose batch loss sums its per-example loss. */
  private static final TestSource RECORD = TestSource.of("t.Net", """
      package t;

      import dev.adjoint.Differentiable;

      record Net(double[] w, double b) {
        @Differentiable(wrt = "self")
        double batchLoss(double[][] xs, double[] ys) {
          double sum = 0.0;
          for (int k = 0; k < xs.length; k++) {
            sum += exampleLoss(xs[k], ys[k]);
          }
          return sum / xs.length;
        }

        @Differentiable(wrt = "self")
        double exampleLoss(double[] x, double y) {
          double z = b;
          for (int i = 0; i < x.length; i++) {
            z += w[i] * x[i];
          }
          double r = Math.tanh(z) - y;
          return r * r;
        }
      }
      """);

  @Test
  void theRecordBatchLossMakesOneCallPerExample() {
    String adjoint = method(GeneratedMethods.generated(RECORD, "t.NetGrad"), "batchLossAdjoint");
    assertWithMessage("%s", adjoint).that(count(adjoint, "while (")).isEqualTo(1);
    assertWithMessage("%s", adjoint).that(count(adjoint, "exampleLossAdjoint(")).isEqualTo(1);
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("exampleLossPrimal(");
    assertWithMessage("%s", adjoint).that(adjoint).contains("sum = sum + NetGrad.exampleLossAdjoint(");
    // nothing restores the counter: the call is the iteration's whole reverse, but for the
    // scalar component's share
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("iteration - 1");
    assertWithMessage("%s", adjoint).that(adjoint).contains("self$bAdj += callAdjoints[0];");
  }

  @Test
  void theFusedRosenbrockBodyRecomputesNothing() {
    String adjoint = method(generated(), "rosenbrockAdjoint");
    // each temporary computed once, by the forward part; the reverse part uses it
    assertWithMessage("%s", adjoint).that(count(adjoint, "\n      t1 = 10 *")).isEqualTo(1);
    assertWithMessage("%s", adjoint).that(count(adjoint, "\n      t2 = 1 -")).isEqualTo(1);
    // t1 * t1: one contribution, the square's valueAdj * (t1 + t1) (transform/Squares), not
    // two +=
    assertWithMessage("%s", adjoint).that(count(adjoint, "t1Adj +=")).isEqualTo(0);
    assertWithMessage("%s", adjoint).that(count(adjoint, "valueAdj * (t1 + t1)")).isEqualTo(1);
    assertWithMessage("%s", adjoint).that(count(adjoint, "valueAdj * t1")).isEqualTo(0);
  }

  @Test
  void theFusedRosenbrockBodyLeavesItsCounterAlone() {
    String adjoint = method(generated(), "rosenbrockAdjoint");
    // the reverse part runs before the counter update: the counter is neither saved, nor
    // restored from an iteration count, and no trip count is kept
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("Kept");
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("iteration");
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("trips++");
    assertWithMessage("%s", adjoint).that(count(adjoint, "i = i + 1;")).isEqualTo(1);
    assertWithMessage("%s", adjoint).that(adjoint.indexOf("i = i + 1;"))
        .isGreaterThan(adjoint.lastIndexOf("xAdj[2 * i]"));
  }

  @Test
  void theFusedLeastSquaresBodyRecomputesAndRestoresNothing() {
    String adjoint = method(generated(), "llsqAdjoint");
    assertWithMessage("%s", adjoint).that(count(adjoint, "while (")).isEqualTo(2);
    assertWithMessage("%s", adjoint).that(count(adjoint, "Math.signum(")).isEqualTo(1);
    assertWithMessage("%s", adjoint).that(count(adjoint, " = -1 + i * 2.0")).isEqualTo(1);
    // r and mul, declared in the loop, are not saved for the next iteration, which sets them
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("pushDouble(r)");
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("r = tape.popDouble()");
    // the inner loop's powers are still recorded, once each, and read back once each: into
    // the block the inner loop reserves on each fused iteration, read back and released by the
    // same iteration's reverse part (TapeBlocks)
    assertWithMessage("%s", adjoint).that(count(adjoint, "= mul;")).isEqualTo(1);
    assertWithMessage("%s", adjoint).that(adjoint).containsMatch(
        "int (recordAt\\d*) = tape\\.reserveDoubles\\(1, x\\.length\\);\\s+"
        + "double\\[\\] (records\\d*) = tape\\.doubleArray\\(\\);\\s+while \\(j < x\\.length\\) "
        + "\\{\\s+r = r - x\\[j\\] \\* mul;\\s+\\2\\[\\1\\] = mul;");
    assertWithMessage("%s", adjoint).that(adjoint).containsMatch(
        "mul = records\\d*\\[recordAt\\d*\\];");
    assertWithMessage("%s", adjoint).that(count(adjoint, "mul = records")).isEqualTo(1);
    assertWithMessage("%s", adjoint).that(count(adjoint, "tape.releaseDoubles(1, ")).isEqualTo(1);
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("pushDouble");
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("popDouble");
  }

  @Test
  void aSumOfCallsCallsTheAdjointOncePerTerm() {
    String adjoint = method(generated(), "sumOfCallsAdjoint");
    assertWithMessage("%s", adjoint).that(count(adjoint, "while (")).isEqualTo(1);
    assertWithMessage("%s", adjoint).that(count(adjoint, "termAdjoint(")).isEqualTo(1);
    assertWithMessage("%s", adjoint).that(count(adjoint, "term(")).isEqualTo(0);
    // the callee's scalar slot is cleared before the call, which now sits in the forward part
    assertWithMessage("%s", adjoint).that(adjoint.indexOf("Arrays.fill(callAdjoints"))
        .isLessThan(adjoint.indexOf("termAdjoint("));
    assertWithMessage("%s", adjoint).that(adjoint).contains("s = s + SumsGrad.termAdjoint(");
  }

  @Test
  void aNonLinearUseAfterTheLoopKeepsTwoSweeps() {
    String adjoint = method(generated(), "logOfSumAdjoint");
    assertWithMessage("%s", adjoint).that(count(adjoint, "while (")).isEqualTo(1);
    assertWithMessage("%s", adjoint).that(count(adjoint, "for (int iteration")).isEqualTo(1);
  }

  private static String generated() {
    return GeneratedMethods.generated(SOURCE, "t.SumsGrad");
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
      n++;
    }
    return n;
  }
}
