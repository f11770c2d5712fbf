package dev.adjoint.loops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.GradientCheck;
import org.junit.jupiter.api.Test;

class LoopFixturesTest {
  @Test
  void all() {
    check(x -> LoopFixtures.sinLoop(x[0], 7), new double[] {0.3}, LoopFixturesGrad.sinLoop(0.3, 7).a());
    check(x -> LoopFixtures.halve(x[0]), new double[] {3.7}, LoopFixturesGrad.halve(3.7).a());
    check(x -> LoopFixtures.counter(x[0], 5), new double[] {1.3}, LoopFixturesGrad.counter(1.3, 5).a());
    for (double[] p : new double[][] {{0.5, 2}, {-2, 1.5}, {-0.5, 0.7}}) {
      var g = LoopFixturesGrad.branchy(p[0], p[1]);
      check(x -> LoopFixtures.branchy(x[0], x[1]), p, g.x(), g.y());
    }
    for (double a : new double[] {0.9, 1.1, 3.0}) {
      check(x -> LoopFixtures.breaky(x[0], 5), new double[] {a}, LoopFixturesGrad.breaky(a, 5).a());
    }
    var c = LoopFixturesGrad.calls(0.4, 1.3);
    check(x -> LoopFixtures.calls(x[0], x[1]), new double[] {0.4, 1.3}, c.a(), c.b());
    assertEquals(LoopFixtures.calls(0.4, 1.3), c.value(), 0.0);
  }

  private static void check(java.util.function.ToDoubleFunction<double[]> f, double[] x,
      double... g) {
    GradientCheck.compare(f, x, g).assertWithin(1e-7);
  }
}
