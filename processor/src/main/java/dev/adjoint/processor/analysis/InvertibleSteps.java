package dev.adjoint.processor.analysis;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;

/**
 * Integer steps the reverse sweep undoes by arithmetic instead of restoring a recorded value:
 * {@code v = v + c}, {@code v = c + v} and {@code v = v - c} for an {@code int} or {@code long}
 * variable {@code v} and a literal {@code c}. Two's-complement arithmetic wraps, so
 * {@code (v + c) - c == v} for every {@code v}: the undo is exact. (GMM's running index
 * {@code l++} in a triangular loop pushed one {@code int} per inner iteration.)
 *
 * <p>The undo reads the value the step wrote, so that value must still be there when the step
 * is reversed: {@link ToBeRecorded} treats an undone step as a read of its own result, which
 * makes any later overwrite before it restore its old value.
 */
public final class InvertibleSteps {
  private InvertibleSteps() {}

  /** The value that undoes {@code s} ({@code v - c} or {@code v + c}), or null if none does. */
  public static Expr inverse(Stmt s) {
    if (!(s instanceof Stmt.Assign a) || !isWholeNumber(a.target().type())
        || !(a.value() instanceof Expr.Binary b) || b.type().kind() != a.target().type().kind()) {
      return null;
    }
    Variable v = a.target();
    Expr.Literal step;
    BinaryOp undo;
    if (b.op() == BinaryOp.PLUS && isVariable(b.left(), v) && b.right() instanceof Expr.Literal c) {
      step = c;
      undo = BinaryOp.MINUS;
    } else if (b.op() == BinaryOp.PLUS && isVariable(b.right(), v)
        && b.left() instanceof Expr.Literal c) {
      step = c;
      undo = BinaryOp.MINUS;
    } else if (b.op() == BinaryOp.MINUS && isVariable(b.left(), v)
        && b.right() instanceof Expr.Literal c) {
      step = c;
      undo = BinaryOp.PLUS;
    } else {
      return null;
    }
    if (!isWholeNumber(step.type())) {
      return null;
    }
    return new Expr.Binary(undo, new Expr.VarRef(v), step, b.type(), null);
  }

  private static boolean isWholeNumber(IrType t) {
    return t.kind() == IrType.Kind.INT || t.kind() == IrType.Kind.LONG;
  }

  private static boolean isVariable(Expr e, Variable v) {
    return e instanceof Expr.VarRef r && r.variable() == v;
  }
}
