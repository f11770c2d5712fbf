package dev.adjoint.squares;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.GradientCheck;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Gradients through squares ({@link SquaresFx}): finite differences (5-point) and the exact
 * derivatives, bit for bit where the hand-written expression rounds as the generated one does.
 */
class SquaresTest {
  private static final double TOL = 1e-7;

  @Test
  void parameter() {
    for (double w : new double[] {-3.5, 0.0, 1e-200, 0.1, 7.25, 1e150}) {
      var g = SquaresFxGrad.parameter(w);
      assertEquals(w * w, g.value(), 0.0);
      assertEquals(2.0 * w, g.w(), 0.0, "d(w²)/dw = 2w, bit for bit");
    }
    fd(x -> SquaresFx.parameter(x[0]), new double[] {1.7}, new double[] {
        SquaresFxGrad.parameter(1.7).w()});
  }

  @Test
  void local() {
    double x = 0.7;
    double y = -1.9;
    var g = SquaresFxGrad.local(x, y);
    double t = x * y + 1;
    assertEquals(SquaresFx.local(x, y), g.value(), 0.0);
    assertEquals((2 * t + 3) * y, g.x(), 1e-14);
    assertEquals((2 * t + 3) * x, g.y(), 1e-14);
    fd(v -> SquaresFx.local(v[0], v[1]), new double[] {x, y}, new double[] {g.x(), g.y()});
  }

  @Test
  void elements() {
    double[] x = {-1.2, 0.0, 3.3, 0.25, -7.0, 1e-3};
    var g = SquaresFxGrad.elements(x);
    assertEquals(SquaresFx.elements(x), g.value(), 0.0);
    for (int i = 0; i < x.length; i++) {
      assertEquals(2.0 * x[i] - 0.5, g.x()[i], 0.0, "x[" + i + "]");
    }
    fd(SquaresFx::elements, x, g.x());
  }

  @Test
  void matrix() {
    double[][] w = {{0.3, -1.1, 2.0}, {-0.4, 0.9}, {1.5}};
    var g = SquaresFxGrad.matrix(w);
    assertEquals(SquaresFx.matrix(w), g.value(), 0.0);
    for (int i = 0; i < w.length; i++) {
      for (int j = 0; j < w[i].length; j++) {
        assertEquals((i + 1) * (2.0 * w[i][j]), g.w()[i][j], 0.0, "w[" + i + "][" + j + "]");
      }
    }
    double[] flat = {0.3, -1.1, 2.0, -0.4, 0.9, 1.5};
    double[] analytic = {g.w()[0][0], g.w()[0][1], g.w()[0][2], g.w()[1][0], g.w()[1][1],
        g.w()[2][0]};
    fd(v -> SquaresFx.matrix(new double[][] {{v[0], v[1], v[2]}, {v[3], v[4]}, {v[5]}}), flat,
        analytic);
  }

  @Test
  void neighbours() {
    double[] x = {0.5, -2.0, 1.25, 3.0};
    var g = SquaresFxGrad.neighbours(x);
    for (int i = 0; i < x.length; i++) {
      double expected = (i > 0 ? x[i - 1] : 0) + (i + 1 < x.length ? x[i + 1] : 0);
      assertEquals(expected, g.x()[i], 1e-15, "x[" + i + "]");
    }
    fd(SquaresFx::neighbours, x, g.x());
  }

  @Test
  void nested() {
    double a = 1.3;
    double b = -0.6;
    var g = SquaresFxGrad.nested(a, b);
    double v = a + b;
    assertEquals(SquaresFx.nested(a, b), g.value(), 0.0);
    assertEquals(4 * a * a * a + 2 * v * b, g.a(), 1e-13);
    assertEquals(2 * v * b + v * v, g.b(), 1e-13);
    fd(x -> SquaresFx.nested(x[0], x[1]), new double[] {a, b}, new double[] {g.a(), g.b()});
  }

  private static void fd(ToDoubleFunction<double[]> f, double[] x, double[] gradient) {
    GradientCheck.compare(f, x, gradient).assertWithin(TOL);
  }
}
