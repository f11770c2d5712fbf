package dev.adjoint.bench;

import dev.adjoint.Tape;
import java.util.Arrays;

/**
 * Issue 15 experiment (RELU16): extended Rosenbrock p = 10, the generated entry point against
 * {@link HandGradients#rosenbrock} and copies of the generated method each changing one thing,
 * every form built as {@link SameJvm} builds one (a batch loop of its own, called with 1 from one
 * megamorphic loop) and timed in thread CPU time by {@link ReluVariants#rounds}. ({@link
 * RosenbrockVariants} calls its forms without the batch loop.) Run: {@code java -Xms2g -Xmx2g
 * -XX:+AlwaysPreTouch -cp bench/target/benchmarks.jar dev.adjoint.bench.RosenbrockCallVariants
 * [p [rounds [warm-up ms]]]}.
 *
 * <p>Findings (RELU16, load average 2 to 7, medians over 15 to 21 rounds, /hand; "copy" is the
 * code generated before transform/Squares): p = 10 copy 1.02 to 1.10, twoA ({@code e - 2 * a}
 * for {@code (e - a) - a}) 0.96 to 0.99, sqAdd ({@code adj * (x + x)}, what the processor now
 * generates) 0.97 to 1.01, sqOuter ({@code 2.0 * (adj * x)}) 0.98 to 1.02; counted, store2i,
 * sumFirst and twoSum no better than copy. p = 100: copy 0.97 to 1.00, sqAdd 0.96 to 0.97,
 * sqOuter and twoA 1.00 to 1.07; p = 1000: copy 1.00 to 1.01, sqAdd 0.99 to 1.01, sqOuter 1.03
 * to 1.04. Doubling by an addition keeps the loop free of constant loads, which cost the
 * larger loops; the generated code since Squares (generated) measured 0.98 to 1.01, 0.95 and
 * 1.01. JDK 25, p = 10: generated 0.99, copy 1.01.
 */
public final class RosenbrockCallVariants {
  private RosenbrockCallVariants() {}

  static final String[] NAMES = {"hand", "generated", "copy", "counted", "store2i", "twoA", "sumFirst", "sqAdd", "sqOuter", "twoSum"};

  /** The generated method as emitted (a copy, so a difference to it is the class, not code). */
  static double copy(double[] x, double seed, double[] adjoints, double[] xAdj, Tape tape) {
    double t2 = 0.0;
    double t1 = 0.0;
    int i = 0;
    int trips = 0;
    double f = 0;
    i = 0;
    double valueAdj = seed;
    double t1Adj = 0.0;
    double t2Adj = 0.0;
    while (i < x.length / 2) {
      double x2i = x[2 * i];
      t1 = 10 * (x[2 * i + 1] - x2i * x2i);
      t2 = 1 - x2i;
      f = f + (t1 * t1 + t2 * t2);
      t1Adj = valueAdj * t1 + valueAdj * t1;
      t2Adj = valueAdj * t2 + valueAdj * t2;
      double elementSum = xAdj[2 * i] - t2Adj;
      double adj = t1Adj * 10;
      xAdj[2 * i + 1] += adj;
      elementSum = elementSum - adj * x2i;
      xAdj[2 * i] = elementSum - adj * x2i;
      i = i + 1;
    }
    double value = f;
    return value;
  }

  /** A counted {@code for} loop over a local bound, locals declared where assigned. */
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

  /** {@code xAdj[2i]} stored before {@code xAdj[2i + 1]} is read and written (the hand's order). */
  static double store2i(double[] x, double seed, double[] adjoints, double[] xAdj, Tape tape) {
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


  /** {@code (e - a) - a} as {@code e - 2 * a} (not bit-identical: one rounding fewer). */
  static double twoA(double[] x, double seed, double[] adjoints, double[] xAdj, Tape tape) {
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
      xAdj[2 * i] = elementSum - 2 * (adj * x2i);
      i = i + 1;
    }
    return f;
  }

  /** The element's contributions summed first, then one subtraction (the hand's shape). */
  static double sumFirst(double[] x, double seed, double[] adjoints, double[] xAdj, Tape tape) {
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
      xAdj[2 * i + 1] += adj;
      xAdj[2 * i] -= t2Adj + 2 * (adj * x2i);
      i = i + 1;
    }
    return f;
  }

  /** The square's adjoint {@code adj * (x + x)}: doubling by an addition, partials first. */
  static double sqAdd(double[] x, double seed, double[] adjoints, double[] xAdj, Tape tape) {
    double f = 0;
    int i = 0;
    double valueAdj = seed;
    while (i < x.length / 2) {
      double x2i = x[2 * i];
      double t1 = 10 * (x[2 * i + 1] - x2i * x2i);
      double t2 = 1 - x2i;
      f = f + (t1 * t1 + t2 * t2);
      double elementSum = xAdj[2 * i] - valueAdj * (t2 + t2);
      double adj = valueAdj * (t1 + t1) * 10;
      xAdj[2 * i + 1] += adj;
      xAdj[2 * i] = elementSum - adj * (x2i + x2i);
      i = i + 1;
    }
    return f;
  }

  /** The square's adjoint {@code 2.0 * (adj * x)}: the product first, then doubled. */
  static double sqOuter(double[] x, double seed, double[] adjoints, double[] xAdj, Tape tape) {
    double f = 0;
    int i = 0;
    double valueAdj = seed;
    while (i < x.length / 2) {
      double x2i = x[2 * i];
      double t1 = 10 * (x[2 * i + 1] - x2i * x2i);
      double t2 = 1 - x2i;
      f = f + (t1 * t1 + t2 * t2);
      double elementSum = xAdj[2 * i] - 2.0 * (valueAdj * t2);
      double adj = 2.0 * (valueAdj * t1) * 10;
      xAdj[2 * i + 1] += adj;
      xAdj[2 * i] = elementSum - 2.0 * (adj * x2i);
      i = i + 1;
    }
    return f;
  }

  /** The square's adjoint summed before it meets the element: {@code e - (a + a)}. */
  static double twoSum(double[] x, double seed, double[] adjoints, double[] xAdj, Tape tape) {
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
      xAdj[2 * i] = elementSum - (adj * x2i + adj * x2i);
      i = i + 1;
    }
    return f;
  }

  static ReluVariants.Batch[] forms(SameJvm.Box<double[]> x, double[] g, double[] none,
      Tape tape) {
    return new ReluVariants.Batch[] {
        reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Arrays.fill(g, 0.0);
            s += HandGradients.rosenbrock(x.v, g);
          }
          return s + g[0];
        },
        reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Arrays.fill(g, 0.0);
            s += WorkloadsGrad.rosenbrockAdjoint(x.v, 1.0, none, g, tape);
          }
          return s + g[0];
        },
        reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Arrays.fill(g, 0.0);
            s += copy(x.v, 1.0, none, g, tape);
          }
          return s + g[0];
        },
        reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Arrays.fill(g, 0.0);
            s += counted(x.v, 1.0, none, g, tape);
          }
          return s + g[0];
        },
        reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Arrays.fill(g, 0.0);
            s += store2i(x.v, 1.0, none, g, tape);
          }
          return s + g[0];
        },
        reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Arrays.fill(g, 0.0);
            s += twoA(x.v, 1.0, none, g, tape);
          }
          return s + g[0];
        },
        reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Arrays.fill(g, 0.0);
            s += sumFirst(x.v, 1.0, none, g, tape);
          }
          return s + g[0];
        },
        reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Arrays.fill(g, 0.0);
            s += sqAdd(x.v, 1.0, none, g, tape);
          }
          return s + g[0];
        },
        reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Arrays.fill(g, 0.0);
            s += sqOuter(x.v, 1.0, none, g, tape);
          }
          return s + g[0];
        },
        reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Arrays.fill(g, 0.0);
            s += twoSum(x.v, 1.0, none, g, tape);
          }
          return s + g[0];
        },
        reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            s += Workloads.rosenbrock(x.v);
          }
          return s;
        }};
  }

  public static void main(String[] args) {
    int p = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 21;
    long warmupMs = args.length > 2 ? Long.parseLong(args[2]) : 1000;
    SameJvm.Box<double[]> x = new SameJvm.Box<>(Inputs.rosenbrockPoint(p));
    double[] g = new double[p];
    ReluVariants.Batch[] forms = forms(x, g, new double[0], new Tape());
    double[] expected = new double[p];
    double value = HandGradients.rosenbrock(x.v, expected);
    for (int k = 0; k < NAMES.length; k++) {
      double v = forms[k].run(1) - g[0];
      System.out.printf("%-10s value and gradient bits equal to the hand-written: %b%n", NAMES[k],
          Arrays.equals(expected, g) && v == value);
    }
    double[][] ns = ReluVariants.rounds(forms, rounds, warmupMs);
    for (int k = 0; k < forms.length; k++) {
      String name = k < NAMES.length ? NAMES[k] : "primal";
      System.out.printf("p = %d %-10s %6.2f ns  /hand %s%n", p, name, SameJvm.median(ns[k]),
          SameJvm.spread(ns[k], ns[0]));
    }
  }
}
