/*
 * Golden generated source for records (issue 17). Regenerate after an intended change with
 *
 *   mvn -q -pl processor -am test -Dtest='dev.adjoint.processor.RecordGoldenTest' \
 *       -Dsurefire.failIfNoSpecifiedTests=false -Dadjoint.updateGolden=true
 *
 * and review the diff before committing it.
 */
package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.adjoint.processor.TestSource.adjoint;
import static dev.adjoint.processor.TestSource.assertNoCrash;
import static dev.adjoint.processor.TestSource.describe;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class RecordGoldenTest {

  /** An MLP as a record, with its loss as an instance method. */
  static final String MLP = """
      package golden;

      import dev.adjoint.Differentiable;
      import dev.adjoint.Losses;

      /** A one-hidden-layer network as a record of its weights. */
      public record Mlp(double[][] w1, double[] b1, double[][] w2, double[] b2) {
        /** The cross-entropy loss of one example; its gradient's self() is an Mlp. */
        @Differentiable
        double loss(double[] x, int label) {
          double[] h = new double[b1.length];
          for (int j = 0; j < h.length; j++) {
            double z = b1[j];
            for (int i = 0; i < x.length; i++) {
              z += w1[j][i] * x[i];
            }
            h[j] = Math.max(z, 0.0);
          }
          double[] logits = new double[b2.length];
          for (int k = 0; k < logits.length; k++) {
            double z = b2[k];
            for (int j = 0; j < h.length; j++) {
              z += w2[k][j] * h[j];
            }
            logits[k] = z;
          }
          return Losses.softmaxCrossEntropy(logits, label);
        }

        /** The mean loss of a batch, calling loss on this. */
        @Differentiable(wrt = {"self"})
        double batchLoss(double[][] xs, int[] labels) {
          double sum = 0;
          for (int n = 0; n < labels.length; n++) {
            double[] x = xs[n];
            sum += loss(x, labels[n]);
          }
          return sum / labels.length;
        }
      }
      """;

  /** Nested records, a component carrying no derivative, and a component path in wrt. */
  static final String NESTED = """
      package golden;

      import dev.adjoint.Differentiable;

      /** A spring and its damper, nested in a model with a name. */
      final class Nested {
        private Nested() {}

        record Spring(double k, double rest) {}

        record Model(Spring spring, double damping, String name) {}

        @Differentiable
        static double energy(Model m, double x, double v) {
          double stretch = x - m.spring().rest();
          return 0.5 * m.spring().k() * stretch * stretch + m.damping() * v * v;
        }

        @Differentiable(wrt = {"m.spring.k", "x"})
        static double stiffnessOnly(Model m, double x) {
          return m.spring().k() * x * x + m.damping() * x;
        }
      }
      """;

  /** A class whose fields are final: self() is a generated LinearGrad.Gradient. */
  static final String LINEAR = """
      package golden;

      import dev.adjoint.Differentiable;

      /** A linear model with a name, as a class whose fields are final. */
      public final class Linear {
        final double[] w;
        final double b;
        final String name;

        Linear(double[] w, double b, String name) {
          this.w = w.clone();
          this.b = b;
          this.name = name;
        }

        /** The squared error of one example. */
        @Differentiable
        double loss(double[] x, double y) {
          double z = b;
          for (int i = 0; i < w.length; i++) {
            z += w[i] * x[i];
          }
          double r = z - y;
          return 0.5 * r * r;
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

  private static void check(String name, String source, String generated) throws IOException {
    JavaFileObject file = JavaFileObjects.forSourceString("golden." + name, source);
    Compilation c = adjoint().withOptions("-Xlint:all").compile(file);
    assertNoCrash(c);
    assertWithMessage(describe(c.diagnostics())).that(c.status())
        .isEqualTo(Compilation.Status.SUCCESS);
    String actual = GoldenSourceTest.generatedText(c, "golden." + generated);
    Path golden = goldenDir().resolve(generated + ".java.golden");
    if (UPDATE) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    assertWithMessage("golden file %s is missing; run with -Dadjoint.updateGolden=true", golden)
        .that(Files.exists(golden)).isTrue();
    assertWithMessage("generated %s is not byte-identical to %s", generated, golden)
        .that(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    // The generated class compiles warning-free on its own, as a user's build compiles it.
    Compilation strict = Compiler.javac().withOptions("-Xlint:all", "-Werror")
        .compile(file, JavaFileObjects.forSourceString("golden." + generated, actual));
    assertThat(strict).succeededWithoutWarnings();
  }

  @Test
  void mlpRecordMatchesGolden() throws IOException {
    check("Mlp", MLP, "MlpGrad");
  }

  @Test
  void classWithFinalFieldsMatchesGolden() throws IOException {
    check("Linear", LINEAR, "LinearGrad");
  }

  @Test
  void nestedRecordMatchesGolden() throws IOException {
    try {
      check("Nested", NESTED, "NestedGrad");
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
