package dev.adjoint.loops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.GradientCheck;
import dev.adjoint.Tape;
import org.junit.jupiter.api.Test;

/** Checkpointing gives the same gradient with a fraction of the tape. */
class CheckpointTest {

  @Test
  void longRecurrenceSameGradientMuchLessTape() {
    int n = 100_000;
    Tape plain = new Tape();
    double[] plainAdj = new double[2];
    double plainValue =
        CheckpointFixturesGrad.recurrenceAdjoint(0.9, 0.1, n, 1.0, plainAdj, plain);
    Tape checkpointed = new Tape();
    double[] checkpointedAdj = new double[2];
    double checkpointedValue = CheckpointFixturesGrad.checkpointedRecurrenceAdjoint(0.9, 0.1, n,
        1.0, checkpointedAdj, checkpointed);
    assertEquals(plainValue, checkpointedValue, 0.0);
    assertEquals(plainAdj[0], checkpointedAdj[0], 0.0, "recomputation is bit-for-bit");
    assertEquals(plainAdj[1], checkpointedAdj[1], 0.0);
    // per step: the old x, and sin(x), stored for the reverse sweep (StoredCallResults)
    assertEquals(2 * n, plain.doubles().peakSize());
    // n / 100 snapshots of x (double) and i (int); while the last segment replays, its own
    // snapshot is already consumed and its 100 records are on the tape.
    // Twice that since sin(x) is stored (StoredCallResults): a snapshot keeps x and the local
    // holding sin(x) (each iteration assigns it before reading it; the snapshot keeps it all
    // the same), and each replayed step records both.
    assertEquals(2 * (n / 100 - 1 + 100), checkpointed.doubles().peakSize());
    assertTrue(checkpointed.memoryBytes() * 20 < plain.memoryBytes(),
        checkpointed.memoryBytes() + " bytes checkpointed vs " + plain.memoryBytes());
    assertEquals(0, checkpointed.size(), "every snapshot and record is consumed");
  }

  @Test
  void checkpointedLoopWithBranchesInnerLoopsAndBreakMatchesThePlainOne() {
    for (int n : new int[] {0, 1, 6, 7, 8, 20, 50}) {
      var plain = CheckpointFixturesGrad.mixed(0.4, n);
      var checkpointed = CheckpointFixturesGrad.checkpointedMixed(0.4, n);
      assertEquals(plain.value(), checkpointed.value(), 0.0, "n = " + n);
      assertEquals(plain.a(), checkpointed.a(), 0.0, "n = " + n);
      int m = n;
      GradientCheck.compare(x -> CheckpointFixtures.checkpointedMixed(x[0], m),
          new double[] {0.4}, new double[] {checkpointed.a()}).assertWithin(1e-5);
    }
    var broken = CheckpointFixturesGrad.checkpointedMixed(3.0, 40);
    assertEquals(CheckpointFixturesGrad.mixed(3.0, 40).a(), broken.a(), 0.0);
  }

  @Test
  void theReplayReadsValuesThatChangeAfterTheLoop() {
    var plain = CheckpointFixturesGrad.readsAVariableChangedAfterTheLoop(1.1, 10);
    var checkpointed = CheckpointFixturesGrad.checkpointedReadsAVariableChangedAfterTheLoop(1.1, 10);
    assertEquals(plain.a(), checkpointed.a(), 0.0);
    GradientCheck.compare(x -> CheckpointFixtures.checkpointedReadsAVariableChangedAfterTheLoop(
        x[0], 10), new double[] {1.1}, new double[] {checkpointed.a()}).assertWithin(1e-7);
  }
}
