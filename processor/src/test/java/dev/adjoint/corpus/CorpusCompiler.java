package dev.adjoint.corpus;

import dev.adjoint.Differentiable;
import dev.adjoint.processor.AdjointProcessor;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/** Compiles corpus sources with the processor into a temporary directory. */
final class CorpusCompiler {
    private CorpusCompiler() {
    }

    record Diag(Diagnostic.Kind kind, String file, long line, String message) {
        @Override
        public String toString() {
            return kind + " " + file + ":" + line + " " + message;
        }
    }

    record Result(boolean success, List<Diag> diagnostics, List<String> generated, Throwable crash) {
        List<Diag> errors() {
            return diagnostics.stream().filter(d -> d.kind() == Diagnostic.Kind.ERROR).toList();
        }
    }

    /** {@code sources}: pairs of (file name without .java, e.g. "rej/R1", text). */
    static Result compile(List<String[]> sources) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
        Path out = Files.createTempDirectory("corpus");
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diags, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            fm.setLocation(StandardLocation.CLASS_OUTPUT, List.of(out.toFile()));
            fm.setLocation(StandardLocation.SOURCE_OUTPUT, List.of(out.toFile()));
            List<JavaFileObject> units = new ArrayList<>();
            for (String[] s : sources) {
                units.add(new SimpleJavaFileObject(URI.create("mem:///" + s[0] + ".java"),
                        JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignore) {
                        return s[1];
                    }
                });
            }
            List<String> options = List.of("-classpath", classPath(), "-parameters",
                    "-Xlint:all,-processing", "-implicit:none");
            boolean ok;
            Throwable crash = null;
            try {
                JavaCompiler.CompilationTask task = javac.getTask(new StringWriter(), fm, diags,
                        options, null, units);
                task.setProcessors(List.of(new AdjointProcessor()));
                ok = task.call();
            } catch (RuntimeException e) {
                ok = false;
                crash = e;
            }
            List<Diag> ds = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
                String file = d.getSource() == null ? null : d.getSource().getName();
                ds.add(new Diag(d.getKind(), file, d.getLineNumber(), d.getMessage(Locale.ROOT)));
            }
            List<String> generated;
            try (Stream<Path> w = Files.walk(out)) {
                generated = w.filter(p -> p.toString().endsWith("Grad.java"))
                        .map(p -> out.relativize(p).toString().replace(File.separatorChar, '/'))
                        .sorted().toList();
            }
            return new Result(ok, ds, generated, crash);
        } finally {
            try (Stream<Path> w = Files.walk(out)) {
                w.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String classPath() {
        Set<String> entries = new LinkedHashSet<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.isEmpty()) {
                entries.add(e);
            }
        }
        for (Class<?> c : new Class<?>[] {Differentiable.class, AdjointProcessor.class}) {
            try {
                entries.add(new File(c.getProtectionDomain().getCodeSource().getLocation().toURI())
                        .getPath());
            } catch (Exception e) {
                // java.class.path alone
            }
        }
        return String.join(File.pathSeparator, entries);
    }
}
