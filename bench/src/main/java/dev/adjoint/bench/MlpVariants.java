package dev.adjoint.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Issue 15 experiment (MLP15C): copies of the generated {@code WorkloadsGrad.mlpAdjoint} as it
 * was before RowHoists, each changing one thing, timed against {@link HandGradients#mlp} in one
 * JVM with rotated rounds (thread CPU time); "entryNow" is the generated entry point of this
 * build. Run: {@code java -cp bench/target/benchmarks.jar dev.adjoint.bench.MlpVariants
 * [rounds]}. Every variant's gradient is checked bit for bit against "generated".
 *
 * <p>Variants: up = the reverse inner loops count up (the brief's candidate 1); rows = the
 * reverse inner loops read their rows from locals (candidate 2, reverse); softmax = one fused
 * softmax value and pullback sharing the exponentials, no allocation (candidate 3); fwdFor =
 * the forward loops as {@code for} loops with loop-local counters; fwdRows = the forward's
 * {@code while} loops read their rows ({@code xs[n]}, {@code w1[j]}, {@code w2[k]}) from locals
 * set before the loop (what RowHoists now emits); fwdHand = the forward written as the hand
 * does; allFwd = up + rows + softmax + fwdHand.
 *
 * <p>Finding (load average 4 to 8 on 2 shared cores): generated, up, rows, softmax and fwdFor all
 * run at 1.09 to 1.12 of hand; fwdRows, fwdHand and entryNow at 0.98 to 1.03; allFwd at 0.99 to
 * 1.02. Only the forward reduction loops' row loads matter (C2 reloads {@code w1[j]} and
 * {@code xs[n]} in {@code z = z + w1[j][i] * xs[n][i]}); the loop direction of the reverse
 * sweep does not, and sharing the softmax exponentials is worth about 1 %. Some runs show one
 * variant at 1.32 to 1.37 whatever its code (an identical copy of "generated" did so too): a JIT
 * compilation artefact, not a property of the variant; compare medians across two runs.
 */
public final class MlpVariants {
  private MlpVariants() {}

  interface Variant {
    double run();
  }

  static final Inputs.Mlp M = new Inputs.Mlp();
  static final double[][] GW1 = new double[Inputs.MLP_HIDDEN][Inputs.MLP_INPUTS];
  static final double[] GB1 = new double[Inputs.MLP_HIDDEN];
  static final double[][] GW2 = new double[Inputs.MLP_OUTPUTS][Inputs.MLP_HIDDEN];
  static final double[] GB2 = new double[Inputs.MLP_OUTPUTS];
  static final HandGradients.MlpWorkspace WS =
      new HandGradients.MlpWorkspace(Inputs.MLP_HIDDEN, Inputs.MLP_OUTPUTS);

  static void zero() {
    for (double[] row : GW1) {
      Arrays.fill(row, 0.0);
    }
    Arrays.fill(GB1, 0.0);
    for (double[] row : GW2) {
      Arrays.fill(row, 0.0);
    }
    Arrays.fill(GB2, 0.0);
  }

  /** Value and pullback of softmaxCrossEntropy sharing the exponentials (bit-identical). */
  static double softmaxFused(double[] logits, int label, double seed, double[] logitsAdj,
      double[] e) {
    int argmax = 0;
    for (int i = 1; i < logits.length; i++) {
      if (logits[i] > logits[argmax]) {
        argmax = i;
      }
    }
    double max = logits[argmax];
    double rest = 0.0;
    double total = 0.0;
    double others = 0.0;
    for (int i = 0; i < logits.length; i++) {
      double v = Math.exp(logits[i] - max);
      e[i] = v;
      if (i != argmax) {
        rest += v;
      }
    }
    for (int i = 0; i < logits.length; i++) {
      total += e[i];
      if (i != label) {
        others += e[i];
      }
    }
    for (int i = 0; i < logits.length; i++) {
      double g = i == label ? -others / total : e[i] / total;
      logitsAdj[i] += seed * g;
    }
    return (max - logits[label]) + Math.log1p(rest);
  }

  static final double[] NO_ADJ = new double[0];
  static final dev.adjoint.Tape TAPE = new dev.adjoint.Tape();

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    String[] names = {"hand", "generated", "up", "rows", "softmax", "fwdFor", "fwdRows",
        "fwdHand", "allFwd", "entryNow"};
    Variant[] vs = {
        () -> { zero(); return HandGradients.mlp(M.xs, M.labels, M.w1, M.b1, M.w2, M.b2,
            GW1, GB1, GW2, GB2, WS); },
        () -> { zero(); return MlpVariantsForward.generated(M.xs, M.labels, M.w1, M.b1, M.w2, M.b2,
            1.0, GW1, GB1, GW2, GB2); },
        () -> { zero(); return MlpVariantsReverse.up(M.xs, M.labels, M.w1, M.b1, M.w2, M.b2,
            1.0, GW1, GB1, GW2, GB2); },
        () -> { zero(); return MlpVariantsReverse.rows(M.xs, M.labels, M.w1, M.b1, M.w2, M.b2,
            1.0, GW1, GB1, GW2, GB2); },
        () -> { zero(); return MlpVariantsReverse.softmax(M.xs, M.labels, M.w1, M.b1, M.w2, M.b2,
            1.0, GW1, GB1, GW2, GB2); },
        () -> { zero(); return MlpVariantsForward.fwdFor(M.xs, M.labels, M.w1, M.b1, M.w2, M.b2,
            1.0, GW1, GB1, GW2, GB2); },
        () -> { zero(); return MlpVariantsForward.fwdRows(M.xs, M.labels, M.w1, M.b1, M.w2, M.b2,
            1.0, GW1, GB1, GW2, GB2); },
        () -> { zero(); return MlpVariantsForward.fwdHand(M.xs, M.labels, M.w1, M.b1, M.w2, M.b2,
            1.0, GW1, GB1, GW2, GB2); },
        () -> { zero(); return MlpVariantsReverse.allFwd(M.xs, M.labels, M.w1, M.b1, M.w2, M.b2,
            1.0, GW1, GB1, GW2, GB2); },
        () -> { zero(); return WorkloadsGrad.mlpAdjoint(M.xs, M.labels, M.w1, M.b1, M.w2, M.b2,
            1.0, NO_ADJ, GW1, GB1, GW2, GB2, TAPE); }};
    double[] ref = null;
    for (int k = 0; k < vs.length; k++) {
      double v = vs[k].run();
      double[] g = flat();
      String same = ref == null ? "" : (Arrays.equals(ref, g) ? " bits=generated" : " bits DIFFER");
      if (k == 1) {
        ref = g;
      }
      System.out.printf("%-10s value %.17g%s%n", names[k], v, same);
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[][] ns = new double[vs.length][rounds];
    double sink = 0;
    for (int r = -5; r < rounds; r++) {
      for (int j = 0; j < vs.length; j++) {
        int k = (j + Math.max(r, 0)) % vs.length;
        int reps = 0;
        long start = mx.getCurrentThreadCpuTime();
        long end;
        do {
          sink += vs[k].run();
          reps++;
          end = mx.getCurrentThreadCpuTime();
        } while (end - start < 30_000_000L);
        if (r >= 0) {
          ns[k][r] = (double) (end - start) / reps;
        }
      }
    }
    double handMed = median(ns[0]);
    for (int k = 0; k < vs.length; k++) {
      double m = median(ns[k]);
      System.out.printf("%-10s %,12.0f ns/op  x%.3f of hand%n", names[k], m, m / handMed);
    }
    System.out.println("sink " + sink);
  }

  static double[] flat() {
    double[] out = new double[GW1.length * GW1[0].length + GB1.length + GW2.length * GW2[0].length
        + GB2.length];
    int p = 0;
    for (double[] row : GW1) {
      for (double v : row) {
        out[p++] = v;
      }
    }
    for (double v : GB1) {
      out[p++] = v;
    }
    for (double[] row : GW2) {
      for (double v : row) {
        out[p++] = v;
      }
    }
    for (double v : GB2) {
      out[p++] = v;
    }
    return out;
  }

  static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c[c.length / 2];
  }
}
