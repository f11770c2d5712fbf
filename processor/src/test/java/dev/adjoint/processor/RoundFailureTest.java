package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A failure of Adjoint outside the per-method guards (scheduling, deferral, class assembly) is
 * an error, {@code [adjoint:internal-error]}, on the method or class the round was working on,
 * or on none before it works on any: never a javac crash. The failure is forced by running the
 * real round with a collaborator broken (options without modes, a round whose elements cannot
 * be listed), so that it throws where a bug of ours would.
 */
class RoundFailureTest {

  private static final TestSource SOURCE = TestSource.of("t.T", """
      package t;

      import dev.adjoint.Differentiable;

      final class T {
        @Differentiable
        static double loss(double x) {
          return x * x;
        }
      }
      """);

  @Test
  void aFailureWhileSchedulingAMethodIsAnErrorOnTheMethod() {
    Diagnostic<? extends JavaFileObject> error = theOnlyError(new BrokenRound(false));
    assertThat(error.getSource().getName()).isEqualTo(SOURCE.file.getName());
    assertThat(error.getLineNumber()).isEqualTo(SOURCE.line("static double loss("));
    assertThat(error.getMessage(Locale.ROOT)).startsWith("[adjoint:internal-error] Adjoint could"
        + " not process the method 'loss' because of an internal error"
        + " (java.lang.NullPointerException");
    assertThat(error.getMessage(Locale.ROOT))
        .contains("\tat dev.adjoint.processor.DifferentiableAnnotations.modes(");
  }

  @Test
  void aFailureBeforeTheRoundWorksOnAnElementIsAnErrorOnNone() {
    Diagnostic<? extends JavaFileObject> error = theOnlyError(new BrokenRound(true));
    assertThat(error.getSource()).isNull();
    assertThat(error.getMessage(Locale.ROOT)).startsWith("[adjoint:internal-error] Adjoint could"
        + " not process this round because of an internal error"
        + " (java.lang.IllegalStateException: elements cannot be listed)");
    assertThat(error.getMessage(Locale.ROOT))
        .contains("\tat dev.adjoint.processor.Deferral.ready(");
  }

  /** Compiles {@link #SOURCE} with the broken round: javac finishes, with one error. */
  private static Diagnostic<? extends JavaFileObject> theOnlyError(BrokenRound processor) {
    // compile() would throw, with the processor's exception as its cause, on a javac crash.
    Compilation c = Compiler.javac().withProcessors(processor).compile(SOURCE.file);
    assertThat(c.status()).isEqualTo(Compilation.Status.FAILURE);
    assertWithMessage(TestSource.describe(c.diagnostics())).that(c.errors()).hasSize(1);
    Diagnostic<? extends JavaFileObject> error = c.errors().get(0);
    TestSource.assertIdentified(error);
    // The detail is the first frames, not the whole stack (javac indents the message's lines).
    assertWithMessage(error.getMessage(Locale.ROOT))
        .that(error.getMessage(Locale.ROOT).lines().filter(l -> l.strip().startsWith("at "))
            .count())
        .isIn(com.google.common.collect.Range.closed(1L, 12L));
    return error;
  }

  /**
   * Runs the round as {@link AdjointProcessor} does, on its first round only, either with
   * options whose modes are missing (scheduling a method throws) or, through
   * {@link AdjointProcessor#runOnce}, on a round whose annotated elements cannot be listed
   * (deferral throws before the round works on any element).
   */
  private static final class BrokenRound extends AbstractProcessor {
    private final boolean unlistable;
    private boolean done;

    BrokenRound(boolean unlistable) {
      this.unlistable = unlistable;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("dev.adjoint.Differentiable");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (done) {
        return false;
      }
      done = true;
      if (unlistable) {
        AdjointProcessor.runOnce(processingEnv, unlistable(round));
        return false;
      }
      RoundFailures failures = new RoundFailures();
      ProcessorOptions withoutModes = new ProcessorOptions(false, "Grad", false, null);
      failures.guard(processingEnv.getMessager(), () -> AdjointProcessor.onLargeStack(
          () -> new DifferentiationRound(processingEnv, withoutModes, failures).run(round)));
      return false;
    }

    /** {@code round}, but for its annotated elements, which throw when asked for. */
    private static RoundEnvironment unlistable(RoundEnvironment round) {
      return (RoundEnvironment) Proxy.newProxyInstance(RoundEnvironment.class.getClassLoader(),
          new Class<?>[] {RoundEnvironment.class}, (proxy, method, args) -> {
            if (method.getName().startsWith("getElementsAnnotatedWith")) {
              throw new IllegalStateException("elements cannot be listed");
            }
            try {
              return method.invoke(round, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }
  }
}
