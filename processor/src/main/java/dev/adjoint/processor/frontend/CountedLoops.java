package dev.adjoint.processor.frontend;

import com.sun.source.tree.Tree;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;

/** IR for the counted loops the front end writes itself (element copies, for-each). */
final class CountedLoops {
  private CountedLoops() {}

  /** {@code index = index + 1}. */
  static Stmt increment(Variable index, Tree tree) {
    return new Stmt.Assign(index, new Expr.Binary(dev.adjoint.processor.ir.BinaryOp.PLUS,
        new Expr.VarRef(index), Expr.Literal.ofInt(1), IrType.INT, tree), false, tree);
  }
}
