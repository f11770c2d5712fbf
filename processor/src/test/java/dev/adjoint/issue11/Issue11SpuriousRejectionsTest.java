package dev.adjoint.issue11;

import static dev.adjoint.issue11.Harness.m;
import static dev.adjoint.issue11.Harness.v;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, "Spurious rejections": large but simple methods, {@code var} arrays and
 * parenthesized rows must compile and be right; {@code wrt = {}} and duplicate wrt names must be
 * ERRORs at the annotation or method.
 */
class Issue11SpuriousRejectionsTest {

  private static String caseExpression(int i) {
    switch (i % 5) {
      case 0:
        return "Math.sin(" + (i + 1) + ".0 * a) * a + " + i + ".0";
      case 1:
        return "Math.exp(0.01 * " + i + " * a) - a * a";
      case 2:
        return "a * a * a * " + i + ".5";
      case 3:
        return "Math.cos(a + " + i + ") / (1.0 + a * a)";
      default:
        return "Math.log(1.0 + a * a) * " + i;
    }
  }

  @Test
  void intSwitchWith90Cases() {
    StringBuilder b = new StringBuilder();
    b.append("@Differentiable\nstatic double f(double a, int k) {\n  double r;\n");
    b.append("  switch (k) {\n");
    for (int i = 0; i < 90; i++) {
      b.append("    case ").append(i).append(":\n      r = ").append(caseExpression(i))
          .append(";\n      break;\n");
    }
    b.append("    default:\n      r = a;\n  }\n  return r;\n}\n");
    Harness.Run r = Harness.compile("iss.C", Harness.classC("", b.toString()));
    r.assertCompiles("iss.CGrad");
    Harness.Grad g = r.gradient("iss.C", "f");
    for (int k : new int[] {0, 1, 2, 3, 4, 45, 88, 89, 90}) {
      g.at(0.7, k).at(-1.1, k);
    }
    g.check();
  }

  @Test
  void nestedCallsDepth200() {
    String e = "a";
    for (int i = 0; i < 200; i++) {
      e = "Math.sin(" + e + ")";
    }
    Harness.Run r = Harness.compileOnLargeStack("iss.C", Harness.classC("", """
        @Differentiable
        static double f(double a) {
          return %s;
        }
        """.formatted(e)));
    r.assertCompiles("iss.CGrad");
    r.gradient("iss.C", "f").at(0.7).at(-1.1).at(2.5).check();
  }

  @Test
  void nestedIfsDepth400SmallBytecode() {
    // 400 nested ifs around one statement: a few kilobytes of bytecode, though its text (with
    // indentation) is large. Not rejected for size: must compile and be right.
    StringBuilder b = new StringBuilder();
    b.append("@Differentiable\nstatic double f(double a) {\n  double s = a;\n");
    for (int i = 0; i < 400; i++) {
      b.append("if (a > -1e9 + ").append(i).append(") {\n");
    }
    b.append("s = s * Math.sin(a) + a;\n");
    for (int i = 0; i < 400; i++) {
      b.append("}\n");
    }
    b.append("  return s * a;\n}\n");
    Harness.Run r = Harness.compileOnLargeStack("iss.C", Harness.classC("", b.toString()));
    r.assertCompiles("iss.CGrad");
    r.gradient("iss.C", "f").at(0.7).at(-1.1).check();
  }

  @Test
  void varNewDoubleArray() {
    Harness.Run r = Harness.compile("iss.C", Harness.classC("", """
        @Differentiable
        static double f(double a, double b) {
          var y = new double[3];
          y[0] = a;
          y[1] = a * b;
          y[2] = y[0] * Math.sin(y[1]);
          return y[2] + y[1] * y[1];
        }
        """));
    r.assertCompiles("iss.CGrad");
    r.gradient("iss.C", "f").at(0.7, 1.3).at(-1.1, 0.4).at(2.0, -0.6).check();
  }

  @Test
  void parenthesizedRowAssignment() {
    Harness.Run r = Harness.compile("iss.C", Harness.classC("", """
        @Differentiable
        static double f(double[][] m, double a) {
          double[] r = (m[1]);
          return r[0] * r[1] * a + m[0][0] * r[0];
        }
        """));
    r.assertCompiles("iss.CGrad");
    r.gradient("iss.C", "f").at(m(v(0.5, 1.5), v(2.0, -1.0)), 0.7)
        .at(m(v(-2.0, 0.3), v(0.1, 0.2)), -1.2).check();
  }

  @Test
  void wrtEmptyIsError() {
    Harness.Run r = Harness.compile("iss.C", Harness.classC("", """
        @Differentiable(wrt = {}) //@ann
        static double f(double a, double b) { //@decl
          return a * b;
        }
        """));
    r.assertErrorAt("iss.C", r.lines("iss.C", "ann", "decl"),
        m -> m.toLowerCase(Locale.ROOT).contains("wrt"), "something about wrt");
  }

  @Test
  void wrtDuplicateIsError() {
    Harness.Run r = Harness.compile("iss.C", Harness.classC("", """
        @Differentiable(wrt = {"a", "a"}) //@ann
        static double f(double a, double b) { //@decl
          return a * b;
        }
        """));
    r.assertErrorAt("iss.C", r.lines("iss.C", "ann", "decl"), m -> {
      String l = m.toLowerCase(Locale.ROOT);
      return l.contains("wrt") || l.contains("duplicate") || l.contains("twice")
          || l.contains("more than once");
    }, "wrt / duplicate");
  }
}
