package dev.adjoint.issue14;

import java.util.function.Function;
import org.hipparchus.analysis.differentiation.DerivativeStructure;

/**
 * The checks of one generated method at one point, against oracles independent of the
 * implementation: 5-point central differences of the primal and of the existing generated
 * gradient, the gradient itself, and Hipparchus forward mode of order 2.
 */
final class Checks14 {
  private Checks14() {}

  /**
   * mTangent(args, d): value() is the primal bit for bit; tangent() agrees with central
   * differences of the primal along d, and with ∇f·d from the existing CGrad.m.
   */
  static void tangent(Subject s, Object[] args, double[] d) {
    String at = s + " at " + Subject.show(args);
    Object r = s.tangent(args, d);
    Num14.same(at + ": mTangent value()", Subject.readDouble(r, "value"), s.value(args));
    double tangent = Subject.readDouble(r, "tangent");
    double[] x = s.flat(args);
    double h = Num14.step(x, d);
    double fd = Num14.central(t -> s.value(s.with(args, Num14.axpy(x, t, d))), h);
    Num14.close(at + ": tangent() vs central differences of the primal", tangent, fd,
        Num14.FD_TOL);
    double[] g = s.gradientOf(s.gradient(args));
    Num14.close(at + ": tangent() vs gradient·direction", tangent, Num14.dot(g, d),
        Num14.EXACT_TOL, Num14.absDot(g, d));
  }

  /**
   * mHvp(args, v): value() is the primal; the gradient accessors equal CGrad.m's; the
   * {@code pHvp()} accessors have the parameters' shapes and agree with central differences of
   * the generated gradient along v; and u·(Hv) = v·(Hu) for a second direction u.
   */
  static double[] hvp(Subject s, Object[] args, double[] v, double[] u) {
    String at = s + " at " + Subject.show(args);
    Object r = s.hvp(args, v);
    Num14.same(at + ": mHvp value()", Subject.readDouble(r, "value"), s.value(args));
    double[] g = s.gradientOf(s.gradient(args));
    Num14.close(at + ": mHvp gradient accessors vs CGrad." + s.method, s.gradientOf(r), g,
        1e-13, 0);
    shapesMatch(s, args, r);
    double[] hv = s.hvpOf(r);
    double[] x = s.flat(args);
    double h = Num14.step(x, v);
    double[] fd = Num14.centralVec(t -> s.gradientOf(s.gradient(s.with(args,
        Num14.axpy(x, t, v)))), h);
    Num14.close(at + ": H·v vs central differences of the generated gradient", hv, fd,
        Num14.FD_TOL, 1e-3);
    double[] hu = s.hvpOf(s.hvp(args, u));
    Num14.close(at + ": u·(Hv) vs v·(Hu) (the Hessian is symmetric)", Num14.dot(u, hv),
        Num14.dot(v, hu), Num14.EXACT_TOL, Num14.absDot(u, hv) + Num14.absDot(v, hu));
    return hv;
  }

  /** H·v against Hipparchus forward mode of order 2 (H from the transcription, times v). */
  static void hvpVsHipparchus(Subject s, Object[] args, double[] v,
      Function<DerivativeStructure[], DerivativeStructure> ds) {
    String at = s + " at " + Subject.show(args);
    Object r = s.hvp(args, v);
    Num14.Ds oracle = Num14.ds(ds, s.flat(args));
    Num14.close(at + ": mHvp value() vs Hipparchus", Subject.readDouble(r, "value"),
        oracle.value(), 1e-13);
    Num14.close(at + ": mHvp gradient vs Hipparchus", s.gradientOf(r), oracle.gradient(),
        Num14.EXACT_TOL, 1e-6);
    Num14.close(at + ": H·v vs Hipparchus DerivativeStructure (order 2)", s.hvpOf(r),
        Num14.times(oracle.hessian(), v), Num14.EXACT_TOL, 1e-6);
  }

  /** Each pHvp() has the shape of p (a double, or an array with the same row lengths). */
  private static void shapesMatch(Subject s, Object[] args, Object r) {
    for (int k = 0; k < s.diff.length; k++) {
      String name = s.diffNames().get(k);
      Object want = args[s.diff[k]];
      Object got = Subject.read(r, name + "Hvp");
      boolean ok;
      if (want instanceof Double) {
        ok = got instanceof Double;
      } else if (want instanceof double[] w) {
        ok = got instanceof double[] g && g.length == w.length;
      } else {
        double[][] w = (double[][]) want;
        ok = got instanceof double[][] g && g.length == w.length;
        for (int i = 0; ok && i < w.length; i++) {
          ok = ((double[][]) got)[i].length == w[i].length;
        }
      }
      if (!ok) {
        throw new AssertionError(s + ": " + name + "Hvp() should have the shape of " + name
            + " (" + Subject.shape(want) + "), is " + Subject.shape(got));
      }
    }
  }

  /**
   * mHessian(args): value() and the gradient accessors as CGrad.m's; hessian() is n×n over the
   * flattened differentiated parameters, symmetric, its columns agree with central differences
   * of the generated gradient, and H·v equals mHvp's. Returns hessian().
   */
  static double[][] hessian(Subject s, Object[] args) {
    String at = s + " at " + Subject.show(args);
    Object r = s.hessian(args);
    Num14.same(at + ": mHessian value()", Subject.readDouble(r, "value"), s.value(args));
    double[] g = s.gradientOf(s.gradient(args));
    Num14.close(at + ": mHessian gradient accessors vs CGrad." + s.method, s.gradientOf(r), g,
        1e-13, 0);
    Object hv = Subject.read(r, "hessian");
    if (!(hv instanceof double[][] h)) {
      throw new AssertionError(at + ": hessian() should be a double[][], is "
          + Subject.shape(hv));
    }
    double[] x = s.flat(args);
    int n = x.length;
    if (h.length != n) {
      throw new AssertionError(at + ": hessian() has " + h.length + " rows, want " + n
          + " (one per flattened differentiated entry)");
    }
    Num14.symmetric(at + ": hessian()", h, 1e-12);
    double[][] fd = Num14.fdJacobianOf(y -> s.gradientOf(s.gradient(s.with(args, y))), x);
    Num14.close(at + ": hessian() vs central differences of the generated gradient", h, fd,
        1e-5, 1e-4);
    double[] v = Num14.direction(n, 14);
    Num14.close(at + ": hessian()·v vs mHvp", Num14.times(h, v), s.hvpOf(s.hvp(args, v)),
        Num14.EXACT_TOL, 1e-8);
    return h;
  }

  /**
   * mJacobian(args): values() is the primal's result bit for bit; jacobian() has one row per
   * output and one column per flattened differentiated input, and agrees with the analytic
   * Jacobian and with central differences of the primal.
   */
  static void jacobian(Subject s, Object[] args, Function<double[], double[][]> analytic) {
    String at = s + " at " + Subject.show(args);
    Object r = s.jacobian(args);
    double[] primal = s.vectorValue(args);
    Object values = Subject.read(r, "values");
    if (!(values instanceof double[] got) || got.length != primal.length) {
      throw new AssertionError(at + ": values() should be a double[" + primal.length
          + "], is " + Subject.shape(values));
    }
    for (int i = 0; i < primal.length; i++) {
      Num14.same(at + ": values()[" + i + "]", got[i], primal[i]);
    }
    Object jv = Subject.read(r, "jacobian");
    if (!(jv instanceof double[][] j)) {
      throw new AssertionError(at + ": jacobian() should be a double[][], is "
          + Subject.shape(jv));
    }
    double[] x = s.flat(args);
    Num14.close(at + ": jacobian() vs the analytic Jacobian", j, analytic.apply(x), 1e-12,
        1e-12);
    Num14.close(at + ": jacobian() vs central differences of the primal", j,
        Num14.fdJacobianOf(y -> s.vectorValue(s.with(args, y)), x), Num14.FD_TOL, 0);
  }

  /** Row i of jacobian() is the vector–Jacobian product CGrad.m(args, e_i). */
  static void jacobianRowsAreVjps(Subject s, Object[] args) {
    double[][] j = (double[][]) Subject.read(s.jacobian(args), "jacobian");
    int m = s.vectorValue(args).length;
    if (j.length != m) {
      throw new AssertionError(s + ": jacobian() has " + j.length + " rows, want " + m);
    }
    for (int i = 0; i < m; i++) {
      double[] seed = new double[m];
      seed[i] = 1;
      double[] row = s.gradientOf(s.gradient(Subject.concat(args, new Object[] {seed})));
      Num14.close(s + ": jacobian() row " + i + " vs CGrad." + s.method + "(…, e" + i + ")",
          j[i], row, 1e-13, 0);
    }
  }
}
