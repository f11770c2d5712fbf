package dev.adjoint.issue13;

import dev.adjoint.fuzz.InMemoryCompilation;
import dev.adjoint.fuzz.InMemoryCompiler;
import dev.adjoint.fuzz.InMemoryCompilation.Diag;
import dev.adjoint.fuzz.InMemoryCompilation.Outcome;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Compiles one {@link Program13} with the processor and judges it as a user would: the generated
 * gradient against 5-point central differences of the original method (and against the
 * program's exact oracle), {@code value()} against the original, and the caller's arrays left
 * exactly as the original leaves them.
 */
final class Check13 {
  /** Relative step of the finite differences, scaled by max(1, |x|). */
  static final double STEP = 1e-4;
  /** |got - want| / max(1, |got|, |want|) allowed against central differences. */
  static final double FD_TOL = 1e-6;
  /** The same against an exact oracle. */
  static final double EXACT_TOL = 1e-10;

  private Check13() {}

  static Outcome compile(Program13 p) {
    return InMemoryCompilation.compile(Map.of(p.className(), p.source()));
  }

  /** The errors of a compilation, one per line, for messages and reports. */
  static String errors(Outcome out) {
    StringBuilder b = new StringBuilder();
    if (out.crash() != null) {
      b.append("CRASH ").append(out.crash()).append('\n');
    }
    for (Diag d : out.errors()) {
      b.append(d.fromProcessor() ? "[processor] " : "[javac] ").append(d).append('\n');
    }
    return b.toString();
  }

  /** The source with line numbers, for failure messages. */
  static String numbered(Program13 p) {
    StringBuilder b = new StringBuilder();
    String[] lines = p.source().split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      b.append(String.format("%4d  %s%n", i + 1, lines[i]));
    }
    return b.toString();
  }

  /** Asserts the program compiled and its gradient matches at every point; throws otherwise. */
  static void assertGradientMatches(Program13 p, Outcome out) {
    if (out.crash() != null || !out.success() || !out.errors().isEmpty()) {
      throw new AssertionError(p.name() + " does not compile:\n" + errors(out) + numbered(p));
    }
    Method primal = primal(p, out.loader());
    Method grad = generated(p, out, primal);
    List<String> problems = new ArrayList<>();
    for (Object[] args : p.points()) {
      checkPoint(p, primal, grad, args, problems);
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(p.name() + ": " + String.join("\n", problems) + "\n"
          + numbered(p) + "\n" + out.generated().getOrDefault(
              p.className().replace('.', '/') + "Grad.java", "(no generated source)"));
    }
  }

  /**
   * Compiles the program without the processor (plain javac) and runs its method at every
   * point: the value must be finite, and where the program has an exact oracle, the oracle must
   * match central differences of the method. This keeps a program that the processor rejects
   * today honest: valid Java that runs, with a right oracle, ready for its gradient check.
   */
  static void assertPrimalRunsAndOracleMatches(Program13 p) {
    InMemoryCompiler.Output out = InMemoryCompiler.run(Map.of(p.className(), p.source()),
        List.of("-classpath", System.getProperty("java.class.path"), "-proc:none",
            "-parameters", "-implicit:none"));
    if (!out.success()) {
      throw new AssertionError(p.name() + " is not valid Java: " + out.diagnostics() + "\n"
          + numbered(p));
    }
    Method primal = primal(p, InMemoryCompiler.loader(out.classes(),
        Check13.class.getClassLoader()));
    List<String> problems = new ArrayList<>();
    for (Object[] args : p.points()) {
      double v = call(primal, deepCopy(args));
      if (!Double.isFinite(v)) {
        problems.add("the method gives " + v + " at " + show(args));
      }
      if (p.oracle() == null) {
        continue;
      }
      double[] exact = p.oracle().apply(deepCopy(args));
      int k = 0;
      for (int idx = 0; idx < args.length; idx++) {
        if (!isDifferentiated(p, primal, idx)) {
          continue;
        }
        for (double fd : fdAll(primal, args, idx)) {
          check("oracle entry " + k, exact[k++], fd, args, problems);
        }
      }
      if (k != exact.length) {
        problems.add("oracle gives " + exact.length + " entries, the parameters " + k);
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError(p.name() + ": " + String.join("\n", problems));
    }
  }

  /** Default differentiation (every double, double[], double[][]) unless wrt names some. */
  private static boolean isDifferentiated(Program13 p, Method primal, int idx) {
    Parameter q = primal.getParameters()[idx];
    Class<?> t = q.getType();
    if (t != double.class && t != double[].class && t != double[][].class) {
      return false;
    }
    java.util.regex.Matcher wrt = java.util.regex.Pattern.compile("wrt = (\\{[^}]*}|\"[^\"]*\")")
        .matcher(p.source());
    return !wrt.find() || wrt.group(1).contains("\"" + q.getName() + "\"");
  }

  private static List<Double> fdAll(Method primal, Object[] args, int idx) {
    List<Double> fds = new ArrayList<>();
    Object arg = args[idx];
    if (arg instanceof Double) {
      fds.add(fd(primal, args, idx, -1, -1));
    } else if (arg instanceof double[] v) {
      for (int i = 0; i < v.length; i++) {
        fds.add(fd(primal, args, idx, i, -1));
      }
    } else {
      double[][] m = (double[][]) arg;
      for (int i = 0; i < m.length; i++) {
        for (int j = 0; j < m[i].length; j++) {
          fds.add(fd(primal, args, idx, i, j));
        }
      }
    }
    return fds;
  }

  private static void checkPoint(Program13 p, Method primal, Method grad, Object[] args,
      List<String> problems) {
    Object[] primalArgs = deepCopy(args);
    double want = call(primal, primalArgs);
    Object[] gradArgs = deepCopy(args);
    Object rec = invoke(grad, gradArgs);
    if (!Arrays.deepEquals(primalArgs, gradArgs)) {
      problems.add("the gradient call leaves the arguments " + show(gradArgs)
          + ", the original leaves " + show(primalArgs));
    }
    RecordComponent[] comps = rec.getClass().getRecordComponents();
    double value = (Double) component(rec, comps[0]);
    if (!(value == want || Double.isNaN(value) && Double.isNaN(want))) {
      problems.add("value() at " + show(args) + ": got " + value + " want " + want);
    }
    List<Double> flat = new ArrayList<>();
    for (int c = 1; c < comps.length; c++) {
      int idx = paramIndex(primal, comps[c].getName());
      Object got = component(rec, comps[c]);
      compareWithFd(primal, args, idx, comps[c].getName(), got, problems);
      flatten(got, flat);
    }
    if (p.oracle() != null) {
      double[] exact = p.oracle().apply(deepCopy(args));
      if (exact.length != flat.size()) {
        problems.add("oracle gives " + exact.length + " entries, the gradient " + flat.size());
        return;
      }
      for (int i = 0; i < exact.length; i++) {
        if (!(relErr(flat.get(i), exact[i]) <= EXACT_TOL)) {
          problems.add("entry " + i + " at " + show(args) + ": got " + flat.get(i)
              + " want exactly " + exact[i]);
        }
      }
    }
  }

  private static void compareWithFd(Method primal, Object[] args, int idx, String name,
      Object got, List<String> problems) {
    Object arg = args[idx];
    if (arg instanceof Double) {
      check(name, (Double) got, fd(primal, args, idx, -1, -1), args, problems);
    } else if (arg instanceof double[] v) {
      double[] g = (double[]) got;
      if (g.length != v.length) {
        problems.add(name + " has length " + g.length + ", want " + v.length);
        return;
      }
      for (int i = 0; i < v.length; i++) {
        check(name + "[" + i + "]", g[i], fd(primal, args, idx, i, -1), args, problems);
      }
    } else if (arg instanceof double[][] m) {
      double[][] g = (double[][]) got;
      for (int i = 0; i < m.length; i++) {
        for (int j = 0; j < m[i].length; j++) {
          check(name + "[" + i + "][" + j + "]", g[i][j], fd(primal, args, idx, i, j), args,
              problems);
        }
      }
    } else {
      problems.add("parameter " + name + " of type " + arg.getClass() + " cannot be checked");
    }
  }

  private static void check(String what, double got, double want, Object[] args,
      List<String> problems) {
    if (!(relErr(got, want) <= FD_TOL)) {
      problems.add(what + " at " + show(args) + ": got " + got + " want " + want
          + " (central differences)");
    }
  }

  static double relErr(double got, double want) {
    return Math.abs(got - want) / Math.max(1.0, Math.max(Math.abs(got), Math.abs(want)));
  }

  /** 5-point central difference of the original method in one scalar entry. */
  private static double fd(Method primal, Object[] args, int idx, int i, int j) {
    double x0 = get(args[idx], i, j);
    double h = STEP * Math.max(1.0, Math.abs(x0));
    double fp1 = call(primal, with(args, idx, i, j, x0 + h));
    double fm1 = call(primal, with(args, idx, i, j, x0 - h));
    double fp2 = call(primal, with(args, idx, i, j, x0 + 2 * h));
    double fm2 = call(primal, with(args, idx, i, j, x0 - 2 * h));
    return (8.0 * (fp1 - fm1) - (fp2 - fm2)) / (12.0 * h);
  }

  private static Method primal(Program13 p, ClassLoader loader) {
    Class<?> c = load(loader, p.className());
    Method found = null;
    for (Method m : c.getDeclaredMethods()) {
      if (m.getName().equals(p.method())) {
        if (found != null) {
          throw new AssertionError(p.className() + " declares " + p.method() + " twice");
        }
        found = m;
      }
    }
    if (found == null) {
      throw new AssertionError("no method " + p.className() + "." + p.method());
    }
    found.setAccessible(true);
    return found;
  }

  private static Method generated(Program13 p, Outcome out, Method primal) {
    Class<?> g = load(out.loader(), p.className() + "Grad");
    for (Method m : g.getDeclaredMethods()) {
      if (m.getName().equals(p.method()) && Modifier.isStatic(m.getModifiers())
          && Arrays.equals(m.getParameterTypes(), primal.getParameterTypes())
          && m.getReturnType().isRecord()) {
        m.setAccessible(true);
        return m;
      }
    }
    throw new AssertionError("no gradient method " + g.getName() + "." + p.method());
  }

  private static Class<?> load(ClassLoader loader, String name) {
    try {
      return Class.forName(name, true, loader);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("cannot load " + name, e);
    }
  }

  static double call(Method m, Object[] args) {
    return ((Number) invoke(m, args)).doubleValue();
  }

  private static Object invoke(Method m, Object[] args) {
    try {
      return m.invoke(null, args);
    } catch (InvocationTargetException e) {
      throw new AssertionError(m + " threw at " + show(args), e.getCause());
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  private static Object component(Object rec, RecordComponent c) {
    try {
      Method a = c.getAccessor();
      a.setAccessible(true);
      return a.invoke(rec);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static int paramIndex(Method m, String name) {
    Parameter[] ps = m.getParameters();
    for (int i = 0; i < ps.length; i++) {
      if (ps[i].getName().equals(name)) {
        return i;
      }
    }
    throw new AssertionError("the gradient has a component " + name + " but " + m.getName()
        + " has no such parameter");
  }

  private static void flatten(Object g, List<Double> into) {
    if (g instanceof Double d) {
      into.add(d);
    } else if (g instanceof double[] v) {
      for (double x : v) {
        into.add(x);
      }
    } else {
      for (double[] row : (double[][]) g) {
        flatten(row, into);
      }
    }
  }

  private static double get(Object a, int i, int j) {
    if (a instanceof Double d) {
      return d;
    }
    return a instanceof double[] v ? v[i] : ((double[][]) a)[i][j];
  }

  private static Object[] with(Object[] args, int idx, int i, int j, double x) {
    Object[] c = deepCopy(args);
    if (c[idx] instanceof Double) {
      c[idx] = x;
    } else if (c[idx] instanceof double[] v) {
      v[i] = x;
    } else {
      ((double[][]) c[idx])[i][j] = x;
    }
    return c;
  }

  static Object[] deepCopy(Object[] args) {
    Object[] c = args.clone();
    for (int i = 0; i < c.length; i++) {
      if (c[i] instanceof double[] v) {
        c[i] = v.clone();
      } else if (c[i] instanceof int[] v) {
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
    return Arrays.deepToString(args);
  }
}
