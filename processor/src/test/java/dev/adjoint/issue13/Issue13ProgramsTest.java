package dev.adjoint.issue13;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Issue 13's acceptance corpus: realistic programs written the natural way, each compiled with
 * the processor at test time. An accepted program must compile without errors and its generated
 * gradient must match 5-point central differences of the original method (and its exact oracle,
 * where it has one) at every point. Every program of the corpus is accepted now; a program the
 * processor rejects fails its test with the errors and the numbered source.
 */
class Issue13ProgramsTest {
  private static final Map<String, Program13> PROGRAMS = Corpus13.byName();

  static List<String> accepted() {
    return Corpus13.accepted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void compilesAndMatchesFiniteDifferences(String name) {
    Program13 p = PROGRAMS.get(name);
    Check13.assertGradientMatches(p, Check13.compile(p));
  }

  @Test
  void everyProgramIsChecked() {
    List<Program13> all = Corpus13.all();
    assertTrue(all.size() >= 24, "the corpus has only " + all.size() + " programs");
    assertEquals(all.size(), PROGRAMS.size(), "program names must be unique");
    assertEquals(PROGRAMS.keySet(), new HashSet<>(accepted()), "every program is checked");
    for (Program13 p : all) {
      assertFalse(p.points().isEmpty(), p.name() + " has no point to check");
      assertNotNull(p.origin(), p.name());
      assertTrue(p.source().contains("@Differentiable"), p.name());
    }
  }
}
