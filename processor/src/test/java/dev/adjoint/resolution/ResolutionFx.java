package dev.adjoint.resolution;

import dev.adjoint.Differentiable;

/**
 * Issue 11: valid Java the front end once could not resolve (and then generated nothing, with no
 * diagnostic), {@code var} arrays, varargs helpers and for-each over expressions.
 */
final class ResolutionFx {
  private ResolutionFx() {}

  enum Shape { SQUARE, CIRCLE, LINE }

  private static final double C = 2.5;
  private static final double NEG = -3.0;
  private static final double TWICE = 2 * C;

  // ----------------------------------------------------------------- item 1: resolution

  /** {@code x.clone()} is a fresh copy: writing it leaves x alone. */
  @Differentiable
  static double cloneCopy(double[] x) {
    double[] y = x.clone();
    y[0] *= x[1];
    var z = (x.clone());
    z[1] = y[0] * z[2];
    return y[0] * y[1] + z[1] + x[0] * z[0];
  }

  /** clone of an int[] and of a row m[i], where i changes after the copy. */
  @Differentiable
  static double cloneIntsAndRow(double[][] m, int[] picks) {
    int[] p = picks.clone();
    int i = p[0];
    double[] row = m[i].clone();
    i = p[1];
    row[0] += m[i][1];
    return row[0] * row[1] + m[i][0];
  }

  @Differentiable
  static double enumSwitch(double a, Shape s) {
    double r;
    switch (s) {
      case SQUARE:
        r = a * a;
        break;
      case CIRCLE:
        r = Math.PI * a * a;
        break;
      default:
        r = a;
        break;
    }
    double k = switch (s) {
      case SQUARE -> 2;
      case CIRCLE, LINE -> a;
    };
    return r * k;
  }

  @Differentiable
  static double lengths(double a, String[] names, double[][][] t, boolean[][] flags) {
    return a * names.length + a * a * t.length + flags.length;
  }

  @Differentiable
  static double classLiteral(double a, Object o) {
    Class<?> c = Double.class;
    Class<?> p = double.class;
    Class<?> arr = String[].class;
    Class<?> nested = Shape.class;
    boolean same = c == p || arr == nested;
    return c.isInstance(o) && !same ? a * a : 3 * a;
  }

  @Differentiable
  static <T> double typeVariable(double a, T tag) {
    String s = tag.toString();
    T copy = tag;
    return a * a * s.length() + a * (copy.hashCode() % 3);
  }

  @Differentiable
  static <N extends Number> double boundedTypeVariable(double a, N scale) {
    return a * scale.doubleValue();
  }

  @Differentiable
  static double genericReturn(double a, java.util.List<String> names) {
    String first = names.get(0);
    return a * names.get(1).length() + first.length();
  }

  // ------------------------------------------------------------------- items 2, 3: var

  @Differentiable
  static double varArrays(double a, double b) {
    var y = new double[3];
    var m = new double[2][2];
    var n = new double[][] {{a, b}, {b, a}};
    final var w = (new double[] {a * b, a});
    y[0] = a;
    y[1] = b * y[0];
    m[1][0] = y[1] + w[0];
    return y[1] * m[1][0] + n[0][1] * n[1][0] + w[1];
  }

  @Differentiable
  static double parenthesizedRow(double[][] m) {
    double[] r = (m[1]);
    double[] s = ((m[0]));
    return r[0] * r[1] + s[1];
  }

  @Differentiable
  static double varRowAlias(double[][] m, double a) {
    var r = m[0];
    final var s = m[1];
    var k = 2;
    var d = a * r[1];
    return r[0] * s[1] * k + d;
  }

  @Differentiable
  static double varRowAliasInLoop(double[][] m) {
    double s = 0;
    for (int i = 0; i < m.length; i++) {
      var row = m[i];
      for (var v : row) {
        s += v * v;
      }
      s += row[0] * (i + 1);
    }
    return s;
  }

  // ------------------------------------------------------------------- item 4: varargs

  static double sumSq(double... xs) {
    double s = 0;
    for (double v : xs) {
      s += v * v;
    }
    return s;
  }

  static double weighted(double w, double... xs) {
    double s = 0;
    for (int i = 0; i < xs.length; i++) {
      s += w * xs[i] * (i + 1);
    }
    return s;
  }

  @Differentiable
  static double varargsScalars(double a, double b) {
    double one = sumSq(a);
    double three = sumSq(a, b, a * b);
    double none = sumSq();
    if (a > 0) {
      three += weighted(b, a, 2);
    }
    return one + three + none + weighted(a);
  }

  @Differentiable
  static double varargsArray(double[] arr, double w) {
    return sumSq(arr) + weighted(w, arr);
  }

  // ---------------------------------------------------------- item 5: for-each over expressions

  @Differentiable
  static double forEachRowIndexChanges(double[][] m, double a) {
    int i = 0;
    double s = 0;
    for (double v : m[i]) {
      s += v * a;
      i = 1;
    }
    return s + m[i][0];
  }

  static double[] scaled(double[] x, double k) {
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = k * x[i];
    }
    return y;
  }

  @Differentiable
  static double forEachOverCall(double[] x, double k) {
    double s = 0;
    for (double v : scaled(x, k)) {
      s += v * v;
    }
    return s;
  }

  @Differentiable
  static double forEachRowInLoop(double[][] m, double a) {
    double s = 0;
    int i = 0;
    for (int t = 0; t < 3; t++) {
      for (double v : m[i]) {
        s += v * a * (t + 1);
        i = (i + 1) % m.length;
      }
    }
    return s;
  }

  @Differentiable
  static double forEachWidens(double a, int[] ks) {
    double s = 0;
    for (double k : ks) {
      s += a * (k / 2);
    }
    return s;
  }

  /** A layer returning one of two arrays: the generated code must hand out a copy of either. */
  @Differentiable
  static double[] conditionalArrayResult(double[] x, double a) {
    double[] h = new double[2];
    for (int t = 0; t < 3; t++) {
      h[0] = h[0] * a + x[1];
      h[1] = h[0] * x[0];
    }
    return a > 0 ? h : x;
  }

  // ------------------------------------------------------------------ item 6: constants

  @Differentiable
  static double privateConstants(double a) {
    return C * a * a + NEG * a + TWICE * a;
  }
}
