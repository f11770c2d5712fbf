package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static dev.adjoint.processor.GeneratedMethods.method;

import org.junit.jupiter.api.Test;

/**
 * Reads the generated adjoints whose bodies read one primal element several times (issue 15,
 * cause 2): the element is loaded into a local once, where nothing in between may change it,
 * and read again where something may. The values are checked by
 * {@code dev.adjoint.loads.LoadsTest}, bit for bit against the code before.
 */
class ElementLoadsSourceTest {
  private static final TestSource SOURCE = TestSource.of("t.Loads", """
      package t;

      import dev.adjoint.Differentiable;

      final class Loads {
        @Differentiable
        static double rosenbrock(double[] x) {
          double f = 0;
          for (int i = 0; i < x.length / 2; i++) {
            double t1 = 10 * (x[2 * i + 1] - x[2 * i] * x[2 * i]);
            double t2 = 1 - x[2 * i];
            f += t1 * t1 + t2 * t2;
          }
          return f;
        }

        @Differentiable
        static double rows(double[][] w, double[] v) {
          double s = 0;
          for (int j = 0; j < w.length; j++) {
            for (int k = 0; k < v.length; k++) {
              s += Math.sin(w[j][k] * v[k]) * w[j][k];
            }
          }
          return s;
        }

        @Differentiable
        static double written(double[] x) {
          double[] y = new double[x.length];
          double s = 0;
          for (int i = 0; i < x.length; i++) {
            y[i] = x[i] * x[i];
            s += y[i] * y[i] * x[i];
          }
          return s;
        }
      }
      """);

  @Test
  void rosenbrocksFusedBodyLoadsItsElementOnce() {
    String adjoint = code(method(generated(), "rosenbrockAdjoint"));
    assertWithMessage("%s", adjoint).that(count(adjoint, "x[2 * i]")).isEqualTo(1);
    assertWithMessage("%s", adjoint).that(adjoint).contains("double x2i = x[2 * i];");
    assertWithMessage("%s", adjoint).that(adjoint)
        .contains("t1 = 10 * (x[2 * i + 1] - x2i * x2i);");
    assertWithMessage("%s", adjoint).that(adjoint).contains("t2 = 1 - x2i;");
    // read from the local after the store into the other element of the pair too; the square
    // x2i * x2i gives its element one share, adj * (x2i + x2i) (transform/Squares)
    assertWithMessage("%s", adjoint)
        .that(adjoint.indexOf("xAdj[2 * i] = elementSum - adj * (x2i + x2i);"))
        .isGreaterThan(adjoint.indexOf("xAdj[2 * i + 1] += adj;"));
    assertWithMessage("%s", adjoint).that(adjoint.indexOf("xAdj[2 * i + 1] += adj;"))
        .isGreaterThan(0);
    // the pair's other element is read once and stays a read
    assertWithMessage("%s", adjoint).that(count(adjoint, "x[2 * i + 1]")).isEqualTo(1);
  }

  @Test
  void rosenbrocksNegationsAreFoldedIntoSubtractions() {
    String adjoint = code(method(generated(), "rosenbrockAdjoint"));
    // 1 - x[2 * i] and - x[2 * i] * x[2 * i] give negated shares: subtracted, not negated
    assertWithMessage("%s", adjoint).that(adjoint)
        .contains("double elementSum = xAdj[2 * i] - valueAdj * (t2 + t2);");
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("adj2");
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("+ -");
    assertWithMessage("%s", adjoint).that(adjoint).doesNotContain("= -");
  }

  @Test
  void anElementOfARowIsLoadedOncePerSequence() {
    String adjoint = code(method(generated(), "rowsAdjoint"));
    // once in the forward loop, once in the reverse loop (which the forward's writes separate)
    assertWithMessage("%s", adjoint).that(count(adjoint, "w[j][k]")).isEqualTo(2);
    assertWithMessage("%s", adjoint).that(adjoint).contains("double wjk = w[j][k];");
    assertWithMessage("%s", adjoint).that(adjoint).contains("s = s + sin * wjk;");
    // the two shares into the row's element: one load, one store (ElementSums)
    assertWithMessage("%s", adjoint).that(count(adjoint, "wAdj[j][k] +=")).isEqualTo(0);
    assertWithMessage("%s", adjoint).that(adjoint)
        .contains("double elementSum = wAdj[j][k] + valueAdj * sin;");
    assertWithMessage("%s", adjoint).that(adjoint).contains("wAdj[j][k] = elementSum + adj * vk;");
  }

  @Test
  void aWriteIntoAnotherArrayInBetweenLoadsTheElementAgain() {
    String adjoint = code(method(generated(), "writtenAdjoint"));
    // y may be x for all the JIT knows, and for all this pass knows: a second load after y[i] =
    assertWithMessage("%s", adjoint).that(adjoint).contains("double xi = x[i];");
    assertWithMessage("%s", adjoint).that(adjoint).contains("y[i] = xi * xi;");
    assertWithMessage("%s", adjoint).that(adjoint.indexOf("double xi2 = x[i];"))
        .isGreaterThan(adjoint.indexOf("y[i] = xi * xi;"));
  }

  /** {@code text} without its comment lines, which quote the original statements. */
  private static String code(String text) {
    return String.join("\n", text.lines().filter(l -> !l.strip().startsWith("//")).toList());
  }

  private static String generated() {
    return GeneratedMethods.generated(SOURCE, "t.LoadsGrad");
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
      n++;
    }
    return n;
  }
}
