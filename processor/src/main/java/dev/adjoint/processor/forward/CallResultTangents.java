package dev.adjoint.processor.forward;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Rewrite;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.transform.SameValue;
import javax.lang.model.element.TypeElement;

/**
 * The tangent of {@code s = Math.tanh(z)} from its result: the derivative table writes
 * {@code tanh'(z)} as {@code 1 - Math.tanh(z) * Math.tanh(z)}, {@code exp'} as
 * {@code Math.exp(z)}, {@code sqrt'} as {@code 0.5 / Math.sqrt(z)}, so the tangent calls the
 * function again, up to twice. When the statement assigns the call itself to a scalar that its
 * arguments do not read, the primal goes first and the tangent reads {@code s} instead: the same
 * value, the call being pure, one call instead of up to three.
 */
final class CallResultTangents {
  private CallResultTangents() {}

  /**
   * {@code tangent}, the tangent of {@code target = value}, with each evaluation of
   * {@code value} in it replaced by a read of {@code target}, to be assigned after the primal;
   * null when {@code value} is not such a call or the tangent does not evaluate it.
   */
  static Expr afterPrimal(Variable target, Expr value, Expr tangent) {
    if (tangent == null || !(value instanceof Expr.Call call) || call.receiver() != null
        || !target.type().equals(IrType.DOUBLE) || !isMath(call) || !SameValue.isPure(call)
        || reads(call, target)) {
      return null;
    }
    boolean[] replaced = {false};
    Expr out = replace(tangent, call, new Expr.VarRef(target), replaced);
    return replaced[0] ? out : null;
  }

  private static Expr replace(Expr e, Expr.Call call, Expr.VarRef result, boolean[] replaced) {
    if (e instanceof Expr.Call c && SameValue.same(c, call)) {
      replaced[0] = true;
      return new Expr.VarRef(result.variable());
    }
    return Rewrite.operands(e, o -> replace(o, call, result, replaced));
  }

  private static boolean isMath(Expr.Call c) {
    return c.method().getEnclosingElement() instanceof TypeElement t
        && (t.getQualifiedName().contentEquals("java.lang.Math")
            || t.getQualifiedName().contentEquals("java.lang.StrictMath"));
  }

  private static boolean reads(Expr e, Variable v) {
    boolean[] found = {false};
    IrWalk.expressions(e, x -> found[0] |= x instanceof Expr.VarRef r && r.variable() == v);
    return found[0];
  }
}
