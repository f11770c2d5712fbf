package dev.adjoint.bench;

import dev.adjoint.Tape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Mini-batch training throughput of the MNIST-shaped MLP (784-64-10, float64, one thread), in
 * examples per second, SGD step included: the demo's structure (a record whose batch loss calls
 * its per-example loss, {@link TrainingNet}), the same loss written inline as one
 * {@code @Differentiable} method ({@link Workloads#mlp}) and the hand-written per-example
 * backward pass ({@link HandGradients#mlp}). All three run in one JVM, in rotated rounds (as
 * {@link SameJvm}); each form trains its own copy of one initial network on the same batches.
 * Each batch size runs in a JVM of its own ({@link ForkedRounds}) unless {@code --one-jvm}.
 *
 * <pre>
 * java -Xms2g -Xmx2g -XX:+AlwaysPreTouch -cp bench/target/benchmarks.jar \
 *     dev.adjoint.bench.TrainingThroughput [--rounds N] [--slice-ms MS] [--warmup-ms MS]
 *     [--one-jvm]
 * </pre>
 */
public final class TrainingThroughput {
  static final int INPUTS = 784;
  static final int HIDDEN = 64;
  static final int CLASSES = 10;
  /** Batches cycled through; the data set is {@code BATCHES × batch} synthetic examples. */
  static final int BATCHES = 8;
  static final double LEARNING_RATE = 0.01;
  private static final double[] NO_SCALARS = new double[0];

  private TrainingThroughput() {}

  /** The batches: features {@code [batch index][example][input]} and labels. */
  record Data(double[][][] xs, int[][] labels) {
    static Data of(int batch, long seed) {
      Inputs.Mlp all = new Inputs.Mlp(INPUTS, HIDDEN, CLASSES, BATCHES * batch, seed);
      double[][][] xs = new double[BATCHES][batch][];
      int[][] labels = new int[BATCHES][batch];
      for (int b = 0; b < BATCHES; b++) {
        for (int k = 0; k < batch; k++) {
          xs[b][k] = all.xs[b * batch + k];
          labels[b][k] = all.labels[b * batch + k];
        }
      }
      return new Data(xs, labels);
    }
  }

  /** How one form computes the batch-mean loss and adds its gradient into the model's buffers. */
  @FunctionalInterface
  interface GradientStep {
    double run(Model m, double[][] xs, int[] labels);
  }

  /** One form's copy of the network, its gradient buffers and scratch, and where it is. */
  static final class Model {
    final TrainingNet net;
    final TrainingNet grad;
    final Tape tape = new Tape();
    final HandGradients.MlpWorkspace ws = new HandGradients.MlpWorkspace(HIDDEN, CLASSES);
    int next;

    Model(Inputs.Mlp init) {
      net = new TrainingNet(copy(init.w1), init.b1.clone(), copy(init.w2), init.b2.clone());
      grad = new TrainingNet(new double[HIDDEN][INPUTS], new double[HIDDEN],
          new double[CLASSES][HIDDEN], new double[CLASSES]);
    }

    /** One SGD step on the next batch; returns the batch's loss before the step. */
    double train(Data data, GradientStep step) {
      int b = next;
      next = (next + 1) % BATCHES;
      SameJvm.zero(grad.w1());
      java.util.Arrays.fill(grad.b1(), 0.0);
      SameJvm.zero(grad.w2());
      java.util.Arrays.fill(grad.b2(), 0.0);
      double loss = step.run(this, data.xs()[b], data.labels()[b]);
      descend(net.w1(), grad.w1());
      descend(net.b1(), grad.b1());
      descend(net.w2(), grad.w2());
      descend(net.b2(), grad.b2());
      return loss;
    }

    private static void descend(double[][] w, double[][] g) {
      for (int i = 0; i < w.length; i++) {
        descend(w[i], g[i]);
      }
    }

    private static void descend(double[] w, double[] g) {
      for (int i = 0; i < w.length; i++) {
        w[i] -= LEARNING_RATE * g[i];
      }
    }

    private static double[][] copy(double[][] m) {
      double[][] c = new double[m.length][];
      for (int i = 0; i < m.length; i++) {
        c[i] = m[i].clone();
      }
      return c;
    }
  }

  /** The demo's structure: the record's batch loss through its generated entry point. */
  static double recordStep(Model m, double[][] xs, int[] labels) {
    TrainingNet n = m.net;
    TrainingNet g = m.grad;
    return TrainingNetGrad.batchLossAdjoint(xs, labels, n.w1(), n.b1(), n.w2(), n.b2(), 1.0,
        NO_SCALARS, g.w1(), g.b1(), g.w2(), g.b2(), m.tape);
  }

  /** The same loss written inline as one static {@code @Differentiable} method. */
  static double inlineStep(Model m, double[][] xs, int[] labels) {
    TrainingNet n = m.net;
    TrainingNet g = m.grad;
    return WorkloadsGrad.mlpAdjoint(xs, labels, n.w1(), n.b1(), n.w2(), n.b2(), 1.0, NO_SCALARS,
        g.w1(), g.b1(), g.w2(), g.b2(), m.tape);
  }

  /** The hand-written per-example backward pass. */
  static double handStep(Model m, double[][] xs, int[] labels) {
    TrainingNet n = m.net;
    TrainingNet g = m.grad;
    return HandGradients.mlp(xs, labels, n.w1(), n.b1(), n.w2(), n.b2(), g.w1(), g.b1(),
        g.w2(), g.b2(), m.ws);
  }

  /** The three forms at one batch size, each with its own model, as a same-JVM workload. */
  static SameJvm.Workload workload(int batch) {
    Data data = Data.of(batch, 11);
    Inputs.Mlp init = new Inputs.Mlp(INPUTS, HIDDEN, CLASSES, 1, 5);
    List<SameJvm.Form> forms = List.of(form("demo (record)", init, data,
        TrainingThroughput::recordStep), form("inline", init, data,
        TrainingThroughput::inlineStep), form("hand", init, data, TrainingThroughput::handStep));
    return new SameJvm.Workload("MLP 784-64-10 training", "batch " + batch, forms);
  }

  private static SameJvm.Form form(String name, Inputs.Mlp init, Data data, GradientStep step) {
    Model m = new Model(init);
    return new SameJvm.Form(name, reps -> {
      double s = 0;
      for (int i = 0; i < reps; i++) {
        s += m.train(data, step);
      }
      return s;
    });
  }

  /** The batch sizes measured, one workload each. */
  static final int[] BATCH_SIZES = {64, 256};

  /** One workload per batch size, in the order of {@link #BATCH_SIZES}. */
  static List<SameJvm.Workload> workloads() {
    List<SameJvm.Workload> all = new ArrayList<>();
    for (int batch : BATCH_SIZES) {
      all.add(workload(batch));
    }
    return all;
  }

  public static void main(String[] args) {
    int rounds = 15;
    long sliceMs = 200;
    long warmupMs = 3000;
    boolean oneJvm = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--slice-ms" -> sliceMs = Long.parseLong(args[++i]);
        case "--warmup-ms" -> warmupMs = Long.parseLong(args[++i]);
        case "--one-jvm" -> oneJvm = true;
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    SameJvm.Options o = new SameJvm.Options(rounds, warmupMs, sliceMs,
        Pattern.compile(""), null, oneJvm, 1);
    System.out.printf(Locale.ROOT, "JDK %s; %d rounds of %d ms per form after %d ms warm-up;"
        + " %s; examples/s = batch / median time per SGD step.%n%n",
        System.getProperty("java.runtime.version"), rounds, sliceMs, warmupMs,
        oneJvm ? "both batch sizes in this one JVM (--one-jvm)" : "each batch size in a JVM of"
            + " its own");
    System.out.println("| batch | demo (record) ex/s | inline ex/s | hand ex/s | record/hand time"
        + " | inline/hand time |");
    System.out.println("|--:|--:|--:|--:|--:|--:|");
    List<SameJvm.Workload> all = workloads();
    for (int k = 0; k < all.size(); k++) {
      int batch = BATCH_SIZES[k];
      double[][] ns = SameJvm.nsPerOp(RoundsChild.Table.TRAINING, k, all.get(k), o);
      System.out.printf(Locale.ROOT, "| %d | %,.0f | %,.0f | %,.0f | %s | %s |%n", batch,
          examplesPerSecond(batch, ns[0]), examplesPerSecond(batch, ns[1]),
          examplesPerSecond(batch, ns[2]), SameJvm.spread(ns[0], ns[2]),
          SameJvm.spread(ns[1], ns[2]));
    }
  }

  static double examplesPerSecond(int batch, double[] nsPerStep) {
    return batch * 1e9 / SameJvm.median(nsPerStep);
  }
}
