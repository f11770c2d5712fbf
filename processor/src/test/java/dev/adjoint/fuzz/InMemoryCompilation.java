package dev.adjoint.fuzz;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;

/**
 * A public face of {@link InMemoryCompiler} for tests in other packages: compiles sources in
 * memory with the Adjoint processor and returns the diagnostics, the generated sources and a
 * loader for the compiled classes.
 */
public final class InMemoryCompilation {
  private InMemoryCompilation() {}

  /** One diagnostic, flattened. */
  public record Diag(Diagnostic.Kind kind, String code, String file, long line, String message,
      boolean fromProcessor, boolean inGenerated) {
    public boolean isError() {
      return kind == Diagnostic.Kind.ERROR;
    }

    @Override
    public String toString() {
      return kind + " " + file + ":" + line + " [" + code + "] " + message;
    }
  }

  /** The outcome of one javac invocation. */
  public record Outcome(boolean success, Throwable crash, List<Diag> diagnostics,
      Map<String, String> generated, Map<String, byte[]> classes, ClassLoader loader) {
    public List<Diag> errors() {
      return diagnostics.stream().filter(Diag::isError).toList();
    }
  }

  /** Compiles {@code sources} (qualified class name to source) in iteration order. */
  public static Outcome compile(Map<String, String> sources) {
    InMemoryCompiler.Result r = InMemoryCompiler.compile(sources);
    List<Diag> diags = r.diagnostics.stream().map(d -> new Diag(d.kind(), d.code(), d.file(),
        d.line(), d.message(), d.fromProcessor(), d.inGenerated())).toList();
    return new Outcome(r.success, r.crash, diags,
        Collections.unmodifiableMap(new LinkedHashMap<>(r.generated)),
        Collections.unmodifiableMap(new LinkedHashMap<>(r.classes)), r.loader());
  }
}
