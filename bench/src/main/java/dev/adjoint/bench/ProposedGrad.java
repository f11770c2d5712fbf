package dev.adjoint.bench;

import dev.adjoint.Activations;
import dev.adjoint.Losses;
import dev.adjoint.Tape;

/**
 * NOT generated: copies of the generated {@code WorkloadsGrad.*Adjoint} methods, edited by hand
 * to what the processor would emit with the fixes proposed in RESULTS.md, so the report can show
 * what each fix is worth. Every edit is marked {@code // PROPOSED}. Tested against the generated
 * gradient in GradientAgreementTest.
 */
public final class ProposedGrad {
  private ProposedGrad() {}

  /**
   * {@code WorkloadsGrad.mlpAdjoint} with (1) flow-sensitive to-be-recorded analysis: the
   * accumulator z of {@code z += w1[j][i] * xs[n][i]} is no longer saved and restored on every
   * inner iteration (nothing in the inner loop's reverse reads z; the save before
   * {@code z = b1[j]} already restores the value relu' needs); (2) loop counters updated by
   * {@code i = i + 1} are restored by {@code i = i - 1} instead of a tape push/pop.
   */
  public static double mlpAdjoint(double[][] xs, int[] labels, double[][] w1, double[] b1,
      double[][] w2, double[] b2, double seed, double[] adjoints, double[][] w1Adj, double[] b1Adj,
      double[][] w2Adj, double[] b2Adj, Tape tape) {
    if (tape == null) {
      tape = new Tape();
    }
    int j2 = 0;
    double z2 = 0.0;
    int k = 0;
    int i = 0;
    double z = 0.0;
    int j = 0;
    int n = 0;
    int trips = 0;
    int trips2 = 0;
    int trips3 = 0;
    int trips4 = 0;
    int trips5 = 0;
    double[] hAdj = null;
    double[] logitsAdj = null;
    // forward sweep
    int hidden = b1.length;
    double[] h = new double[hidden];
    hAdj = new double[h.length];
    double[] logits = new double[b2.length];
    logitsAdj = new double[logits.length];
    double loss = 0;
    n = 0;
    trips = 0;
    while (n < xs.length) {
      trips++;
      tape.pushInt(j);
      j = 0;
      trips2 = 0;
      while (j < hidden) {
        trips2++;
        tape.pushDouble(z);
        z = b1[j];
        tape.pushInt(i);
        i = 0;
        trips3 = 0;
        while (i < xs[n].length) {
          trips3++;
          // PROPOSED: no tape.pushDouble(z)
          z = z + w1[j][i] * xs[n][i];
          // PROPOSED: no tape.pushInt(i)
          i = i + 1;
        }
        tape.pushInt(trips3);
        tape.pushDouble(h[j]);
        h[j] = Activations.relu(z);
        // PROPOSED: no tape.pushInt(j)
        j = j + 1;
      }
      tape.pushInt(trips2);
      tape.pushInt(k);
      k = 0;
      trips4 = 0;
      while (k < b2.length) {
        trips4++;
        z2 = b2[k];
        tape.pushInt(j2);
        j2 = 0;
        trips5 = 0;
        while (j2 < hidden) {
          trips5++;
          z2 = z2 + w2[k][j2] * h[j2];
          // PROPOSED: no tape.pushInt(j2)
          j2 = j2 + 1;
        }
        tape.pushInt(trips5);
        tape.pushDouble(logits[k]);
        logits[k] = z2;
        // PROPOSED: no tape.pushInt(k)
        k = k + 1;
      }
      tape.pushInt(trips4);
      loss = loss + Losses.softmaxCrossEntropy(logits, labels[n]);
      // PROPOSED: no tape.pushInt(n)
      n = n + 1;
    }
    double value = loss / xs.length;
    // reverse sweep
    double valueAdj = seed;
    double lossAdj = 0.0;
    double zAdj = 0.0;
    double z2Adj = 0.0;
    int t = xs.length;
    lossAdj += valueAdj / t;
    for (int iteration = trips; iteration > 0; iteration--) {
      n = n - 1; // PROPOSED: was n = tape.popInt()
      Losses.softmaxCrossEntropyPullback(logits, labels[n], lossAdj, logitsAdj);
      trips4 = tape.popInt();
      for (int iteration2 = trips4; iteration2 > 0; iteration2--) {
        k = k - 1; // PROPOSED: was k = tape.popInt()
        double elementAdj2 = logitsAdj[k];
        logitsAdj[k] = 0.0;
        logits[k] = tape.popDouble();
        z2Adj += elementAdj2;
        trips5 = tape.popInt();
        for (int iteration3 = trips5; iteration3 > 0; iteration3--) {
          j2 = j2 - 1; // PROPOSED: was j2 = tape.popInt()
          w2Adj[k][j2] += z2Adj * h[j2];
          hAdj[j2] += z2Adj * w2[k][j2];
        }
        j2 = tape.popInt();
        b2Adj[k] += z2Adj;
        z2Adj = 0.0;
      }
      k = tape.popInt();
      trips2 = tape.popInt();
      for (int iteration4 = trips2; iteration4 > 0; iteration4--) {
        j = j - 1; // PROPOSED: was j = tape.popInt()
        double elementAdj = hAdj[j];
        hAdj[j] = 0.0;
        h[j] = tape.popDouble();
        zAdj += elementAdj * Activations.reluDerivative(z);
        trips3 = tape.popInt();
        for (int iteration5 = trips3; iteration5 > 0; iteration5--) {
          i = i - 1; // PROPOSED: was i = tape.popInt(); and no z = tape.popDouble()
          w1Adj[j][i] += zAdj * xs[n][i];
        }
        i = tape.popInt();
        b1Adj[j] += zAdj;
        zAdj = 0.0;
        z = tape.popDouble();
      }
      j = tape.popInt();
    }
    return value;
  }

  /**
   * {@code WorkloadsGrad.rosenbrockAdjoint} with (2) the counter restored by {@code i = i - 1}
   * and (3) the loop-body temporaries t1, t2, whose operands the loop never modifies, recomputed
   * at the start of each reverse iteration instead of saved and restored: no tape at all.
   */
  public static double rosenbrockAdjoint(double[] x, double seed, double[] adjoints,
      double[] xAdj, Tape tape) {
    // PROPOSED: no tape needed
    double t2 = 0.0;
    double t1 = 0.0;
    int i = 0;
    int trips = 0;
    double f = 0;
    i = 0;
    trips = 0;
    while (i < x.length / 2) {
      trips++;
      t1 = 10 * (x[2 * i + 1] - x[2 * i] * x[2 * i]);
      t2 = 1 - x[2 * i];
      f = f + (t1 * t1 + t2 * t2);
      i = i + 1;
    }
    double value = f;
    double valueAdj = seed;
    double fAdj = 0.0;
    double t1Adj = 0.0;
    double t2Adj = 0.0;
    fAdj += valueAdj;
    for (int iteration = trips; iteration > 0; iteration--) {
      i = i - 1; // PROPOSED: was i = tape.popInt()
      t1 = 10 * (x[2 * i + 1] - x[2 * i] * x[2 * i]); // PROPOSED: recomputed, not restored
      t2 = 1 - x[2 * i]; // PROPOSED: recomputed, not restored
      t1Adj += fAdj * t1;
      t1Adj += fAdj * t1;
      t2Adj += fAdj * t2;
      t2Adj += fAdj * t2;
      xAdj[2 * i] += -t2Adj;
      t2Adj = 0.0;
      double adj = t1Adj * 10;
      xAdj[2 * i + 1] += adj;
      double adj2 = -adj;
      double t = x[2 * i];
      xAdj[2 * i] += adj2 * t;
      double t3 = x[2 * i];
      xAdj[2 * i] += adj2 * t3;
      t1Adj = 0.0;
    }
    return value;
  }

  /**
   * {@code WorkloadsGrad.recurrenceAdjoint} with (4) the value of {@code Math.sin(x)}, which the
   * reverse sweep needs as ∂/∂a, recorded in the forward sweep instead of recomputed: one
   * transcendental call less per step, one push more.
   */
  public static double recurrenceAdjoint(double x0, double a, double b, int steps, double seed,
      double[] adjoints, Tape tape) {
    if (tape == null) {
      tape = new Tape();
    }
    int t = 0;
    int trips = 0;
    double x = x0;
    t = 0;
    trips = 0;
    while (t < steps) {
      trips++;
      tape.pushDouble(x);
      double s = Math.sin(x); // PROPOSED
      tape.pushDouble(s); // PROPOSED
      x = s * a + b;
      t = t + 1;
    }
    double value = x;
    double valueAdj = seed;
    double x0Adj = 0.0;
    double aAdj = 0.0;
    double bAdj = 0.0;
    double xAdj = 0.0;
    xAdj += valueAdj;
    for (int iteration = trips; iteration > 0; iteration--) {
      double xAdj2 = xAdj;
      xAdj = 0.0;
      double t2 = tape.popDouble(); // PROPOSED: was Math.sin(x) after the restore
      x = tape.popDouble();
      xAdj += xAdj2 * (a * Math.cos(x)); // the partials first, as generated (issue 15)
      aAdj += xAdj2 * t2;
      bAdj += xAdj2;
    }
    x0Adj += xAdj;
    adjoints[0] += x0Adj;
    adjoints[1] += aAdj;
    adjoints[2] += bAdj;
    return value;
  }
}
