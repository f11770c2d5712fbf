package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static dev.adjoint.processor.TestSource.adjoint;
import static dev.adjoint.processor.TestSource.assertNoCrash;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Reads the generated code of loops whose reverse sweep needs a {@code Math} call's result as a
 * partial derivative (issue 15, cause 5): {@code StoredCallResults} holds the result in a
 * temporary the reverse sweep reads, instead of calling again after restoring the argument;
 * near misses keep the call where it was. Values: {@code dev.adjoint.loops.TapeEntriesTest
 * #transcendentalFactorsAreStoredOncePerIteration} (exact values, finite differences, tape
 * counts) and the bench's agreement tests.
 */
class StoredCallResultsSourceTest {
  private static final TestSource SOURCE = TestSource.of("t.Calls", """
      package t;

      import dev.adjoint.Differentiable;

      final class Calls {
        @Differentiable
        static double stored(double a, double b, int n) {
          double x = 0.5;
          for (int i = 0; i < n; i++) {
            x = Math.sin(x) * a + b / Math.exp(x);
          }
          return x;
        }

        @Differentiable
        static double kept(double a, int n) {
          double x = 0.5;
          double y = Math.sin(a) * a;
          for (int i = 0; i < n; i++) {
            x = Math.sin(x) + a;
            x = Math.cos(x) * 2.0;
            x = a > 0 ? Math.tanh(x) * a : x;
          }
          return x + y;
        }

        @Differentiable
        static double recurrence(double x0, double a, double b, int steps) {
          double x = x0;
          for (int k = 0; k < steps; k++) {
            x = Math.sin(x) * a + b;
          }
          return x;
        }

        @Differentiable
        static double named(double a, int n) {
          double sin = 0.25;
          for (int i = 0; i < n; i++) {
            sin = Math.sin(sin) * a;
          }
          return sin;
        }
      }
      """);

  @Test
  void factorsOfProductsAndQuotientsInLoopsAreStored() {
    String code = adjointMethod("stored");
    assertWithMessage(code).that(code).containsMatch(
        "sin\\d* = Math\\.sin\\(x\\);\\s+(records\\[recordAt( \\+ \\d+)?\\] = \\w+;\\s+)*"
        + "exp\\d* = Math\\.exp\\(x\\);");
    assertWithMessage(code).that(code).contains("x = sin * a + b / exp;");
    // The reverse sweep (its comments aside) calls only the derivatives: cos, and exp's own.
    String reverse = code.substring(code.indexOf("// reverse sweep")).replaceAll("// .*", "");
    assertWithMessage(reverse).that(reverse).doesNotContain("Math.sin(");
    assertWithMessage(reverse).that(reverse).contains("aAdj += xAdj * sin;");
    assertWithMessage(reverse).that(reverse).contains("bAdj += xAdj / exp;");
    assertWithMessage(reverse).that(reverse).contains("Math.cos(x)");
  }

  /**
   * The bench's sin recurrence ({@code Workloads.recurrence}) has the hand-written gradient's
   * shape: per step one sin and two stores into the block reserved before the loop (issue 15,
   * cause 4: no push per value), one cos, no sin and two reads of the block backwards, which
   * is released after the loop.
   */
  @Test
  void theSinRecurrenceHasTheHandWrittenShape() {
    String code = adjointMethod("recurrence");
    String forward = code.substring(code.indexOf("// forward sweep"),
        code.indexOf("// reverse sweep"));
    assertWithMessage(forward).that(forward).containsMatch(
        "k = 0;\\s+int recordAt = tape\\.reserveDoubles\\(2, steps > 0 \\? steps : 0\\);\\s+"
        + "double\\[\\] records = tape\\.doubleArray\\(\\);\\s+while \\(k < steps\\) \\{");
    String step = forward.substring(forward.indexOf("while (k < steps) {"));
    assertWithMessage(forward).that(step).containsMatch("\\{\\s+records\\[recordAt\\] = sin;\\s+"
        + "sin = Math\\.sin\\(x\\);\\s+records\\[recordAt \\+ 1\\] = x;\\s+"
        + "x = sin \\* a \\+ b;\\s+k = k \\+ 1;\\s+recordAt = recordAt \\+ 2;\\s+\\}");
    String reverse = code.substring(code.indexOf("// reverse sweep")).replaceAll("// .*", "");
    assertWithMessage(reverse).that(occurrences(reverse, "Math.")).isEqualTo(1);
    // as the hand-written gradient: the partials multiply first (cleanup.PartialProducts)
    assertWithMessage(reverse).that(reverse).contains("xAdj = xAdj * (a * Math.cos(x));");
    assertWithMessage(reverse).that(reverse).containsMatch(
        "double\\[\\] (records\\d+) = tape\\.doubleArray\\(\\);\\s+"
        + "int (recordAt\\d+) = tape\\.doubleCount\\(\\);\\s+"
        + "for \\(int iteration = trips; iteration > 0; iteration--\\) \\{\\s+"
        + "\\2 = \\2 - 2;[^}]*x = \\1\\[\\2 \\+ 1\\];[^}]*sin = \\1\\[\\2\\];\\s+\\}\\s+"
        + "tape\\.releaseDoubles\\(2, trips\\);");
    assertWithMessage(reverse).that(reverse).doesNotContain("tape.popDouble()");
    assertWithMessage(code).that(code).doesNotContain("tape.pushDouble(");
    assertWithMessage(reverse).that(reverse).contains("aAdj += xAdj * sin;");
  }

  private static int occurrences(String s, String part) {
    return s.split(java.util.regex.Pattern.quote(part), -1).length - 1;
  }

  @Test
  void sumsConstantFactorsConditionalsAndStraightLineCodeKeepTheirCalls() {
    String code = adjointMethod("kept");
    assertWithMessage(code).that(code).contains("x = Math.sin(x) + a;");
    assertWithMessage(code).that(code).contains("x = Math.cos(x) * 2.0;");
    assertWithMessage(code).that(code).contains("? Math.tanh(x) * a : x;");
    assertWithMessage(code).that(code).contains("y = Math.sin(a) * a;");
  }

  @Test
  void theTemporaryNeverShadowsAVariableOfTheSameName() {
    Compilation c = adjoint().compile(SOURCE.file);
    com.google.testing.compile.CompilationSubject.assertThat(c).succeededWithoutWarnings();
    String code = adjointMethod("named");
    assertWithMessage(code).that(code).containsMatch("(sin\\d+) = Math\\.sin\\(sin\\);\\s+"
        + "(records\\[recordAt( \\+ \\d+)?\\] = sin;\\s+)?sin = \\1 \\* a;");
  }

  private static String adjointMethod(String name) {
    Compilation c = adjoint().compile(SOURCE.file);
    assertNoCrash(c);
    JavaFileObject file = c.generatedSourceFile("t.CallsGrad").orElseThrow();
    String code;
    try {
      code = file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int start = code.indexOf("double " + name + "Adjoint(");
    return code.substring(start, code.indexOf("\n  }\n", start));
  }
}
