package dev.adjoint.issue14;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One {@code @Differentiable} method of a compiled fixture and the methods the issue says are
 * generated for it, called by reflection: the primal {@code C.m}, the existing gradient
 * {@code CGrad.m}, and {@code CGrad.mTangent}, {@code mHvp}, {@code mHessian}, {@code mJacobian}.
 *
 * <p>Differentiated parameters ({@code double}, {@code double[]}, {@code double[][]}, or those
 * named by {@code wrt}) are flattened in parameter order, arrays row-major, exactly as the issue
 * flattens the columns of {@code hessian()} and {@code jacobian()}.
 */
final class Subject {
  final Javac14.Result run;
  final String cls;
  final String gradCls;
  final String method;
  final Method primal;
  /** Indices of the differentiated parameters. */
  final int[] diff;

  private Subject(Javac14.Result run, String cls, String method, Method primal, int[] diff) {
    this.run = run;
    this.cls = cls;
    this.gradCls = cls + "Grad";
    this.method = method;
    this.primal = primal;
    this.diff = diff;
  }

  /** The method {@code cls.method} of arity {@code arity}; {@code wrt} empty means the default. */
  static Subject of(Javac14.Result run, String cls, String method, int arity, String... wrt) {
    Method found = null;
    for (Method m : run.load(cls).getDeclaredMethods()) {
      if (m.getName().equals(method) && m.getParameterCount() == arity) {
        found = m;
      }
    }
    if (found == null) {
      throw new AssertionError("no " + cls + "." + method + "/" + arity + run.report());
    }
    found.setAccessible(true);
    List<Integer> idx = new ArrayList<>();
    Parameter[] ps = found.getParameters();
    for (int i = 0; i < ps.length; i++) {
      Class<?> t = ps[i].getType();
      boolean differentiable = t == double.class || t == double[].class || t == double[][].class;
      boolean named = wrt.length == 0 || Arrays.asList(wrt).contains(ps[i].getName());
      if (differentiable && named) {
        idx.add(i);
      }
    }
    return new Subject(run, cls, method, found, idx.stream().mapToInt(Integer::intValue)
        .toArray());
  }

  /** Names of the differentiated parameters, in order. */
  List<String> diffNames() {
    List<String> names = new ArrayList<>();
    for (int i : diff) {
      names.add(primal.getParameters()[i].getName());
    }
    return names;
  }

  // ---- primal -------------------------------------------------------------------------------

  Object callPrimal(Object[] args) {
    return invoke(primal, args, "the primal " + cls + "." + method);
  }

  double value(Object[] args) {
    return (Double) callPrimal(args);
  }

  double[] vectorValue(Object[] args) {
    return (double[]) callPrimal(args);
  }

  // ---- generated methods --------------------------------------------------------------------

  /** The existing gradient {@code CGrad.m(args)} (or {@code m(args, seed)} for a vector method). */
  Object gradient(Object... args) {
    return callGenerated(method, args);
  }

  /** The gradient accessors of a result record, flattened. */
  double[] gradientOf(Object result) {
    List<Object> parts = new ArrayList<>();
    for (String n : diffNames()) {
      parts.add(read(result, n));
    }
    return flatten(parts.toArray());
  }

  /** The Hessian-vector products {@code pHvp(), qHvp(), …} of an mHvp result, flattened. */
  double[] hvpOf(Object result) {
    List<Object> parts = new ArrayList<>();
    for (String n : diffNames()) {
      parts.add(read(result, n + "Hvp"));
    }
    return flatten(parts.toArray());
  }

  Object tangent(Object[] args, double[] direction) {
    return callGenerated(method + "Tangent", concat(args, directions(args, direction)));
  }

  Object hvp(Object[] args, double[] direction) {
    return callGenerated(method + "Hvp", concat(args, directions(args, direction)));
  }

  Object hessian(Object[] args) {
    return callGenerated(method + "Hessian", args);
  }

  Object jacobian(Object[] args) {
    return callGenerated(method + "Jacobian", args);
  }

  /** Whether {@code CGrad} has a method of that name (the class may not exist). */
  boolean generatedHas(String name) {
    byte[] bytes = run.classes.get(gradCls);
    if (bytes == null) {
      return false;
    }
    for (Method m : run.load(gradCls).getDeclaredMethods()) {
      if (m.getName().equals(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Calls {@code CGrad.name} on {@code args} themselves, not on copies: for the test that
   * generated methods leave their array arguments alone.
   */
  Object callGeneratedOnOriginals(String name, Object[] args) {
    copying = false;
    try {
      return callGenerated(name, args);
    } finally {
      copying = true;
    }
  }

  private boolean copying = true;

  private Object callGenerated(String name, Object[] args) {
    Class<?> g = run.load(gradCls);
    List<Method> candidates = new ArrayList<>();
    for (Method m : g.getDeclaredMethods()) {
      if (m.getName().equals(name) && Modifier.isStatic(m.getModifiers())
          && accepts(m.getParameterTypes(), args)) {
        candidates.add(m);
      }
    }
    if (candidates.size() != 1) {
      throw new AssertionError("expected one generated " + gradCls + "." + name
          + " taking " + shapes(args) + ", found " + candidates + run.report());
    }
    Method m = candidates.get(0);
    m.setAccessible(true);
    return invoke(m, args, "the generated " + gradCls + "." + name);
  }

  private static boolean accepts(Class<?>[] types, Object[] args) {
    if (types.length != args.length) {
      return false;
    }
    for (int i = 0; i < types.length; i++) {
      Class<?> t = types[i];
      Object a = args[i];
      boolean ok = t == double.class ? a instanceof Double
          : t == int.class ? a instanceof Integer
          : t.isPrimitive() ? false
          : a == null || t.isInstance(a);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private Object invoke(Method m, Object[] args, String what) {
    try {
      return m.invoke(null, copying ? deepCopy(args) : args);
    } catch (InvocationTargetException e) {
      AssertionError err = new AssertionError(what + " threw " + e.getCause() + " at "
          + show(args));
      err.initCause(e.getCause());
      throw err;
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  /** The value of the no-argument accessor {@code name()} of a result object. */
  static Object read(Object result, String name) {
    for (Class<?> c = result.getClass(); c != null; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.getName().equals(name) && m.getParameterCount() == 0) {
          try {
            m.setAccessible(true);
            return m.invoke(result);
          } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot read " + name + "() of " + result.getClass(), e);
          }
        }
      }
    }
    List<String> have = new ArrayList<>();
    for (Method m : result.getClass().getDeclaredMethods()) {
      if (m.getParameterCount() == 0) {
        have.add(m.getName() + "()");
      }
    }
    throw new AssertionError("the result " + result.getClass().getName() + " has no accessor "
        + name + "(); it has " + have);
  }

  static double readDouble(Object result, String name) {
    Object v = read(result, name);
    if (!(v instanceof Double d)) {
      throw new AssertionError(name + "() should be a double, is " + shape(v));
    }
    return d;
  }

  // ---- flattening ---------------------------------------------------------------------------

  /** The differentiated entries of {@code args}, flattened. */
  double[] flat(Object[] args) {
    Object[] parts = new Object[diff.length];
    for (int k = 0; k < diff.length; k++) {
      parts[k] = args[diff[k]];
    }
    return flatten(parts);
  }

  /** A copy of {@code args} whose differentiated entries are {@code flat}. */
  Object[] with(Object[] args, double[] flat) {
    Object[] c = deepCopy(args);
    int[] pos = {0};
    for (int k : diff) {
      c[k] = fill(c[k], flat, pos);
    }
    check(pos[0] == flat.length, "flat vector length " + flat.length + " != " + pos[0]);
    return c;
  }

  /** One direction per differentiated parameter, of its shape, filled from {@code flat}. */
  Object[] directions(Object[] args, double[] flat) {
    Object[] out = new Object[diff.length];
    int[] pos = {0};
    for (int k = 0; k < diff.length; k++) {
      out[k] = fill(deepCopy(new Object[] {args[diff[k]]})[0], flat, pos);
    }
    check(pos[0] == flat.length, "direction length " + flat.length + " != " + pos[0]);
    return out;
  }

  static double[] flatten(Object[] parts) {
    List<Double> out = new ArrayList<>();
    for (Object p : parts) {
      if (p instanceof Double d) {
        out.add(d);
      } else if (p instanceof double[] v) {
        for (double x : v) {
          out.add(x);
        }
      } else if (p instanceof double[][] m) {
        for (double[] row : m) {
          for (double x : row) {
            out.add(x);
          }
        }
      } else {
        throw new AssertionError("cannot flatten " + shape(p));
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static Object fill(Object shapeLike, double[] flat, int[] pos) {
    if (shapeLike instanceof Double) {
      return flat[pos[0]++];
    }
    if (shapeLike instanceof double[] v) {
      for (int i = 0; i < v.length; i++) {
        v[i] = flat[pos[0]++];
      }
      return v;
    }
    double[][] m = (double[][]) shapeLike;
    for (double[] row : m) {
      for (int j = 0; j < row.length; j++) {
        row[j] = flat[pos[0]++];
      }
    }
    return m;
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new AssertionError(what);
    }
  }

  static Object[] concat(Object[] a, Object[] b) {
    Object[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  static Object[] deepCopy(Object[] args) {
    Object[] c = args.clone();
    for (int i = 0; i < c.length; i++) {
      if (c[i] instanceof double[] v) {
        c[i] = v.clone();
      } else if (c[i] instanceof double[][] m) {
        double[][] mm = m.clone();
        for (int k = 0; k < mm.length; k++) {
          mm[k] = mm[k].clone();
        }
        c[i] = mm;
      }
    }
    return c;
  }

  static String show(Object[] args) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < args.length; i++) {
      b.append(i > 0 ? ", " : "");
      Object a = args[i];
      b.append(a instanceof double[] v ? Arrays.toString(v)
          : a instanceof double[][] m ? Arrays.deepToString(m) : String.valueOf(a));
    }
    return b.append(')').toString();
  }

  private static String shapes(Object[] args) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < args.length; i++) {
      b.append(i > 0 ? ", " : "").append(shape(args[i]));
    }
    return b.append(')').toString();
  }

  static String shape(Object o) {
    return o == null ? "null" : o.getClass().getSimpleName();
  }

  @Override
  public String toString() {
    return cls + "." + method;
  }
}
