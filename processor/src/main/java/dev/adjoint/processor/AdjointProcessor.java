package dev.adjoint.processor;

import com.google.auto.service.AutoService;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Generates {@code <Class>Grad} for every class with {@code @Differentiable} methods. It claims
 * the annotation, so {@code -Xlint:processing} has nothing to say about it.
 */
@AutoService(Processor.class)
@SupportedAnnotationTypes(DifferentiationRound.DIFFERENTIABLE)
public final class AdjointProcessor extends AbstractProcessor {

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (!annotations.isEmpty()) {
      new DifferentiationRound(processingEnv).run(round);
    }
    return true;
  }
}
