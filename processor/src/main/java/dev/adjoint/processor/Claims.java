package dev.adjoint.processor;

import dev.adjoint.processor.abi.CompiledAdjoints;
import dev.adjoint.processor.abi.RuntimeTypes;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Which annotations {@link AdjointProcessor} claims in a round: its own ({@code dev.adjoint}),
 * and the {@code @Generated} on its own output, but never another's {@code @Generated}.
 *
 * <p>Claiming {@code @Generated} at all is there for javac's {@code -Xlint:processing}, which
 * warns about every annotation no processor claims, so that the generated classes compile
 * without a warning under {@code -Xlint:all}, as the README promises. A round in which any
 * class annotated {@code @Generated} is not Adjoint's (AutoValue's, a user's) claims nothing,
 * so that every later processor sees those classes as javac hands them over.
 */
final class Claims {
  private Claims() {}

  /** Whether {@link AdjointProcessor} claims {@code annotations} in {@code round}. */
  static boolean claim(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement annotation : annotations) {
      if (annotation.getQualifiedName().contentEquals(RuntimeTypes.GENERATED)) {
        for (Element e : round.getElementsAnnotatedWith(annotation)) {
          if (!CompiledAdjoints.carriesAdjointGenerated(e)) {
            return false;
          }
        }
      }
    }
    return true;
  }
}
