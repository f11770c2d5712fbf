package dev.adjoint.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.Differentiable;
import dev.adjoint.processor.AdjointProcessor;
import dev.adjoint.processor.HelperRefreshProcessor;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A helper's adjoint lives in its own class's generated class. When only the helper's file is
 * recompiled (as an IDE does on save), that generated class is regenerated from the new body,
 * and keeps every entry point other classes call.
 */
class SingleFileRecompileTest {
  private static final String A = """
      package s;

      import dev.adjoint.Differentiable;

      final class A {
        @Differentiable
        static double f(double x) {
          return B.h(x) + x;
        }
      }
      """;

  private static String b(String helperBody, boolean withOwnGradient) {
    return """
        package s;

        import dev.adjoint.Differentiable;

        final class B {
          static double h(double u) {
            return %s;
          }
        %s}
        """.formatted(helperBody, withOwnGradient
        ? "\n  @Differentiable\n  static double g(double v) {\n    return v * v;\n  }\n" : "");
  }

  @TempDir
  Path tmp;

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
      } catch (Exception e) {
        // java.class.path alone
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  /** javac with the processor, as from the command line, into {@code out}. */
  private void javac(Path out, String extraClassPath, Path... sources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diags = new DiagnosticCollector<>();
    try (StandardJavaFileManager fm = javac.getStandardFileManager(diags, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      Files.createDirectories(out);
      String cp = extraClassPath == null ? classPath()
          : extraClassPath + File.pathSeparator + classPath();
      List<String> options = new ArrayList<>(List.of("-classpath", cp, "-d", out.toString(),
          "-s", out.toString(), "-parameters", "-implicit:none", "-Xlint:all", "-processor",
          AdjointProcessor.class.getName() + "," + HelperRefreshProcessor.class.getName(),
          "-processorpath", classPath()));
      boolean ok = javac.getTask(null, fm, diags, options, null,
          fm.getJavaFileObjects(sources)).call();
      StringBuilder sb = new StringBuilder();
      for (Diagnostic<? extends JavaFileObject> d : diags.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR || !ok) {
          sb.append(d).append('\n');
        }
      }
      assertTrue(ok && sb.length() == 0, sb.toString());
    }
  }

  private Path write(String dir, String name, String text) throws IOException {
    Path p = tmp.resolve(dir).resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private static double gradient(Path first, Path second, String cls, String method, double x)
      throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {second.toUri().toURL(),
        first.toUri().toURL()}, SingleFileRecompileTest.class.getClassLoader())) {
      Class<?> grad = loader.loadClass(cls);
      Method m = grad.getDeclaredMethod(method, double.class);
      Object result = m.invoke(null, x);
      for (RecordComponent rc : result.getClass().getRecordComponents()) {
        if (!rc.getName().equals("value")) {
          return (Double) rc.getAccessor().invoke(result);
        }
      }
      throw new AssertionError("no accessor");
    }
  }

  private void recompileOnlyTheHelper(boolean withOwnGradient) throws Exception {
    Path out1 = tmp.resolve("out1");
    javac(out1, null, write("src1", "s/A.java", A),
        write("src1", "s/B.java", b("u * u", withOwnGradient)));
    assertEquals(2 * 1.5 + 1, gradient(out1, out1, "s.AGrad", "f", 1.5), 1e-12);

    // Only B.java is recompiled, against the first output: h's body has changed.
    Path out2 = tmp.resolve("out2");
    javac(out2, out1.toString(), write("src2", "s/B.java", b("Math.sin(u)", withOwnGradient)));
    assertTrue(Files.exists(out2.resolve("s/BGrad.class")), "BGrad is regenerated");
    // A's gradient, run against the new B and BGrad, follows the new body of h.
    assertEquals(Math.cos(1.5) + 1, gradient(out1, out2, "s.AGrad", "f", 1.5), 1e-12);
    if (withOwnGradient) {
      assertEquals(3.0, gradient(out1, out2, "s.BGrad", "g", 1.5), 1e-12);
    }
  }

  @Test
  void aHelperRecompiledAloneGetsItsAdjointRegenerated() throws Exception {
    recompileOnlyTheHelper(false);
  }

  @Test
  void aClassWithItsOwnGradientKeepsItsHelpersWhenRecompiledAlone() throws Exception {
    recompileOnlyTheHelper(true);
  }

  private static final String A_WITH_RECORD = """
      package s;

      import dev.adjoint.Differentiable;

      final class A {
        @Differentiable
        static double f(double x) {
          P p = new P(x, 2.0);
          return p.h(x) + x;
        }
      }
      """;

  private static String p(String helperBody) {
    return """
        package s;

        record P(double a, double b) {
          double h(double u) {
            return %s;
          }
        }
        """.formatted(helperBody);
  }

  @Test
  void aRecordRecompiledAloneKeepsItsMethodsAdjointAndCopy() throws Exception {
    Path out1 = tmp.resolve("out1");
    javac(out1, null, write("src1", "s/A.java", A_WITH_RECORD), write("src1", "s/P.java",
        p("a * u")));
    assertEquals(2 * 1.5 + 1, gradient(out1, out1, "s.AGrad", "f", 1.5), 1e-12);

    Path out2 = tmp.resolve("out2");
    javac(out2, out1.toString(), write("src2", "s/P.java", p("Math.sin(a) * u")));
    assertTrue(Files.exists(out2.resolve("s/PGrad.class")), "PGrad is regenerated");
    assertEquals(Math.cos(1.5) * 1.5 + Math.sin(1.5) + 1,
        gradient(out1, out2, "s.AGrad", "f", 1.5), 1e-12);
  }
}
