package dev.adjoint.fuzz;

import dev.adjoint.Differentiable;
import dev.adjoint.processor.AdjointProcessor;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles sources in memory with the Adjoint processor ({@code -processor
 * dev.adjoint.processor.AdjointProcessor}, class path from {@code java.class.path} plus the code
 * sources of the runtime, the processor and JavaPoet, for surefire's manifest-only jars), and
 * loads the result.
 */
public final class InMemoryCompiler {
  private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();
  private static final String CLASS_PATH = classPath();

  /** One diagnostic, flattened. */
  record Diag(Diagnostic.Kind kind, String code, String file, long line, String message) {
    boolean isError() {
      return kind == Diagnostic.Kind.ERROR;
    }

    /** Reported by a processor through the Messager. */
    boolean fromProcessor() {
      return code != null && code.startsWith("compiler.err.proc.messager")
          || code != null && code.startsWith("compiler.warn.proc.messager")
          || code != null && code.startsWith("compiler.note.proc.messager");
    }

    boolean inGenerated() {
      return file != null && file.endsWith("Grad.java");
    }

    @Override
    public String toString() {
      return kind + " " + file + ":" + line + " [" + code + "] " + message;
    }
  }

  /** The outcome of one javac invocation. */
  static final class Result {
    final List<Diag> diagnostics = new ArrayList<>();
    /** Generated sources, by path, in generation order. */
    final Map<String, String> generated = new LinkedHashMap<>();
    final Map<String, byte[]> classes = new LinkedHashMap<>();
    /** Set when javac (or the processor through it) threw. */
    Throwable crash;
    boolean success;
    long millis;

    List<Diag> errors() {
      return diagnostics.stream().filter(Diag::isError).toList();
    }

    ClassLoader loader() {
      return new MemLoader(classes, InMemoryCompiler.class.getClassLoader());
    }
  }

  private InMemoryCompiler() {}

  static Result compile(Map<String, String> sources) {
    return compile(sources, List.of());
  }

  /**
   * Compiles {@code sources} (qualified class name → source) in iteration order.
   */
  static Result compile(Map<String, String> sources, List<String> extraOptions) {
    Result result = new Result();
    long t0 = System.nanoTime();
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    StandardJavaFileManager std = JAVAC.getStandardFileManager(diags, Locale.ROOT,
        StandardCharsets.UTF_8);
    MemFileManager fm = new MemFileManager(std, result);
    List<JavaFileObject> units = new ArrayList<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      units.add(new Source(e.getKey(), e.getValue()));
    }
    // -Dfuzz.shared=true passes one processor instance from this class path (shared classes,
    // as an IDE or a build daemon does); by default javac loads it afresh
    // through -processor/-processorpath on every invocation, as a command-line javac does.
    boolean isolated = !Boolean.getBoolean("fuzz.shared");
    List<String> options = new ArrayList<>(List.of("-classpath", CLASS_PATH, "-Xlint:all",
        "-parameters", "-implicit:none"));
    if (isolated) {
      options.addAll(List.of("-processor", AdjointProcessor.class.getName(), "-processorpath",
          CLASS_PATH));
    }
    options.addAll(extraOptions);
    StringWriter out = new StringWriter();
    try {
      JavaCompiler.CompilationTask task = JAVAC.getTask(out, fm, diags, options, null, units);
      if (!isolated) {
        task.setProcessors(List.of(new AdjointProcessor()));
      }
      result.success = task.call();
    } catch (Throwable t) {
      result.crash = t;
      result.success = false;
    }
    for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
      String file = d.getSource() == null ? null : d.getSource().getName();
      result.diagnostics.add(new Diag(d.getKind(), d.getCode(), file, d.getLineNumber(),
          d.getMessage(Locale.ROOT)));
    }
    result.millis = (System.nanoTime() - t0) / 1_000_000;
    return result;
  }

  /** What one javac run left in memory, for harnesses in other packages. */
  public record Output(boolean success, Throwable crash,
      List<Diagnostic<? extends JavaFileObject>> diagnostics, Map<String, String> generated,
      Map<String, byte[]> classes) {}

  /**
   * Runs javac on {@code sources} (qualified class name → source, in order) with exactly
   * {@code options}: no processor or class path is added.
   */
  public static Output run(Map<String, String> sources, List<String> options) {
    Result result = new Result();
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    StandardJavaFileManager std = JAVAC.getStandardFileManager(diags, Locale.ROOT,
        StandardCharsets.UTF_8);
    List<JavaFileObject> units = new ArrayList<>();
    for (Map.Entry<String, String> e : sources.entrySet()) {
      units.add(new Source(e.getKey(), e.getValue()));
    }
    try {
      result.success = JAVAC.getTask(new StringWriter(), new MemFileManager(std, result), diags,
          options, null, units).call();
    } catch (RuntimeException | Error t) {
      result.crash = t;
      result.success = false;
    }
    return new Output(result.success, result.crash, diags.getDiagnostics(), result.generated,
        result.classes);
  }

  /** A loader of {@code classes} over {@code parent}. */
  public static ClassLoader loader(Map<String, byte[]> classes, ClassLoader parent) {
    return new MemLoader(classes, parent);
  }

  private static String classPath() {
    Set<String> entries = new LinkedHashSet<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!e.isEmpty()) {
        entries.add(e);
      }
    }
    for (Class<?> c : new Class<?>[] {Differentiable.class, AdjointProcessor.class,
        com.palantir.javapoet.JavaFile.class}) {
      try {
        entries.add(new File(c.getProtectionDomain().getCodeSource().getLocation().toURI())
            .getPath());
      } catch (URISyntaxException | RuntimeException e) {
        // fall back to java.class.path alone
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(String qualifiedName, String code) {
      super(URI.create("mem:///" + qualifiedName.replace('.', '/') + ".java"), Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }

  private static final class MemFileManager
      extends ForwardingJavaFileManager<StandardJavaFileManager> {
    private final Result result;

    MemFileManager(StandardJavaFileManager fm, Result result) {
      super(fm);
      this.result = result;
    }

    @Override
    public JavaFileObject getJavaFileForOutput(Location location, String className,
        JavaFileObject.Kind kind, FileObject sibling) {
      if (kind == JavaFileObject.Kind.CLASS) {
        return new SimpleJavaFileObject(URI.create("mem:///out/" + className.replace('.', '/')
            + ".class"), kind) {
          @Override
          public OutputStream openOutputStream() {
            return new ByteArrayOutputStream() {
              @Override
              public void close() throws IOException {
                super.close();
                result.classes.put(className, toByteArray());
              }
            };
          }
        };
      }
      String path = className.replace('.', '/') + kind.extension;
      return new SimpleJavaFileObject(URI.create("mem:///gen/" + path), kind) {
        private String text;

        @Override
        public Writer openWriter() {
          return new StringWriter() {
            @Override
            public void close() throws IOException {
              super.close();
              text = toString();
              result.generated.put(path, text);
            }
          };
        }

        @Override
        public OutputStream openOutputStream() {
          return new ByteArrayOutputStream() {
            @Override
            public void close() throws IOException {
              super.close();
              text = toString(StandardCharsets.UTF_8);
              result.generated.put(path, text);
            }
          };
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return text;
        }
      };
    }

    @Override
    public FileObject getFileForOutput(Location location, String packageName,
        String relativeName, FileObject sibling) {
      String path = (packageName.isEmpty() ? "" : packageName.replace('.', '/') + "/")
          + relativeName;
      return new SimpleJavaFileObject(URI.create("mem:///res/" + path),
          JavaFileObject.Kind.OTHER) {
        @Override
        public Writer openWriter() {
          return new StringWriter() {
            @Override
            public void close() throws IOException {
              super.close();
              result.generated.put(path, toString());
            }
          };
        }
      };
    }

    @Override
    public boolean isSameFile(FileObject a, FileObject b) {
      return a.toUri().equals(b.toUri());
    }
  }

  /** Loads the compiled classes; everything else comes from the test class path. */
  static final class MemLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    MemLoader(Map<String, byte[]> classes, ClassLoader parent) {
      super(parent);
      this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] b = classes.get(name);
      if (b == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, b, 0, b.length);
    }
  }

}
