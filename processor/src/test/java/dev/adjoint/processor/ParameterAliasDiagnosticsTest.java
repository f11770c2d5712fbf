package dev.adjoint.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.adjoint.processor.TestSource.adjoint;
import static dev.adjoint.processor.TestSource.assertNoCrash;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Writes into a @Differentiable method's parameter arrays through another name that the
 * gradient cannot follow, and copies it cannot make (issue 13; the accepted ones are
 * gradients/ParamAliasTest and CopyArgsTest): each an
 * error at the write, alone, with its id and what to do.
 */
class ParameterAliasDiagnosticsTest {

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
  void aRowOfAParameterMatrixReplaced() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a, double[][] m) {
            double[] r = m[1];
            r[0] = a * r[1];
            m[0] = new double[] {a, a};
            return m[1][0] + m[0][0];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[adjoint:parameter-write] replacing a row of parameter"
        + " matrix 'm' is not supported: Adjoint follows writes of elements into its rows"
        + " (m[i][j] = ...), not of row references; write the elements of the row instead, or"
        + " copy the matrix into a local double[][] first")
        .inFile(src.file).onLine(src.line("m[0] = new double[] {a, a};"))
        .atColumn(src.column("m[0] = new double[] {a, a};", "[0]"));
  }

  @Test
  void aGradientWritingIntoItsMatrixCalledFromAnother() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double inner(double[][] m, double c) {
            m[0][1] = m[0][1] * c;
            return m[0][1];
          }

          @Differentiable
          static double outer(double[][] m, double c) {
            double[][] k = {{1, 2}, {3, 4}};
            return inner(k, c) + m[0][0];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[adjoint:helper-array-write] T.inner may write into the"
        + " array passed as its parameter 'm', and its gradient works on a copy of that array, so"
        + " a call from another gradient cannot follow the write: remove @Differentiable from it")
        .inFile(src.file).onLine(src.line("return inner(k, c) + m[0][0];"));
  }

  @Test
  void aParameterMatrixWrittenThroughAnAlias() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a, double[][] m) {
            double[][] k = m;
            k[0] = new double[] {a, a};
            return m[0][0] * a;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[adjoint:parameter-write] 'k' may refer to parameter"
        + " matrix 'm' here, and Adjoint follows writes of elements into its rows, not the"
        + " replacement of a row; write the elements of the row instead, or copy the matrix into"
        + " a local double[][] first")
        .inFile(src.file).onLine(src.line("k[0] = new double[] {a, a};"));
  }

  @Test
  void anAliasWrittenInAPublicMethod() {
    TestSource src = t("""
        public final class T {
          @Differentiable
          public static double loss(double a, double[] xs) {
            double[] ys = xs;
            ys[0] = a * ys[1];
            return xs[0];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[adjoint:parameter-write] 'ys' may refer to the array of"
        + " parameter 'xs' here, and writing into a parameter's array is supported only in a"
        + " method that is not public or protected: a gradient compiled elsewhere could call"
        + " 'loss' without seeing the write; make it package-private, or copy 'xs' into a local"
        + " array first")
        .inFile(src.file).onLine(src.line("ys[0] = a * ys[1];"));
  }

  @Test
  void aHelperWritingIntoAnAliasOfAParameter() {
    TestSource src = t("""
        final class T {
          static void scale(double[] v, double a) {
            for (int i = 0; i < v.length; i++) {
              v[i] = v[i] * a;
            }
          }

          @Differentiable
          static double loss(double a, double[] xs) {
            double[] ys = xs;
            scale(ys, a);
            return xs[0] * xs[1];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[adjoint:helper-array-write] T.scale may write into an"
        + " array passed by a name that may refer to the array of parameter 'xs' here, and"
        + " Adjoint cannot follow a helper's write into a parameter's array; copy it into a"
        + " local array first (double[] y = xs.clone();)")
        .inFile(src.file).onLine(src.line("scale(ys, a);"));
  }

  @Test
  void aHelperWritingIntoARecordComponentNamesItAsWritten() {
    TestSource src = t("""
        final class T {
          record P(double[] w) {}

          static void scale(double[] v, double a) {
            for (int i = 0; i < v.length; i++) {
              v[i] = v[i] * a;
            }
          }

          @Differentiable
          static double loss(P p, double a) {
            double[] w = p.w();
            scale(w, 1.5);
            return w[0] * a;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[adjoint:helper-array-write] T.scale may write into the"
        + " array passed as its parameter 'v', here the parameter 'p.w' of a @Differentiable"
        + " method, whose gradient must leave the caller's array as the original leaves it;"
        + " copy it into a local array first (double[] y = p.w.clone();)")
        .inFile(src.file).onLine(src.line("scale(w, 1.5);"));
  }

  @Test
  void aHelperWritingIntoARowOfAPublicMethodsMatrixSuggestsCopyingTheRow() {
    TestSource src = t("""
        public final class T {
          static void scale(double[] v, double a) {
            for (int i = 0; i < v.length; i++) {
              v[i] = v[i] * a;
            }
          }

          @Differentiable
          public static double loss(double[][] m, double a) {
            double[] r = m[1];
            scale(r, 1.5);
            return m[1][0] * a;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[adjoint:helper-array-write] T.scale may write into the"
        + " array passed as its parameter 'v', here the parameter 'm' of a @Differentiable"
        + " method, whose gradient must leave the caller's array as the original leaves it;"
        + " copy the row into a local array first (double[] row = m[i].clone();)")
        .inFile(src.file).onLine(src.line("scale(r, 1.5);"));
  }

  @Test
  void aRangeOfACallResultAsAnArgument() {
    TestSource src = t("""
        import java.util.Arrays;

        final class T {
          static double[] twice(double[] v) {
            double[] r = new double[v.length];
            for (int i = 0; i < v.length; i++) {
              r[i] = 2 * v[i];
            }
            return r;
          }

          static double sum(double[] v) {
            double s = 0;
            for (double e : v) {
              s += e;
            }
            return s;
          }

          @Differentiable
          static double loss(double[] xs) {
            return sum(Arrays.copyOfRange(twice(xs), 0, 2));
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[adjoint:array-copy] Arrays.copyOfRange is supported on an"
        + " array variable or a row m[i]; assign the array to a local first")
        .inFile(src.file).onLine(src.line("return sum(Arrays.copyOfRange(twice(xs), 0, 2));"))
        .atColumn(src.column("return sum(Arrays.copyOfRange(twice(xs), 0, 2));", "(xs)"));
  }
}
