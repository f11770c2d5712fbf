package dev.adjoint.fuzz;

import java.util.Map;

/** {@code HugeMain lines...}: javac time and outcome for a straight-line method of each size. */
public final class HugeMain {
  private HugeMain() {}

  public static void main(String[] args) {
    for (String a : args) {
      int n = Integer.parseInt(a);
      InMemoryCompiler.Result r = InMemoryCompiler.compile(Map.of("huge.Long",
          HugeInputTest.longMethod("Long", n, false)));
      System.out.println(n + " lines: " + r.millis + " ms, " + (r.success ? "compiled" : "FAILED "
          + r.errors().stream().map(d -> d.code()).distinct().toList()));
    }
    System.exit(0);
  }
}
