package dev.adjoint.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.adjoint.processor.TestSource.adjoint;
import static dev.adjoint.processor.TestSource.assertNoCrash;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Issue 17: what stays an error about records and objects, each at its file, line and column,
 * with nothing else reported.
 */
class RecordDiagnosticsTest {

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
  void recordPassedOnIsAnError() {
    TestSource src = t("""
        record P(double w, double b) {}

        final class T {
          static double helper(P p) { return p.w(); }

          @Differentiable
          static double loss(P p, double x) {
            return helper(p) * x;
          }
        }
        """);
    oneError(src, "the record p can be used in a @Differentiable method only through its"
        + " components", "return helper(p)", "p)");
  }

  @Test
  void recordPassedToAJdkMethodIsAnError() {
    TestSource src = t("""
        record P(double w, double b) {}

        final class T {
          @Differentiable
          static double loss(P p, double x) {
            return String.valueOf(p).length() * x + java.util.Objects.hashCode(p);
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("the record p can be used in a @Differentiable method only"
        + " through its components").inFile(src.file).onLine(src.line("return String.valueOf"))
        .atColumn(src.column("return String.valueOf", "p)"));
  }

  @Test
  void recordMethodCallIsAnError() {
    TestSource src = t("""
        record P(double w, double b) {}

        final class T {
          @Differentiable
          static double loss(P p, double x) {
            return p.toString().length() * x * p.w();
          }
        }
        """);
    oneError(src, "the record p can be used", "return p.toString()", "p.toString");
  }

  @Test
  void nestedRecordAsValueIsAnError() {
    TestSource src = t("""
        record Inner(double a) {}
        record Outer(Inner in, double b) {}

        final class T {
          static double helper(Inner i) { return i.a(); }

          @Differentiable
          static double loss(Outer o) {
            return o.b() * helper(o.in());
          }
        }
        """);
    oneError(src, "the record o.in can be used", "helper(o.in())", "());");
  }

  @Test
  void writingIntoAComponentArrayIsAnError() {
    TestSource src = t("""
        record L(double[] w) {}

        final class T {
          @Differentiable
          static double loss(L l) {
            l.w()[0] = 2.0;
            return l.w()[0] * l.w()[1];
          }
        }
        """);
    oneError(src, "writing into parameter array 'l.w' is not supported", "l.w()[0] = 2.0",
        "[0] =");
  }

  @Test
  void privateRecordIsAnError() {
    TestSource src = t("""
        final class T {
          private record P(double w) {}

          @Differentiable
          static double loss(P p) {
            return p.w() * p.w();
          }
        }
        """);
    oneError(src, "record P is private (or inside a private class), and the generated class"
        + " cannot see it", "static double loss(P p)", "p)");
  }

  @Test
  void accessorReturningSomethingElseIsAnError() {
    TestSource src = t("""
        record P(double w) {
          public double w() { return 2 * w; }
        }

        final class T {
          @Differentiable
          static double loss(P p) {
            return p.w() * p.w();
          }
        }
        """);
    oneError(src, "record P declares its own accessor w(), which returns something other than"
        + " the component", "static double loss(P p)", "p)");
  }

  @Test
  void accessorReturningItsFieldIsFine() {
    TestSource src = t("""
        record P(double w) {
          public double w() { return this.w; }
        }

        final class T {
          @Differentiable
          static double loss(P p) {
            return p.w() * p.w();
          }
        }
        """);
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  @Test
  void canonicalConstructorIsAnError() {
    TestSource src = t("""
        record P(double sigma) {
          P {
            if (sigma < 0) {
              throw new IllegalArgumentException("sigma");
            }
          }
        }

        final class T {
          @Differentiable
          static double loss(P p) {
            return p.sigma() * p.sigma();
          }
        }
        """);
    oneError(src, "record P declares its own canonical constructor, which would also run on the"
        + " gradient", "static double loss(P p)", "p)");
  }

  @Test
  void wrtPathToNoComponentIsAnError() {
    TestSource src = t("""
        record P(double w, int n) {}

        final class T {
          @Differentiable(wrt = {"p.q"})
          static double loss(P p) {
            return p.w() * p.n();
          }
        }
        """);
    oneError(src, "wrt names 'p.q', but the record has no component at that path",
        "@Differentiable(wrt", "\"p.q\"");
  }

  @Test
  void wrtPathToAnIntIsAnError() {
    TestSource src = t("""
        record P(double w, int n) {}

        final class T {
          @Differentiable(wrt = {"p.n"})
          static double loss(P p) {
            return p.w() * p.n();
          }
        }
        """);
    oneError(src, "wrt names 'p.n', which cannot be differentiated", "@Differentiable(wrt",
        "\"p.n\"");
  }

  @Test
  void wrtPathIntoADoubleIsAnError() {
    TestSource src = t("""
        final class T {
          @Differentiable(wrt = {"x.w"})
          static double loss(double x) {
            return x * x;
          }
        }
        """);
    oneError(src, "wrt names 'x.w', but 'x' is not a record of doubles", "@Differentiable(wrt",
        "\"x.w\"");
  }

  @Test
  void recordPassedToACalleeWhoseWrtLeavesItOutIsAnError() {
    TestSource src = t("""
        record P(double w) {}

        final class T {
          @Differentiable(wrt = {"x"})
          static double inner(P p, double x) {
            return p.w() * x;
          }

          @Differentiable
          static double outer(P q, double x) {
            return inner(q, x);
          }
        }
        """);
    oneError(src, "'inner' does not differentiate its record 'p' (its wrt leaves it out), so it"
        + " takes the record as an object", "return inner(", "q, x");
  }

  @Test
  void activeNewRecordPassedToACalleeWhoseWrtLeavesItOutIsAnError() {
    TestSource src = t("""
        record P(double w) {}

        final class T {
          @Differentiable(wrt = {"x"})
          static double inner(P p, double x) {
            return p.w() * x;
          }

          @Differentiable
          static double outer(double x) {
            return inner(new P(x), x);
          }
        }
        """);
    oneError(src, "an active value flows into a new t.P, where no derivative can follow it",
        "return inner(", "x), x");
  }

  @Test
  void reassigningAComponentAliasIsAnError() {
    TestSource src = t("""
        record L(double[] w) {}

        final class T {
          @Differentiable
          static double loss(L l, double[] x) {
            double[] w = l.w();
            w = x;
            return w[0] * w[1];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("'w' stands for a row or a record's component, and cannot"
        + " be assigned").inFile(src.file).onLine(src.line("w = x;")).atColumn(5);
  }

  @Test
  void reassigningARecordParameterIsAnError() {
    TestSource src = t("""
        record P(double w) {}

        final class T {
          @Differentiable
          static double loss(P p, double x) {
            p = new P(x);
            return p.w() * x;
          }
        }
        """);
    oneError(src, "'p' stands for a record parameter, and cannot be assigned", "p = new P(x);",
        "p =");
  }

  @Test
  void instanceMethodOfAClassIsAnError() {
    TestSource src = t("""
        final class T {
          double rate = 0.5;

          @Differentiable
          double loss(double w) {
            return rate * w * w;
          }
        }
        """);
    oneError(src, "field 'rate' of T is not final, and Adjoint differentiates an instance method"
        + " of a class only when every field of it is final", "double loss(", "loss(");
  }

  @Test
  void thisPassedOnIsAnError() {
    TestSource src = t("""
        record P(double w) {
          static double helper(P p) { return p.w(); }

          @Differentiable
          double loss(double x) {
            return helper(this) * x * w;
          }
        }

        final class T {}
        """);
    oneError(src, "'this' can be used in a @Differentiable method only through the record's"
        + " components", "return helper(this)", "this)");
  }

  @Test
  void recordMethodOnARecordOutsideWrtIsAnError() {
    TestSource src = t("""
        record P(double w) {
          double scaled(double x) { return w * x; }
        }

        final class T {
          @Differentiable(wrt = {"x"})
          static double loss(P p, double x) {
            return p.scaled(x) * x;
          }
        }
        """);
    oneError(src, "'scaled' is a method of record P, and Adjoint differentiates such a call only"
        + " on a record parameter (or a component of one) or on 'this'", "return p.scaled(x)",
        "(x)");
  }

  @Test
  void activeValueIntoACollectionIsAnError() {
    TestSource src = t("""
        record P(double w) {}

        final class T {
          @Differentiable
          static double loss(P p, java.util.List<Double> out) {
            out.add(p.w());
            return p.w() * p.w();
          }
        }
        """);
    oneError(src, "an active value is passed to List.add", "out.add(", "());");
  }

  @Test
  void virtualCallOnAnInterfaceIsAnError() {
    TestSource src = t("""
        interface Activation {
          double apply(double z);
        }

        record P(double w) {}

        final class T {
          @Differentiable
          static double loss(P p, Activation act) {
            return act.apply(p.w());
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("an active value is passed to Activation.apply, a method of"
        + " an object, where no derivative can follow it").inFile(src.file)
        .onLine(src.line("return act.apply("));
  }

  @Test
  void recordReturnedByAStaticHelperIsInlined() {
    TestSource src = t("""
        record State(double x, double v) {}

        final class T {
          static State step(State s, double dt) {
            return new State(s.x() + dt * s.v(), s.v());
          }

          @Differentiable
          static double loss(double x0) {
            State s = new State(x0, 1.0);
            s = step(s, 0.1);
            return s.x();
          }
        }
        """);
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  private static TestSource helper(String helper, String call) {
    return t("""
        record State(double x, double v) {}

        final class T {
          static final double K = 2.0;

          %s

          @Differentiable
          static double loss(double x0, double[] w) {
            State s = new State(x0, 1.0);
            %s
            return s.x();
          }
        }
        """.formatted(helper, call));
  }

  private static void helperError(TestSource src, String message, String line) {
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining(message).inFile(src.file).onLine(src.line(line));
  }

  @Test
  void helperNotEndingWithANewRecordIsAnError() {
    helperError(helper("""
        static State step(State s, double dt) {
            State next = new State(s.x() + dt * s.v(), s.v());
            return next;
          }""", "s = step(s, 0.1);"),
        "the record State returned by 'step' can be inlined only when its body ends with"
            + " 'return new State(...);'", "s = step(s, 0.1);");
  }

  @Test
  void helperReturningEarlyIsAnError() {
    helperError(helper("""
        static State step(State s, double dt) {
            if (dt > 1) {
              return s;
            }
            double v = s.v();
            return new State(s.x() + dt * v, v);
          }""", "s = step(s, 0.1);"),
        "cannot be inlined: its body returns before its last statement", "s = step(s, 0.1);");
  }

  @Test
  void helperAssigningAParameterIsAnError() {
    helperError(helper("""
        static State step(State s, double dt) {
            dt = dt / 2;
            return new State(s.x() + dt * s.v(), s.v());
          }""", "s = step(s, 0.1);"),
        "cannot be inlined: its body assigns 'dt', which is not one of its own locals",
        "s = step(s, 0.1);");
  }

  @Test
  void helperWithLocalsReadingAFieldIsAnError() {
    helperError(helper("""
        static State step(State s, double dt) {
            double v = s.v() * K;
            return new State(s.x() + dt * v, v);
          }""", "s = step(s, 0.1);"),
        "cannot be inlined: its body reads 'K', which is not one of its parameters nor one of"
            + " its locals; pass it in", "s = step(s, 0.1);");
  }

  @Test
  void helperReadingAFieldIsAnError() {
    helperError(helper("""
        static State step(State s) {
            return new State(K * s.x(), s.v());
          }""", "s = step(s);"),
        "its 'return new State(...)' reads 'K', which is not one of its parameters; pass it in",
        "s = step(s);");
  }

  @Test
  void helperTakingAnArrayIsAnError() {
    helperError(helper("""
        static State step(State s, double[] w) {
            return new State(w[0] * s.x(), s.v());
          }""", "s = step(s, w);"),
        "its parameter 'w' is an array; only scalars and records of scalars can be passed",
        "s = step(s, w);");
  }

  @Test
  void overloadedHelperIsAnError() {
    helperError(helper("""
        static State step(State s) {
            return new State(s.x(), s.v());
          }

          static State step(State s, double dt) {
            return new State(s.x() + dt, s.v());
          }""", "s = step(s, 0.5);"),
        "can be inlined only from a method declared once in T (not overloaded, not inherited)",
        "s = step(s, 0.5);");
  }

  @Test
  void instanceHelperIsAnError() {
    TestSource src = t("""
        record State(double x, double v) {
          State next(double dt) {
            return new State(x + dt * v, v);
          }

          @Differentiable
          double loss(double dt) {
            State s = new State(x, v);
            s = next(dt);
            return s.x();
          }
        }
        """);
    helperError(src, "can be inlined only from a static method; make 'next' static",
        "s = next(dt);");
  }

  @Test
  void localRecordWithAnArrayComponentIsAnError() {
    TestSource src = t("""
        record L(double[] w, double b) {}

        final class T {
          @Differentiable
          static double loss(double[] w, double b) {
            L l = new L(w, b);
            return l.b() * b;
          }
        }
        """);
    oneError(src, "a local L has an array component (w), and only records of scalars", "L l = new",
        "l = new");
  }

  @Test
  void sealedDispatchInsideAConditionalOperandIsAnError() {
    TestSource src = t("""
        sealed interface Act permits Id, Sq {
          double apply(double z);
        }

        record Id() implements Act {
          public double apply(double z) { return z; }
        }

        record Sq() implements Act {
          public double apply(double z) { return z * z; }
        }

        final class T {
          @Differentiable
          static double loss(Act act, double w) {
            return w > 0 ? act.apply(w) : w;
          }
        }
        """);
    oneError(src, "a call dispatched on the sealed interface Act is not supported inside ?:, &&"
        + " or ||", "return w > 0 ?", "(w) :");
  }

  @Test
  void sealedRecordWithoutItsOwnImplementationIsAnError() {
    TestSource src = t("""
        sealed interface Act permits Id, Sq {
          default double apply(double z) { return z; }
        }

        record Id() implements Act {}

        record Sq() implements Act {
          public double apply(double z) { return z * z; }
        }

        final class T {
          @Differentiable
          static double loss(Act act, double w) {
            return act.apply(w);
          }
        }
        """);
    oneError(src, "is differentiated when every permitted record implements 'apply' itself and it"
        + " returns double; Id does not", "return act.apply(w);", "(w);");
  }

  @Test
  void localRecordWithAnAccessorOfItsOwnIsAnError() {
    TestSource src = t("""
        record P(double x) {
          public double x() { return 2 * x; }
        }

        final class T {
          @Differentiable
          static double loss(double a) {
            P p = new P(a);
            return p.x() * a;
          }
        }
        """);
    oneError(src, "record P declares its own accessor x(), which returns something other than the"
        + " component", "P p = new P(a);", "p = new");
  }

  @Test
  void sealedRecordWithAnAccessorOfItsOwnIsAnError() {
    TestSource src = t("""
        sealed interface Act permits Id, Scaled {
          double apply(double z);
        }

        record Id() implements Act {
          public double apply(double z) { return z; }
        }

        record Scaled(double k) implements Act {
          public double k() { return -k; }
          public double apply(double z) { return k * z; }
        }

        final class T {
          @Differentiable
          static double loss(Act act, double w) {
            return act.apply(w);
          }
        }
        """);
    oneError(src, "record Scaled declares its own accessor k()", "return act.apply(w);", "(w);");
  }
}
