package dev.adjoint.issue11;

import dev.adjoint.fuzz.InMemoryCompilation;
import dev.adjoint.fuzz.InMemoryCompilation.Diag;
import dev.adjoint.fuzz.InMemoryCompilation.Outcome;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Compiles small programs in memory with the Adjoint processor and judges the outcome as a user
 * would: the generated gradient against 5-point central differences of the primal, value()
 * against the primal, and the processor's diagnostics (kind, file, line, message).
 *
 * <p>Marker comments {@code //@name} at the end of a source line name that line for
 * {@link Run#line(String, String)}.
 */
final class Harness {
  /** Relative step of the finite differences, scaled by max(1, |x|). */
  static final double STEP = 1e-4;
  /** Relative tolerance: |got - want| / max(1, |got|, |want|). */
  static final double TOL = 1e-6;

  /** A processor message naming a Java exception or error class is an internal failure. */
  private static final Pattern INTERNAL = Pattern.compile(
      "\\b[A-Z]\\w*(Exception|Error)\\b|\\bat [a-z]\\w*(\\.\\w+)+\\(");

  private Harness() {}

  /** Compiles {@code nameThenSource} pairs: qualified class name, source text, .... */
  static Run compile(String... nameThenSource) {
    Map<String, String> sources = new LinkedHashMap<>();
    for (int i = 0; i < nameThenSource.length; i += 2) {
      sources.put(nameThenSource[i], nameThenSource[i + 1]);
    }
    return new Run(sources, InMemoryCompilation.compile(sources));
  }

  /**
   * {@link #compile} on a thread with the stack {@code javac -J-Xss8m} would give: javac compiles
   * a generated class as deeply nested as a deeply nested method on the caller's stack, and on a
   * default one it may overflow (and fail without a diagnostic) depending on what the JIT has
   * compiled so far.
   */
  static Run compileOnLargeStack(String... nameThenSource) {
    Run[] run = new Run[1];
    Thread compiler = new Thread(null, () -> run[0] = compile(nameThenSource), "javac-8m",
        8L << 20);
    compiler.start();
    try {
      compiler.join();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
    return run[0];
  }

  /** Source of final class iss.C with the given imports and members (indented by 2). */
  static String classC(String imports, String members) {
    return "package iss;\n\nimport dev.adjoint.Differentiable;\n" + imports + "\n"
        + "final class C {\n  private C() {}\n\n" + members.indent(2) + "}\n";
  }

  /** A second, independent class beside the one under test: must always get its Grad class. */
  static final String OTHER_NAME = "iss.Other";
  static final String OTHER = """
      package iss;

      import dev.adjoint.Differentiable;

      final class Other {
        private Other() {}

        @Differentiable
        static double g(double a, double b) {
          return a * Math.exp(b) + b * b;
        }
      }
      """;

  /** One compilation and everything a test needs to judge it. */
  static final class Run {
    final Map<String, String> sources;
    final Outcome out;

    Run(Map<String, String> sources, Outcome out) {
      this.sources = sources;
      this.out = out;
    }

    /** The 1-based line of {@code cls}'s source that carries the marker {@code //@tag}. */
    int line(String cls, String tag) {
      String text = sources.get(cls);
      if (text == null) {
        throw new IllegalArgumentException("no source " + cls);
      }
      String[] lines = text.split("\n", -1);
      int found = -1;
      for (int i = 0; i < lines.length; i++) {
        if (lines[i].contains("//@" + tag) && (lines[i].endsWith("//@" + tag)
            || lines[i].contains("//@" + tag + " "))) {
          if (found >= 0) {
            throw new IllegalArgumentException("marker //@" + tag + " twice in " + cls);
          }
          found = i + 1;
        }
      }
      if (found < 0) {
        throw new IllegalArgumentException("no marker //@" + tag + " in " + cls);
      }
      return found;
    }

    Set<Integer> lines(String cls, String... tags) {
      Set<Integer> s = new TreeSet<>();
      for (String t : tags) {
        s.add(line(cls, t));
      }
      return s;
    }

    /** Lines from .. to, inclusive. */
    Set<Integer> range(int from, int to) {
      Set<Integer> s = new TreeSet<>();
      for (int i = from; i <= to; i++) {
        s.add(i);
      }
      return s;
    }

    /** Sources with line numbers, diagnostics and generated sources, for failure messages. */
    String report() {
      StringBuilder b = new StringBuilder();
      b.append("\n==== compilation: success=").append(out.success());
      if (out.crash() != null) {
        b.append("\n==== CRASH\n").append(shortTrace(out.crash()));
      }
      b.append("\n==== diagnostics (").append(out.diagnostics().size()).append(")");
      for (Diag d : out.diagnostics()) {
        b.append("\n  ").append(d.fromProcessor() ? "[processor] " : "")
            .append(d.inGenerated() ? "[generated] " : "").append(d);
      }
      for (Map.Entry<String, String> e : sources.entrySet()) {
        b.append("\n==== source ").append(e.getKey()).append('\n');
        String[] ls = e.getValue().split("\n", -1);
        for (int i = 0; i < ls.length; i++) {
          b.append(String.format("%4d  %s%n", i + 1, ls[i]));
        }
      }
      for (Map.Entry<String, String> e : out.generated().entrySet()) {
        String text = e.getValue();
        if (text != null && text.length() > 60_000) {
          text = text.substring(0, 60_000) + "\n... (" + text.length() + " chars)";
        }
        b.append("\n==== generated ").append(e.getKey()).append('\n').append(text);
      }
      return b.toString();
    }

    AssertionError fail(String why) {
      return new AssertionError(why + report());
    }

    String fileOf(String cls) {
      return "/" + cls.replace('.', '/') + ".java";
    }

    boolean generatedSource(String gradCls) {
      return out.generated().containsKey(gradCls.replace('.', '/') + ".java");
    }

    /** No crash, no error in generated code, no processor error naming an internal failure. */
    void assertSane() {
      if (out.crash() != null) {
        throw fail("the compiler/processor threw " + out.crash());
      }
      for (Diag d : out.errors()) {
        if (d.inGenerated()) {
          throw fail("generated code does not compile: " + d);
        }
      }
      for (Diag d : out.diagnostics()) {
        if (d.fromProcessor() && d.message() != null && INTERNAL.matcher(d.message()).find()) {
          throw fail("internal failure reported by the processor: " + d);
        }
      }
    }

    /** Processor errors, and javac errors on user sources (which mean the test is wrong). */
    private void assertOnlyProcessorErrors() {
      for (Diag d : out.errors()) {
        if (!d.fromProcessor()) {
          throw fail("javac error that is not the processor's (not expected for valid Java): "
              + d);
        }
      }
    }

    /** Compilation must succeed with no error at all. */
    void assertCompiles(String... gradClasses) {
      assertSane();
      if (!out.errors().isEmpty() || !out.success()) {
        throw fail("expected the program to compile, got errors: " + out.errors());
      }
      for (String g : gradClasses) {
        if (!out.classes().containsKey(g)) {
          throw fail("no " + g + " class generated (and no diagnostic)");
        }
      }
    }

    /** There is an ERROR from the processor, in cls's file, at one of {@code lines}. */
    void assertErrorAt(String cls, Set<Integer> lines, Predicate<String> message,
        String messageWant) {
      assertErrorAt(Map.of(cls, lines), message, messageWant);
    }

    /** There is an ERROR from the processor in one of the files at one of its lines. */
    void assertErrorAt(Map<String, Set<Integer>> where, Predicate<String> message,
        String messageWant) {
      assertSane();
      assertOnlyProcessorErrors();
      if (out.errors().isEmpty()) {
        throw fail("expected an ERROR at " + where + ", got none");
      }
      List<Diag> wrongPlace = new ArrayList<>();
      for (Diag d : out.errors()) {
        boolean here = false;
        for (Map.Entry<String, Set<Integer>> e : where.entrySet()) {
          here |= d.file() != null && d.file().endsWith(fileOf(e.getKey()))
              && e.getValue().contains((int) d.line());
        }
        if (d.fromProcessor() && here) {
          if (d.message() == null || d.message().isBlank()) {
            throw fail("error at the right place but with an empty message: " + d);
          }
          if (!message.test(d.message())) {
            throw fail("error at the right place but its message does not say " + messageWant
                + ": " + d);
          }
          return;
        }
        wrongPlace.add(d);
      }
      throw fail("expected an ERROR at " + where + ", got errors elsewhere: " + wrongPlace);
    }

    /**
     * Passes in exactly two ways: (a) compilation succeeds, the Grad classes exist and
     * {@code check} passes; (b) the processor reports an ERROR in cls's file at one of
     * {@code lines} with a non-empty message (and there is no other kind of error).
     */
    void assertSupportedOrErrorAt(String cls, Set<Integer> lines, Runnable check,
        String... gradClasses) {
      assertSane();
      if (out.errors().isEmpty()) {
        assertCompiles(gradClasses);
        check.run();
        System.out.println("[issue11] supported: " + sources.keySet());
      } else {
        assertErrorAt(cls, lines, m -> m.trim().length() >= 10, "what to do (non-trivial)");
        System.out.println("[issue11] rejected: " + out.errors());
      }
    }

    /** Another class in the same compilation got its Grad source (and, if it compiled, works). */
    void assertOtherStillGenerated() {
      if (!generatedSource(OTHER_NAME + "Grad")) {
        throw fail("a problem in another class stopped " + OTHER_NAME + "Grad from being "
            + "generated");
      }
      if (out.errors().isEmpty()) {
        gradient(OTHER_NAME, "g").at(0.7, -0.3).at(-1.2, 0.9).check();
      }
    }

    Grad gradient(String cls, String method) {
      return new Grad(this, cls, gradNameOf(cls), method);
    }

    Grad gradient(String cls, String gradCls, String method) {
      return new Grad(this, cls, gradCls, method);
    }
  }

  /** pkg.A$B gets pkg.A_BGrad. */
  static String gradNameOf(String binaryName) {
    return binaryName.replace('$', '_') + "Grad";
  }

  /** A gradient check of one generated method at several points. */
  static final class Grad {
    final Run run;
    final String cls;
    final String gradCls;
    final String method;
    final List<Object[]> points = new ArrayList<>();
    String[] wrt;
    boolean checkValue = true;

    Grad(Run run, String cls, String gradCls, String method) {
      this.run = run;
      this.cls = cls;
      this.gradCls = gradCls;
      this.method = method;
    }

    Grad at(Object... args) {
      points.add(args);
      return this;
    }

    /** The expected differentiated parameters (else every double, double[], double[][]). */
    Grad wrt(String... names) {
      this.wrt = names;
      return this;
    }

    Class<?> load(String name) {
      try {
        return Class.forName(name, true, run.out.loader());
      } catch (ClassNotFoundException | LinkageError e) {
        throw run.fail("cannot load " + name + ": " + e);
      }
    }

    Method primal() {
      Class<?> c = load(cls);
      Method found = null;
      for (Method m : c.getDeclaredMethods()) {
        if (m.getName().equals(method) && m.getParameterCount() == points.get(0).length) {
          found = m;
        }
      }
      if (found == null) {
        throw run.fail("no primal " + cls + "." + method);
      }
      found.setAccessible(true);
      return found;
    }

    Method generated(Method primal) {
      Class<?> g = load(gradCls);
      for (Method m : g.getDeclaredMethods()) {
        if (m.getName().equals(method) && Modifier.isStatic(m.getModifiers())
            && Arrays.equals(m.getParameterTypes(), primal.getParameterTypes())
            && m.getReturnType().isRecord()) {
          m.setAccessible(true);
          return m;
        }
      }
      throw run.fail("no gradient method " + gradCls + "." + method + " returning a record");
    }

    Object callPrimal(Method p, Object[] args) {
      try {
        return p.invoke(null, deepCopy(args));
      } catch (InvocationTargetException e) {
        throw run.fail("the primal threw " + e.getCause());
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
    }

    double primalValue(Method p, Object[] args) {
      return ((Number) callPrimal(p, args)).doubleValue();
    }

    /** Runs the generated method; returns [value, component 1, ...]. */
    Object[] callGradient(Method g, Object[] args, String[] expectNames) {
      Object rec;
      try {
        rec = g.invoke(null, deepCopy(args));
      } catch (InvocationTargetException e) {
        throw run.fail("the generated gradient threw " + e.getCause() + " at " + show(args)
            + "\n" + shortTrace(e.getCause()));
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
      RecordComponent[] comps = rec.getClass().getRecordComponents();
      List<String> names = new ArrayList<>();
      Object[] values = new Object[comps.length];
      for (int i = 0; i < comps.length; i++) {
        names.add(comps[i].getName());
        try {
          comps[i].getAccessor().setAccessible(true);
          values[i] = comps[i].getAccessor().invoke(rec);
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      }
      List<String> want = new ArrayList<>();
      want.add("value");
      want.addAll(Arrays.asList(expectNames));
      if (!names.equals(want)) {
        throw run.fail("record components of " + method + ": got " + names + " want " + want);
      }
      return values;
    }

    String[] expectedWrt(Method p) {
      if (wrt != null) {
        return wrt;
      }
      List<String> names = new ArrayList<>();
      for (java.lang.reflect.Parameter q : p.getParameters()) {
        Class<?> t = q.getType();
        if (t == double.class || t == double[].class || t == double[][].class) {
          names.add(q.getName());
        }
      }
      return names.toArray(new String[0]);
    }

    /** Runs the generated method at args; returns [value, gradient components...]. */
    Object[] raw(Object... args) {
      points.add(args);
      Method p = primal();
      return callGradient(generated(p), args, expectedWrt(p));
    }

    /** value() equals the primal; every gradient entry matches 5-point central differences. */
    void check() {
      Method p = primal();
      Method g = generated(p);
      String[] names = expectedWrt(p);
      List<String> problems = new ArrayList<>();
      for (Object[] args : points) {
        Object[] got = callGradient(g, args, names);
        double want = primalValue(p, args);
        double value = ((Number) got[0]).doubleValue();
        if (checkValue && !(value == want || Double.isNaN(value) && Double.isNaN(want))) {
          problems.add("value() at " + show(args) + ": got " + value + " want " + want);
        }
        for (int k = 0; k < names.length; k++) {
          int idx = paramIndex(p, names[k]);
          compareEntries(p, args, idx, names[k], got[k + 1], problems);
        }
      }
      if (!problems.isEmpty()) {
        throw run.fail(String.join("\n", problems));
      }
    }

    private void compareEntries(Method p, Object[] args, int idx, String name, Object got,
        List<String> problems) {
      Object arg = args[idx];
      if (arg instanceof Double) {
        if (!(got instanceof Double)) {
          problems.add("gradient " + name + " has shape " + shape(got) + ", want double");
          return;
        }
        double fd = fd(p, args, idx, -1, -1);
        compare(name, (Double) got, fd, args, problems);
      } else if (arg instanceof double[] v) {
        if (!(got instanceof double[] gv) || gv.length != v.length) {
          problems.add("gradient " + name + " has shape " + shape(got) + ", want double["
              + v.length + "]");
          return;
        }
        for (int i = 0; i < v.length; i++) {
          compare(name + "[" + i + "]", gv[i], fd(p, args, idx, i, -1), args, problems);
        }
      } else if (arg instanceof double[][] m) {
        if (!(got instanceof double[][] gm) || gm.length != m.length) {
          problems.add("gradient " + name + " has shape " + shape(got) + ", want double[][]");
          return;
        }
        for (int i = 0; i < m.length; i++) {
          if (gm[i] == null || gm[i].length != m[i].length) {
            problems.add("gradient " + name + "[" + i + "] has the wrong shape");
            continue;
          }
          for (int j = 0; j < m[i].length; j++) {
            compare(name + "[" + i + "][" + j + "]", gm[i][j], fd(p, args, idx, i, j), args,
                problems);
          }
        }
      } else {
        problems.add("cannot check a gradient for parameter " + name + " of type "
            + (arg == null ? "null" : arg.getClass()));
      }
    }

    private void compare(String what, double got, double want, Object[] args,
        List<String> problems) {
      double err = Math.abs(got - want) / Math.max(1.0, Math.max(Math.abs(got), Math.abs(want)));
      if (!(err <= TOL)) {
        problems.add("gradient " + what + " at " + show(args) + ": got " + got + " want "
            + want + " (central differences)");
      }
    }

    /** 5-point central difference of the primal in one scalar entry of argument idx. */
    double fd(Method p, Object[] args, int idx, int i, int j) {
      double x0 = get(args[idx], i, j);
      double h = STEP * Math.max(1.0, Math.abs(x0));
      double exact = (x0 + h) - x0;
      if (exact != 0.0) {
        h = exact;
      }
      double fp1 = primalValue(p, with(args, idx, i, j, x0 + h));
      double fm1 = primalValue(p, with(args, idx, i, j, x0 - h));
      double fp2 = primalValue(p, with(args, idx, i, j, x0 + 2 * h));
      double fm2 = primalValue(p, with(args, idx, i, j, x0 - 2 * h));
      return (8.0 * (fp1 - fm1) - (fp2 - fm2)) / (12.0 * h);
    }

    private static double get(Object a, int i, int j) {
      if (a instanceof Double d) {
        return d;
      }
      if (a instanceof double[] v) {
        return v[i];
      }
      return ((double[][]) a)[i][j];
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

    private static int paramIndex(Method p, String name) {
      java.lang.reflect.Parameter[] ps = p.getParameters();
      for (int i = 0; i < ps.length; i++) {
        if (ps[i].getName().equals(name)) {
          return i;
        }
      }
      throw new IllegalArgumentException("no parameter " + name);
    }
  }

  /** A stack trace with at most 12 frames per cause. */
  static String shortTrace(Throwable t) {
    StringBuilder b = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      b.append(c == t ? "" : "Caused by: ").append(c).append('\n');
      StackTraceElement[] st = c.getStackTrace();
      for (int i = 0; i < Math.min(12, st.length); i++) {
        b.append("\tat ").append(st[i]).append('\n');
      }
      if (st.length > 12) {
        b.append("\t... ").append(st.length - 12).append(" more\n");
      }
    }
    return b.toString();
  }

  static Object[] deepCopy(Object[] args) {
    Object[] c = args.clone();
    for (int i = 0; i < c.length; i++) {
      if (c[i] instanceof double[] v) {
        c[i] = v.clone();
      } else if (c[i] instanceof double[][] m) {
        double[][] mm = m.clone();
        for (int k = 0; k < mm.length; k++) {
          mm[k] = mm[k] == null ? null : mm[k].clone();
        }
        c[i] = mm;
      }
    }
    return c;
  }

  static String show(Object[] args) {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < args.length; i++) {
      if (i > 0) {
        b.append(", ");
      }
      Object a = args[i];
      if (a instanceof double[] v) {
        b.append(Arrays.toString(v));
      } else if (a instanceof double[][] m) {
        b.append(Arrays.deepToString(m));
      } else if (a instanceof Object[] o) {
        b.append(Arrays.toString(o));
      } else {
        b.append(a);
      }
    }
    return b.append(')').toString();
  }

  static String shape(Object o) {
    return o == null ? "null" : o.getClass().getSimpleName();
  }

  static double[] v(double... xs) {
    return xs;
  }

  static double[][] m(double[]... rows) {
    return rows;
  }
}
