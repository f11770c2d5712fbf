package dev.adjoint.bench;

import dev.adjoint.bench.SameJvm.Workload;
import java.util.List;

/**
 * The child JVM of {@link ForkedRounds}: runs one workload's forms in rotated rounds
 * ({@link SameJvm#rotatedRounds}) and prints their times, one line per form.
 *
 * <p>Arguments: {@code TABLE INDEX ROUNDS WARMUP_MS SLICE_MS}, where TABLE is
 * {@code FIRST_ORDER}, {@code SECOND_ORDER} or {@code TRAINING} and INDEX the workload's place in that table.
 */
final class RoundsChild {
  private RoundsChild() {}

  /** The tables measured in rotated rounds, each with its workloads in a fixed order. */
  enum Table {
    FIRST_ORDER,
    SECOND_ORDER,
    TRAINING;

    List<Workload> workloads() {
      return switch (this) {
        case FIRST_ORDER -> SameJvm.workloads();
        case SECOND_ORDER -> SecondOrderSameJvm.workloads();
        case TRAINING -> TrainingThroughput.workloads();
      };
    }
  }

  public static void main(String[] args) {
    if (args.length != 5) {
      throw new IllegalArgumentException(
          "expected TABLE INDEX ROUNDS WARMUP_MS SLICE_MS, got " + String.join(" ", args));
    }
    Workload w = Table.valueOf(args[0]).workloads().get(Integer.parseInt(args[1]));
    double[][] ns = SameJvm.rotatedRounds(w, Integer.parseInt(args[2]), Long.parseLong(args[3]),
        Long.parseLong(args[4]));
    for (String line : ForkedRounds.format(ns)) {
      System.out.println(line);
    }
    System.out.flush();
  }
}
