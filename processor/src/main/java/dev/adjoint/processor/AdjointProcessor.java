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
 * Generates {@code <Class>Grad} for every class with {@code @Differentiable} methods, and checks
 * every derivative declared with {@code @Partial} or {@code @Pullback}. It claims those
 * annotations, and the {@code @Generated} on its own output, so that {@code -Xlint:processing}
 * has nothing to say about them.
 */
@AutoService(Processor.class)
@SupportedAnnotationTypes({DifferentiationRound.DIFFERENTIABLE, "dev.adjoint.Partial",
    "dev.adjoint.Pullback", "javax.annotation.processing.Generated"})
public final class AdjointProcessor extends AbstractProcessor {
  private ProcessorOptions options;

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  /** {@code adjoint.graph}, {@code adjoint.suffix} and {@code adjoint.summary}: see the README. */
  @Override
  public Set<String> getSupportedOptions() {
    return ProcessorOptions.NAMES;
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (!annotations.isEmpty()) {
      if (options == null) {
        options = ProcessorOptions.read(processingEnv.getOptions(), processingEnv.getMessager());
      }
      new DifferentiationRound(processingEnv, options).run(round);
    }
    return true;
  }
}
