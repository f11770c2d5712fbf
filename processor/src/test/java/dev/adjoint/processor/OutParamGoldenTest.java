/*
 * Golden generated source for RK4 with an out-parameter right-hand side (issue 13).
 *
 * Regenerate after an intended change to the generated code with
 *
 *   mvn -q -pl runtime,processor test -Dtest='OutParamGoldenTest' \
 *       -Dsurefire.failIfNoSpecifiedTests=false -Dadjoint.updateGolden=true
 *
 * and review the diff of processor/src/test/resources/golden/OdeGrad.java.golden.
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

class OutParamGoldenTest {
  private static final boolean UPDATE = Boolean.getBoolean("adjoint.updateGolden");

  /** RK4 whose stages call a void right-hand side writing into its second argument. */
  static final String ODE = """
      package golden;

      import dev.adjoint.Differentiable;

      /** A pendulum integrated by RK4; the right-hand side writes into dydt. */
      final class Ode {
        private Ode() {}

        static void rhs(double[] y, double[] dydt, double k) {
          dydt[0] = y[1];
          dydt[1] = -k * Math.sin(y[0]);
        }

        @Differentiable(wrt = {"y0", "k"})
        static double rk4(double[] y0, double k, double h, int steps) {
          double[] y = y0.clone();
          double[] k1 = new double[2];
          double[] k2 = new double[2];
          double[] k3 = new double[2];
          double[] k4 = new double[2];
          double[] t = new double[2];
          for (int s = 0; s < steps; s++) {
            rhs(y, k1, k);
            for (int i = 0; i < 2; i++) {
              t[i] = y[i] + 0.5 * h * k1[i];
            }
            rhs(t, k2, k);
            for (int i = 0; i < 2; i++) {
              t[i] = y[i] + 0.5 * h * k2[i];
            }
            rhs(t, k3, k);
            for (int i = 0; i < 2; i++) {
              t[i] = y[i] + h * k3[i];
            }
            rhs(t, k4, k);
            for (int i = 0; i < 2; i++) {
              y[i] += h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            }
          }
          return y[0];
        }
      }
      """;

  @Test
  void odeGradMatchesGoldenAndCompilesWithXlintAllWerror() throws IOException {
    JavaFileObject ode = JavaFileObjects.forSourceString("golden.Ode", ODE);
    Compilation c = adjoint().withOptions("-Xlint:all").compile(ode);
    assertNoCrash(c);
    assertWithMessage(describe(c.diagnostics())).that(c.status())
        .isEqualTo(Compilation.Status.SUCCESS);
    String actual = c.generatedSourceFile("golden.OdeGrad").orElseThrow()
        .getCharContent(true).toString();
    Path golden = goldenDir().resolve("OdeGrad.java.golden");
    if (UPDATE) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    } else {
      assertWithMessage("golden file %s", golden).that(actual)
          .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
    Compilation strict = Compiler.javac().withOptions("-Xlint:all", "-Werror").compile(ode,
        JavaFileObjects.forSourceString("golden.OdeGrad", actual));
    assertWithMessage(describe(strict.diagnostics())).that(strict.status())
        .isEqualTo(Compilation.Status.SUCCESS);
    assertThat(actual).contains("AdjointArrays.push(tape, k1);");
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
