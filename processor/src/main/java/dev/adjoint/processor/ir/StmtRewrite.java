package dev.adjoint.processor.ir;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Rebuilds a statement with its own expressions and its nested statement lists rewritten; what
 * a rewrite leaves unchanged is shared. Every kind of statement is rebuilt explicitly, so a new
 * node makes the compiler point here.
 */
public final class StmtRewrite {
  private StmtRewrite() {}

  /**
   * {@code s} with {@code exprs} applied to each expression it evaluates itself and
   * {@code lists} to each list of statements directly inside it (a block's statements, a branch's,
   * a loop body's and update).
   */
  public static Stmt apply(Stmt s, UnaryOperator<Expr> exprs, UnaryOperator<List<Stmt>> lists) {
    return s.accept(new Rebuild(exprs, lists));
  }

  /** {@code s} with every read of {@code v}, at any depth, replaced by {@code replacement}. */
  public static Stmt substitute(Stmt s, Variable v, Expr replacement) {
    UnaryOperator<List<Stmt>> lists = new UnaryOperator<>() {
      @Override
      public List<Stmt> apply(List<Stmt> stmts) {
        return stmts.stream().map(c -> substitute(c, v, replacement)).toList();
      }
    };
    return apply(s, e -> substitute(e, v, replacement), lists);
  }

  /** {@code e} with every read of {@code v} replaced by {@code replacement}. */
  public static Expr substitute(Expr e, Variable v, Expr replacement) {
    if (e instanceof Expr.VarRef r && r.variable() == v) {
      return replacement;
    }
    return Rewrite.operands(e, o -> substitute(o, v, replacement));
  }

  private record Rebuild(UnaryOperator<Expr> exprs, UnaryOperator<List<Stmt>> lists)
      implements Stmt.Visitor<Stmt> {
    private Expr e(Expr x) {
      return x == null ? null : exprs.apply(x);
    }

    private Stmt.Block block(Stmt.Block b) {
      return new Stmt.Block(b.label(), lists.apply(b.stmts()), b.tree());
    }

    @Override
    public Stmt visitAssign(Stmt.Assign n) {
      return new Stmt.Assign(n.target(), e(n.value()), n.declaration(), n.tree());
    }

    @Override
    public Stmt visitArrayWrite(Stmt.ArrayWrite n) {
      return new Stmt.ArrayWrite(e(n.array()), e(n.index()), e(n.value()), n.tree());
    }

    @Override
    public Stmt visitEval(Stmt.Eval n) {
      return new Stmt.Eval(e(n.expr()), n.tree());
    }

    @Override
    public Stmt visitBlock(Stmt.Block n) {
      return block(n);
    }

    @Override
    public Stmt visitIf(Stmt.If n) {
      return new Stmt.If(e(n.condition()), block(n.thenPart()), block(n.elsePart()), n.tree());
    }

    @Override
    public Stmt visitLoop(Stmt.Loop n) {
      return new Stmt.Loop(n.label(), e(n.condition()), block(n.body()), lists.apply(n.update()),
          n.testFirst(), n.counter(), n.tree());
    }

    @Override
    public Stmt visitBreak(Stmt.Break n) {
      return n;
    }

    @Override
    public Stmt visitContinue(Stmt.Continue n) {
      return n;
    }

    @Override
    public Stmt visitReturn(Stmt.Return n) {
      return n;
    }

    @Override
    public Stmt visitThrow(Stmt.Throw n) {
      return new Stmt.Throw(e(n.exception()), n.tree());
    }

    @Override
    public Stmt visitAccumulate(Stmt.Accumulate n) {
      return new Stmt.Accumulate(e(n.target()), e(n.value()), n.wholeArray(), n.tree());
    }

    @Override
    public Stmt visitComment(Stmt.Comment n) {
      return n;
    }

    @Override
    public Stmt visitPush(Stmt.Push n) {
      return new Stmt.Push(e(n.tape()), e(n.value()), n.tree());
    }

    @Override
    public Stmt visitIncrement(Stmt.Increment n) {
      return n;
    }

    @Override
    public Stmt visitIndexLoop(Stmt.IndexLoop n) {
      return new Stmt.IndexLoop(n.label(), n.index(), e(n.from()), e(n.bound()), n.down(),
          block(n.body()), n.tree());
    }
  }
}
