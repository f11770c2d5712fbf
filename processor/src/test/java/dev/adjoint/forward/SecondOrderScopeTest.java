package dev.adjoint.forward;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.adjoint.forward.ForwardCheck.close;
import static dev.adjoint.forward.ForwardCheck.directionalVector;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.adjoint.processor.AdjointProcessor;
import java.lang.reflect.Method;
import java.util.Arrays;
import javax.tools.JavaFileObject;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;

/**
 * The tangent of an adjoint entry point ({@code mAdjointJvp}) is generated only where an
 * {@code mHvp} needs it: none for tangent-only users, late for a tangent-only method that a
 * second-order body met after it calls, and an error for one compiled elsewhere without it.
 */
class SecondOrderScopeTest {

    private static Compilation compile(String text) {
        return Compiler.javac().withProcessors(new AdjointProcessor())
                .withOptions("-Xlint:all", "-Werror")
                .compile(JavaFileObjects.forSourceString("t.T", text));
    }

    @Test
    void tangentOnlyGetsNoSecondOrderCode() {
        Compilation c = compile("""
                package t;

                import dev.adjoint.Differentiable;
                import dev.adjoint.Mode;

                final class T {
                  static double cube(double u) {
                    return u * u * u;
                  }

                  static void rhs(double[] y, double[] dydt, double k) {
                    dydt[0] = y[1];
                    dydt[1] = -k * Math.sin(y[0]);
                  }

                  @Differentiable(modes = Mode.TANGENT)
                  static double f(double x, double[] y0) {
                    double[] d = new double[2];
                    rhs(y0.clone(), d, x);
                    return cube(x) + d[1];
                  }

                  @Differentiable(modes = Mode.JACOBIAN)
                  static double[] g(double x) {
                    return new double[] {cube(x), x};
                  }
                }
                """);
        assertThat(c).succeededWithoutWarnings();
        String generated = contents(c);
        assertTrue(generated.contains("public static double fJvp("), "fJvp generated");
        assertTrue(generated.contains("public static double cubeJvp("), "cubeJvp generated");
        assertTrue(generated.contains("public static double rhsJvp("), "rhsJvp generated");
        assertFalse(generated.contains("AdjointJvp"), "no tangent of an adjoint entry point");
    }

    @Test
    void hessianOffersItsOwnAndMakesTheCalleesItCalls() {
        Compilation c = compile("""
                package t;

                import dev.adjoint.Differentiable;
                import dev.adjoint.Mode;

                final class T {
                  @Differentiable(modes = Mode.TANGENT)
                  static double inner(double u) {
                    return u * u * u;
                  }

                  @Differentiable(modes = Mode.TANGENT)
                  static double unrelated(double u) {
                    return Math.sin(u);
                  }

                  @Differentiable(modes = Mode.HESSIAN)
                  static double outer(double x) {
                    return inner(x) * x + unrelated(1.0);
                  }
                }
                """);
        assertThat(c).succeededWithoutWarnings();
        String generated = contents(c);
        assertTrue(generated.contains("public static double innerAdjointJvp("), "inner's, late");
        assertTrue(generated.contains("public static double outerAdjointJvp("), "offered");
        assertFalse(generated.contains("unrelatedAdjointJvp"), "nothing calls it");
    }

    private static String contents(Compilation c) {
        try {
            return c.generatedSourceFile("t.TGrad").orElseThrow().getCharContent(true).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void lateTangentOfAdjointHasTheValuesOfHipparchus() {
        double x = 0.7;
        double y = -1.2;
        double[] v = {0.4, 1.1};
        ScopeFxGrad.OuterHvp h = ScopeFxGrad.outerHvp(x, y, v[0], v[1]);
        assertEquals(ScopeFx.outer(x, y), h.value(), 0.0);
        ForwardCheck.Second ds = ForwardCheck.hipparchus(SecondOrderScopeTest::outer, x, y);
        double[] hv = ds.times(v);
        assertEquals(ds.gradient()[0], h.x(), 1e-12);
        assertEquals(ds.gradient()[1], h.y(), 1e-12);
        assertEquals(hv[0], h.xHvp(), 1e-10, "Hipparchus x");
        assertEquals(hv[1], h.yHvp(), 1e-10, "Hipparchus y");
        close(directionalVector(p -> {
            ScopeFxGrad.OuterGradient g = ScopeFxGrad.outer(p[0], p[1]);
            return new double[] {g.x(), g.y()};
        }, new double[] {x, y}, v, 1e-3), new double[] {h.xHvp(), h.yHvp()}, "FD of ∇");
        assertTrue(Arrays.stream(ScopeFxGrad.class.getDeclaredMethods()).map(Method::getName)
                .anyMatch("innerAdjointJvp"::equals), "inner's made for outer's mHvp");
    }

    static DerivativeStructure outer(DerivativeStructure x, DerivativeStructure y) {
        DerivativeStructure u = x.multiply(y);
        DerivativeStructure inner = u.sin().multiply(y).add(u.multiply(u).multiply(y));
        return inner.multiply(x).add(y.exp());
    }

    static DerivativeStructure outer(DerivativeStructure[] d) {
        return outer(d[0], d[1]);
    }

    /**
     * A method of another module compiled with Mode.TANGENT only has no mAdjointJvp: a caller's
     * mHvp is an error naming what to do; with Mode.HESSIAN it has one and the call compiles.
     */
    @Test
    void calleesOfAnotherModuleNeedHessian(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        String caller = """
                package app;

                import dev.adjoint.Differentiable;
                import dev.adjoint.Mode;
                import lib.Layers;

                final class Model {
                  @Differentiable(modes = Mode.HESSIAN)
                  static double loss(double w) {
                    return Layers.softplusScaled(2 * w, w) + w;
                  }
                }
                """;
        for (String mode : new String[] {"TANGENT", "HESSIAN"}) {
            java.nio.file.Path classes = dir.resolve(mode);
            Compilation library = Compiler.javac().withProcessors(new AdjointProcessor())
                    .compile(JavaFileObjects.forSourceString("lib.Layers", """
                    package lib;

                    import dev.adjoint.Differentiable;

                    public final class Layers {
                      private Layers() {}

                      @Differentiable(modes = dev.adjoint.Mode.%s)
                      public static double softplusScaled(double x, double scale) {
                        return scale * Math.log1p(Math.exp(x));
                      }
                    }
                    """.formatted(mode)));
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
            if (mode.equals("TANGENT")) {
                assertThat(c).hadErrorCount(1);
                assertThat(c).hadErrorContaining("[adjoint:mode-unsupported] mHvp and mHessian"
                        + " of 'loss' cannot differentiate through its call to"
                        + " 'softplusScaled': its class was compiled without the tangent of its"
                        + " adjoint entry point, softplusScaledAdjointJvp; compile it with"
                        + " @Differentiable(modes = Mode.HESSIAN) or"
                        + " -Aadjoint.modes=gradient,hessian").inFile(file).onLine(9);
            } else {
                assertThat(c).succeededWithoutWarnings();
                assertThat(c).generatedSourceFile("app.ModelGrad").contentsAsUtf8String()
                        .contains("LayersGrad.softplusScaledAdjointJvp(");
            }
        }
    }
}
