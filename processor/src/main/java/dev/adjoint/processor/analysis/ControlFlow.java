package dev.adjoint.processor.analysis;

import dev.adjoint.processor.ir.Label;
import dev.adjoint.processor.ir.Stmt;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Structural facts about jumps: which jump targets a statement can leave for, and whether it can
 * complete normally (the JLS reachability rules the generated code must also satisfy).
 */
public final class ControlFlow {
  /** Stands for {@code return} among jump targets. */
  public static final Object RETURN = new Object() {
    @Override
    public String toString() {
      return "return";
    }
  };

  private final Map<Stmt, Set<Object>> exits = new IdentityHashMap<>();
  private final Set<Label> breakTargets = new HashSet<>();
  private final Set<Label> continueTargets = new HashSet<>();

  public ControlFlow(Stmt.Block body) {
    exitsOf(body);
  }

  /** The targets outside {@code stmt} that a jump inside it can reach. */
  public Set<Object> exits(Stmt stmt) {
    return exits.get(stmt);
  }

  /** Whether some statement after {@code stmt}, in the same block, might not run. */
  public boolean mayLeave(Stmt stmt) {
    return !exits(stmt).isEmpty();
  }

  public boolean isBreakTarget(Label label) {
    return breakTargets.contains(label);
  }

  public boolean isContinueTarget(Label label) {
    return continueTargets.contains(label);
  }

  private Set<Object> exitsOf(Stmt stmt) {
    Set<Object> out = new HashSet<>();
    if (stmt instanceof Stmt.Break b) {
      out.add(b.target());
      breakTargets.add(b.target());
    } else if (stmt instanceof Stmt.Continue c) {
      out.add(c.target());
      continueTargets.add(c.target());
    } else if (stmt instanceof Stmt.Return) {
      out.add(RETURN);
    } else if (stmt instanceof Stmt.Block b) {
      b.stmts().forEach(s -> out.addAll(exitsOf(s)));
      out.remove(b.label());
    } else if (stmt instanceof Stmt.If i) {
      out.addAll(exitsOf(i.thenPart()));
      out.addAll(exitsOf(i.elsePart()));
    } else if (stmt instanceof Stmt.Loop l) {
      out.addAll(exitsOf(l.body()));
      l.update().forEach(s -> out.addAll(exitsOf(s)));
      out.remove(l.label());
    }
    exits.put(stmt, out);
    return out;
  }

  /** Whether {@code stmt} can complete normally, by the JLS rules javac checks. */
  public boolean completesNormally(Stmt stmt) {
    if (stmt instanceof Stmt.Break || stmt instanceof Stmt.Continue
        || stmt instanceof Stmt.Return || stmt instanceof Stmt.Throw) {
      return false;
    }
    if (stmt instanceof Stmt.Block b) {
      boolean last = b.stmts().isEmpty() || completesNormally(b.stmts().get(b.stmts().size() - 1));
      return last || (b.label() != null && breakTargets.contains(b.label()));
    }
    if (stmt instanceof Stmt.If i) {
      return completesNormally(i.thenPart()) || completesNormally(i.elsePart());
    }
    if (stmt instanceof Stmt.Loop l) {
      return l.condition() != null || breakTargets.contains(l.label());
    }
    return true;
  }
}
