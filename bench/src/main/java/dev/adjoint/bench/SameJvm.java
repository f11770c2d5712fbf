package dev.adjoint.bench;

import dev.adjoint.Tape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Same-JVM comparison: for every workload, the primal, the generated public API
 * ({@code CGrad.m(…)}), the generated entry point ({@code mAdjoint(…)} with a reused tape and
 * reused gradient buffers) and the hand-written gradient run in <b>rotated rounds</b> in one JVM
 * (round r starts with form r mod 4), each form for a fixed time slice per round. Every
 * ratio is computed within a round, from slices measured back to back, and reported as
 * min / median / max over the rounds, so a machine shared with other builds shows up as spread
 * instead of as a wrong ratio. Within a slice every operation is a call of its own from one
 * shared loop ({@link #slice}), as JMH calls a benchmark method.
 *
 * <p>Each workload runs in a JVM of its own ({@link ForkedRounds}: this JVM's flags, a fixed
 * pre-touched heap, the same class path), so no workload shapes the JIT profile of the runtime
 * another one uses; {@code --one-jvm} runs them all in this JVM instead, one after the other.
 * {@code --jvms N} measures each workload in N JVMs of its own, one after the other, and pools
 * their rounds: a JVM's median is fixed by what its JIT made of the code (inlining decisions,
 * code layout), which differs from one JVM to the next by more than the rounds within one
 * differ, so one JVM's median is one sample. The first-order table then adds each JVM's median
 * entry/hand ratio.
 *
 * <p>Run it with a fixed heap: {@code java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp
 * bench/target/benchmarks.jar dev.adjoint.bench.SameJvm [--rounds N] [--warmup-ms MS]
 * [--slice-ms MS] [--include REGEX] [--out FILE] [--one-jvm | --jvms N]}. {@code bench/run.sh} does. The
 * second-order table ({@link SecondOrderSameJvm}) follows; {@code --include second-order} runs
 * only it.
 */
public final class SameJvm {
  private SameJvm() {}

  /**
   * Runs a form {@code reps} times and returns a sum of its results (kept alive by a sink).
   * {@link #slice} always passes 1: one operation per call (see there why).
   */
  @FunctionalInterface
  interface Batch {
    double run(int reps);
  }

  record Form(String name, Batch batch) {}

  record Workload(String name, String size, List<Form> forms) {}

  static volatile double sink;

  static final String[] FORMS = {"primal", "API", "entry", "hand"};

  /**
   * The command line: {@code --rounds N --warmup-ms MS --slice-ms MS --include REGEX --out FILE
   * --one-jvm --jvms N}.
   */
  record Options(int rounds, long warmupMs, long sliceMs, Pattern include, String out,
      boolean oneJvm, int jvms) {
    static Options parse(String[] args) {
      int rounds = 15;
      long warmupMs = 1500;
      long sliceMs = 50;
      Pattern include = Pattern.compile(".*");
      String out = null;
      boolean oneJvm = false;
      int jvms = 1;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--rounds" -> rounds = Integer.parseInt(args[++i]);
          case "--warmup-ms" -> warmupMs = Long.parseLong(args[++i]);
          case "--slice-ms" -> sliceMs = Long.parseLong(args[++i]);
          case "--include" -> include = Pattern.compile(args[++i]);
          case "--out" -> out = args[++i];
          case "--one-jvm" -> oneJvm = true;
          case "--jvms" -> jvms = Integer.parseInt(args[++i]);
          default -> throw new IllegalArgumentException("unknown argument " + args[i]
              + "; expected --rounds N, --warmup-ms MS, --slice-ms MS, --include REGEX,"
              + " --out FILE, --one-jvm, --jvms N");
        }
      }
      if (jvms < 1 || oneJvm && jvms != 1) {
        throw new IllegalArgumentException("--jvms takes a count of at least 1 and excludes"
            + " --one-jvm; got " + jvms + (oneJvm ? " with --one-jvm" : ""));
      }
      return new Options(rounds, warmupMs, sliceMs, include, out, oneJvm, jvms);
    }
  }

  /** The machine, the JVM and the settings, printed above the tables. */
  static String preamble(Options o) {
    String text = "Same-JVM rotated rounds: " + Runtime.getRuntime().availableProcessors()
        + " cores, " + Report.cpuModel() + "; JDK " + System.getProperty("java.runtime.version")
        + "; " + LocalDate.now() + "; JVM args " + String.join(" ",
            java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())
        + "; " + o.rounds() + " rounds of " + o.sliceMs() + " ms per form after " + o.warmupMs()
        + " ms warm-up per form; " + (o.oneJvm() ? "all workloads in this one JVM (--one-jvm)"
            : (o.jvms() == 1 ? "each workload in a JVM of its own ("
                : "each workload in " + o.jvms() + " JVMs of its own, one after the other, their "
                    + o.jvms() + " × " + o.rounds() + " rounds pooled (") + String.join(" ",
                ForkedRounds.childJvmArgs(ForkedRounds.parentJvmArgs())) + ")") + ".\n\n";
    System.out.print(text);
    return text;
  }

  public static void main(String[] args) throws IOException {
    Options o = Options.parse(args);
    StringBuilder sb = new StringBuilder(preamble(o));
    boolean first = true;
    List<Workload> all = workloads();
    for (int i = 0; i < all.size(); i++) {
      Workload w = all.get(i);
      if (!o.include().matcher(w.name()).find()) {
        continue;
      }
      if (first) {
        String header = "Times: median over rounds (ns/op). Ratios: per round, then min /"
            + " **median** / max over rounds. API = `CGrad.m(…)`, entry = `mAdjoint(…)` with"
            + " reused tape and buffers, hand = hand-written.\n\n"
            + "| workload | size | primal | API | entry | hand | entry/hand | API/hand"
            + " | entry/primal | hand/primal |" + (o.jvms() > 1 ? " entry/hand per JVM |" : "")
            + "\n|---|---|--:|--:|--:|--:|--:|--:|--:|--:|" + (o.jvms() > 1 ? "--:|" : "")
            + "\n";
        System.out.print(header);
        sb.append(header);
        first = false;
      }
      String row = row(w, nsPerOp(RoundsChild.Table.FIRST_ORDER, i, w, o), o.jvms());
      System.out.print(row);
      sb.append(row);
    }
    if (!first) {
      System.out.println();
      sb.append('\n');
    }
    sb.append(SecondOrderSameJvm.table(o));
    if (o.out() != null) {
      Files.writeString(Path.of(o.out()), sb.toString());
    }
  }

  /**
   * Warms every form up, then runs {@code rounds} rotated rounds (round r starts with form r mod
   * f) after two more of warm-up.
   *
   * @return ns per operation, indexed by form then round
   */
  static double[][] rotatedRounds(Workload w, int rounds, long warmupMs, long sliceMs) {
    int f = w.forms().size();
    for (Form form : w.forms()) {
      slice(form.batch(), warmupMs);
    }
    double[][] ns = new double[f][rounds];
    for (int r = -2; r < rounds; r++) { // two more rotated rounds of warm-up
      for (int j = 0; j < f; j++) {
        int which = Math.floorMod(r + j, f);
        double t = slice(w.forms().get(which).batch(), sliceMs);
        if (r >= 0) {
          ns[which][r] = t;
        }
      }
    }
    return ns;
  }

  /**
   * Workload {@code index} of {@code table} ({@code w}) measured in rotated rounds: in a JVM of
   * its own, or in this one with {@code --one-jvm}.
   *
   * @return ns per operation, indexed by form then round
   */
  static double[][] nsPerOp(RoundsChild.Table table, int index, Workload w, Options o) {
    if (o.oneJvm()) {
      return rotatedRounds(w, o.rounds(), o.warmupMs(), o.sliceMs());
    }
    double[][] pooled = new double[w.forms().size()][0];
    for (int j = 0; j < o.jvms(); j++) {
      pooled = pool(pooled, ForkedRounds.run(
          ForkedRounds.childJvmArgs(ForkedRounds.parentJvmArgs()), table, index, w, o));
    }
    return pooled;
  }

  /** The rounds of {@code more} after those of {@code ns}, form by form. */
  static double[][] pool(double[][] ns, double[][] more) {
    double[][] out = new double[ns.length][];
    for (int f = 0; f < ns.length; f++) {
      out[f] = Arrays.copyOf(ns[f], ns[f].length + more[f].length);
      System.arraycopy(more[f], 0, out[f], ns[f].length, more[f].length);
    }
    return out;
  }

  /**
   * The median entry/hand ratio of each of the {@code jvms} JVMs whose rounds {@code ns} pools
   * in order ({@link #pool}), comma-separated.
   */
  static String perJvm(double[][] ns, int jvms) {
    int rounds = ns[2].length / jvms;
    List<String> medians = new ArrayList<>();
    for (int j = 0; j < jvms; j++) {
      double[] r = new double[rounds];
      for (int k = 0; k < rounds; k++) {
        r[k] = ns[2][j * rounds + k] / ns[3][j * rounds + k];
      }
      medians.add(String.format(Locale.ROOT, "%.2f", median(r)));
    }
    return String.join(", ", medians);
  }

  /**
   * The table row of {@code w} from its times (indexed by form then round, the rounds of
   * {@code jvms} JVMs pooled).
   */
  static String row(Workload w, double[][] ns, int jvms) {
    int f = w.forms().size();
    StringBuilder sb = new StringBuilder();
    sb.append("| ").append(w.name()).append(" | ").append(w.size());
    for (int j = 0; j < f; j++) {
      sb.append(" | ").append(Report.format(median(ns[j])));
    }
    // forms: 0 primal, 1 API, 2 entry, 3 hand
    sb.append(" | ").append(spread(ns[2], ns[3])).append(" | ").append(spread(ns[1], ns[3]))
        .append(" | ").append(spread(ns[2], ns[0])).append(" | ").append(spread(ns[3], ns[0]))
        .append(jvms > 1 ? " | " + perJvm(ns, jvms) : "").append(" |\n");
    return sb.toString();
  }

  /** Fewest calls per slice: slow workloads (GMM: tens of ms a call) get whole calls. */
  static final int MIN_CALLS = 3;

  /**
   * Runs {@code b} for about {@code ms} (at least MIN_CALLS calls); returns ns per operation.
   *
   * <p>Each operation is its own call {@code b.run(1)} from this loop, as JMH calls a benchmark
   * method: the call site sees every form of every workload, so it is megamorphic and never
   * inlined, and each form is compiled as a method of its own with one operation in it, as a
   * caller's method calling the form is. A form's {@code run(reps)} with {@code reps} in the
   * thousands (as this loop once passed) let the JIT compile the operation nested in the
   * batch loop, and what it made of that nest depended on the batch sizes seen while profiling:
   * the same extended Rosenbrock p = 10 code measured entry/hand 0.87 with batches of 10⁴ calls
   * and 1.13 with batches of 7·10⁴ (thread CPU time, reproducible run after run; {@link
   * RosenbrockVariants}), where one call per operation measures 1.05 to 1.08 for these forms at
   * any batch size (1.02 to 1.03 for forms without a loop of their own). The per-call cost this
   * adds (2 to 4 ns, the same for every form) is part of every time in the tables.
   */
  static double slice(Batch b, long ms) {
    long budget = ms * 1_000_000L;
    int reps = 1;
    long calls = 0;
    double s = 0;
    long start = System.nanoTime();
    long now;
    while (true) {
      for (int k = 0; k < reps; k++) {
        s += b.run(1);
      }
      calls += reps;
      now = System.nanoTime();
      long elapsed = now - start;
      if (elapsed >= budget && calls >= MIN_CALLS) {
        break;
      }
      // Batches of about 1 ms (or the rest of the slice), so nanoTime is not what is measured.
      double perCall = (double) elapsed / calls;
      reps = (int) Math.max(1, Math.min(Math.min(1_000_000 / Math.max(perCall, 1), 1 << 20),
          Math.max((budget - elapsed) / Math.max(perCall, 1), MIN_CALLS - calls)));
    }
    sink += s;
    return (double) (now - start) / calls;
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  static String spread(double[] num, double[] den) {
    double[] r = new double[num.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = num[i] / den[i];
    }
    double[] s = r.clone();
    Arrays.sort(s);
    return String.format(Locale.ROOT, "%.2f / **%.2f** / %.2f", s[0], median(r), s[s.length - 1]);
  }

  // ---------------------------------------------------------------- workloads

  /** Inputs live behind a volatile read, so no loop can hoist a pure call out of a batch. */
  static final class Box<T> {
    volatile T v;

    Box(T v) {
      this.v = v;
    }
  }

  record Relu(double x, double y, double w1, double b1, double w2, double b2) {}

  static List<Workload> workloads() {
    List<Workload> all = new ArrayList<>();

    Box<Relu> relu = new Box<>(new Relu(1, 5, 2, 0, 3, 1));
    double[] reluAdj = new double[4];
    all.add(new Workload("seed ReLU cost", "p = 4", List.of(
        new Form("primal", reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Relu q = relu.v;
            s += Workloads.reluCost(q.x, q.y, q.w1, q.b1, q.w2, q.b2);
          }
          return s;
        }),
        new Form("API", reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Relu q = relu.v;
            var g = WorkloadsGrad.reluCost(q.x, q.y, q.w1, q.b1, q.w2, q.b2);
            s += g.value() + g.w1() + g.b1() + g.w2() + g.b2();
          }
          return s;
        }),
        new Form("entry", reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Relu q = relu.v;
            Arrays.fill(reluAdj, 0.0);
            s += WorkloadsGrad.reluCostAdjoint(q.x, q.y, q.w1, q.b1, q.w2, q.b2, 1.0, reluAdj,
                null);
          }
          return s + reluAdj[0];
        }),
        new Form("hand", reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Relu q = relu.v;
            Arrays.fill(reluAdj, 0.0);
            s += HandGradients.reluCost(q.x, q.y, q.w1, q.b1, q.w2, q.b2, reluAdj);
          }
          return s + reluAdj[0];
        }))));

    for (int p : new int[] {10, 100, 1000}) {
      Box<double[]> x = new Box<>(Inputs.rosenbrockPoint(p));
      double[] g = new double[p];
      double[] none = new double[0];
      Tape tape = new Tape();
      all.add(new Workload("extended Rosenbrock", "p = " + p, List.of(
          new Form("primal", reps -> {
            double s = 0;
            for (int i = 0; i < reps; i++) {
              s += Workloads.rosenbrock(x.v);
            }
            return s;
          }),
          new Form("API", reps -> {
            double s = 0;
            for (int i = 0; i < reps; i++) {
              var r = WorkloadsGrad.rosenbrock(x.v);
              s += r.value() + r.x()[0];
            }
            return s;
          }),
          new Form("entry", reps -> {
            double s = 0;
            for (int i = 0; i < reps; i++) {
              Arrays.fill(g, 0.0);
              s += WorkloadsGrad.rosenbrockAdjoint(x.v, 1.0, none, g, tape);
            }
            return s + g[0];
          }),
          new Form("hand", reps -> {
            double s = 0;
            for (int i = 0; i < reps; i++) {
              Arrays.fill(g, 0.0);
              s += HandGradients.rosenbrock(x.v, g);
            }
            return s + g[0];
          }))));
    }

    {
      Box<Inputs.Mlp> mlp = new Box<>(new Inputs.Mlp());
      double[][] gw1 = new double[Inputs.MLP_HIDDEN][Inputs.MLP_INPUTS];
      double[] gb1 = new double[Inputs.MLP_HIDDEN];
      double[][] gw2 = new double[Inputs.MLP_OUTPUTS][Inputs.MLP_HIDDEN];
      double[] gb2 = new double[Inputs.MLP_OUTPUTS];
      double[] none = new double[0];
      Tape tape = new Tape();
      var ws = new HandGradients.MlpWorkspace(Inputs.MLP_HIDDEN, Inputs.MLP_OUTPUTS);
      Runnable zero = () -> {
        zero(gw1);
        Arrays.fill(gb1, 0.0);
        zero(gw2);
        Arrays.fill(gb2, 0.0);
      };
      all.add(new Workload("MLP mini-batch (64-128-10, batch 32)", "p = 9,610", List.of(
          new Form("primal", reps -> {
            double s = 0;
            for (int i = 0; i < reps; i++) {
              Inputs.Mlp m = mlp.v;
              s += Workloads.mlp(m.xs, m.labels, m.w1, m.b1, m.w2, m.b2);
            }
            return s;
          }),
          new Form("API", reps -> {
            double s = 0;
            for (int i = 0; i < reps; i++) {
              Inputs.Mlp m = mlp.v;
              var r = WorkloadsGrad.mlp(m.xs, m.labels, m.w1, m.b1, m.w2, m.b2);
              s += r.value() + r.b2()[0];
            }
            return s;
          }),
          new Form("entry", reps -> {
            double s = 0;
            for (int i = 0; i < reps; i++) {
              Inputs.Mlp m = mlp.v;
              zero.run();
              s += WorkloadsGrad.mlpAdjoint(m.xs, m.labels, m.w1, m.b1, m.w2, m.b2, 1.0, none,
                  gw1, gb1, gw2, gb2, tape);
            }
            return s + gb2[0];
          }),
          new Form("hand", reps -> {
            double s = 0;
            for (int i = 0; i < reps; i++) {
              Inputs.Mlp m = mlp.v;
              zero.run();
              s += HandGradients.mlp(m.xs, m.labels, m.w1, m.b1, m.w2, m.b2, gw1, gb1, gw2, gb2,
                  ws);
            }
            return s + gb2[0];
          }))));
    }

    {
      Box<double[]> abx = new Box<>(new double[] {0.5, 0.9, 0.1});
      int steps = Inputs.RECURRENCE_STEPS;
      double[] g = new double[3];
      Tape tape = new Tape();
      var ws = new HandGradients.RecurrenceWorkspace();
      all.add(new Workload("10⁴-step recurrence", "p = 3", List.of(
          new Form("primal", reps -> {
            double s = 0;
            for (int i = 0; i < reps; i++) {
              double[] q = abx.v;
              s += Workloads.recurrence(q[0], q[1], q[2], steps);
            }
            return s;
          }),
          new Form("API", reps -> {
            double s = 0;
            for (int i = 0; i < reps; i++) {
              double[] q = abx.v;
              var r = WorkloadsGrad.recurrence(q[0], q[1], q[2], steps);
              s += r.value() + r.x0();
            }
            return s;
          }),
          new Form("entry", reps -> {
            double s = 0;
            for (int i = 0; i < reps; i++) {
              double[] q = abx.v;
              Arrays.fill(g, 0.0);
              s += WorkloadsGrad.recurrenceAdjoint(q[0], q[1], q[2], steps, 1.0, g, tape);
            }
            return s + g[0];
          }),
          new Form("hand", reps -> {
            double s = 0;
            for (int i = 0; i < reps; i++) {
              double[] q = abx.v;
              Arrays.fill(g, 0.0);
              s += HandGradients.recurrence(q[0], q[1], q[2], steps, g, ws);
            }
            return s + g[0];
          }))));
    }

    {
      Box<Inputs.Gmm> gmm = new Box<>(new Inputs.Gmm());
      int k = Inputs.GMM_K;
      int d = Inputs.GMM_D;
      double[] ga = new double[k];
      double[][] gm = new double[k][d];
      double[][] gq = new double[k][d * (d + 1) / 2];
      double[] none = new double[0];
      Tape tape = new Tape();
      var ws = new PublicHandGradients.GmmWorkspace(k, d);
      all.add(new Workload("ADBench GMM (d 10, K 25, n 1000)", "p = 1,650", List.of(
          new Form("primal", reps -> {
            double s = 0;
            for (int i = 0; i < reps; i++) {
              Inputs.Gmm q = gmm.v;
              s += PublicWorkloads.gmm(q.alphas, q.means, q.icf, q.x, q.gamma, q.m);
            }
            return s;
          }),
          new Form("API", reps -> {
            double s = 0;
            for (int i = 0; i < reps; i++) {
              Inputs.Gmm q = gmm.v;
              var r = PublicWorkloadsGrad.gmm(q.alphas, q.means, q.icf, q.x, q.gamma, q.m);
              s += r.value() + r.alphas()[0];
            }
            return s;
          }),
          new Form("entry", reps -> {
            double s = 0;
            for (int i = 0; i < reps; i++) {
              Inputs.Gmm q = gmm.v;
              Arrays.fill(ga, 0.0);
              zero(gm);
              zero(gq);
              s += PublicWorkloadsGrad.gmmAdjoint(q.alphas, q.means, q.icf, q.x, q.gamma, q.m,
                  1.0, none, ga, gm, gq, tape);
            }
            return s + ga[0];
          }),
          new Form("hand", reps -> {
            double s = 0;
            for (int i = 0; i < reps; i++) {
              Inputs.Gmm q = gmm.v;
              Arrays.fill(ga, 0.0);
              zero(gm);
              zero(gq);
              s += PublicHandGradients.gmm(q.alphas, q.means, q.icf, q.x, q.gamma, q.m, ga, gm,
                  gq, ws);
            }
            return s + ga[0];
          }))));
    }

    {
      Box<double[]> x = new Box<>(Inputs.uniform(Inputs.LLSQ_M, 31337));
      int n = Inputs.LLSQ_N;
      double[] g = new double[Inputs.LLSQ_M];
      double[] none = new double[0];
      Tape tape = new Tape();
      var ws = new PublicHandGradients.LlsqWorkspace();
      all.add(new Workload("GradBench llsq (m 128, n 1024)", "p = 128", List.of(
          new Form("primal", reps -> {
            double s = 0;
            for (int i = 0; i < reps; i++) {
              s += PublicWorkloads.llsq(x.v, n);
            }
            return s;
          }),
          new Form("API", reps -> {
            double s = 0;
            for (int i = 0; i < reps; i++) {
              var r = PublicWorkloadsGrad.llsq(x.v, n);
              s += r.value() + r.x()[0];
            }
            return s;
          }),
          new Form("entry", reps -> {
            double s = 0;
            for (int i = 0; i < reps; i++) {
              Arrays.fill(g, 0.0);
              s += PublicWorkloadsGrad.llsqAdjoint(x.v, n, 1.0, none, g, tape);
            }
            return s + g[0];
          }),
          new Form("hand", reps -> {
            double s = 0;
            for (int i = 0; i < reps; i++) {
              Arrays.fill(g, 0.0);
              s += PublicHandGradients.llsq(x.v, n, g, ws);
            }
            return s + g[0];
          }))));
    }

    {
      double[] x0 = Inputs.uniform(Inputs.ODE_N, 31337);
      for (int i = 0; i < x0.length; i++) {
        x0[i] += 0.5;
      }
      Box<double[]> x = new Box<>(x0);
      int steps = Inputs.ODE_STEPS;
      double[] g = new double[Inputs.ODE_N];
      double[] none = new double[0];
      Tape tape = new Tape();
      var ws = new PublicHandGradients.OdeWorkspace();
      all.add(new Workload("GradBench ode (n 1000, s 10)", "p = 1,000", List.of(
          new Form("primal", reps -> {
            double s = 0;
            for (int i = 0; i < reps; i++) {
              s += PublicWorkloads.ode(x.v, steps);
            }
            return s;
          }),
          new Form("API", reps -> {
            double s = 0;
            for (int i = 0; i < reps; i++) {
              var r = PublicWorkloadsGrad.ode(x.v, steps);
              s += r.value() + r.x()[0];
            }
            return s;
          }),
          new Form("entry", reps -> {
            double s = 0;
            for (int i = 0; i < reps; i++) {
              Arrays.fill(g, 0.0);
              s += PublicWorkloadsGrad.odeAdjoint(x.v, steps, 1.0, none, g, tape);
            }
            return s + g[0];
          }),
          new Form("hand", reps -> {
            double s = 0;
            for (int i = 0; i < reps; i++) {
              Arrays.fill(g, 0.0);
              s += PublicHandGradients.ode(x.v, steps, g, ws);
            }
            return s + g[0];
          }))));
    }
    all.add(lstm());
    return all;
  }

  /** ADBench LSTM at its smallest published size, {@code lstm_l2_c1024}. */
  private static Workload lstm() {
    Lstm.Inputs in = new Lstm.Inputs();
    double[] mainGrad = new double[in.mainParams.length];
    double[] extraGrad = new double[in.extraParams.length];
    double[] none = new double[0];
    Tape tape = new Tape();
    LstmHand.Workspace ws = new LstmHand.Workspace(in.l, in.b);
    return new Workload("ADBench LSTM (l 2, c 1024, b 14)",
        String.format(java.util.Locale.ROOT, "p = %d", in.parameterCount()), List.of(
        new Form("primal", reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            s += Lstm.objective(in.l, in.c, in.b, in.mainParams, in.extraParams, in.state,
                in.sequence);
          }
          return s;
        }),
        new Form("API", reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            var r = LstmGrad.objective(in.l, in.c, in.b, in.mainParams, in.extraParams, in.state,
                in.sequence);
            s += r.value() + r.mainParams()[0];
          }
          return s;
        }),
        new Form("entry", reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Arrays.fill(mainGrad, 0.0);
            Arrays.fill(extraGrad, 0.0);
            s += LstmGrad.objectiveAdjoint(in.l, in.c, in.b, in.mainParams, in.extraParams,
                in.state, in.sequence, 1.0, none, mainGrad, extraGrad, tape);
          }
          return s + mainGrad[0];
        }),
        new Form("hand", reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Arrays.fill(mainGrad, 0.0);
            Arrays.fill(extraGrad, 0.0);
            s += LstmHand.objective(in.l, in.c, in.b, in.mainParams, in.extraParams, in.state,
                in.sequence, mainGrad, extraGrad, ws);
          }
          return s + mainGrad[0];
        })));
  }

  static void zero(double[][] m) {
    for (double[] row : m) {
      Arrays.fill(row, 0.0);
    }
  }
}
