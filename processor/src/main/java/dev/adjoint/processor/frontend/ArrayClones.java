package dev.adjoint.processor.frontend;

import com.sun.source.tree.Tree;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.List;

/**
 * {@code x.clone()} of a one-dimensional array anywhere an array value is expected
 * ({@code f(x.clone(), c)}, {@code return x.clone();}, {@code y = x.clone();}): a fresh
 * temporary {@code new double[x.length]} and a loop copying the elements, placed where the call
 * is evaluated, and the temporary as the value. The copy is a new array that aliases nothing,
 * as the declaration {@code double[] y = x.clone();} already is.
 */
final class ArrayClones {
  private ArrayClones() {}

  /** The copy's reference, or null when {@code receiver} is not a variable or a row. */
  static Expr value(LoweringContext context, Expr receiver, Tree call, List<Stmt> out) {
    Expr source = context.arrays().stableArray(receiver, out);
    if (source == null) {
      return null;
    }
    IrType type = receiver.type();
    Variable copy = context.newTemporary("copy", type, call);
    out.add(new Stmt.Assign(copy, new Expr.NewArray(type,
        List.of(new Expr.ArrayLength(source, call)), call), true, call));
    Variable index = context.newTemporary("k", IrType.INT, call);
    Expr condition = new Expr.Binary(BinaryOp.LESS, new Expr.VarRef(index),
        new Expr.ArrayLength(new Expr.VarRef(copy), call), IrType.BOOLEAN, call);
    Stmt write = new Stmt.ArrayWrite(new Expr.VarRef(copy, call), new Expr.VarRef(index),
        new Expr.ArrayRead(source, new Expr.VarRef(index), type.elementType(), call), call);
    out.add(CountedLoops.fromZero(index, condition, List.of(write), call));
    return new Expr.VarRef(copy, call);
  }
}
