/*
 * Golden generated source for writes into the rows of a double[][] parameter (issue 13).
 *
 * Regenerate after an intended change to the generated code with
 *
 *   mvn -q -pl runtime,processor test -Dtest='ParamRowsGoldenTest' \
 *       -Dsurefire.failIfNoSpecifiedTests=false -Dadjoint.updateGolden=true
 *
 * and review the diff of processor/src/test/resources/golden/ScaleRowsGrad.java.golden.
 */
package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static dev.adjoint.processor.TestSource.adjoint;
import static dev.adjoint.processor.TestSource.assertNoCrash;
import static dev.adjoint.processor.TestSource.describe;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

class ParamRowsGoldenTest {
  private static final boolean UPDATE = Boolean.getBoolean("adjoint.updateGolden");

  /** Scales each row in place through a row alias and directly, then reads the matrix. */
  static final String SCALE_ROWS = """
      package golden;

      import dev.adjoint.Differentiable;

      /** Rows of a parameter matrix written in place. */
      final class ScaleRows {
        private ScaleRows() {}

        @Differentiable
        static double scale(double[][] m, double c) {
          for (int i = 0; i < m.length; i++) {
            double[] r = c > 0 ? m[i] : m[0];
            for (int j = 0; j < r.length; j++) {
              r[j] *= c;
            }
            m[i][0] = Math.sin(m[i][0]);
          }
          return m[0][0] * m[1][1];
        }
      }
      """;

  @Test
  void scaleRowsGradMatchesGoldenAndCompilesWithXlintAllWerror() throws IOException {
    JavaFileObject source = JavaFileObjects.forSourceString("golden.ScaleRows", SCALE_ROWS);
    Compilation c = adjoint().withOptions("-Xlint:all").compile(source);
    assertNoCrash(c);
    assertWithMessage(describe(c.diagnostics())).that(c.status())
        .isEqualTo(Compilation.Status.SUCCESS);
    String actual = c.generatedSourceFile("golden.ScaleRowsGrad").orElseThrow()
        .getCharContent(true).toString();
    Path golden = goldenDir().resolve("ScaleRowsGrad.java.golden");
    if (UPDATE) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    } else {
      assertWithMessage("golden file %s", golden).that(actual)
          .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
    Compilation strict = Compiler.javac().withOptions("-Xlint:all", "-Werror").compile(source,
        JavaFileObjects.forSourceString("golden.ScaleRowsGrad", actual));
    assertWithMessage(describe(strict.diagnostics())).that(strict.status())
        .isEqualTo(Compilation.Status.SUCCESS);
    assertThat(actual).contains("mCaller[i][0] = mLocal[i][0];");
  }

  private static Path goldenDir() {
    String base = System.getProperty("basedir");
    Path module = base != null ? Path.of(base) : Path.of("").toAbsolutePath();
    if (!Files.isDirectory(module.resolve("src/test/resources"))
        && Files.isDirectory(module.resolve("processor/src/test/resources"))) {
      module = module.resolve("processor");
    }
    return module.resolve("src/test/resources/golden");
  }
}
