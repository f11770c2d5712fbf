package dev.adjoint.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.fuzz.Program.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The same sources give byte-identical generated files whatever the order of the files in the
 * compilation and of the methods in each class.
 */
class DeterminismTest {
  /** Generated programs that compile (with helpers, loops and several methods per class). */
  static List<Program> programs(int n, long seed) {
    List<Program> out = new ArrayList<>();
    java.util.SplittableRandom seeds = new java.util.SplittableRandom(seed);
    while (out.size() < n) {
      Program p = new ProgramGenerator(seeds.nextLong(),
          java.util.EnumSet.noneOf(ProgramGenerator.Feature.class)).generate("det", "D" + out.size());
      if (p.methods.size() >= 3 && compiles(p)) {
        out.add(p);
      }
    }
    return out;
  }

  private static boolean compiles(Program p) {
    return InMemoryCompiler.compile(Map.of(p.qualifiedName(), p.render())).success;
  }

  private static Map<String, String> sources(List<Program> ps) {
    Map<String, String> m = new LinkedHashMap<>();
    for (Program p : ps) {
      m.put(p.qualifiedName(), p.render());
    }
    return m;
  }

  @Test
  void generatedFilesDoNotDependOnTheOrderOfFilesOrMethods() {
    List<Program> ps = programs(8, 99);
    Map<String, String> reference = new TreeMap<>(InMemoryCompiler.compile(sources(ps)).generated);
    assertEquals(8, reference.size(), reference.keySet().toString());

    List<String> differences = new ArrayList<>();
    Random rnd = new Random(5);
    for (int round = 0; round < 4; round++) {
      List<Program> shuffled = new ArrayList<>(ps);
      Collections.shuffle(shuffled, rnd);
      Map<String, String> g = new TreeMap<>(InMemoryCompiler.compile(sources(shuffled)).generated);
      compare("file order " + round, reference, g, differences);
    }
    differences.forEach(System.out::println);
    assertTrue(differences.isEmpty(), String.join("\n", differences));
  }

  /**
   * README: "byte-identical on every build, whatever the order of files and methods". Reordering
   * the methods inside a class currently reorders the generated methods (declaration order).
   */
  @Test
  void generatedFilesDoNotDependOnTheOrderOfMethods() {
    List<Program> ps = programs(8, 99);
    Map<String, String> reference = new TreeMap<>(InMemoryCompiler.compile(sources(ps)).generated);
    List<String> differences = new ArrayList<>();
    // methods in a different order inside each class (helpers before or after the entry)
    List<Program> permuted = new ArrayList<>();
    for (Program p : ps) {
      List<Method> ms = new ArrayList<>(p.copy().methods);
      Collections.reverse(ms);
      permuted.add(new Program(p.pkg, p.className, ms, p.seed));
    }
    Map<String, String> g = new TreeMap<>(InMemoryCompiler.compile(sources(permuted)).generated);
    compare("method order", reference, g, differences);
    differences.forEach(System.out::println);
    assertTrue(differences.isEmpty(), String.join("\n", differences));
  }

  private static void compare(String what, Map<String, String> a, Map<String, String> b,
      List<String> out) {
    if (!a.keySet().equals(b.keySet())) {
      out.add(what + ": different files " + a.keySet() + " vs " + b.keySet());
      return;
    }
    for (String k : a.keySet()) {
      if (!a.get(k).equals(b.get(k))) {
        out.add(what + ": " + k + " differs at line " + firstDifference(a.get(k), b.get(k)));
      }
    }
  }

  static String firstDifference(String a, String b) {
    String[] x = a.split("\n", -1);
    String[] y = b.split("\n", -1);
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      if (!x[i].equals(y[i])) {
        return (i + 1) + ":\n    " + x[i] + "\n    " + y[i];
      }
    }
    return Math.min(x.length, y.length) + " (length)";
  }
}
