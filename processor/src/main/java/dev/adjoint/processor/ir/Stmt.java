package dev.adjoint.processor.ir;

import com.sun.source.tree.Tree;
import java.util.List;

/**
 * An IR statement. Control flow stays structured (blocks, if, loops, break, continue, return) so
 * that the reverse sweep can mirror it; {@code switch} and {@code for} are lowered onto these.
 */
public sealed interface Stmt {

  Tree tree();

  /** Dispatches to the visitor method for this node. */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per kind of statement: every stage that dispatches over statements implements
   * all of them, so a new node makes the compiler point at each stage that must handle it.
   */
  interface Visitor<R> {
    R visitAssign(Assign node);

    R visitArrayWrite(ArrayWrite node);

    R visitEval(Eval node);

    R visitBlock(Block node);

    R visitIf(If node);

    R visitLoop(Loop node);

    R visitBreak(Break node);

    R visitContinue(Continue node);

    R visitReturn(Return node);

    R visitThrow(Throw node);

    R visitAccumulate(Accumulate node);

    R visitComment(Comment node);

    R visitPush(Push node);

    R visitIncrement(Increment node);

    R visitIndexLoop(IndexLoop node);
  }

  /** {@code target = value}; compound assignments and increments are lowered to this. */
  record Assign(Variable target, Expr value, boolean declaration, Tree tree) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAssign(this);
    }
  }

  /** {@code array[index] = value}; compound element assignments are lowered to this. */
  record ArrayWrite(Expr array, Expr index, Expr value, Tree tree) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitArrayWrite(this);
    }
  }

  /** A call evaluated for its effect only. */
  record Eval(Expr expr, Tree tree) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitEval(this);
    }
  }

  /** A block, optionally the target of {@code break label}. */
  record Block(Label label, List<Stmt> stmts, Tree tree) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitBlock(this);
    }
  }

  /** {@code if (condition) thenPart else elsePart}; elsePart may be empty, never null. */
  record If(Expr condition, Block thenPart, Block elsePart, Tree tree) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitIf(this);
    }
  }

  /**
   * A loop. {@code condition} null means {@code true}. {@code update} runs after the body and
   * after {@code continue}; {@code testFirst} is false for {@code do ... while}. {@code counter}
   * is non-null for a counted loop, whose counter the reverse sweep can recompute.
   */
  record Loop(Label label, Expr condition, Block body, List<Stmt> update, boolean testFirst,
      Counter counter, Tree tree) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitLoop(this);
    }
  }

  /**
   * The counter of {@code for (int i = start; ...; i += step)} whose body never assigns
   * {@code i}: in iteration k (from 0) it holds {@code start + k * step}, and nothing outside the
   * loop can read it.
   */
  record Counter(Variable variable, Expr start, int step) {}

  /** {@code break target}. */
  record Break(Label target, Tree tree) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitBreak(this);
    }
  }

  /** {@code continue target}. */
  record Continue(Label target, Tree tree) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitContinue(this);
    }
  }

  /** Leaves the method; the returned value was assigned to the result variable just before. */
  record Return(Tree tree) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitReturn(this);
    }
  }

  /** {@code throw exception}: the gradient call fails just as the original does. */
  record Throw(Expr exception, Tree tree) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitThrow(this);
    }
  }

  // ------------------------------------------------------------------ adjoint IR only

  /**
   * {@code target += value}: adds a share into an adjoint. With {@code wholeArray}, {@code target}
   * is an adjoint array and {@code value} an array of its shape, added element by element.
   */
  record Accumulate(Expr target, Expr value, boolean wholeArray, Tree tree) implements Stmt {
    public Accumulate(Expr target, Expr value, boolean wholeArray) {
      this(target, value, wholeArray, null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitAccumulate(this);
    }
  }

  /** A line comment: which source statement the code after it differentiates. */
  record Comment(String text, Tree tree) implements Stmt {
    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitComment(this);
    }
  }

  /**
   * Appends the value of {@code value} (of its own type) to the tape {@code tape}, a variable of
   * type {@link IrType#TAPE}. {@link Expr.Intrinsic.Op#POP} takes values back, last pushed
   * first; the reverse sweep pops exactly what the forward sweep pushed, in reverse order.
   */
  record Push(Expr tape, Expr value, Tree tree) implements Stmt {
    public Push(Expr tape, Expr value) {
      this(tape, value, null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitPush(this);
    }
  }

  /** {@code counter = counter + 1} for an {@code int} counter: a loop counting its trips. */
  record Increment(Variable counter, Tree tree) implements Stmt {
    public Increment(Variable counter) {
      this(counter, null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitIncrement(this);
    }
  }

  /**
   * Runs {@code body} once for each value of the {@code int} variable {@code index}, which it
   * declares: {@code from}, then one more (one less when {@code down}) each time, as long as
   * {@code index < bound} ({@code index > bound} when {@code down}). {@code from} and
   * {@code bound} are evaluated once, before the first iteration; {@code body} never assigns
   * {@code index}. A {@link Break} to {@code label} (null when nothing breaks out) leaves it. The
   * reverse sweep runs a loop's iterations backwards with it, over a recorded trip count.
   */
  record IndexLoop(Label label, Variable index, Expr from, Expr bound, boolean down, Block body,
      Tree tree) implements Stmt {
    public IndexLoop(Label label, Variable index, Expr from, Expr bound, boolean down,
        Block body) {
      this(label, index, from, bound, down, body, null);
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.visitIndexLoop(this);
    }
  }
}
