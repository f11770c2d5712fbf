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
 * the directional derivative into {@code tangent[0]}. No tape. A void helper that writes into
 * its arrays returns 0, as its adjoint entry point does. A helper writing into an array writes
 * the tangents of what it writes into that array's direction, which the caller passes as the
 * tangent array of its argument (same references).
 *
 * <p>A method with flattened records ({@link FlatParameters}: record parameters, the receiver of
 * a record's or a class's instance method) takes, as its adjoint entry point does, the leaves in
 * place of its parameters (the receiver's last), then one direction per differentiated leaf; the
 * public {@code mTangent} takes the records and directions shaped like them, and unpacks both.
 *
 * <p>Beside it, for a method that does not return {@code double[]}, when an {@code mHvp} needs
 * it (the method's own {@code Mode.HESSIAN}, or a caller's {@code mHvp} going through it), the
 * tangent of its adjoint entry point ({@link AdjointAbi}), which forward over reverse
 * ({@code mHvp}) calls for second order through calls (a method with flattened records takes
 * their leaves there too, the receiver's last, with one direction per differentiated leaf;
 * {@link AdjointAbi#arity}):
 *
 * <pre>{@code
 * static R mAdjointJvp(P1 p1, ..., Pn pn, D dp, ..., R seed, R seedDot, double[] adjoints,
 *     double[] adjointsDot, A1 a1Adj, A1 a1AdjDot, ..., Tape tape)
 * }</pre>
 *
 * <p>It does what {@code mAdjoint} does, and adds into {@code adjointsDot} and each
 * {@code aAdjDot} the tangents of what it adds into {@code adjoints} and {@code aAdj}: the
 * derivative of {@code seed·∇m} along the directions and {@code seedDot}, that is
 * {@code seedDot·∇m + seed·H·d}. It records on {@code tape} as {@code mAdjoint} does.
 *
 * <p>A method with {@code Mode.HESSIAN} also gets the Hessian-vector product into caller arrays,
 * {@code mAdjointJvp} seeded with exactly 1 (no seed tangent) and without a tape parameter:
 *
 * <pre>{@code
 * static R mHvpInto(P1 p1, ..., Pn pn, D vp, ..., double[] adjoints, double[] adjointsDot,
 *     A1 a1Adj, A1 a1AdjDot, ...)
 * }</pre>
 *
 * <p>It returns the value and adds the gradient into {@code adjoints} and the {@code aAdj}, and
 * H·v into {@code adjointsDot} and the {@code aAdjDot}: what {@code mHvp} returns, without
 * allocating, for callers that reuse their buffers (zeroing them first, as for {@code mAdjoint}).
 */
public final class TangentAbi {
  private static final String SUFFIX = "Jvp";

  private TangentAbi() {}

  /** The tangent entry point's name for a method named {@code method}. */
  public static String entryName(CharSequence method) {
    return method + SUFFIX;
  }

  /** The tangent of the adjoint entry point's name: {@code mAdjointJvp}. */
  public static String adjointEntryName(CharSequence method) {
    return AdjointAbi.entryName(method) + SUFFIX;
  }

  /**
   * The parameters of the tangent of the adjoint entry point (or a call's arguments): the
   * original's, one direction per differentiated parameter, the seed and its tangent, the scalar
   * accumulator and its tangent, for each parameter with an adjoint array that array and its
   * tangent, then the tape.
   */
  public static <T> List<T> adjointLayout(AdjointAbi abi, List<? extends T> originals,
      IntFunction<? extends T> directionOf, T seed, T seedDot, T adjoints, T adjointsDot,
      IntFunction<? extends T> arrayAdjointOf, IntFunction<? extends T> arrayAdjointDotOf,
      T tape) {
    List<T> all = new ArrayList<>(originals);
    for (int i = 0; i < originals.size(); i++) {
      if (abi.isDifferentiated(i)) {
        all.add(directionOf.apply(i));
      }
    }
    all.add(seed);
    all.add(seedDot);
    all.add(adjoints);
    all.add(adjointsDot);
    for (int i = 0; i < originals.size(); i++) {
      if (abi.hasArrayAdjoint(i)) {
        all.add(arrayAdjointOf.apply(i));
        all.add(arrayAdjointDotOf.apply(i));
      }
    }
    all.add(tape);
    return all;
  }

  /** The Hessian-vector product into caller arrays' name: {@code mHvpInto}. */
  public static String hvpIntoName(CharSequence method) {
    return method + "HvpInto";
  }

  /**
   * The parameters of {@code mHvpInto}: those of the tangent of the adjoint entry point
   * ({@link #adjointLayout}) without the seed, its tangent and the tape.
   */
  public static <T> List<T> hvpIntoLayout(AdjointAbi abi, List<? extends T> originals,
      IntFunction<? extends T> directionOf, T adjoints, T adjointsDot,
      IntFunction<? extends T> arrayAdjointOf, IntFunction<? extends T> arrayAdjointDotOf) {
    List<T> all = adjointLayout(abi, originals, directionOf, null, null, adjoints, adjointsDot,
        arrayAdjointOf, arrayAdjointDotOf, null);
    all.remove(all.size() - 1); // the tape
    int seed = originals.size() + (int) java.util.stream.IntStream.range(0, originals.size())
        .filter(abi::isDifferentiated).count();
    all.subList(seed, seed + 2).clear(); // the seed and its tangent
    return all;
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
