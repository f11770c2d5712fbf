package dev.adjoint.processor.transform;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.MathCalls;
import dev.adjoint.processor.rules.RuleTable;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Differentiates {@code s = sigmoid(z)}, for a helper {@code sigmoid} computing the logistic
 * function ({@link dev.adjoint.processor.rules.LogisticHelpers}), from its result: the adjoint of
 * {@code z} gains {@code sAdj * (s * (1 - s))}, where the adjoint call would run the helper and
 * its exponential again.
 *
 * <p>The reverse code of the assignment reads {@code s} before {@code s} is restored, so it needs
 * the value the assignment wrote. That holds when the assignment is the only definition of
 * {@code s}: nothing else overwrites it, and, being read by its own reverse code, the assignment
 * saves the value it overwrites each time it runs again (ToBeRecorded), so that value is put
 * back before the reverse code of the previous run. Any other assignment keeps the adjoint call.
 */
final class LogisticResults {
  private LogisticResults() {}

  /** The scalar {@code double} variables that exactly one assignment of {@code body} defines. */
  static Set<Variable> singlyAssigned(Stmt.Block body) {
    Map<Variable, Integer> definitions = new HashMap<>();
    IrWalk.statements(body, s -> {
      if (s instanceof Stmt.Assign a) {
        definitions.merge(a.target(), 1, Integer::sum);
      }
    });
    Set<Variable> single = new HashSet<>();
    definitions.forEach((v, n) -> {
      if (n == 1 && v.type().equals(IrType.DOUBLE)
          && (v.origin() == Variable.Origin.LOCAL || v.origin() == Variable.Origin.TEMPORARY)) {
        single.add(v);
      }
    });
    return single;
  }

  /**
   * The logistic call whose result {@code a} assigns, when {@code a} may be differentiated from
   * that result; otherwise null.
   */
  static Expr.Call call(Stmt.Assign a, RuleTable rules, Set<Variable> singlyAssigned) {
    if (a.value() instanceof Expr.Call c && c.receiver() == null && c.args().size() == 1
        && singlyAssigned.contains(a.target())
        && (mathName(c) != null || isRelu(c) || rules.isLogistic(c.method()))) {
      return c;
    }
    return null;
  }

  /**
   * The argument's share of the result's adjoint: {@code seed * (s * (1 - s))} for a logistic
   * helper, {@code seed * (1.0 - s * s)} for {@code Math.tanh} and {@code seed * s} for
   * {@code Math.exp} (the values of MathRules' derivatives, bit for bit, as {@code s} is the
   * call's result).
   */
  static Expr argumentSeed(Expr.Call call, Expr seed, Variable result) {
    return argumentSeed(call, seed, new Expr.VarRef(result));
  }

  /**
   * As {@link #argumentSeed(Expr.Call, Expr, Variable)}, with the call's result read from
   * {@code s} (a local or an array element holding it). For {@code Activations.relu} the seed
   * when {@code s > 0}, else 0: {@code relu(x) > 0} exactly when {@code x > 0} (NaN included), so
   * this is the value of {@code reluDerivative(x)}, convention {@code relu'(0) = 0} included.
   */
  static Expr argumentSeed(Expr.Call call, Expr seed, Expr s) {
    if (isRelu(call)) {
      return MathCalls.times(seed, MathCalls.when(
          MathCalls.compare(dev.adjoint.processor.ir.BinaryOp.GREATER, s, MathCalls.num(0)),
          MathCalls.num(1), MathCalls.num(0)));
    }
    String math = mathName(call);
    if ("exp".equals(math)) {
      return MathCalls.times(seed, s);
    }
    if ("tanh".equals(math)) {
      return MathCalls.times(seed, MathCalls.minus(MathCalls.num(1), MathCalls.times(s, s)));
    }
    return MathCalls.times(seed, MathCalls.times(s, MathCalls.minus(MathCalls.num(1), s)));
  }

  /** Whether {@code c} calls the runtime's {@code Activations.relu(double)}. */
  static boolean isRelu(Expr.Call c) {
    return c.receiver() == null && c.args().size() == 1
        && c.method().getSimpleName().contentEquals("relu")
        && c.method().getEnclosingElement() instanceof javax.lang.model.element.TypeElement t
        && t.getQualifiedName().contentEquals(
            dev.adjoint.processor.abi.RuntimeTypes.PACKAGE + ".Activations")
        && c.method().getParameters().size() == 1;
  }

  /** "exp" or "tanh" for a call of Math's or StrictMath's, otherwise null. */
  private static String mathName(Expr.Call c) {
    String name = c.method().getSimpleName().toString();
    return (name.equals("exp") || name.equals("tanh"))
        && c.method().getEnclosingElement() instanceof javax.lang.model.element.TypeElement t
        && (t.getQualifiedName().contentEquals("java.lang.Math")
            || t.getQualifiedName().contentEquals("java.lang.StrictMath"))
        && c.method().getParameters().size() == 1 ? name : null;
  }
}
