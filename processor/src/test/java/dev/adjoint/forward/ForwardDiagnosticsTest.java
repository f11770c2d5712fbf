package dev.adjoint.forward;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.adjoint.processor.AdjointProcessor;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The errors of forward mode and second order (file, line, column, message) and the option. */
class ForwardDiagnosticsTest {

    private static final String HEADER = """
            package t;

            import dev.adjoint.Differentiable;
            import dev.adjoint.Losses;
            import dev.adjoint.Mode;
            import dev.adjoint.Pullback;

            """;

    private static JavaFileObject source(String text) {
        return JavaFileObjects.forSourceString("t.T", HEADER + text);
    }

    private static long line(String text, String fragment) {
        String[] lines = (HEADER + text).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(fragment)) {
                return i + 1;
            }
        }
        throw new AssertionError(fragment);
    }

    private static long column(String text, String fragment) {
        String[] lines = (HEADER + text).split("\n", -1);
        return lines[(int) line(text, fragment) - 1].indexOf(fragment) + 1;
    }

    private static Compilation compile(JavaFileObject file, String... options) {
        Compilation c = Compiler.javac().withProcessors(new AdjointProcessor())
                .withOptions((Object[]) options).compile(file);
        for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
            String m = d.getMessage(Locale.ROOT);
            assertFalse(m.contains("internal error") || m.contains("Exception"), m);
        }
        return c;
    }

    @Test
    void pullbackOnlyHelperNeedsATangentRule() {
        String text = """
                final class T {
                  public static double total(double[] x) {
                    double s = 0;
                    for (double v : x) {
                      s += v;
                    }
                    return s;
                  }

                  @Pullback(of = "total")
                  public static void totalPullback(double[] x, double seed, double[] xAdj) {
                    for (int i = 0; i < x.length; i++) {
                      xAdj[i] += seed;
                    }
                  }

                  @Differentiable(modes = Mode.TANGENT)
                  static double loss(double[] w) {
                    return 2 * total(w);
                  }
                }
                """;
        JavaFileObject file = source(text);
        Compilation c = compile(file);
        assertThat(c).failed();
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("forward mode and second order need a tangent rule for"
                + " T.total, which declares only a @Pullback; declare one beside it with"
                + " @Tangent(of = \"total\")")
                .inFile(file).onLine(line(text, "2 * total(w)"))
                .atColumn(column(text, "(w);"));
    }

    @Test
    void secondOrderThroughAGeneratedCalleeCompiles() {
        String text = """
                final class T {
                  static double cube(double u) {
                    return u * u * u;
                  }

                  @Differentiable(modes = Mode.HESSIAN)
                  static double f(double x) {
                    return cube(x) + x;
                  }
                }
                """;
        Compilation c = compile(source(text));
        assertThat(c).succeededWithoutWarnings();
        assertThat(c).generatedSourceFile("t.TGrad").contentsAsUtf8String()
                .contains("TGrad.cubeAdjointJvp(");
    }

    /**
     * Second order through a callee needs the callee's own second derivatives: the error is at
     * the call, in the callee, that lacks one.
     */
    @Test
    void secondOrderThroughACalleeNeedsTheCalleesSecondDerivatives() {
        String text = """
                final class T {
                  static double cube(double x) {
                    return x * x * x;
                  }

                  @dev.adjoint.Partial(of = "cube", wrt = "x")
                  static native double cubeDerivative(double x);

                  static double g(double u) {
                    return cube(u) * u;
                  }

                  @Differentiable(modes = Mode.HESSIAN)
                  static double f(double p) {
                    return g(p) + p;
                  }
                }
                """;
        JavaFileObject file = source(text);
        Compilation c = compile(file);
        assertThat(c).failed();
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("mHvp and mHessian need the derivative of"
                + " T.cubeDerivative, the first derivative used here, with respect to its"
                + " parameter 'x'")
                .inFile(file).onLine(line(text, "return cube(u) * u;"))
                .atColumn(column(text, "(u) * u;"));
    }

    @Test
    void secondOrderNeedsTheDerivativeOfTheFirstDerivative() {
        // A first derivative without a body Adjoint can read (native here; a library's class
        // file alike), and without a rule of its own.
        String text = """
                final class T {
                  static double cube(double x) {
                    return x * x * x;
                  }

                  @dev.adjoint.Partial(of = "cube", wrt = "x")
                  static native double cubeDerivative(double x);

                  @Differentiable(modes = Mode.HESSIAN)
                  static double f(double p) {
                    return cube(p);
                  }
                }
                """;
        JavaFileObject file = source(text);
        Compilation c = compile(file);
        assertThat(c).failed();
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("mHvp and mHessian need the derivative of"
                + " T.cubeDerivative, the first derivative used here, with"
                + " respect to its parameter 'x'")
                .inFile(file).onLine(line(text, "cube(p)"))
                .atColumn(column(text, "(p)"));
    }

    @Test
    void hessianOfAVectorMethodAndJacobianOfAScalarOne() {
        String text = """
                final class T {
                  @Differentiable(modes = Mode.HESSIAN)
                  static double[] layer(double[] x) {
                    double[] h = new double[1];
                    h[0] = x[0] * x[1];
                    return h;
                  }

                  @Differentiable(modes = Mode.JACOBIAN)
                  static double scalar(double x) {
                    return x * x;
                  }
                }
                """;
        JavaFileObject file = source(text);
        Compilation c = compile(file);
        assertThat(c).failed();
        assertThat(c).hadErrorCount(2);
        assertThat(c).hadErrorContaining("Mode.HESSIAN needs a method returning double; 'layer'"
                + " returns double[]")
                .inFile(file).onLine(line(text, "static double[] layer("));
        assertThat(c).hadErrorContaining("Mode.JACOBIAN needs a method returning double[];"
                + " 'scalar' returns double")
                .inFile(file).onLine(line(text, "static double scalar("));
    }

    private static final String NET = """
            final class T {
              @Differentiable
              static double loss(double w, double b) {
                return w * w * b;
              }
            }
            """;

    @Test
    void theModesOptionSetsTheDefault() {
        JavaFileObject user = JavaFileObjects.forSourceString("t.U", """
                package t;

                final class U {
                  static double use() {
                    return TGrad.lossTangent(1, 2, 1, 0).tangent()
                        + TGrad.lossHessian(1, 2).hessian()[0][1];
                  }
                }
                """);
        Compilation c = Compiler.javac().withProcessors(new AdjointProcessor())
                .withOptions("-Aadjoint.modes=gradient,tangent,hessian")
                .compile(source(NET), user);
        assertThat(c).succeededWithoutWarnings();
        Compilation without = Compiler.javac().withProcessors(new AdjointProcessor())
                .compile(source(NET), user);
        assertThat(without).failed();
        assertThat(without).hadErrorContaining("cannot find symbol");
    }

    @Test
    void theOptionGivesEachMethodTheModesThatApplyToIt() {
        JavaFileObject mixed = source("""
                final class T {
                  @Differentiable
                  static double loss(double w, double b) {
                    return w * w * b;
                  }

                  @Differentiable
                  static double[] residuals(double[] p) {
                    return new double[] {p[0] * p[1], p[1] - p[0]};
                  }
                }
                """);
        JavaFileObject user = JavaFileObjects.forSourceString("t.U", """
                package t;

                final class U {
                  static double use() {
                    return TGrad.lossHessian(1, 2).hessian()[0][1]
                        + TGrad.residualsJacobian(new double[] {1, 2}).jacobian()[0][1]
                        + TGrad.residualsTangent(new double[] {1, 2}, new double[] {1, 0})
                            .tangent()[0];
                  }
                }
                """);
        Compilation c = compile(mixed, "-Aadjoint.modes=gradient,tangent,hessian,jacobian");
        assertThat(c).succeededWithoutWarnings();
        Compilation both = Compiler.javac().withProcessors(new AdjointProcessor())
                .withOptions("-Aadjoint.modes=gradient,tangent,hessian,jacobian")
                .compile(mixed, user);
        assertThat(both).succeededWithoutWarnings();
    }

    @Test
    void recordsTakeEveryModeAndTheirCalleesStillNeedSecondDerivatives() {
        String text = """
                final class T {
                  record P(double a, double b) {}

                  @Differentiable(modes = Mode.HESSIAN)
                  static double norm(P p, double s) {
                    return s * (p.a() * p.a() + p.b() * p.b());
                  }
                }
                """;
        assertThat(compile(source(text))).succeededWithoutWarnings();
        assertThat(compile(source(text.replace("Mode.HESSIAN", "Mode.TANGENT"))))
                .succeededWithoutWarnings();
        Compilation jacobian = compile(source(text.replace("Mode.HESSIAN", "Mode.JACOBIAN")
                .replace("static double norm", "static double[] norm")
                .replace("return s *", "return new double[] {s *").replace(");", ")};")));
        assertThat(jacobian).succeededWithoutWarnings();
        // Mode.HESSIAN on a record's method returning double[] stays an error on the method
        String vector = """
                final class T {
                  record Q(double a, double b) {
                    @Differentiable(modes = Mode.HESSIAN)
                    double[] both(double s) {
                      return new double[] {a * s, b * s};
                    }
                  }
                }
                """;
        JavaFileObject vectorFile = source(vector);
        Compilation v = compile(vectorFile);
        assertThat(v).failed();
        assertThat(v).hadErrorCount(1);
        assertThat(v).hadErrorContaining("[adjoint:return-type] Mode.HESSIAN needs a method"
                + " returning double; 'both' returns double[]: use Mode.JACOBIAN")
                .inFile(vectorFile).onLine(line(vector, "double[] both("));
        // a record's method that an mHvp goes through needs its own second derivatives: the
        // error is at its call that needs them
        String through = """
                final class T {
                  static double cube(double x) {
                    return x * x * x;
                  }

                  @dev.adjoint.Partial(of = "cube", wrt = "x")
                  static native double cubeDerivative(double x);

                  record M(double w, double b) {
                    double shift(double u) {
                      return cube(u * w) + b;
                    }

                    @Differentiable(modes = Mode.HESSIAN)
                    double loss(double x) {
                      return shift(x) * x;
                    }
                  }
                }
                """;
        JavaFileObject throughFile = source(through);
        Compilation c = compile(throughFile);
        assertThat(c).failed();
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("[adjoint:no-derivative] mHvp and mHessian"
                + " need the derivative of T.cubeDerivative, the first derivative used here, with"
                + " respect to its parameter 'x'")
                .inFile(throughFile).onLine(line(through, "return cube(u * w) + b;"))
                .atColumn(column(through, "(u * w) + b;"));
    }

    @Test
    void aBadModeIsAnError() {
        Compilation c = compile(source(NET), "-Aadjoint.modes=gradient,hessians");
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("-Aadjoint.modes=gradient,hessians names 'hessians',"
                + " which is not a mode");
        assertEquals(1, c.errors().size());
    }

    /**
     * A @Differentiable method of another module is called through its tangent entry point when
     * its class was compiled with the tangent mode, and is an error at the call otherwise.
     */
    @Test
    void calleesOfAnotherModule(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        String caller = """
                package app;

                import dev.adjoint.Differentiable;
                import dev.adjoint.Mode;
                import lib.Layers;

                final class Model {
                  @Differentiable(modes = Mode.TANGENT)
                  static double loss(double w) {
                    return Layers.softplusScaled(2 * w, w) + w;
                  }
                }
                """;
        for (String modes : new String[] {"", "(modes = dev.adjoint.Mode.TANGENT)"}) {
            java.nio.file.Path classes = dir.resolve(modes.isEmpty() ? "plain" : "tangent");
            Compilation library = compile(JavaFileObjects.forSourceString("lib.Layers", """
                    package lib;

                    import dev.adjoint.Differentiable;

                    public final class Layers {
                      private Layers() {}

                      @Differentiable%s
                      public static double softplusScaled(double x, double scale) {
                        return scale * Math.log1p(Math.exp(x));
                      }
                    }
                    """.formatted(modes)));
            assertThat(library).succeededWithoutWarnings();
            for (JavaFileObject f : library.generatedFiles()) {
                if (f.getKind() == JavaFileObject.Kind.CLASS) {
                    String path = f.toUri().getPath();
                    java.nio.file.Path out = classes.resolve(
                            path.substring(path.indexOf("/lib/") + 1));
                    java.nio.file.Files.createDirectories(out.getParent());
                    try (java.io.InputStream in = f.openInputStream()) {
                        java.nio.file.Files.write(out, in.readAllBytes());
                    }
                }
            }
            java.util.List<java.io.File> classpath = new java.util.ArrayList<>();
            classpath.add(classes.toFile());
            for (String entry : System.getProperty("java.class.path")
                    .split(java.io.File.pathSeparator)) {
                classpath.add(new java.io.File(entry));
            }
            JavaFileObject file = JavaFileObjects.forSourceString("app.Model", caller);
            Compilation c = Compiler.javac().withProcessors(new AdjointProcessor())
                    .withClasspath(classpath).compile(file);
            if (modes.isEmpty()) {
                assertThat(c).hadErrorCount(1);
                assertThat(c).hadErrorContaining("forward mode calls 'softplusScaled', which was"
                        + " compiled without its tangent entry point softplusScaledJvp")
                        .inFile(file).onLine(10);
            } else {
                assertThat(c).succeededWithoutWarnings();
                assertThat(c).generatedSourceFile("app.ModelGrad").contentsAsUtf8String()
                        .contains("LayersGrad.softplusScaledJvp(");
            }
        }
    }

    /** A method whose gradient fits in a JVM method but whose HVP would not gets an error. */
    @Test
    void secondOrderTooLargeForOneMethod() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 110; i++) {
            body.append("    s = Math.sin(s * x) * Math.exp(x - s) + s * x;\n");
        }
        String text = """
                final class T {
                  @Differentiable(modes = Mode.HESSIAN)
                  static double big(double x) {
                    double s = x;
                %s    return s;
                  }
                }
                """.formatted(body);
        JavaFileObject file = source(text);
        Compilation c = compile(file);
        assertThat(c).failed();
        assertThat(c).hadErrorCount(1);
        assertThat(c).hadErrorContaining("'big' is too large for its Hessian-vector product to be"
                + " one method").inFile(file).onLine(line(text, "static double big("));
    }
}
