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

  @Test
  void writingIntoTheRowAHelperReturnsOfAParameterMatrix() {
    TestSource src = t("""
        final class T {
          static double[] rowOf(double[][] m, int i) {
            return m[i];
          }

          @Differentiable
          static double loss(double[][] m, double v) {
            rowOf(m, 0)[1] = v;
            return m[0][1] * m[1][0];
          }
        }
        """);
    Compilation c = compile(src);
    // followed since writes into the rows of a parameter matrix are (ParamRowsTest checks the
    // values): the write is redirected to the matrix's copy and written through
    assertThat(c).succeededWithoutWarnings();
  }

  /** A writing helper returning its argument is fine there (gradients/ComputedRowTest). */
  @Test
  void writingIntoTheNewArrayAHelperReturns() {
    TestSource src = t("""
        final class T {
          static double[] twice(double[] v) {
            return new double[] {2 * v[0], 2 * v[1]};
          }

          @Differentiable
          static double loss(double[] x, double v) {
            double[] t = x.clone();
            twice(t)[0] = v;
            return t[0] * t[1];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[adjoint:field-write] writing into the array a call"
        + " returns is supported only for a helper that returns an array it received, or a row"
        + " of one (rowOf(m, i)[j] = v;, clip(t, c)[0] = v;); assign the result to a local array"
        + " first (double[] r = f(...); r[j] = v;)")
        .inFile(src.file).onLine(src.line("twice(t)[0] = v;"))
        .atColumn(src.column("twice(t)[0] = v;", "= v;"));
  }
}
