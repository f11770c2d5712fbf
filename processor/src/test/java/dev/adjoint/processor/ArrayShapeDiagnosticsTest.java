package dev.adjoint.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.adjoint.processor.TestSource.adjoint;
import static dev.adjoint.processor.TestSource.assertNoCrash;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * The last array shapes of issue 13 that stay errors (the accepted ones are
 * gradients/ChosenElementTest and ReturnedAliasTest): each an error at its expression, alone,
 * with its id and what to do.
 */
class ArrayShapeDiagnosticsTest {

  private static TestSource t(String classText) {
    return TestSource.of("t.T", "package t;\n\nimport dev.adjoint.Differentiable;\n\n"
        + classText);
  }

  private static Compilation compile(TestSource src) {
    Compilation c = adjoint().compile(src.file);
    assertNoCrash(c);
    return c;
  }

  @Test
  void nullAmongTheArraysAConditionalChoosesIsAnError() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double[] h, double c) {
            return (c > 0 ? h : null)[0] * c;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[adjoint:array-alias] an array chosen by ?: cannot be null"
        + " in a @Differentiable method: the gradient follows each array with an adjoint array"
        + " of its shape; give it an array (new double[n])")
        .inFile(src.file).onLine(src.line("return (c > 0 ? h : null)[0] * c;"))
        .atColumn(src.column("return (c > 0 ? h : null)[0] * c;", "null"));
  }
}
