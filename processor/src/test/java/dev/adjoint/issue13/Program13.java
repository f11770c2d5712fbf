package dev.adjoint.issue13;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One realistic program of the issue-13 corpus: a class {@code p13.<name>} written the natural
 * way, the {@code @Differentiable} method to check, the points to check it at, and optionally an
 * independent oracle for the exact gradient.
 *
 * @param name the program's name, also its class's simple name and its test's display name
 * @param origin where the program comes from (benchmark, textbook form)
 * @param method the {@code @Differentiable} method whose generated gradient is checked
 * @param source the full source of {@code p13.<name>}
 * @param points argument lists ({@code Double}, {@code double[]}, {@code double[][]}, ints)
 * @param oracle the gradient at a point, flattened in the order of the record's components
 *     (each array row by row), or null when finite differences are the only oracle
 */
record Program13(String name, String origin, String method, String source, List<Object[]> points,
    Function<Object[], double[]> oracle) {

  /** The qualified name of the program's class. */
  String className() {
    return "p13." + name;
  }

  /** Starts a program: {@code members} go into {@code final class <name>} of package p13. */
  static Builder of(String name, String origin, String method, String imports, String members) {
    String src = "package p13;\n\nimport dev.adjoint.Differentiable;\n" + imports + "\n"
        + "final class " + name + " {\n  private " + name + "() {}\n\n" + members.indent(2)
        + "}\n";
    return new Builder(name, origin, method, src);
  }

  /** Collects the points and the oracle. */
  static final class Builder {
    private final String name;
    private final String origin;
    private final String method;
    private final String source;
    private final List<Object[]> points = new ArrayList<>();
    private Function<Object[], double[]> oracle;

    Builder(String name, String origin, String method, String source) {
      this.name = name;
      this.origin = origin;
      this.method = method;
      this.source = source;
    }

    Builder at(Object... args) {
      points.add(args);
      return this;
    }

    Builder oracle(Function<Object[], double[]> exact) {
      this.oracle = exact;
      return this;
    }

    Program13 build() {
      return new Program13(name, origin, method, source, List.copyOf(points), oracle);
    }
  }
}
