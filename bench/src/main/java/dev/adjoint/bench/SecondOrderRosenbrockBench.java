package dev.adjoint.bench;

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

/**
 * Issue 14 on extended Rosenbrock over {@code p} parameters: tangent cost ÷ primal cost
 * ({@link #tangent} / {@link #primal}) and HVP cost ÷ gradient cost ({@link #hvp} /
 * {@link #gradient}), and the generated HVP against a hand-written one. Hipparchus' order 2 is
 * {@link HipparchusHvpBench} (small p only).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class SecondOrderRosenbrockBench {
  @Param({"10", "100", "1000"})
  int p;

  double[] x;
  double[] v;
  double[] grad;
  double[] hv;

  @Setup
  public void setUp() {
    x = Inputs.rosenbrockPoint(p);
    v = SecondOrderWorkloads.direction(p, 7);
    grad = new double[p];
    hv = new double[p];
  }

  @Benchmark
  public double primal() {
    return SecondOrderWorkloads.rosenbrock(x);
  }

  @Benchmark
  public SecondOrderWorkloadsGrad.RosenbrockGradient gradient() {
    return SecondOrderWorkloadsGrad.rosenbrock(x);
  }

  @Benchmark
  public SecondOrderWorkloadsGrad.RosenbrockTangent tangent() {
    return SecondOrderWorkloadsGrad.rosenbrockTangent(x, v);
  }

  @Benchmark
  public SecondOrderWorkloadsGrad.RosenbrockHvp hvp() {
    return SecondOrderWorkloadsGrad.rosenbrockHvp(x, v);
  }

  @Benchmark
  public double handHvp() {
    return HandHvp.rosenbrock(x, v, grad, hv) + hv[0];
  }
}
