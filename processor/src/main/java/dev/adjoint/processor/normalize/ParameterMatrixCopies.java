package dev.adjoint.processor.normalize;

import com.sun.source.tree.Tree;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.type.TypeMirror;

/**
 * Writes into the rows of a {@code double[][]} parameter ({@code m[i][j] = v}, or through a row
 * alias {@code double[] r = m[i]; r[j] = v;}), for {@link ParameterArrayCopies}. The body works
 * on a deep copy taken at entry ({@code mLocal}, a fresh row per row of {@code m}, null rows kept
 * null), and every element write into a row of the copy is written through to the same element
 * of the caller's matrix ({@code mCaller}, a passive second name): for {@code m[i][j]} at row
 * {@code i}, for a write through another name at the row of the copy that name refers to at run
 * time (a search of the copy's rows by identity).
 *
 * <p>A deep copy would diverge from Java where the caller's matrix shares a row: two rows that
 * are one array, or a row that is another parameter's array (or row). The gradient checks that
 * at entry (quadratic in the number of rows) and throws IllegalArgumentException instead of
 * being silently wrong.
 */
final class ParameterMatrixCopies {
  private final List<Variable> introduced;
  private final TypeMirror illegalArgument;

  ParameterMatrixCopies(List<Variable> introduced, TypeMirror illegalArgument) {
    this.introduced = introduced;
    this.illegalArgument = illegalArgument;
  }

  /** Whether {@code p} is a parameter matrix, whose rows are copied one by one. */
  static boolean isMatrix(Variable p) {
    return p.type().isArray() && p.type().elementType().isArray();
  }

  /** The parameter matrix whose row {@code w} writes through its own name ({@code m[i][j]}). */
  static Variable writtenMatrix(Stmt.ArrayWrite w) {
    if (w.array() instanceof Expr.ArrayRead row && row.array() instanceof Expr.VarRef r
        && r.variable().origin() == Variable.Origin.PARAMETER && isMatrix(r.variable())
        && r.variable().sourceName().indexOf('$') < 0) {
      return r.variable();
    }
    return null;
  }

  /**
   * The entry of a method writing into the rows of {@code p}: the checks that no row is shared,
   * the caller's second name, and the deep copy.
   */
  List<Stmt> entry(Variable p, Variable copy, Variable caller, List<Variable> parameters) {
    Tree at = p.declaration();
    List<Stmt> out = new ArrayList<>();
    String name = p.sourceName();
    // two rows of p that are one array
    out.add(forEach(length(ref(p, at), at), a -> forEach(ref(a, at), b -> throwIf(
        sameRow(row(p, a, at), row(p, b, at), at), name, "two rows of " + name, at), at), at));
    for (Variable other : parameters) {
      if (other == p) {
        continue;
      }
      String o = other.sourceName();
      if (other.type().equals(p.type())) {
        out.add(throwIf(same(ref(other, at), ref(p, at), at), name, o, at));
        out.add(forEach(length(ref(other, at), at), a -> forEach(length(ref(p, at), at),
            b -> throwIf(sameRow(row(other, a, at), row(p, b, at), at), name,
                "a row of " + o + " and a row of " + name, at), at), at));
      } else if (other.type().equals(p.type().elementType())) {
        out.add(forEach(length(ref(p, at), at), b -> throwIf(same(ref(other, at),
            row(p, b, at), at), name, o + " and a row of " + name, at), at));
      }
    }
    out.add(new Stmt.Assign(caller, ref(p, at), true, at));
    out.add(new Stmt.Assign(copy, new Expr.NewArray(p.type(), List.of(length(ref(p, at), at)),
        at), true, at));
    IrType rowType = p.type().elementType();
    out.add(forEach(length(ref(p, at), at), k -> {
      // double[] fresh = new double[p[k].length]; copy[k] = fresh; fresh[l] = p[k][l] ...
      Variable fresh = new Variable(name + "Row", rowType, Variable.Origin.TEMPORARY, at);
      introduced.add(fresh);
      Stmt allocate = new Stmt.Assign(fresh, new Expr.NewArray(rowType,
          List.of(length(row(p, k, at), at)), at), true, at);
      Stmt store = new Stmt.ArrayWrite(ref(copy, at), ref(k, at), ref(fresh, at), at);
      Stmt elements = forEach(length(ref(fresh, at), at), l -> new Stmt.ArrayWrite(
          ref(fresh, at), ref(l, at), new Expr.ArrayRead(row(p, k, at), ref(l, at),
              rowType.elementType(), at), at), at);
      return new Stmt.If(new Expr.Binary(BinaryOp.NOT_EQUAL, row(p, k, at), Expr.Literal.ofNull(),
          IrType.BOOLEAN, at), new Stmt.Block(null, List.of(allocate, store, elements), at),
          new Stmt.Block(null, List.of(), at), at);
    }, at));
    return out;
  }

  /**
   * {@code for (k) if (row == copy[k]) caller[k][index] = row[index];}: the write-through of a
   * write into {@code row}, another name that may refer to a row of the copy of {@code p}.
   * {@code row} and {@code index} must evaluate to what they did at the write.
   */
  Stmt throughRows(Expr row, Expr index, Variable copy, Variable caller, Tree at) {
    IrType element = row.type().elementType();
    return forEach(length(ref(copy, at), at), k -> new Stmt.If(same(row, row(copy, k, at), at),
        new Stmt.Block(null, List.of(new Stmt.ArrayWrite(row(caller, k, at), index,
            new Expr.ArrayRead(row, index, element, at), at)), at),
        new Stmt.Block(null, List.of(), at), at), at);
  }

  /** {@code caller[rowIndex][index] = copy[rowIndex][index];}. */
  static Stmt throughRow(Variable copy, Variable caller, Expr rowIndex, Expr index, Tree at) {
    IrType element = copy.type().elementType().elementType();
    return new Stmt.ArrayWrite(new Expr.ArrayRead(ref(caller, at), rowIndex,
        caller.type().elementType(), at), index, new Expr.ArrayRead(new Expr.ArrayRead(
            ref(copy, at), rowIndex, copy.type().elementType(), at), index, element, at), at);
  }

  private static Expr ref(Variable v, Tree at) {
    return new Expr.VarRef(v, at);
  }

  private static Expr length(Expr array, Tree at) {
    return new Expr.ArrayLength(array, at);
  }

  private static Expr row(Variable matrix, Variable k, Tree at) {
    return new Expr.ArrayRead(ref(matrix, at), ref(k, at), matrix.type().elementType(), at);
  }

  private static Expr same(Expr a, Expr b, Tree at) {
    return new Expr.Binary(BinaryOp.EQUAL, a, b, IrType.BOOLEAN, at);
  }

  /** {@code a != null && a == b}: null rows are not shared. */
  private static Expr sameRow(Expr a, Expr b, Tree at) {
    return new Expr.Binary(BinaryOp.AND, new Expr.Binary(BinaryOp.NOT_EQUAL, a,
        Expr.Literal.ofNull(), IrType.BOOLEAN, at), same(a, b, at), IrType.BOOLEAN, at);
  }

  private Stmt throwIf(Expr condition, String p, String what, Tree at) {
    String message = "the gradient of this method takes a copy of '" + p + "' and its rows,"
        + " which it writes into, so " + what + " must not be the same array";
    Expr error = new Expr.NewObject(illegalArgument, List.of(Expr.Literal.ofString(message)),
        IrType.other(illegalArgument), at);
    return new Stmt.If(condition, new Stmt.Block(null, List.of(new Stmt.Throw(error, at)), at),
        new Stmt.Block(null, List.of(), at), at);
  }

  /** {@code for (int k = 0; k < bound; k++) body(k)}, a counted loop. */
  private Stmt forEach(Expr bound, Function<Variable, Stmt> body, Tree at) {
    return CountedLoop.upTo(bound, body, at, introduced);
  }
}
