package dev.adjoint.issue13;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.fuzz.InMemoryCompilation.Diag;
import dev.adjoint.fuzz.InMemoryCompilation.Outcome;
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
 * where it has one) at every point; a program in {@link Corpus13#REJECTED_TODAY} must still be
 * rejected, by the processor only, with its message printed.
 */
class Issue13ProgramsTest {
  private static final Map<String, Program13> PROGRAMS = Corpus13.byName();

  static List<String> accepted() {
    return Corpus13.accepted();
  }

  static List<String> rejected() {
    return Corpus13.rejected();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("accepted")
  void compilesAndMatchesFiniteDifferences(String name) {
    Program13 p = PROGRAMS.get(name);
    Check13.assertGradientMatches(p, Check13.compile(p));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void rejectedToday(String name) {
    Program13 p = PROGRAMS.get(name);
    Check13.assertPrimalRunsAndOracleMatches(p);
    Outcome out = Check13.compile(p);
    assertTrue(out.crash() == null, () -> name + ": the compiler crashed: " + out.crash());
    assertFalse(out.errors().isEmpty(), () -> name + " compiles now: move it out of "
        + "Corpus13.REJECTED_TODAY so that its gradient is checked");
    for (Diag d : out.errors()) {
      assertTrue(d.fromProcessor() && !d.inGenerated(), () -> name
          + ": an error that is not the processor's rejection (the program must be valid "
          + "Java):\n" + Check13.errors(out) + Check13.numbered(p));
    }
    System.out.println("[issue13] " + name + " rejected today:\n" + Check13.errors(out));
  }

  @Test
  void everyProgramIsChecked() {
    List<Program13> all = Corpus13.all();
    assertTrue(all.size() >= 24, "the corpus has only " + all.size() + " programs");
    assertEquals(all.size(), PROGRAMS.size(), "program names must be unique");
    Set<String> seen = new HashSet<>(accepted());
    seen.addAll(rejected());
    assertEquals(PROGRAMS.keySet(), seen, "every program is either accepted or rejected today");
    assertTrue(PROGRAMS.keySet().containsAll(Corpus13.REJECTED_TODAY),
        "REJECTED_TODAY names a program that does not exist");
    for (Program13 p : all) {
      assertFalse(p.points().isEmpty(), p.name() + " has no point to check");
      assertNotNull(p.origin(), p.name());
      assertTrue(p.source().contains("@Differentiable"), p.name());
    }
  }
}
