package dev.adjoint.processor.cleanup;

import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.List;

/**
 * Whether a variable is dead where a statement completes: every path from there assigns it
 * before it reads it, or reaches the end of the code, after which it is not read. A
 * structured, backward liveness analysis of one variable: loops may run no iteration (so what
 * they assign kills nothing past them) and run again (so the path from the end of a body goes
 * back to its start, a least fixed point, which for one boolean is the first iterate). Jumps
 * ({@code break}, {@code continue}, {@code return}, {@code throw}) are taken to read the
 * variable: they are answered "live", never wrongly "dead".
 *
 * <p>{@link ZeroAdjointGuard} asks it about the counter a skipped loop would have left as it was:
 * in a fused loop ({@code transform/LoopFusion}) the reverse part's inner loops set the counter
 * the next iteration's forward part resets before it reads it.
 */
final class DeadAfter {
  private final Variable v;

  private DeadAfter(Variable v) {
    this.v = v;
  }

  /**
   * Whether {@code v} is dead when {@code target}, a statement that occurs once in
   * {@code code}, completes; {@code liveAtEnd} tells whether it is read after {@code code}.
   */
  static boolean at(List<Stmt> code, Stmt target, Variable v, boolean liveAtEnd) {
    int[] occurrences = {0};
    code.forEach(s -> IrWalk.statements(s, inner -> occurrences[0] += inner == target ? 1 : 0));
    if (occurrences[0] != 1) {
      return false;
    }
    return !new DeadAfter(v).liveAfter(code, target, liveAtEnd);
  }

  /** Whether {@code v} is live where {@code target}, inside {@code code}, completes. */
  private boolean liveAfter(List<Stmt> code, Stmt target, boolean liveAtEnd) {
    for (int k = 0; k < code.size(); k++) {
      if (contains(code.get(k), target)) {
        return liveAfter(code.get(k), target, liveBefore(code.subList(k + 1, code.size()),
            liveAtEnd));
      }
    }
    throw new IllegalStateException("not in the code: " + target);
  }

  /** The same, for {@code s} containing {@code target}, {@code liveAtEnd} where it completes. */
  private boolean liveAfter(Stmt s, Stmt target, boolean liveAtEnd) {
    if (s == target) {
      return liveAtEnd;
    }
    if (s instanceof Stmt.Block b) {
      return liveAfter(b.stmts(), target, liveAtEnd);
    }
    if (s instanceof Stmt.If f) {
      return liveAfter(contains(f.thenPart(), target) ? f.thenPart() : f.elsePart(), target,
          liveAtEnd);
    }
    if (s instanceof Stmt.Loop l) {
      boolean atTest = liveAtTest(l, liveAtEnd);
      return l.update().stream().anyMatch(u -> contains(u, target))
          ? liveAfter(l.update(), target, atTest)
          : liveAfter(l.body(), target, liveBefore(l.update(), atTest));
    }
    if (s instanceof Stmt.IndexLoop l) {
      return liveAfter(l.body(), target, liveAtNext(l, liveAtEnd));
    }
    throw new IllegalStateException("contains no statement: " + s);
  }

  /** Whether {@code v} is live before {@code code}, given whether it is live after it. */
  private boolean liveBefore(List<Stmt> code, boolean liveAfter) {
    boolean live = liveAfter;
    for (int k = code.size() - 1; k >= 0; k--) {
      live = liveBefore(code.get(k), live);
    }
    return live;
  }

  private boolean liveBefore(Stmt s, boolean liveAfter) {
    if (s instanceof Stmt.Assign a) {
      return Uses.count(a.value(), v) > 0 || a.target() != v && liveAfter;
    }
    if (s instanceof Stmt.Block b) {
      return liveBefore(b.stmts(), liveAfter);
    }
    if (s instanceof Stmt.If f) {
      return ownReads(f) || liveBefore(f.thenPart(), liveAfter)
          || liveBefore(f.elsePart(), liveAfter);
    }
    if (s instanceof Stmt.Loop l) {
      boolean atTest = liveAtTest(l, liveAfter);
      return l.testFirst() ? atTest : liveBefore(l.body(), liveBefore(l.update(), atTest));
    }
    if (s instanceof Stmt.IndexLoop l) {
      return ownReads(l) || liveAtNext(l, liveAfter);
    }
    if (s instanceof Stmt.Break || s instanceof Stmt.Continue || s instanceof Stmt.Return
        || s instanceof Stmt.Throw || s instanceof Stmt.Increment i && i.counter() == v) {
      return true;
    }
    // ArrayWrite, Eval, Accumulate, Push, Comment, another counter's Increment: no nested code,
    // and none assigns v (an Accumulate into v reads it).
    return ownReads(s) || liveAfter;
  }

  /**
   * Whether {@code v} is live where {@code loop} tests its condition: the test reads it, or the
   * loop ends and it is live after, or the next pass reads it (first iterate from "dead").
   */
  private boolean liveAtTest(Stmt.Loop loop, boolean liveAfterLoop) {
    return ownReads(loop) || liveAfterLoop
        || liveBefore(loop.body(), liveBefore(loop.update(), false));
  }

  /** Whether {@code v} is live where an iteration of {@code loop} ends: after, or next pass. */
  private boolean liveAtNext(Stmt.IndexLoop loop, boolean liveAfterLoop) {
    return liveAfterLoop || liveBefore(loop.body(), false);
  }

  private boolean ownReads(Stmt s) {
    boolean[] found = {false};
    IrWalk.ownExpressions(s, e -> found[0] |= Uses.count(e, v) > 0);
    return found[0];
  }

  private static boolean contains(Stmt s, Stmt target) {
    boolean[] found = {false};
    IrWalk.statements(s, inner -> found[0] |= inner == target);
    return found[0];
  }
}
