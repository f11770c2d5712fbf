package dev.adjoint.bench;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The seed's two-layer ReLU cost, 4 parameters. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class ReluCostBench {
  // Not final, so the JIT cannot constant-fold the inputs.
  double x = 1;
  double y = 5;
  double w1 = 2;
  double b1 = 0;
  double w2 = 3;
  double b2 = 1;
  final double[] adjoints = new double[4];

  @Benchmark
  public double primal() {
    return Workloads.reluCost(x, y, w1, b1, w2, b2);
  }

  /** The generated user API: a fresh record per call. */
  @Benchmark
  public WorkloadsGrad.ReluCostGradient adjoint() {
    return WorkloadsGrad.reluCost(x, y, w1, b1, w2, b2);
  }

  /** The generated low-level entry, accumulating into a caller-owned array. */
  @Benchmark
  public double adjointEntry() {
    Arrays.fill(adjoints, 0.0);
    return WorkloadsGrad.reluCostAdjoint(x, y, w1, b1, w2, b2, 1.0, adjoints, null);
  }

  @Benchmark
  public double hand() {
    Arrays.fill(adjoints, 0.0);
    return HandGradients.reluCost(x, y, w1, b1, w2, b2, adjoints);
  }

  @Benchmark
  public double[] forward() {
    return ForwardGradients.reluCost(x, y, w1, b1, w2, b2);
  }
}
