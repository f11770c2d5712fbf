package dev.adjoint.bench;

import dev.adjoint.Tape;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** GradBench llsq, m = 128 coefficients, n = 1024 samples. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class LlsqBench {
  final double[] x = Inputs.uniform(Inputs.LLSQ_M, 31337);
  int n = Inputs.LLSQ_N;
  final double[] grad = new double[Inputs.LLSQ_M];
  final double[] adjoints = new double[0];
  final Tape tape = new Tape();
  final PublicHandGradients.LlsqWorkspace ws = new PublicHandGradients.LlsqWorkspace();

  @Benchmark
  public double primal() {
    return PublicWorkloads.llsq(x, n);
  }

  @Benchmark
  public PublicWorkloadsGrad.LlsqGradient adjoint() {
    return PublicWorkloadsGrad.llsq(x, n);
  }

  @Benchmark
  public double adjointEntry() {
    Arrays.fill(grad, 0.0);
    return PublicWorkloadsGrad.llsqAdjoint(x, n, 1.0, adjoints, grad, tape);
  }

  /** GradBench's manual gradient, ported. */
  @Benchmark
  public double hand() {
    Arrays.fill(grad, 0.0);
    return PublicHandGradients.llsq(x, n, grad, ws);
  }
}
