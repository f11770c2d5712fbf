package dev.adjoint.processor.diag;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;

/**
 * The problems found in one method: each is reported at once, and the method is marked so that no
 * code is generated for it. Lowering and analysis go on after a problem so that every error in
 * the file is reported in one compilation.
 */
public final class MethodProblems {
  private final Diagnostics diagnostics;
  private final CompilationUnitTree unit;
  private int count;
  private int silent;
  private int muted;

  public MethodProblems(Diagnostics diagnostics, CompilationUnitTree unit) {
    this.diagnostics = diagnostics;
    this.unit = unit;
  }

  public void error(Tree tree, Problem problem, String message) {
    count++;
    if (muted == 0) {
      diagnostics.error(tree, unit, problem, message);
    }
  }

  /**
   * Marks the method as failed without a message of ours: for code javac itself rejects (unknown
   * symbols, say), whose own error should stand alone.
   */
  public void failSilently() {
    count++;
    silent++;
  }

  /** Whether the method failed because of code javac itself rejects. */
  public boolean failedSilently() {
    return silent > 0;
  }

  /** Suppresses reports while an expression is only being typed, not lowered for real. */
  public void mute() {
    muted++;
  }

  public void unmute() {
    muted--;
  }

  public boolean isMuted() {
    return muted > 0;
  }

  public void warning(Tree tree, Problem problem, String message) {
    diagnostics.warning(tree, unit, problem, message);
  }

  /** Whether any error was found, muted or not. */
  public boolean any() {
    return count > 0;
  }
}
