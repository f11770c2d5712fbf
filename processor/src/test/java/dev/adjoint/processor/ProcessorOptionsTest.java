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
  void byDefaultNoMethodGetsAGraphAndNothingIsPrinted() throws IOException {
    Compilation c = compile(user("NetGrad", false));
    assertThat(c).succeededWithoutWarnings();
    assertThat(source(c, "t.NetGrad")).doesNotContain("ComputationGraph");
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
  void graphTrueGivesEveryScalarPublicMethodOne() throws IOException {
    Compilation c = compile(user("NetGrad", true), "-Aadjoint.graph=true");
    assertThat(c).succeededWithoutWarnings();
    assertThat(source(c, "t.NetGrad")).contains("lossGraph(");
  }

  @Test
  void theAnnotationAsksForOneMethodsGraph() throws IOException {
    JavaFileObject two = JavaFileObjects.forSourceString("t.Two", """
        package t;

        import dev.adjoint.Differentiable;

        final class Two {
          @Differentiable(graph = true)
          static double graphed(double w) {
            return w * w;
          }

          @Differentiable(graph = false)
          static double plain(double w) {
            return w * w * w;
          }

          @Differentiable
          static double unsaid(double w) {
            return Math.sin(w);
          }

          static String use() {
            return TwoGrad.graphed(3).w() + TwoGrad.graphedGraph(3).toTable();
          }
        }
        """);
    Compilation c = adjoint().compile(two);
    assertNoCrash(c);
    assertThat(c).succeededWithoutWarnings();
    String generated = source(c, "t.TwoGrad");
    assertThat(generated).contains("graphedGraph(");
    assertThat(generated).doesNotContain("plainGraph(");
    assertThat(generated).doesNotContain("unsaidGraph(");
  }

  @Test
  void askingForAGraphThatCannotBeIsAnErrorAtTheAttribute() {
    JavaFileObject arrays = JavaFileObjects.forSourceString("t.Arrays1", """
        package t;

        import dev.adjoint.Differentiable;

        final class Arrays1 {
          @Differentiable(wrt = "x",
              graph = true)
          static double norm(double[] x) {
            double s = 0;
            for (double v : x) {
              s += v * v;
            }
            return s;
          }
        }
        """);
    Compilation c = adjoint().compile(arrays);
    assertNoCrash(c);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("'norm' cannot have a computation graph: graphs record"
        + " scalar code only").inFile(arrays).onLine(7);
    assertThat(c.errors()).hasSize(1);

    JavaFileObject taken = JavaFileObjects.forSourceString("t.Taken", """
        package t;

        import dev.adjoint.Differentiable;

        final class Taken {
          @Differentiable(graph = true)
          static double loss(double w) {
            return w * w;
          }

          static double lossGraph(double w) {
            return w;
          }
        }
        """);
    Compilation t = adjoint().compile(taken);
    assertNoCrash(t);
    assertThat(t).failed();
    assertThat(t).hadErrorContaining("'loss' cannot have a computation graph: its class already"
        + " has a method 'lossGraph'").inFile(taken).onLine(6);
    assertThat(t.errors()).hasSize(1);
  }

  @Test
  void suffixNamesTheGeneratedClass() throws IOException {
    Compilation c = compile(user("NetAdjoint", true), "-Aadjoint.suffix=Adjoint",
        "-Aadjoint.graph=true");
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
        + " loss(double, double, double, double) no tape;"
        + " sum(double[], int) records on a tape");
  }

  @Test
  void summarySaysWhichMethodsHaveAGraph() {
    assertThat(notes(compile("-Aadjoint.summary=true", "-Aadjoint.graph=true")).get(0))
        .contains(" loss(double, double, double, double) no tape, graph;");
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
