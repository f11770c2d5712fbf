package dev.adjoint.processor.analysis;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.RuleTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a call of a helper that writes into an array argument ({@link WritingCalls}) may pass
 * one array for two of its parameters. The helper's adjoint assumes its array parameters are
 * distinct arrays; arrays are references, so two different names can still be one array: after
 * {@code double[] y = x}, {@code y = c ? x : z} or {@code double[] r = m[0]}, {@code f(x, y)} or
 * {@code f(m[0], r)} may hand the helper the same array twice. The may-alias classes
 * ({@link ArrayAliases}) decide when the two names cannot meet; when they may, the gradient
 * compares the two references right before the call and throws IllegalArgumentException if they
 * are one array ({@code normalize.WritingCallGuards}), loudly rather than silently wrong. Where
 * that comparison cannot be written (an array and a matrix, or an argument whose evaluation is
 * not repeatable) the call is an error ({@link WritingCallChecks}).
 */
public final class WritingCallAliasing {
  private WritingCallAliasing() {}

  /** Two array arguments of one call: {@code written} may be written into by the callee. */
  public record Pair(int written, int other) {}

  /**
   * The pairs of array arguments of {@code c} that may be one array under two different names,
   * each pair once; pairs passing one variable (not two rows of it) are
   * {@link WritingCallChecks}'s error.
   */
  public static List<Pair> mayMeet(Expr.Call c, RuleTable rules, ArrayAliases aliases) {
    List<Pair> out = new ArrayList<>();
    List<Integer> written = WritingCalls.written(c, rules);
    for (int i : written) {
      Variable root = IrWalk.root(c.args().get(i));
      for (int j = 0; j < c.args().size(); j++) {
        Expr other = c.args().get(j);
        Variable otherRoot = IrWalk.root(other);
        if (j == i || !other.type().isArray() || root == null || otherRoot == null
            || otherRoot == root && !rows(c.args().get(i), other)
            || written.contains(j) && j < i) {
          continue;
        }
        if (aliases.canonical(root) == aliases.canonical(otherRoot)) {
          out.add(new Pair(i, j));
        }
      }
    }
    return out;
  }

  /**
   * Whether {@code a} and {@code b} are both rows of matrices ({@code m[0]}, {@code m[k]}): rows
   * of one matrix are distinct arrays unless the matrix shares them, which the gradient checks.
   */
  static boolean rows(Expr a, Expr b) {
    return a instanceof Expr.ArrayRead && b instanceof Expr.ArrayRead;
  }

  /** Whether the gradient can compare the two arguments of {@code pair} before the call. */
  public static boolean comparable(Expr.Call c, Pair pair) {
    Expr a = c.args().get(pair.written());
    Expr b = c.args().get(pair.other());
    return a.type().equals(b.type()) && repeatable(a) && repeatable(b);
  }

  /** An array expression that evaluates to the same reference twice: {@code x}, {@code m[i]}. */
  private static boolean repeatable(Expr e) {
    if (e instanceof Expr.VarRef) {
      return true;
    }
    if (e instanceof Expr.ArrayRead r) {
      boolean[] ok = {repeatable(r.array())};
      IrWalk.expressions(r.index(), n -> {
        if (!(n instanceof Expr.VarRef || n instanceof Expr.Literal || n instanceof Expr.Binary
            || n instanceof Expr.Unary)) {
          ok[0] = false;
        }
      });
      return ok[0];
    }
    return false;
  }
}
