package dev.adjoint.processor.rules;

import java.util.Optional;
import javax.lang.model.element.ExecutableElement;

/**
 * Supplies adjoint entry points for methods Adjoint differentiates itself, scheduling the callee
 * for generation when it is first seen.
 */
public interface AdjointProvider {
  Optional<AdjointCallRule> adjointOf(ExecutableElement method);
}
