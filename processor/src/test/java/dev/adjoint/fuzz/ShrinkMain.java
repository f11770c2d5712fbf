package dev.adjoint.fuzz;

import dev.adjoint.fuzz.GradientOracle.Report;
import java.nio.file.Path;

/** {@code ShrinkMain generatorSeed}: regenerates a program, shrinks its failure, prints both. */
public final class ShrinkMain {
  private ShrinkMain() {}

  public static void main(String[] args) {
    Program p = new ProgramGenerator(Long.parseLong(args[0])).generate("fuzzgen", "R");
    FuzzRunner runner = new FuzzRunner(Path.of("/tmp/fuzz-findings"), true, 1);
    Report r = runner.evaluate(p, null);
    String sig = FuzzRunner.signature(r);
    System.out.println(sig + "\n" + r.detail.lines().findFirst().orElse(""));
    if (r.verdict.isFinding()) {
      Shrinker s = new Shrinker(runner, sig);
      Program m = s.shrink(p);
      Report mr = runner.evaluate(m, null);
      System.out.println("after " + s.evaluations() + " evaluations:\n" + m.render());
      System.out.println(mr.detail);
    }
    System.exit(0);
  }
}
