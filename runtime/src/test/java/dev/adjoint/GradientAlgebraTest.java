package dev.adjoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GradientAlgebraTest {

  @Test
  void axpyOfVectorsAndRaggedMatrices() {
    double[] x = {1, 2, 3};
    double[] y = {0.5, 0, -1};
    double[] r = GradientAlgebra.axpy(2, x, y);
    assertArrayEquals(new double[] {2.5, 4, 5}, r, 0.0);
    assertNotSame(y, r);
    double[][] m = {{1}, {2, 3}};
    double[][] n = {{1}, {1, 1}};
    assertArrayEquals(new double[][] {{0}, {-1, -2}}, GradientAlgebra.axpy(-1, m, n));
  }

  @Test
  void scaleAndSumOfSquares() {
    assertArrayEquals(new double[] {-2, 4}, GradientAlgebra.scale(-2, new double[] {1, -2}), 0.0);
    assertArrayEquals(new double[][] {{3}, {6, 9}},
        GradientAlgebra.scale(3, new double[][] {{1}, {2, 3}}));
    assertEquals(14.0, GradientAlgebra.sumOfSquares(new double[] {1, 2, 3}));
    assertEquals(14.0, GradientAlgebra.sumOfSquares(new double[][] {{1}, {2, 3}}));
  }

  @Test
  void differentShapesAreRejected() {
    assertThrows(IllegalArgumentException.class,
        () -> GradientAlgebra.axpy(1, new double[2], new double[3]));
    assertThrows(IllegalArgumentException.class,
        () -> GradientAlgebra.axpy(1, new double[][] {{1, 2}}, new double[][] {{1}}));
  }
}
