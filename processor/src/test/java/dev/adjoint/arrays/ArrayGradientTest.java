package dev.adjoint.arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.GradientCheck;
import dev.adjoint.Losses;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Array gradients against finite differences and, where known, exact values. */
class ArrayGradientTest {
  private static final double TOLERANCE = 1e-7;

  @Test
  void dotProductGradientIsTheOtherVector() {
    double[] x = {0.3, -1.2, 2.0};
    double[] w = {1.5, 0.25, -0.7};
    var g = ArrayFixturesGrad.dot(x, w);
    assertArrayEquals(w, g.x(), 0.0);
    assertArrayEquals(x, g.w(), 0.0);
    check(v -> ArrayFixtures.dot(v, w), x, g.x());
    check(v -> ArrayFixtures.dot(x, v), w, g.w());
  }

  @Test
  void meanGradientIsOneOverN() {
    double[] x = {4, -2, 7, 1};
    var g = ArrayFixturesGrad.mean(x);
    assertEquals(2.5, g.value(), 0.0);
    assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, g.x(), 0.0);
  }

  @Test
  void bilinearLayerGradientIsTheOuterProduct() {
    double[] x = {1, -2};
    double[][] w = {{0.5, 1.5, -1}, {2, 0, 3}};
    double[] y = {0.25, -1, 2};
    var g = ArrayFixturesGrad.bilinear(x, w, y);
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 3; j++) {
        assertEquals(x[i] * y[j], g.w()[i][j], 0.0);
      }
    }
    check(v -> ArrayFixtures.bilinear(v, w, y), x, g.x());
    check(v -> ArrayFixtures.bilinear(x, w, v), y, g.y());
    checkMatrix(m -> ArrayFixtures.bilinear(x, m, y), w, g.w());
  }

  @Test
  void rnnRecurrenceOverAMatrixOfStates() {
    double[][] w = {{0.5, -0.3}, {0.2, 0.8}};
    double[] x = {0.4, -0.6, 1.0};
    double[] h0 = {0.1, -0.2};
    var g = ArrayFixturesGrad.rnn(w, x, h0);
    assertEquals(ArrayFixtures.rnn(w, x, h0), g.value(), 0.0);
    check(v -> ArrayFixtures.rnn(w, v, h0), x, g.x());
    check(v -> ArrayFixtures.rnn(w, x, v), h0, g.h0());
    checkMatrix(m -> ArrayFixtures.rnn(m, x, h0), w, g.w());
  }

  @Test
  void logisticRegression() {
    double[][] xs = {{0.5, 1.0}, {-1.5, 0.3}, {2.0, -0.7}};
    double[] labels = {1, 0, 1};
    double[] w = {0.2, -0.4};
    var g = ArrayFixturesGrad.logisticRegression(xs, labels, w, 0.1);
    check(v -> ArrayFixtures.logisticRegression(xs, labels, v, 0.1), w, g.w());
    check(v -> ArrayFixtures.logisticRegression(xs, labels, w, v[0]), new double[] {0.1},
        new double[] {g.b()});
  }

  @Test
  void softmaxCrossEntropyByHandMatchesTheHelperAndSoftmaxMinusOneHot() {
    double[] logits = {1.0, -0.5, 3.0, 0.2};
    var byHand = ArrayFixturesGrad.softmaxCrossEntropyByHand(logits, 2);
    var helper = ArrayFixturesGrad.softmaxCrossEntropyHelper(logits, 2);
    assertEquals(Losses.softmaxCrossEntropy(logits, 2), byHand.value(), 1e-14);
    double[] expected = Losses.softmax(logits);
    expected[2] -= 1;
    assertArrayEquals(expected, byHand.logits(), 1e-14);
    assertArrayEquals(expected, helper.logits(), 1e-14);
    check(v -> ArrayFixtures.softmaxCrossEntropyByHand(v, 2), logits, byHand.logits());
  }

  @Test
  void meanSquaredErrorThroughItsPullback() {
    double[] p = {1, 2, 4};
    double[] t = {0, 2, 1};
    var g = ArrayFixturesGrad.meanSquaredError(p, t);
    assertArrayEquals(new double[] {2.0 / 3, 0, 2}, g.predictions(), 1e-15);
    assertArrayEquals(new double[] {-2.0 / 3, 0, -2}, g.targets(), 1e-15);
  }

  @Test
  void twoLayerMlpOverAMiniBatchAndTheCallersArraysStayUntouched() {
    Random rnd = new Random(1);
    double[][] xs = gaussian(rnd, 4, 3);
    int[] labels = {0, 2, 1, 2};
    double[][] w1 = gaussian(rnd, 5, 3);
    double[] b1 = gaussian(rnd, 1, 5)[0];
    double[][] w2 = gaussian(rnd, 3, 5);
    double[] b2 = gaussian(rnd, 1, 3)[0];
    double[][] w1Before = deepCopy(w1);
    double[] b1Before = b1.clone();
    var g = ArrayFixturesGrad.mlp(xs, labels, w1, b1, w2, b2);
    assertArrayEquals(b1Before, b1, 0.0);
    for (int i = 0; i < w1.length; i++) {
      assertArrayEquals(w1Before[i], w1[i], 0.0);
    }
    assertEquals(ArrayFixtures.mlp(xs, labels, w1, b1, w2, b2), g.value(), 0.0);
    check(v -> ArrayFixtures.mlp(xs, labels, w1, v, w2, b2), b1, g.b1());
    check(v -> ArrayFixtures.mlp(xs, labels, w1, b1, w2, v), b2, g.b2());
    checkMatrix(m -> ArrayFixtures.mlp(xs, labels, m, b1, w2, b2), w1, g.w1());
    checkMatrix(m -> ArrayFixtures.mlp(xs, labels, w1, b1, m, b2), w2, g.w2());
  }

  @Test
  void extendedRosenbrockAtTheStandardStart() {
    double[] x = {-1.2, 1, -1.2, 1};
    var g = ArrayFixturesGrad.extendedRosenbrock(x);
    assertEquals(48.4, g.value(), 1e-12);
    assertArrayEquals(new double[] {-215.6, -88, -215.6, -88}, g.x(), 1e-12);
    check(ArrayFixtures::extendedRosenbrock, x, g.x());
  }

  @Test
  void woodPowellAndTrigonometric() {
    double[] wood = {-3, -1, -3, -1};
    check(ArrayFixtures::wood, wood, ArrayFixturesGrad.wood(wood).x());
    double[] powell = {3, -1, 0, 1, 3, -1, 0, 1};
    check(ArrayFixtures::powellSingular, powell, ArrayFixturesGrad.powellSingular(powell).x());
    double[] trig = {0.2, 0.2, 0.2, 0.2, 0.2};
    check(ArrayFixtures::trigonometric, trig, ArrayFixturesGrad.trigonometric(trig).x());
  }

  @Test
  void arraysPassedToAutomaticallyDifferentiatedHelpers() {
    double[] x = {3, 4};
    var g = ArrayFixturesGrad.norm(x);
    assertEquals(5, g.value(), 0.0);
    assertArrayEquals(new double[] {0.6, 0.8}, g.x(), 1e-15);
  }

  @Test
  void localArraysFilledAndOverwrittenInLoops() {
    double[] x = {0.3, -0.8, 1.1};
    var g = ArrayFixturesGrad.localArrays(x, 0.7);
    check(v -> ArrayFixtures.localArrays(v, 0.7), x, g.x());
    check(v -> ArrayFixtures.localArrays(x, v[0]), new double[] {0.7}, new double[] {g.a()});
  }

  @Test
  void adjointEntryPointAccumulatesIntoArraysItIsGiven() {
    double[] x = {0.3, -1.2};
    double[] w = {1.5, 0.25};
    double[] xAdj = {1, 1};
    double[] wAdj = {0, 0};
    double value = ArrayFixturesGrad.dotAdjoint(x, w, 2.0, new double[0], xAdj, wAdj, null);
    assertEquals(ArrayFixtures.dot(x, w), value, 0.0);
    assertArrayEquals(new double[] {1 + 2 * 1.5, 1 + 2 * 0.25}, xAdj, 0.0);
    assertArrayEquals(new double[] {2 * 0.3, 2 * -1.2}, wAdj, 0.0);
  }

  private static void check(ToDoubleFunction<double[]> f, double[] x, double[] gradient) {
    GradientCheck.compare(f, x, gradient).assertWithin(TOLERANCE);
  }

  private static void checkMatrix(ToDoubleFunction<double[][]> f, double[][] m,
      double[][] gradient) {
    for (int row = 0; row < m.length; row++) {
      int r = row;
      check(v -> {
        double[][] copy = deepCopy(m);
        copy[r] = v;
        return f.applyAsDouble(copy);
      }, m[row], gradient[row]);
    }
  }

  private static double[][] gaussian(Random rnd, int rows, int columns) {
    double[][] m = new double[rows][columns];
    for (double[] row : m) {
      for (int i = 0; i < columns; i++) {
        row[i] = rnd.nextGaussian();
      }
    }
    return m;
  }

  private static double[][] deepCopy(double[][] m) {
    double[][] copy = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      copy[i] = m[i].clone();
    }
    return copy;
  }
}
