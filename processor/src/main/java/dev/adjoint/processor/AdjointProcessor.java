package dev.adjoint.processor;

import com.google.auto.service.AutoService;
import dev.adjoint.processor.abi.RuntimeTypes;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Generates {@code <Class>Grad} for every class with {@code @Differentiable} methods, and checks
 * every derivative declared with {@code @Partial} or {@code @Pullback}.
 *
 * <p>It claims those annotations, its own ({@code dev.adjoint}), and the {@code @Generated} on
 * its own output only: see {@link Claims}. Its companion
 * {@link HelperRefreshProcessor} runs on rounds without them (a helper's file recompiled on
 * its own); whichever of the two runs first in a round does the round's work.
 */
@AutoService(Processor.class)
@SupportedAnnotationTypes({RuntimeTypes.DIFFERENTIABLE, RuntimeTypes.PARTIAL,
    RuntimeTypes.PULLBACK, RuntimeTypes.GENERATED})
public final class AdjointProcessor extends AbstractProcessor {

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  /** {@code adjoint.graph}, {@code adjoint.suffix} and {@code adjoint.summary}: see the README. */
  @Override
  public Set<String> getSupportedOptions() {
    return ProcessorOptions.NAMES;
  }

  /**
   * The stack of the thread a round runs on: javac compiles expressions and statements nested
   * hundreds deep, and the processor's recursive passes need far more stack than javac's.
   */
  static final long STACK_SIZE = 256L << 20;

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (!annotations.isEmpty() || !round.getRootElements().isEmpty() || round.processingOver()) {
      runOnce(processingEnv, round);
    }
    return Claims.claim(annotations, round);
  }

  /** The rounds whose work is done, by this processor or its companion. */
  private static final Map<RoundEnvironment, Boolean> DONE =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** The options of each compilation, read (and any mistake in them reported) once. */
  private static final Map<ProcessingEnvironment, ProcessorOptions> OPTIONS =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** The classes of each compilation that wait for a type generated in a later round. */
  private static final Map<ProcessingEnvironment, Deferral> DEFERRALS =
      Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * Runs the round's work unless the other of the two processors already has: on the classes
   * whose types are complete, the others being deferred ({@link Deferral}). The last round
   * runs only for classes still deferred.
   */
  static void runOnce(ProcessingEnvironment env, RoundEnvironment round) {
    Deferral deferral = DEFERRALS.computeIfAbsent(env, e -> new Deferral());
    if (round.processingOver() && !deferral.hasWaiting()) {
      return;
    }
    if (DONE.putIfAbsent(round, Boolean.TRUE) == null) {
      ProcessorOptions options = OPTIONS.computeIfAbsent(env,
          e -> ProcessorOptions.read(e.getOptions(), e.getMessager()));
      RoundFailures failures = new RoundFailures();
      failures.guard(env.getMessager(), () -> onLargeStack(
          () -> new DifferentiationRound(env, options, failures)
              .run(deferral.ready(env, round, options.suffix()))));
    }
  }

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
