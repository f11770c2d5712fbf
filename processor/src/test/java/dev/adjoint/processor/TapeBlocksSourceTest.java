package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static dev.adjoint.processor.TestSource.adjoint;
import static dev.adjoint.processor.TestSource.assertNoCrash;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Reads which loops record their doubles into one tape block reserved before the loop
 * ({@code TapeBlocks}, issue 15 cause 4) and which keep a push per value: records behind a
 * branch, an outer loop whose inner loop records too, a loop of few literal trips, a loop whose
 * trip count is not known on entry, a checkpointed loop. The recurrence's block itself:
 * {@link StoredCallResultsSourceTest#theSinRecurrenceHasTheHandWrittenShape}; values:
 * {@code dev.adjoint.loops.TapeBlocksTest}.
 */
class TapeBlocksSourceTest {
  private static final TestSource SOURCE = TestSource.of("t.Blocks", """
      package t;

      import dev.adjoint.Checkpointed;
      import dev.adjoint.Differentiable;

      final class Blocks {
        @Differentiable
        static double branch(double a, int n) {
          double x = 0.5;
          for (int i = 0; i < n; i++) {
            if (x > 0.2) {
              x = Math.sin(x) * a;
            } else {
              x = x * x + a;
            }
          }
          return x;
        }

        @Differentiable
        static double nested(double a, int n, int m) {
          double s = 0.5;
          for (int i = 0; i < n; i++) {
            s = Math.cos(s) * a;
            for (int j = 0; j < m; j++) {
              s = Math.sin(s) + a;
            }
          }
          return s;
        }

        @Differentiable
        static double few(double a) {
          double x = 0.5;
          for (int i = 0; i < 3; i++) {
            x = Math.sin(x) + a;
          }
          return x;
        }

        @Differentiable
        static double untilSmall(double a) {
          double x = 4.0;
          while (x > 0.1) {
            x = Math.sin(x) * a * x;
          }
          return x;
        }

        @Checkpointed(every = 4)
        @Differentiable
        static double checkpointed(double a, int n) {
          double x = 0.5;
          for (int i = 0; i < n; i++) {
            x = Math.sin(x) * a;
          }
          return x;
        }
      }
      """);

  @Test
  void recordsBehindABranchArePushedOneByOne() {
    String code = adjointMethod("branch");
    assertWithMessage(code).that(code).doesNotContain("reserveDoubles");
    assertWithMessage(code).that(code).contains("tape.pushDouble(x);");
  }

  @Test
  void theInnerLoopRecordsABlockAndTheOuterItsOwnPush() {
    String code = adjointMethod("nested");
    assertWithMessage(code).that(count(code, "tape.reserveDoubles(")).isEqualTo(1);
    assertWithMessage(code).that(code).containsMatch(
        "int recordAt = tape\\.reserveDoubles\\(1, m > 0 \\? m : 0\\);\\s+"
        + "double\\[\\] records = tape\\.doubleArray\\(\\);\\s+while \\(j < m\\)");
    assertWithMessage(code).that(count(code, "tape.pushDouble(s);")).isEqualTo(1);
    assertWithMessage(code).that(count(code, " s = tape.popDouble();")).isEqualTo(1);
    assertWithMessage(code).that(count(code, "tape.releaseDoubles(1, ")).isEqualTo(1);
  }

  @Test
  void fewLiteralTripsUnknownTripCountsAndCheckpointsKeepTheirPushes() {
    for (String method : new String[] {"few", "untilSmall", "checkpointed"}) {
      String code = adjointMethod(method);
      assertWithMessage(code).that(code).doesNotContain("reserveDoubles");
      assertWithMessage(code).that(code).contains("tape.pushDouble(x);");
    }
  }

  @Test
  void theBlocksCompileWithoutWarnings() {
    CompilationSubject.assertThat(adjoint().compile(SOURCE.file)).succeededWithoutWarnings();
  }

  private static int count(String text, String what) {
    return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
  }

  private static String adjointMethod(String name) {
    Compilation c = adjoint().compile(SOURCE.file);
    assertNoCrash(c);
    JavaFileObject file = c.generatedSourceFile("t.BlocksGrad").orElseThrow();
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
