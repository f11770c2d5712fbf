package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.adjoint.processor.TestSource.adjoint;
import static dev.adjoint.processor.TestSource.assertNoCrash;
import static dev.adjoint.processor.TestSource.describe;

import com.google.testing.compile.Compilation;
import dev.adjoint.processor.diag.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Representative diagnostics of every stage (annotation checks, front end, analyses, the round,
 * the transform, options, class assembly) carry their {@link Problem} identifier first: each test
 * checks the file, the line, the identifier and the message.
 */
class MessageIdentifiersTest {

  private static TestSource t(String classText) {
    return TestSource.of("t.T", """
        package t;

        import dev.adjoint.Differentiable;
        import java.util.function.DoubleUnaryOperator;

        """ + classText);
  }

  /**
   * Compiles {@code sources}; the one diagnostic of {@code kind} is {@code [adjoint:<id>] } and
   * then {@code message}, on the line of {@code fragment} in the first source.
   */
  private static void expect(Diagnostic.Kind kind, Problem problem, String message,
      String fragment, TestSource... sources) {
    Compilation c = adjoint().compile(
        java.util.Arrays.stream(sources).map(s -> s.file).toList());
    assertNoCrash(c);
    List<Diagnostic<? extends JavaFileObject>> found = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
      if (d.getKind() == kind) {
        found.add(d);
      }
    }
    assertWithMessage(describe(c.diagnostics())).that(found).hasSize(1);
    Diagnostic<? extends JavaFileObject> d = found.get(0);
    assertThat(d.getMessage(Locale.ROOT)).startsWith("[adjoint:" + problem.id() + "] " + message);
    assertThat(d.getSource().getName()).isEqualTo(sources[0].file.getName());
    assertThat(d.getLineNumber()).isEqualTo(sources[0].line(fragment));
    // The prefix is ours, in javac's processor-message diagnostic: TestSource checks those.
    assertThat(d.getCode()).startsWith("compiler.");
    assertThat(d.getCode()).endsWith("proc.messager");
  }

  private static void expectError(Problem problem, String message, String fragment,
      TestSource... sources) {
    expect(Diagnostic.Kind.ERROR, problem, message, fragment, sources);
  }

  @Test
  void notStatic() {
    expectError(Problem.NOT_STATIC, "@Differentiable method 'loss' must be static",
        "double loss(", t("""
            final class T {
              @Differentiable
              double loss(double w) {
                return w * w;
              }
            }
            """));
  }

  @Test
  void invalidWrtOnTheAnnotationValue() {
    expectError(Problem.INVALID_WRT, "wrt names 'bias', but 'loss' has no parameter of that"
        + " name", "wrt = {", t("""
            final class T {
              @Differentiable(wrt = {"w", "bias"})
              static double loss(double w, double b) {
                return w * b;
              }
            }
            """));
  }

  @Test
  void arrayAlias() {
    expectError(Problem.ARRAY_ALIAS, "an array variable cannot be set to null",
        "double[] ys = null;", t("""
            final class T {
              @Differentiable
              static double loss(double a, double[] xs) {
                double[] ys = null;
                return a * xs[0] + ys.length;
              }
            }
            """));
  }

  @Test
  void fieldWrite() {
    expectError(Problem.FIELD_WRITE, "assigning to field 'cache' is not supported",
        "cache = a;", t("""
            final class T {
              static double cache;

              @Differentiable
              static double loss(double a) {
                cache = a;
                return a * a;
              }
            }
            """));
  }

  @Test
  void lambda() {
    expectError(Problem.LAMBDA, "lambdas and method references are not supported",
        "x -> x * a", t("""
            final class T {
              @Differentiable
              static double loss(double a) {
                DoubleUnaryOperator f = x -> x * a;
                return a * a;
              }
            }
            """));
  }

  @Test
  void unsupportedStatement() {
    expectError(Problem.UNSUPPORTED_STATEMENT, "try statements are not supported", "try {",
        t("""
            final class T {
              @Differentiable
              static double loss(double a) {
                double r = a;
                try {
                  r = a * a;
                } finally {
                  r = r + 1;
                }
                return r;
              }
            }
            """));
  }

  @Test
  void switchFallThrough() {
    expectError(Problem.SWITCH_FALL_THROUGH, "falling through to the next switch case",
        "r = a;", t("""
            final class T {
              @Differentiable
              static double loss(double a, int n) {
                double r = 0;
                switch (n) {
                  case 1:
                    r = a;
                  case 2:
                    r = r * a;
                    break;
                  default:
                    r = 1;
                }
                return r;
              }
            }
            """));
  }

  @Test
  void conditionalOperand() {
    expectError(Problem.CONDITIONAL_OPERAND, "a new array inside an operand of ?:, && or ||",
        "new double[3]", t("""
            final class T {
              @Differentiable
              static double loss(double a) {
                int n = a > 0 ? new double[3].length : 1;
                return a * n;
              }
            }
            """));
  }

  @Test
  void noDerivative() {
    expectError(Problem.NO_DERIVATIVE, "no derivative is known for Double.sum", "Double.sum(",
        t("""
            final class T {
              @Differentiable
              static double loss(double w) {
                double s = Double.sum(w, 1.0);
                return s * s;
              }
            }
            """));
  }

  @Test
  void lostDerivative() {
    expectError(Problem.LOST_DERIVATIVE, "casting an active value to float loses its derivative",
        "(float) a", t("""
            final class T {
              @Differentiable
              static double loss(double a) {
                double r = (float) a;
                return r * r;
              }
            }
            """));
  }

  @Test
  void impureCallFoundByTheRound() {
    expectError(Problem.IMPURE_CALL, "'h' is called from a gradient, whose adjoint runs it again",
        "    count();", t("""
            final class T {
              static int calls;

              static double count() {
                calls++;
                return 0.5 * calls;
              }

              static double h(double u) {
                double z = u * (1 + calls);
                count();
                return z;
              }

              @Differentiable
              static double loss(double a) {
                return h(a);
              }
            }
            """));
  }

  @Test
  void checkpointedLoop() {
    expectError(Problem.CHECKPOINTED_LOOP, "@Checkpointed loops may not write array elements",
        "for (int i = 0; i < 3; i++) {", t("""
            final class T {
              @Differentiable
              @dev.adjoint.Checkpointed(every = 4)
              static double loss(double a) {
                double[] h = new double[3];
                for (int i = 0; i < 3; i++) {
                  h[i] = a * i;
                }
                return h[2];
              }
            }
            """));
  }

  @Test
  void nameCollisionOfTheGeneratedClass() {
    TestSource grad = TestSource.of("t.TGrad", """
        package t;

        final class TGrad {
        }
        """);
    expectError(Problem.NAME_COLLISION, "the class Adjoint generates for t.T would be t.TGrad,"
        + " but the class t.TGrad already exists", "final class T {", t("""
            final class T {
              @Differentiable
              static double f(double w) {
                return w * w;
              }
            }
            """), grad);
  }

  @Test
  void independentParameterIsAWarning() {
    expect(Diagnostic.Kind.WARNING, Problem.INDEPENDENT_PARAMETER,
        "the result of 'loss' does not depend on 'w'", "double w)", t("""
            final class T {
              @Differentiable(wrt = {"a", "w"})
              static double loss(double a,
                  double w) {
                double unused = w * 2;
                return a * a;
              }
            }
            """));
  }

  @Test
  void invalidOptionHasNoPosition() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double f(double w) {
            return w * w;
          }
        }
        """);
    Compilation c = adjoint().withOptions("-Aadjoint.summary=maybe").compile(src.file);
    assertNoCrash(c);
    assertWithMessage(describe(c.diagnostics())).that(c.errors()).hasSize(1);
    assertThat(c.errors().get(0).getMessage(Locale.ROOT))
        .isEqualTo("[adjoint:invalid-option] -Aadjoint.summary=maybe must be true or false");
    assertThat(c.errors().get(0).getSource()).isNull();
  }
}
