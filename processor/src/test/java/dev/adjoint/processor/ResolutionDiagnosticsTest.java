package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.adjoint.processor.TestSource.adjoint;
import static dev.adjoint.processor.TestSource.assertNoCrash;
import static dev.adjoint.processor.TestSource.describe;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: valid Java that Adjoint's front end cannot resolve is an error of ours at the
 * expression, never a method silently left without a gradient; code javac rejects keeps javac's
 * error alone. Every error is checked by file, line, column and message.
 */
class ResolutionDiagnosticsTest {

  private static final String HEADER = """
      package t;

      import dev.adjoint.Differentiable;
      import java.util.List;

      """;

  private static TestSource t(String classText) {
    return TestSource.of("t.T", HEADER + classText);
  }

  private static Compilation compile(TestSource src) {
    Compilation c = adjoint().compile(src.file);
    assertNoCrash(c);
    return c;
  }

  /** javac alone accepts the source: whatever fails is Adjoint's doing. */
  private static void assertValidJava(TestSource src) {
    assertThat(Compiler.javac().compile(src.file)).succeeded();
  }

  /** javac rejects the source, and Adjoint adds nothing to its errors. */
  private static void assertJavacErrorsAlone(TestSource src) {
    Compilation plain = Compiler.javac().compile(src.file);
    Compilation withAdjoint = compile(src);
    assertThat(plain).failed();
    assertWithMessage("Adjoint added errors:\n%s", describe(withAdjoint.errors()))
        .that(messages(withAdjoint.errors())).isEqualTo(messages(plain.errors()));
  }

  private static List<String> messages(
      List<? extends Diagnostic<? extends JavaFileObject>> diagnostics) {
    return diagnostics.stream()
        .map(d -> d.getLineNumber() + ":" + d.getColumnNumber() + ":" + d.getMessage(Locale.ROOT))
        .toList();
  }

  // ------------------------------------------------------------------------ item 3: var

  @Test
  void varAliasingAParameterArrayIsAcceptedLikeTheExplicitType() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double explicit(double[] x) {
            double[] y = x;
            return y[0];
          }

          @Differentiable
          static double inferred(double[] x) {
            var y = x;
            return y[0];
          }

          @Differentiable
          static double inferredFinal(double[] x) {
            final var y = (x);
            return y[0];
          }
        }
        """);
    assertValidJava(src);
    Compilation c = compile(src);
    // arrays are references now (issue 13): 'var' and the explicit type are accepted alike
    assertThat(c).succeeded();
    assertThat(c).hadErrorCount(0);
  }

  @Test
  void varArrayOfChangingSizeInsideALoopIsAcceptedLikeTheExplicitType() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a) {
            double s = 0;
            for (int i = 0; i < 3; i++) {
              var h = new double[i + 1];
              h[0] = a;
              s += h[0];
            }
            return s;
          }
        }
        """);
    assertValidJava(src);
    Compilation c = compile(src);
    // an array whose size the loop changes is allocated where Java allocates it (issue 13)
    assertThat(c).succeeded();
    assertThat(c).hadErrorCount(0);
  }

  // ---------------------------------------------------------------------- item 1: clone

  @Test
  void cloneOfAMatrixWouldShareRows() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double[][] m) {
            double[][] c = m.clone();
            return c[0][0];
          }
        }
        """);
    assertValidJava(src);
    Compilation c = compile(src);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("clone() of a double[][] copies only its row references,"
        + " so the copy would share its rows; declare double[][] copy = new double[n][m] and"
        + " copy the elements in loops")
        .inFile(src.file).onLine(src.line("m.clone()")).atColumn(src.column("m.clone()", "("));
  }

  @Test
  void cloneInsideAnExpressionIsACopy() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double[] x, double a) {
            return x.clone()[0] * a;
          }
        }
        """);
    assertValidJava(src);
    Compilation c = compile(src);
    assertThat(c).succeededWithoutWarnings(); // gradients: gradients.CloneValuesTest
  }

  // --------------------------------------------------------- item 1: resolver limitations

  @Test
  void memberOfAnInferredGenericValueIsAnError() {
    TestSource src = t("""
        final class T {
          static <E> E first(List<E> xs) {
            return xs.get(0);
          }

          @Differentiable
          static double loss(double a, List<String> names) {
            return a * first(names).length();
          }
        }
        """);
    assertValidJava(src);
    Compilation c = compile(src);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("Adjoint cannot resolve method 'length' of a value of type"
        + " E; assign the value to a local variable of its actual type first")
        .inFile(src.file).onLine(src.line(".length()"))
        .atColumn(src.column("first(names).length()", "()"));
  }

  @Test
  void overloadAdjointCannotSelectIsAnError() {
    TestSource src = t("""
        final class T {
          static <E> E first(List<E> xs) {
            return xs.get(0);
          }

          static double size(String s) {
            return s.length();
          }

          @Differentiable
          static double loss(double a, List<String> names) {
            return a * size(first(names));
          }
        }
        """);
    assertValidJava(src);
    Compilation c = compile(src);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("Adjoint cannot tell which method 'size' this call means"
        + " for arguments of types (E); cast the arguments to the parameter types of the method"
        + " you mean")
        .inFile(src.file).onLine(src.line("size(first(names))"))
        .atColumn(src.column("size(first(names))", "("));
  }

  @Test
  void unboxedArgumentsResolve() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a, Double scale) {
            return a * Math.sqrt(scale);
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).succeeded();
    assertThat(c).generatedSourceFile("t.TGrad");
  }

  @Test
  void intersectionCastIsAnError() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a, Object o) {
            Object c = (Comparable<?> & java.io.Serializable) o;
            return a;
          }
        }
        """);
    assertValidJava(src);
    Compilation c = compile(src);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("casts to Comparable<?> & java.io.Serializable are not"
        + " supported in a @Differentiable method")
        .inFile(src.file).onLine(src.line("(Comparable<?>"))
        .atColumn(src.column("(Comparable<?>"));
  }

  // ------------------------------------------------------- item 1: javac's errors alone

  @Test
  void unknownEnumConstantLeavesJavacsErrorAlone() {
    assertJavacErrorsAlone(t("""
        final class T {
          enum Shape { SQUARE, CIRCLE }

          @Differentiable
          static double loss(double a, Shape s) {
            switch (s) {
              case TRIANGLE:
                return a;
              default:
                return a * a;
            }
          }
        }
        """));
  }

  @Test
  void unknownMembersLeaveJavacsErrorAlone() {
    assertJavacErrorsAlone(t("""
        final class T {
          @Differentiable
          static <X> double loss(double a, String s, double[] x, X tag) {
            double n = s.noSuchMethod() + x.noSuchField + tag.noSuchMethod() + Double.noSuch;
            return a * n + a.field + x.size() + NoSuchType.class.hashCode();
          }
        }
        """));
  }

  // -------------------------------------------------------------------- item 4: varargs

  @Test
  void varargsWithSeparateArgumentsInsideALoop() {
    TestSource src = t("""
        final class T {
          static double sumSq(double... xs) {
            double s = 0;
            for (double v : xs) {
              s += v * v;
            }
            return s;
          }

          @Differentiable
          static double loss(double a, double b) {
            double s = 0;
            for (int i = 0; i < 3; i++) {
              s += sumSq(a, b * i);
            }
            return s + (a > 0 ? sumSq(a) : 0);
          }
        }
        """);
    assertValidJava(src);
    Compilation c = compile(src);
    assertThat(c).hadErrorCount(1);
    String message = "a double... parameter needs its arguments packed into an array, which"
        + " Adjoint cannot do inside an operand of ?:, && or || (evaluated only sometimes);"
        + " declare double[] xs = {...}; before and pass it to sumSq";
    assertThat(c).hadErrorContaining(message).inFile(src.file)
        .onLine(src.line("sumSq(a) :")).atColumn(src.column("sumSq(a) :", "("));
  }

  // ------------------------------------------------------------------ item 5: for-each

  @Test
  void forEachOverACallInsideALoopIsAccepted() {
    TestSource src = t("""
        final class T {
          static double[] twice(double[] x) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
              y[i] = 2 * x[i];
            }
            return y;
          }

          @Differentiable
          static double loss(double[] x) {
            double s = 0;
            for (int t = 0; t < 2; t++) {
              for (double v : twice(x)) {
                s += v;
              }
            }
            return s;
          }
        }
        """);
    assertValidJava(src);
    Compilation c = compile(src);
    // held in a local array declared in the loop, a reference like any other (issue 13)
    assertThat(c).succeeded();
    assertThat(c).hadErrorCount(0);
  }


  // ----------------------------------------------------------------- item 6: private

  @Test
  void privateHelpersWorkAndNonConstantPrivateFieldsAreErrors() {
    TestSource src = t("""
        final class T {
          private static final double LITERAL = 2.0;
          private static final double COMPUTED = Math.sqrt(2.0);

          private static double helper(double a) {
            return a * a;
          }

          @Differentiable
          static double loss(double a) {
            return LITERAL * a + COMPUTED * a + helper(a);
          }
        }
        """);
    assertValidJava(src);
    Compilation c = compile(src);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("field 'COMPUTED' is private and not a constant, and the"
        + " generated class cannot see it; make it package-private")
        .inFile(src.file).onLine(src.line("COMPUTED * a")).atColumn(src.column("COMPUTED * a"));
  }

  // ------------------------------------------------------- found on the way: boxing

  @Test
  void activeValueIntoAGenericOrBoxedResultIsAnError() {
    TestSource src = t("""
        final class T {
          static <V> V id(V v) {
            return v;
          }

          @Differentiable
          static double loss(double a) {
            double boxed = Double.valueOf(a);
            double same = id(a);
            return boxed * same * a;
          }
        }
        """);
    assertValidJava(src);
    Compilation c = compile(src);
    assertThat(c).hadErrorCount(2);
    assertThat(c).hadErrorContaining("an active value flows into Double.valueOf, which returns"
        + " java.lang.Double, and on to the result: its derivative would be lost")
        .inFile(src.file).onLine(src.line("Double.valueOf(a)"))
        .atColumn(src.column("Double.valueOf(a)", "("));
    assertThat(c).hadErrorContaining("an active value flows into T.id, which returns V, and on"
        + " to the result: its derivative would be lost")
        .inFile(src.file).onLine(src.line("id(a);")).atColumn(src.column("id(a);", "("));
  }

  /**
   * A boxed active value unboxed by a call ({@code Math.abs(Double)}) and boxed again: the
   * double in between is not active for the activity analysis, so the first boxing must still be
   * found (fuzz finding, seed 29112041: the gradient was 0 with only an independent-parameter
   * warning).
   */
  @Test
  void aBoxedValueUnboxedByACallAndBoxedAgainIsAnError() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double[] x) {
            double z = Double.valueOf(Math.abs(Double.valueOf(x[2]))).doubleValue();
            return z;
          }
        }
        """);
    assertValidJava(src);
    Compilation c = compile(src);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("an active value flows into Double.valueOf, which returns"
        + " java.lang.Double, and on to the result: its derivative would be lost")
        .inFile(src.file).onLine(src.line("Double.valueOf(x[2])"))
        .atColumn(src.column("Double.valueOf(x[2])", "("));
    assertThat(c).hadWarningCount(0);
  }
}
