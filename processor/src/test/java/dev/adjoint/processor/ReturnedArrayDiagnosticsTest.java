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

  /**
   * A helper returning an argument or a new array by branch is followed when its result is
   * assigned whole and its array arguments are variables (MaybeCopyTest); given a row, the
   * caller could not name the candidate again after the call: still an error, at the call.
   */
  @Test
  void helperReturningAnArgumentOrANewArrayGivenARow() {
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
            double[][] h = {{a, 2 * a}, {a, a}};
            double[] y = maybe(h[0], a);
            return y[0] * h[0][1];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[adjoint:array-alias] T.maybe may return an array it"
        + " received (or a row of one), and Adjoint follows such a result only when every"
        + " return gives the same parameter (return v;) or the same row of one (return m[i];"
        + " with an int parameter i or a constant), none of them assigned in the helper, or,"
        + " for a helper that writes into none of its arrays and may also return a new array,"
        + " when the call is the whole value of an assignment (double[] q = f(x, ...);) whose"
        + " array arguments are variables of the result's type;")
        .inFile(src.file).onLine(src.line("double[] y = maybe(h[0], a);"))
        .atColumn(src.column("double[] y = maybe(h[0], a);", "(h[0], a)"));
  }

  /**
   * Gaps.maybeCopy of issue 13 read inside an expression: the caller chooses the result's shadow
   * by reference identity only for a result it assigns whole; still an error, at the call.
   */
  @Test
  void helperReturningItsArgumentOrACopyReadInsideAnExpression() {
    TestSource src = t("""
        final class T {
          static double[] maybeCopy(double[] v, boolean copy) {
            if (copy) {
              double[] w = v.clone();
              w[0] = 2 * w[0];
              return w;
            }
            return v;
          }

          static double sum(double[] v) {
            return v[0] + v[1];
          }

          @Differentiable
          static double loss(double a, double c) {
            double[] w = {a, a * c};
            double s = sum(maybeCopy(w, c > 0));
            return s + w[1];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(2);
    assertThat(c).hadErrorContaining("[adjoint:array-result] a differentiated call returning an"
        + " array is supported only as the initializer of a local array")
        .inFile(src.file).onLine(src.line("double s = sum(maybeCopy(w, c > 0));"))
        .atColumn(src.column("double s = sum(maybeCopy(w, c > 0));", "(w, c"));
    assertThat(c).hadErrorContaining("[adjoint:array-alias] T.maybeCopy may return an array it"
        + " received (or a row of one), and Adjoint follows such a result only when every"
        + " return gives the same parameter (return v;) or the same row of one")
        .inFile(src.file).onLine(src.line("double s = sum(maybeCopy(w, c > 0));"))
        .atColumn(src.column("double s = sum(maybeCopy(w, c > 0));", "(w, c"));
  }

  /**
   * A helper that writes into its argument and returns it, or returns a copy: the identity
   * choice is made only for helpers that write into none of their arrays; still an error.
   */
  @Test
  void writingHelperReturningItsArgumentOrACopy() {
    TestSource src = t("""
        final class T {
          static double[] scaleOrCopy(double[] v, double s) {
            if (s > 0) {
              v[0] = s * v[0];
              return v;
            }
            return v.clone();
          }

          @Differentiable
          static double loss(double a, double c) {
            double[] w = {a, a * c};
            double[] q = scaleOrCopy(w, c);
            return q[0] + w[1];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(2);
    assertThat(c).hadErrorContaining("[adjoint:helper-array-write] T.scaleOrCopy may write into"
        + " the array passed as its parameter 'v'")
        .inFile(src.file).onLine(src.line("double[] q = scaleOrCopy(w, c);"));
    assertThat(c).hadErrorContaining("[adjoint:array-alias] T.scaleOrCopy may return an array"
        + " it received (or a row of one), and Adjoint follows such a result only when every"
        + " return gives the same parameter (return v;) or the same row of one")
        .inFile(src.file).onLine(src.line("double[] q = scaleOrCopy(w, c);"))
        .atColumn(src.column("double[] q = scaleOrCopy(w, c);", "(w, c)"));
  }

  @Test
  void writingHelperReturningItsArgumentInsideAConditionalOperand() {
    TestSource src = t("""
        final class T {
          static double[] clip(double[] v, double c) {
            for (int i = 0; i < v.length; i++) {
              v[i] = c * Math.tanh(v[i] / c);
            }
            return v;
          }

          static double sum(double[] v) {
            return v[0] + v[1];
          }

          @Differentiable
          static double loss(double a) {
            double[][] m = {{a, 2 * a}, {a, a}};
            int n = m.length;
            double s = a > 0 ? sum(clip(m[n - 2], a)) : a;
            return s * m[0][1];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[adjoint:array-alias] T.clip returns the array passed as"
        + " its parameter 'v' and does more than return it, so Adjoint calls it as a statement"
        + " of its own, before the expression that reads its result, and reads the caller's"
        + " array there instead: that needs a local array (or a row m[i] of one, with no matrix"
        + " passed beside it) for that argument, and a call that is not inside an operand of"
        + " ?:, && or || (evaluated only sometimes) nor in a loop condition; assign the argument"
        + " to a local array first and call clip in a statement of its own (double[] a = ...;"
        + " double[] y = clip(a, ...);)")
        .inFile(src.file).onLine(src.line("double s = a > 0 ? sum(clip(m[n - 2], a)) : a;"))
        .atColumn(src.column("double s = a > 0 ? sum(clip(m[n - 2], a)) : a;", "(m[n"));
  }

  @Test
  void writingHelperReturningItsArgumentInALoopCondition() {
    TestSource src = t("""
        final class T {
          static double[] halve(double[] v) {
            for (int i = 0; i < v.length; i++) {
              v[i] = 0.5 * v[i];
            }
            return v;
          }

          @Differentiable
          static double loss(double a) {
            double[] h = {a, 2 * a};
            while (halve(h)[0] > 0.1) {
              h[1] += a;
            }
            return h[1];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("[adjoint:array-alias] T.halve returns the array passed as"
        + " its parameter 'v' and does more than return it")
        .inFile(src.file).onLine(src.line("while (halve(h)[0] > 0.1) {"))
        .atColumn(src.column("while (halve(h)[0] > 0.1) {", "(h)"));
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
