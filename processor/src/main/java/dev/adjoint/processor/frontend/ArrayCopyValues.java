package dev.adjoint.processor.frontend;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.List;

/**
 * {@code Arrays.copyOf(x, n)} and {@code Arrays.copyOfRange(x, from, to)} lowered into a fresh
 * array and an element loop with the JDK's checks, into a declared local ({@link
 * ArrayCopies#arrayCopyOf}) or, anywhere else an array value is expected, into a temporary.
 */
final class ArrayCopyValues {
  private final LoweringContext context;
  private final ArrayCopies arrays;
  private final MethodProblems problems;
  private final ExpressionLowering expressions;

  ArrayCopyValues(LoweringContext context, ArrayCopies arrays) {
    this.context = context;
    this.arrays = arrays;
    this.problems = context.problems();
    this.expressions = context.expressions();
  }

  /**
   * {@code Arrays.copyOf} or {@code Arrays.copyOfRange} anywhere else an array value is
   * expected ({@code f(Arrays.copyOfRange(x, 0, 3))}, {@code return Arrays.copyOf(x, n);}): the
   * copy into a fresh temporary, as for a declaration, and the temporary as the value; a poison
   * after an error; null, with nothing lowered, when the arguments do not fit (the call is then
   * lowered, and reported, as a call).
   */
  Expr arrayCopyValue(MethodInvocationTree call, List<Stmt> out) {
    ExpressionTree sourceTree = arrays.copyOfSource(call);
    IrType type = sourceTree == null ? null : expressions.peekType(sourceTree);
    if (type == null || !copiesAs(type, call)) {
      return null;
    }
    Variable[] copy = new Variable[1];
    if (!copyInto(type, call, () -> copy[0] = context.newTemporary("copy", type, call), call,
        out)) {
      return ExpressionLowering.poison(call);
    }
    return new Expr.VarRef(copy[0], call);
  }

  /** Whether {@code call} copies a {@code double[]} or {@code int[]} of {@code type}. */
  boolean copiesAs(IrType type, MethodInvocationTree call) {
    return ArrayCopies.isCopiedArray(type)
        && expressions.peekType(call.getArguments().get(0)).kind() == type.kind()
        && arrays.intArguments(call, 1, call.getArguments().size());
  }

  /**
   * Lowers the copy {@code call} makes into the array {@code target} gives once the arguments
   * are evaluated; false after an error (the source is not a variable or a row).
   */
  boolean copyInto(IrType type, MethodInvocationTree call,
      java.util.function.Supplier<Variable> target, Tree at, List<Stmt> out) {
    boolean range = call.getArguments().size() == 3;
    ExpressionTree sourceTree = call.getArguments().get(0);
    String method = range ? "Arrays.copyOfRange" : "Arrays.copyOf";
    Expr source = arrays.stableArray(expressions.lower(sourceTree, out), out);
    if (source == null) {
      problems.error(sourceTree, Problem.ARRAY_COPY,
          method + " is supported on an array variable or a row m[i];"
          + " assign the array to a local first");
      return false;
    }
    Expr from = range ? arrays.once("from",
        expressions.lower(call.getArguments().get(1), out), IrType.INT, call, out)
        : Expr.Literal.ofInt(0);
    Expr end = arrays.once(range ? "to" : "length", expressions.lower(
        call.getArguments().get(range ? 2 : 1), out), IrType.INT, call, out);
    Expr length = end;
    Expr available = new Expr.ArrayLength(source, sourceTree);
    if (range) {
      arrays.checkRange(from, end, from, new Expr.ArrayLength(source, sourceTree), call, out);
      length = ArrayCopies.binary(BinaryOp.MINUS, end, from, call);
      available = ArrayCopies.binary(BinaryOp.MINUS, available, from, call);
    }
    Variable copy = target.get();
    out.add(new Stmt.Assign(copy, new Expr.NewArray(type, List.of(length), call), true, at));
    Expr count = arrays.once("count", ArrayCopies.minInt(length, available, call), IrType.INT,
        call, out);
    out.add(arrays.copyLoop(new Expr.VarRef(copy, at), Expr.Literal.ofInt(0), source, from, null,
        count, false, call));
    return true;
  }
}
