package dev.adjoint.processor.rules;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * A call to a method whose adjoint Adjoint generates: an {@code @Differentiable} method, or a
 * static method with source in this compilation, differentiated automatically.
 *
 * @param method the callee
 * @param gradClass the generated class that holds the callee's adjoint entry point
 * @param adjointName the adjoint entry point's name
 * @param differentiated for each parameter, whether the entry point differentiates it
 * @param arrays for each parameter, whether it is an array, whose adjoint is passed as an array
 *     of its own rather than in a slot of the scalar accumulator
 */
public record AdjointCallRule(
    ExecutableElement method, ClassName gradClass, String adjointName,
    List<Boolean> differentiated, List<Boolean> arrays) implements DerivativeRule {

  @Override
  public boolean differentiableIn(int index) {
    return differentiated.get(index);
  }

  /** Position of parameter {@code index} among the differentiated scalar parameters. */
  public int adjointSlot(int index) {
    int slot = 0;
    for (int i = 0; i < index; i++) {
      if (differentiated.get(i) && !arrays.get(i)) {
        slot++;
      }
    }
    return slot;
  }

  public boolean isArray(int index) {
    return arrays.get(index);
  }

  public int slotCount() {
    return adjointSlot(differentiated.size());
  }
}
