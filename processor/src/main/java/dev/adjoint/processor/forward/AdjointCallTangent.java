package dev.adjoint.processor.forward;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.Stmt;
import java.util.List;

/**
 * The tangent of a reverse sweep's call to a callee's adjoint entry point. Not built yet: second
 * order through calls to methods Adjoint differentiates is reported before this is reached.
 */
final class AdjointCallTangent {

  /** Appends the tangent of {@code call}, evaluated for its effect, to {@code out}. */
  void tangent(Expr.AdjointCall call, List<Stmt> out) {
    throw AdjointTangentTransform.adjointOnly(call);
  }
}
