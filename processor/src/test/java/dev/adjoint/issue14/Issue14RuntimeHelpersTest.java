package dev.adjoint.issue14;

import org.junit.jupiter.api.Test;

/**
 * Issue 14: the runtime's helpers get second derivatives ("relu, sigmoid, softplus,
 * squaredError, mse, softmaxCrossEntropy… all get second derivatives"): tangent, H·v and the
 * Hessian of methods calling them, against central differences of the generated gradient and
 * against Hipparchus order 2 ({@link RuntimeFixture}, checked in this class's oracle test).
 */
class Issue14RuntimeHelpersTest {
  private static Javac14.Result compiled() {
    return Compiled14.cached("runtime", () -> Javac14.withProcessor(
        RuntimeFixture.sources(Modes14.SECOND_ORDER))).assertCompiled();
  }

  @Test
  void oracleTranscriptionsMatchTheRuntime() {
    Javac14.Result plain = Compiled14.cached("runtime-plain",
        () -> Javac14.withoutProcessor(RuntimeFixture.sources())).assertCompiled();
    Subject act = Subject.of(plain, RuntimeFixture.CLS, "act", 2);
    for (Object[] args : RuntimeFixture.actPoints()) {
      Num14.Ds d = Num14.ds(RuntimeFixture::act, act.flat(args));
      Num14.close("act value", d.value(), act.value(args), 1e-13);
      Num14.close("act Hessian vs FD of its gradient", d.hessian(), Num14.fdJacobianOf(
          y -> Num14.ds(RuntimeFixture::act, y).gradient(), act.flat(args)), 1e-6, 1e-4);
      Issue14OraclesTest.differenceChecksHoldForExactDerivatives(act, args, RuntimeFixture::act,
          true);
    }
    Subject losses = Subject.of(plain, RuntimeFixture.CLS, "losses", 2, "p");
    for (Object[] args : RuntimeFixture.lossesPoints()) {
      Num14.Ds d = Num14.ds(RuntimeFixture::losses, losses.flat(args));
      Num14.close("losses value", d.value(), losses.value(args), 1e-13);
      double[] x = losses.flat(args);
      double[] e = Num14.direction(x.length, 5);
      Num14.close("losses gradient·e vs FD", Num14.dot(d.gradient(), e), Num14.central(
          t -> losses.value(losses.with(args, Num14.axpy(x, t, e))), Num14.step(x, e)),
          Num14.FD_TOL);
      Issue14OraclesTest.differenceChecksHoldForExactDerivatives(losses, args,
          RuntimeFixture::losses, true);
    }
  }

  @Test
  void activationsAndScalarLossesHaveSecondDerivatives() {
    Subject s = Subject.of(compiled(), RuntimeFixture.CLS, "act", 2);
    long seed = 300;
    for (Object[] args : RuntimeFixture.actPoints()) {
      Checks14.tangent(s, args, Num14.direction(2, seed++));
      Checks14.hvp(s, args, Num14.direction(2, seed++), Num14.direction(2, seed++));
      Checks14.hvpVsHipparchus(s, args, Num14.direction(2, seed++), RuntimeFixture::act);
      Num14.close(s + ": hessian() vs Hipparchus", Checks14.hessian(s, args),
          Num14.ds(RuntimeFixture::act, s.flat(args)).hessian(), 1e-10, 1e-9);
    }
  }

  @Test
  void pullbackHelpersOfTheRuntimeHaveSecondDerivatives() {
    Subject s = Subject.of(compiled(), RuntimeFixture.CLS, "losses", 2, "p");
    long seed = 400;
    for (Object[] args : RuntimeFixture.lossesPoints()) {
      Checks14.tangent(s, args, Num14.direction(3, seed++));
      Checks14.hvp(s, args, Num14.direction(3, seed++), Num14.direction(3, seed++));
      Checks14.hvpVsHipparchus(s, args, Num14.direction(3, seed++), RuntimeFixture::losses);
      Num14.close(s + ": hessian() vs Hipparchus", Checks14.hessian(s, args),
          Num14.ds(RuntimeFixture::losses, s.flat(args)).hessian(), 1e-10, 1e-9);
    }
  }
}
