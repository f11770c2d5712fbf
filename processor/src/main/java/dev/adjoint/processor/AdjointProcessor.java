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
 * every derivative declared with {@code @Partial} or {@code @Pullback}.
 *
 * <p>It runs on every round ({@code "*"}), so that a helper's adjoint is regenerated when only
 * the helper's file is recompiled, with no annotation of ours in it. It claims a round's
 * annotations when they are its own ({@code @Differentiable}, {@code @Partial},
 * {@code @Pullback}, the {@code @Generated} on its output) and javac's ({@code java.lang}),
 * so that {@code -Xlint:processing} has nothing to say about them; with any other annotation
 * present it claims nothing, leaving it to its processor.
 */
@AutoService(Processor.class)
@SupportedAnnotationTypes("*")
public final class AdjointProcessor extends AbstractProcessor {

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  /**
   * The stack of the thread a round runs on: javac compiles expressions and statements nested
   * hundreds deep, and the processor's recursive passes need far more stack than javac's.
   */
  static final long STACK_SIZE = 256L << 20;

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (!round.getRootElements().isEmpty() || !annotations.isEmpty()) {
      onLargeStack(() -> new DifferentiationRound(processingEnv).run(round));
    }
    boolean ours = false;
    for (TypeElement a : annotations) {
      String name = a.getQualifiedName().toString();
      if (OWN.contains(name)) {
        ours = true;
      } else if (!name.startsWith("java.lang.")) {
        return false;
      }
    }
    return ours;
  }

  private static final Set<String> OWN = Set.of(DifferentiationRound.DIFFERENTIABLE,
      "dev.adjoint.Partial", "dev.adjoint.Pullback", "javax.annotation.processing.Generated");

  /**
   * Runs {@code work} on a thread of its own with a {@link #STACK_SIZE} stack, and waits for it:
   * javac is never used by two threads at once. What the work throws is thrown here.
   */
  static void onLargeStack(Runnable work) {
    Throwable[] failure = new Throwable[1];
    Thread thread = new Thread(null, () -> {
      try {
        work.run();
      } catch (Throwable t) {
        failure[0] = t;
      }
    }, "adjoint-processor", STACK_SIZE);
    thread.setContextClassLoader(Thread.currentThread().getContextClassLoader());
    thread.setDaemon(true);
    thread.start();
    boolean interrupted = false;
    while (true) {
      try {
        thread.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (failure[0] instanceof RuntimeException e) {
      throw e;
    } else if (failure[0] instanceof Error e) {
      throw e;
    } else if (failure[0] != null) {
      throw new IllegalStateException(failure[0]);
    }
  }
}
