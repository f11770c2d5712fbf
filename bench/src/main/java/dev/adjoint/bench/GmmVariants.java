package dev.adjoint.bench;

import dev.adjoint.AdjointArrays;
import dev.adjoint.Tape;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Issue 15 experiment (GMM16): variants of the generated {@code PublicWorkloadsGrad.gmmAdjoint},
 * each changing one thing, timed against {@link PublicHandGradients#gmm} in one JVM with rotated
 * rounds (thread CPU time). Run: {@code java -cp bench/target/benchmarks.jar
 * dev.adjoint.bench.GmmVariants [rounds]}.
 *
 * <ul>
 *   <li>generated: the method as emitted before scratch rows (copy): per (point, component) two
 *       whole-array pushes of {@code xc}, {@code lxc} and one int push of {@code l}.
 *   <li>rows: {@code xc} and {@code lxc} expanded into one row per component (allocated once
 *       per call), no array push or pop.
 *   <li>noIntPush: generated without the push of {@code l} (restored arithmetically).
 *   <li>rowsNoInt: both.
 *   <li>emitted: {@code PublicWorkloadsGrad.gmmAdjoint} as the processor now emits it
 *       ({@code transform.ScratchRows}: rows for {@code xc}, {@code lxc}, an int row for
 *       {@code l}), bit for bit the gradient of generated.
 * </ul>
 *
 * <p>Finding (2026-11-29, 40 rounds, three runs on a loaded machine, load average 4.4 to 5):
 * x hand for generated 1.13, 1.11, 1.10; rows 1.10, 1.06, 1.07; noIntPush 1.12, 1.11, 1.10;
 * rowsNoInt 1.03, 1.01, 1.02; emitted 0.99, 0.98, 1.03. The array copies and the int push
 * each cost about half of the gap; only both together close it. Every variant's value and
 * gradient are bit for bit those of generated.
 */
public final class GmmVariants {
  private GmmVariants() {}

  interface Variant {
    double run(Inputs.Gmm q, double[] ga, double[][] gm, double[][] gq);
  }

  static final Tape TAPE = new Tape();
  static final double[] NONE = new double[0];

  /** The generated method as emitted (copy). */
  static double generated(double[] alphas, double[][] means, double[][] icf, double[][] x,
      double gamma, int m, double seed, double[] adjoints, double[] alphasAdj, double[][] meansAdj,
      double[][] icfAdj, Tape tape) {
    if (tape == null) {
      tape = new Tape();
    }
    int i7 = 0;
    int i6 = 0;
    double frobenius = 0.0;
    int c3 = 0;
    int i5 = 0;
    double sq = 0.0;
    int j = 0;
    int i4 = 0;
    int l = 0;
    int i3 = 0;
    int i2 = 0;
    int c2 = 0;
    int p = 0;
    int i = 0;
    double s = 0.0;
    int c = 0;
    int trips = 0;
    int trips2 = 0;
    int trips3 = 0;
    int trips4 = 0;
    int trips5 = 0;
    int trips6 = 0;
    int trips7 = 0;
    int trips8 = 0;
    int trips9 = 0;
    int trips10 = 0;
    int trips11 = 0;
    int trips12 = 0;
    double[] sumQsAdj = null;
    double[][] qdiagsAdj = null;
    double[] xcAdj = null;
    double[] lxcAdj = null;
    double[] mainTermAdj = null;
    // forward sweep
    int k = alphas.length;
    int d = means[0].length;
    int n = x.length;
    int icfSize = d * (d + 1) / 2;
    double[] sumQs = new double[k];
    sumQsAdj = new double[sumQs.length];
    double[][] qdiags = new double[k][d];
    qdiagsAdj = AdjointArrays.zerosLike(qdiags);
    double[] xc = new double[d];
    xcAdj = new double[xc.length];
    double[] lxc = new double[d];
    lxcAdj = new double[lxc.length];
    double[] mainTerm = new double[k];
    mainTermAdj = new double[mainTerm.length];
    c = 0;
    while (c < k) {
      s = 0;
      i = 0;
      while (i < d) {
        s = s + icf[c][i];
        qdiags[c][i] = Math.exp(icf[c][i]);
        i = i + 1;
      }
      sumQs[c] = s;
      c = c + 1;
    }
    double slse = 0;
    p = 0;
    // reverse sweep
    double valueAdj = seed;
    double sAdj = 0.0;
    double sqAdj = 0.0;
    double frobeniusAdj = 0.0;
    // return constant + slse - n * lseAlphas + prior
    double lseAlphasAdj = -(valueAdj * n);
    trips10 = k > 0 ? k : 0;
    for (int iteration = trips10; iteration > 0; iteration--) {
      c3 = iteration - 1;
      // prior += 0.5 * gamma * gamma * frobenius - m * sumQs[c]
      frobeniusAdj = valueAdj * (0.5 * gamma * gamma);
      sumQsAdj[c3] = sumQsAdj[c3] - valueAdj * m;
      trips12 = icfSize > d ? icfSize - d : 0;
      for (int iteration2 = trips12; iteration2 > 0; iteration2--) {
        i7 = d + (iteration2 - 1);
        // frobenius += icf[c][i] * icf[c][i]
        double icfci = icf[c3][i7];
        double elementSum = icfAdj[c3][i7] + frobeniusAdj * icfci;
        icfAdj[c3][i7] = elementSum + frobeniusAdj * icfci;
      }
      trips11 = d > 0 ? d : 0;
      for (int iteration3 = trips11; iteration3 > 0; iteration3--) {
        i6 = iteration3 - 1;
        // frobenius += qdiags[c][i] * qdiags[c][i]
        double qdiagsci = qdiags[c3][i6];
        double elementSum2 = qdiagsAdj[c3][i6] + frobeniusAdj * qdiagsci;
        qdiagsAdj[c3][i6] = elementSum2 + frobeniusAdj * qdiagsci;
      }
      // double frobenius = 0
      frobeniusAdj = 0.0;
    }
    // double lseAlphas = logSumExp(alphas)
    PublicWorkloadsGrad.logSumExpAdjoint(alphas, lseAlphasAdj, AdjointArrays.NO_SCALARS, alphasAdj, tape);
    while (p < n) {
      c2 = 0;
      while (c2 < k) {
        i2 = 0;
        AdjointArrays.push(tape, xc);
        while (i2 < d) {
          xc[i2] = x[p][i2] - means[c2][i2];
          i2 = i2 + 1;
        }
        i3 = 0;
        AdjointArrays.push(tape, lxc);
        while (i3 < d) {
          lxc[i3] = qdiags[c2][i3] * xc[i3];
          i3 = i3 + 1;
        }
        tape.pushInt(l);
        l = d;
        i4 = 0;
        while (i4 < d) {
          j = i4 + 1;
          while (j < d) {
            lxc[j] = lxc[j] + icf[c2][l] * xc[i4];
            l = l + 1;
            j = j + 1;
          }
          i4 = i4 + 1;
        }
        sq = 0;
        i5 = 0;
        while (i5 < d) {
          double lxci = lxc[i5];
          sq = sq + lxci * lxci;
          i5 = i5 + 1;
        }
        mainTerm[c2] = alphas[c2] + sumQs[c2] - 0.5 * sq;
        c2 = c2 + 1;
      }
      slse = slse + PublicWorkloadsGrad.logSumExpAdjoint(mainTerm, valueAdj, AdjointArrays.NO_SCALARS, mainTermAdj, tape);
      p = p + 1;
      trips4 = k > 0 ? k : 0;
      for (int iteration5 = trips4; iteration5 > 0; iteration5--) {
        c2 = iteration5 - 1;
        // mainTerm[c] = alphas[c] + sumQs[c] - 0.5 * sq
        double elementAdj5 = mainTermAdj[c2];
        mainTermAdj[c2] = 0.0;
        alphasAdj[c2] += elementAdj5;
        sumQsAdj[c2] += elementAdj5;
        sqAdj = -(elementAdj5 * 0.5);
        trips9 = d > 0 ? d : 0;
        for (int iteration6 = trips9; iteration6 > 0; iteration6--) {
          i5 = iteration6 - 1;
          // sq += lxc[i] * lxc[i]
          double lxci2 = lxc[i5];
          double elementSum3 = lxcAdj[i5] + sqAdj * lxci2;
          lxcAdj[i5] = elementSum3 + sqAdj * lxci2;
        }
        // double sq = 0
        sqAdj = 0.0;
        trips7 = d > 0 ? d : 0;
        for (int iteration7 = trips7; iteration7 > 0; iteration7--) {
          i4 = iteration7 - 1;
          trips8 = d > i4 + 1 ? d - (i4 + 1) : 0;
          for (int iteration8 = trips8; iteration8 > 0; iteration8--) {
            j = i4 + 1 + (iteration8 - 1);
            l = l - 1;
            // lxc[j] += q[l] * xc[i]
            icfAdj[c2][l] += lxcAdj[j] * xc[i4];
            xcAdj[i4] += lxcAdj[j] * icf[c2][l];
          }
        }
        l = tape.popInt();
        trips6 = d > 0 ? d : 0;
        for (int iteration9 = trips6; iteration9 > 0; iteration9--) {
          i3 = iteration9 - 1;
          // lxc[i] = qdiag[i] * xc[i]
          double elementAdj4 = lxcAdj[i3];
          lxcAdj[i3] = 0.0;
          qdiagsAdj[c2][i3] += elementAdj4 * xc[i3];
          xcAdj[i3] += elementAdj4 * qdiags[c2][i3];
        }
        AdjointArrays.pop(tape, lxc);
        trips5 = d > 0 ? d : 0;
        for (int iteration10 = trips5; iteration10 > 0; iteration10--) {
          i2 = iteration10 - 1;
          // xc[i] = x[p][i] - mu[i]
          double elementAdj3 = xcAdj[i2];
          xcAdj[i2] = 0.0;
          meansAdj[c2][i2] = meansAdj[c2][i2] - elementAdj3;
        }
        AdjointArrays.pop(tape, xc);
      }
    }
    double lseAlphas = PublicWorkloads.logSumExp(alphas);
    double constant = -n * d * 0.5 * Math.log(2 * Math.PI);
    int nu = d + m + 1;
    double priorConstant = nu * d * (Math.log(gamma) - 0.5 * Math.log(2)) - PublicWorkloads.logMultivariateGamma(0.5 * nu, d);
    double prior = 0;
    c3 = 0;
    while (c3 < k) {
      frobenius = 0;
      i6 = 0;
      while (i6 < d) {
        double qdiagsci2 = qdiags[c3][i6];
        frobenius = frobenius + qdiagsci2 * qdiagsci2;
        i6 = i6 + 1;
      }
      i7 = d;
      while (i7 < icfSize) {
        double icfci2 = icf[c3][i7];
        frobenius = frobenius + icfci2 * icfci2;
        i7 = i7 + 1;
      }
      prior = prior + (0.5 * gamma * gamma * frobenius - m * sumQs[c3]);
      c3 = c3 + 1;
    }
    prior = prior - k * priorConstant;
    double value = constant + slse - n * lseAlphas + prior;
    trips = k > 0 ? k : 0;
    for (int iteration11 = trips; iteration11 > 0; iteration11--) {
      c = iteration11 - 1;
      // sumQs[c] = s
      double elementAdj2 = sumQsAdj[c];
      sumQsAdj[c] = 0.0;
      sAdj = elementAdj2;
      trips2 = d > 0 ? d : 0;
      for (int iteration12 = trips2; iteration12 > 0; iteration12--) {
        i = iteration12 - 1;
        // qdiags[c][i] = Math.exp(icf[c][i])
        double elementAdj = qdiagsAdj[c][i];
        qdiagsAdj[c][i] = 0.0;
        double elementSum4 = icfAdj[c][i] + elementAdj * Math.exp(icf[c][i]);
        // s += icf[c][i]
        icfAdj[c][i] = elementSum4 + sAdj;
      }
      // double s = 0
      sAdj = 0.0;
    }
    return value;
  }


  static double rows(double[] alphas, double[][] means, double[][] icf, double[][] x,
      double gamma, int m, double seed, double[] adjoints, double[] alphasAdj, double[][] meansAdj,
      double[][] icfAdj, Tape tape) {
    if (tape == null) {
      tape = new Tape();
    }
    int i7 = 0;
    int i6 = 0;
    double frobenius = 0.0;
    int c3 = 0;
    int i5 = 0;
    double sq = 0.0;
    int j = 0;
    int i4 = 0;
    int l = 0;
    int i3 = 0;
    int i2 = 0;
    int c2 = 0;
    int p = 0;
    int i = 0;
    double s = 0.0;
    int c = 0;
    int trips = 0;
    int trips2 = 0;
    int trips3 = 0;
    int trips4 = 0;
    int trips5 = 0;
    int trips6 = 0;
    int trips7 = 0;
    int trips8 = 0;
    int trips9 = 0;
    int trips10 = 0;
    int trips11 = 0;
    int trips12 = 0;
    double[] sumQsAdj = null;
    double[][] qdiagsAdj = null;
    double[] xcAdj = null;
    double[] lxcAdj = null;
    double[] mainTermAdj = null;
    // forward sweep
    int k = alphas.length;
    int d = means[0].length;
    int n = x.length;
    int icfSize = d * (d + 1) / 2;
    double[] sumQs = new double[k];
    sumQsAdj = new double[sumQs.length];
    double[][] qdiags = new double[k][d];
    qdiagsAdj = AdjointArrays.zerosLike(qdiags);
    double[][] xcRows = new double[k][d];
    xcAdj = new double[d];
    double[][] lxcRows = new double[k][d];
    lxcAdj = new double[d];
    double[] mainTerm = new double[k];
    mainTermAdj = new double[mainTerm.length];
    c = 0;
    while (c < k) {
      s = 0;
      i = 0;
      while (i < d) {
        s = s + icf[c][i];
        qdiags[c][i] = Math.exp(icf[c][i]);
        i = i + 1;
      }
      sumQs[c] = s;
      c = c + 1;
    }
    double slse = 0;
    p = 0;
    // reverse sweep
    double valueAdj = seed;
    double sAdj = 0.0;
    double sqAdj = 0.0;
    double frobeniusAdj = 0.0;
    // return constant + slse - n * lseAlphas + prior
    double lseAlphasAdj = -(valueAdj * n);
    trips10 = k > 0 ? k : 0;
    for (int iteration = trips10; iteration > 0; iteration--) {
      c3 = iteration - 1;
      // prior += 0.5 * gamma * gamma * frobenius - m * sumQs[c]
      frobeniusAdj = valueAdj * (0.5 * gamma * gamma);
      sumQsAdj[c3] = sumQsAdj[c3] - valueAdj * m;
      trips12 = icfSize > d ? icfSize - d : 0;
      for (int iteration2 = trips12; iteration2 > 0; iteration2--) {
        i7 = d + (iteration2 - 1);
        // frobenius += icf[c][i] * icf[c][i]
        double icfci = icf[c3][i7];
        double elementSum = icfAdj[c3][i7] + frobeniusAdj * icfci;
        icfAdj[c3][i7] = elementSum + frobeniusAdj * icfci;
      }
      trips11 = d > 0 ? d : 0;
      for (int iteration3 = trips11; iteration3 > 0; iteration3--) {
        i6 = iteration3 - 1;
        // frobenius += qdiags[c][i] * qdiags[c][i]
        double qdiagsci = qdiags[c3][i6];
        double elementSum2 = qdiagsAdj[c3][i6] + frobeniusAdj * qdiagsci;
        qdiagsAdj[c3][i6] = elementSum2 + frobeniusAdj * qdiagsci;
      }
      // double frobenius = 0
      frobeniusAdj = 0.0;
    }
    // double lseAlphas = logSumExp(alphas)
    PublicWorkloadsGrad.logSumExpAdjoint(alphas, lseAlphasAdj, AdjointArrays.NO_SCALARS, alphasAdj, tape);
    while (p < n) {
      c2 = 0;
      while (c2 < k) {
        double[] xc = xcRows[c2];
        double[] lxc = lxcRows[c2];
        i2 = 0;
        while (i2 < d) {
          xc[i2] = x[p][i2] - means[c2][i2];
          i2 = i2 + 1;
        }
        i3 = 0;
        while (i3 < d) {
          lxc[i3] = qdiags[c2][i3] * xc[i3];
          i3 = i3 + 1;
        }
        tape.pushInt(l);
        l = d;
        i4 = 0;
        while (i4 < d) {
          j = i4 + 1;
          while (j < d) {
            lxc[j] = lxc[j] + icf[c2][l] * xc[i4];
            l = l + 1;
            j = j + 1;
          }
          i4 = i4 + 1;
        }
        sq = 0;
        i5 = 0;
        while (i5 < d) {
          double lxci = lxc[i5];
          sq = sq + lxci * lxci;
          i5 = i5 + 1;
        }
        mainTerm[c2] = alphas[c2] + sumQs[c2] - 0.5 * sq;
        c2 = c2 + 1;
      }
      slse = slse + PublicWorkloadsGrad.logSumExpAdjoint(mainTerm, valueAdj, AdjointArrays.NO_SCALARS, mainTermAdj, tape);
      p = p + 1;
      trips4 = k > 0 ? k : 0;
      for (int iteration5 = trips4; iteration5 > 0; iteration5--) {
        c2 = iteration5 - 1;
        double[] xc = xcRows[c2];
        double[] lxc = lxcRows[c2];
        // mainTerm[c] = alphas[c] + sumQs[c] - 0.5 * sq
        double elementAdj5 = mainTermAdj[c2];
        mainTermAdj[c2] = 0.0;
        alphasAdj[c2] += elementAdj5;
        sumQsAdj[c2] += elementAdj5;
        sqAdj = -(elementAdj5 * 0.5);
        trips9 = d > 0 ? d : 0;
        for (int iteration6 = trips9; iteration6 > 0; iteration6--) {
          i5 = iteration6 - 1;
          // sq += lxc[i] * lxc[i]
          double lxci2 = lxc[i5];
          double elementSum3 = lxcAdj[i5] + sqAdj * lxci2;
          lxcAdj[i5] = elementSum3 + sqAdj * lxci2;
        }
        // double sq = 0
        sqAdj = 0.0;
        trips7 = d > 0 ? d : 0;
        for (int iteration7 = trips7; iteration7 > 0; iteration7--) {
          i4 = iteration7 - 1;
          trips8 = d > i4 + 1 ? d - (i4 + 1) : 0;
          for (int iteration8 = trips8; iteration8 > 0; iteration8--) {
            j = i4 + 1 + (iteration8 - 1);
            l = l - 1;
            // lxc[j] += q[l] * xc[i]
            icfAdj[c2][l] += lxcAdj[j] * xc[i4];
            xcAdj[i4] += lxcAdj[j] * icf[c2][l];
          }
        }
        l = tape.popInt();
        trips6 = d > 0 ? d : 0;
        for (int iteration9 = trips6; iteration9 > 0; iteration9--) {
          i3 = iteration9 - 1;
          // lxc[i] = qdiag[i] * xc[i]
          double elementAdj4 = lxcAdj[i3];
          lxcAdj[i3] = 0.0;
          qdiagsAdj[c2][i3] += elementAdj4 * xc[i3];
          xcAdj[i3] += elementAdj4 * qdiags[c2][i3];
        }
        trips5 = d > 0 ? d : 0;
        for (int iteration10 = trips5; iteration10 > 0; iteration10--) {
          i2 = iteration10 - 1;
          // xc[i] = x[p][i] - mu[i]
          double elementAdj3 = xcAdj[i2];
          xcAdj[i2] = 0.0;
          meansAdj[c2][i2] = meansAdj[c2][i2] - elementAdj3;
        }
      }
    }
    double lseAlphas = PublicWorkloads.logSumExp(alphas);
    double constant = -n * d * 0.5 * Math.log(2 * Math.PI);
    int nu = d + m + 1;
    double priorConstant = nu * d * (Math.log(gamma) - 0.5 * Math.log(2)) - PublicWorkloads.logMultivariateGamma(0.5 * nu, d);
    double prior = 0;
    c3 = 0;
    while (c3 < k) {
      frobenius = 0;
      i6 = 0;
      while (i6 < d) {
        double qdiagsci2 = qdiags[c3][i6];
        frobenius = frobenius + qdiagsci2 * qdiagsci2;
        i6 = i6 + 1;
      }
      i7 = d;
      while (i7 < icfSize) {
        double icfci2 = icf[c3][i7];
        frobenius = frobenius + icfci2 * icfci2;
        i7 = i7 + 1;
      }
      prior = prior + (0.5 * gamma * gamma * frobenius - m * sumQs[c3]);
      c3 = c3 + 1;
    }
    prior = prior - k * priorConstant;
    double value = constant + slse - n * lseAlphas + prior;
    trips = k > 0 ? k : 0;
    for (int iteration11 = trips; iteration11 > 0; iteration11--) {
      c = iteration11 - 1;
      // sumQs[c] = s
      double elementAdj2 = sumQsAdj[c];
      sumQsAdj[c] = 0.0;
      sAdj = elementAdj2;
      trips2 = d > 0 ? d : 0;
      for (int iteration12 = trips2; iteration12 > 0; iteration12--) {
        i = iteration12 - 1;
        // qdiags[c][i] = Math.exp(icf[c][i])
        double elementAdj = qdiagsAdj[c][i];
        qdiagsAdj[c][i] = 0.0;
        double elementSum4 = icfAdj[c][i] + elementAdj * Math.exp(icf[c][i]);
        // s += icf[c][i]
        icfAdj[c][i] = elementSum4 + sAdj;
      }
      // double s = 0
      sAdj = 0.0;
    }
    return value;
  }


  static double noIntPush(double[] alphas, double[][] means, double[][] icf, double[][] x,
      double gamma, int m, double seed, double[] adjoints, double[] alphasAdj, double[][] meansAdj,
      double[][] icfAdj, Tape tape) {
    if (tape == null) {
      tape = new Tape();
    }
    int i7 = 0;
    int i6 = 0;
    double frobenius = 0.0;
    int c3 = 0;
    int i5 = 0;
    double sq = 0.0;
    int j = 0;
    int i4 = 0;
    int l = 0;
    int i3 = 0;
    int i2 = 0;
    int c2 = 0;
    int p = 0;
    int i = 0;
    double s = 0.0;
    int c = 0;
    int trips = 0;
    int trips2 = 0;
    int trips3 = 0;
    int trips4 = 0;
    int trips5 = 0;
    int trips6 = 0;
    int trips7 = 0;
    int trips8 = 0;
    int trips9 = 0;
    int trips10 = 0;
    int trips11 = 0;
    int trips12 = 0;
    double[] sumQsAdj = null;
    double[][] qdiagsAdj = null;
    double[] xcAdj = null;
    double[] lxcAdj = null;
    double[] mainTermAdj = null;
    // forward sweep
    int k = alphas.length;
    int d = means[0].length;
    int n = x.length;
    int icfSize = d * (d + 1) / 2;
    double[] sumQs = new double[k];
    sumQsAdj = new double[sumQs.length];
    double[][] qdiags = new double[k][d];
    qdiagsAdj = AdjointArrays.zerosLike(qdiags);
    double[] xc = new double[d];
    xcAdj = new double[xc.length];
    double[] lxc = new double[d];
    lxcAdj = new double[lxc.length];
    double[] mainTerm = new double[k];
    mainTermAdj = new double[mainTerm.length];
    c = 0;
    while (c < k) {
      s = 0;
      i = 0;
      while (i < d) {
        s = s + icf[c][i];
        qdiags[c][i] = Math.exp(icf[c][i]);
        i = i + 1;
      }
      sumQs[c] = s;
      c = c + 1;
    }
    double slse = 0;
    p = 0;
    // reverse sweep
    double valueAdj = seed;
    double sAdj = 0.0;
    double sqAdj = 0.0;
    double frobeniusAdj = 0.0;
    // return constant + slse - n * lseAlphas + prior
    double lseAlphasAdj = -(valueAdj * n);
    trips10 = k > 0 ? k : 0;
    for (int iteration = trips10; iteration > 0; iteration--) {
      c3 = iteration - 1;
      // prior += 0.5 * gamma * gamma * frobenius - m * sumQs[c]
      frobeniusAdj = valueAdj * (0.5 * gamma * gamma);
      sumQsAdj[c3] = sumQsAdj[c3] - valueAdj * m;
      trips12 = icfSize > d ? icfSize - d : 0;
      for (int iteration2 = trips12; iteration2 > 0; iteration2--) {
        i7 = d + (iteration2 - 1);
        // frobenius += icf[c][i] * icf[c][i]
        double icfci = icf[c3][i7];
        double elementSum = icfAdj[c3][i7] + frobeniusAdj * icfci;
        icfAdj[c3][i7] = elementSum + frobeniusAdj * icfci;
      }
      trips11 = d > 0 ? d : 0;
      for (int iteration3 = trips11; iteration3 > 0; iteration3--) {
        i6 = iteration3 - 1;
        // frobenius += qdiags[c][i] * qdiags[c][i]
        double qdiagsci = qdiags[c3][i6];
        double elementSum2 = qdiagsAdj[c3][i6] + frobeniusAdj * qdiagsci;
        qdiagsAdj[c3][i6] = elementSum2 + frobeniusAdj * qdiagsci;
      }
      // double frobenius = 0
      frobeniusAdj = 0.0;
    }
    // double lseAlphas = logSumExp(alphas)
    PublicWorkloadsGrad.logSumExpAdjoint(alphas, lseAlphasAdj, AdjointArrays.NO_SCALARS, alphasAdj, tape);
    while (p < n) {
      c2 = 0;
      while (c2 < k) {
        i2 = 0;
        AdjointArrays.push(tape, xc);
        while (i2 < d) {
          xc[i2] = x[p][i2] - means[c2][i2];
          i2 = i2 + 1;
        }
        i3 = 0;
        AdjointArrays.push(tape, lxc);
        while (i3 < d) {
          lxc[i3] = qdiags[c2][i3] * xc[i3];
          i3 = i3 + 1;
        }
        l = d;
        i4 = 0;
        while (i4 < d) {
          j = i4 + 1;
          while (j < d) {
            lxc[j] = lxc[j] + icf[c2][l] * xc[i4];
            l = l + 1;
            j = j + 1;
          }
          i4 = i4 + 1;
        }
        sq = 0;
        i5 = 0;
        while (i5 < d) {
          double lxci = lxc[i5];
          sq = sq + lxci * lxci;
          i5 = i5 + 1;
        }
        mainTerm[c2] = alphas[c2] + sumQs[c2] - 0.5 * sq;
        c2 = c2 + 1;
      }
      slse = slse + PublicWorkloadsGrad.logSumExpAdjoint(mainTerm, valueAdj, AdjointArrays.NO_SCALARS, mainTermAdj, tape);
      p = p + 1;
      trips4 = k > 0 ? k : 0;
      for (int iteration5 = trips4; iteration5 > 0; iteration5--) {
        c2 = iteration5 - 1;
        // mainTerm[c] = alphas[c] + sumQs[c] - 0.5 * sq
        double elementAdj5 = mainTermAdj[c2];
        mainTermAdj[c2] = 0.0;
        alphasAdj[c2] += elementAdj5;
        sumQsAdj[c2] += elementAdj5;
        sqAdj = -(elementAdj5 * 0.5);
        trips9 = d > 0 ? d : 0;
        for (int iteration6 = trips9; iteration6 > 0; iteration6--) {
          i5 = iteration6 - 1;
          // sq += lxc[i] * lxc[i]
          double lxci2 = lxc[i5];
          double elementSum3 = lxcAdj[i5] + sqAdj * lxci2;
          lxcAdj[i5] = elementSum3 + sqAdj * lxci2;
        }
        // double sq = 0
        sqAdj = 0.0;
        trips7 = d > 0 ? d : 0;
        for (int iteration7 = trips7; iteration7 > 0; iteration7--) {
          i4 = iteration7 - 1;
          trips8 = d > i4 + 1 ? d - (i4 + 1) : 0;
          for (int iteration8 = trips8; iteration8 > 0; iteration8--) {
            j = i4 + 1 + (iteration8 - 1);
            l = l - 1;
            // lxc[j] += q[l] * xc[i]
            icfAdj[c2][l] += lxcAdj[j] * xc[i4];
            xcAdj[i4] += lxcAdj[j] * icf[c2][l];
          }
        }
        l = d + d * (d - 1) / 2;
        trips6 = d > 0 ? d : 0;
        for (int iteration9 = trips6; iteration9 > 0; iteration9--) {
          i3 = iteration9 - 1;
          // lxc[i] = qdiag[i] * xc[i]
          double elementAdj4 = lxcAdj[i3];
          lxcAdj[i3] = 0.0;
          qdiagsAdj[c2][i3] += elementAdj4 * xc[i3];
          xcAdj[i3] += elementAdj4 * qdiags[c2][i3];
        }
        AdjointArrays.pop(tape, lxc);
        trips5 = d > 0 ? d : 0;
        for (int iteration10 = trips5; iteration10 > 0; iteration10--) {
          i2 = iteration10 - 1;
          // xc[i] = x[p][i] - mu[i]
          double elementAdj3 = xcAdj[i2];
          xcAdj[i2] = 0.0;
          meansAdj[c2][i2] = meansAdj[c2][i2] - elementAdj3;
        }
        AdjointArrays.pop(tape, xc);
      }
    }
    double lseAlphas = PublicWorkloads.logSumExp(alphas);
    double constant = -n * d * 0.5 * Math.log(2 * Math.PI);
    int nu = d + m + 1;
    double priorConstant = nu * d * (Math.log(gamma) - 0.5 * Math.log(2)) - PublicWorkloads.logMultivariateGamma(0.5 * nu, d);
    double prior = 0;
    c3 = 0;
    while (c3 < k) {
      frobenius = 0;
      i6 = 0;
      while (i6 < d) {
        double qdiagsci2 = qdiags[c3][i6];
        frobenius = frobenius + qdiagsci2 * qdiagsci2;
        i6 = i6 + 1;
      }
      i7 = d;
      while (i7 < icfSize) {
        double icfci2 = icf[c3][i7];
        frobenius = frobenius + icfci2 * icfci2;
        i7 = i7 + 1;
      }
      prior = prior + (0.5 * gamma * gamma * frobenius - m * sumQs[c3]);
      c3 = c3 + 1;
    }
    prior = prior - k * priorConstant;
    double value = constant + slse - n * lseAlphas + prior;
    trips = k > 0 ? k : 0;
    for (int iteration11 = trips; iteration11 > 0; iteration11--) {
      c = iteration11 - 1;
      // sumQs[c] = s
      double elementAdj2 = sumQsAdj[c];
      sumQsAdj[c] = 0.0;
      sAdj = elementAdj2;
      trips2 = d > 0 ? d : 0;
      for (int iteration12 = trips2; iteration12 > 0; iteration12--) {
        i = iteration12 - 1;
        // qdiags[c][i] = Math.exp(icf[c][i])
        double elementAdj = qdiagsAdj[c][i];
        qdiagsAdj[c][i] = 0.0;
        double elementSum4 = icfAdj[c][i] + elementAdj * Math.exp(icf[c][i]);
        // s += icf[c][i]
        icfAdj[c][i] = elementSum4 + sAdj;
      }
      // double s = 0
      sAdj = 0.0;
    }
    return value;
  }


  static double rowsNoInt(double[] alphas, double[][] means, double[][] icf, double[][] x,
      double gamma, int m, double seed, double[] adjoints, double[] alphasAdj, double[][] meansAdj,
      double[][] icfAdj, Tape tape) {
    if (tape == null) {
      tape = new Tape();
    }
    int i7 = 0;
    int i6 = 0;
    double frobenius = 0.0;
    int c3 = 0;
    int i5 = 0;
    double sq = 0.0;
    int j = 0;
    int i4 = 0;
    int l = 0;
    int i3 = 0;
    int i2 = 0;
    int c2 = 0;
    int p = 0;
    int i = 0;
    double s = 0.0;
    int c = 0;
    int trips = 0;
    int trips2 = 0;
    int trips3 = 0;
    int trips4 = 0;
    int trips5 = 0;
    int trips6 = 0;
    int trips7 = 0;
    int trips8 = 0;
    int trips9 = 0;
    int trips10 = 0;
    int trips11 = 0;
    int trips12 = 0;
    double[] sumQsAdj = null;
    double[][] qdiagsAdj = null;
    double[] xcAdj = null;
    double[] lxcAdj = null;
    double[] mainTermAdj = null;
    // forward sweep
    int k = alphas.length;
    int d = means[0].length;
    int n = x.length;
    int icfSize = d * (d + 1) / 2;
    double[] sumQs = new double[k];
    sumQsAdj = new double[sumQs.length];
    double[][] qdiags = new double[k][d];
    qdiagsAdj = AdjointArrays.zerosLike(qdiags);
    double[][] xcRows = new double[k][d];
    xcAdj = new double[d];
    double[][] lxcRows = new double[k][d];
    lxcAdj = new double[d];
    double[] mainTerm = new double[k];
    mainTermAdj = new double[mainTerm.length];
    c = 0;
    while (c < k) {
      s = 0;
      i = 0;
      while (i < d) {
        s = s + icf[c][i];
        qdiags[c][i] = Math.exp(icf[c][i]);
        i = i + 1;
      }
      sumQs[c] = s;
      c = c + 1;
    }
    double slse = 0;
    p = 0;
    // reverse sweep
    double valueAdj = seed;
    double sAdj = 0.0;
    double sqAdj = 0.0;
    double frobeniusAdj = 0.0;
    // return constant + slse - n * lseAlphas + prior
    double lseAlphasAdj = -(valueAdj * n);
    trips10 = k > 0 ? k : 0;
    for (int iteration = trips10; iteration > 0; iteration--) {
      c3 = iteration - 1;
      // prior += 0.5 * gamma * gamma * frobenius - m * sumQs[c]
      frobeniusAdj = valueAdj * (0.5 * gamma * gamma);
      sumQsAdj[c3] = sumQsAdj[c3] - valueAdj * m;
      trips12 = icfSize > d ? icfSize - d : 0;
      for (int iteration2 = trips12; iteration2 > 0; iteration2--) {
        i7 = d + (iteration2 - 1);
        // frobenius += icf[c][i] * icf[c][i]
        double icfci = icf[c3][i7];
        double elementSum = icfAdj[c3][i7] + frobeniusAdj * icfci;
        icfAdj[c3][i7] = elementSum + frobeniusAdj * icfci;
      }
      trips11 = d > 0 ? d : 0;
      for (int iteration3 = trips11; iteration3 > 0; iteration3--) {
        i6 = iteration3 - 1;
        // frobenius += qdiags[c][i] * qdiags[c][i]
        double qdiagsci = qdiags[c3][i6];
        double elementSum2 = qdiagsAdj[c3][i6] + frobeniusAdj * qdiagsci;
        qdiagsAdj[c3][i6] = elementSum2 + frobeniusAdj * qdiagsci;
      }
      // double frobenius = 0
      frobeniusAdj = 0.0;
    }
    // double lseAlphas = logSumExp(alphas)
    PublicWorkloadsGrad.logSumExpAdjoint(alphas, lseAlphasAdj, AdjointArrays.NO_SCALARS, alphasAdj, tape);
    while (p < n) {
      c2 = 0;
      while (c2 < k) {
        double[] xc = xcRows[c2];
        double[] lxc = lxcRows[c2];
        i2 = 0;
        while (i2 < d) {
          xc[i2] = x[p][i2] - means[c2][i2];
          i2 = i2 + 1;
        }
        i3 = 0;
        while (i3 < d) {
          lxc[i3] = qdiags[c2][i3] * xc[i3];
          i3 = i3 + 1;
        }
        l = d;
        i4 = 0;
        while (i4 < d) {
          j = i4 + 1;
          while (j < d) {
            lxc[j] = lxc[j] + icf[c2][l] * xc[i4];
            l = l + 1;
            j = j + 1;
          }
          i4 = i4 + 1;
        }
        sq = 0;
        i5 = 0;
        while (i5 < d) {
          double lxci = lxc[i5];
          sq = sq + lxci * lxci;
          i5 = i5 + 1;
        }
        mainTerm[c2] = alphas[c2] + sumQs[c2] - 0.5 * sq;
        c2 = c2 + 1;
      }
      slse = slse + PublicWorkloadsGrad.logSumExpAdjoint(mainTerm, valueAdj, AdjointArrays.NO_SCALARS, mainTermAdj, tape);
      p = p + 1;
      trips4 = k > 0 ? k : 0;
      for (int iteration5 = trips4; iteration5 > 0; iteration5--) {
        c2 = iteration5 - 1;
        double[] xc = xcRows[c2];
        double[] lxc = lxcRows[c2];
        // mainTerm[c] = alphas[c] + sumQs[c] - 0.5 * sq
        double elementAdj5 = mainTermAdj[c2];
        mainTermAdj[c2] = 0.0;
        alphasAdj[c2] += elementAdj5;
        sumQsAdj[c2] += elementAdj5;
        sqAdj = -(elementAdj5 * 0.5);
        trips9 = d > 0 ? d : 0;
        for (int iteration6 = trips9; iteration6 > 0; iteration6--) {
          i5 = iteration6 - 1;
          // sq += lxc[i] * lxc[i]
          double lxci2 = lxc[i5];
          double elementSum3 = lxcAdj[i5] + sqAdj * lxci2;
          lxcAdj[i5] = elementSum3 + sqAdj * lxci2;
        }
        // double sq = 0
        sqAdj = 0.0;
        trips7 = d > 0 ? d : 0;
        for (int iteration7 = trips7; iteration7 > 0; iteration7--) {
          i4 = iteration7 - 1;
          trips8 = d > i4 + 1 ? d - (i4 + 1) : 0;
          for (int iteration8 = trips8; iteration8 > 0; iteration8--) {
            j = i4 + 1 + (iteration8 - 1);
            l = l - 1;
            // lxc[j] += q[l] * xc[i]
            icfAdj[c2][l] += lxcAdj[j] * xc[i4];
            xcAdj[i4] += lxcAdj[j] * icf[c2][l];
          }
        }
        l = d + d * (d - 1) / 2;
        trips6 = d > 0 ? d : 0;
        for (int iteration9 = trips6; iteration9 > 0; iteration9--) {
          i3 = iteration9 - 1;
          // lxc[i] = qdiag[i] * xc[i]
          double elementAdj4 = lxcAdj[i3];
          lxcAdj[i3] = 0.0;
          qdiagsAdj[c2][i3] += elementAdj4 * xc[i3];
          xcAdj[i3] += elementAdj4 * qdiags[c2][i3];
        }
        trips5 = d > 0 ? d : 0;
        for (int iteration10 = trips5; iteration10 > 0; iteration10--) {
          i2 = iteration10 - 1;
          // xc[i] = x[p][i] - mu[i]
          double elementAdj3 = xcAdj[i2];
          xcAdj[i2] = 0.0;
          meansAdj[c2][i2] = meansAdj[c2][i2] - elementAdj3;
        }
      }
    }
    double lseAlphas = PublicWorkloads.logSumExp(alphas);
    double constant = -n * d * 0.5 * Math.log(2 * Math.PI);
    int nu = d + m + 1;
    double priorConstant = nu * d * (Math.log(gamma) - 0.5 * Math.log(2)) - PublicWorkloads.logMultivariateGamma(0.5 * nu, d);
    double prior = 0;
    c3 = 0;
    while (c3 < k) {
      frobenius = 0;
      i6 = 0;
      while (i6 < d) {
        double qdiagsci2 = qdiags[c3][i6];
        frobenius = frobenius + qdiagsci2 * qdiagsci2;
        i6 = i6 + 1;
      }
      i7 = d;
      while (i7 < icfSize) {
        double icfci2 = icf[c3][i7];
        frobenius = frobenius + icfci2 * icfci2;
        i7 = i7 + 1;
      }
      prior = prior + (0.5 * gamma * gamma * frobenius - m * sumQs[c3]);
      c3 = c3 + 1;
    }
    prior = prior - k * priorConstant;
    double value = constant + slse - n * lseAlphas + prior;
    trips = k > 0 ? k : 0;
    for (int iteration11 = trips; iteration11 > 0; iteration11--) {
      c = iteration11 - 1;
      // sumQs[c] = s
      double elementAdj2 = sumQsAdj[c];
      sumQsAdj[c] = 0.0;
      sAdj = elementAdj2;
      trips2 = d > 0 ? d : 0;
      for (int iteration12 = trips2; iteration12 > 0; iteration12--) {
        i = iteration12 - 1;
        // qdiags[c][i] = Math.exp(icf[c][i])
        double elementAdj = qdiagsAdj[c][i];
        qdiagsAdj[c][i] = 0.0;
        double elementSum4 = icfAdj[c][i] + elementAdj * Math.exp(icf[c][i]);
        // s += icf[c][i]
        icfAdj[c][i] = elementSum4 + sAdj;
      }
      // double s = 0
      sAdj = 0.0;
    }
    return value;
  }


  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
    Inputs.Gmm in = new Inputs.Gmm();
    int k = Inputs.GMM_K;
    int d = Inputs.GMM_D;
    PublicHandGradients.GmmWorkspace ws = new PublicHandGradients.GmmWorkspace(k, d);
    String[] names = {"hand", "generated", "rows", "noIntPush", "rowsNoInt", "emitted"};
    Variant[] vs = {
        (q, ga, gm, gq) -> PublicHandGradients.gmm(q.alphas, q.means, q.icf, q.x, q.gamma, q.m,
            ga, gm, gq, ws),
        (q, ga, gm, gq) -> generated(q.alphas, q.means, q.icf, q.x, q.gamma, q.m, 1.0, NONE, ga,
            gm, gq, TAPE),
        (q, ga, gm, gq) -> rows(q.alphas, q.means, q.icf, q.x, q.gamma, q.m, 1.0, NONE, ga, gm,
            gq, TAPE),
        (q, ga, gm, gq) -> noIntPush(q.alphas, q.means, q.icf, q.x, q.gamma, q.m, 1.0, NONE, ga,
            gm, gq, TAPE),
        (q, ga, gm, gq) -> rowsNoInt(q.alphas, q.means, q.icf, q.x, q.gamma, q.m, 1.0, NONE, ga,
            gm, gq, TAPE),
        (q, ga, gm, gq) -> PublicWorkloadsGrad.gmmAdjoint(q.alphas, q.means, q.icf, q.x, q.gamma,
            q.m, 1.0, NONE, ga, gm, gq, TAPE)};
    double[] ga = new double[k];
    double[][] gm = new double[k][d];
    double[][] gq = new double[k][d * (d + 1) / 2];
    double[] ref = null;
    double[] before = null;
    for (int v = 0; v < vs.length; v++) {
      clear(ga, gm, gq);
      double value = vs[v].run(in, ga, gm, gq);
      double[] flat = flatten(value, ga, gm, gq);
      if (ref == null) {
        ref = flat;
      }
      double err = 0;
      for (int i = 0; i < flat.length; i++) {
        err = Math.max(err, Math.abs(flat[i] - ref[i]) / Math.max(1, Math.abs(ref[i])));
      }
      if (v == 1) {
        before = flat;
      }
      boolean same = before != null && Arrays.equals(flat, before);
      System.out.printf("%-10s value %.17g max rel diff to hand %.3g, bits of generated: %s%n",
          names[v], value, err, v == 0 ? "-" : same);
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[][] ns = new double[vs.length][rounds];
    double sink = 0;
    for (int r = -5; r < rounds; r++) {
      for (int j = 0; j < vs.length; j++) {
        int v = (j + Math.max(r, 0)) % vs.length;
        int reps = 0;
        long start = mx.getCurrentThreadCpuTime();
        long end;
        do {
          clear(ga, gm, gq);
          sink += vs[v].run(in, ga, gm, gq);
          reps++;
          end = mx.getCurrentThreadCpuTime();
        } while (end - start < 30_000_000L);
        if (r >= 0) {
          ns[v][r] = (double) (end - start) / reps;
        }
      }
    }
    double handMed = median(ns[0]);
    for (int v = 0; v < vs.length; v++) {
      double[] c = ns[v].clone();
      Arrays.sort(c);
      System.out.printf("%-10s %,12.0f ns/op (q1 %,.0f q3 %,.0f)  x%.3f of hand%n", names[v],
          median(ns[v]), c[c.length / 4], c[3 * c.length / 4], median(ns[v]) / handMed);
    }
    System.out.println("sink " + sink);
  }

  private static void clear(double[] ga, double[][] gm, double[][] gq) {
    Arrays.fill(ga, 0);
    for (double[] row : gm) {
      Arrays.fill(row, 0);
    }
    for (double[] row : gq) {
      Arrays.fill(row, 0);
    }
  }

  private static double[] flatten(double value, double[] ga, double[][] gm, double[][] gq) {
    double[] out = new double[1 + ga.length + gm.length * gm[0].length + gq.length * gq[0].length];
    int at = 0;
    out[at++] = value;
    for (double v : ga) {
      out[at++] = v;
    }
    for (double[] row : gm) {
      for (double v : row) {
        out[at++] = v;
      }
    }
    for (double[] row : gq) {
      for (double v : row) {
        out[at++] = v;
      }
    }
    return out;
  }

  static double median(double[] v) {
    double[] c = v.clone();
    Arrays.sort(c);
    return c[c.length / 2];
  }
}
