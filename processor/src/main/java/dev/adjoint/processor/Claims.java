package dev.adjoint.processor;

import dev.adjoint.processor.abi.RuntimeTypes;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
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
          if (!isAdjointOutput(e)) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /** Whether {@code e} carries {@code @Generated("dev.adjoint.processor.AdjointProcessor")}. */
  static boolean isAdjointOutput(Element e) {
    for (AnnotationMirror a : e.getAnnotationMirrors()) {
      if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(RuntimeTypes.GENERATED)) {
        return a.getElementValues().values().stream()
            .anyMatch(v -> v.toString().contains(RuntimeTypes.GENERATOR));
      }
    }
    return false;
  }
}
