package dev.adjoint.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import dev.adjoint.Tape;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * DJL (PyTorch engine, CPU, one thread) beside Adjoint and the hand-written gradients, in one JVM
 * with rotated rounds: for each workload, each form runs one time slice per round, the order
 * rotated by one form each round, and every ratio is taken within a round (min / median / max
 * over rounds), as in {@link SameJvm}. DJL keeps its parameters as native tensors across calls
 * (as a DJL user would) and its gradients stay native: no copy back to Java arrays is timed.
 * Before timing, each DJL gradient is checked against the hand-written one.
 *
 * <p>Run by {@code bench/djl/run.sh}, which is outside the Maven build (DJL's native library is
 * about 110 MB and is fetched only when this peer is wanted).
 */
public final class DjlPeers {
  private DjlPeers() {}

  record Form(String name, SameJvm.Batch batch) {}

  public static void main(String[] args) {
    int rounds = 15;
    long sliceMs = 50;
    long warmupMs = 1500;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--slice-ms" -> sliceMs = Long.parseLong(args[++i]);
        case "--warmup-ms" -> warmupMs = Long.parseLong(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Engine engine = Engine.getInstance();
    System.out.printf(Locale.ROOT, "DJL %s, engine %s %s, %d threads (intra-op); JDK %s; %d rounds"
        + " of %d ms per form after %d ms warm-up.%n%n", Engine.getDjlVersion(),
        engine.getEngineName(), engine.getVersion(),
        Integer.getInteger("ai.djl.pytorch.num_threads", -1), System.getProperty(
            "java.runtime.version"), rounds, sliceMs, warmupMs);
    System.out.println("| workload | p | entry ns | hand ns | DJL f64 ns | DJL f32 ns | entry/hand"
        + " | DJL f64/entry | DJL f64/hand | DJL f32/entry |");
    System.out.println("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
    try (NDManager manager = NDManager.newBaseManager()) {
      for (int p : new int[] {10, 100, 1000, 10_000}) {
        measure("extended Rosenbrock", p, rosenbrock(manager, p), rounds, sliceMs, warmupMs);
      }
      measure("MLP 64-128-10, batch 32", new Inputs.Mlp().parameterCount(), mlp(manager),
          rounds, sliceMs, warmupMs);
    }
  }

  /** Forms: entry, hand, DJL float64, and DJL float32 or null. */
  private static void measure(String name, int p, List<Form> forms, int rounds, long sliceMs,
      long warmupMs) {
    int f = forms.size();
    for (Form form : forms) {
      SameJvm.slice(form.batch(), warmupMs);
    }
    double[][] ns = new double[f][rounds];
    for (int r = -2; r < rounds; r++) {
      for (int j = 0; j < f; j++) {
        int which = Math.floorMod(r + j, f);
        double t = SameJvm.slice(forms.get(which).batch(), sliceMs);
        if (r >= 0) {
          ns[which][r] = t;
        }
      }
    }
    String f32 = f > 3 ? Report.format(SameJvm.median(ns[3])) : "–";
    System.out.printf(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s | %s | %s | %s | %s |%n", name, p,
        Report.format(SameJvm.median(ns[0])), Report.format(SameJvm.median(ns[1])),
        Report.format(SameJvm.median(ns[2])), f32, SameJvm.spread(ns[0], ns[1]),
        SameJvm.spread(ns[2], ns[0]), SameJvm.spread(ns[2], ns[1]),
        f > 3 ? SameJvm.spread(ns[3], ns[0]) : "–");
  }

  private static List<Form> rosenbrock(NDManager manager, int p) {
    double[] x = Inputs.rosenbrockPoint(p);
    double[] g = new double[p];
    double[] none = new double[0];
    Tape tape = new Tape();
    NDArray xs = manager.create(x);
    xs.setRequiresGradient(true);
    double[] hand = new double[p];
    HandGradients.rosenbrock(x, hand);
    double[] djl;
    try (NDScope scope = new NDScope(); GradientCollector gc = Engine.getInstance()
        .newGradientCollector()) {
      gc.backward(rosenbrockLoss(xs));
      djl = xs.getGradient().toDoubleArray();
    }
    check("Rosenbrock p = " + p, hand, djl);
    List<Form> forms = new ArrayList<>();
    forms.add(new Form("entry", reps -> {
      double s = 0;
      for (int i = 0; i < reps; i++) {
        java.util.Arrays.fill(g, 0.0);
        s += WorkloadsGrad.rosenbrockAdjoint(x, 1.0, none, g, tape);
      }
      return s + g[0];
    }));
    forms.add(new Form("hand", reps -> {
      double s = 0;
      for (int i = 0; i < reps; i++) {
        java.util.Arrays.fill(g, 0.0);
        s += HandGradients.rosenbrock(x, g);
      }
      return s + g[0];
    }));
    forms.add(new Form("DJL f64", reps -> djlGradient(xs, reps, DjlPeers::rosenbrockLoss)));
    return forms;
  }

  private static NDArray rosenbrockLoss(NDArray x) {
    NDArray even = x.get("0::2");
    NDArray odd = x.get("1::2");
    NDArray t1 = odd.sub(even.mul(even)).mul(10);
    NDArray t2 = even.neg().add(1);
    return t1.mul(t1).add(t2.mul(t2)).sum();
  }

  /** {@code reps} gradient evaluations; each frees its intermediate tensors on return. */
  private static double djlGradient(NDArray parameters, int reps,
      java.util.function.Function<NDArray, NDArray> loss) {
    double s = 0;
    for (int i = 0; i < reps; i++) {
      try (NDScope scope = new NDScope(); GradientCollector gc = Engine.getInstance()
          .newGradientCollector()) {
        gc.zeroGradients();
        NDArray value = loss.apply(parameters);
        gc.backward(value);
        s += value.getDouble();
      }
    }
    return s;
  }

  private static List<Form> mlp(NDManager manager) {
    Inputs.Mlp in = new Inputs.Mlp();
    int hidden = in.b1.length;
    int outputs = in.b2.length;
    double[][] gw1 = new double[hidden][in.xs[0].length];
    double[] gb1 = new double[hidden];
    double[][] gw2 = new double[outputs][hidden];
    double[] gb2 = new double[outputs];
    double[] none = new double[0];
    Tape tape = new Tape();
    var ws = new HandGradients.MlpWorkspace(hidden, outputs);
    HandGradients.mlp(in.xs, in.labels, in.w1, in.b1, in.w2, in.b2, gw1, gb1, gw2, gb2, ws);
    double[] hand = GradientFlat.of(gw1, gb1, gw2, gb2);
    MlpTensors f64 = new MlpTensors(manager, in, DataType.FLOAT64);
    MlpTensors f32 = new MlpTensors(manager, in, DataType.FLOAT32);
    try (NDScope scope = new NDScope(); GradientCollector gc = Engine.getInstance()
        .newGradientCollector()) {
      gc.backward(f64.loss());
      check("MLP", hand, f64.gradient());
    }
    List<Form> forms = new ArrayList<>();
    forms.add(new Form("entry", reps -> {
      double s = 0;
      for (int i = 0; i < reps; i++) {
        SameJvm.zero(gw1);
        java.util.Arrays.fill(gb1, 0.0);
        SameJvm.zero(gw2);
        java.util.Arrays.fill(gb2, 0.0);
        s += WorkloadsGrad.mlpAdjoint(in.xs, in.labels, in.w1, in.b1, in.w2, in.b2, 1.0, none,
            gw1, gb1, gw2, gb2, tape);
      }
      return s + gb2[0];
    }));
    forms.add(new Form("hand", reps -> {
      double s = 0;
      for (int i = 0; i < reps; i++) {
        SameJvm.zero(gw1);
        java.util.Arrays.fill(gb1, 0.0);
        SameJvm.zero(gw2);
        java.util.Arrays.fill(gb2, 0.0);
        s += HandGradients.mlp(in.xs, in.labels, in.w1, in.b1, in.w2, in.b2, gw1, gb1, gw2, gb2,
            ws);
      }
      return s + gb2[0];
    }));
    forms.add(new Form("DJL f64", reps -> f64.gradients(reps)));
    forms.add(new Form("DJL f32", reps -> f32.gradients(reps)));
    return forms;
  }

  /** The MLP's batch and parameters as native tensors of one precision. */
  private static final class MlpTensors {
    final NDArray xs;
    final NDArray oneHot;
    final NDArray w1;
    final NDArray b1;
    final NDArray w2;
    final NDArray b2;
    final int batch;

    MlpTensors(NDManager m, Inputs.Mlp in, DataType type) {
      batch = in.xs.length;
      xs = m.create(in.xs).toType(type, false);
      oneHot = m.create(in.labels).oneHot(in.b2.length).toType(type, false);
      w1 = m.create(in.w1).toType(type, false);
      b1 = m.create(in.b1).toType(type, false);
      w2 = m.create(in.w2).toType(type, false);
      b2 = m.create(in.b2).toType(type, false);
      for (NDArray a : new NDArray[] {w1, b1, w2, b2}) {
        a.setRequiresGradient(true);
      }
    }

    NDArray loss() {
      NDArray h = Activation.relu(xs.matMul(w1.transpose()).add(b1));
      NDArray logits = h.matMul(w2.transpose()).add(b2);
      return logits.logSoftmax(1).mul(oneHot).sum().neg().div(batch);
    }

    double[] gradient() {
      return concat(w1.getGradient().toType(DataType.FLOAT64, false).toDoubleArray(),
          b1.getGradient().toType(DataType.FLOAT64, false).toDoubleArray(),
          w2.getGradient().toType(DataType.FLOAT64, false).toDoubleArray(),
          b2.getGradient().toType(DataType.FLOAT64, false).toDoubleArray());
    }

    double gradients(int reps) {
      double s = 0;
      for (int i = 0; i < reps; i++) {
        try (NDScope scope = new NDScope(); GradientCollector gc = Engine.getInstance()
            .newGradientCollector()) {
          gc.zeroGradients();
          NDArray value = loss();
          gc.backward(value);
          s += value.toType(DataType.FLOAT64, false).getDouble();
        }
      }
      return s;
    }
  }

  private static double[] concat(double[]... parts) {
    int n = 0;
    for (double[] p : parts) {
      n += p.length;
    }
    double[] out = new double[n];
    int at = 0;
    for (double[] p : parts) {
      System.arraycopy(p, 0, out, at, p.length);
      at += p.length;
    }
    return out;
  }

  /** Row-major flattening of the MLP gradient, the layout DJL's tensors have. */
  private static final class GradientFlat {
    static double[] of(double[][] w1, double[] b1, double[][] w2, double[] b2) {
      List<double[]> parts = new ArrayList<>();
      for (double[] row : w1) {
        parts.add(row);
      }
      parts.add(b1);
      for (double[] row : w2) {
        parts.add(row);
      }
      parts.add(b2);
      return concat(parts.toArray(double[][]::new));
    }
  }

  private static void check(String what, double[] expected, double[] actual) {
    if (expected.length != actual.length) {
      throw new AssertionError(what + ": DJL gradient has " + actual.length + " entries, expected "
          + expected.length);
    }
    double worst = 0;
    for (int i = 0; i < expected.length; i++) {
      double scale = Math.max(1.0, Math.abs(expected[i]));
      worst = Math.max(worst, Math.abs(expected[i] - actual[i]) / scale);
    }
    if (!(worst <= 1e-9)) {
      throw new AssertionError(what + ": DJL gradient differs from the hand-written one by "
          + worst);
    }
  }
}
