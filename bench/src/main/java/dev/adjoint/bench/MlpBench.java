package dev.adjoint.bench;

import dev.adjoint.Tape;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Two-layer MLP mini-batch loss: 64 inputs, 128 hidden, 10 outputs, batch 32; p = 9,610. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class MlpBench {
  final Inputs.Mlp m = new Inputs.Mlp();
  final double[][] gw1 = new double[Inputs.MLP_HIDDEN][Inputs.MLP_INPUTS];
  final double[] gb1 = new double[Inputs.MLP_HIDDEN];
  final double[][] gw2 = new double[Inputs.MLP_OUTPUTS][Inputs.MLP_HIDDEN];
  final double[] gb2 = new double[Inputs.MLP_OUTPUTS];
  final double[] adjoints = new double[0];
  final Tape tape = new Tape();
  final HandGradients.MlpWorkspace ws =
      new HandGradients.MlpWorkspace(Inputs.MLP_HIDDEN, Inputs.MLP_OUTPUTS);

  private void zero() {
    for (double[] row : gw1) {
      Arrays.fill(row, 0.0);
    }
    Arrays.fill(gb1, 0.0);
    for (double[] row : gw2) {
      Arrays.fill(row, 0.0);
    }
    Arrays.fill(gb2, 0.0);
  }

  @Benchmark
  public double primal() {
    return Workloads.mlp(m.xs, m.labels, m.w1, m.b1, m.w2, m.b2);
  }

  /** The generated user API: fresh tape and fresh gradient arrays per call. */
  @Benchmark
  public WorkloadsGrad.MlpGradient adjoint() {
    return WorkloadsGrad.mlp(m.xs, m.labels, m.w1, m.b1, m.w2, m.b2);
  }

  /** The generated low-level entry with a reused tape and gradient arrays. */
  @Benchmark
  public double adjointEntry() {
    zero();
    return WorkloadsGrad.mlpAdjoint(m.xs, m.labels, m.w1, m.b1, m.w2, m.b2, 1.0, adjoints, gw1,
        gb1, gw2, gb2, tape);
  }

  /** Generated entry hand-patched as the proposed processor fixes would emit (ProposedGrad). */
  @Benchmark
  public double proposed() {
    zero();
    return ProposedGrad.mlpAdjoint(m.xs, m.labels, m.w1, m.b1, m.w2, m.b2, 1.0, adjoints, gw1,
        gb1, gw2, gb2, tape);
  }

  @Benchmark
  public double hand() {
    zero();
    return HandGradients.mlp(m.xs, m.labels, m.w1, m.b1, m.w2, m.b2, gw1, gb1, gw2, gb2, ws);
  }

  /**
   * Hipparchus forward mode: about 20 s per gradient (p = 9,610 tangents through every
   * operation), so one single-shot measurement without warm-up is plenty.
   */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public double[] forward() {
    return ForwardGradients.mlp(m.xs, m.labels, m.w1, m.b1, m.w2, m.b2);
  }
}
