package dev.adjoint.forward;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.adjoint.processor.AdjointProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Golden source of one generated tangent: the seed's two-layer network with a loop, a branch
 * and a call, {@code twoLayerJvp} and {@code twoLayerTangent} as generated. Regenerate with
 * {@code -Dadjoint.updateGolden=true} and review the diff.
 */
class TangentGoldenTest {
    private static final boolean UPDATE = Boolean.getBoolean("adjoint.updateGolden");

    private static final String SOURCE = """
            package golden;

            import dev.adjoint.Activations;
            import dev.adjoint.Differentiable;
            import dev.adjoint.Losses;
            import dev.adjoint.Mode;

            final class Net {
              private Net() {}

              static double scaled(double u, double k) {
                return k * Math.tanh(u);
              }

              @Differentiable(modes = Mode.TANGENT)
              static double twoLayer(double x, double y, double w1, double b1, double w2, double b2,
                  int steps) {
                double z1 = w1 * x + b1;
                double a1 = Activations.relu(z1);
                for (int i = 0; i < steps; i++) {
                  a1 = scaled(a1, w2) + b2;
                }
                double a2 = a1 > 0 ? Activations.sigmoid(a1) : a1 * a1;
                return Losses.squaredError(a2, y);
              }
            }
            """;

    @Test
    void twoLayerTangent() throws IOException {
        Compilation c = Compiler.javac().withProcessors(new AdjointProcessor())
                .withOptions("-Xlint:all", "-Werror")
                .compile(JavaFileObjects.forSourceString("golden.Net", SOURCE));
        assertThat(c).succeededWithoutWarnings();
        JavaFileObject generated = c.generatedSourceFile("golden.NetGrad").orElseThrow();
        String text = generated.getCharContent(true).toString();
        String actual = member(text, "twoLayerJvp(") + member(text, "twoLayerTangent(")
                + member(text, "scaledJvp(");
        // surefire runs in the module's directory
        Path golden = Path.of("src/test/resources/forward/TwoLayerTangent.golden");
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        try {
            assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The generated method whose signature contains {@code signature}, with its Javadoc. */
    private static String member(String text, String signature) {
        int at = text.indexOf("public static ");
        while (at >= 0 && !text.substring(at, text.indexOf('\n', at)).contains(" " + signature)) {
            at = text.indexOf("public static ", at + 1);
        }
        int start = text.lastIndexOf("  /**", at);
        int end = text.indexOf("\n  }\n", at) + 5;
        return text.substring(start, end);
    }
}
