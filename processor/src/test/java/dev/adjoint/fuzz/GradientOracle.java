package dev.adjoint.fuzz;

import dev.adjoint.fuzz.Program.Kind;
import dev.adjoint.fuzz.Program.Param;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Compares a generated gradient with 5-point central finite differences, coordinate by
 * coordinate, at random points ({@link FdJudge}: a coordinate is skipped when the differences
 * with steps h and h/2 disagree, a kink or a jump nearby, or when both disagree with the
 * gradient but not with each other while a step h/1000 disagrees with them, both straddling a
 * narrow interval of another branch, and confirmed when that step agrees with the gradient, a
 * fast oscillation; or when values are not finite); {@code value()} must equal the original
 * method's result exactly.
 */
final class GradientOracle {
  static final double TOLERANCE = 1e-5;
  static final double SMOOTHNESS = 1e-6;
  static final double MAX_VALUE = 1e6;

  /** What one program's check found. */
  static final class Report {
    Verdict verdict = Verdict.OK;
    String detail = "";
    int pointsCompared;
    int pointsSkipped;
    int coordinatesCompared;
    int coordinatesSkipped;
    int nonFiniteAdjoints;
    int tangentsCompared;
    int hvpsCompared;
    int hvpIntosCompared;

    Report fail(Verdict v, String d) {
      if (verdict == Verdict.OK || verdict == Verdict.SKIPPED) {
        verdict = v;
        detail = d;
      }
      return this;
    }
  }

  enum Verdict {
    OK, SKIPPED, INVALID,
    /** The processor refused the program with an error at a position in the user's file. */
    REJECTED,
    PROCESSOR_CRASH,
    /** A processor error without a position in the user's file. */
    PROCESSOR_ERROR, GENERATED_CODE_ERROR,
    /** No error, yet no {@code Grad} class was generated. */
    NO_OUTPUT,
    GRADIENT_MISMATCH,
    /** mTangent disagrees with the (finite-difference checked) gradient along a direction. */
    TANGENT_MISMATCH,
    /** mHvp disagrees with finite differences of the generated gradient along a direction. */
    HVP_MISMATCH, VALUE_MISMATCH, GRADIENT_THROWS, INPUT_MUTATED, NONDETERMINISTIC, HANG,
    MISSING_ACCESSOR;

    boolean isFinding() {
      return this != OK && this != SKIPPED && this != INVALID && this != REJECTED;
    }
  }

  private GradientOracle() {}

  /** Checks {@code entry} of {@code className} against its generated {@code className + "Grad"}. */
  static Report check(ClassLoader loader, String className, String entry, List<Param> params,
      long pointSeed, int points) {
    Report report = new Report();
    Method original;
    Method gradient;
    Class<?>[] types = new Class<?>[params.size()];
    Method reset;
    Method tangent;
    Method hvp;
    Method hvpInto;
    try {
      for (int i = 0; i < types.length; i++) {
        types[i] = params.get(i).kind() == Kind.RECORD
            ? Class.forName(className + "$" + Program.RECORD_TYPE, true, loader)
            : params.get(i).type();
      }
      Class<?> cls = Class.forName(className, true, loader);
      original = cls.getDeclaredMethod(entry, types);
      original.setAccessible(true);
      reset = resetMethod(cls);
      gradient = Class.forName(className + "Grad", true, loader).getMethod(entry, types);
      tangent = tangentMethod(Class.forName(className + "Grad", true, loader), entry, params,
          types, "Tangent");
      hvp = tangentMethod(Class.forName(className + "Grad", true, loader), entry, params, types,
          "Hvp");
      hvpInto = hvp == null ? null : HvpIntoCheck.find(Class.forName(className + "Grad", true,
          loader), entry, params, types, directedTypes(params, types));
    } catch (ReflectiveOperationException | LinkageError e) {
      return report.fail(Verdict.GENERATED_CODE_ERROR, "cannot load: " + e);
    }
    SplittableRandom rnd = new SplittableRandom(pointSeed);
    for (int pt = 0; pt < points; pt++) {
      Object[] args = randomArgs(params, types, rnd);
      double v0;
      try {
        v0 = call(original, reset, args);
      } catch (Throwable t) {
        return report.fail(Verdict.INVALID, "original throws " + t);
      }
      if (!Double.isFinite(v0) || Math.abs(v0) > MAX_VALUE) {
        report.pointsSkipped++;
        continue;
      }
      Object[] copy = deepCopy(args);
      Object rec;
      Object rec2;
      try {
        fresh(reset);
        rec = gradient.invoke(null, copy);
        fresh(reset);
        rec2 = gradient.invoke(null, deepCopy(args));
      } catch (InvocationTargetException e) {
        return report.fail(Verdict.GRADIENT_THROWS, "at " + show(params, args) + ": "
            + stack(e.getCause()));
      } catch (ReflectiveOperationException e) {
        return report.fail(Verdict.GENERATED_CODE_ERROR, e.toString());
      }
      // The original may write into its array parameters: the gradient must leave them as the
      // original does (and differentiate at the values on entry, args).
      Object[] afterOriginal = deepCopy(args);
      try {
        fresh(reset);
        original.invoke(null, afterOriginal);
      } catch (ReflectiveOperationException e) {
        return report.fail(Verdict.INVALID, "original throws " + e);
      }
      if (!Arrays.deepEquals(RecordArgs.comparable(copy),
          RecordArgs.comparable(afterOriginal))) {
        return report.fail(Verdict.INPUT_MUTATED, "at " + show(params, args) + " the gradient "
            + "left its inputs as " + show(params, copy) + ", the original as "
            + show(params, afterOriginal));
      }
      double value = (double) component(rec, "value");
      if (value != v0 && !(Double.isNaN(value) && Double.isNaN(v0))) {
        return report.fail(Verdict.VALUE_MISMATCH, "at " + show(params, args) + ": value() = "
            + value + " but f = " + v0);
      }
      int compared = 0;
      int skipped = 0;
      for (int p = 0; p < params.size(); p++) {
        Param param = params.get(p);
        if (param.kind() == Kind.INT) {
          continue;
        }
        Object g;
        Object g2;
        try {
          g = component(rec, param.name());
          g2 = component(rec2, param.name());
        } catch (RuntimeException e) {
          return report.fail(Verdict.MISSING_ACCESSOR, "no accessor " + param.name() + "(): " + e);
        }
        if (!Arrays.deepEquals(RecordArgs.comparable(new Object[] {g}),
            RecordArgs.comparable(new Object[] {g2}))) {
          return report.fail(Verdict.NONDETERMINISTIC, "two calls at " + show(params, args)
              + " gave " + deepToString(g) + " and " + deepToString(g2));
        }
        int n = coordinates(param);
        for (int c = 0; c < n; c++) {
          double x = get(args[p], param, c);
          double analytic = get(g, param, c);
          final int pi = p;
          final int ci = c;
          java.util.function.DoubleUnaryOperator fn = t -> {
            Object[] a = deepCopy(args);
            a[pi] = set(a[pi], param, ci, t);
            try {
              return call(original, reset, a);
            } catch (Throwable e) {
              return Double.NaN;
            }
          };
          FdJudge.Judgement j = FdJudge.judge(fn, x, analytic);
          if (j.outcome() == FdJudge.Outcome.SKIPPED) {
            skipped++;
            continue;
          }
          if (j.outcome() == FdJudge.Outcome.NON_FINITE_ADJOINT) {
            // Typically a value overflowed to infinity on the way and a zero adjoint met it:
            // 0 * inf is NaN in every AD tool. Loud, not silent: counted, not compared.
            report.nonFiniteAdjoints++;
            skipped++;
            continue;
          }
          compared++;
          if (j.outcome() == FdJudge.Outcome.DISAGREES) {
            return report.fail(Verdict.GRADIENT_MISMATCH, "at " + show(params, args) + ": d/d"
                + label(param, c) + " = " + analytic + " but finite differences give " + j.fd()
                + " (h=" + j.h() + ": " + j.fdCoarse() + ")");
          }
        }
      }
      if (tangent != null && compared > 0 && skipped == 0) {
        Report r = checkTangent(tangent, reset, params, types, args, afterOriginal, rec, v0,
            new SplittableRandom(Double.doubleToLongBits(v0)), report);
        if (r != null) {
          return r;
        }
        report.tangentsCompared++;
      }
      if (hvp != null && compared > 0 && skipped == 0) {
        Report r = checkHvp(hvp, hvpInto, gradient, reset, params, types, args, afterOriginal,
            rec, v0, new SplittableRandom(Double.doubleToLongBits(v0) + 1), report);
        if (r != null) {
          return r;
        }
      }
      report.coordinatesCompared += compared;
      report.coordinatesSkipped += skipped;
      if (compared > 0) {
        report.pointsCompared++;
      } else {
        report.pointsSkipped++;
      }
    }
    if (report.pointsCompared == 0) {
      report.verdict = Verdict.SKIPPED;
      report.detail = "no smooth finite point";
    }
    return report;
  }

  /** {@code entryTangent(params..., directions...)}, or null when it is not generated. */
  private static Method tangentMethod(Class<?> grad, String entry, List<Param> params,
      Class<?>[] paramTypes, String kind) {
    List<Class<?>> types = new java.util.ArrayList<>(Arrays.asList(paramTypes));
    types.addAll(Arrays.asList(directedTypes(params, paramTypes)));
    try {
      return grad.getMethod(entry + kind, types.toArray(Class<?>[]::new));
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  /** The types of the parameters that get a direction (every one but the ints). */
  private static Class<?>[] directedTypes(List<Param> params, Class<?>[] types) {
    List<Class<?>> out = new java.util.ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).kind() != Kind.INT) {
        out.add(types[i]);
      }
    }
    return out.toArray(Class<?>[]::new);
  }

  /**
   * The tangent along a random direction must be the original's value and the gradient (already
   * compared with finite differences at this point) times the direction; null when it is.
   */
  private static Report checkTangent(Method tangent, Method reset, List<Param> params,
      Class<?>[] types, Object[] args, Object[] afterOriginal,
      Object rec, double v0, SplittableRandom rnd, Report report) {
    List<Param> directed = params.stream().filter(p -> p.kind() != Kind.INT).toList();
    Object[] directions = randomArgs(directed, directedTypes(params, types), rnd);
    Object[] all = new Object[args.length + directions.length];
    Object[] copy = deepCopy(args);
    System.arraycopy(copy, 0, all, 0, args.length);
    System.arraycopy(deepCopy(directions), 0, all, args.length, directions.length);
    Object t;
    try {
      fresh(reset);
      t = tangent.invoke(null, all);
    } catch (InvocationTargetException e) {
      return report.fail(Verdict.GRADIENT_THROWS, "mTangent at " + show(params, args) + ": "
          + stack(e.getCause()));
    } catch (ReflectiveOperationException e) {
      return report.fail(Verdict.GENERATED_CODE_ERROR, e.toString());
    }
    // like the gradient, mTangent leaves its inputs as the original does (which may write into
    // its array parameters)
    if (!Arrays.deepEquals(RecordArgs.comparable(copy), RecordArgs.comparable(afterOriginal))) {
      return report.fail(Verdict.INPUT_MUTATED, "at " + show(params, args) + " mTangent left its"
          + " inputs as " + show(params, copy) + ", the original as "
          + show(params, afterOriginal));
    }
    double value = (double) component(t, "value");
    if (value != v0 && !(Double.isNaN(value) && Double.isNaN(v0))) {
      return report.fail(Verdict.VALUE_MISMATCH, "mTangent at " + show(params, args)
          + ": value() = " + value + " but f = " + v0);
    }
    double expected = 0;
    double scale = 1;
    for (int k = 0; k < directed.size(); k++) {
      Param p = directed.get(k);
      Object g = component(rec, p.name());
      for (int c = 0; c < coordinates(p); c++) {
        double term = get(g, p, c) * get(directions[k], p, c);
        expected += term;
        scale += Math.abs(term);
      }
    }
    double actual = (double) component(t, "tangent");
    if (Double.isFinite(expected) && !(Math.abs(actual - expected) <= 1e-9 * scale)) {
      return report.fail(Verdict.TANGENT_MISMATCH, "at " + show(params, args) + " along "
          + show(directed, directions) + ": tangent() = " + actual + " but gradient · direction"
          + " = " + expected);
    }
    return null;
  }

  /**
   * H·v from mHvp against the 5-point difference of the generated gradient (checked against
   * finite differences of the original at this point) along v; its value and gradient against
   * the original's and the gradient's. Coordinates where steps h and h/2 disagree are skipped.
   */
  private static Report checkHvp(Method hvp, Method hvpInto, Method gradient, Method reset,
      List<Param> params,
      Class<?>[] types, Object[] args, Object[] afterOriginal, Object rec, double v0, SplittableRandom rnd, Report report) {
    List<Param> directed = params.stream().filter(p -> p.kind() != Kind.INT).toList();
    Object[] directions = randomArgs(directed, directedTypes(params, types), rnd);
    Object[] all = new Object[args.length + directions.length];
    Object[] copy = deepCopy(args);
    System.arraycopy(copy, 0, all, 0, args.length);
    System.arraycopy(deepCopy(directions), 0, all, args.length, directions.length);
    Object h;
    try {
      fresh(reset);
      h = hvp.invoke(null, all);
    } catch (InvocationTargetException e) {
      return report.fail(Verdict.GRADIENT_THROWS, "mHvp at " + show(params, args) + ": "
          + stack(e.getCause()));
    } catch (ReflectiveOperationException e) {
      return report.fail(Verdict.GENERATED_CODE_ERROR, e.toString());
    }
    if (!Arrays.deepEquals(RecordArgs.comparable(copy), RecordArgs.comparable(afterOriginal))) {
      return report.fail(Verdict.INPUT_MUTATED, "at " + show(params, args) + " mHvp left its"
          + " inputs as " + show(params, copy) + ", the original as "
          + show(params, afterOriginal));
    }
    double value = (double) component(h, "value");
    if (value != v0 && !(Double.isNaN(value) && Double.isNaN(v0))) {
      return report.fail(Verdict.VALUE_MISMATCH, "mHvp at " + show(params, args)
          + ": value() = " + value + " but f = " + v0);
    }
    for (Param p : directed) {
      Object g = component(rec, p.name());
      Object g2 = component(h, p.name());
      for (int c = 0; c < coordinates(p); c++) {
        double a = get(g, p, c);
        double b = get(g2, p, c);
        if (Double.isFinite(a) && !(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)))) {
          return report.fail(Verdict.HVP_MISMATCH, "mHvp at " + show(params, args)
              + ": gradient " + label(p, c) + " = " + b + " but the gradient gives " + a);
        }
      }
    }
    double[][] fd = new double[2][];
    double[] steps = {1e-3, 5e-4};
    for (int s = 0; s < 2; s++) {
      double[] sum = null;
      double[] weights = {-1, 8, -8, 1};
      double[] at = {2, 1, -1, -2};
      for (int k = 0; k < 4; k++) {
        Object[] moved = deepCopy(args);
        int j = 0;
        for (int p = 0; p < params.size(); p++) {
          Param param = params.get(p);
          if (param.kind() == Kind.INT) {
            continue;
          }
          for (int c = 0; c < coordinates(param); c++) {
            moved[p] = set(moved[p], param, c, get(moved[p], param, c)
                + at[k] * steps[s] * get(directions[j], param, c));
          }
          j++;
        }
        double[] g;
        try {
          fresh(reset);
          g = flatGradient(gradient.invoke(null, moved), directed);
        } catch (ReflectiveOperationException e) {
          return null; // the gradient throws near the point: nothing to compare
        }
        if (sum == null) {
          sum = new double[g.length];
        }
        for (int i = 0; i < g.length; i++) {
          sum[i] += weights[k] * g[i] / (12 * steps[s]);
        }
      }
      fd[s] = sum;
    }
    double[] actual = flatGradient(h, directed, "Hvp");
    for (int i = 0; i < actual.length; i++) {
      double f1 = fd[0][i];
      double f2 = fd[1][i];
      if (!Double.isFinite(f1) || !Double.isFinite(f2) || !Double.isFinite(actual[i])
          || Math.abs(f1 - f2) > SMOOTHNESS * Math.max(1, Math.abs(f2)) + 1e-8) {
        continue;
      }
      if (!(Math.abs(actual[i] - f2) <= TOLERANCE * Math.max(1, Math.abs(f2)) + 1e-8)) {
        return report.fail(Verdict.HVP_MISMATCH, "at " + show(params, args) + " along "
            + show(directed, directions) + ": H·v[" + i + "] = " + actual[i]
            + " but differences of the gradient give " + f2 + " (h=1e-3: " + f1 + ")");
      }
    }
    report.hvpsCompared++;
    return hvpInto == null ? null
        : HvpIntoCheck.compare(hvpInto, reset, params, args, directions, h, report);
  }

  private static double[] flatGradient(Object record, List<Param> directed) {
    return flatGradient(record, directed, "");
  }

  private static double[] flatGradient(Object record, List<Param> directed, String suffix) {
    List<Double> out = new java.util.ArrayList<>();
    for (Param p : directed) {
      Object g = component(record, p.name() + suffix);
      for (int c = 0; c < coordinates(p); c++) {
        out.add(get(g, p, c));
      }
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }

  /** {derivative, max |f|} of the 5-point central difference. */
  static Object[] randomArgs(List<Param> params, Class<?>[] types, SplittableRandom rnd) {
    Object[] args = new Object[params.size()];
    for (int i = 0; i < args.length; i++) {
      Param p = params.get(i);
      args[i] = switch (p.kind()) {
        case DOUBLE -> rnd.nextDouble(-1.5, 1.5);
        case ARRAY -> {
          double[] a = new double[p.rows()];
          for (int k = 0; k < a.length; k++) {
            a[k] = rnd.nextDouble(-1.5, 1.5);
          }
          yield a;
        }
        case MATRIX -> {
          double[][] m = new double[p.rows()][p.cols()];
          for (double[] row : m) {
            for (int k = 0; k < row.length; k++) {
              row[k] = rnd.nextDouble(-1.5, 1.5);
            }
          }
          yield m;
        }
        case INT -> p.intValue();
        case RECORD -> RecordArgs.random(types[i], p, rnd);
      };
    }
    return args;
  }

  private static int coordinates(Param p) {
    return switch (p.kind()) {
      case DOUBLE -> 1;
      case ARRAY -> p.rows();
      case MATRIX -> p.rows() * p.cols();
      case INT -> 0;
      case RECORD -> RecordArgs.coordinates(p);
    };
  }

  private static double get(Object v, Param p, int c) {
    return switch (p.kind()) {
      case DOUBLE -> (double) v;
      case ARRAY -> ((double[]) v)[c];
      case MATRIX -> ((double[][]) v)[c / p.cols()][c % p.cols()];
      case INT -> throw new AssertionError();
      case RECORD -> RecordArgs.get(v, c);
    };
  }

  private static Object set(Object v, Param p, int c, double t) {
    switch (p.kind()) {
      case DOUBLE -> {
        return t;
      }
      case ARRAY -> ((double[]) v)[c] = t;
      case MATRIX -> ((double[][]) v)[c / p.cols()][c % p.cols()] = t;
      case RECORD -> {
        return RecordArgs.set(v, c, t);
      }
      default -> throw new AssertionError();
    }
    return v;
  }

  private static String label(Param p, int c) {
    return switch (p.kind()) {
      case DOUBLE -> p.name();
      case ARRAY -> p.name() + "[" + c + "]";
      case MATRIX -> p.name() + "[" + c / p.cols() + "][" + c % p.cols() + "]";
      case INT -> p.name();
      case RECORD -> p.name() + RecordArgs.label(c);
    };
  }

  /**
   * A program with impure calls (a static call counter, a seeded {@code Random} field,
   * {@code Math.random()}) gets a generated {@code static void reset()}; the oracle calls it, and
   * re-seeds {@code Math.random()}'s generator, before every evaluation of the original and of
   * the gradient. Each evaluation is then the same deterministic function of the inputs, so
   * finite differences apply, {@code value()} must equal the original exactly, and a gradient
   * that calls an impure function again in its reverse sweep (seeing the next counter value or
   * random number) disagrees with both.
   */
  static Method resetMethod(Class<?> cls) {
    try {
      Method m = cls.getDeclaredMethod("reset");
      m.setAccessible(true);
      return java.lang.reflect.Modifier.isStatic(m.getModifiers()) ? m : null;
    } catch (NoSuchMethodException e) {
      return null;
    }
  }

  static void fresh(Method reset) throws ReflectiveOperationException {
    if (reset != null) {
      reset.invoke(null);
      MathRandom.reseed(7);
    }
  }

  /**
   * Re-seeds the generator behind {@code Math.random()}, through reflection: the test JVM opens
   * {@code java.lang} to it ({@code --add-opens java.base/java.lang=ALL-UNNAMED}, set in the
   * processor module's surefire configuration).
   */
  static final class MathRandom {
    private static final java.util.Random RANDOM = find();

    private MathRandom() {}

    static boolean available() {
      return RANDOM != null;
    }

    static void reseed(long seed) {
      if (RANDOM == null) {
        throw new IllegalStateException("cannot re-seed Math.random() on this JVM: run it with"
            + " --add-opens java.base/java.lang=ALL-UNNAMED");
      }
      RANDOM.setSeed(seed);
    }

    private static java.util.Random find() {
      try {
        Math.random();
        java.lang.reflect.Field f = Class.forName("java.lang.Math$RandomNumberGeneratorHolder")
            .getDeclaredField("randomNumberGenerator");
        f.setAccessible(true);
        return (java.util.Random) f.get(null);
      } catch (ReflectiveOperationException | RuntimeException e) {
        return null;
      }
    }
  }

  private static double call(Method m, Method reset, Object[] args) throws Throwable {
    try {
      fresh(reset);
      return (double) m.invoke(null, deepCopy(args));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  static Object component(Object record, String name) {
    try {
      Method m = record.getClass().getMethod(name);
      m.setAccessible(true);
      return m.invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  static Object[] deepCopy(Object[] args) {
    Object[] c = args.clone();
    for (int i = 0; i < c.length; i++) {
      if (c[i] instanceof double[] a) {
        c[i] = a.clone();
      } else if (c[i] instanceof double[][] m) {
        double[][] n = new double[m.length][];
        for (int r = 0; r < m.length; r++) {
          n[r] = m[r].clone();
        }
        c[i] = n;
      } else if (c[i] instanceof Record r) {
        c[i] = RecordArgs.copy(r);
      }
    }
    return c;
  }

  static String show(List<Param> params, Object[] args) {
    StringBuilder sb = new StringBuilder("(");
    for (int i = 0; i < args.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(params.get(i).name()).append('=')
          .append(deepToString(args[i]));
    }
    return sb.append(')').toString();
  }

  static String deepToString(Object o) {
    return Arrays.deepToString(RecordArgs.comparable(new Object[] {o}))
        .replaceAll("^\\[|\\]$", "");
  }

  private static String stack(Throwable t) {
    StringBuilder sb = new StringBuilder(t.toString());
    StackTraceElement[] st = t.getStackTrace();
    for (int i = 0; i < Math.min(3, st.length); i++) {
      sb.append(" @ ").append(st[i]);
    }
    return sb.toString();
  }
}
