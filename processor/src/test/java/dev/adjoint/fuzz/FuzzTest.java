package dev.adjoint.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Differential fuzzing of the processor: random {@code @Differentiable} programs, compiled in
 * batches with the processor, gradients compared with finite differences.
 *
 * <p>CI runs a fixed-seed batch. Any number with any seed:
 *
 * <pre>
 * mvn -pl processor -am test -Dtest=FuzzTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfuzz.seed=42 -Dfuzz.count=2000
 * </pre>
 *
 * <p>Findings (shrunk to a minimal program, with the original beside it) are written to {@code
 * fuzz.findings} (default {@code target/fuzz-findings}). {@code -Dfuzz.shrink=false} skips
 * shrinking, {@code -Dfuzz.maxShrinks} (default 3) and {@code -Dfuzz.shrinkBudget} (compilations
 * per shrink, default 300 here) bound it; {@code -Dfuzz.batch} sets how many classes go into one javac invocation;
 * {@code -Dfuzz.avoid=yieldSwitch,switchBreak,intArrayStore} leaves out constructs with a known
 * open bug (see /findings), to look past them; {@code -Dfuzz.features=all} (the default),
 * {@code none} (the base generator, seed for seed), {@code loopChain,alias,...} or {@code
 * all,-impure} selects the shapes of {@link ProgramGenerator.Feature}. A program the processor
 * refuses with an error located in its source counts as rejected, not as a finding; a crash,
 * an unlocated error, no output without an error, generated code that does not compile and a
 * wrong gradient or value are findings. {@code -Dfuzz.shared=true} hands javac one
 * processor instance instead of loading it through {@code -processor}/{@code -processorpath}.
 *
 * <p>Faster, without Maven, from a shell: {@code dev.adjoint.fuzz.FuzzMain seed count [batch]
 * [maxShrinks]} on the test class path; {@code ShrinkMain seed} re-generates and shrinks one
 * program; {@code Repro file.java [-v]} compiles and checks one file.
 */
class FuzzTest {
  @Test
  void randomProgramsHaveFiniteDifferenceGradients() {
    long seed = Long.getLong("fuzz.seed", 20240601L);
    int count = Integer.getInteger("fuzz.count", 200);
    int batch = Integer.getInteger("fuzz.batch", 50);
    boolean shrink = Boolean.parseBoolean(System.getProperty("fuzz.shrink", "true"));
    // CI time: a few short shrinks; -Dfuzz.maxShrinks=10 -Dfuzz.shrinkBudget=2500 for more
    int maxShrinks = Integer.getInteger("fuzz.maxShrinks", 3);
    int shrinkBudget = Integer.getInteger("fuzz.shrinkBudget", 300);
    Path dir = Path.of(System.getProperty("fuzz.findings", "target/fuzz-findings"));
    long t0 = System.nanoTime();
    FuzzRunner.Stats stats = new FuzzRunner(dir, shrink, maxShrinks)
        .withShrinkBudget(shrinkBudget).run(seed, count, batch);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.println(stats.summary() + ", seed " + seed + ", " + ms + " ms");
    stats.signatures.forEach((k, v) -> System.out.println("  " + v + " x " + k));
    stats.findingGroups.forEach((k, v) -> System.out.println("  finding group: " + v + " x "
        + k));
    System.out.print(stats.shapeTable());
    stats.rejections.forEach((k, v) -> System.out.println("  rejected " + v + " x " + k
        + "\n      e.g. " + stats.rejectionExamples.get(k)));
    for (String inv : stats.invalidExamples) {
      System.out.println("INVALID (generator bug):\n" + inv);
    }
    assertTrue(stats.invalid == 0, "the generator produced invalid programs: "
        + stats.invalidExamples);
    assertTrue(stats.findings.isEmpty(), stats.findings.size() + " findings, written to " + dir
        + ": " + stats.signatures);
  }
}
