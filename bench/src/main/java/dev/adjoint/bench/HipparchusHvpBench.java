package dev.adjoint.bench;

import java.util.concurrent.TimeUnit;
import org.hipparchus.analysis.differentiation.DSFactory;
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
 * Rosenbrock's Hessian-vector product with Hipparchus' forward mode of order 2
 * ({@code DSFactory(p, 2)}: p(p+1)/2 second derivatives carried through every operation), to set
 * beside {@link SecondOrderRosenbrockBench#hvp}. Only p = 10 and 100: the cost grows as p³.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class HipparchusHvpBench {
  @Param({"10", "100"})
  int p;

  double[] x;
  double[] v;
  DSFactory factory;

  @Setup
  public void setUp() {
    x = Inputs.rosenbrockPoint(p);
    v = SecondOrderWorkloads.direction(p, 7);
    factory = new DSFactory(p, 2);
  }

  @Benchmark
  public double[] hipparchusHvp() {
    return HipparchusHvp.rosenbrock(factory, x, v);
  }
}
