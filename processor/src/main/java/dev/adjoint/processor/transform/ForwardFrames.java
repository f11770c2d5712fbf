package dev.adjoint.processor.transform;

import dev.adjoint.processor.ir.Label;
import dev.adjoint.processor.ir.Stmt;

/**
 * What {@link ForwardSweep} keeps about each construct it is inside, for a jump that leaves
 * them: a block's current segment, the branch of an {@code if}, a loop and its body's label.
 */
final class ForwardFrames {
  private ForwardFrames() {}

  abstract static class Frame {}

  static final class BlockFrame extends Frame {
    final Stmt.Block block;
    int segment;

    BlockFrame(Stmt.Block block) {
      this.block = block;
    }
  }

  static final class IfFrame extends Frame {
    final Stmt.If stmt;
    boolean inThen = true;

    IfFrame(Stmt.If stmt) {
      this.stmt = stmt;
    }
  }

  static final class LoopFrame extends Frame {
    final Stmt.Loop loop;
    final Label bodyLabel;

    LoopFrame(Stmt.Loop loop, Label bodyLabel) {
      this.loop = loop;
      this.bodyLabel = bodyLabel;
    }
  }
}
