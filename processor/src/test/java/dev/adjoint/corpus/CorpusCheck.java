package dev.adjoint.corpus;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reflective oracle for the corpus: calls {@code C.m(args)} and {@code CGrad.m(args)}, checks
 * {@code value()} against the original bit for bit, every gradient coordinate against 5-point
 * central differences, and that the gradient call leaves the caller's arrays alone.
 * Needs {@code -parameters} (the build passes it) to map accessors to parameters.
 */
final class CorpusCheck {
    static final double TOL = 1e-6;
    static final double STEP = 1e-4;

    private CorpusCheck() {
    }

    /** One finding: a mismatch, described. Empty list = all good. */
    static List<String> check(Class<?> cls, String name, Object... args) {
        return check(cls, name, -1, args);
    }

    private static List<String> check(Class<?> cls, String name, int unused, Object... args) {
        List<String> problems = new ArrayList<>();
        Method orig = find(cls, name, args.length);
        orig.setAccessible(true);
        String flat = cls.getSimpleName();
        for (Class<?> e = cls.getEnclosingClass(); e != null; e = e.getEnclosingClass()) {
            flat = e.getSimpleName() + "_" + flat;
        }
        String gradName = cls.getPackageName() + "." + flat + "Grad";
        Method grad;
        try {
            grad = Class.forName(gradName, true, cls.getClassLoader())
                    .getMethod(name, orig.getParameterTypes());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("no generated " + gradName + "." + name, e);
        }
        // A method may write into its parameter arrays: the gradient call must leave them as the
        // original leaves them, and its gradient is with respect to the values on entry (args).
        Object[] afterPrimal = deepCopy(args);
        double primal = call(orig, afterPrimal);
        Object[] afterGradient = deepCopy(args);
        Object record = invoke(grad, afterGradient);
        if (!Arrays.deepEquals(afterPrimal, afterGradient)) {
            problems.add(name + ": the gradient call left its array arguments otherwise than the"
                    + " original does");
        }
        RecordComponent[] comps = record.getClass().getRecordComponents();
        double value = (double) component(record, comps, "value");
        if (Double.compare(value, primal) != 0 && !(value == primal)) {
            problems.add(name + ": value() " + value + " but the original returns " + primal);
        }
        Parameter[] ps = orig.getParameters();
        for (int p = 0; p < ps.length; p++) {
            String pn = ps[p].getName();
            if (!hasComponent(comps, pn)) {
                continue;
            }
            Object g = component(record, comps, pn);
            if (args[p] instanceof Double) {
                compare(problems, name, pn, (double) g, orig, args, p, -1, -1);
            } else if (args[p] instanceof double[] a) {
                double[] ga = (double[]) g;
                if (ga.length != a.length) {
                    problems.add(name + ": " + pn + " has length " + ga.length);
                    continue;
                }
                for (int i = 0; i < a.length; i++) {
                    compare(problems, name, pn + "[" + i + "]", ga[i], orig, args, p, i, -1);
                }
            } else if (args[p] instanceof double[][] a) {
                double[][] ga = (double[][]) g;
                for (int i = 0; i < a.length; i++) {
                    for (int j = 0; j < a[i].length; j++) {
                        compare(problems, name, pn + "[" + i + "][" + j + "]", ga[i][j], orig, args, p, i, j);
                    }
                }
            }
        }
        return problems;
    }

    /**
     * Compares with the differences at {@code STEP}; where they disagree, retries at 1e-5, 1e-6 and
     * 1e-7 (a branch or trip-count change inside the stencil makes large steps meaningless) and
     * passes if either agrees.
     */
    private static void compare(List<String> problems, String name, String coord, double a,
            Method orig, Object[] args, int p, int i, int j) {
        double n = fd(orig, args, p, i, j, STEP);
        double err = relErr(a, n);
        for (double step : new double[] {1e-5, 1e-6, 1e-7}) {
            if (err <= TOL) {
                break;
            }
            double n2 = fd(orig, args, p, i, j, step);
            if (relErr(a, n2) <= TOL) {
                err = relErr(a, n2);
                n = n2;
            }
        }
        if (!(err <= TOL) || !Double.isFinite(a)) {
            problems.add(String.format("%s: d/d%s adjoint %.12g, finite differences %.12g (rel %.2g)",
                    name, coord, a, n, err));
        }
    }

    private static double relErr(double a, double n) {
        return Math.abs(a - n) / Math.max(1.0, Math.max(Math.abs(a), Math.abs(n)));
    }

    private static double fd(Method m, Object[] args, int p, int i, int j, double step) {
        double x0 = get(args[p], i, j);
        double h = step * Math.max(1.0, Math.abs(x0));
        double e = (x0 + h) - x0;
        if (e != 0) {
            h = e;
        }
        double f1 = at(m, args, p, i, j, x0 + h);
        double fm1 = at(m, args, p, i, j, x0 - h);
        double f2 = at(m, args, p, i, j, x0 + 2 * h);
        double fm2 = at(m, args, p, i, j, x0 - 2 * h);
        return (8 * (f1 - fm1) - (f2 - fm2)) / (12 * h);
    }

    private static double at(Method m, Object[] args, int p, int i, int j, double x) {
        Object[] a = deepCopy(args);
        if (i < 0) {
            a[p] = x;
        } else if (j < 0) {
            ((double[]) a[p])[i] = x;
        } else {
            ((double[][]) a[p])[i][j] = x;
        }
        return call(m, a);
    }

    private static double get(Object o, int i, int j) {
        if (i < 0) {
            return (double) o;
        }
        if (j < 0) {
            return ((double[]) o)[i];
        }
        return ((double[][]) o)[i][j];
    }

    private static double call(Method m, Object[] args) {
        return (double) invoke(m, args);
    }

    private static Object invoke(Method m, Object[] args) {
        try {
            m.setAccessible(true);
            return m.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw new AssertionError(m + " threw", e.getCause());
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    static Object[] deepCopy(Object[] args) {
        Object[] c = args.clone();
        for (int k = 0; k < c.length; k++) {
            if (c[k] instanceof double[] a) {
                c[k] = a.clone();
            } else if (c[k] instanceof double[][] a) {
                double[][] b = new double[a.length][];
                for (int i = 0; i < a.length; i++) {
                    b[i] = a[i].clone();
                }
                c[k] = b;
            } else if (c[k] instanceof int[] a) {
                c[k] = a.clone();
            }
        }
        return c;
    }

    private static boolean hasComponent(RecordComponent[] comps, String n) {
        for (RecordComponent c : comps) {
            if (c.getName().equals(n)) {
                return true;
            }
        }
        return false;
    }

    private static Object component(Object record, RecordComponent[] comps, String n) {
        for (RecordComponent c : comps) {
            if (c.getName().equals(n)) {
                try {
                    Method acc = c.getAccessor();
                    acc.setAccessible(true);
                    return acc.invoke(record);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
        throw new AssertionError("no component " + n);
    }

    private static Method find(Class<?> cls, String name, int arity) {
        Method found = null;
        for (Method m : cls.getDeclaredMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == arity) {
                if (found != null) {
                    throw new AssertionError("ambiguous " + name + "/" + arity);
                }
                found = m;
            }
        }
        if (found == null) {
            throw new AssertionError("no method " + cls.getSimpleName() + "." + name + "/" + arity);
        }
        return found;
    }
}
