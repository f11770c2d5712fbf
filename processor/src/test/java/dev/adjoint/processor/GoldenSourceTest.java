/*
 * Golden generated source for the seed examples.
 *
 * To regenerate the golden files after an intended change to the generated code, run
 *
 *   mvn -q -pl processor -am test -Dtest='dev.adjoint.processor.GoldenSourceTest' \
 *       -Dsurefire.failIfNoSpecifiedTests=false -Dadjoint.updateGolden=true
 *
 * which writes the actual output into processor/src/test/resources/golden/ instead of asserting;
 * then review the diff with git before committing it.
 *
 * The golden files end in ".java.golden", not ".java": test resources are copied onto the test
 * classpath, and javac would otherwise find golden/SeedGrad.java there as a source file and
 * compile it implicitly next to the freshly generated golden.SeedGrad.
 */
package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.adjoint.processor.TestSource.adjoint;
import static dev.adjoint.processor.TestSource.assertNoCrash;
import static dev.adjoint.processor.TestSource.describe;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

class GoldenSourceTest {

  /** The seed document's three examples, plus a loop with an overwrite, a while loop, branches. */
  static final String SEED = """
      package golden;

      import dev.adjoint.Activations;
      import dev.adjoint.Differentiable;
      import dev.adjoint.Losses;

      /** The seed document's worked examples, plus loops and branches. */
      public final class Seed {
        private Seed() {}

        @Differentiable
        static double square(double w) {
          return w * w;
        }

        @Differentiable(wrt = {"w", "b"})
        static double linearUnit(double w, double x, double b, double y) {
          double c = w * x;
          double a = c + b;
          double d = a - y;
          return 0.5 * d * d;
        }

        @Differentiable
        static double twoLayer(double x, double y, double w1, double b1, double w2, double b2) {
          double z1 = w1 * x + b1;
          double a1 = Activations.relu(z1);
          double z2 = w2 * a1 + b2;
          double a2 = Activations.relu(z2);
          return Losses.squaredError(a2, y);
        }

        @Differentiable
        static double iterate(double a, int n) {
          double s = 0;
          for (int i = 0; i < n; i++) {
            s = Math.sin(s) + a;
          }
          return s;
        }

        @Differentiable
        static double halve(double a) {
          while (Math.abs(a) > 0.1) {
            a *= 0.5;
          }
          return a;
        }

        @Differentiable
        static double piecewise(double x, double k) {
          if (x < 0) {
            return -k * x;
          }
          double y = x * x;
          if (y > k) {
            y = k + Math.log(y);
          }
          return y;
        }
      }
      """;

  /** A second class calling into Seed, for cross-file ordering. */
  static final String CALLER = """
      package golden;

      import dev.adjoint.Differentiable;

      final class Caller {
        private Caller() {}

        @Differentiable
        static double both(double p, double q) {
          return Seed.square(p) + helper(q);
        }

        static double helper(double v) {
          return Math.exp(v) * v;
        }
      }
      """;

  /** A layer over arrays returning double[], and a loss built from it. */
  static final String LAYER = """
      package golden;

      import dev.adjoint.Activations;
      import dev.adjoint.Differentiable;
      import dev.adjoint.Losses;

      final class Layer {
        private Layer() {}

        /** relu(W x + b). */
        @Differentiable
        static double[] dense(double[][] w, double[] b, double[] x) {
          double[] out = new double[b.length];
          for (int j = 0; j < b.length; j++) {
            double z = b[j];
            for (int i = 0; i < x.length; i++) {
              z += w[j][i] * x[i];
            }
            out[j] = Activations.relu(z);
          }
          return out;
        }

        @Differentiable(wrt = {"w", "b"})
        static double loss(double[][] w, double[] b, double[] x, int label) {
          double[] logits = dense(w, b, x);
          return Losses.softmaxCrossEntropy(logits, label);
        }
      }
      """;

  private static final boolean UPDATE = Boolean.getBoolean("adjoint.updateGolden");

  private static Path goldenDir() {
    String base = System.getProperty("basedir");
    Path module = base != null ? Path.of(base) : Path.of("").toAbsolutePath();
    if (!Files.isDirectory(module.resolve("src/test/resources"))
        && Files.isDirectory(module.resolve("processor/src/test/resources"))) {
      module = module.resolve("processor");
    }
    return module.resolve("src/test/resources/golden");
  }

  private static JavaFileObject seed() {
    return JavaFileObjects.forSourceString("golden.Seed", SEED);
  }

  private static JavaFileObject caller() {
    return JavaFileObjects.forSourceString("golden.Caller", CALLER);
  }

  static Compilation compile(JavaFileObject... files) {
    // The goldens show graph methods too, which are off by default.
    Compilation c = adjoint().withOptions("-Xlint:all", "-Aadjoint.graph=true").compile(files);
    assertNoCrash(c);
    assertWithMessage(describe(c.diagnostics())).that(c.status())
        .isEqualTo(Compilation.Status.SUCCESS);
    return c;
  }

  static String generatedText(Compilation c, String qualifiedName) {
    Optional<JavaFileObject> file = c.generatedSourceFile(qualifiedName);
    assertWithMessage("no %s was generated; generated: %s", qualifiedName,
        c.generatedSourceFiles()).that(file.isPresent()).isTrue();
    try {
      return file.get().getCharContent(false).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void checkGolden(Compilation c, String qualifiedName, String goldenFile) {
    String actual = generatedText(c, qualifiedName);
    Path golden = goldenDir().resolve(goldenFile);
    try {
      if (UPDATE) {
        Files.createDirectories(golden.getParent());
        Files.writeString(golden, actual, StandardCharsets.UTF_8);
        return;
      }
      assertWithMessage("golden file %s is missing; run with -Dadjoint.updateGolden=true", golden)
          .that(Files.exists(golden)).isTrue();
      String expected = Files.readString(golden, StandardCharsets.UTF_8);
      JavaFileObject expectedFile = JavaFileObjects.forSourceString(qualifiedName, expected);
      if (compilerInternalsExported()) {
        assertThat(c).generatedSourceFile(qualifiedName).hasSourceEquivalentTo(expectedFile);
      } else {
        // compile-testing's tree differ needs jdk.compiler internals, which surefire does not
        // export here (no --add-exports in argLine): compare the parsed trees instead.
        assertWithMessage("generated %s is not source-equivalent to %s", qualifiedName, golden)
            .that(parsedTree(actual, qualifiedName)).isEqualTo(parsedTree(expected, qualifiedName));
      }
      assertWithMessage("generated %s is not byte-identical to %s", qualifiedName, golden)
          .that(actual).isEqualTo(expected);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether compile-testing's {@code hasSourceEquivalentTo} can run in this JVM. */
  private static boolean compilerInternalsExported() {
    Module javac = ModuleLayer.boot().findModule("jdk.compiler").orElseThrow();
    Module us = GoldenSourceTest.class.getModule();
    return javac.isExported("com.sun.tools.javac.util", us)
        && javac.isExported("com.sun.tools.javac.api", us)
        && javac.isExported("com.sun.tools.javac.tree", us);
  }

  /** The source's syntax tree, printed by javac: formatting-independent, through public API. */
  private static String parsedTree(String source, String qualifiedName) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    JavacTask task = (JavacTask) javac.getTask(null, null, null, List.of("-proc:none"), null,
        List.of(JavaFileObjects.forSourceString(qualifiedName, source)));
    try {
      StringBuilder sb = new StringBuilder();
      for (CompilationUnitTree unit : task.parse()) {
        sb.append(unit);
      }
      return sb.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void seedGradMatchesGolden() {
    Compilation c = compile(seed());
    checkGolden(c, "golden.SeedGrad", "SeedGrad.java.golden");
  }

  @Test
  void callerGradMatchesGolden() {
    Compilation c = compile(seed(), caller());
    checkGolden(c, "golden.CallerGrad", "CallerGrad.java.golden");
    // Seed's own gradient class does not change because another class calls into it.
    assertThat(generatedText(c, "golden.SeedGrad"))
        .isEqualTo(generatedText(compile(seed()), "golden.SeedGrad"));
  }

  @Test
  void layerGradMatchesGoldenAndCompilesWithXlintAllWerror() {
    JavaFileObject layer = JavaFileObjects.forSourceString("golden.Layer", LAYER);
    Compilation c = compile(layer);
    checkGolden(c, "golden.LayerGrad", "LayerGrad.java.golden");
    Compilation strict = Compiler.javac().withOptions("-Xlint:all", "-Werror").compile(layer,
        JavaFileObjects.forSourceString("golden.LayerGrad", generatedText(c, "golden.LayerGrad")));
    assertWithMessage(describe(strict.diagnostics())).that(strict.status())
        .isEqualTo(Compilation.Status.SUCCESS);
  }

  @Test
  void generatedSeedGradCompilesWithXlintAllWerror() {
    String generated = generatedText(compile(seed()), "golden.SeedGrad");
    Compilation c = Compiler.javac().withOptions("-Xlint:all", "-Werror")
        .compile(seed(), JavaFileObjects.forSourceString("golden.SeedGrad", generated));
    assertWithMessage(describe(c.diagnostics())).that(c.status())
        .isEqualTo(Compilation.Status.SUCCESS);
    assertWithMessage(describe(c.diagnostics())).that(c.diagnostics()).isEmpty();
  }

  @Test
  void generatedCallerGradCompilesWithXlintAllWerror() {
    Compilation first = compile(seed(), caller());
    Compilation c = Compiler.javac().withOptions("-Xlint:all", "-Werror").compile(seed(), caller(),
        JavaFileObjects.forSourceString("golden.SeedGrad", generatedText(first, "golden.SeedGrad")),
        JavaFileObjects.forSourceString("golden.CallerGrad",
            generatedText(first, "golden.CallerGrad")));
    assertWithMessage(describe(c.diagnostics())).that(c.status())
        .isEqualTo(Compilation.Status.SUCCESS);
    assertWithMessage(describe(c.diagnostics())).that(c.diagnostics()).isEmpty();
  }

  // ---------------------------------------------------------------------------- determinism

  @Test
  void compilingTwiceGivesIdenticalOutput() {
    String first = generatedText(compile(seed()), "golden.SeedGrad");
    String second = generatedText(compile(seed()), "golden.SeedGrad");
    assertThat(second).isEqualTo(first);
  }

  @Test
  void fileOrderDoesNotChangeOutput() {
    Compilation forward = compile(seed(), caller());
    Compilation backward = compile(caller(), seed());
    assertThat(generatedText(backward, "golden.SeedGrad"))
        .isEqualTo(generatedText(forward, "golden.SeedGrad"));
    assertThat(generatedText(backward, "golden.CallerGrad"))
        .isEqualTo(generatedText(forward, "golden.CallerGrad"));
  }

  /**
   * Declaring the methods in another order may reorder the generated members (they follow the
   * declarations), but every member must be byte-identical.
   */
  @Test
  void methodOrderDoesNotChangeAnyGeneratedMember() {
    String reordered = reverseMethods(SEED);
    assertThat(reordered).isNotEqualTo(SEED);
    String forward = generatedText(compile(seed()), "golden.SeedGrad");
    String backward = generatedText(
        compile(JavaFileObjects.forSourceString("golden.Seed", reordered)), "golden.SeedGrad");
    assertThat(members(backward)).containsExactlyElementsIn(members(forward));
    assertThat(header(backward)).isEqualTo(header(forward));
  }

  /** The Seed source with its @Differentiable methods in reverse order. */
  static String reverseMethods(String source) {
    String[] parts = source.split("\n\n  @Differentiable", -1);
    // parts[0] is the header; the last part ends with the class's closing brace.
    List<String> methods = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      methods.add("  @Differentiable" + parts[i]);
    }
    String last = methods.remove(methods.size() - 1);
    int close = last.lastIndexOf("\n}");
    methods.add(last.substring(0, close + 1));
    String tail = last.substring(close + 1);
    Collections.reverse(methods);
    StringBuilder sb = new StringBuilder(parts[0]);
    for (String m : methods) {
      sb.append("\n\n").append(m.endsWith("\n") ? m.substring(0, m.length() - 1) : m);
    }
    return sb.append("\n").append(tail).toString();
  }

  /** The generated class's members: blocks separated by a blank line, at member indentation. */
  private static List<String> members(String generated) {
    int open = generated.indexOf("{\n", generated.indexOf("class "));
    String body = generated.substring(open + 2, generated.lastIndexOf('}'));
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : body.split("\n", -1)) {
      if (line.isEmpty() && current.length() > 0) {
        out.add(current.toString());
        current.setLength(0);
      } else if (!line.isEmpty()) {
        current.append(line).append('\n');
      }
    }
    if (current.length() > 0) {
      out.add(current.toString());
    }
    return out;
  }

  private static String header(String generated) {
    return generated.substring(0, generated.indexOf("{\n", generated.indexOf("class ")));
  }
}
