package dev.adjoint.processor.rules;

import java.util.Optional;
import javax.lang.model.element.ExecutableElement;

/**
 * Supplies adjoint entry points for methods Adjoint differentiates itself. A callee is
 * differentiated only once generated code needs its adjoint, so helpers called with constants
 * alone are never analysed.
 */
public interface AdjointProvider {
  /** The callee's adjoint entry point, if Adjoint can generate one; nothing is generated yet. */
  Optional<AdjointCallRule> adjointOf(ExecutableElement method);

  /** Generated code calls this entry point: generate it. */
  void require(AdjointCallRule rule);

  /** Whether {@code method}, whose adjoint Adjoint generates, may write into array argument i. */
  boolean mayWriteArrayArgument(ExecutableElement method, int index);

  /** Whether {@code method} may return an array it received, or a row of one. */
  boolean mayReturnArrayArgument(ExecutableElement method);

  /** The argument {@code method} provably always returns (or the row of one), if any. */
  default Optional<ReturnedArgument> returnedArgument(ExecutableElement method) {
    return Optional.empty();
  }

  /** The class generated for {@code owner}: its gradients and copies of its private members. */
  com.palantir.javapoet.ClassName generatedClassOf(javax.lang.model.element.TypeElement owner);

  /** Whether running {@code method} may read a field that is not final or holds an array. */
  boolean readsMutableState(ExecutableElement method);

  /** Whether running {@code method} may do more than compute its result. */
  boolean mayHaveEffects(ExecutableElement method);
}
