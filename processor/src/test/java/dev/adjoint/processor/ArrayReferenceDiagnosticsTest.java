package dev.adjoint.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.adjoint.processor.TestSource.adjoint;
import static dev.adjoint.processor.TestSource.assertNoCrash;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * The errors that remain now that local arrays are references (issue 13): what the shadow
 * model cannot follow, each at its expression, alone; and that javac's own type errors in an
 * array assignment stand alone.
 */
class ArrayReferenceDiagnosticsTest {

  private static TestSource t(String classText) {
    return TestSource.of("t.T", "package t;\n\nimport dev.adjoint.Differentiable;\n\n"
        + classText);
  }

  private static Compilation compile(TestSource src) {
    Compilation c = adjoint().compile(src.file);
    assertNoCrash(c);
    return c;
  }

  /**
   * A helper's writes through another name for its parameter's array, and through the parameter
   * before it is reassigned, are writes of the helper like any other (the caller saves and
   * restores what it passes): they compile; gradients/HelperAliasTest proves their values.
   */
  @Test
  void writesThroughAnAliasOfAHelpersParameterArrayCompile() {
    TestSource src = t("""
        final class T {
          static double helper(double a, double[] xs) {
            double[] ys = xs;
            ys[0] = a * ys[1];
            return ys[0];
          }

          static double reassigning(double a, double[] xs) {
            double[] other = {a, a};
            if (a > 0) {
              xs[0] = a;
            }
            xs = other;
            xs[1] = a * a;
            return xs[0] + xs[1];
          }

          @Differentiable
          static double loss(double a, double[] xs) {
            double h = helper(a, xs.clone());
            double r = reassigning(a, xs.clone());
            return h + r;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("t.TGrad");
  }

  /**
   * A helper writing into its parameter's array held as a row of a local matrix: its callers
   * could not see that it writes into the parameter (their gradient would be silently wrong).
   */
  @Test
  void helperWritingIntoItsParameterHeldAsARowOfALocalMatrix() {
    TestSource src = t("""
        final class T {
          static double helper(double[] x, double a) {
            double[][] m = new double[2][];
            m[0] = new double[2];
            m[1] = x;
            m[1][0] = a * m[1][1];
            return m[1][0];
          }

          @Differentiable
          static double loss(double[] x, double a) {
            double[] t = x.clone();
            double s = helper(t, a);
            return t[0] * t[1] + s;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[adjoint:parameter-write] 'm' may refer to the array of"
        + " parameter 'x' here, and a helper (a method without @Differentiable) may write into"
        + " a parameter's array only through the parameter's own name or a local array given"
        + " it directly (double[] y = x; var; ?:), not through a row of a local matrix or the"
        + " result of a call; write through 'x', or copy it first (x.clone())")
        .inFile(src.file).onLine(src.line("m[1][0] = a * m[1][1];"));
  }

  @Test
  void aRowOfAParameterMatrixHeldInALocalMatrix() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a, double[] xs) {
            double[][] m = new double[2][];
            m[0] = new double[2];
            m[1] = xs;
            m[0][1] = a * m[1][0];
            return m[0][1];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[adjoint:parameter-write] 'm' may refer to the array of"
        + " parameter 'xs' here, and Adjoint follows writes into it through another name only"
        + " as an element write through a local of the same type ('m[i] = ...'); copy it first"
        + " (xs.clone())")
        .inFile(src.file).onLine(src.line("m[0][1] = a * m[1][0];"));
  }

  @Test
  void anArrayHeldInAFieldGivenALocalName() {
    TestSource src = t("""
        final class T {
          static final double[] TABLE = {1.0, 2.0};

          @Differentiable
          static double loss(double a) {
            double[] t = TABLE;
            t[0] = a;
            return t[0] * t[1];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("'TABLE' is an array held in a field, which Adjoint cannot"
        + " follow through another name: a write through it would change the field; index the"
        + " field directly, or copy it (TABLE.clone())")
        .inFile(src.file).onLine(src.line("double[] t = TABLE;"))
        .atColumn(src.column("double[] t = TABLE;", "TABLE;"));
  }

  @Test
  void anArraySetToNull() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a) {
            double[] h = {a};
            double s = h[0] * a;
            h = null;
            return s;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("an array variable cannot be set to null in a"
        + " @Differentiable method")
        .inFile(src.file).onLine(src.line("h = null;"));
  }

  @Test
  void aTypeMismatchIsJavacsErrorAlone() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a) {
            double[] h = {a};
            h = a;
            return h[0];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("incompatible types").inFile(src.file)
        .onLine(src.line("h = a;"));
  }
}
