package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.adjoint.processor.TestSource.assertNoCrash;
import static dev.adjoint.processor.TestSource.describe;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/**
 * Per-class generation with deferral: a class whose {@code @Differentiable} methods use a type
 * that another processor generates in round 1 is generated in round 2, with a correct gradient;
 * a type that never appears leaves javac's error alone. And the processor claims only its own
 * annotations.
 */
class DeferralTest {

  /** Generates {@code t.Scale} and {@code t.Box} in its first round, as AutoValue would. */
  private static final class Generator extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
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
      write("t.Scale", """
          package t;

          public final class Scale {
            public static final double FACTOR = 3.0;

            private Scale() {}

            public static double twice(double x) {
              return 2.0 * x;
            }
          }
          """);
      write("t.Box", """
          package t;

          public final class Box {
            public final double k;

            public Box(double k) {
              this.k = k;
            }
          }
          """);
      return false;
    }

    private void write(String name, String text) {
      try (Writer w = processingEnv.getFiler().createSourceFile(name).openWriter()) {
        w.write(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Records the classes annotated {@code @Generated} that reach it, unclaimed. */
  private static final class GeneratedWatcher extends AbstractProcessor {
    final Set<String> seen = new TreeSet<>();

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("javax.annotation.processing.Generated");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      for (TypeElement a : annotations) {
        for (Element e : round.getElementsAnnotatedWith(a)) {
          seen.add(((TypeElement) e).getQualifiedName().toString());
        }
      }
      return false;
    }
  }

  /** Uses {@code Scale} in its body: f = 2x² + 3x, f' = 4x + 3. */
  private static final TestSource USES_IN_BODY = TestSource.of("t.InBody", """
      package t;

      import dev.adjoint.Differentiable;

      final class InBody {
        @Differentiable
        static double f(double x) {
          return Scale.twice(x) * x + Scale.FACTOR * x;
        }
      }
      """);

  /** Has {@code Box} in its signature: g = k x², g' = 2 k x. */
  private static final TestSource USES_IN_SIGNATURE = TestSource.of("t.InSignature", """
      package t;

      import dev.adjoint.Differentiable;

      final class InSignature {
        @Differentiable
        static double g(double x, Box box) {
          return box.k * x * x;
        }
      }
      """);

  /** Mentions only {@code InBody}, whose adjoint it calls: h = 2 f, h' = 8x + 6. */
  private static final TestSource CALLER = TestSource.of("t.Caller", """
      package t;

      import dev.adjoint.Differentiable;

      final class Caller {
        @Differentiable
        static double h(double x) {
          return 2.0 * InBody.f(x);
        }
      }
      """);

  @Test
  void classUsingATypeGeneratedInRoundOneIsGeneratedInRoundTwo() throws Exception {
    Compilation c = Compiler.javac()
        // The generator first: a processor for "*" runs only while some annotation is unclaimed.
        .withProcessors(new Generator(), new AdjointProcessor())
        .withOptions("-Xlint:all,-processing")
        .compile(USES_IN_BODY.file, USES_IN_SIGNATURE.file, CALLER.file);
    assertNoCrash(c);
    assertWithMessage(describe(c.diagnostics())).that(c.errors()).isEmpty();
    assertWithMessage(describe(c.diagnostics())).that(c.warnings()).isEmpty();
    assertThat(c).generatedSourceFile("t.InBodyGrad");
    assertThat(c).generatedSourceFile("t.InSignatureGrad");
    assertThat(c).generatedSourceFile("t.CallerGrad");

    Compiled loaded = new Compiled(c);
    for (double x : new double[] {-1.5, 0.0, 0.7, 2.0}) {
      assertEquals(4 * x + 3, derivative(loaded, "t.InBodyGrad", "f", "x", x), 1e-12);
      assertEquals(8 * x + 6, derivative(loaded, "t.CallerGrad", "h", "x", x), 1e-12);
      Object box = loaded.load("t.Box").getConstructor(double.class).newInstance(1.25);
      assertEquals(2 * 1.25 * x, derivative(loaded, "t.InSignatureGrad", "g", "x", x, box),
          1e-12);
    }
    Compiled.assertGradient(loaded.load("t.InBody"), loaded.load("t.InBodyGrad"), "f", 0.3);
    Compiled.assertGradient(loaded.load("t.Caller"), loaded.load("t.CallerGrad"), "h", -0.8);
  }

  @Test
  void aTypeThatNeverAppearsLeavesJavacsErrorsAlone() {
    for (TestSource src : List.of(USES_IN_BODY, USES_IN_SIGNATURE)) {
      Compilation plain = Compiler.javac().compile(src.file);
      Compilation withAdjoint = TestSource.adjoint().compile(src.file);
      assertThat(plain).failed();
      assertNoCrash(withAdjoint);
      assertWithMessage("Adjoint added errors:\n%s", describe(withAdjoint.errors()))
          .that(messages(withAdjoint)).isEqualTo(messages(plain));
    }
  }

  @Test
  void claimsItsOwnAnnotationsAndNoOtherButGenerated() {
    Set<String> supported = new AdjointProcessor().getSupportedAnnotationTypes();
    for (String type : supported) {
      if (!type.equals("javax.annotation.processing.Generated")) {
        assertThat(type).startsWith("dev.adjoint.");
      }
    }
    assertThat(supported).containsAtLeast("dev.adjoint.Differentiable", "dev.adjoint.Partial",
        "dev.adjoint.Pullback");
  }

  /** A class another tool generated: its {@code @Generated} is not Adjoint's to claim. */
  private static final TestSource OTHERS_OUTPUT = TestSource.of("t.Other", """
      package t;

      @javax.annotation.processing.Generated("some.other.Processor")
      final class Other {
        static double half(double x) {
          return x / 2;
        }
      }
      """);

  @Test
  void anotherToolsGeneratedClassReachesTheProcessorsAfterIt() {
    GeneratedWatcher watcher = new GeneratedWatcher();
    Compilation c = Compiler.javac().withProcessors(new AdjointProcessor(), watcher)
        .compile(OTHERS_OUTPUT.file, TestSource.of("golden.Seed", GoldenSourceTest.SEED).file);
    assertNoCrash(c);
    assertThat(c).succeeded();
    assertThat(c).generatedSourceFile("golden.SeedGrad");
    assertThat(watcher.seen).contains("t.Other");
  }

  @Test
  void itsOwnOutputsGeneratedIsClaimedSoXlintProcessingStaysQuiet() {
    GeneratedWatcher watcher = new GeneratedWatcher();
    Compilation c = Compiler.javac().withProcessors(new AdjointProcessor(), watcher)
        .withOptions("-Xlint:all")
        .compile(TestSource.of("golden.Seed", GoldenSourceTest.SEED).file);
    assertThat(c).succeeded();
    assertWithMessage(describe(c.diagnostics())).that(c.warnings()).isEmpty();
    assertThat(watcher.seen).isEmpty();
  }

  private static double derivative(Compiled loaded, String gradClass, String name,
      String parameter, Object... args) throws Exception {
    Method gradient = Compiled.method(loaded.load(gradClass), name);
    Object result = gradient.invoke(null, args);
    return (double) result.getClass().getMethod(parameter).invoke(result);
  }

  private static List<String> messages(Compilation c) {
    List<String> out = new ArrayList<>();
    c.errors().forEach(d -> out.add(d.getLineNumber() + ":" + d.getColumnNumber() + ":"
        + d.getMessage(Locale.ROOT)));
    return out;
  }
}
