package dev.adjoint.bench;

import dev.adjoint.Tape;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Extended Rosenbrock over {@code p} parameters. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class RosenbrockBench {
  @Param({"10", "100", "1000"})
  int p;

  double[] x;
  double[] grad;
  final double[] adjoints = new double[0];
  final Tape tape = new Tape();

  @Setup
  public void setUp() {
    x = Inputs.rosenbrockPoint(p);
    grad = new double[p];
  }

  @Benchmark
  public double primal() {
    return Workloads.rosenbrock(x);
  }

  /** The generated user API: fresh tape and fresh gradient array per call. */
  @Benchmark
  public WorkloadsGrad.RosenbrockGradient adjoint() {
    return WorkloadsGrad.rosenbrock(x);
  }

  /** The generated low-level entry with a reused tape and gradient array. */
  @Benchmark
  public double adjointEntry() {
    Arrays.fill(grad, 0.0);
    return WorkloadsGrad.rosenbrockAdjoint(x, 1.0, adjoints, grad, tape);
  }

  /** Generated entry hand-patched as the proposed processor fixes would emit (ProposedGrad). */
  @Benchmark
  public double proposed() {
    Arrays.fill(grad, 0.0);
    return ProposedGrad.rosenbrockAdjoint(x, 1.0, adjoints, grad, tape);
  }

  @Benchmark
  public double hand() {
    Arrays.fill(grad, 0.0);
    return HandGradients.rosenbrock(x, grad);
  }

  @Benchmark
  public double[] forward() {
    return ForwardGradients.rosenbrock(x);
  }
}
