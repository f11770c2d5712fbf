package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.adjoint.processor.TestSource.adjoint;
import static dev.adjoint.processor.TestSource.assertNoCrash;
import static dev.adjoint.processor.TestSource.describe;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every compile-time diagnostic Adjoint reports: each test checks the file, the line and the
 * message (and the column where the problem is an expression), and that nothing crashed.
 *
 * <p>Columns follow javac's own convention for the tree reported: an element's name, the start
 * of a statement or operand, the operator of an assignment, increment or array access, the
 * opening parenthesis of a call.
 *
 * <p>Where a test expects exactly one error, a second one is a cascade (an error caused only by
 * the first) and counts as a defect: it buries the real problem.
 */
class DiagnosticsTest {

  private static final String HEADER = """
      package t;

      import dev.adjoint.Activations;
      import dev.adjoint.Differentiable;
      import dev.adjoint.Losses;
      import java.util.ArrayList;
      import java.util.List;
      import java.util.function.DoubleUnaryOperator;

      """;

  /** A source file {@code t.T} with the usual imports. */
  private static TestSource t(String classText) {
    return TestSource.of("t.T", HEADER + classText);
  }

  private static Compilation compile(TestSource... sources) {
    List<JavaFileObject> files = new ArrayList<>();
    for (TestSource s : sources) {
      files.add(s.file);
    }
    Compilation c = adjoint().compile(files);
    assertNoCrash(c);
    return c;
  }

  // ------------------------------------------------------------------- method declarations

  @Test
  void nonStaticMethod() {
    TestSource src = t("""
        final class T {
          @Differentiable
          double loss(double w) {
            return w * w;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("@Differentiable method 'loss' must be static")
        .inFile(src.file).onLine(src.line("double loss(")).atColumn(src.column("loss("));
  }

  @Test
  void abstractMethod() {
    TestSource src = t("""
        abstract class T {
          @Differentiable
          abstract double loss(double w);
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("@Differentiable method 'loss' must have a body")
        .inFile(src.file).onLine(src.line("abstract double loss(")).atColumn(src.column("loss("));
  }

  @Test
  void nativeMethod() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static native double loss(double w);
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("@Differentiable method 'loss' must have a body")
        .inFile(src.file).onLine(src.line("native double loss(")).atColumn(src.column("loss("));
  }

  @Test
  void returnsInt() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static int loss(double w) {
            return (int) w;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("@Differentiable method 'loss' must return double or double[], not int")
        .inFile(src.file).onLine(src.line("static int loss(")).atColumn(src.column("loss("));
  }

  @Test
  void returnsVoid() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static void loss(double w) {
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("@Differentiable method 'loss' must return double or double[], not void")
        .inFile(src.file).onLine(src.line("static void loss(")).atColumn(src.column("loss("));
  }

  @Test
  void returnsDoubleMatrix() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double[][] loss(double w) {
            return new double[][] {{w}};
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining(
            "@Differentiable method 'loss' must return double or double[], not double[][]")
        .inFile(src.file).onLine(src.line("static double[][] loss(")).atColumn(src.column("loss("));
  }

  @Test
  void privateMethodsAndPrivateClassesAreDifferentiated() {
    TestSource src = t("""
        final class T {
          @Differentiable
          private static double loss(double w) {
            return helper(w) * w;
          }

          private static double helper(double w) {
            return w + 1;
          }

          private static final class Inner {
            @Differentiable
            static double loss(double w) {
              return w * w;
            }
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void helperReadingStateThatAnImpureCallChanges() {
    TestSource src = t("""
        final class T {
          static int count;

          static double next() {
            count++;
            return count;
          }

          static double scaled(double a) {
            return a * count;
          }

          @Differentiable
          static double loss(double a) {
            double y = scaled(a);
            next();
            return y * a;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("'scaled' reads a field that is not final (or holds an"
        + " array), and this method calls something that is not pure, which may change it; the"
        + " adjoint of 'scaled' runs it again in the reverse sweep and would see the changed"
        + " value: pass the field's value to it as a parameter")
        .inFile(src.file).onLine(src.line("double y = scaled(a);"))
        .atColumn(src.column("scaled(a);", "("));
  }

  @Test
  void helperWithAnEffectCalledFromAGradient() {
    // Found by the fuzzer (seed 8675309): h's adjoint ran h again, bumping the counter a second
    // time and reading the bumped value: d/da was 2 where it is 1.
    TestSource src = t("""
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
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("'h' is called from a gradient, whose adjoint runs it again,"
        + " and this call is not known to be pure")
        .inFile(src.file).onLine(src.line("    count();")).atColumn(src.column("count();", "("));
  }

  @Test
  void privateTableThatIsWrittenCannotBeCopied() {
    TestSource src = t("""
        final class T {
          private static final double[] TABLE = {1, 2};

          static void change() {
            TABLE[0] = 3;
          }

          @Differentiable
          static double loss(double w) {
            return TABLE[0] * w;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("the private table 'TABLE' can be copied into the generated"
        + " class only when its initializer lists literal values and nothing in the class writes"
        + " into it or lets it escape; make it package-private")
        .inFile(src.file).onLine(src.line("return TABLE[0] * w;"))
        .atColumn(src.column("TABLE[0] * w"));
  }

  @Test
  void privateMutableFieldIsAnError() {
    TestSource src = t("""
        final class T {
          private static double scale = 2;

          @Differentiable
          static double loss(double w) {
            return scale * w;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("field 'scale' is private and not a constant, and the"
        + " generated class cannot see it; make it package-private")
        .inFile(src.file).onLine(src.line("return scale * w;")).atColumn(src.column("scale * w"));
  }

  // ------------------------------------------------------------------------------------ wrt

  @Test
  void wrtNamesMissingParameter() {
    TestSource src = t("""
        final class T {
          @Differentiable(wrt = {"w", "bias"})
          static double loss(double w, double b) {
            return w * b;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("wrt names 'bias', but 'loss' has no parameter of that name")
        .inFile(src.file).onLine(src.line("wrt = {")).atColumn(src.column("\"bias\""));
  }

  @Test
  void wrtNamesIntParameter() {
    TestSource src = t("""
        final class T {
          @Differentiable(wrt = {"n"})
          static double loss(double w, int n) {
            return w * n;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("wrt names 'n' of type int, which cannot be differentiated")
        .inFile(src.file).onLine(src.line("wrt = {")).atColumn(src.column("\"n\""));
  }

  @Test
  void differentiatedParameterNamedValue() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double w,
              double value) {
            return w * value;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("a differentiated parameter cannot be named 'value'")
        .inFile(src.file).onLine(src.line("double value)")).atColumn(src.column("value)"));
  }

  @Test
  void differentiatedParameterNamedHashCode() {
    TestSource src = t("""
        final class T {
          @Differentiable(wrt = "hashCode")
          static double loss(double w,
              double hashCode) {
            return w * hashCode;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("a differentiated parameter cannot be named 'hashCode'")
        .inFile(src.file).onLine(src.line("double hashCode)")).atColumn(src.column("hashCode)"));
  }

  @Test
  void reservedNameIsFineWhenNotDifferentiated() {
    TestSource src = t("""
        final class T {
          @Differentiable(wrt = "w")
          static double loss(double w, double value) {
            return w * value;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void arrayParameterIsSupported() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double w,
              double[] xs) {
            return w * xs[0];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).succeededWithoutWarnings();
  }

  // -------------------------------------------------------------------- lost derivatives

  @Test
  void activeValueIntoStaticMethodWithoutDerivative() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double w) {
            double s = Double.sum(w, 1.0);
            return s * s;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("no derivative is known for Double.sum")
        .inFile(src.file).onLine(src.line("Double.sum(")).atColumn(src.column("Double.sum(", "w,"));
  }

  @Test
  void activeValueIntoRandomNextDouble() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a, double b) {
            double r = java.util.concurrent.ThreadLocalRandom.current().nextDouble(a, b);
            return r * a;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("an active value is passed to ThreadLocalRandom.nextDouble")
        .inFile(src.file).onLine(src.line("nextDouble(")).atColumn(src.column("nextDouble(", "a,"));
    assertThat(c).hadErrorContaining("an active value is passed to ThreadLocalRandom.nextDouble")
        .inFile(src.file).onLine(src.line("nextDouble(")).atColumn(src.column("nextDouble(", "b)"));
  }

  @Test
  void activeValueIntoInstanceMethod() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a) {
            List<Double> list = new ArrayList<>();
            list.add(a);
            return a * a;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("an active value is passed to List.add")
        .inFile(src.file).onLine(src.line("list.add(")).atColumn(src.column("list.add(", "a)"));
  }

  @Test
  void genericCollectionLocalNotInvolvingActiveValuesIsFine() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a) {
            List<String> names = new ArrayList<>();
            names.add("loss");
            return a * a;
          }
        }
        """);
    Compilation c = compile(src);
    assertWithMessage(describe(c.diagnostics())).that(c.status())
        .isEqualTo(Compilation.Status.SUCCESS);
    assertThat(c).generatedSourceFile("t.TGrad");
  }

  @Test
  void generatedCodeForAGenericLocalHasNoRawTypeWarnings() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a) {
            List<String> names = null;
            return names == null ? a * a : a;
          }
        }
        """);
    Compilation c = adjoint().withOptions("-Xlint:all").compile(src.file);
    assertNoCrash(c);
    assertWithMessage(describe(c.diagnostics())).that(c.status())
        .isEqualTo(Compilation.Status.SUCCESS);
    assertWithMessage(describe(c.diagnostics())).that(c.warnings()).isEmpty();
  }

  @Test
  void activeValueIntoLambda() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a) {
            DoubleUnaryOperator f = x -> x * a;
            return a * a;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("lambdas and method references are not supported")
        .inFile(src.file).onLine(src.line("x -> x * a")).atColumn(src.column("x -> x * a"));
  }

  @Test
  void activeValueIntoMethodReference() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a) {
            DoubleUnaryOperator f = Math::sin;
            return f.applyAsDouble(a);
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("lambdas and method references are not supported")
        .inFile(src.file).onLine(src.line("Math::sin"));
  }

  @Test
  void activeValueIntoConstructor() {
    TestSource src = t("""
        final class T {
          static final class Box {
            final double v;
            Box(double v) {
              this.v = v;
            }
            double get() {
              return v;
            }
          }

          @Differentiable
          static double loss(double a) {
            Box box = new Box(2 * a);
            return box.get();
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("an active value flows into a new")
        .inFile(src.file).onLine(src.line("new Box(")).atColumn(src.column("new Box(", "*"));
  }

  @Test
  void activeValueStoredInStaticField() {
    TestSource src = t("""
        final class T {
          static double cache;

          @Differentiable
          static double loss(double a) {
            cache = a;
            return a * a;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("assigning to field 'cache' is not supported")
        .inFile(src.file).onLine(src.line("cache = a;")).atColumn(src.column("cache = a;"));
  }

  @Test
  void activeValueStoredInQualifiedStaticField() {
    TestSource src = t("""
        final class T {
          static double cache;

          @Differentiable
          static double loss(double a) {
            T.cache = a;
            return a * a;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("assigning to 'T.cache' is not supported")
        .inFile(src.file).onLine(src.line("T.cache = a;"));
  }

  @Test
  void activeValueCastToFloat() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a) {
            double r = (float) a;
            return r * r;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("casting an active value to float loses its derivative")
        .inFile(src.file).onLine(src.line("(float) a")).atColumn(src.column("(float) a"));
  }

  @Test
  void floatLocal() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a) {
            float f = 1.5f;
            return a * f;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("local variables of type float are not supported")
        .inFile(src.file).onLine(src.line("float f")).atColumn(src.column("float f"));
  }

  @Test
  void activeValueStoredInObjectLocal() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a) {
            Object o = a;
            return a * a;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("an active value is stored in 'o'")
        .inFile(src.file).onLine(src.line("Object o = a;")).atColumn(src.column("Object o = a;", "a;"));
  }

  @Test
  void activeValueStoredInBoxedDoubleLocal() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a) {
            Double boxed = a * 2;
            return boxed;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("an active value is stored in 'boxed'")
        .inFile(src.file).onLine(src.line("Double boxed")).atColumn(src.column("Double boxed", "*"));
  }

  // ----------------------------------------------------------------- unsupported statements

  @Test
  void tryCatch() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a) {
            double r = a;
            try {
              r = a * a;
            } catch (RuntimeException e) {
              r = 0;
            }
            return r;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("try statements are not supported in a @Differentiable method")
        .inFile(src.file).onLine(src.line("try {")).atColumn(src.column("try {"));
  }

  @Test
  void synchronizedBlock() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a) {
            double r = a;
            synchronized (T.class) {
              r = a * a;
            }
            return r;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("synchronized blocks are not supported")
        .inFile(src.file).onLine(src.line("synchronized (")).atColumn(src.column("synchronized ("));
  }

  @Test
  void enhancedForOverACollection() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a) {
            double r = a;
            for (String s : List.of("x", "y")) {
              r = r * a;
            }
            return r;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("enhanced for loops can iterate over array variables only")
        .inFile(src.file).onLine(src.line("for (String s"))
        .atColumn(src.column("for (String s", "(\"x\""));
  }

  @Test
  void enhancedForOverALocalArrayIsSupported() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a, double[] xs) {
            double r = 0;
            for (double x : xs) {
              r = r + a * x;
            }
            return r;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void newArrayInAConditionalOperand() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a) {
            int n = a > 0 ? new double[3].length : 1;
            return a * n;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("a new array inside an operand of ?:, && or || is not"
        + " supported, because that operand is evaluated only sometimes; declare it as a local"
        + " array first")
        .inFile(src.file).onLine(src.line("new double[3]")).atColumn(src.column("new double[3]"));
  }









  @Test
  void writingIntoAParameterArrayOfAPublicMethod() {
    TestSource src = t("""
        public final class T {
          @Differentiable
          public static double loss(double a, double[] xs) {
            xs[0] = a;
            return a * xs[0];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("writing into parameter array 'xs' is supported only in a"
        + " method that is not public or protected: a gradient compiled elsewhere could call"
        + " 'loss' without seeing the write; make it package-private, or copy 'xs' into a local"
        + " array first")
        .inFile(src.file).onLine(src.line("xs[0] = a;")).atColumn(src.column("xs[0] = a;", "[0]"));
  }

  @Test
  void writingIntoARowOfAParameterMatrixOfAPublicMethod() {
    TestSource src = t("""
        public final class T {
          @Differentiable
          public static double loss(double a, double[][] ws) {
            ws[0][1] = a;
            return a * ws[0][1];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("writing into parameter array 'ws' is supported only in a"
        + " method that is not public or protected: a gradient compiled elsewhere could call"
        + " 'loss' without seeing the write; make it package-private, or copy 'ws' into a local"
        + " array first")
        .inFile(src.file).onLine(src.line("ws[0][1] = a;"))
        .atColumn(src.column("ws[0][1] = a;", "[1]"));
  }

  @Test
  void fillingOrCopyingIntoARowOfAParameterMatrixCompiles() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a, double[] xs, double[][] ys) {
            java.util.Arrays.fill(ys[0], a);
            System.arraycopy(xs, 0, ys[1], 1, 1);
            ys[1][0] = a * ys[1][1];
            return a * xs[0] + ys[0][0];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void writingIntoAParameterArrayCompiles() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a, double[] xs, int[] at) {
            xs[at[0]] = a;
            java.util.Arrays.fill(xs, 1, 2, a * a);
            at[1]++;
            return a * xs[0] + at[1];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void jdkArrayUtilitiesOutsideTheirLoweredForms() {
    TestSource src = t("""
        final class T {
          static final double[] FIELD = new double[3];

          static double[] twice(double[] v) {
            return new double[] {2 * v[0], 2 * v[1]};
          }

          @Differentiable
          static double loss(double a, double[] xs) {
            java.util.Arrays.fill(FIELD, a);
            return a * java.util.Arrays.copyOf(twice(xs), 2)[0];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("Arrays.fill can write only into a local array")
        .inFile(src.file).onLine(src.line("fill(FIELD, a);"));
    assertThat(c).hadErrorContaining("[adjoint:array-copy] Arrays.copyOf is supported on an"
        + " array variable or a row m[i]; assign the array to a local first")
        .inFile(src.file).onLine(src.line("copyOf(twice(xs), 2)"));
  }


  @Test
  void arrayPassedToAJdkMethod() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a) {
            double[] h = {a, 2 * a};
            java.util.Arrays.sort(h);
            return h[0];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("arrays can be passed only to @Differentiable methods")
        .inFile(src.file).onLine(src.line("Arrays.sort(h)"))
        .atColumn(src.column("Arrays.sort(h)", "h)"));
  }

  @Test
  void arrayElementOfAConstantArrayIsFine() {
    TestSource src = t("""
        final class T {
          static double[] data() {
            return new double[] {1, 2};
          }

          @Differentiable
          static double loss(double a) {
            double x = data()[0];
            return a * x;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void assignmentInsideConditionalOperand() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a) {
            double c = 0;
            double b = a > 0 ? (c = 2) * a : a;
            return a * b + c;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("an assignment or increment inside an operand of ?:, && or"
        + " || is not supported, because that operand is evaluated only sometimes")
        .inFile(src.file).onLine(src.line("(c = 2)")).atColumn(src.column("(c = 2)", "= 2"));
  }

  @Test
  void incrementInsideShortCircuitOperand() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a, double[] x) {
            int i = 0;
            double s = 0;
            while (i < x.length && x[i++] > 0) {
              s += a * x[i - 1];
            }
            return s;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("an assignment or increment inside an operand of ?:, && or"
        + " || is not supported")
        .inFile(src.file).onLine(src.line("i++")).atColumn(src.column("i++", "++"));
  }

  @Test
  void incrementInsideExpressionIsLowered() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a, double[] x) {
            int i = 0;
            double b = a * x[i++] + (i += 2) * a;
            return b;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).succeededWithoutWarnings();
  }

  @Test
  void objectChangedByALaterOperandCannotBeHeld() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a, java.util.Random r1, java.util.Random r2) {
            java.util.Random r = r1;
            int b = r.nextInt((r = r2) == null ? 1 : 2);
            return a * b;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("Java evaluates this before the operands to its right, whose"
        + " assignments or calls may change it, and Adjoint cannot hold its value in a"
        + " temporary; assign it to a local variable first")
        .inFile(src.file).onLine(src.line("(r = r2)")).atColumn(src.column("r.nextInt"));
  }

  @Test
  void switchFallthrough() {
    TestSource src = t("""
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
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("falling through to the next switch case is not supported")
        .inFile(src.file).onLine(src.line("r = a;")).atColumn(src.column("r = a;"));
  }

  @Test
  void emptyCaseGroupsAreNotFallthrough() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a, int n) {
            double r = 0;
            switch (n) {
              case 1:
              case 2:
                r = a * a;
                break;
              default:
                r = a;
            }
            return r;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).succeededWithoutWarnings();
  }

  // ------------------------------------------------------------------------ several errors

  @Test
  void everyErrorInAFileIsReportedInOneCompilation() {
    TestSource src = t("""
        final class T {
          @Differentiable
          double notStatic(double w) {
            return w;
          }

          @Differentiable
          static double withTry(double a) {
            double r = a;
            try {
              r = a * a;
            } finally {
              r = r + 1;
            }
            DoubleUnaryOperator f = x -> x * a;
            return r;
          }

          @Differentiable
          static double withFloat(double a) {
            double r = (float) a;
            return r;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertWithMessage(describe(c.errors())).that(c.errors()).hasSize(4);
    assertThat(c).hadErrorContaining("must be static")
        .inFile(src.file).onLine(src.line("double notStatic("));
    assertThat(c).hadErrorContaining("try statements are not supported")
        .inFile(src.file).onLine(src.line("try {"));
    assertThat(c).hadErrorContaining("lambdas and method references are not supported")
        .inFile(src.file).onLine(src.line("x -> x * a"));
    assertThat(c).hadErrorContaining("casting an active value to float")
        .inFile(src.file).onLine(src.line("(float) a"));
  }

  @Test
  void errorsInSeveralFilesAreAllReported() {
    TestSource a = TestSource.of("t.A", """
        package t;

        import dev.adjoint.Differentiable;

        final class A {
          @Differentiable
          static int count(double w) {
            return 1;
          }
        }
        """);
    TestSource b = TestSource.of("t.B", """
        package t;

        import dev.adjoint.Differentiable;

        final class B {
          static double cache;

          @Differentiable
          static double loss(double w) {
            cache = w;
            return w;
          }
        }
        """);
    Compilation c = compile(a, b);
    assertThat(c).failed();
    assertWithMessage(describe(c.errors())).that(c.errors()).hasSize(2);
    assertThat(c).hadErrorContaining("must return double or double[], not int")
        .inFile(a.file).onLine(a.line("static int count("));
    assertThat(c).hadErrorContaining("assigning to field 'cache'")
        .inFile(b.file).onLine(b.line("cache = w;"));
  }

  // ---------------------------------------------------------------- code javac itself rejects

  /**
   * javac's own errors all stand; the processor adds at most one error of its own, and never an
   * internal error.
   */
  private static void assertJavacErrorsStand(TestSource src) {
    Compilation plain = Compiler.javac().compile(src.file);
    Compilation withAdjoint = compile(src);
    assertThat(plain).failed();
    assertThat(withAdjoint).failed();
    List<String> javacErrors = messages(plain.errors());
    List<String> all = messages(withAdjoint.errors());
    for (String e : javacErrors) {
      assertWithMessage("javac's error is missing with Adjoint:\n%s", describe(withAdjoint.errors()))
          .that(all).contains(e);
    }
    List<String> ours = new ArrayList<>(all);
    javacErrors.forEach(ours::remove);
    assertWithMessage("Adjoint added more than one error:\n%s", describe(withAdjoint.errors()))
        .that(ours.size()).isAtMost(1);
  }

  private static List<String> messages(
      List<? extends Diagnostic<? extends JavaFileObject>> diagnostics) {
    return diagnostics.stream()
        .map(d -> d.getLineNumber() + ":" + d.getColumnNumber() + ":" + d.getMessage(Locale.ROOT))
        .collect(Collectors.toList());
  }

  @Test
  void unknownSymbol() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a) {
            return a * unknownVariable;
          }
        }
        """);
    assertJavacErrorsStand(src);
    Compilation c = compile(src);
    assertThat(c).hadErrorContaining("cannot find symbol")
        .inFile(src.file).onLine(src.line("unknownVariable"));
  }

  @Test
  void unknownMethod() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a) {
            double r = Activations.notAnActivation(a);
            return r * unknownHelper(a);
          }
        }
        """);
    assertJavacErrorsStand(src);
  }

  @Test
  void missingImport() {
    TestSource src = TestSource.of("t.T", """
        package t;

        import dev.adjoint.Differentiable;

        final class T {
          @Differentiable
          static double loss(double a, double y) {
            double p = Activations.sigmoid(a);
            return Losses.squaredError(p, y);
          }
        }
        """);
    assertJavacErrorsStand(src);
    Compilation c = compile(src);
    assertThat(c).hadErrorContaining("cannot find symbol")
        .inFile(src.file).onLine(src.line("Activations.sigmoid"));
  }

  @Test
  void unknownLocalType() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a) {
            Matrix m = null;
            return a * a;
          }
        }
        """);
    assertJavacErrorsStand(src);
  }

  @Test
  void halfWrittenExpression() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a) {
            double x = a * ;
            return x;
          }
        }
        """);
    assertJavacErrorsStand(src);
    Compilation c = compile(src);
    assertThat(c).hadErrorContaining("illegal start of expression")
        .inFile(src.file).onLine(src.line("a * ;"));
  }

  @Test
  void wrongArgumentTypes() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a) {
            return Math.sin(a, a) + Losses.squaredError("a", a);
          }
        }
        """);
    assertJavacErrorsStand(src);
  }

  @Test
  void missingReturn() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double a) {
            double r = a * a;
          }
        }
        """);
    assertJavacErrorsStand(src);
  }

  // ------------------------------------------------------------------------------- warnings

  @Test
  void warnsAboutParameterThatCannotInfluenceTheResult() {
    TestSource src = t("""
        final class T {
          @Differentiable(wrt = {"a", "w"})
          static double loss(double a,
              double w) {
            double unused = w * 2;
            return a * a;
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).succeeded();
    assertThat(c).hadWarningCount(1);
    assertThat(c).hadWarningContaining("the result of 'loss' does not depend on 'w'")
        .inFile(src.file).onLine(src.line("double w)")).atColumn(src.column("w)"));
  }

  // ---------------------------------------------------------------------------- success path

  @Test
  void seedExamplesCompileWithoutAnyWarningUnderXlintAll() {
    TestSource src = TestSource.of("golden.Seed", GoldenSourceTest.SEED);
    Compilation c = adjoint().withOptions("-Xlint:all").compile(src.file);
    assertNoCrash(c);
    assertThat(c).succeeded();
    // On JDK 17 (the project's JDK) javac says nothing at all. A newer JDK could only warn about
    // the supported source version; the processor returns latestSupported(), so it does not.
    assertWithMessage(describe(c.diagnostics())).that(c.warnings()).isEmpty();
    assertWithMessage(describe(c.diagnostics())).that(c.diagnostics()).isEmpty();
  }

  @Test
  void rowAliasWhoseIndexChangesWhileItIsInScope() {
    TestSource src = t("""
        final class T {
          @Differentiable
          static double loss(double[][] w, double a) {
            int j = 0;
            double[] row = w[j];
            j = 1;
            return a * row[0];
          }
        }
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("'j' changes while 'row' stands for w[j]; index the matrix"
        + " directly instead").inFile(src.file).onLine(src.line("j = 1;"));
  }

  @Test
  void checkpointedLoopWritingArrays() {
    TestSource src = t("""
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
        """);
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("@Checkpointed loops may not write array elements")
        .inFile(src.file).onLine(src.line("for (int i = 0; i < 3; i++) {"));
  }
}
