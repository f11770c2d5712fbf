package dev.adjoint.processor.rules;

import dev.adjoint.processor.ir.Expr;
import java.util.List;

/**
 * A scalar function whose partial derivatives are expressions of its arguments: the java.lang.Math
 * table, and helpers that declare {@code @Partial} methods. The adjoint of {@code f(a, b)} with
 * seed {@code g} adds {@code g * partial(i)} into argument {@code i}.
 */
public non-sealed interface PartialsRule extends DerivativeRule {

  /**
   * The partial derivative with respect to argument {@code index}, as an expression of
   * {@code args}: side-effect free expressions the caller may print more than once.
   */
  Expr partial(int index, List<Expr> args);
}
