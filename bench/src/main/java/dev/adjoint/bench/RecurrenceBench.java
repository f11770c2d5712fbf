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

/** 10^4 steps of {@code x = sin(x)·a + b}: 3 parameters, a tape of 10^4 values. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class RecurrenceBench {
  double x0 = 0.5;
  double a = 0.9;
  double b = 0.1;
  int steps = Inputs.RECURRENCE_STEPS;
  final double[] adjoints = new double[3];
  final Tape tape = new Tape();
  final HandGradients.RecurrenceWorkspace ws = new HandGradients.RecurrenceWorkspace();

  @Benchmark
  public double primal() {
    return Workloads.recurrence(x0, a, b, steps);
  }

  /** The generated user API: a fresh tape per call. */
  @Benchmark
  public WorkloadsGrad.RecurrenceGradient adjoint() {
    return WorkloadsGrad.recurrence(x0, a, b, steps);
  }

  /** The generated low-level entry with a reused tape. */
  @Benchmark
  public double adjointEntry() {
    Arrays.fill(adjoints, 0.0);
    return WorkloadsGrad.recurrenceAdjoint(x0, a, b, steps, 1.0, adjoints, tape);
  }

  /** Generated entry hand-patched as the proposed processor fix would emit (ProposedGrad). */
  @Benchmark
  public double proposed() {
    Arrays.fill(adjoints, 0.0);
    return ProposedGrad.recurrenceAdjoint(x0, a, b, steps, 1.0, adjoints, tape);
  }

  @Benchmark
  public double hand() {
    Arrays.fill(adjoints, 0.0);
    return HandGradients.recurrence(x0, a, b, steps, adjoints, ws);
  }

  @Benchmark
  public double[] forward() {
    return ForwardGradients.recurrence(x0, a, b, steps);
  }
}
