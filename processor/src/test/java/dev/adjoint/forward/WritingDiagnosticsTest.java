package dev.adjoint.forward;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.adjoint.processor.AdjointProcessor;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Forward mode and second order over helpers that write into their arrays: what compiles, and
 * the errors (file, line, column, id, message) of what second order does not follow yet.
 */
class WritingDiagnosticsTest {

    private static final String HEADER = """
            package t;

            import dev.adjoint.Differentiable;
            import dev.adjoint.Mode;

            """;

    private static final String HELPER = """
              static void rhs(double[] y, double[] dydt, double k) {
                dydt[0] = y[1];
                dydt[1] = -k * Math.sin(y[0]);
              }

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

    private static Compilation compile(JavaFileObject file) {
        Compilation c = Compiler.javac().withProcessors(new AdjointProcessor()).compile(file);
        for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
            String m = d.getMessage(Locale.ROOT);
            assertFalse(m.contains("internal error") || m.contains("Exception"), m);
        }
        return c;
    }

    @Test
    void tangentAndJacobianFollowTheWrites() {
        String text = "final class T {\n" + HELPER + """
                  @Differentiable(modes = Mode.TANGENT)
                  static double f(double[] y0, double k) {
                    double[] f = new double[2];
                    rhs(y0.clone(), f, k);
                    return f[0] * f[1];
                  }

                  @Differentiable(modes = Mode.JACOBIAN)
                  static double[] g(double[] y0, double k) {
                    double[] f = new double[2];
                    rhs(y0.clone(), f, k);
                    return f;
                  }
                }
                """;
        Compilation c = compile(source(text));
        assertThat(c).succeededWithoutWarnings();
        assertThat(c).generatedSourceFile("t.TGrad").contentsAsUtf8String()
                .contains("TGrad.rhsJvp(");
    }

    @Test
    void secondOrderFollowsTheWritesThroughTheHelpersAdjointTangent() {
        String text = "final class T {\n" + HELPER + """
                  @Differentiable(modes = Mode.HESSIAN)
                  static double f(double[] y0, double k) {
                    double[] f = new double[2];
                    rhs(y0.clone(), f, k);
                    return f[0] * f[1];
                  }
                }
                """;
        Compilation c = compile(source(text));
        assertThat(c).succeededWithoutWarnings();
        assertThat(c).generatedSourceFile("t.TGrad").contentsAsUtf8String()
                .contains("TGrad.rhsAdjointJvp(");
    }

    /**
     * What the gradient refuses stays refused with Mode.HESSIAN, at the same place: a writing
     * helper's call in a @Checkpointed loop (a snapshot keeps scalar state only).
     */
    @Test
    void aWritingCallInACheckpointedLoopStaysAnError() {
        String text = "final class T {\n" + HELPER + """
                  @Differentiable(modes = {Mode.TANGENT, Mode.HESSIAN})
                  @dev.adjoint.Checkpointed(every = 2)
                  static double f(double[] y0, double k, int n) {
                    double[] y = {y0[0], y0[1]};
                    double[] d = new double[2];
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                      rhs(y, d, k * s);
                      s += 0.1 * d[1];
                    }
                    return s;
                  }
                }
                """;
        JavaFileObject file = source(text);
        Compilation c = compile(file);
        assertThat(c).failed();
        String expected = "[adjoint:checkpointed-loop] @Checkpointed loops may not call a helper"
                + " that may write into an array: a snapshot keeps scalar state only; drop"
                + " @Checkpointed";
        assertThat(c).hadErrorContaining(expected).inFile(file)
                .onLine(line(text, "rhs(y, d, k * s);"));
        List<Diagnostic<? extends JavaFileObject>> errors = c.errors();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(expected, errors.get(0).getMessage(Locale.ROOT));
    }
}
