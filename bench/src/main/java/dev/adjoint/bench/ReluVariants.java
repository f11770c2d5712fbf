package dev.adjoint.bench;

import dev.adjoint.Activations;
import dev.adjoint.Losses;
import dev.adjoint.Tape;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Issue 15 experiment: the seed ReLU cost's entry point ({@code WorkloadsGrad.reluCostAdjoint})
 * against {@link HandGradients#reluCost}, and copies of the generated method each changing one
 * thing, in one JVM with rotated rounds timed in thread CPU time (so other processes on a shared
 * machine add spread, not bias). Every operation is a call of its own from one shared,
 * megamorphic loop, as {@link SameJvm#slice} calls its forms. Run: {@code java -Xms2g -Xmx2g
 * -XX:+AlwaysPreTouch -cp bench/target/benchmarks.jar dev.adjoint.bench.ReluVariants [rounds]}.
 *
 * <p>Findings (RELU16, 2026-11-29, load average 2 to 6 on 2 shared cores, medians over 21
 * rounds, /hand): with {@code Activations.relu} as it was ({@code x <= 0.0 ? 0.0 : x}), generated
 * and copy 1.05 to 1.11 in every run, handBody (the hand's body behind the generated signature)
 * 0.98 to 1.01, posFirst (the same values, positive test first) 0.97 to 1.03: 6 to 10 % faster
 * than generated in the same JVM, 1.00 against 1.05 on JDK 25. Not the cause: computing
 * {@code a2 - y} twice (C2 shares it: oneD), the seed's {@code 1.0 *} (folded: noSeed), testing
 * the pre-activations (pre). The cause, read in the compiled code ({@code
 * -XX:CompileCommand=print} without hsdis prints the machine code in hex; objdump decodes it):
 * relu's {@code x <= 0.0} and the pullback's {@code a > 0.0} are different tests (NaN), so C2
 * keeps four compares where the hand-written gradient, testing {@code z > 0} twice, has two;
 * with relu testing {@code x > 0.0} first the pullback's test is decided by it and dropped (984
 * bytes of code, as the hand's, instead of 1208). Now that relu tests {@code x > 0.0} first,
 * generated, copy and posFirst are the same code: 0.98 to 1.02. Some runs put one form 20 to
 * 30 % above the others whatever its code (a JIT artefact: compare across runs). The generated
 * entry's signature names {@code Tape}: where that class is not loaded yet when the caller is
 * compiled, C2 does not inline the entry ("unloaded signature classes"), hence {@code new Tape()}
 * below.
 */
public final class ReluVariants {
  private ReluVariants() {}

  static final String[] NAMES = {"hand", "generated", "copy", "pre", "oneD", "handBody",
      "noSeed", "geRelu", "gtRelu", "posFirst"};

  /** The generated method as emitted (a copy, so a difference to it is the class, not code). */
  static double copy(double x, double y, double w1, double b1, double w2, double b2, double seed,
      double[] adjoints, Tape tape) {
    double a1 = Activations.relu(w1 * x + b1);
    double a2 = Activations.relu(w2 * a1 + b2);
    double value = Losses.squaredError(a2, y);
    double valueAdj = seed;
    double a2Adj = valueAdj * Losses.squaredErrorDerivative(a2, y);
    double adj2 = a2 > 0.0 ? a2Adj : 0.0;
    double w2Adj = adj2 * a1;
    double b2Adj = adj2;
    double adj = a1 > 0.0 ? adj2 * w2 : 0.0;
    double w1Adj = adj * x;
    double b1Adj = adj;
    adjoints[0] += w1Adj;
    adjoints[1] += b1Adj;
    adjoints[2] += w2Adj;
    adjoints[3] += b2Adj;
    return value;
  }

  /** The pullbacks test the pre-activations (kept in locals), as the hand-written one does. */
  static double pre(double x, double y, double w1, double b1, double w2, double b2, double seed,
      double[] adjoints, Tape tape) {
    double z1 = w1 * x + b1;
    double a1 = Activations.relu(z1);
    double z2 = w2 * a1 + b2;
    double a2 = Activations.relu(z2);
    double value = Losses.squaredError(a2, y);
    double valueAdj = seed;
    double a2Adj = valueAdj * Losses.squaredErrorDerivative(a2, y);
    double adj2 = z2 > 0.0 ? a2Adj : 0.0;
    double w2Adj = adj2 * a1;
    double b2Adj = adj2;
    double adj = z1 > 0.0 ? adj2 * w2 : 0.0;
    double w1Adj = adj * x;
    double b1Adj = adj;
    adjoints[0] += w1Adj;
    adjoints[1] += b1Adj;
    adjoints[2] += w2Adj;
    adjoints[3] += b2Adj;
    return value;
  }

  /** {@code a2 - y} computed once, as the hand-written {@code d}. */
  static double oneD(double x, double y, double w1, double b1, double w2, double b2, double seed,
      double[] adjoints, Tape tape) {
    double a1 = Activations.relu(w1 * x + b1);
    double a2 = Activations.relu(w2 * a1 + b2);
    double d = a2 - y;
    double value = 0.5 * d * d;
    double valueAdj = seed;
    double a2Adj = valueAdj * d;
    double adj2 = a2 > 0.0 ? a2Adj : 0.0;
    double w2Adj = adj2 * a1;
    double b2Adj = adj2;
    double adj = a1 > 0.0 ? adj2 * w2 : 0.0;
    double w1Adj = adj * x;
    double b1Adj = adj;
    adjoints[0] += w1Adj;
    adjoints[1] += b1Adj;
    adjoints[2] += w2Adj;
    adjoints[3] += b2Adj;
    return value;
  }

  /** The hand-written body (seed ignored) behind the generated signature. */
  static double handBody(double x, double y, double w1, double b1, double w2, double b2,
      double seed, double[] g, Tape tape) {
    double z1 = w1 * x + b1;
    double a1 = z1 > 0 ? z1 : 0;
    double z2 = w2 * a1 + b2;
    double a2 = z2 > 0 ? z2 : 0;
    double d = a2 - y;
    double dz2 = z2 > 0 ? d : 0;
    double dz1 = z1 > 0 ? dz2 * w2 : 0;
    g[0] += dz1 * x;
    g[1] += dz1;
    g[2] += dz2 * a1;
    g[3] += dz2;
    return 0.5 * d * d;
  }

  /** The generated method without the seed's multiplication (what a seed of 1 folds to). */
  static double noSeed(double x, double y, double w1, double b1, double w2, double b2,
      double seed, double[] adjoints, Tape tape) {
    double a1 = Activations.relu(w1 * x + b1);
    double a2 = Activations.relu(w2 * a1 + b2);
    double value = Losses.squaredError(a2, y);
    double a2Adj = Losses.squaredErrorDerivative(a2, y);
    double adj2 = a2 > 0.0 ? a2Adj : 0.0;
    double w2Adj = adj2 * a1;
    double b2Adj = adj2;
    double adj = a1 > 0.0 ? adj2 * w2 : 0.0;
    double w1Adj = adj * x;
    double b1Adj = adj;
    adjoints[0] += w1Adj;
    adjoints[1] += b1Adj;
    adjoints[2] += w2Adj;
    adjoints[3] += b2Adj;
    return value;
  }

  /** {@code relu(z)} written {@code 0.0 >= z ? 0.0 : z}: the same values, dcmpl, not dcmpg. */
  static double geRelu(double x, double y, double w1, double b1, double w2, double b2,
      double seed, double[] adjoints, Tape tape) {
    double z1 = w1 * x + b1;
    double a1 = 0.0 >= z1 ? 0.0 : z1;
    double z2 = w2 * a1 + b2;
    double a2 = 0.0 >= z2 ? 0.0 : z2;
    double value = Losses.squaredError(a2, y);
    double valueAdj = seed;
    double a2Adj = valueAdj * Losses.squaredErrorDerivative(a2, y);
    double adj2 = a2 > 0.0 ? a2Adj : 0.0;
    double w2Adj = adj2 * a1;
    double b2Adj = adj2;
    double adj = a1 > 0.0 ? adj2 * w2 : 0.0;
    double w1Adj = adj * x;
    double b1Adj = adj;
    adjoints[0] += w1Adj;
    adjoints[1] += b1Adj;
    adjoints[2] += w2Adj;
    adjoints[3] += b2Adj;
    return value;
  }

  /** {@code relu(z)} written {@code z > 0.0 ? z : 0.0} (the hand's; NaN becomes 0). */
  static double gtRelu(double x, double y, double w1, double b1, double w2, double b2,
      double seed, double[] adjoints, Tape tape) {
    double z1 = w1 * x + b1;
    double a1 = z1 > 0.0 ? z1 : 0.0;
    double z2 = w2 * a1 + b2;
    double a2 = z2 > 0.0 ? z2 : 0.0;
    double value = Losses.squaredError(a2, y);
    double valueAdj = seed;
    double a2Adj = valueAdj * Losses.squaredErrorDerivative(a2, y);
    double adj2 = a2 > 0.0 ? a2Adj : 0.0;
    double w2Adj = adj2 * a1;
    double b2Adj = adj2;
    double adj = a1 > 0.0 ? adj2 * w2 : 0.0;
    double w1Adj = adj * x;
    double b1Adj = adj;
    adjoints[0] += w1Adj;
    adjoints[1] += b1Adj;
    adjoints[2] += w2Adj;
    adjoints[3] += b2Adj;
    return value;
  }

  /**
   * {@code Activations.relu} with the positive test first: the same values (NaN stays NaN, -0.0
   * becomes 0.0), but the test is the one the pullback's {@code a > 0.0} repeats.
   */
  static double positiveFirstRelu(double x) {
    return x > 0.0 ? x : x != x ? x : 0.0;
  }

  /** The generated method with {@link #positiveFirstRelu} for {@code Activations.relu}. */
  static double posFirst(double x, double y, double w1, double b1, double w2, double b2,
      double seed, double[] adjoints, Tape tape) {
    double a1 = positiveFirstRelu(w1 * x + b1);
    double a2 = positiveFirstRelu(w2 * a1 + b2);
    double value = Losses.squaredError(a2, y);
    double valueAdj = seed;
    double a2Adj = valueAdj * Losses.squaredErrorDerivative(a2, y);
    double adj2 = a2 > 0.0 ? a2Adj : 0.0;
    double w2Adj = adj2 * a1;
    double b2Adj = adj2;
    double adj = a1 > 0.0 ? adj2 * w2 : 0.0;
    double w1Adj = adj * x;
    double b1Adj = adj;
    adjoints[0] += w1Adj;
    adjoints[1] += b1Adj;
    adjoints[2] += w2Adj;
    adjoints[3] += b2Adj;
    return value;
  }

  /** The forms, each as {@link SameJvm} builds one: a batch loop of its own, called with 1. */
  static Batch[] forms(SameJvm.Box<Inputs> in, double[] g) {
    return new Batch[] {
        reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Inputs q = in.v;
            Arrays.fill(g, 0.0);
            s += HandGradients.reluCost(q.x, q.y, q.w1, q.b1, q.w2, q.b2, g);
          }
          return s + g[0];
        },
        reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Inputs q = in.v;
            Arrays.fill(g, 0.0);
            s += WorkloadsGrad.reluCostAdjoint(q.x, q.y, q.w1, q.b1, q.w2, q.b2, 1.0, g, null);
          }
          return s + g[0];
        },
        reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Inputs q = in.v;
            Arrays.fill(g, 0.0);
            s += copy(q.x, q.y, q.w1, q.b1, q.w2, q.b2, 1.0, g, null);
          }
          return s + g[0];
        },
        reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Inputs q = in.v;
            Arrays.fill(g, 0.0);
            s += pre(q.x, q.y, q.w1, q.b1, q.w2, q.b2, 1.0, g, null);
          }
          return s + g[0];
        },
        reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Inputs q = in.v;
            Arrays.fill(g, 0.0);
            s += oneD(q.x, q.y, q.w1, q.b1, q.w2, q.b2, 1.0, g, null);
          }
          return s + g[0];
        },
        reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Inputs q = in.v;
            Arrays.fill(g, 0.0);
            s += handBody(q.x, q.y, q.w1, q.b1, q.w2, q.b2, 1.0, g, null);
          }
          return s + g[0];
        },
        reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Inputs q = in.v;
            Arrays.fill(g, 0.0);
            s += noSeed(q.x, q.y, q.w1, q.b1, q.w2, q.b2, 1.0, g, null);
          }
          return s + g[0];
        },
        reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Inputs q = in.v;
            Arrays.fill(g, 0.0);
            s += geRelu(q.x, q.y, q.w1, q.b1, q.w2, q.b2, 1.0, g, null);
          }
          return s + g[0];
        },
        reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Inputs q = in.v;
            Arrays.fill(g, 0.0);
            s += gtRelu(q.x, q.y, q.w1, q.b1, q.w2, q.b2, 1.0, g, null);
          }
          return s + g[0];
        },
        reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Inputs q = in.v;
            Arrays.fill(g, 0.0);
            s += posFirst(q.x, q.y, q.w1, q.b1, q.w2, q.b2, 1.0, g, null);
          }
          return s + g[0];
        },
        reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Inputs q = in.v;
            s += Workloads.reluCost(q.x, q.y, q.w1, q.b1, q.w2, q.b2);
          }
          return s;
        },
        reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Inputs q = in.v;
            var r = WorkloadsGrad.reluCost(q.x, q.y, q.w1, q.b1, q.w2, q.b2);
            s += r.value() + r.w1() + r.b1() + r.w2() + r.b2();
          }
          return s;
        }};
  }

  /** The seed document's inputs (both ReLUs active), as {@link SameJvm} passes them. */
  record Inputs(double x, double y, double w1, double b1, double w2, double b2) {}

  /** A form: {@code reps} operations; always called with 1 (one operation per call). */
  @FunctionalInterface
  interface Batch {
    double run(int reps);
  }

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 31;
    long warmupMs = args.length > 1 ? Long.parseLong(args[1]) : 1500;
    SameJvm.Box<Inputs> in = new SameJvm.Box<>(new Inputs(1, 5, 2, 0, 3, 1));
    double[] g = new double[4];
    // Loaded, as in SameJvm (which makes tapes for other workloads): C2 does not inline a callee
    // whose signature names a class not loaded yet ("unloaded signature classes"), and the
    // generated entry's signature names Tape.
    SameJvm.sink += new Tape().hashCode();
    Batch[] forms = forms(in, g);
    double[] expected = new double[4];
    double value = HandGradients.reluCost(1, 5, 2, 0, 3, 1, expected);
    for (int k = 0; k < NAMES.length; k++) {
      double v = forms[k].run(1) - g[0];
      System.out.printf("%-10s value and gradient bits equal to the hand-written: %b%n", NAMES[k],
          Arrays.equals(expected, g) && v == value);
    }
    double[][] ns = rounds(forms, rounds, warmupMs);
    for (int k = 0; k < forms.length; k++) {
      String name = k < NAMES.length ? NAMES[k] : k == NAMES.length ? "primal" : "API";
      System.out.printf("%-10s %6.2f ns  /hand %s%n", name, SameJvm.median(ns[k]),
          SameJvm.spread(ns[k], ns[0]));
    }
  }

  /**
   * Each form warmed up for {@code warmupMs} in turn (as {@link SameJvm} does), then rotated
   * rounds of 30 ms slices of thread CPU time after two more rounds of warm-up.
   */
  static double[][] rounds(Batch[] forms, int rounds, long warmupMs) {
    int f = forms.length;
    for (Batch form : forms) {
      slice(form, warmupMs);
    }
    double[][] ns = new double[f][rounds];
    for (int r = -2; r < rounds; r++) {
      for (int j = 0; j < f; j++) {
        int k = Math.floorMod(r + j, f);
        double t = slice(forms[k], 30);
        if (r >= 0) {
          ns[k][r] = t;
        }
      }
    }
    return ns;
  }

  /**
   * Calls {@code b.run(1)} for {@code ms} of thread CPU time, in batches of about 10⁴ calls
   * between clock reads; returns ns per operation. As {@link SameJvm#slice}, one operation per
   * call from one shared (megamorphic) call site.
   */
  static double slice(Batch b, long ms) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long budget = ms * 1_000_000L;
    long calls = 0;
    double s = 0;
    long start = mx.getCurrentThreadCpuTime();
    long end;
    do {
      for (int k = 0; k < 10_000; k++) {
        s += b.run(1);
      }
      calls += 10_000;
      end = mx.getCurrentThreadCpuTime();
    } while (end - start < budget);
    SameJvm.sink += s;
    return (double) (end - start) / calls;
  }
}
