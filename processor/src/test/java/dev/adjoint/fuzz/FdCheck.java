package dev.adjoint.fuzz;

import static org.junit.jupiter.api.Assertions.fail;

import dev.adjoint.fuzz.GradientOracle.Report;
import dev.adjoint.fuzz.GradientOracle.Verdict;
import dev.adjoint.fuzz.Program.Kind;
import dev.adjoint.fuzz.Program.Param;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;

/** Finite-difference check of a compiled {@code @Differentiable} method, for regression tests. */
public final class FdCheck {
  private FdCheck() {}

  /**
   * Checks {@code cls.method} against {@code cls}Grad at random points; arrays get the shapes of
   * {@code shapes} (the example arguments, in order), int parameters their values.
   */
  public static Report check(Class<?> cls, String method, Object... example) {
    Method m = null;
    for (Method c : cls.getDeclaredMethods()) {
      if (c.getName().equals(method)) {
        m = c;
      }
    }
    if (m == null) {
      throw new IllegalArgumentException(method);
    }
    List<Param> params = new ArrayList<>();
    Parameter[] ps = m.getParameters();
    for (int i = 0; i < ps.length; i++) {
      Class<?> t = ps[i].getType();
      String name = ps[i].getName();
      Object ex = i < example.length ? example[i] : null;
      if (t == double.class) {
        params.add(new Param(name, Kind.DOUBLE, 0, 0, 0));
      } else if (t == double[].class) {
        params.add(new Param(name, Kind.ARRAY, ex == null ? 3 : ((double[]) ex).length, 0, 0));
      } else if (t == double[][].class) {
        double[][] e = (double[][]) ex;
        params.add(new Param(name, Kind.MATRIX, e == null ? 2 : e.length,
            e == null ? 3 : e[0].length, 0));
      } else if (t == int.class) {
        params.add(new Param(name, Kind.INT, 0, 0, ex == null ? 3 : (Integer) ex));
      } else {
        throw new IllegalArgumentException(t.toString());
      }
    }
    return GradientOracle.check(cls.getClassLoader(), cls.getName(), method, params, 42, 8);
  }

  /** Fails unless the gradient matches finite differences wherever the function is smooth. */
  public static void assertGradient(Class<?> cls, String method, Object... example) {
    Report r = check(cls, method, example);
    if (r.verdict != Verdict.OK) {
      fail(r.verdict + ": " + r.detail);
    }
  }
}
