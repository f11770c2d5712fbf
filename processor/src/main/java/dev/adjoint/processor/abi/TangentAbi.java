package dev.adjoint.processor.abi;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The calling convention of the tangent (forward-mode) entry point Adjoint generates, with
 * {@code TANGENT} or {@code HESSIAN} modes, for a differentiated method
 * {@code R m(P1 p1, ..., Pn pn)}, and for every method a tangent calls:
 *
 * <pre>{@code
 * static R mJvp(P1 p1, ..., Pn pn, D dp, ..., R[] tangent)
 * }</pre>
 *
 * <p>After the original's parameters come one direction per differentiated parameter (the
 * {@link AdjointAbi#isDifferentiated} ones, same type and shape), then a one-element array that
 * receives the tangent of the result: {@code double[]} for a scalar method, {@code double[][]}
 * for a method returning {@code double[]}. It runs {@code m} once, returns its value and stores
 * the directional derivative into {@code tangent[0]}. No tape.
 */
public final class TangentAbi {
  private static final String SUFFIX = "Jvp";

  private TangentAbi() {}

  /** The tangent entry point's name for a method named {@code method}. */
  public static String entryName(CharSequence method) {
    return method + SUFFIX;
  }

  /** The public forward-mode method's name: {@code mTangent}. */
  public static String tangentName(CharSequence method) {
    return method + "Tangent";
  }

  /**
   * The entry point's parameters (or a call's arguments): the original's, the direction
   * {@code directionOf} gives for each differentiated parameter, in order, then {@code out}.
   */
  public static <T> List<T> layout(AdjointAbi abi, List<? extends T> originals,
      IntFunction<? extends T> directionOf, T out) {
    List<T> all = new ArrayList<>(originals);
    for (int i = 0; i < originals.size(); i++) {
      if (abi.isDifferentiated(i)) {
        all.add(directionOf.apply(i));
      }
    }
    all.add(out);
    return all;
  }
}
