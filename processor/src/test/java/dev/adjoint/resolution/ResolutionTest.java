package dev.adjoint.resolution;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.GradientCheck;
import dev.adjoint.resolution.ResolutionFx.Shape;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 11: each fixture of {@link ResolutionFx} against 5-point central differences, its value
 * against the original's, and, where simple, exact values.
 */
class ResolutionTest {
  private static final double TOLERANCE = 1e-7;

  // ----------------------------------------------------------------- item 1: resolution

  @Test
  void cloneIsAFreshCopy() {
    double[] x = {0.7, -1.3, 2.1};
    double[] before = x.clone();
    var g = ResolutionFxGrad.cloneCopy(x);
    assertArrayEquals(before, x, 0.0, "the gradient call must not write into x");
    assertEquals(ResolutionFx.cloneCopy(x), g.value(), 0.0);
    check(ResolutionFx::cloneCopy, x, g.x());
  }

  @Test
  void cloneOfIntsAndOfARow() {
    double[][] m = {{0.5, -1.5}, {2.0, 0.25}};
    int[] picks = {1, 0};
    var g = ResolutionFxGrad.cloneIntsAndRow(m, picks);
    assertEquals(ResolutionFx.cloneIntsAndRow(m, picks), g.value(), 0.0);
    checkMatrix(w -> ResolutionFx.cloneIntsAndRow(w, picks), m, g.m());
  }

  @ParameterizedTest
  @EnumSource(Shape.class)
  void enumSwitch(Shape s) {
    double a = 1.3;
    var g = ResolutionFxGrad.enumSwitch(a, s);
    assertEquals(ResolutionFx.enumSwitch(a, s), g.value(), 0.0);
    double expected = switch (s) {
      case SQUARE -> 4 * a;
      case CIRCLE -> 3 * Math.PI * a * a;
      case LINE -> 2 * a;
    };
    assertEquals(expected, g.a(), 1e-12);
    checkScalars(p -> ResolutionFx.enumSwitch(p[0], s), new double[] {a}, new double[] {g.a()});
  }

  @Test
  void enumSwitchOnNullThrowsAsJavaDoes() {
    org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class,
        () -> ResolutionFx.enumSwitch(1, null));
    org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class,
        () -> ResolutionFxGrad.enumSwitch(1, null));
  }

  @Test
  void lengthOfAnyArray() {
    String[] names = {"a", "b", "c"};
    double[][][] t = new double[2][1][1];
    boolean[][] flags = new boolean[4][];
    double a = -0.8;
    var g = ResolutionFxGrad.lengths(a, names, t, flags);
    assertEquals(ResolutionFx.lengths(a, names, t, flags), g.value(), 0.0);
    assertEquals(3 + 2 * 2 * a, g.a(), 1e-12);
    checkScalars(p -> ResolutionFx.lengths(p[0], names, t, flags), new double[] {a},
        new double[] {g.a()});
  }

  @Test
  void classLiteralsAreValues() {
    for (Object o : new Object[] {1.5, "not a double"}) {
      double a = 0.9;
      var g = ResolutionFxGrad.classLiteral(a, o);
      assertEquals(ResolutionFx.classLiteral(a, o), g.value(), 0.0);
      assertEquals(o instanceof Double ? 2 * a : 3, g.a(), 1e-12);
      checkScalars(p -> ResolutionFx.classLiteral(p[0], o), new double[] {a},
          new double[] {g.a()});
    }
  }

  @Test
  void callsOnTypeVariablesResolveOnTheirBound() {
    double a = 1.1;
    var g = ResolutionFxGrad.typeVariable(a, "tag");
    assertEquals(ResolutionFx.typeVariable(a, "tag"), g.value(), 0.0);
    checkScalars(p -> ResolutionFx.typeVariable(p[0], "tag"), new double[] {a},
        new double[] {g.a()});
    var h = ResolutionFxGrad.boundedTypeVariable(a, 2.5f);
    assertEquals(2.5, h.a(), 0.0);
    var k = ResolutionFxGrad.genericReturn(a, List.of("xy", "abc"));
    assertEquals(ResolutionFx.genericReturn(a, List.of("xy", "abc")), k.value(), 0.0);
    assertEquals(3.0, k.a(), 0.0);
  }

  // ------------------------------------------------------------------- items 2, 3: var

  @Test
  void varArraysAreInferredFromTheirInitializer() {
    double a = 0.6;
    double b = -1.7;
    var g = ResolutionFxGrad.varArrays(a, b);
    assertEquals(ResolutionFx.varArrays(a, b), g.value(), 0.0);
    checkScalars(p -> ResolutionFx.varArrays(p[0], p[1]), new double[] {a, b},
        new double[] {g.a(), g.b()});
  }

  @Test
  void parenthesizedRowAlias() {
    double[][] m = {{0.5, -1.5}, {2.0, 0.25}};
    var g = ResolutionFxGrad.parenthesizedRow(m);
    assertEquals(ResolutionFx.parenthesizedRow(m), g.value(), 0.0);
    checkMatrix(ResolutionFx::parenthesizedRow, m, g.m());
  }

  @Test
  void varRowAliasIsARowAlias() {
    double[][] m = {{0.5, -1.5}, {2.0, 0.25}};
    double a = 1.4;
    var g = ResolutionFxGrad.varRowAlias(m, a);
    assertEquals(ResolutionFx.varRowAlias(m, a), g.value(), 0.0);
    checkMatrix(w -> ResolutionFx.varRowAlias(w, a), m, g.m());
    checkScalars(p -> ResolutionFx.varRowAlias(m, p[0]), new double[] {a},
        new double[] {g.a()});
    var h = ResolutionFxGrad.varRowAliasInLoop(m);
    assertEquals(ResolutionFx.varRowAliasInLoop(m), h.value(), 0.0);
    checkMatrix(ResolutionFx::varRowAliasInLoop, m, h.m());
  }

  // ------------------------------------------------------------------- item 4: varargs

  @Test
  void varargsWithScalarArguments() {
    for (double a : new double[] {0.8, -0.6}) {
      double b = 1.9;
      var g = ResolutionFxGrad.varargsScalars(a, b);
      assertEquals(ResolutionFx.varargsScalars(a, b), g.value(), 0.0);
      checkScalars(p -> ResolutionFx.varargsScalars(p[0], p[1]), new double[] {a, b},
          new double[] {g.a(), g.b()});
    }
  }

  @Test
  void varargsWithAnArray() {
    double[] arr = {0.3, -1.1, 2.0};
    double w = 0.7;
    var g = ResolutionFxGrad.varargsArray(arr, w);
    assertEquals(ResolutionFx.varargsArray(arr, w), g.value(), 0.0);
    check(x -> ResolutionFx.varargsArray(x, w), arr, g.arr());
    checkScalars(p -> ResolutionFx.varargsArray(arr, p[0]), new double[] {w},
        new double[] {g.w()});
  }

  // ---------------------------------------------------------- item 5: for-each over expressions

  @Test
  void forEachEvaluatesItsRowOnce() {
    double[][] m = {{1, 2, 3}, {10, 20, 30}};
    double a = 2;
    var g = ResolutionFxGrad.forEachRowIndexChanges(m, a);
    assertEquals(ResolutionFx.forEachRowIndexChanges(m, a), g.value(), 0.0);
    assertEquals(12 + 10, g.value(), 0.0);
    assertEquals(6, g.a(), 0.0);
    checkMatrix(w -> ResolutionFx.forEachRowIndexChanges(w, a), m, g.m());
    checkScalars(p -> ResolutionFx.forEachRowIndexChanges(m, p[0]), new double[] {a},
        new double[] {g.a()});
  }

  @Test
  void forEachOverACallResult() {
    double[] x = {0.4, -1.2, 0.9};
    double k = 1.3;
    var g = ResolutionFxGrad.forEachOverCall(x, k);
    assertEquals(ResolutionFx.forEachOverCall(x, k), g.value(), 0.0);
    check(v -> ResolutionFx.forEachOverCall(v, k), x, g.x());
    checkScalars(p -> ResolutionFx.forEachOverCall(x, p[0]), new double[] {k},
        new double[] {g.k()});
  }

  @Test
  void forEachOverARowInsideALoop() {
    double[][] m = {{1, -2}, {0.5, 3}, {-1.5, 0.25}};
    double a = 0.7;
    var g = ResolutionFxGrad.forEachRowInLoop(m, a);
    assertEquals(ResolutionFx.forEachRowInLoop(m, a), g.value(), 0.0);
    checkMatrix(w -> ResolutionFx.forEachRowInLoop(w, a), m, g.m());
    checkScalars(p -> ResolutionFx.forEachRowInLoop(m, p[0]), new double[] {a},
        new double[] {g.a()});
  }

  @Test
  void forEachConvertsElementsToTheDeclaredType() {
    int[] ks = {3, 5};
    var g = ResolutionFxGrad.forEachWidens(2.0, ks);
    assertEquals(ResolutionFx.forEachWidens(2.0, ks), g.value(), 0.0);
    assertEquals(1.5 + 2.5, g.a(), 0.0);
  }

  @Test
  void conditionalArrayResultIsACopy() {
    double[] x = {0.6, -1.1};
    double[] seed = {1.0, 0.5};
    for (double a : new double[] {0.9, -0.9}) {
      double[] before = x.clone();
      var g = ResolutionFxGrad.conditionalArrayResult(x, a, seed);
      assertArrayEquals(ResolutionFx.conditionalArrayResult(x, a), g.value(), 0.0);
      assertArrayEquals(before, x, 0.0);
      org.junit.jupiter.api.Assertions.assertNotSame(x, g.value());
      ToDoubleFunction<double[]> vjp = v -> {
        double[] r = ResolutionFx.conditionalArrayResult(v, a);
        return seed[0] * r[0] + seed[1] * r[1];
      };
      check(vjp, x, g.x());
      double[] ax = {a};
      checkScalars(p -> {
        double[] r = ResolutionFx.conditionalArrayResult(x.clone(), p[0]);
        return seed[0] * r[0] + seed[1] * r[1];
      }, ax, new double[] {g.a()});
    }
  }

  // ------------------------------------------------------------------ item 6: constants

  @Test
  void privateConstantsAreInlined() {
    double a = 1.5;
    var g = ResolutionFxGrad.privateConstants(a);
    assertEquals(ResolutionFx.privateConstants(a), g.value(), 0.0);
    assertEquals(2 * 2.5 * a - 3 + 5, g.a(), 1e-12);
  }

  // ------------------------------------------------------------------------------- oracles

  private static void checkScalars(ToDoubleFunction<double[]> f, double[] x, double[] gradient) {
    GradientCheck.compare(f, x, gradient).assertWithin(TOLERANCE);
  }

  private static void check(ToDoubleFunction<double[]> f, double[] x, double[] gradient) {
    GradientCheck.compare(v -> f.applyAsDouble(v.clone()), x, gradient).assertWithin(TOLERANCE);
  }

  private static void checkMatrix(ToDoubleFunction<double[][]> f, double[][] m,
      double[][] gradient) {
    for (int row = 0; row < m.length; row++) {
      int r = row;
      check(v -> {
        double[][] copy = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
          copy[i] = m[i].clone();
        }
        copy[r] = v;
        return f.applyAsDouble(copy);
      }, m[row], gradient[row]);
    }
  }
}
