package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.adjoint.processor.TestSource.adjoint;
import static dev.adjoint.processor.TestSource.assertNoCrash;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Helpers returning an array they received (issue 13): what stays an error, each at its call,
 * alone; and that arrays declared without allocation compile.
 */
class ReturnedArrayDiagnosticsTest {

  private static TestSource t(String classText) {
    return TestSource.of("t.T", "package t;\n\nimport dev.adjoint.Differentiable;\n"
        + "import dev.adjoint.Mode;\n\n" + classText);
  }

  private static Compilation compile(TestSource src) {
    Compilation c = adjoint().compile(src.file);
    assertNoCrash(c);
    return c;
  }

  @Test
  void helperReturningAnArgumentOrANewArrayByBranch() {
    TestSource src = t("""
        final class T {
          static double[] maybe(double[] v, double s) {
            if (s > 0) {
              return v;
            }
            return new double[] {s, s};
          }

          @Differentiable
          static double loss(double a) {
            double[] h = {a, 2 * a};
            double[] y = maybe(h, a);
            return y[0] * h[1];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[adjoint:array-alias] T.maybe may return an array it"
        + " received (or a row of one), and Adjoint follows such a result only when every"
        + " return gives the same parameter (return v;) or the same row of one (return m[i];"
        + " with an int parameter i or a constant), none of them assigned in the helper;")
        .inFile(src.file).onLine(src.line("double[] y = maybe(h, a);"))
        .atColumn(src.column("double[] y = maybe(h, a);", "(h, a)"));
  }

  @Test
  void writingHelperReturningItsArgumentGivenARowAtAComputedIndex() {
    TestSource src = t("""
        final class T {
          static double[] clip(double[] v, double c) {
            for (int i = 0; i < v.length; i++) {
              v[i] = c * Math.tanh(v[i] / c);
            }
            return v;
          }

          @Differentiable
          static double loss(double a) {
            double[][] m = {{a, 2 * a}, {a, a}};
            int n = m.length;
            double[] y = clip(m[n - 2], a);
            return y[0] * m[1][1];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[adjoint:array-alias] T.clip returns the array passed as"
        + " its parameter 'v' and does more than return it, so Adjoint reads its result as the"
        + " caller's own array only where the call is a statement of its own or the whole value"
        + " of an array declaration or assignment, with a local variable (or a row m[i] of one,"
        + " at a variable or constant index) passed there; assign the argument to a local array"
        + " first (double[] a = ...; double[] y = clip(a, ...);)")
        .inFile(src.file).onLine(src.line("double[] y = clip(m[n - 2], a);"))
        .atColumn(src.column("double[] y = clip(m[n - 2], a);", "(m[n"));
  }

  @Test
  void arrayDeclaredWithoutAllocationCompiles() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a) {
            double[] h;
            h = new double[2];
            h[1] = a * a;
            return h[1];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c.generatedSourceFiles()).isNotEmpty();
  }
}
