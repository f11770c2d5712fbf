package dev.adjoint.issue14;

import dev.adjoint.Differentiable;
import dev.adjoint.processor.AdjointProcessor;
import java.io.File;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Compiles issue-14 fixtures in memory, with the Adjoint processor and extra javac options
 * ({@code -Aadjoint.modes=...}), or without any processor ({@code -proc:none}) so that the oracle
 * self-checks can run the fixtures' primal methods before the feature exists.
 */
final class Javac14 {
  private static final String CLASS_PATH = classPath();

  private Javac14() {}

  /** One diagnostic, flattened. */
  record Diag(Diagnostic.Kind kind, String code, String file, long line, String message) {
    boolean isError() {
      return kind == Diagnostic.Kind.ERROR;
    }

    boolean fromProcessor() {
      return code != null && code.contains("proc.messager");
    }

    @Override
    public String toString() {
      return kind + " " + file + ":" + line + " [" + code + "] " + message;
    }
  }

  /** The outcome of one javac run. */
  static final class Result {
    final Map<String, String> sources;
    final List<Diag> diagnostics = new ArrayList<>();
    final Map<String, String> generated = new LinkedHashMap<>();
    final Map<String, byte[]> classes = new LinkedHashMap<>();
    Throwable crash;
    boolean success;
    private ClassLoader loader;

    Result(Map<String, String> sources) {
      this.sources = sources;
    }

    List<Diag> errors() {
      return diagnostics.stream().filter(Diag::isError).toList();
    }

    /** One loader per compilation, so classes load once. */
    synchronized ClassLoader loader() {
      if (loader == null) {
        loader = dev.adjoint.fuzz.InMemoryCompiler.loader(classes,
            Javac14.class.getClassLoader());
      }
      return loader;
    }

    Class<?> load(String name) {
      try {
        return Class.forName(name, true, loader());
      } catch (ClassNotFoundException | LinkageError e) {
        throw new AssertionError("cannot load " + name + ": " + e + report());
      }
    }

    /** Diagnostics, numbered sources and generated sources, for failure messages. */
    String report() {
      StringBuilder b = new StringBuilder("\n==== success=").append(success);
      if (crash != null) {
        b.append("\n==== CRASH ").append(crash);
      }
      for (Diag d : diagnostics) {
        b.append("\n  ").append(d);
      }
      for (Map.Entry<String, String> e : sources.entrySet()) {
        b.append("\n==== source ").append(e.getKey()).append('\n');
        String[] ls = e.getValue().split("\n", -1);
        for (int i = 0; i < ls.length; i++) {
          b.append(String.format("%4d  %s%n", i + 1, ls[i]));
        }
      }
      for (Map.Entry<String, String> e : generated.entrySet()) {
        String text = e.getValue();
        if (text != null && text.length() > 20_000) {
          text = text.substring(0, 20_000) + "\n... (" + text.length() + " chars)";
        }
        b.append("\n==== generated ").append(e.getKey()).append('\n').append(text);
      }
      return b.toString();
    }

    /** Fails unless javac succeeded with no error (warnings are reported, not fatal). */
    Result assertCompiled() {
      if (crash != null || !success || !errors().isEmpty()) {
        throw new AssertionError("expected the fixtures to compile" + report());
      }
      return this;
    }
  }

  /** With the Adjoint processor, plus {@code options} (e.g. -Aadjoint.modes=...). */
  static Result withProcessor(Map<String, String> sources, String... options) {
    List<String> opts = new ArrayList<>(List.of("-processor", AdjointProcessor.class.getName(),
        "-processorpath", CLASS_PATH));
    opts.addAll(List.of(options));
    return compile(sources, opts);
  }

  /** Without any annotation processor: only the user's classes, for the oracle checks. */
  static Result withoutProcessor(Map<String, String> sources) {
    return compile(sources, List.of("-proc:none"));
  }

  private static Result compile(Map<String, String> sources, List<String> extra) {
    Result result = new Result(sources);
    List<String> options = new ArrayList<>(List.of("-classpath", CLASS_PATH, "-Xlint:all",
        "-parameters", "-implicit:none"));
    options.addAll(extra);
    dev.adjoint.fuzz.InMemoryCompiler.Output out =
        dev.adjoint.fuzz.InMemoryCompiler.run(sources, options);
    result.success = out.success();
    result.crash = out.crash();
    result.generated.putAll(out.generated());
    result.classes.putAll(out.classes());
    for (Diagnostic<? extends JavaFileObject> d : out.diagnostics()) {
      String file = d.getSource() == null ? null : d.getSource().getName();
      result.diagnostics.add(new Diag(d.getKind(), d.getCode(), file, d.getLineNumber(),
          d.getMessage(Locale.ROOT)));
    }
    return result;
  }

  private static String classPath() {
    Set<String> entries = new LinkedHashSet<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!e.isEmpty()) {
        entries.add(e);
      }
    }
    for (Class<?> c : new Class<?>[] {Differentiable.class, AdjointProcessor.class,
        com.palantir.javapoet.JavaFile.class, Bridge14.class,
        org.hipparchus.analysis.differentiation.DerivativeStructure.class}) {
      try {
        entries.add(new File(c.getProtectionDomain().getCodeSource().getLocation().toURI())
            .getPath());
      } catch (URISyntaxException | RuntimeException e) {
        // java.class.path alone then
      }
    }
    return String.join(File.pathSeparator, entries);
  }
}
