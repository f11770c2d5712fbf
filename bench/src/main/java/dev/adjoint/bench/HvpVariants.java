package dev.adjoint.bench;

import dev.adjoint.Tape;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Issue 15 (HVP16) experiment: Rosenbrock's generated Hessian-vector product against
 * {@link HandHvp#rosenbrock}, and hand-patched copies of the generated {@code rosenbrockHvp}, in
 * one JVM with rotated rounds timed in thread CPU time. Run: {@code java -cp
 * bench/target/benchmarks.jar dev.adjoint.bench.HvpVariants [p [rounds]]}.
 *
 * <p>Forms: hand ({@link HandHvp}, caller arrays it overwrites); hand+alloc (the same into two
 * arrays allocated per call, as {@code mHvp} returns them); API ({@code rosenbrockHvp}); entry
 * ({@code Arrays.fill} of two caller arrays, then {@code rosenbrockAdjointJvp} with seed 1,
 * seedDot 0); writeOnce, shared, both (API copies: adjoint elements written once instead of
 * read-modify-written, {@code adjDot * x2i + adj * x2iDot} formed once, both); hand+fill;
 * entryNoFill; into (both, into caller arrays it overwrites); unitSeed (the API's body, seed 1
 * folded, adding into caller arrays); unitFill (fill, then unitSeed); hvpInto (fill, then the
 * generated {@code rosenbrockHvpInto}, which is unitSeed's code).
 *
 * <p>Findings (HVP16, load average 2.7 to 4.4 on 2 cores, 15 rounds, medians of per-round
 * ratios to hand, p = 10 / 100 / 1000; every variant bit-identical to the API): hand+alloc 1.61
 * / 2.26 / 2.43 and API 1.77 / 2.41 / 2.66, so API/hand+alloc is 1.10 / 1.07 / 1.10: the
 * API's gap is the two result arrays it allocates, fresh memory on every call (zeroing 16 KB at
 * p = 1000 costs more than the whole hand-written product). writeOnce, shared and both change
 * nothing measurable on the API (the allocation dominates, the JIT shares the product itself);
 * into and unitSeed are equal (1.14 / 1.21 / 1.22 and 1.16 / 1.21 / 1.22): the read-modify-write
 * of the adjoint elements costs nothing either. entry 1.78 / 1.75 / 1.67 against entryNoFill
 * 1.45 / 1.58 / 1.59 and unitSeed: the lever is the seed, whose multiplications
 * ({@code seed * t1 + seed * t1}, {@code seedDot * t1 + seed * t1Dot} twice) cost a third of
 * the loop; hand+fill 1.29 / 1.12 / 1.07. Hence {@code mHvpInto}: hvpInto 1.47 / 1.50 / 1.43
 * (unitFill, the same code as a copy here, 1.46 / 1.39 / 1.28: JIT noise between two copies).
 */
public final class HvpVariants {
  private HvpVariants() {}

  /** One operation of a form. */
  interface Operation {
    double run();
  }

  static final String[] NAMES = {"hand", "hand+alloc", "API", "entry", "writeOnce", "shared",
      "both", "hand+fill", "entryNoFill", "into", "unitSeed", "unitFill", "hvpInto"};

  /**
   * The generated {@code rosenbrockHvp} with the adjoint arrays' elements written once: the first
   * access of each element in the loop reads the 0.0 the allocation put there, so the read is
   * the literal (bit-identical: {@code 0.0 + a} and {@code 0.0 - a} are kept).
   */
  static SecondOrderWorkloadsGrad.RosenbrockHvp writeOnce(double[] x, double[] dX) {
    double[] xAdj = new double[x.length];
    double[] xAdjDot = new double[xAdj.length];
    double f = 0;
    int i = 0;
    while (i < x.length / 2) {
      double x2iDot = dX[2 * i];
      double x2i = x[2 * i];
      double t1Dot = 10 * (dX[2 * i + 1] - 2.0 * (x2i * x2iDot));
      double t1 = 10 * (x[2 * i + 1] - x2i * x2i);
      double t2Dot = -x2iDot;
      double t2 = 1 - x2i;
      f = f + (t1 * t1 + t2 * t2);
      double t1AdjDot = t1Dot + t1Dot;
      double t1Adj = t1 + t1;
      double t2AdjDot = t2Dot + t2Dot;
      double t2Adj = t2 + t2;
      double elementSumDot = 0.0 - t2AdjDot;
      double elementSum = 0.0 - t2Adj;
      double adjDot = t1AdjDot * 10;
      double adj = t1Adj * 10;
      xAdjDot[2 * i + 1] = 0.0 + adjDot;
      xAdj[2 * i + 1] = 0.0 + adj;
      elementSumDot = elementSumDot - (adjDot * x2i + adj * x2iDot);
      elementSum = elementSum - adj * x2i;
      xAdjDot[2 * i] = elementSumDot - (adjDot * x2i + adj * x2iDot);
      xAdj[2 * i] = elementSum - adj * x2i;
      i = i + 1;
    }
    return new SecondOrderWorkloadsGrad.RosenbrockHvp(f, xAdj, xAdjDot);
  }

  /** The generated method with {@code adjDot * x2i + adj * x2iDot} formed once in a local. */
  static SecondOrderWorkloadsGrad.RosenbrockHvp shared(double[] x, double[] dX) {
    double[] xAdj = new double[x.length];
    double[] xAdjDot = new double[xAdj.length];
    double f = 0;
    int i = 0;
    while (i < x.length / 2) {
      double x2iDot = dX[2 * i];
      double x2i = x[2 * i];
      double t1Dot = 10 * (dX[2 * i + 1] - 2.0 * (x2i * x2iDot));
      double t1 = 10 * (x[2 * i + 1] - x2i * x2i);
      double t2Dot = -x2iDot;
      double t2 = 1 - x2i;
      f = f + (t1 * t1 + t2 * t2);
      double t1AdjDot = t1Dot + t1Dot;
      double t1Adj = t1 + t1;
      double t2AdjDot = t2Dot + t2Dot;
      double t2Adj = t2 + t2;
      double elementSumDot = xAdjDot[2 * i] - t2AdjDot;
      double elementSum = xAdj[2 * i] - t2Adj;
      double adjDot = t1AdjDot * 10;
      double adj = t1Adj * 10;
      xAdjDot[2 * i + 1] += adjDot;
      xAdj[2 * i + 1] += adj;
      double prodDot = adjDot * x2i + adj * x2iDot;
      double prod = adj * x2i;
      elementSumDot = elementSumDot - prodDot;
      elementSum = elementSum - prod;
      xAdjDot[2 * i] = elementSumDot - prodDot;
      xAdj[2 * i] = elementSum - prod;
      i = i + 1;
    }
    return new SecondOrderWorkloadsGrad.RosenbrockHvp(f, xAdj, xAdjDot);
  }

  /** Both changes. */
  static SecondOrderWorkloadsGrad.RosenbrockHvp both(double[] x, double[] dX) {
    double[] xAdj = new double[x.length];
    double[] xAdjDot = new double[xAdj.length];
    double f = 0;
    int i = 0;
    while (i < x.length / 2) {
      double x2iDot = dX[2 * i];
      double x2i = x[2 * i];
      double t1Dot = 10 * (dX[2 * i + 1] - 2.0 * (x2i * x2iDot));
      double t1 = 10 * (x[2 * i + 1] - x2i * x2i);
      double t2Dot = -x2iDot;
      double t2 = 1 - x2i;
      f = f + (t1 * t1 + t2 * t2);
      double t1AdjDot = t1Dot + t1Dot;
      double t1Adj = t1 + t1;
      double t2AdjDot = t2Dot + t2Dot;
      double t2Adj = t2 + t2;
      double elementSumDot = 0.0 - t2AdjDot;
      double elementSum = 0.0 - t2Adj;
      double adjDot = t1AdjDot * 10;
      double adj = t1Adj * 10;
      xAdjDot[2 * i + 1] = 0.0 + adjDot;
      xAdj[2 * i + 1] = 0.0 + adj;
      double prodDot = adjDot * x2i + adj * x2iDot;
      double prod = adj * x2i;
      elementSumDot = elementSumDot - prodDot;
      elementSum = elementSum - prod;
      xAdjDot[2 * i] = elementSumDot - prodDot;
      xAdj[2 * i] = elementSum - prod;
      i = i + 1;
    }
    return new SecondOrderWorkloadsGrad.RosenbrockHvp(f, xAdj, xAdjDot);
  }

  /** {@link #both} into caller arrays it overwrites (every element is written once). */
  static double into(double[] x, double[] dX, double[] xAdj, double[] xAdjDot) {
    double f = 0;
    int i = 0;
    while (i < x.length / 2) {
      double x2iDot = dX[2 * i];
      double x2i = x[2 * i];
      double t1Dot = 10 * (dX[2 * i + 1] - 2.0 * (x2i * x2iDot));
      double t1 = 10 * (x[2 * i + 1] - x2i * x2i);
      double t2Dot = -x2iDot;
      double t2 = 1 - x2i;
      f = f + (t1 * t1 + t2 * t2);
      double t1AdjDot = t1Dot + t1Dot;
      double t1Adj = t1 + t1;
      double t2AdjDot = t2Dot + t2Dot;
      double t2Adj = t2 + t2;
      double elementSumDot = 0.0 - t2AdjDot;
      double elementSum = 0.0 - t2Adj;
      double adjDot = t1AdjDot * 10;
      double adj = t1Adj * 10;
      xAdjDot[2 * i + 1] = 0.0 + adjDot;
      xAdj[2 * i + 1] = 0.0 + adj;
      double prodDot = adjDot * x2i + adj * x2iDot;
      double prod = adj * x2i;
      elementSumDot = elementSumDot - prodDot;
      elementSum = elementSum - prod;
      xAdjDot[2 * i] = elementSumDot - prodDot;
      xAdj[2 * i] = elementSum - prod;
      i = i + 1;
    }
    return f;
  }

  /** The generated {@code rosenbrockHvp}'s body (seed 1 folded) adding into caller arrays. */
  static double unitSeed(double[] x, double[] dX, double[] xAdj, double[] xAdjDot) {
    double f = 0;
    int i = 0;
    while (i < x.length / 2) {
      double x2iDot = dX[2 * i];
      double x2i = x[2 * i];
      double t1Dot = 10 * (dX[2 * i + 1] - 2.0 * (x2i * x2iDot));
      double t1 = 10 * (x[2 * i + 1] - x2i * x2i);
      double t2Dot = -x2iDot;
      double t2 = 1 - x2i;
      f = f + (t1 * t1 + t2 * t2);
      double t1AdjDot = t1Dot + t1Dot;
      double t1Adj = t1 + t1;
      double t2AdjDot = t2Dot + t2Dot;
      double t2Adj = t2 + t2;
      double elementSumDot = xAdjDot[2 * i] - t2AdjDot;
      double elementSum = xAdj[2 * i] - t2Adj;
      double adjDot = t1AdjDot * 10;
      double adj = t1Adj * 10;
      xAdjDot[2 * i + 1] += adjDot;
      xAdj[2 * i + 1] += adj;
      elementSumDot = elementSumDot - (adjDot * x2i + adj * x2iDot);
      elementSum = elementSum - adj * x2i;
      xAdjDot[2 * i] = elementSumDot - (adjDot * x2i + adj * x2iDot);
      xAdj[2 * i] = elementSum - adj * x2i;
      i = i + 1;
    }
    return f;
  }

  public static void main(String[] args) {
    int p = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 21;
    SameJvm.Box<double[]> x = new SameJvm.Box<>(Inputs.rosenbrockPoint(p));
    double[] v = SecondOrderWorkloads.direction(p, 7);
    double[] g = new double[p];
    double[] hv = new double[p];
    double[] none = new double[0];
    Tape tape = new Tape();
    Operation[] forms = {
        () -> HandHvp.rosenbrock(x.v, v, g, hv) + g[0] + hv[0],
        () -> {
          double[] g2 = new double[p];
          double[] hv2 = new double[p];
          return HandHvp.rosenbrock(x.v, v, g2, hv2) + g2[0] + hv2[0];
        },
        () -> {
          var r = SecondOrderWorkloadsGrad.rosenbrockHvp(x.v, v);
          return r.value() + r.x()[0] + r.xHvp()[0];
        },
        () -> {
          Arrays.fill(g, 0.0);
          Arrays.fill(hv, 0.0);
          return SecondOrderWorkloadsGrad.rosenbrockAdjointJvp(x.v, v, 1.0, 0.0, none, none, g,
              hv, tape) + g[0] + hv[0];
        },
        () -> {
          var r = writeOnce(x.v, v);
          return r.value() + r.x()[0] + r.xHvp()[0];
        },
        () -> {
          var r = shared(x.v, v);
          return r.value() + r.x()[0] + r.xHvp()[0];
        },
        () -> {
          var r = both(x.v, v);
          return r.value() + r.x()[0] + r.xHvp()[0];
        },
        () -> {
          Arrays.fill(g, 0.0);
          Arrays.fill(hv, 0.0);
          return HandHvp.rosenbrock(x.v, v, g, hv) + g[0] + hv[0];
        },
        () -> SecondOrderWorkloadsGrad.rosenbrockAdjointJvp(x.v, v, 1.0, 0.0, none, none, g, hv,
            tape) + g[0] + hv[0],
        () -> into(x.v, v, g, hv) + g[0] + hv[0],
        () -> unitSeed(x.v, v, g, hv) + g[0] + hv[0],
        () -> {
          Arrays.fill(g, 0.0);
          Arrays.fill(hv, 0.0);
          return unitSeed(x.v, v, g, hv) + g[0] + hv[0];
        },
        () -> {
          Arrays.fill(g, 0.0);
          Arrays.fill(hv, 0.0);
          return SecondOrderWorkloadsGrad.rosenbrockHvpInto(x.v, v, none, none, g, hv) + g[0]
              + hv[0];
        }};
    var api = SecondOrderWorkloadsGrad.rosenbrockHvp(x.v, v);
    var variants = new SecondOrderWorkloadsGrad.RosenbrockHvp[] {writeOnce(x.v, v),
        shared(x.v, v), both(x.v, v)};
    for (int k = 0; k < variants.length; k++) {
      System.out.printf("%-10s bits equal to API: value %b gradient %b hvp %b%n", NAMES[k + 4],
          api.value() == variants[k].value(), Arrays.equals(api.x(), variants[k].x()),
          Arrays.equals(api.xHvp(), variants[k].xHvp()));
    }
    double[][] ns = rounds(forms, rounds);
    for (int k = 0; k < forms.length; k++) {
      System.out.printf("p = %d %-10s %8.1f ns  /hand %s%n", p, NAMES[k], SameJvm.median(ns[k]),
          SameJvm.spread(ns[k], ns[0]));
    }
  }

  /** Rotated rounds of 30 ms slices of thread CPU time, after 10 rounds of warm-up. */
  static double[][] rounds(Operation[] forms, int rounds) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    int f = forms.length;
    double[][] ns = new double[f][rounds];
    double sink = 0;
    for (int r = -10; r < rounds; r++) {
      for (int j = 0; j < f; j++) {
        int k = Math.floorMod(r + j, f);
        long calls = 0;
        long start = mx.getCurrentThreadCpuTime();
        long end;
        do {
          for (int i = 0; i < 1000; i++) {
            sink += forms[k].run();
          }
          calls += 1000;
          end = mx.getCurrentThreadCpuTime();
        } while (end - start < 30_000_000L);
        if (r >= 0) {
          ns[k][r] = (double) (end - start) / calls;
        }
      }
    }
    SameJvm.sink += sink;
    return ns;
  }
}
