package dev.adjoint.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.adjoint.processor.TestSource.adjoint;
import static dev.adjoint.processor.TestSource.assertNoCrash;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: instance methods of classes whose fields are final. What keeps a class's receiver
 * from being differentiated is an error at the method, naming what to change; a class's methods
 * called on other objects stay methods of an object.
 */
class ClassModelDiagnosticsTest {

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

  private static void oneError(TestSource src, String message, String line, String at) {
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining(message).inFile(src.file).onLine(src.line(line))
        .atColumn(src.column(line, at));
  }

  @Test
  void classThatIsNotFinalIsAnError() {
    TestSource src = t("""
        class T {
          final double w = 2;

          @Differentiable
          double loss(double x) {
            return w * x;
          }
        }
        """);
    oneError(src, "class T must be final for Adjoint to differentiate its instance methods with"
        + " respect to its fields", "double loss(", "loss(");
  }

  @Test
  void nonFinalFieldIsAnErrorEvenWhenNotDifferentiated() {
    TestSource src = t("""
        final class T {
          final double w = 2;
          int calls;

          @Differentiable(wrt = "x")
          double loss(double x) {
            return w * x;
          }
        }
        """);
    oneError(src, "field 'calls' of T is not final", "double loss(", "loss(");
  }

  @Test
  void privateFieldIsAnError() {
    TestSource src = t("""
        final class T {
          private final double[] w = {1, 2};

          @Differentiable
          double loss(double x) {
            return w[0] * x;
          }
        }
        """);
    oneError(src, "field 'w' of T is private, and the gradient reads the receiver's fields from"
        + " the generated class; make it package-private", "double loss(", "loss(");
  }

  @Test
  void inheritedFieldsAreAnError() {
    TestSource src = t("""
        class Base {
          final double scale = 3;
        }

        final class T extends Base {
          final double w = 2;

          @Differentiable
          double loss(double x) {
            return w * x * scale;
          }
        }
        """);
    oneError(src, "@Differentiable method 'loss' is an instance method of class T, which"
        + " inherits fields from Base, and Adjoint follows only the fields a class declares"
        + " itself", "double loss(", "loss(");
  }

  @Test
  void classWithoutDifferentiableFieldMustBeStatic() {
    TestSource src = t("""
        final class T {
          final int n = 2;

          @Differentiable
          double loss(double x) {
            return n * x;
          }
        }
        """);
    oneError(src, "@Differentiable method 'loss' must be static, or an instance method of a"
        + " record of doubles, double[] and double[][] (or of a final class whose fields are"
        + " final, one of them such a value; top-level or static, not generic); T is not one",
        "double loss(", "loss(");
  }

  @Test
  void thisPassedOnIsAnError() {
    TestSource src = t("""
        final class T {
          final double w = 2;

          static double helper(T t) {
            return t.w;
          }

          @Differentiable
          double loss(double x) {
            return helper(this) * x;
          }
        }
        """);
    oneError(src, "'this' can be used in a @Differentiable method only through the record's"
        + " components", "return helper(this)", "this)");
  }

  @Test
  void methodOfAnotherObjectWithAnActiveArgumentStaysAnError() {
    TestSource src = t("""
        final class Model {
          final double w = 2;

          double scaled(double x) {
            return w * x;
          }
        }

        final class T {
          @Differentiable
          static double loss(Model m, double x) {
            return m.scaled(x);
          }
        }
        """);
    oneError(src, "an active value is passed to Model.scaled, a method of an object",
        "return m.scaled(x)", "x)");
  }

  @Test
  void fieldsAndInactiveMethodsOfAnotherObjectAreRead() {
    TestSource src = t("""
        final class Model {
          final double w = 2;

          double twice() {
            return 2 * w;
          }

          double scaled(double u) {
            return u * w;
          }
        }

        final class T {
          @Differentiable
          static double loss(Model m, double x) {
            return m.w * x + m.twice() * x + m.scaled(2.0) * x;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("t.TGrad");
    // the other object's method is evaluated as it is, not differentiated
    org.junit.jupiter.api.Assertions.assertFalse(
        c.generatedSourceFile("t.ModelGrad").isPresent());
  }

  @Test
  void callingAMethodThatDoesNotDifferentiateSelfIsAnError() {
    TestSource src = t("""
        final class T {
          final double w = 2;

          @Differentiable(wrt = "t")
          double scaled(double t) {
            return w * t;
          }

          @Differentiable
          double loss(double t) {
            return scaled(t) * t;
          }
        }
        """);
    oneError(src, "T.scaled is not differentiable with respect to 'self', and an active value flows"
        + " into it; its derivative would be lost", "return scaled(t) * t;", "(t) * t");
  }

  @Test
  void assigningAFieldInAMethodOfTheClassIsAnError() {
    TestSource src = t("""
        final class T {
          final double[] w = {1, 2};

          @Differentiable
          double loss(double x) {
            w[0] = x;
            return w[0] * x;
          }
        }
        """);
    oneError(src, "writing into parameter array 'self.w' is not supported", "w[0] = x;", "[0] =");
  }
}
