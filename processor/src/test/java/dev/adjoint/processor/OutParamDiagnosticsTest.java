package dev.adjoint.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.adjoint.processor.TestSource.adjoint;
import static dev.adjoint.processor.TestSource.assertNoCrash;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * The errors at a call of a helper that may write into the arrays it receives, where Adjoint
 * cannot follow the write (issue 13): the same array passed twice, the call inside a larger
 * expression, a {@code @Differentiable} callee, a parameter of a {@code @Differentiable} method
 * passed to it, and a public helper writing its parameter. Each checks file, line, column and
 * message, and that it is the only error.
 */
class OutParamDiagnosticsTest {
  private static final String HEADER = """
      package t;

      import dev.adjoint.Differentiable;

      """;

  private static TestSource t(String classText) {
    return TestSource.of("t.T", HEADER + classText);
  }

  private static Compilation compile(TestSource src) {
    Compilation c = adjoint().compile(src.file);
    assertNoCrash(c);
    return c;
  }

  @Test
  void sameArrayPassedForAWrittenParameterAndAnother() {
    TestSource src = t("""
        final class T {
          static void addSquares(double[] src, double[] dst) {
            for (int i = 0; i < dst.length; i++) {
              dst[i] += src[i] * src[i];
            }
          }

          @Differentiable
          static double loss(double[] w) {
            double[] x = w.clone();
            addSquares(x, x);
            return x[0];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("T.addSquares may write into the array passed as its"
        + " parameter 'dst', and 'x' is passed for another parameter too")
        .inFile(src.file).onLine(src.line("addSquares(x, x);"))
        .atColumn(src.column("addSquares(x, x);", "("));
  }

  @Test
  void writingCallInsideAnExpression() {
    TestSource src = t("""
        final class T {
          static double put(double[] v, double s) {
            v[0] = s * s;
            return s;
          }

          @Differentiable
          static double loss(double a) {
            double[] y = new double[2];
            double z = 2 * put(y, a);
            return z + y[0];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("T.put may write into the array passed as its parameter"
        + " 'v', so Adjoint differentiates a call of it only as a statement of its own")
        .inFile(src.file).onLine(src.line("2 * put(y, a)"))
        .atColumn(src.column("2 * put(y, a)", "("));
  }

  @Test
  void differentiableCalleeThatWritesItsParameter() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double scale(double[] v, double s) {
            v[0] *= s;
            return v[0];
          }

          @Differentiable
          static double loss(double[] w, double a) {
            double[] y = w.clone();
            double r = scale(y, a);
            return r + y[1];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("T.scale may write into the array passed as its parameter"
        + " 'v', and its gradient works on a copy of that array")
        .inFile(src.file).onLine(src.line("double r = scale(y, a);"))
        .atColumn(src.column("double r = scale(y, a);", "("));
  }

  @Test
  void parameterOfAPublicDifferentiableMethodPassedToAWritingHelper() {
    // a method that is not public may (gradients/HelperParamWriteTest): its copy is written
    // through; a gradient compiled elsewhere could call a public one without seeing the write
    TestSource src = t("""
        public final class T {
          static void put(double[] v, double s) {
            v[0] = s * s;
          }

          @Differentiable
          public static double loss(double[] w, double a) {
            put(w, a);
            return w[0] * w[1];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("here the parameter 'w' of a @Differentiable method")
        .inFile(src.file).onLine(src.line("put(w, a);")).atColumn(src.column("put(w, a);", "("));
  }

  @Test
  void publicHelperWritingItsParameter() {
    TestSource src = t("""
        final class T {
          public static void put(double[] v, double s) {
            v[0] = s * s;
          }

          @Differentiable
          static double loss(double a) {
            double[] y = new double[2];
            put(y, a);
            return y[0];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("writing into parameter array 'v' is supported only in a"
        + " method that is not public or protected")
        .inFile(src.file).onLine(src.line("v[0] = s * s;"));
  }

  @Test
  void distinctArraysAreFine() {
    TestSource src = t("""
        final class T {
          static void addSquares(double[] src, double[] dst) {
            for (int i = 0; i < dst.length; i++) {
              dst[i] += src[i] * src[i];
            }
          }

          @Differentiable
          static double loss(double[] w) {
            double[] x = w.clone();
            double[] y = new double[w.length];
            addSquares(x, y);
            addSquares(y, x);
            return x[0] + y[1];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void matrixAndAnArrayItMayHoldAsARow() {
    TestSource src = t("""
        final class T {
          static void scale(double[][] m, double[] by) {
            for (int i = 0; i < m.length; i++) {
              m[i][0] *= by[0];
            }
          }

          @Differentiable
          static double loss(double[] w) {
            double[] x = w.clone();
            double[][] m = new double[2][w.length];
            m[1] = x;
            scale(m, x);
            return m[0][0] + x[0];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("T.scale may write into the array passed as its parameter"
        + " 'm', and 'm' and 'x' may refer to the same array (or one to a row of the other)"
        + " through a reference assignment in this method")
        .inFile(src.file).onLine(src.line("scale(m, x);"))
        .atColumn(src.column("scale(m, x);", "("));
  }
}
