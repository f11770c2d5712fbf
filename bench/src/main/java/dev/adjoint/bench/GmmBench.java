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

/** ADBench GMM objective, d = 10, K = 25, n = 1000: p = 1,650 (no forward mode: too slow). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class GmmBench {
  final Inputs.Gmm g = new Inputs.Gmm();
  final double[] ga = new double[Inputs.GMM_K];
  final double[][] gm = new double[Inputs.GMM_K][Inputs.GMM_D];
  final double[][] gq = new double[Inputs.GMM_K][Inputs.GMM_D * (Inputs.GMM_D + 1) / 2];
  final double[] adjoints = new double[0];
  final Tape tape = new Tape();
  final PublicHandGradients.GmmWorkspace ws =
      new PublicHandGradients.GmmWorkspace(Inputs.GMM_K, Inputs.GMM_D);

  private void zero() {
    Arrays.fill(ga, 0.0);
    SameJvm.zero(gm);
    SameJvm.zero(gq);
  }

  @Benchmark
  public double primal() {
    return PublicWorkloads.gmm(g.alphas, g.means, g.icf, g.x, g.gamma, g.m);
  }

  /** The generated user API: fresh tape and fresh gradient arrays per call. */
  @Benchmark
  public PublicWorkloadsGrad.GmmGradient adjoint() {
    return PublicWorkloadsGrad.gmm(g.alphas, g.means, g.icf, g.x, g.gamma, g.m);
  }

  /** The generated low-level entry with a reused tape and gradient arrays. */
  @Benchmark
  public double adjointEntry() {
    zero();
    return PublicWorkloadsGrad.gmmAdjoint(g.alphas, g.means, g.icf, g.x, g.gamma, g.m, 1.0,
        adjoints, ga, gm, gq, tape);
  }

  /** ADBench's manual gradient, ported. */
  @Benchmark
  public double hand() {
    zero();
    return PublicHandGradients.gmm(g.alphas, g.means, g.icf, g.x, g.gamma, g.m, ga, gm, gq, ws);
  }
}
