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
 * The companion of {@link AdjointProcessor} that runs on every round ({@code "*"}), so that a
 * helper's adjoint is regenerated when only the helper's file is recompiled: that file has no
 * annotation of Adjoint's, and {@link AdjointProcessor} is not called for it. It claims nothing
 * (other processors still see their annotations, and {@code AdjointProcessor} claims Adjoint's),
 * and does a round's work only when {@code AdjointProcessor} has not.
 */
@AutoService(Processor.class)
@SupportedAnnotationTypes("*")
public final class HelperRefreshProcessor extends AbstractProcessor {

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (!round.getRootElements().isEmpty() || round.processingOver()) {
      AdjointProcessor.runOnce(processingEnv, round);
    }
    return false;
  }
}
