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

/** GradBench ode, n = 1000, s = 10 RK4 steps. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class OdeBench {
  final double[] x = Inputs.uniform(Inputs.ODE_N, 31337);
  int s = Inputs.ODE_STEPS;
  final double[] grad = new double[Inputs.ODE_N];
  final double[] adjoints = new double[0];
  final Tape tape = new Tape();
  final PublicHandGradients.OdeWorkspace ws = new PublicHandGradients.OdeWorkspace();

  {
    for (int i = 0; i < x.length; i++) {
      x[i] += 0.5;
    }
  }

  @Benchmark
  public double primal() {
    return PublicWorkloads.ode(x, s);
  }

  @Benchmark
  public PublicWorkloadsGrad.OdeGradient adjoint() {
    return PublicWorkloadsGrad.ode(x, s);
  }

  @Benchmark
  public double adjointEntry() {
    Arrays.fill(grad, 0.0);
    return PublicWorkloadsGrad.odeAdjoint(x, s, 1.0, adjoints, grad, tape);
  }

  /** Hand-written discrete adjoint of RK4 (see PublicHandGradients.ode). */
  @Benchmark
  public double hand() {
    Arrays.fill(grad, 0.0);
    return PublicHandGradients.ode(x, s, grad, ws);
  }
}
