package dev.adjoint.fuzz;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.SplittableRandom;

/**
 * The oracle's view of a {@code record} shape's parameter, {@code Rec(double r0, double r1,
 * double[] rv, int rn)}: its coordinates are r0, r1 and the elements of rv (rn carries no
 * derivative and must come back unchanged in the gradient record).
 */
final class RecordArgs {
  private RecordArgs() {}

  /** The record's declaration, with an instance method g of the given body expression. */
  static String declaration(String gBody) {
    return "record " + Program.RECORD_TYPE + "(double r0, double r1, double[] rv, int rn) {"
        + " double g(double u) { return " + gBody + "; } }";
  }

  static Object random(Class<?> type, Program.Param p, SplittableRandom rnd) {
    double[] rv = new double[p.rows()];
    for (int k = 0; k < rv.length; k++) {
      rv[k] = rnd.nextDouble(-1.5, 1.5);
    }
    return make(type, rnd.nextDouble(-1.5, 1.5), rnd.nextDouble(-1.5, 1.5), rv, p.intValue());
  }

  static int coordinates(Program.Param p) {
    return 2 + p.rows();
  }

  static double get(Object record, int c) {
    Object[] v = components(record);
    return c < 2 ? (double) v[c] : ((double[]) v[2])[c - 2];
  }

  /** A new record with coordinate {@code c} set to {@code t}. */
  static Object set(Object record, int c, double t) {
    Object[] v = components(record);
    double[] rv = ((double[]) v[2]).clone();
    double r0 = (double) v[0];
    double r1 = (double) v[1];
    if (c == 0) {
      r0 = t;
    } else if (c == 1) {
      r1 = t;
    } else {
      rv[c - 2] = t;
    }
    return make(record.getClass(), r0, r1, rv, (int) v[3]);
  }

  static String label(int c) {
    return c < 2 ? ".r" + c : ".rv[" + (c - 2) + "]";
  }

  /** A copy whose array is fresh. */
  static Object copy(Record record) {
    Object[] v = components(record);
    return make(record.getClass(), (double) v[0], (double) v[1], ((double[]) v[2]).clone(),
        (int) v[3]);
  }

  /** The arguments with each record replaced by its components, for deep comparison. */
  static Object[] comparable(Object[] args) {
    Object[] out = args.clone();
    for (int i = 0; i < out.length; i++) {
      if (out[i] instanceof Record r) {
        out[i] = components(r);
      }
    }
    return out;
  }

  private static Object[] components(Object record) {
    RecordComponent[] comps = record.getClass().getRecordComponents();
    Object[] out = new Object[comps.length];
    try {
      for (int i = 0; i < comps.length; i++) {
        java.lang.reflect.Method m = comps[i].getAccessor();
        m.setAccessible(true);
        out[i] = m.invoke(record);
      }
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  private static Object make(Class<?> type, double r0, double r1, double[] rv, int rn) {
    try {
      Constructor<?> c = type.getDeclaredConstructor(double.class, double.class, double[].class,
          int.class);
      c.setAccessible(true);
      return c.newInstance(r0, r1, rv, rn);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
