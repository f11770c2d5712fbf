package dev.adjoint.bench;

import dev.adjoint.Tape;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Issue 15 experiment: the extended Rosenbrock entry point ({@code
 * WorkloadsGrad.rosenbrockAdjoint}) against {@link HandGradients#rosenbrock}, and copies of the
 * generated method each changing one thing, in one JVM with rotated rounds timed in thread CPU
 * time (so other processes on a shared machine add spread, not bias). Run: {@code java -cp
 * bench/target/benchmarks.jar dev.adjoint.bench.RosenbrockVariants [p [rounds [nested BATCH]]]}.
 *
 * <p>Two ways to call a form. <b>single</b> (default, as {@link SameJvm#slice} now calls every
 * form): one shared loop calls each form's {@code run()} once per operation; the call site sees
 * every form, so it is megamorphic, and each form is compiled as a method of its own. <b>nested
 * BATCH</b> (as {@link SameJvm#slice} once called the forms): each form runs BATCH operations in
 * a loop of its own, which the JIT compiles with the operation inlined into it.
 *
 * <p>Findings (p = 10, load average 8 to 11 on 2 cores, medians over 31 rounds, entry/hand;
 * every variant's gradient is bit-identical to the hand-written one on this input): nested with
 * batches of 70,000 operations (what {@link SameJvm} passed: 1 ms of calls) 1.13 in three JVMs
 * (hand 12.0 ns, generated 13.6 ns); nested with batches of 10,000 0.87 to 0.88 in three JVMs
 * (hand 13.3 ns, generated 11.7 ns). The very same code is 13 % slower or 12 % faster than
 * hand-written depending on how the JIT compiled the batch nest, not on the code ({@code
 * -XX:-UseOnStackReplacement} does not remove the effect). Single: 1.02 to 1.03 in four JVMs at
 * any batch size (min/max 0.97/1.08; about 2.5 ns of call per operation included). Single,
 * one change at a time against the generated method (1.02): no dead locals ({@link #lean})
 * 1.01 and 1.03, {@code xAdj[2i]} written before {@code xAdj[2i + 1]} ({@link #order}) 1.02
 * and 1.02, a counted {@code for} loop with the bound in a local ({@link #counted}) 1.02 and
 * 1.05, {@code e + e} folded to {@code 2 * e} ({@link #fold}, bit-identical) 1.08 and 1.05:
 * nothing to gain, and the fold is slower. p = 100: generated 0.97, p = 1000: 1.01 (single).
 */
public final class RosenbrockVariants {
  private RosenbrockVariants() {}

  /** One operation of a form. */
  interface Operation {
    double run();
  }

  /** A form's batch of operations in a loop of its own. */
  interface Nested {
    double run(int reps);
  }

  static final String[] NAMES = {"hand", "generated", "lean", "fold", "counted", "order"};

  /**
   * The generated method (as emitted: {@code t2}, {@code t1}, {@code i} and an unused
   * {@code trips} declared at the top, {@code i = 0} again) without dead locals: every local
   * declared where it is first assigned.
   */
  static double lean(double[] x, double seed, double[] adjoints, double[] xAdj, Tape tape) {
    double f = 0;
    int i = 0;
    double valueAdj = seed;
    while (i < x.length / 2) {
      double x2i = x[2 * i];
      double t1 = 10 * (x[2 * i + 1] - x2i * x2i);
      double t2 = 1 - x2i;
      f = f + (t1 * t1 + t2 * t2);
      double t1Adj = valueAdj * t1 + valueAdj * t1;
      double t2Adj = valueAdj * t2 + valueAdj * t2;
      double elementSum = xAdj[2 * i] - t2Adj;
      double adj = t1Adj * 10;
      xAdj[2 * i + 1] += adj;
      elementSum = elementSum - adj * x2i;
      xAdj[2 * i] = elementSum - adj * x2i;
      i = i + 1;
    }
    return f;
  }

  /** {@code e + e} as {@code 2 * e} (bit-identical: doubling is exact). */
  static double fold(double[] x, double seed, double[] adjoints, double[] xAdj, Tape tape) {
    double f = 0;
    int i = 0;
    double valueAdj = seed;
    while (i < x.length / 2) {
      double x2i = x[2 * i];
      double t1 = 10 * (x[2 * i + 1] - x2i * x2i);
      double t2 = 1 - x2i;
      f = f + (t1 * t1 + t2 * t2);
      double t1Adj = 2 * (valueAdj * t1);
      double t2Adj = 2 * (valueAdj * t2);
      double elementSum = xAdj[2 * i] - t2Adj;
      double adj = t1Adj * 10;
      xAdj[2 * i + 1] += adj;
      elementSum = elementSum - adj * x2i;
      xAdj[2 * i] = elementSum - adj * x2i;
      i = i + 1;
    }
    return f;
  }

  /** A counted {@code for} loop with its bound in a local. */
  static double counted(double[] x, double seed, double[] adjoints, double[] xAdj, Tape tape) {
    double f = 0;
    double valueAdj = seed;
    int pairs = x.length / 2;
    for (int i = 0; i < pairs; i++) {
      double x2i = x[2 * i];
      double t1 = 10 * (x[2 * i + 1] - x2i * x2i);
      double t2 = 1 - x2i;
      f = f + (t1 * t1 + t2 * t2);
      double t1Adj = valueAdj * t1 + valueAdj * t1;
      double t2Adj = valueAdj * t2 + valueAdj * t2;
      double elementSum = xAdj[2 * i] - t2Adj;
      double adj = t1Adj * 10;
      xAdj[2 * i + 1] += adj;
      elementSum = elementSum - adj * x2i;
      xAdj[2 * i] = elementSum - adj * x2i;
    }
    return f;
  }

  /** {@code xAdj[2i]} written before {@code xAdj[2i + 1]}, as the hand-written gradient does. */
  static double order(double[] x, double seed, double[] adjoints, double[] xAdj, Tape tape) {
    double f = 0;
    int i = 0;
    double valueAdj = seed;
    while (i < x.length / 2) {
      double x2i = x[2 * i];
      double t1 = 10 * (x[2 * i + 1] - x2i * x2i);
      double t2 = 1 - x2i;
      f = f + (t1 * t1 + t2 * t2);
      double t1Adj = valueAdj * t1 + valueAdj * t1;
      double t2Adj = valueAdj * t2 + valueAdj * t2;
      double adj = t1Adj * 10;
      double elementSum = xAdj[2 * i] - t2Adj;
      elementSum = elementSum - adj * x2i;
      xAdj[2 * i] = elementSum - adj * x2i;
      xAdj[2 * i + 1] += adj;
      i = i + 1;
    }
    return f;
  }

  public static void main(String[] args) {
    int p = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 31;
    int batch = args.length > 3 && args[2].equals("nested") ? Integer.parseInt(args[3]) : 0;
    SameJvm.Box<double[]> x = new SameJvm.Box<>(Inputs.rosenbrockPoint(p));
    double[] g = new double[p];
    double[] none = new double[0];
    Tape tape = new Tape();
    Operation[] single = {
        () -> {
          Arrays.fill(g, 0.0);
          return HandGradients.rosenbrock(x.v, g) + g[0];
        },
        () -> {
          Arrays.fill(g, 0.0);
          return WorkloadsGrad.rosenbrockAdjoint(x.v, 1.0, none, g, tape) + g[0];
        },
        () -> {
          Arrays.fill(g, 0.0);
          return lean(x.v, 1.0, none, g, tape) + g[0];
        },
        () -> {
          Arrays.fill(g, 0.0);
          return fold(x.v, 1.0, none, g, tape) + g[0];
        },
        () -> {
          Arrays.fill(g, 0.0);
          return counted(x.v, 1.0, none, g, tape) + g[0];
        },
        () -> {
          Arrays.fill(g, 0.0);
          return order(x.v, 1.0, none, g, tape) + g[0];
        }};
    double[] expected = new double[p];
    HandGradients.rosenbrock(x.v, expected);
    for (int k = 0; k < single.length; k++) {
      single[k].run();
      System.out.printf("%-10s gradient bits equal to the hand-written: %b%n", NAMES[k],
          Arrays.equals(expected, g));
    }
    Nested[] nested = RosenbrockNestedForms.of(x, g, none, tape);
    double[][] ns = rounds(single, nested, rounds, batch);
    System.out.println(batch == 0 ? "single calls" : "nested batches of " + batch);
    for (int k = 0; k < single.length; k++) {
      System.out.printf("p = %d %-10s %8.2f ns  /hand %s%n", p, NAMES[k], SameJvm.median(ns[k]),
          SameJvm.spread(ns[k], ns[0]));
    }
  }

  /** Rotated rounds of 30 ms slices of thread CPU time, after 20 rounds of warm-up. */
  static double[][] rounds(Operation[] single, Nested[] nested, int rounds, int batch) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    int f = single.length;
    double[][] ns = new double[f][rounds];
    double sink = 0;
    int reps = batch == 0 ? 10_000 : batch;
    for (int r = -20; r < rounds; r++) {
      for (int j = 0; j < f; j++) {
        int k = Math.floorMod(r + j, f);
        long calls = 0;
        long start = mx.getCurrentThreadCpuTime();
        long end;
        do {
          if (batch == 0) {
            for (int i = 0; i < reps; i++) {
              sink += single[k].run();
            }
          } else {
            sink += nested[k].run(reps);
          }
          calls += reps;
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
