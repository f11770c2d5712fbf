package dev.adjoint.processor.frontend;

import com.sun.source.tree.Tree;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.List;

/**
 * Lowers the two ways a body exchanges local arrays by reference, a swap through a temporary and
 * a hand-over in a loop, into element copies (with a length check), so that no array is aliased.
 */
final class ArraySwapLowering {
  private final LoweringContext context;
  private final Symbols symbols;
  private final MethodProblems problems;
  private final Scope scope;
  /** The array variables enclosing for-each loops iterate over (a swap must not change them). */
  private final java.util.Deque<Variable> iterated;

  ArraySwapLowering(LoweringContext context) {
    this.context = context;
    this.symbols = context.symbols();
    this.problems = context.problems();
    this.scope = context.scope();
    this.iterated = context.iterated();
  }
  /**
   * {@code double[] t = u; u = v; v = t;} on two local one-dimensional arrays: their elements
   * are swapped instead (after checking that their lengths agree, which a swap of references
   * does not need: a mismatch throws IllegalStateException, never a wrong gradient). False,
   * with nothing lowered, for any other arrays.
   */
  boolean swap(ArraySwaps.Swap swap, List<Stmt> out) {
    Variable u = scope.lookup(swap.first());
    Variable v = scope.lookup(swap.second());
    if (u == null || v == null || u == v || !u.type().equals(v.type()) || !u.type().isArray()
        || u.type().elementType().isArray() || !isLocalArray(u) || !isLocalArray(v)
        || scope.synonym(swap.first()) != null || scope.synonym(swap.second()) != null) {
      return false;
    }
    Tree at = swap.declaration();
    for (Variable a : List.of(u, v)) {
      if (iterated.contains(a)) {
        problems.error(at, Problem.ARRAY_ALIAS,
            "this swap is lowered to a swap of the elements of '" + u.sourceName()
            + "' and '" + v.sourceName() + "', but an enclosing for-each iterates over '"
            + a.sourceName() + "', which Java goes on reading from the array it started with;"
            + " iterate with an index instead");
        return true;
      }
    }
    Expr first = new Expr.VarRef(u, at);
    Expr second = new Expr.VarRef(v, at);
    requireSameLength(first, second, "\"Adjoint swaps the elements of '"
        + u.sourceName() + "' and '" + v.sourceName() + "', which needs arrays of one length\"",
        at, out);
    Variable index = context.newTemporary("k", IrType.INT, at);
    Variable held = context.newTemporary(swap.temp(), u.type().elementType(), at);
    Expr k = new Expr.VarRef(index, at);
    IrType element = u.type().elementType();
    List<Stmt> body = List.of(
        new Stmt.Assign(held, new Expr.ArrayRead(first, k, element, at), true, at),
        new Stmt.ArrayWrite(first, k, new Expr.ArrayRead(second, k, element, at), at),
        new Stmt.ArrayWrite(second, k, new Expr.VarRef(held, at), at));
    Expr condition = new Expr.Binary(dev.adjoint.processor.ir.BinaryOp.LESS, k,
        new Expr.ArrayLength(first, at), IrType.BOOLEAN, at);
    out.add(CountedLoops.fromZero(index, condition, body, at));
    return true;
  }

  /**
   * {@code h = next;} in a loop, where {@code next} is a one-dimensional array declared earlier in
   * this block (allocated afresh on every iteration) and nothing after it in the block writes
   * into either: Java makes {@code h} hold {@code next}'s array, which nothing else will change,
   * so copying the elements into {@code h}'s own array gives the same values (a length mismatch
   * throws IllegalStateException). False, with nothing lowered, for other arrays.
   */
  boolean handOver(String[] names, Tree at, List<Stmt> out) {
    Variable h = scope.lookup(names[0]);
    Variable next = scope.lookup(names[1]);
    if (h == null || next == null || h == next || !h.type().equals(next.type())
        || !h.type().isArray() || h.type().elementType().isArray() || !isLocalArray(h)
        || !isLocalArray(next) || scope.synonym(names[0]) != null
        || scope.synonym(names[1]) != null || iterated.contains(h) || iterated.contains(next)) {
      return false;
    }
    Expr target = new Expr.VarRef(h, at);
    Expr source = new Expr.VarRef(next, at);
    requireSameLength(target, source, "\"Adjoint copies the elements of '"
        + next.sourceName() + "' into '" + h.sourceName() + "', which needs arrays of one"
        + " length\"", at, out);
    Variable index = context.newTemporary("k", IrType.INT, at);
    Expr k = new Expr.VarRef(index, at);
    IrType element = h.type().elementType();
    Expr condition = new Expr.Binary(dev.adjoint.processor.ir.BinaryOp.LESS, k,
        new Expr.ArrayLength(target, at), IrType.BOOLEAN, at);
    Stmt copy = new Stmt.ArrayWrite(target, k, new Expr.ArrayRead(source, k, element, at), at);
    out.add(CountedLoops.fromZero(index, condition, List.of(copy), at));
    return true;
  }

  /**
   * {@code if (a.length != b.length) throw new IllegalStateException(message);}, where
   * {@code message} is the text of a string literal.
   */
  private void requireSameLength(Expr a, Expr b, String message, Tree at, List<Stmt> out) {
    javax.lang.model.element.TypeElement error = symbols.elements()
        .getTypeElement("java.lang.IllegalStateException");
    Expr text = new Expr.Literal(IrType.STRING, message, at);
    Expr differ = new Expr.Binary(dev.adjoint.processor.ir.BinaryOp.NOT_EQUAL,
        new Expr.ArrayLength(a, at), new Expr.ArrayLength(b, at), IrType.BOOLEAN, at);
    out.add(new Stmt.If(differ, new Stmt.Block(null, List.of(new Stmt.Throw(
        new Expr.NewObject(error.asType(), List.of(text), symbols.irType(error.asType()), at),
        at)), at), new Stmt.Block(null, List.of(), at), at));
  }

  private static boolean isLocalArray(Variable v) {
    return v.origin() == Variable.Origin.LOCAL || v.origin() == Variable.Origin.TEMPORARY;
  }
}
