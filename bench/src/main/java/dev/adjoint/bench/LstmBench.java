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

/** ADBench LSTM, {@code lstm_l2_c1024}: 2 layers, 1024 characters of 14 bits, p = 266. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class LstmBench {
  final Lstm.Inputs in = new Lstm.Inputs();
  final double[] mainGrad = new double[in.mainParams.length];
  final double[] extraGrad = new double[in.extraParams.length];
  final double[] adjoints = new double[0];
  final Tape tape = new Tape();
  final LstmHand.Workspace ws = new LstmHand.Workspace(in.l, in.b);

  @Benchmark
  public double primal() {
    return Lstm.objective(in.l, in.c, in.b, in.mainParams, in.extraParams, in.state,
        in.sequence);
  }

  @Benchmark
  public LstmGrad.ObjectiveGradient adjoint() {
    return LstmGrad.objective(in.l, in.c, in.b, in.mainParams, in.extraParams, in.state,
        in.sequence);
  }

  @Benchmark
  public double adjointEntry() {
    Arrays.fill(mainGrad, 0.0);
    Arrays.fill(extraGrad, 0.0);
    return LstmGrad.objectiveAdjoint(in.l, in.c, in.b, in.mainParams, in.extraParams, in.state,
        in.sequence, 1.0, adjoints, mainGrad, extraGrad, tape);
  }

  /** ADBench's manual method (forward propagation of the state Jacobian), ported. */
  @Benchmark
  public double hand() {
    Arrays.fill(mainGrad, 0.0);
    Arrays.fill(extraGrad, 0.0);
    return LstmHand.objective(in.l, in.c, in.b, in.mainParams, in.extraParams, in.state,
        in.sequence, mainGrad, extraGrad, ws);
  }
}
