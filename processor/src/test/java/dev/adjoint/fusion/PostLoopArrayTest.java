package dev.adjoint.fusion;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.GradientCheck;
import org.junit.jupiter.api.Test;

/** A sum loop followed by an array allocated after it (PostLoopArrayFx): exact values and FD. */
class PostLoopArrayTest {
  @Test
  void anArrayDeclaredAfterTheSumLoop() {
    double[] x = {1.1072740209836067, 1.3886219601770229};
    var g = PostLoopArrayFxGrad.sumIntoArray(x);
    assertEquals(PostLoopArrayFx.sumIntoArray(x), g.value(), 0.0);
    assertArrayEquals(new double[] {3, 2}, g.x(), 0.0);
    GradientCheck.compare(PostLoopArrayFx::sumIntoArray, x, g.x()).assertWithin(1e-8);
    var t = PostLoopArrayFxGrad.sumIntoArrayTangent(x, new double[] {0.5, -1});
    assertEquals(3 * 0.5 - 2, t.tangent(), 1e-15);
  }

  @Test
  void theFuzzersProgram() {
    double[] x = {1.1072740209836067, 1.3886219601770229};
    var g = PostLoopArrayFxGrad.unwrittenElement(x);
    assertEquals(0.0, g.value(), 0.0);
    assertArrayEquals(new double[] {0, 0}, g.x(), 0.0);
  }
}
