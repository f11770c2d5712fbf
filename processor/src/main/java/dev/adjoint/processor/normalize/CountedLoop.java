package dev.adjoint.processor.normalize;

import com.sun.source.tree.Tree;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Label;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.List;
import java.util.function.Function;

/** The counted loops the normalizing passes write themselves (copies, write-throughs). */
final class CountedLoop {
  private CountedLoop() {}

  /**
   * {@code for (int k = 0; k < bound; k++) body(k)}: a block declaring a fresh counter
   * {@code k}, which is added to {@code introduced}.
   */
  static Stmt upTo(Expr bound, Function<Variable, Stmt> body, Tree at,
      List<Variable> introduced) {
    Variable k = new Variable("k", IrType.INT, Variable.Origin.TEMPORARY, at);
    introduced.add(k);
    Expr condition = new Expr.Binary(BinaryOp.LESS, new Expr.VarRef(k, at), bound,
        IrType.BOOLEAN, at);
    Stmt step = new Stmt.Assign(k, new Expr.Binary(BinaryOp.PLUS, new Expr.VarRef(k, at),
        Expr.Literal.ofInt(1), IrType.INT, at), false, at);
    Stmt loop = new Stmt.Loop(Label.synthetic("loop"), condition,
        new Stmt.Block(null, List.of(body.apply(k)), at), List.of(step), true,
        new Stmt.Counter(k, Expr.Literal.ofInt(0), 1), at);
    return new Stmt.Block(null, List.of(new Stmt.Assign(k, Expr.Literal.ofInt(0), true, at),
        loop), at);
  }
}
