package dev.adjoint.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Issue 14 on an MLP-like model ({@link SecondOrderWorkloads#tanhNet}, 8-16-1 tanh network,
 * batch 32, 160 parameters): tangent ÷ primal and HVP ÷ gradient.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class TanhNetSecondOrderBench {
  SecondOrderWorkloads.Net net;
  double[][] vw1;
  double[] vb1;
  double[] vw2;

  @Setup
  public void setUp() {
    net = new SecondOrderWorkloads.Net();
    vw1 = new double[net.w1.length][];
    for (int j = 0; j < vw1.length; j++) {
      vw1[j] = SecondOrderWorkloads.direction(net.w1[j].length, 100 + j);
    }
    vb1 = SecondOrderWorkloads.direction(net.b1.length, 3);
    vw2 = SecondOrderWorkloads.direction(net.w2.length, 4);
  }

  @Benchmark
  public double primal() {
    return SecondOrderWorkloads.tanhNet(net.w1, net.b1, net.w2, net.xs, net.ys);
  }

  @Benchmark
  public SecondOrderWorkloadsGrad.TanhNetGradient gradient() {
    return SecondOrderWorkloadsGrad.tanhNet(net.w1, net.b1, net.w2, net.xs, net.ys);
  }

  @Benchmark
  public SecondOrderWorkloadsGrad.TanhNetTangent tangent() {
    return SecondOrderWorkloadsGrad.tanhNetTangent(net.w1, net.b1, net.w2, net.xs, net.ys, vw1,
        vb1, vw2);
  }

  @Benchmark
  public SecondOrderWorkloadsGrad.TanhNetHvp hvp() {
    return SecondOrderWorkloadsGrad.tanhNetHvp(net.w1, net.b1, net.w2, net.xs, net.ys, vw1, vb1,
        vw2);
  }
}
