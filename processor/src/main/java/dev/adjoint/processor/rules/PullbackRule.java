package dev.adjoint.processor.rules;

import java.util.List;
import javax.lang.model.element.ExecutableElement;

/**
 * A helper over arrays with a {@code @Pullback} method: called with the helper's arguments, the
 * seed, and one adjoint array (or null) per {@code double[]} parameter, into which it adds.
 *
 * @param pullback the pullback method
 * @param arrayParameters indices of the helper's {@code double[]} parameters, in order
 */
public record PullbackRule(ExecutableElement pullback, List<Integer> arrayParameters)
    implements DerivativeRule {
  @Override
  public boolean differentiableIn(int index) {
    return arrayParameters.contains(index);
  }
}
