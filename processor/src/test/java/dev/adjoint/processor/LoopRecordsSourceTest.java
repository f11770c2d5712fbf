package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static dev.adjoint.processor.TestSource.adjoint;
import static dev.adjoint.processor.TestSource.assertNoCrash;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Reads the generated forward sweep of hot loops and checks that their innermost loop records
 * nothing per iteration (issues 13 and 15): an accumulation into an array reset in full, a
 * running index stepped by a literal, a counted loop whose trip count the reverse sweep can
 * compute. The values are checked by {@code dev.adjoint.loops.TapeEntriesTest} (exact tape
 * counts, finite differences).
 */
class LoopRecordsSourceTest {
  private static final TestSource SOURCE = TestSource.of("t.Shapes", """
      package t;

      import dev.adjoint.Differentiable;

      final class Shapes {
        @Differentiable(wrt = {"w", "b"})
        static double layer(double[][] w, double[] b, double[][] xs) {
          int m = b.length;
          double[] z = new double[m];
          double loss = 0;
          for (int s = 0; s < xs.length; s++) {
            for (int j = 0; j < m; j++) {
              z[j] = b[j];
            }
            for (int j = 0; j < m; j++) {
              for (int i = 0; i < xs[s].length; i++) {
                z[j] += w[j][i] * xs[s][i];
              }
            }
            for (int j = 0; j < m; j++) {
              loss += Math.tanh(z[j]);
            }
          }
          return loss;
        }

        @Differentiable(wrt = "q")
        static double triangular(double[] q, double[][] x) {
          int d = x[0].length;
          double[] lxc = new double[d];
          double total = 0;
          for (int p = 0; p < x.length; p++) {
            for (int i = 0; i < d; i++) {
              lxc[i] = q[i] * x[p][i];
            }
            int l = d;
            for (int i = 0; i < d; i++) {
              for (int j = i + 1; j < d; j++) {
                lxc[j] += q[l] * x[p][i];
                l++;
              }
            }
            for (int i = 0; i < d; i++) {
              total += Math.sin(lxc[i]);
            }
          }
          return total;
        }
      }
      """);

  @Test
  void accumulationIntoAnArrayResetInFullRecordsNothingPerIteration() {
    String code = generated();
    // z[j] += w[j][i] * xs[s][i], whatever the counters are called in the generated code (the
    // rows w[j] and xs[s] are read before the loop: wRow[i] * xsRow[i]).
    List<String> inner = enclosingLoop(code, "layerAdjoint",
        line -> line.startsWith("z[") && line.contains("] + wRow["));
    assertWithMessage("the accumulation's loop:\n%s", String.join("\n", inner))
        .that(String.join("\n", inner)).doesNotContain("tape.push");
  }

  @Test
  void triangularLoopWithARunningIndexRecordsNothingPerIteration() {
    String code = generated();
    List<String> inner = enclosingLoop(code, "triangularAdjoint", line -> line.equals("l = l + 1;"));
    String text = String.join("\n", inner);
    assertWithMessage("the triangular loop:\n%s", text).that(text).doesNotContain("tape.push");
    // Nor does the loop around it: the inner trip count and start are computed, not recorded.
    String header = inner.get(0).trim();
    List<String> outer = enclosingLoop(code, "triangularAdjoint", line -> line.equals(header));
    assertWithMessage("the loop around it:\n%s", String.join("\n", outer))
        .that(String.join("\n", outer)).doesNotContain("tape.push");
  }

  private static String generated() {
    Compilation c = adjoint().compile(SOURCE.file);
    assertNoCrash(c);
    JavaFileObject file = c.generatedSourceFile("t.ShapesGrad").orElseThrow();
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The lines of the innermost {@code while} loop of the forward sweep of {@code method} around
   * the first line (stripped) that {@code statement} accepts, from its header to its closing
   * brace.
   */
  private static List<String> enclosingLoop(String code, String method,
      Predicate<String> statement) {
    String[] lines = code.split("\n", -1);
    int at = 0;
    while (!lines[at].contains(" " + method + "(")) {
      at++;
    }
    while (!statement.test(lines[at].trim())) {
      at++;
    }
    int indent = indentOf(lines[at]);
    int header = at;
    while (!(lines[header].trim().startsWith("while (") && indentOf(lines[header]) < indent)) {
      header--;
    }
    List<String> loop = new ArrayList<>();
    String close = " ".repeat(indentOf(lines[header])) + "}";
    for (int k = header; !lines[k].equals(close) || k == header; k++) {
      loop.add(lines[k]);
    }
    return loop;
  }

  private static int indentOf(String line) {
    return line.length() - line.stripLeading().length();
  }
}
