package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.adjoint.processor.diag.Diagnostics;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A failure of Adjoint itself is an error on the method, {@code [adjoint:internal-error]}, with
 * the exception and the first frames of its stack trace in the message detail: never a javac
 * crash. Outside the per-method guards (scheduling, deferral, class assembly) it is an error on
 * the method or class the round was working on, or on none before it works on any. The failure
 * is forced by running a stage of the real pipeline with a collaborator it needs left out (null)
 * or broken, so that the stage throws where a bug of ours would.
 */
class InternalFailureTest {

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
  void aFailureInTheReverseModeIsAnErrorOnTheMethod() {
    Diagnostic<? extends JavaFileObject> error = theOnlyError(Stage.REVERSE);
    assertThat(error.getMessage(Locale.ROOT)).startsWith("[adjoint:internal-error] Adjoint could"
        + " not differentiate 'loss' because of an internal error"
        + " (java.lang.NullPointerException");
    assertThat(error.getMessage(Locale.ROOT))
        .contains("\tat dev.adjoint.processor.MethodDifferentiation.differentiate(");
  }

  @Test
  void aFailureInTheForwardModesIsAnErrorOnTheMethod() {
    Diagnostic<? extends JavaFileObject> error = theOnlyError(Stage.FORWARD);
    assertThat(error.getMessage(Locale.ROOT)).startsWith("[adjoint:internal-error] Adjoint could"
        + " not generate the forward mode of 'loss' because of an internal error"
        + " (java.lang.NullPointerException");
    assertThat(error.getMessage(Locale.ROOT)).contains("\tat dev.adjoint.processor.");
  }

  @Test
  void aFailureWhileSchedulingAMethodIsAnErrorOnTheMethod() {
    Diagnostic<? extends JavaFileObject> error = theOnlyError(Stage.SCHEDULING);
    assertThat(error.getMessage(Locale.ROOT)).startsWith("[adjoint:internal-error] Adjoint could"
        + " not process the method 'loss' because of an internal error"
        + " (java.lang.NullPointerException");
    assertThat(error.getMessage(Locale.ROOT))
        .contains("\tat dev.adjoint.processor.DifferentiableAnnotations.modes(");
  }

  @Test
  void aFailureBeforeTheRoundWorksOnAnElementIsAnErrorOnNone() {
    Diagnostic<? extends JavaFileObject> error = theOnlyError(Stage.DEFERRAL);
    assertThat(error.getMessage(Locale.ROOT)).startsWith("[adjoint:internal-error] Adjoint could"
        + " not process this round because of an internal error"
        + " (java.lang.IllegalStateException: elements cannot be listed)");
    assertThat(error.getMessage(Locale.ROOT))
        .contains("\tat dev.adjoint.processor.Deferral.ready(");
  }

  /**
   * Compiles {@link #SOURCE} with the broken stage: javac finishes, with one error, on the
   * method but for a failure before the round works on any element.
   */
  private static Diagnostic<? extends JavaFileObject> theOnlyError(Stage stage) {
    // compile() would throw, with the processor's exception as its cause, on a javac crash.
    Compilation c = Compiler.javac().withProcessors(new BrokenStage(stage)).compile(SOURCE.file);
    assertThat(c.status()).isEqualTo(Compilation.Status.FAILURE);
    assertWithMessage(TestSource.describe(c.diagnostics())).that(c.errors()).hasSize(1);
    Diagnostic<? extends JavaFileObject> error = c.errors().get(0);
    if (stage == Stage.DEFERRAL) {
      assertThat(error.getSource()).isNull();
    } else {
      assertThat(error.getSource().getName()).isEqualTo(SOURCE.file.getName());
      assertThat(error.getLineNumber()).isEqualTo(SOURCE.line("static double loss("));
    }
    TestSource.assertIdentified(error);
    // The detail is the first frames, not the whole stack (javac indents the message's lines).
    assertWithMessage(error.getMessage(Locale.ROOT))
        .that(error.getMessage(Locale.ROOT).lines().filter(l -> l.strip().startsWith("at "))
            .count())
        .isIn(com.google.common.collect.Range.closed(1L, 12L));
    return error;
  }

  private enum Stage { REVERSE, FORWARD, SCHEDULING, DEFERRAL }

  /**
   * Runs one stage of the pipeline on each {@code @Differentiable} method with the derivative
   * table (and, for the reverse mode, the private-method copier) missing; or, once, the whole
   * round as {@link AdjointProcessor} does, either with options whose modes are missing
   * (scheduling a method throws) or on a round whose annotated elements cannot be listed
   * (deferral throws before the round works on any element).
   */
  private static final class BrokenStage extends AbstractProcessor {
    private final Stage stage;
    private boolean done;

    BrokenStage(Stage stage) {
      this.stage = stage;
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
      if (stage == Stage.SCHEDULING || stage == Stage.DEFERRAL) {
        if (!done) {
          done = true;
          brokenRound(round);
        }
        return false;
      }
      Trees trees = Trees.instance(processingEnv);
      Diagnostics diagnostics = new Diagnostics(trees, processingEnv.getMessager());
      for (TypeElement annotation : annotations) {
        for (Element e : round.getElementsAnnotatedWith(annotation)) {
          ExecutableElement method = (ExecutableElement) e;
          if (stage == Stage.REVERSE) {
            new MethodDifferentiation(ProcessorOptions.DEFAULTS, trees,
                processingEnv.getElementUtils(), processingEnv.getTypeUtils(), diagnostics,
                null, null).differentiate(new Plan(method, true, new HashSet<>(Set.of("x")),
                    null));
          } else {
            TreePath path = trees.getPath(method);
            new ForwardModes(diagnostics, null, type -> null, callee -> true,
                callee -> true).generate(method,
                null, null, path.getCompilationUnit(), (MethodTree) path.getLeaf(), null,
                Set.of("TANGENT"), true, kind -> kind, 0, List.of("x"));
          }
        }
      }
      return false;
    }

    private void brokenRound(RoundEnvironment round) {
      if (stage == Stage.DEFERRAL) {
        AdjointProcessor.runOnce(processingEnv, unlistable(round));
        return;
      }
      RoundFailures failures = new RoundFailures();
      ProcessorOptions withoutModes = new ProcessorOptions(false, "Grad", false, null);
      failures.guard(processingEnv.getMessager(), () -> AdjointProcessor.onLargeStack(
          () -> new DifferentiationRound(processingEnv, withoutModes, failures).run(round)));
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
