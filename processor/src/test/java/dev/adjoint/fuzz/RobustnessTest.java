package dev.adjoint.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.fuzz.InMemoryCompiler.Diag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sources as an IDE sees them while someone types: the processor must never throw, must never
 * generate code that fails to compile, and adds at most one error of its own beside javac's.
 */
class RobustnessTest {
  private static final String HEAD = "package typing;\n\nimport dev.adjoint.Differentiable;\n\n"
      + "final class C {\n  private C() {}\n\n  static double h(double u) {\n    return u * u;\n"
      + "  }\n\n  @Differentiable\n  static double f(double a, double[] x) {\n";
  private static final String TAIL = "  }\n}\n";

  /** Broken method bodies: each is the body of {@code f} in {@link #HEAD}. */
  static final Map<String, String> BODIES = new LinkedHashMap<>();

  static {
    BODIES.put("unknown symbol", "    return a + undefinedVar;\n");
    BODIES.put("unknown symbol in loop", "    double s = 0;\n    for (int i = 0; i < 3; i++) {\n"
        + "      s += zz * a;\n    }\n    return s;\n");
    BODIES.put("half-written expression", "    return a * ;\n");
    BODIES.put("half-written call", "    double b = Math.sin(;\n    return b;\n");
    BODIES.put("half-written assignment", "    double b = a;\n    b +=\n    return b;\n");
    BODIES.put("missing semicolon", "    return a\n");
    BODIES.put("unbalanced open brace", "    if (a > 0) {\n      return a;\n    return -a;\n");
    BODIES.put("unbalanced close brace", "    double b = a;\n    }\n    return b;\n");
    BODIES.put("half-written for", "    double s = 0;\n    for (int i = 0; i < ; i++) {\n"
        + "      s += a;\n    }\n    return s;\n");
    BODIES.put("half-written array read", "    return x[ + a;\n");
    BODIES.put("undefined method", "    return g(a) * a;\n");
    BODIES.put("undefined method in loop", "    double s = a;\n    while (s < 3) {\n"
        + "      s = undefinedHelper(s, a);\n    }\n    return s;\n");
    BODIES.put("wrong arity", "    return h(a, a);\n");
    BODIES.put("typo in Math", "    return Math.sn(a);\n");
    BODIES.put("unknown class", "    return Foo.bar(a);\n");
    BODIES.put("unknown type", "    Foo b = a;\n    return a;\n");
    BODIES.put("wrong type", "    String s = a;\n    return a;\n");
    BODIES.put("missing return", "    double b = a * a;\n");
    BODIES.put("return without value", "    return;\n");
    BODIES.put("break outside loop", "    break;\n");
    BODIES.put("undefined label", "    for (int i = 0; i < 2; i++) {\n      continue nowhere;\n"
        + "    }\n    return a;\n");
    BODIES.put("unknown member of array", "    return x.size() * a;\n");
    // Not Math.TAU: JDK 19 added it, and this must be broken on every JDK.
    BODIES.put("unknown field of Math", "    return Math.NO_SUCH_CONSTANT * a;\n");
    BODIES.put("dangling else", "    else {\n      return a;\n    }\n");
    BODIES.put("empty body", "");
    BODIES.put("duplicate local", "    double b = a;\n    double b = 2 * a;\n    return b;\n");
    BODIES.put("switch half-written", "    switch ((int) a) {\n      case 0 ->\n    }\n"
        + "    return a;\n");
    BODIES.put("int to double[] mismatch", "    double[] t = new double[2];\n"
        + "    t = a;\n    return t[0];\n");
  }

  /** Whole files: missing imports and errors outside the method. */
  static final Map<String, String> FILES = new LinkedHashMap<>();

  static {
    FILES.put("missing import of Differentiable", "package typing;\n\nfinal class C {\n"
        + "  @Differentiable\n  static double f(double a) {\n    return a * a;\n  }\n}\n");
    FILES.put("missing import of Activations", "package typing;\n\n"
        + "import dev.adjoint.Differentiable;\n\nfinal class C {\n  @Differentiable\n"
        + "  static double f(double a) {\n    return Activations.relu(a);\n  }\n}\n");
    FILES.put("half-written annotation", "package typing;\n\n"
        + "import dev.adjoint.Differentiable;\n\nfinal class C {\n  @Differentiable(wrt = {\"a\"\n"
        + "  static double f(double a) {\n    return a * a;\n  }\n}\n");
    FILES.put("error in another method", "package typing;\n\n"
        + "import dev.adjoint.Differentiable;\n\nfinal class C {\n  static int g() {\n"
        + "    return \"x\";\n  }\n\n  @Differentiable\n  static double f(double a) {\n"
        + "    return a * a;\n  }\n}\n");
    FILES.put("helper with a broken body", "package typing;\n\n"
        + "import dev.adjoint.Differentiable;\n\nfinal class C {\n  static double g(double u) {\n"
        + "    return u * undefinedThing;\n  }\n\n  @Differentiable\n  static double f(double a) {\n"
        + "    return g(a) * a;\n  }\n}\n");
    FILES.put("unclosed class", "package typing;\n\nimport dev.adjoint.Differentiable;\n\n"
        + "final class C {\n  @Differentiable\n  static double f(double a) {\n    return a * a;\n"
        + "  }\n");
    FILES.put("unclosed method at end of file", "package typing;\n\n"
        + "import dev.adjoint.Differentiable;\n\nfinal class C {\n  @Differentiable\n"
        + "  static double f(double a) {\n    double s = 0;\n    for (int i = 0; i < 3; i++) {\n"
        + "      s += a;\n");
    FILES.put("unknown parameter type", "package typing;\n\n"
        + "import dev.adjoint.Differentiable;\n\nfinal class C {\n  @Differentiable\n"
        + "  static double f(Vec v, double a) {\n    return a * a;\n  }\n}\n");
    FILES.put("unknown return type", "package typing;\n\n"
        + "import dev.adjoint.Differentiable;\n\nfinal class C {\n  @Differentiable\n"
        + "  static Vec f(double a) {\n    return null;\n  }\n}\n");
  }

  private static final boolean VERBOSE = Boolean.getBoolean("adjoint.test.verbose");

  @Test
  void theProcessorNeverThrowsAndAddsAtMostOneError() {
    List<String> violations = new ArrayList<>();
    Map<String, String> all = new LinkedHashMap<>();
    BODIES.forEach((k, v) -> all.put(k, HEAD + v + TAIL));
    all.putAll(FILES);
    for (Map.Entry<String, String> e : all.entrySet()) {
      InMemoryCompiler.Result r = InMemoryCompiler.compile(Map.of("typing.C", e.getValue()));
      List<Diag> errors = r.errors();
      long own = errors.stream().filter(Diag::fromProcessor).count();
      long generated = errors.stream().filter(Diag::inGenerated).count();
      StringBuilder line = new StringBuilder(String.format("%-36s javac errors %d, processor "
          + "errors %d%s", e.getKey(), errors.size() - own - generated, own,
          r.crash == null ? "" : ", CRASH"));
      for (Diag d : errors) {
        if (d.fromProcessor()) {
          line.append("\n    processor: line ").append(d.line()).append(": ")
              .append(d.message());
        }
      }
      // The expected errors would read as failures in a passing build: printed on request only.
      if (VERBOSE) {
        System.out.println(line);
      }
      if (r.crash != null) {
        violations.add(e.getKey() + ": the processor threw " + r.crash);
      }
      if (own > 1) {
        violations.add(e.getKey() + ": " + own + " processor errors: " + errors);
      }
      if (generated > 0) {
        violations.add(e.getKey() + ": generated code does not compile: " + errors);
      }
      if (errors.isEmpty()) {
        violations.add(e.getKey() + ": no error at all for a broken source");
      }
      for (Diag d : errors) {
        if (d.fromProcessor() && (d.message().contains("Exception")
            || d.message().contains("could not write"))) {
          violations.add(e.getKey() + ": an internal failure instead of a clear error: "
              + d.message());
        }
      }
      if (VERBOSE && own == 1 && errors.size() == 1) {
        // Not a violation, but worth knowing: javac stops after a processor error, so its own
        // diagnosis of the typo (cannot find symbol ...) never reaches the user.
        System.out.println("    (javac's own errors are not shown: the processor's error "
            + "pre-empts attribution)");
      }
    }
    violations.forEach(v -> System.out.println("VIOLATION " + v));
    assertTrue(violations.isEmpty(), String.join("\n", violations));
  }
}
