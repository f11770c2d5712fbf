package dev.adjoint.processor.rules;

import com.palantir.javapoet.ClassName;
import dev.adjoint.processor.abi.AdjointAbi;
import javax.lang.model.element.ExecutableElement;

/**
 * A call to a method whose adjoint Adjoint generates: an {@code @Differentiable} method, or a
 * static method with source in this compilation, differentiated automatically.
 *
 * @param method the callee
 * @param gradClass the generated class that holds the callee's adjoint entry point
 * @param abi how the entry point is called: which parameters it differentiates, their slots
 */
public record AdjointCallRule(ExecutableElement method, ClassName gradClass, AdjointAbi abi)
    implements DerivativeRule {

  /** The adjoint entry point's name. */
  public String adjointName() {
    return AdjointAbi.entryName(method.getSimpleName());
  }

  @Override
  public boolean differentiableIn(int index) {
    return abi.isDifferentiated(index);
  }
}
