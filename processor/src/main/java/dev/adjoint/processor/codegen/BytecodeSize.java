package dev.adjoint.processor.codegen;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.UnaryOp;
import java.util.List;

/**
 * An estimate of the bytecode javac makes of IR, in bytes: what each node compiles to (a load or
 * store of a local, a constant, an operator, a call, a branch), near enough to keep a generated
 * method under the JVM's 64 KB limit on a method's code without printing it.
 */
public final class BytecodeSize {
  private BytecodeSize() {}

  /** The estimated size of {@code stmts}' bytecode. */
  public static long of(List<Stmt> stmts) {
    long size = 0;
    for (Stmt s : stmts) {
      size += of(s);
    }
    return size;
  }

  /** The estimated size of {@code s}'s bytecode, nested statements included. */
  public static long of(Stmt s) {
    long[] size = {0};
    IrWalk.statements(s, inner -> {
      size[0] += inner.accept(OWN);
      IrWalk.ownExpressions(inner, e -> size[0] += of(e));
    });
    return size[0];
  }

  /** The estimated size of {@code e}'s bytecode, operands included. */
  public static long of(Expr e) {
    long[] size = {0};
    IrWalk.expressions(e, inner -> size[0] += inner.accept(NODE));
    return size[0];
  }

  /**
   * A load or store of a local: one byte for the first four slots, two up to slot 255, four
   * after (wide); the methods whose size matters have hundreds of locals.
   */
  private static final int LOCAL = 3;
  /** A constant: a double from the pool takes three bytes, a small int one or two. */
  private static final int CONSTANT = 3;
  /** A call, a field access, a constant from the pool, a class reference. */
  private static final int POOL_REFERENCE = 3;
  /** A conditional jump or a goto. */
  private static final int BRANCH = 3;

  /** What a statement adds besides its expressions and nested statements. */
  private static final Stmt.Visitor<Integer> OWN = new Stmt.Visitor<>() {
    @Override
    public Integer visitAssign(Stmt.Assign node) {
      return LOCAL;
    }

    @Override
    public Integer visitArrayWrite(Stmt.ArrayWrite node) {
      return 1;
    }

    @Override
    public Integer visitEval(Stmt.Eval node) {
      return 1;
    }

    @Override
    public Integer visitBlock(Stmt.Block node) {
      return 0;
    }

    @Override
    public Integer visitIf(Stmt.If node) {
      return node.elsePart().stmts().isEmpty() ? BRANCH : 2 * BRANCH;
    }

    @Override
    public Integer visitLoop(Stmt.Loop node) {
      return 2 * BRANCH;
    }

    @Override
    public Integer visitBreak(Stmt.Break node) {
      return BRANCH;
    }

    @Override
    public Integer visitContinue(Stmt.Continue node) {
      return BRANCH;
    }

    @Override
    public Integer visitReturn(Stmt.Return node) {
      return BRANCH;
    }

    @Override
    public Integer visitThrow(Stmt.Throw node) {
      return 1;
    }

    @Override
    public Integer visitAccumulate(Stmt.Accumulate node) {
      // load, add, store; an element also duplicates its array and index.
      return node.wholeArray() ? POOL_REFERENCE
          : node.target() instanceof Expr.VarRef ? LOCAL + 1 : 4;
    }

    @Override
    public Integer visitComment(Stmt.Comment node) {
      return 0;
    }

    @Override
    public Integer visitPush(Stmt.Push node) {
      int push = POOL_REFERENCE;
      return node.value().type().kind() == IrType.Kind.LONG ? 2 * push + 2 * LOCAL + 6 : push;
    }

    @Override
    public Integer visitIncrement(Stmt.Increment node) {
      return 3;
    }

    @Override
    public Integer visitIndexLoop(Stmt.IndexLoop node) {
      // store the start, load and compare, step, jump back.
      return LOCAL + LOCAL + BRANCH + 3 + BRANCH;
    }
  };

  /** What an expression node adds besides its operands. */
  private static final Expr.Visitor<Integer> NODE = new Expr.Visitor<>() {
    @Override
    public Integer visitLiteral(Expr.Literal node) {
      return CONSTANT;
    }

    @Override
    public Integer visitVarRef(Expr.VarRef node) {
      return LOCAL;
    }

    @Override
    public Integer visitFieldRef(Expr.FieldRef node) {
      return POOL_REFERENCE;
    }

    @Override
    public Integer visitBinary(Expr.Binary node) {
      // A comparison or logical operator as a value branches to push true or false.
      return node.op().isComparisonOrLogical() ? 2 * BRANCH + 2
          : node.op() == BinaryOp.CONCAT ? 2 * POOL_REFERENCE : 1;
    }

    @Override
    public Integer visitUnary(Expr.Unary node) {
      return node.op() == UnaryOp.NOT ? 2 * BRANCH + 2 : 1;
    }

    @Override
    public Integer visitCast(Expr.Cast node) {
      return 1;
    }

    @Override
    public Integer visitConditional(Expr.Conditional node) {
      return 2 * BRANCH;
    }

    @Override
    public Integer visitCall(Expr.Call node) {
      return POOL_REFERENCE;
    }

    @Override
    public Integer visitArrayRead(Expr.ArrayRead node) {
      return 1;
    }

    @Override
    public Integer visitArrayLength(Expr.ArrayLength node) {
      return 1;
    }

    @Override
    public Integer visitNewArray(Expr.NewArray node) {
      return node.dimensions().size() > 1 ? POOL_REFERENCE + 1 : 2;
    }

    @Override
    public Integer visitNewObject(Expr.NewObject node) {
      return 2 * POOL_REFERENCE + 1;
    }

    @Override
    public Integer visitAdjointCall(Expr.AdjointCall node) {
      return POOL_REFERENCE;
    }

    @Override
    public Integer visitTangentCall(Expr.TangentCall node) {
      return POOL_REFERENCE;
    }

    @Override
    public Integer visitIntrinsic(Expr.Intrinsic node) {
      return switch (node.op()) {
        case NO_SCALARS, ZEROS_LIKE, CLEAR_SLOTS, GRAPH_NEW, GRAPH_INPUT, GRAPH_BACKWARD,
            PUSH_ELEMENTS, POP_ELEMENTS ->
            2 * POOL_REFERENCE + 2;
        case POP -> node.type().kind() == IrType.Kind.LONG ? 4 * POOL_REFERENCE + 8
            : node.type().isArray() ? 2 * POOL_REFERENCE : POOL_REFERENCE;
        case RESERVE_DOUBLES, RELEASE_DOUBLES -> POOL_REFERENCE + 2;
        case DOUBLE_ARRAY, DOUBLE_COUNT -> POOL_REFERENCE;
        case COPY -> 2 * POOL_REFERENCE;
        case NEW_TAPE -> 2 * POOL_REFERENCE;
        // Two array initializers: per element a dup, an index and a store.
        case GRAPH_NODE -> POOL_REFERENCE + 12 + 4 * (node.args().size() - 5);
      };
    }
  };
}
