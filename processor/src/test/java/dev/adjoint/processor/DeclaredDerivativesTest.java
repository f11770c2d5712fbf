package dev.adjoint.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.adjoint.processor.TestSource.adjoint;
import static dev.adjoint.processor.TestSource.assertNoCrash;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Derivatives declared in code: errors at the declaration, and a {@code @Differentiable} method
 * compiled in one compilation (a library module) called from another, through its generated
 * adjoint on the class path.
 */
class DeclaredDerivativesTest {
  private static final String HEADER = """
      package t;

      import dev.adjoint.Differentiable;
      import dev.adjoint.NonDifferentiable;
      import dev.adjoint.Partial;
      import dev.adjoint.Pullback;

      """;

  private static Compilation compile(TestSource src) {
    Compilation c = adjoint().compile(src.file);
    assertNoCrash(c);
    return c;
  }

  @Test
  void partialWhoseParametersDoNotMatchItsOriginal() {
    TestSource src = TestSource.of("t.T", HEADER + """
        final class T {
          static double f(double x, double y) {
            return x * y;
          }

          @Partial(of = "f", wrt = "x")
          static double fDx(double x) {
            return 1;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("@Partial(of = \"f\") matches no static method f(double)"
        + " in t.T; a partial takes exactly the original's parameters")
        .inFile(src.file).onLine(src.line("@Partial(of = \"f\""));
  }

  @Test
  void partialNamingNoParameter() {
    TestSource src = TestSource.of("t.T", HEADER + """
        final class T {
          static double f(double x) {
            return x * x;
          }

          @Partial(of = "f", wrt = "z")
          static double fDz(double x) {
            return 2 * x;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("@Partial(wrt = \"z\") names no parameter of T.f")
        .inFile(src.file).onLine(src.line("@Partial(of = \"f\", wrt = \"z\")"));
  }

  @Test
  void derivativeDeclaredTwice() {
    TestSource src = TestSource.of("t.T", HEADER + """
        final class T {
          static double f(double x) {
            return x * x;
          }

          @Partial(of = "f", wrt = "x")
          static double first(double x) {
            return 2 * x;
          }

          @Partial(of = "f", wrt = "x")
          static double second(double x) {
            return x + x;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("the derivative of T.f with respect to 'x' is already"
        + " declared by T.first").inFile(src.file).onLine(src.line("static double second(") - 1);
  }

  @Test
  void pullbackWithTheWrongShape() {
    TestSource src = TestSource.of("t.T", HEADER + """
        final class T {
          static double total(double[] v) {
            return 0;
          }

          @Pullback(of = "total")
          static void totalPullback(double[] v, double seed) {
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("@Pullback(of = \"total\") matches no static method total"
        + " in t.T; a pullback takes the original's parameters, then double seed, then one"
        + " double[] adjoint per double[] parameter")
        .inFile(src.file).onLine(src.line("@Pullback(of = \"total\")"));
  }

  @Test
  void activeArgumentForAParameterWithoutAPartial() {
    TestSource src = TestSource.of("t.T", HEADER + """
        final class T {
          static double scaled(double x, double p) {
            return x * p;
          }

          @Partial(of = "scaled", wrt = "x")
          static double scaledDx(double x, double p) {
            return p;
          }

          @Differentiable
          static double loss(double w) {
            return scaled(2.0, w * w);
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("T.scaled is not differentiable with respect to 'p', and"
        + " an active value flows into it; its derivative would be lost")
        .inFile(src.file).onLine(src.line("return scaled(2.0, w * w);"))
        .atColumn(src.column("return scaled(2.0, w * w);", "* w"));
  }

  @Test
  void wrtNamingANonDifferentiableParameter() {
    TestSource src = TestSource.of("t.T", HEADER + """
        final class T {
          @Differentiable(wrt = {"t", "w"})
          static double f(@NonDifferentiable double t, double w) {
            return t * w;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("wrt names 't', which is marked @NonDifferentiable; drop"
        + " one of the two").inFile(src.file).onLine(src.line("@Differentiable(wrt"));
  }

  @Test
  void differentiableMethodFromAnotherCompilationIsCalledThroughItsGeneratedAdjoint(
      @TempDir Path libraryClasses) throws Exception {
    TestSource library = TestSource.of("lib.Layers", """
        package lib;

        import dev.adjoint.Differentiable;

        public final class Layers {
          private Layers() {}

          @Differentiable
          public static double softplusScaled(double x, double scale) {
            return scale * Math.log1p(Math.exp(x));
          }
        }
        """);
    Compilation first = compile(library);
    assertThat(first).succeededWithoutWarnings();
    Map<String, byte[]> classes = new HashMap<>();
    for (JavaFileObject f : first.generatedFiles()) {
      if (f.getKind() == JavaFileObject.Kind.CLASS) {
        String name = className(f);
        byte[] bytes = bytes(f);
        classes.put(name, bytes);
        Path out = libraryClasses.resolve(name.replace('.', '/') + ".class");
        Files.createDirectories(out.getParent());
        Files.write(out, bytes);
      }
    }
    TestSource caller = TestSource.of("app.Model", """
        package app;

        import dev.adjoint.Differentiable;
        import lib.Layers;

        final class Model {
          @Differentiable
          static double loss(double w) {
            return Layers.softplusScaled(2 * w, w) + w;
          }
        }
        """);
    List<java.io.File> classpath = new ArrayList<>();
    classpath.add(libraryClasses.toFile());
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      classpath.add(new java.io.File(entry));
    }
    Compilation second = adjoint().withClasspath(classpath).compile(caller.file);
    assertNoCrash(second);
    assertThat(second).succeededWithoutWarnings();
    assertThat(second).generatedSourceFile("app.ModelGrad").contentsAsUtf8String()
        .contains("LayersGrad.softplusScaledAdjoint(");
    assertThat(second).generatedSourceFile("app.ModelGrad").contentsAsUtf8String()
        .doesNotContain("softplusScaledAdjoint(double");
    for (JavaFileObject f : second.generatedFiles()) {
      if (f.getKind() == JavaFileObject.Kind.CLASS) {
        classes.put(className(f), bytes(f));
      }
    }
    ClassLoader loader = new ClassLoader(getClass().getClassLoader()) {
      @Override
      protected Class<?> findClass(String name) throws ClassNotFoundException {
        byte[] b = classes.get(name);
        if (b == null) {
          throw new ClassNotFoundException(name);
        }
        return defineClass(name, b, 0, b.length);
      }
    };
    Method gradient = loader.loadClass("app.ModelGrad").getMethod("loss", double.class);
    Object result = gradient.invoke(null, 0.4);
    double derivative = (double) result.getClass().getMethod("w").invoke(result);
    double w = 0.4;
    double sigmoid = 1 / (1 + Math.exp(-2 * w));
    double expected = Math.log1p(Math.exp(2 * w)) + w * 2 * sigmoid + 1;
    assertEquals(expected, derivative, 1e-12);
  }

  private static String className(JavaFileObject f) {
    String path = f.toUri().getPath();
    int start = path.indexOf("/CLASS_OUTPUT/");
    String relative = start >= 0 ? path.substring(start + "/CLASS_OUTPUT/".length()) : path;
    return relative.replace(".class", "").replace('/', '.');
  }

  private static byte[] bytes(JavaFileObject f) {
    try (InputStream in = f.openInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
