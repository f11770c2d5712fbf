package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.adjoint.processor.TestSource.adjoint;
import static dev.adjoint.processor.TestSource.assertNoCrash;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The processor's -A options: graph, suffix and summary, and what a malformed value gets. */
class ProcessorOptionsTest {

  private static final JavaFileObject NET = JavaFileObjects.forSourceString("t.Net", """
      package t;

      import dev.adjoint.Differentiable;

      final class Net {
        @Differentiable(wrt = {"w", "b"})
        static double loss(double w, double b, double x, double y) {
          double d = w * x + b - y;
          return 0.5 * d * d;
        }

        @Differentiable
        static double sum(double[] x, int n) {
          double s = 0;
          for (int i = 0; i < n; i++) {
            s += helper(x[i]);
          }
          return s;
        }

        static double helper(double v) {
          return v * v;
        }
      }
      """);

  /** Uses the generated class, so that the compilation fails if its name or API is wrong. */
  private static JavaFileObject user(String gradClass, boolean graph) {
    return JavaFileObjects.forSourceString("t.User", """
        package t;

        final class User {
          static double use() {
            double g = %1$s.loss(2, 1, 3, 4).w();
            %2$s
            return g;
          }
        }
        """.formatted(gradClass, graph ? gradClass + ".lossGraph(2, 1, 3, 4).toTable();" : ""));
  }

  private static Compilation compile(String... options) {
    return compile(user("NetGrad", false), options);
  }

  private static Compilation compile(JavaFileObject user, String... options) {
    Compilation c = adjoint().withOptions((Object[]) options).compile(NET, user);
    assertNoCrash(c);
    return c;
  }

  private static String source(Compilation c, String name) throws IOException {
    return c.generatedSourceFile(name).orElseThrow().getCharContent(true).toString();
  }

  private static List<String> notes(Compilation c) {
    return c.notes().stream().map(d -> d.getMessage(Locale.ROOT))
        .filter(m -> m.startsWith("Adjoint")).collect(Collectors.toList());
  }

  @Test
  void theProcessorDeclaresItsOptions() {
    assertThat(new AdjointProcessor().getSupportedOptions())
        .containsExactly("adjoint.graph", "adjoint.modes", "adjoint.suffix", "adjoint.summary");
  }

  @Test
  void byDefaultScalarMethodsGetAGraphAndNothingIsPrinted() throws IOException {
    Compilation c = compile(user("NetGrad", true));
    assertThat(c).succeededWithoutWarnings();
    assertThat(source(c, "t.NetGrad")).contains("public static ComputationGraph lossGraph(");
    assertThat(notes(c)).isEmpty();
  }

  @Test
  void graphFalseLeavesTheGraphMethodsOut() throws IOException {
    Compilation c = compile("-Aadjoint.graph=false");
    assertThat(c).succeededWithoutWarnings();
    String generated = source(c, "t.NetGrad");
    assertThat(generated).doesNotContain("Graph(");
    assertThat(generated).doesNotContain("ComputationGraph");
    assertThat(generated).contains("public static LossGradient loss(");
  }

  @Test
  void graphTrueIsTheDefault() throws IOException {
    Compilation c = compile(user("NetGrad", true), "-Aadjoint.graph=true");
    assertThat(c).succeededWithoutWarnings();
    assertThat(source(c, "t.NetGrad")).contains("lossGraph(");
  }

  @Test
  void suffixNamesTheGeneratedClass() throws IOException {
    Compilation c = compile(user("NetAdjoint", true), "-Aadjoint.suffix=Adjoint");
    assertThat(c).succeededWithoutWarnings();
    assertThat(c.generatedSourceFile("t.NetGrad")).isEmpty();
    String generated = source(c, "t.NetAdjoint");
    assertThat(generated).contains("public final class NetAdjoint {");
    // Callees are reached through the same suffix.
    assertThat(generated).contains("NetAdjoint.helperAdjoint(");
  }

  @Test
  void summaryPrintsOneNotePerClass() {
    Compilation c = compile("-Aadjoint.summary=true");
    assertThat(c).succeededWithoutWarnings();
    assertThat(notes(c)).containsExactly("Adjoint generated t.NetGrad (3 methods):"
        + " helper(double) no tape, adjoint entry point only;"
        + " loss(double, double, double, double) no tape, graph;"
        + " sum(double[], int) records on a tape");
  }

  @Test
  void aBareSummaryFlagTurnsItOn() {
    assertThat(notes(compile("-Aadjoint.summary"))).hasSize(1);
    assertThat(notes(compile("-Aadjoint.summary=false"))).isEmpty();
  }

  @Test
  void malformedValuesAreErrors() {
    Compilation graph = compile("-Aadjoint.graph=yes");
    assertThat(graph).failed();
    assertThat(graph).hadErrorContaining("-Aadjoint.graph=yes must be true or false");

    Compilation suffix = compile("-Aadjoint.suffix=Grad-1");
    assertThat(suffix).failed();
    assertThat(suffix).hadErrorContaining(
        "-Aadjoint.suffix=Grad-1 is not a valid class-name suffix");
  }

  @Test
  void anUnknownAdjointOptionIsReportedByJavac() {
    // javac warns about -A options that no processor declares: ours are declared, so a typo
    // (adjoint.graf) is the only thing it warns about.
    Compilation c = compile("-Aadjoint.graf=false");
    assertThat(c).succeeded();
    assertThat(c.warnings().stream().map(d -> d.getMessage(Locale.ROOT))
        .collect(Collectors.joining("\n"))).contains("adjoint.graf");
    assertThat(compile("-Aadjoint.graph=false", "-Aadjoint.suffix=Grad",
        "-Aadjoint.summary=false").diagnostics().stream()
        .filter(d -> d.getKind() == Diagnostic.Kind.WARNING).count()).isEqualTo(0);
  }
}
