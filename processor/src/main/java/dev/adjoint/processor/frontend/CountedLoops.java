package dev.adjoint.processor.frontend;

import com.sun.source.tree.Tree;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Label;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;

/** IR for the counted loops the front end writes itself (element copies, for-each). */
final class CountedLoops {
  private CountedLoops() {}

  /**
   * {@code index = 0; while (condition) { body; index = index + 1; }} as a block, the loop
   * counting {@code index} up from 0 by 1.
   */
  static Stmt.Block fromZero(Variable index, Expr condition, List<Stmt> body, Tree tree) {
    List<Stmt> loop = new ArrayList<>();
    loop.add(new Stmt.Assign(index, Expr.Literal.ofInt(0), true, tree));
    loop.add(new Stmt.Loop(Label.synthetic("loop"), condition, new Stmt.Block(null, body, tree),
        List.of(increment(index, tree)), true, new Stmt.Counter(index, Expr.Literal.ofInt(0), 1),
        tree));
    return new Stmt.Block(null, loop, tree);
  }

  /** {@code index = index + 1}. */
  static Stmt increment(Variable index, Tree tree) {
    return new Stmt.Assign(index, new Expr.Binary(dev.adjoint.processor.ir.BinaryOp.PLUS,
        new Expr.VarRef(index), Expr.Literal.ofInt(1), IrType.INT, tree), false, tree);
  }
}
