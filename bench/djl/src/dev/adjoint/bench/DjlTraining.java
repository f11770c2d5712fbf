package dev.adjoint.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Mini-batch training of the MNIST-shaped MLP (784-64-10, one thread, SGD step included) in
 * examples per second: the three Java forms of {@link TrainingThroughput} (the demo's record
 * structure, the inline loss, hand-written) beside DJL autograd in float64 and float32, in one JVM
 * with rotated rounds. DJL keeps parameters and batches as native tensors and updates its
 * parameters in place, as a DJL training loop does. Before timing, one DJL step is checked against
 * the hand-written one (float64).
 *
 * <p>{@code bench/djl/run.sh --training [--rounds N] [--slice-ms MS] [--warmup-ms MS]}
 */
public final class DjlTraining {
  private DjlTraining() {}

  public static void main(String[] args) {
    int rounds = 11;
    long sliceMs = 300;
    long warmupMs = 3000;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--slice-ms" -> sliceMs = Long.parseLong(args[++i]);
        case "--warmup-ms" -> warmupMs = Long.parseLong(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Engine engine = Engine.getInstance();
    System.out.printf(Locale.ROOT, "DJL %s, engine %s %s, %d intra-op threads; JDK %s; %d rounds"
        + " of %d ms per form after %d ms warm-up; examples/s = batch / median time per SGD"
        + " step.%n%n", Engine.getDjlVersion(), engine.getEngineName(), engine.getVersion(),
        Integer.getInteger("ai.djl.pytorch.num_threads", -1),
        System.getProperty("java.runtime.version"), rounds, sliceMs, warmupMs);
    System.out.println("| batch | demo (record) | inline | hand | DJL f64 | DJL f32 | DJL f64 / demo"
        + " time | DJL f32 / demo time |");
    System.out.println("|--:|--:|--:|--:|--:|--:|--:|--:|");
    try (NDManager manager = NDManager.newBaseManager()) {
      for (int batch : new int[] {64, 256}) {
        SameJvm.Workload java = TrainingThroughput.workload(batch);
        List<SameJvm.Form> forms = new ArrayList<>(java.forms());
        TrainingThroughput.Data data = TrainingThroughput.Data.of(batch, 11);
        Inputs.Mlp init = new Inputs.Mlp(TrainingThroughput.INPUTS, TrainingThroughput.HIDDEN,
            TrainingThroughput.CLASSES, 1, 5);
        checkOneStep(manager, init, data);
        forms.add(new SameJvm.Form("DJL f64", new Net(manager, init, data, DataType.FLOAT64)
            ::train));
        forms.add(new SameJvm.Form("DJL f32", new Net(manager, init, data, DataType.FLOAT32)
            ::train));
        double[][] ns = SameJvm.rotatedRounds(new SameJvm.Workload(java.name(), java.size(),
            forms), rounds, warmupMs, sliceMs);
        System.out.printf(Locale.ROOT, "| %d | %,.0f | %,.0f | %,.0f | %,.0f | %,.0f | %s | %s |%n",
            batch, TrainingThroughput.examplesPerSecond(batch, ns[0]),
            TrainingThroughput.examplesPerSecond(batch, ns[1]),
            TrainingThroughput.examplesPerSecond(batch, ns[2]),
            TrainingThroughput.examplesPerSecond(batch, ns[3]),
            TrainingThroughput.examplesPerSecond(batch, ns[4]), SameJvm.spread(ns[3], ns[0]),
            SameJvm.spread(ns[4], ns[0]));
      }
    }
  }

  /** One float64 DJL step from {@code init} gives the hand-written step's network. */
  private static void checkOneStep(NDManager manager, Inputs.Mlp init,
      TrainingThroughput.Data data) {
    TrainingThroughput.Model hand = new TrainingThroughput.Model(init);
    hand.train(data, TrainingThroughput::handStep);
    Net djl = new Net(manager, init, data, DataType.FLOAT64);
    djl.train(1);
    double[][] expected = {flat(hand.net.w1()), hand.net.b1(), flat(hand.net.w2()),
        hand.net.b2()};
    for (int k = 0; k < 4; k++) {
      double[] actual = djl.params[k].toDoubleArray();
      for (int i = 0; i < actual.length; i++) {
        if (!(Math.abs(actual[i] - expected[k][i]) <= 1e-12 * Math.max(1, Math.abs(actual[i])))) {
          throw new AssertionError("DJL's SGD step differs from the hand-written one in parameter "
              + k + " at " + i + ": " + actual[i] + " vs " + expected[k][i]);
        }
      }
    }
  }

  private static double[] flat(double[][] m) {
    double[] out = new double[m.length * m[0].length];
    for (int i = 0; i < m.length; i++) {
      System.arraycopy(m[i], 0, out, i * m[0].length, m[0].length);
    }
    return out;
  }

  /** The network, its batches and their one-hot labels as native tensors of one precision. */
  private static final class Net {
    final NDArray[] params;
    final NDArray[] xs;
    final NDArray[] oneHot;
    final int batch;
    int next;

    Net(NDManager m, Inputs.Mlp init, TrainingThroughput.Data data, DataType type) {
      params = new NDArray[] {m.create(init.w1).toType(type, false),
          m.create(init.b1).toType(type, false), m.create(init.w2).toType(type, false),
          m.create(init.b2).toType(type, false)};
      for (NDArray p : params) {
        p.setRequiresGradient(true);
      }
      int batches = data.xs().length;
      xs = new NDArray[batches];
      oneHot = new NDArray[batches];
      for (int b = 0; b < batches; b++) {
        xs[b] = m.create(data.xs()[b]).toType(type, false);
        oneHot[b] = m.create(data.labels()[b]).oneHot(TrainingThroughput.CLASSES)
            .toType(type, false);
      }
      batch = data.labels()[0].length;
    }

    /** {@code reps} SGD steps on successive batches; returns the sum of their losses. */
    double train(int reps) {
      double s = 0;
      for (int r = 0; r < reps; r++) {
        int b = next;
        next = (next + 1) % xs.length;
        try (NDScope scope = new NDScope()) {
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            gc.zeroGradients();
            NDArray h = Activation.relu(xs[b].matMul(params[0].transpose()).add(params[1]));
            NDArray logits = h.matMul(params[2].transpose()).add(params[3]);
            NDArray loss = logits.logSoftmax(1).mul(oneHot[b]).sum().neg().div(batch);
            gc.backward(loss);
            s += loss.toType(DataType.FLOAT64, false).getDouble();
          }
          for (NDArray p : params) {
            p.subi(p.getGradient().mul(TrainingThroughput.LEARNING_RATE));
          }
        }
      }
      return s;
    }
  }
}
