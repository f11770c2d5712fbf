package dev.adjoint.fuzz;

import dev.adjoint.fuzz.GradientOracle.Report;
import dev.adjoint.fuzz.GradientOracle.Verdict;
import dev.adjoint.fuzz.Program.Kind;
import dev.adjoint.fuzz.Program.Param;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mHvpInto} (the Hessian-vector product into caller arrays) against {@code mHvp} at the
 * point and direction {@code mHvp} was just checked at: both run the same sweeps seeded with 1,
 * so value, gradient and H·v must be equal, not merely close (a zero may differ in sign: the
 * scalar adjoints are added into zeroed arrays). Its layout is {@code abi/TangentAbi}'s: the
 * parameters, their directions, {@code adjoints} and {@code adjointsDot} (the scalar
 * parameters' gradient and H·v, in order), then each array parameter's adjoint array and its
 * tangent. Programs with a record parameter are left to {@code mHvp} (mHvpInto takes a record's
 * leaves).
 */
final class HvpIntoCheck {
  private HvpIntoCheck() {}

  /** {@code entry + "HvpInto"} of {@code grad}, or null for a program with a record parameter. */
  static Method find(Class<?> grad, String entry, List<Param> params, Class<?>[] types,
      Class<?>[] directed) throws NoSuchMethodException {
    List<Class<?>> all = new ArrayList<>(List.of(types));
    all.addAll(List.of(directed));
    all.add(double[].class);
    all.add(double[].class);
    for (int i = 0; i < params.size(); i++) {
      Kind k = params.get(i).kind();
      if (k == Kind.RECORD) {
        return null;
      }
      if (k == Kind.ARRAY || k == Kind.MATRIX) {
        all.add(types[i]);
        all.add(types[i]);
      }
    }
    return grad.getMethod(entry + "HvpInto", all.toArray(Class<?>[]::new));
  }

  /**
   * Calls {@code into} on copies of {@code args} and {@code directions} and compares with
   * {@code hvp}, mHvp's result there; null when they agree, else the failed report.
   */
  static Report compare(Method into, Method reset, List<Param> params, Object[] args,
      Object[] directions, Object hvp, Report report) {
    List<Object> all = new ArrayList<>(List.of(GradientOracle.deepCopy(args)));
    all.addAll(List.of(GradientOracle.deepCopy(directions)));
    int scalars = (int) params.stream().filter(p -> p.kind() == Kind.DOUBLE).count();
    double[] adjoints = new double[scalars];
    double[] adjointsDot = new double[scalars];
    all.add(adjoints);
    all.add(adjointsDot);
    Object[] arrays = new Object[params.size()];
    Object[] arrayDots = new Object[params.size()];
    for (int i = 0; i < params.size(); i++) {
      if (args[i] instanceof double[] a) {
        arrays[i] = new double[a.length];
        arrayDots[i] = new double[a.length];
      } else if (args[i] instanceof double[][] m) {
        arrays[i] = zerosLike(m);
        arrayDots[i] = zerosLike(m);
      } else {
        continue;
      }
      all.add(arrays[i]);
      all.add(arrayDots[i]);
    }
    double value;
    try {
      GradientOracle.fresh(reset);
      value = (double) into.invoke(null, all.toArray());
    } catch (InvocationTargetException e) {
      return report.fail(Verdict.GRADIENT_THROWS, "mHvpInto at "
          + GradientOracle.show(params, args) + ": " + e.getCause());
    } catch (ReflectiveOperationException e) {
      return report.fail(Verdict.GENERATED_CODE_ERROR, e.toString());
    }
    List<String> differences = new ArrayList<>();
    same("value", (double) GradientOracle.component(hvp, "value"), value, differences);
    int slot = 0;
    for (int i = 0; i < params.size(); i++) {
      Param p = params.get(i);
      if (p.kind() != Kind.DOUBLE && p.kind() != Kind.ARRAY && p.kind() != Kind.MATRIX) {
        continue;
      }
      Object g = GradientOracle.component(hvp, p.name());
      Object hv = GradientOracle.component(hvp, p.name() + "Hvp");
      switch (p.kind()) {
        case DOUBLE -> {
          same(p.name(), (double) g, adjoints[slot], differences);
          same(p.name() + "Hvp", (double) hv, adjointsDot[slot++], differences);
        }
        case ARRAY, MATRIX -> {
          same(p.name(), g, arrays[i], differences);
          same(p.name() + "Hvp", hv, arrayDots[i], differences);
        }
        default -> { }
      }
    }
    if (!differences.isEmpty()) {
      return report.fail(Verdict.HVP_MISMATCH, "mHvpInto at " + GradientOracle.show(params,
          args) + " differs from mHvp: " + String.join("; ", differences));
    }
    report.hvpIntosCompared++;
    return null;
  }

  private static double[][] zerosLike(double[][] m) {
    double[][] z = new double[m.length][];
    for (int r = 0; r < m.length; r++) {
      z[r] = m[r] == null ? null : new double[m[r].length];
    }
    return z;
  }

  private static void same(String what, Object expected, Object actual, List<String> out) {
    if (expected == null && actual == null) {
      return;
    }
    if (expected instanceof double[] e && actual instanceof double[] a) {
      for (int c = 0; c < e.length; c++) {
        same(what + "[" + c + "]", e[c], a[c], out);
      }
    } else if (expected instanceof double[][] e && actual instanceof double[][] a) {
      for (int r = 0; r < e.length; r++) {
        same(what + "[" + r + "]", e[r], a[r], out);
      }
    } else {
      out.add(what + ": mHvp gives " + expected + ", mHvpInto " + actual);
    }
  }

  private static void same(String what, double expected, double actual, List<String> out) {
    if (!(expected == actual || Double.isNaN(expected) && Double.isNaN(actual))) {
      out.add(what + ": mHvp gives " + expected + ", mHvpInto " + actual);
    }
  }
}
