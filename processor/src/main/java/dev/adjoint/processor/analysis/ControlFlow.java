package dev.adjoint.processor.analysis;

import dev.adjoint.processor.ir.AdjointOnly;
import dev.adjoint.processor.ir.Label;
import dev.adjoint.processor.ir.Stmt;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
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
    Set<Object> out = stmt.accept(exitFinder);
    exits.put(stmt, out);
    return out;
  }

  /** The targets outside each statement that a jump inside it reaches; fills the target sets. */
  private final Stmt.Visitor<Set<Object>> exitFinder = new Stmt.Visitor<>() {
    @Override
    public Set<Object> visitAssign(Stmt.Assign node) {
      return new HashSet<>();
    }

    @Override
    public Set<Object> visitArrayWrite(Stmt.ArrayWrite node) {
      return new HashSet<>();
    }

    @Override
    public Set<Object> visitEval(Stmt.Eval node) {
      return new HashSet<>();
    }

    @Override
    public Set<Object> visitBlock(Stmt.Block node) {
      Set<Object> out = new HashSet<>();
      node.stmts().forEach(s -> out.addAll(exitsOf(s)));
      out.remove(node.label());
      return out;
    }

    @Override
    public Set<Object> visitIf(Stmt.If node) {
      Set<Object> out = new HashSet<>();
      out.addAll(exitsOf(node.thenPart()));
      out.addAll(exitsOf(node.elsePart()));
      return out;
    }

    @Override
    public Set<Object> visitLoop(Stmt.Loop node) {
      Set<Object> out = new HashSet<>();
      out.addAll(exitsOf(node.body()));
      node.update().forEach(s -> out.addAll(exitsOf(s)));
      out.remove(node.label());
      return out;
    }

    @Override
    public Set<Object> visitBreak(Stmt.Break node) {
      breakTargets.add(node.target());
      return new HashSet<>(Set.of(node.target()));
    }

    @Override
    public Set<Object> visitContinue(Stmt.Continue node) {
      continueTargets.add(node.target());
      return new HashSet<>(Set.of(node.target()));
    }

    @Override
    public Set<Object> visitReturn(Stmt.Return node) {
      return new HashSet<>(Set.of(RETURN));
    }

    @Override
    public Set<Object> visitThrow(Stmt.Throw node) {
      return new HashSet<>();
    }

    @Override
    public Set<Object> visitAccumulate(Stmt.Accumulate node) {
      return new HashSet<>();
    }

    @Override
    public Set<Object> visitComment(Stmt.Comment node) {
      return new HashSet<>();
    }

    @Override
    public Set<Object> visitPush(Stmt.Push node) {
      throw AdjointOnly.in("control flow", node);
    }

    @Override
    public Set<Object> visitIncrement(Stmt.Increment node) {
      throw AdjointOnly.in("control flow", node);
    }

    @Override
    public Set<Object> visitIndexLoop(Stmt.IndexLoop node) {
      throw AdjointOnly.in("control flow", node);
    }
  };

  /** Whether {@code stmt} can complete normally, by the JLS rules javac checks. */
  public boolean completesNormally(Stmt stmt) {
    return stmt.accept(normalCompletion);
  }

  private final Stmt.Visitor<Boolean> normalCompletion = new Stmt.Visitor<>() {
    @Override
    public Boolean visitAssign(Stmt.Assign node) {
      return true;
    }

    @Override
    public Boolean visitArrayWrite(Stmt.ArrayWrite node) {
      return true;
    }

    @Override
    public Boolean visitEval(Stmt.Eval node) {
      return true;
    }

    @Override
    public Boolean visitBlock(Stmt.Block node) {
      List<Stmt> stmts = node.stmts();
      boolean last = stmts.isEmpty() || completesNormally(stmts.get(stmts.size() - 1));
      return last || (node.label() != null && breakTargets.contains(node.label()));
    }

    @Override
    public Boolean visitIf(Stmt.If node) {
      return completesNormally(node.thenPart()) || completesNormally(node.elsePart());
    }

    @Override
    public Boolean visitLoop(Stmt.Loop node) {
      return node.condition() != null || breakTargets.contains(node.label());
    }

    @Override
    public Boolean visitBreak(Stmt.Break node) {
      return false;
    }

    @Override
    public Boolean visitContinue(Stmt.Continue node) {
      return false;
    }

    @Override
    public Boolean visitReturn(Stmt.Return node) {
      return false;
    }

    @Override
    public Boolean visitThrow(Stmt.Throw node) {
      return false;
    }

    @Override
    public Boolean visitAccumulate(Stmt.Accumulate node) {
      return true;
    }

    @Override
    public Boolean visitComment(Stmt.Comment node) {
      return true;
    }

    @Override
    public Boolean visitPush(Stmt.Push node) {
      throw AdjointOnly.in("control flow", node);
    }

    @Override
    public Boolean visitIncrement(Stmt.Increment node) {
      throw AdjointOnly.in("control flow", node);
    }

    @Override
    public Boolean visitIndexLoop(Stmt.IndexLoop node) {
      throw AdjointOnly.in("control flow", node);
    }
  };
}
