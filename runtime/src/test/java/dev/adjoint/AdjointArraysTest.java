package dev.adjoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import org.junit.jupiter.api.Test;

class AdjointArraysTest {
  @Test
  void pushedArraysComeBackWholeAndInElementOrder() {
    Tape tape = new Tape();
    double[] a = {1, 2, 3};
    double[][] m = {{4, 5}, {6}};
    AdjointArrays.push(tape, a);
    AdjointArrays.push(tape, m);
    assertEquals(6, tape.size());
    assertEquals(6.0, tape.popDouble(), "the last element pushed is on top");
    tape.pushDouble(60);
    double[][] mBack = {new double[2], new double[1]};
    AdjointArrays.pop(tape, mBack);
    assertArrayEquals(new double[] {4, 5}, mBack[0]);
    assertArrayEquals(new double[] {60}, mBack[1]);
    double[] aBack = new double[3];
    AdjointArrays.pop(tape, aBack);
    assertArrayEquals(a, aBack);
    assertEquals(0, tape.size());
  }

  @Test
  void addIntoAccumulatesAndChecksLengths() {
    double[] target = {1, 2};
    AdjointArrays.addInto(target, new double[] {0.5, -2});
    assertArrayEquals(new double[] {1.5, 0}, target, 0.0);
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> AdjointArrays.addInto(target, new double[3]));
  }

  @Test
  void zerosLikeKeepsRaggedShape() {
    double[][] m = {{1, 2, 3}, {4}, {}};
    double[][] z = AdjointArrays.zerosLike(m);
    assertEquals(3, z.length);
    assertArrayEquals(new double[3], z[0]);
    assertArrayEquals(new double[1], z[1]);
    assertArrayEquals(new double[0], z[2]);
    assertNotSame(m[0], z[0]);
  }

  @Test
  void zerosLikeKeepsRowsNotAssignedYetNull() {
    double[][] ragged = new double[3][];
    ragged[1] = new double[] {1.0, 2.0};
    double[][] zeros = AdjointArrays.zerosLike(ragged);
    assertEquals(null, zeros[0]);
    assertArrayEquals(new double[2], zeros[1]);
    assertEquals(null, zeros[2]);
  }
}
