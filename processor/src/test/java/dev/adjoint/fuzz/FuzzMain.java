package dev.adjoint.fuzz;

import java.nio.file.Path;

/**
 * Command-line fuzzing: {@code FuzzMain seed count [batch] [maxShrinks]}; {@code
 * -Dfuzz.features=all|none|loopChain,boxed,...|all,-impure} selects the generator's shapes.
 */
public final class FuzzMain {
  private FuzzMain() {}

  public static void main(String[] args) {
    long seed = Long.parseLong(args[0]);
    int count = Integer.parseInt(args[1]);
    int batch = args.length > 2 ? Integer.parseInt(args[2]) : 50;
    int shrinks = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    long t0 = System.nanoTime();
    FuzzRunner.Stats s = new FuzzRunner(Path.of(System.getProperty("fuzz.findings",
        "/tmp/fuzz-findings")), shrinks > 0, shrinks).run(seed, count, batch);
    System.out.println(s.summary() + ", " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    s.signatures.forEach((k, v) -> System.out.println("  " + v + " x " + k));
    s.findingGroups.forEach((k, v) -> System.out.println("  finding group: " + v + " x " + k));
    System.out.print(s.shapeTable());
    s.rejections.forEach((k, v) -> System.out.println("  rejected " + v + " x " + k + "\n      e.g. "
        + s.rejectionExamples.get(k)));
    s.invalidExamples.forEach(e -> System.out.println("INVALID " + e));
    System.exit(0);
  }
}
