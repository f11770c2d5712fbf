package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.adjoint.processor.TestSource.adjoint;
import static dev.adjoint.processor.TestSource.assertNoCrash;
import static dev.adjoint.processor.TestSource.describe;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, "never silently wrong": one problem never hides another class's gradient or another
 * error, annotation values mean what they say, deep input never crashes the processor, and
 * generated names never collide.
 */
class NeverSilentlyWrongTest {

  private static final String HEADER = """
      package t;

      import dev.adjoint.Differentiable;
      import java.util.function.DoubleUnaryOperator;

      """;

  private static TestSource src(String name, String classText) {
    return TestSource.of("t." + name, HEADER + classText);
  }

  static Compilation compile(TestSource... sources) {
    List<JavaFileObject> files = new ArrayList<>();
    for (TestSource s : sources) {
      files.add(s.file);
    }
    Compilation c = adjoint().withOptions("-parameters").compile(files);
    assertNoCrash(c);
    return c;
  }

  /**
   * Compiles on a thread with a 1 MB stack, the JVM's default (and javac's on the command
   * line): javac itself compiles the deep expressions below in it.
   */
  static Compilation compileOnDefaultStack(TestSource... sources) throws InterruptedException {
    return compileOnStack(1, sources);
  }

  static Compilation compileOnStack(int megabytes, TestSource... sources)
      throws InterruptedException {
    Compilation[] result = new Compilation[1];
    Throwable[] failure = new Throwable[1];
    Thread t = new Thread(null, () -> {
      try {
        result[0] = compile(sources);
      } catch (Throwable e) {
        failure[0] = e;
      }
    }, "javac", (long) megabytes << 20);
    t.start();
    t.join();
    if (failure[0] != null) {
      throw new AssertionError("compilation threw", failure[0]);
    }
    return result[0];
  }

  // ---------------------------------------------- 2. every error of a file in one compilation

  @Test
  void frontEndAndActivityErrorsInOneCompilation() {
    TestSource s = src("T", """
        final class T {
          @Differentiable
          static double lambda(double w) {
            DoubleUnaryOperator f = x -> x * 2;
            return f.applyAsDouble(1) + w;
          }

          @Differentiable
          static double noDerivative(double w) {
            return Double.sum(w, 1);
          }
        }
        """);
    Compilation c = compile(s);
    assertThat(c).failed();
    assertWithMessage(describe(c.diagnostics())).that(c.errors()).hasSize(2);
    assertThat(c).hadErrorContaining("lambdas and method references are not supported")
        .inFile(s.file).onLine(s.line("x -> x * 2"));
    assertThat(c).hadErrorContaining("no derivative is known for Double.sum")
        .inFile(s.file).onLine(s.line("Double.sum(w, 1)"));
  }

  @Test
  void frontEndAndActivityErrorsOfOneMethod() {
    TestSource s = src("T", """
        final class T {
          @Differentiable
          static double both(double w) {
            DoubleUnaryOperator f = x -> x * 2;
            double u = f.applyAsDouble(1);
            return Double.sum(w, u);
          }
        }
        """);
    Compilation c = compile(s);
    assertThat(c).failed();
    assertWithMessage(describe(c.diagnostics())).that(c.errors()).hasSize(2);
    assertThat(c).hadErrorContaining("lambdas and method references are not supported")
        .inFile(s.file).onLine(s.line("x -> x * 2"));
    assertThat(c).hadErrorContaining("no derivative is known for Double.sum")
        .inFile(s.file).onLine(s.line("Double.sum(w, u)"));
  }

  @Test
  void wrtAndBodyErrorsOfOneMethodInOneCompilation() {
    TestSource s = src("T", """
        final class T {
          @Differentiable(wrt = {"q"})
          static double f(double w) {
            return Double.sum(w, 1);
          }

          @Differentiable(wrt = {"w", "q"})
          static double g(double w) {
            DoubleUnaryOperator f = x -> x * 2;
            return Double.sum(w, 1) + f.applyAsDouble(1);
          }
        }
        """);
    Compilation c = compile(s);
    assertThat(c).failed();
    assertWithMessage(describe(c.diagnostics())).that(c.errors()).hasSize(5);
    assertThat(c).hadErrorContaining("wrt names 'q', but 'f' has no parameter of that name")
        .inFile(s.file).onLine(s.line("wrt = {\"q\"}"));
    assertThat(c).hadErrorContaining("no derivative is known for Double.sum")
        .inFile(s.file).onLine(s.line("return Double.sum(w, 1);"));
    assertThat(c).hadErrorContaining("wrt names 'q', but 'g' has no parameter of that name")
        .inFile(s.file).onLine(s.line("wrt = {\"w\", \"q\"}"));
    assertThat(c).hadErrorContaining("lambdas and method references are not supported")
        .inFile(s.file).onLine(s.line("x -> x * 2"));
    assertThat(c).hadErrorContaining("no derivative is known for Double.sum")
        .inFile(s.file).onLine(s.line("Double.sum(w, 1) + f"));
  }

  @Test
  void javacsOwnErrorStillStandsAlone() {
    TestSource s = src("T", """
        final class T {
          @Differentiable
          static double f(double w) {
            return Double.sum(w, Undefined.x);
          }
        }
        """);
    Compilation c = compile(s);
    assertThat(c).failed();
    assertWithMessage(describe(c.diagnostics())).that(c.errors()).hasSize(1);
    assertThat(c).hadErrorContaining("cannot find symbol").inFile(s.file)
        .onLine(s.line("Undefined.x"));
  }

  // ------------------------------------------------------------ 3. wrt = {} and duplicates

  @Test
  void emptyWrtIsAnError() {
    TestSource s = src("T", """
        final class T {
          @Differentiable(wrt = {})
          static double f(double w) {
            return w * w;
          }
        }
        """);
    Compilation c = compile(s);
    assertThat(c).failed();
    assertWithMessage(describe(c.diagnostics())).that(c.errors()).hasSize(1);
    assertThat(c).hadErrorContaining("wrt = {} names no parameter to differentiate 'f' with"
        + " respect to; leave wrt out to differentiate with respect to every double")
        .inFile(s.file).onLine(s.line("wrt = {}"));
  }

  @Test
  void duplicateWrtIsAnError() {
    TestSource s = src("T", """
        final class T {
          @Differentiable(wrt = {"a", "b", "a"})
          static double f(double a, double b) {
            return a * b;
          }
        }
        """);
    Compilation c = compile(s);
    assertThat(c).failed();
    assertWithMessage(describe(c.diagnostics())).that(c.errors()).hasSize(1);
    assertThat(c).hadErrorContaining("wrt names 'a' more than once; name each parameter once")
        .inFile(s.file).onLine(s.line("wrt = {\"a\", \"b\", \"a\"}"));
  }

  // ------------------------------------------------------------------- 7. deep input

  private static String nested(int depth) {
    String e = "a";
    for (int i = 0; i < depth; i++) {
      e = "(" + e + (i % 2 == 0 ? " * 1.001 + b" : " - 0.5 * b") + ")";
    }
    return e;
  }

  @Test
  void sixHundredNestedParentheses() throws Exception {
    TestSource s = src("Deep", """
        final class Deep {
          @Differentiable
          static double f(double a, double b) {
            return %s;
          }
        }
        """.formatted(nested(600)));
    Compilation c = compileOnDefaultStack(s);
    assertWithMessage(describe(c.diagnostics())).that(c.errors()).isEmpty();
    Compiled loaded = new Compiled(c);
    Compiled.assertGradient(loaded.load("t.Deep"), loaded.load("t.DeepGrad"), "f", 0.7, -0.3);
  }

  @Test
  void fourHundredNestedIfs() throws Exception {
    StringBuilder body = new StringBuilder("    double s = a;\n");
    for (int i = 0; i < 400; i++) {
      body.append("    if (a > -1000 + ").append(i).append(") {\n      s = s * 1.001 + b;\n");
    }
    for (int i = 0; i < 400; i++) {
      body.append("    }\n");
    }
    TestSource s = src("DeepIf", """
        final class DeepIf {
          @Differentiable
          static double f(double a, double b) {
        %s    return s;
          }
        }
        """.formatted(body));
    // javac's parser needs more than 1 MB for the generated class, whose sweeps nest as deep.
    Compilation c = compileOnStack(8, s);
    assertWithMessage(describe(c.diagnostics())).that(c.errors()).isEmpty();
    Compiled loaded = new Compiled(c);
    Compiled.assertGradient(loaded.load("t.DeepIf"), loaded.load("t.DeepIfGrad"), "f", 0.7,
        -0.3);
  }

  // ----------------------------------------------------- 8. size in tokens, not characters

  @Test
  void aNinetyCaseSwitchIsDifferentiated() throws Exception {
    StringBuilder cases = new StringBuilder();
    for (int k = 0; k < 90; k++) {
      cases.append("      case ").append(k).append(" -> r = a * ").append(k + 1)
          .append(".0 + Math.sin(b * ").append(k % 7 + 1).append(".0) - ").append(k)
          .append(".0 * a * b;\n");
    }
    TestSource s = src("Sw", """
        final class Sw {
          @Differentiable
          static double f(double a, double b, int k) {
            double r = 0;
            switch (k) {
        %s      default -> r = a * b;
            }
            return r;
          }
        }
        """.formatted(cases));
    Compilation c = compile(s);
    assertWithMessage(describe(c.diagnostics())).that(c.errors()).isEmpty();
    Compiled loaded = new Compiled(c);
    for (int k : new int[] {0, 1, 44, 89, 90}) {
      Compiled.assertGradient(loaded.load("t.Sw"), loaded.load("t.SwGrad"), "f", 0.7, -0.3, k);
    }
  }

  // ------------------------------------------------------------- 4. generic methods

  @Test
  void genericMethodsDeclareTheirTypeVariables() throws Exception {
    TestSource s = src("Gen", """
        final class Gen {
          @Differentiable
          static <T> double tagged(double a, T tag) {
            return a * a * (tag == null ? 1 : 3);
          }

          @Differentiable
          static <N extends Number & Comparable<N>> double scaled(double a, N n, double k) {
            return a * a * k + (n == null ? 0 : a);
          }
        }
        """);
    Compilation c = compile(s);
    assertWithMessage(describe(c.diagnostics())).that(c.errors()).isEmpty();
    Compiled loaded = new Compiled(c);
    Class<?> gen = loaded.load("t.Gen");
    Class<?> grad = loaded.load("t.GenGrad");
    Compiled.assertGradient(gen, grad, "tagged", 0.7, "x");
    Compiled.assertGradient(gen, grad, "scaled", 0.7, 3, 1.5);
  }

  // --------------------------------------------------------- 5. generated-name collisions

  @Test
  void noGraphMethodWhereTheClassHasAMethodOfThatName() throws Exception {
    TestSource s = src("Two", """
        final class Two {
          @Differentiable
          public static double loss(double w) {
            return w * w;
          }

          @Differentiable
          public static double lossGraph(double w) {
            return 3 * w;
          }

          @Differentiable
          public static double other(double w) {
            return w * w * w;
          }
        }
        """);
    Compilation c = adjoint().withOptions("-parameters", "-Aadjoint.graph=true")
        .compile(s.file);
    assertNoCrash(c);
    assertWithMessage(describe(c.diagnostics())).that(c.errors()).isEmpty();
    Compiled loaded = new Compiled(c);
    Class<?> grad = loaded.load("t.TwoGrad");
    assertWithMessage("lossGraph is the gradient of lossGraph")
        .that(Compiled.method(grad, "lossGraph").getReturnType().getSimpleName())
        .isEqualTo("LossGraphGradient");
    assertWithMessage("the other method keeps its graph")
        .that(Compiled.method(grad, "otherGraph").getReturnType().getSimpleName())
        .isEqualTo("ComputationGraph");
    Compiled.assertGradient(loaded.load("t.Two"), grad, "lossGraph", 0.7);
  }

  @Test
  void anUnavoidableCollisionIsAnError() {
    TestSource s = src("Clash", """
        import dev.adjoint.Tape;

        final class Clash {
          @Differentiable
          static double loss(double w) {
            return w * w;
          }

          @Differentiable
          static double lossAdjoint(double w, double seed, double[] adjoints, Tape tape) {
            return w * seed;
          }
        }
        """);
    Compilation c = compile(s);
    assertThat(c).failed();
    assertWithMessage(describe(c.diagnostics())).that(c.errors()).hasSize(1);
    assertThat(c).hadErrorContaining("in ClashGrad, the gradient method lossAdjoint(double,"
        + " double, double[], dev.adjoint.Tape) of 'lossAdjoint' would collide with the adjoint"
        + " entry point lossAdjoint(double, double, double[], dev.adjoint.Tape) of 'loss';"
        + " rename one of the two methods")
        .inFile(s.file).onLine(s.line("static double lossAdjoint("));
  }

  // ------------------------------------------------------- 6. generated-class collisions

  @Test
  void aUserClassWithTheGeneratedName() {
    TestSource foo = src("Foo", """
        final class Foo {
          @Differentiable
          static double f(double w) {
            return w * w;
          }
        }
        """);
    TestSource fooGrad = src("FooGrad", """
        final class FooGrad {
          static int mine() {
            return 1;
          }
        }
        """);
    Compilation c = compile(foo, fooGrad);
    assertThat(c).failed();
    assertWithMessage(describe(c.diagnostics())).that(c.errors()).hasSize(1);
    assertThat(c).hadErrorContaining("the class Adjoint generates for t.Foo would be t.FooGrad,"
        + " but the class t.FooGrad already exists; rename one of the two classes")
        .inFile(foo.file).onLine(foo.line("final class Foo"));
  }

  @Test
  void twoOwnersWithOneGeneratedName() {
    TestSource a = src("A", """
        final class A {
          static final class B_C {
            @Differentiable
            static double f(double w) {
              return w * w;
            }
          }
        }
        """);
    TestSource ab = src("A_B", """
        final class A_B {
          static final class C {
            @Differentiable
            static double g(double w) {
              return w * w;
            }
          }
        }
        """);
    Compilation c = compile(a, ab);
    assertThat(c).failed();
    assertWithMessage(describe(c.diagnostics())).that(c.errors()).hasSize(1);
    assertThat(c).hadErrorContaining("the class Adjoint generates for t.A_B.C would be"
        + " t.A_B_CGrad, the same as the one it generates for t.A.B_C; rename one of the two"
        + " classes")
        .inFile(ab.file).onLine(ab.line("static final class C"));
  }
}
