package dev.adjoint.issue11;

import org.junit.jupiter.api.Test;

/**
 * Issue 11, "Nothing generated, nothing said": valid Java the processor cannot resolve must get
 * its Grad class (with a right gradient) or an ERROR at the construct; a problem in one class
 * never stops other classes from getting their Grad class; all errors of a file are reported in
 * one compilation.
 */
class Issue11NothingSaidTest {

  private static Harness.Run compileWithOther(String src) {
    return Harness.compile("iss.C", src, Harness.OTHER_NAME, Harness.OTHER);
  }

  @Test
  void cloneOfArray() {
    Harness.Run r = compileWithOther(Harness.classC("", """
        @Differentiable
        static double f(double[] x, double a) {
          double[] y = x.clone(); //@here
          y[0] = y[0] * a;
          return y[0] + x[0] * y[1];
        }
        """));
    r.assertSupportedOrErrorAt("iss.C", r.lines("iss.C", "here"),
        () -> r.gradient("iss.C", "f").at(Harness.v(0.5, 1.5), 0.7)
            .at(Harness.v(-2.0, 0.3), -1.2).check(), "iss.CGrad");
    r.assertOtherStillGenerated();
  }

  @Test
  void enumSwitchCaseLabels() {
    Harness.Run r = compileWithOther(Harness.classC("", """
        enum Shape { SQUARE, CUBE, LINE }

        @Differentiable
        static double f(double a, Shape s) {
          switch (s) { //@switch
            case SQUARE: //@square
              return a * a;
            case CUBE: //@cube
              return a * a * a;
            default:
              return 2 * a;
          }
        }
        """));
    r.assertSupportedOrErrorAt("iss.C", r.lines("iss.C", "switch", "square", "cube"), () -> {
      Harness.Grad g = r.gradient("iss.C", "f").wrt("a");
      for (String shape : new String[] {"SQUARE", "CUBE", "LINE"}) {
        Object constant = enumConstant(r, "iss.C$Shape", shape);
        g.at(0.7, constant).at(-1.3, constant);
      }
      g.check();
    }, "iss.CGrad");
    r.assertOtherStillGenerated();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object enumConstant(Harness.Run r, String cls, String name) {
    try {
      Class c = Class.forName(cls, true, r.out.loader());
      return Enum.valueOf(c, name);
    } catch (ClassNotFoundException e) {
      throw r.fail("cannot load " + cls);
    }
  }

  @Test
  void lengthOfStringArray() {
    Harness.Run r = compileWithOther(Harness.classC("", """
        @Differentiable
        static double f(double a, String[] names) {
          return a * a * names.length; //@here
        }
        """));
    r.assertSupportedOrErrorAt("iss.C", r.lines("iss.C", "here"),
        () -> r.gradient("iss.C", "f").at(0.7, new String[] {"x", "y", "z"})
            .at(-1.3, new String[] {"u"}).check(), "iss.CGrad");
    r.assertOtherStillGenerated();
  }

  @Test
  void lengthOfTripleArrayParameter() {
    Harness.Run r = compileWithOther(Harness.classC("", """
        @Differentiable
        static double f(double a, double[][][] t) { //@decl
          return a * a * t.length; //@here
        }
        """));
    r.assertSupportedOrErrorAt("iss.C", r.lines("iss.C", "decl", "here"),
        () -> r.gradient("iss.C", "f").wrt("a").at(0.7, new double[2][3][4])
            .at(-1.3, new double[5][1][2]).check(), "iss.CGrad");
    r.assertOtherStillGenerated();
  }

  @Test
  void lengthOfTripleArrayLocal() {
    Harness.Run r = compileWithOther(Harness.classC("", """
        @Differentiable
        static double f(double a) {
          double[][][] t = new double[2][3][4]; //@decl
          return a * a * t.length; //@here
        }
        """));
    r.assertSupportedOrErrorAt("iss.C", r.lines("iss.C", "decl", "here"),
        () -> r.gradient("iss.C", "f").at(0.7).at(-1.3).check(), "iss.CGrad");
    r.assertOtherStillGenerated();
  }

  @Test
  void classLiteral() {
    Harness.Run r = compileWithOther(Harness.classC("", """
        @Differentiable
        static double f(double a) {
          return a * a * Double.class.getSimpleName().length(); //@here
        }
        """));
    r.assertSupportedOrErrorAt("iss.C", r.lines("iss.C", "here"),
        () -> r.gradient("iss.C", "f").at(0.7).at(-1.3).check(), "iss.CGrad");
    r.assertOtherStillGenerated();
  }

  @Test
  void callOnTypeVariable() {
    Harness.Run r = compileWithOther(Harness.classC("", """
        static <T extends Number> double scale(T t, double u) {
          return t.doubleValue() * u; //@helper
        }

        @Differentiable
        static double f(double a, int k) {
          return scale(Integer.valueOf(k), a) * a; //@here
        }
        """));
    r.assertSupportedOrErrorAt("iss.C", r.lines("iss.C", "here", "helper"),
        () -> r.gradient("iss.C", "f").at(0.7, 3).at(-1.3, 2).check(), "iss.CGrad");
    r.assertOtherStillGenerated();
  }

  @Test
  void problemInOneClassDoesNotStopOtherClasses() {
    // An active value passed to an opaque method: Adjoint cannot differentiate it (an ERROR);
    // the other class still gets its Grad class.
    Harness.Run r = compileWithOther(Harness.classC("import java.util.function.DoubleUnaryOperator;\n",
        """
        @Differentiable
        static double f(double a, DoubleUnaryOperator op) {
          return op.applyAsDouble(a) * a; //@here
        }
        """));
    r.assertErrorAt("iss.C", r.lines("iss.C", "here"), m -> m.trim().length() >= 10,
        "what to do");
    r.assertOtherStillGenerated();
  }

  @Test
  void allErrorsOfAFileReportedInOneCompile() {
    // A front-end-level problem (an unknown wrt name) in one method and an activity-level problem
    // (an active value passed to an opaque method) in another: both reported at once.
    Harness.Run r = Harness.compile("iss.C", Harness.classC(
        "import java.util.function.DoubleUnaryOperator;\n", """
        @Differentiable(wrt = {"nope"}) //@ann1
        static double f1(double a) { //@m1
          return a * a;
        }

        @Differentiable
        static double f2(double a, DoubleUnaryOperator op) {
          return op.applyAsDouble(a) * a; //@here2
        }
        """));
    r.assertErrorAt("iss.C", r.lines("iss.C", "ann1", "m1"), m -> m.contains("nope"),
        "the unknown name");
    r.assertErrorAt("iss.C", r.lines("iss.C", "here2"), m -> m.trim().length() >= 10,
        "what to do");
  }

  @Test
  void allErrorsOfAFileReportedInOneCompileUnsupportedLocal() {
    // Same with a statement-level problem (an unsupported float local) in one method.
    Harness.Run r = Harness.compile("iss.C", Harness.classC(
        "import java.util.function.DoubleUnaryOperator;\n", """
        @Differentiable
        static double f1(double a) {
          float g = 2f; //@here1
          return a * a * g;
        }

        @Differentiable
        static double f2(double a, DoubleUnaryOperator op) {
          return op.applyAsDouble(a) * a; //@here2
        }
        """));
    r.assertErrorAt("iss.C", r.lines("iss.C", "here1"), m -> m.trim().length() >= 10,
        "what to do");
    r.assertErrorAt("iss.C", r.lines("iss.C", "here2"), m -> m.trim().length() >= 10,
        "what to do");
  }
}
