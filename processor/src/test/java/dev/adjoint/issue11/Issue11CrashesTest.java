package dev.adjoint.issue11;

import static dev.adjoint.issue11.Harness.m;
import static dev.adjoint.issue11.Harness.v;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, "Crashes and generated code that does not compile": the processor never throws, the
 * generated code compiles and runs; where Adjoint does not support a construct it says so with an
 * ERROR at the construct; name collisions of generated classes are reported as an ERROR naming
 * the other class, not as a FilerException.
 */
class Issue11CrashesTest {

  @Test
  void varRowOfMatrixParameter() {
    // `double[] r = m[0];` is supported; `var` must not change that (it threw an NPE at run time).
    Harness.Run r = Harness.compile("iss.C", Harness.classC("", """
        @Differentiable
        static double f(double[][] m, double a) {
          var r = m[0];
          return r[0] * r[1] * a + m[1][0];
        }
        """));
    r.assertCompiles("iss.CGrad");
    r.gradient("iss.C", "f").at(m(v(0.5, 1.5), v(2.0, -1.0)), 0.7)
        .at(m(v(-2.0, 0.3), v(0.1, 0.2)), -1.2).check();
  }

  @Test
  void varAliasOfArrayParameter() {
    Harness.Run r = Harness.compile("iss.C", Harness.classC("", """
        @Differentiable
        static double f(double[] x, double a) {
          var y = x; //@here
          return y[0] * y[1] * a + x[0];
        }
        """));
    r.assertSupportedOrErrorAt("iss.C", r.lines("iss.C", "here"),
        () -> r.gradient("iss.C", "f").at(v(0.5, 1.5), 0.7).at(v(-2.0, 0.3), -1.2).check(),
        "iss.CGrad");
  }

  @Test
  void varargsHelperThreeArguments() {
    Harness.Run r = Harness.compile("iss.C", Harness.classC("", """
        static double sumSq(double... xs) { //@helper
          double s = 0;
          for (double v : xs) {
            s += v * v;
          }
          return s;
        }

        @Differentiable
        static double f(double a, double b) {
          return sumSq(a, b, a * b); //@here
        }
        """));
    r.assertSupportedOrErrorAt("iss.C", r.lines("iss.C", "here", "helper"),
        () -> r.gradient("iss.C", "f").at(0.7, 1.3).at(-1.1, 0.4).check(), "iss.CGrad");
  }

  @Test
  void varargsHelperOneArgument() {
    Harness.Run r = Harness.compile("iss.C", Harness.classC("", """
        static double sumSq(double... xs) { //@helper
          double s = 0;
          for (double v : xs) {
            s += v * v;
          }
          return s;
        }

        @Differentiable
        static double f(double a) {
          return sumSq(a) * a; //@here
        }
        """));
    r.assertSupportedOrErrorAt("iss.C", r.lines("iss.C", "here", "helper"),
        () -> r.gradient("iss.C", "f").at(0.7).at(-1.1).check(), "iss.CGrad");
  }

  @Test
  void genericDifferentiableMethod() {
    Harness.Run r = Harness.compile("iss.C", Harness.classC("", """
        @Differentiable //@ann
        static <T> double f(double a, T tag) { //@decl
          return a * a * Math.sin(a) + (tag == null ? 0 : 1);
        }
        """));
    r.assertSupportedOrErrorAt("iss.C", r.lines("iss.C", "ann", "decl"),
        () -> r.gradient("iss.C", "f").at(0.7, "tag").at(-1.1, null).check(), "iss.CGrad");
  }

  @Test
  void lossAndLossGraphInOneClass() {
    Harness.Run r = Harness.compile("iss.C", Harness.classC("", """
        @Differentiable //@ann1
        static double loss(double a) { //@decl1
          return a * a;
        }

        @Differentiable //@ann2
        static double lossGraph(double a) { //@decl2
          return Math.sin(a) * a;
        }
        """));
    r.assertSupportedOrErrorAt("iss.C", r.lines("iss.C", "ann1", "decl1", "ann2", "decl2"), () -> {
      r.gradient("iss.C", "loss").at(0.7).at(-1.1).check();
      r.gradient("iss.C", "lossGraph").at(0.7).at(-1.1).check();
    }, "iss.CGrad");
  }

  private static String nestedParentheses(int depth) {
    String e = "a";
    for (int i = 0; i < depth; i++) {
      e = "(" + e + " * 0.999 + 0.001 * a)";
    }
    return e;
  }

  @Test
  void nestingDepth400Parentheses() {
    Harness.Run r = Harness.compileWithLargeStack("iss.C", Harness.classC("", """
        @Differentiable
        static double f(double a) {
          return %s * a; //@here
        }
        """.formatted(nestedParentheses(400))));
    r.assertSupportedOrErrorAt("iss.C", r.lines("iss.C", "here"),
        () -> r.gradient("iss.C", "f").at(0.7).at(-1.1).check(), "iss.CGrad");
  }

  @Test
  void nestingDepth400Ifs() {
    StringBuilder body = new StringBuilder();
    body.append("@Differentiable\nstatic double f(double a) { //@decl\n  double s = a;\n");
    for (int i = 0; i < 400; i++) {
      body.append("if (s > -1e9) {\n  s = s * 0.999 + 0.001 * Math.sin(a);\n");
    }
    for (int i = 0; i < 400; i++) {
      body.append("}\n");
    }
    body.append("  return s * a;\n} //@end\n");
    // The processor runs on its own large stack; javac then compiles the generated class, as
    // deeply nested as the method, on the caller's: give it the stack `javac -J-Xss8m` would.
    Harness.Run r = Harness.compileWithLargeStack("iss.C", Harness.classC("", body.toString()));
    r.assertSupportedOrErrorAt("iss.C",
        r.range(r.line("iss.C", "decl") - 1, r.line("iss.C", "end")),
        () -> r.gradient("iss.C", "f").at(0.7).at(-1.1).check(), "iss.CGrad");
  }

  @Test
  void userClassNamedFooGradBesideFoo() {
    String foo = """
        package iss;

        import dev.adjoint.Differentiable;

        final class Foo { //@cls
          private Foo() {}

          @Differentiable //@ann
          static double f(double a) { //@decl
            return a * a;
          }
        }
        """;
    String fooGrad = """
        package iss;

        final class FooGrad { //@cls
          private FooGrad() {}

          static int answer() {
            return 42;
          }
        }
        """;
    Harness.Run r = Harness.compile("iss.Foo", foo, "iss.FooGrad", fooGrad);
    r.assertErrorAt(Map.of("iss.Foo", r.lines("iss.Foo", "cls", "ann", "decl"),
            "iss.FooGrad", r.lines("iss.FooGrad", "cls")),
        m -> m.contains("FooGrad") && !m.contains("FilerException")
            && !m.contains("recreate"),
        "which class (FooGrad) the generated name collides with, not a FilerException");
  }

  @Test
  void nestedClassNamesCollideInGradName() {
    String a = """
        package iss;

        import dev.adjoint.Differentiable;

        final class A {
          private A() {}

          static final class B_C { //@cls
            private B_C() {}

            @Differentiable //@ann
            static double f(double a) { //@decl
              return a * a;
            }
          }
        }
        """;
    String ab = """
        package iss;

        import dev.adjoint.Differentiable;

        final class A_B {
          private A_B() {}

          static final class C { //@cls
            private C() {}

            @Differentiable //@ann
            static double g(double a) { //@decl
              return Math.sin(a);
            }
          }
        }
        """;
    Harness.Run r = Harness.compile("iss.A", a, "iss.A_B", ab);
    Set<Integer> inA = r.lines("iss.A", "cls", "ann", "decl");
    Set<Integer> inAb = r.lines("iss.A_B", "cls", "ann", "decl");
    r.assertErrorAt(Map.of("iss.A", inA, "iss.A_B", inAb),
        m -> (m.contains("A_B_CGrad") || m.contains("A.B_C") || m.contains("A_B.C"))
            && !m.contains("FilerException") && !m.contains("recreate"),
        "which class the generated name A_B_CGrad collides with, not a FilerException");
  }
}
