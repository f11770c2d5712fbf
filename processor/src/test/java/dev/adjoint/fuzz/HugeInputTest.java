package dev.adjoint.fuzz;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.fuzz.InMemoryCompiler.Diag;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Huge inputs: a 2,000-line {@code @Differentiable} method (straight-line, and inside a loop so
 * that everything goes through the tape) and a class with 200 of them. With
 * {@code -Dadjoint.test.verbose=true}, prints the javac times and exactly what happens when a
 * generated method exceeds javac's 64 KB bytecode limit.
 */
class HugeInputTest {
  static String longMethod(String cls, int lines, boolean loop) {
    StringBuilder sb = new StringBuilder("package huge;\n\nimport dev.adjoint.Differentiable;\n\n"
        + "final class " + cls + " {\n  @Differentiable\n  static double f(double a, double b) {\n"
        + "    double s = a;\n    double t = b;\n");
    String ind = "    ";
    if (loop) {
      sb.append("    for (int i = 0; i < 3; i++) {\n");
      ind = "      ";
    }
    for (int i = 0; i < lines; i++) {
      switch (i % 4) {
        case 0 -> sb.append(ind).append("s = s * 0.999 + 0.001 * Math.sin(t + ").append(i % 7)
            .append(");\n");
        case 1 -> sb.append(ind).append("t += 0.001 * Math.cos(s * a);\n");
        case 2 -> sb.append(ind).append("s = Math.tanh(s) + 0.5 * t * b;\n");
        default -> sb.append(ind).append("t = 0.9 * t + 0.1 * s;\n");
      }
    }
    if (loop) {
      sb.append("    }\n");
    }
    sb.append("    return s + t;\n  }\n}\n");
    return sb.toString();
  }

  static String manyMethods(int n) {
    StringBuilder sb = new StringBuilder("package huge;\n\nimport dev.adjoint.Differentiable;\n\n"
        + "final class Many {\n");
    for (int k = 0; k < n; k++) {
      sb.append("  @Differentiable\n  static double m").append(k).append("(double a, double b) {\n"
          + "    double s = a;\n    for (int i = 0; i < 4; i++) {\n"
          + "      s = Math.sin(s * b + ").append(k).append(") + 0.5 * s;\n"
          + "      if (i % 2 == 0) {\n        continue;\n      }\n      s += a * b;\n    }\n"
          + "    return s * s + b;\n  }\n\n");
    }
    return sb.append("}\n").toString();
  }

  private static InMemoryCompiler.Result run(String what, String cls, String src) {
    long lines = src.lines().count();
    InMemoryCompiler.Result r = InMemoryCompiler.compile(Map.of("huge." + cls, src));
    List<Diag> errors = r.errors();
    long genLines = r.generated.values().stream().mapToLong(s -> s.lines().count()).sum();
    // Quiet by default: the errors expected here would read as failures in a passing build.
    // The assertions carry them; -Dadjoint.test.verbose=true prints the timings and errors.
    if (Boolean.getBoolean("adjoint.test.verbose")) {
      System.out.println("huge: " + what + ": " + lines + " source lines, " + genLines
          + " generated lines, javac " + r.millis + " ms, "
          + (r.success ? "compiled" : "not compiled")
          + (r.crash == null ? "" : ", processor threw " + r.crash));
      errors.stream().limit(6).forEach(d -> System.out.println("    " + d));
    }
    return r;
  }

  @Test
  void aTwoThousandLineMethod() {
    InMemoryCompiler.Result r = run("2000-line straight-line method", "Long", longMethod("Long",
        2000, false));
    assertNull(r.crash);
    InMemoryCompiler.Result l = run("2000-line method body inside a loop", "LongLoop",
        longMethod("LongLoop", 2000, true));
    assertNull(l.crash);
    for (InMemoryCompiler.Result result : List.of(r, l)) {
      assertTrue(!result.success && result.errors().size() == 1
          && result.errors().get(0).message().contains("is too large to differentiate as one"
              + " method"), "a clear error of Adjoint's, not javac's 'code too large': "
          + result.errors());
    }
  }

  @Test
  void justOverTheLimitGetsTheClearError() {
    InMemoryCompiler.Result r = run("700-line straight-line method", "Over", longMethod("Over",
        700, false));
    assertNull(r.crash);
    assertTrue(!r.success && r.errors().size() == 1
        && r.errors().get(0).message().contains("is too large to differentiate as one method"),
        "a clear error of Adjoint's, not javac's 'code too large': " + r.errors());
  }

  @Test
  void aFiveHundredLineMethodIsDifferentiated() {
    InMemoryCompiler.Result r = run("500-line straight-line method", "Mid", longMethod("Mid",
        500, false));
    assertNull(r.crash);
    assertTrue(r.success, r.errors().toString());
  }

  @Test
  void twoHundredMethods() {
    InMemoryCompiler.Result r = run("200 @Differentiable methods in one class", "Many",
        manyMethods(200));
    assertNull(r.crash);
    assertTrue(r.success, r.errors().toString());
  }
}
