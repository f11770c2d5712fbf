package dev.adjoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import org.junit.jupiter.api.Test;

class GradientsTest {
  @Test
  void stopGradientReturnsItsArgumentAndCopiesArrays() {
    assertEquals(2.5, Gradients.stopGradient(2.5), 0.0);
    double[] x = {1, 2};
    double[] y = Gradients.stopGradient(x);
    assertArrayEquals(x, y, 0.0);
    assertNotSame(x, y);
  }
}
