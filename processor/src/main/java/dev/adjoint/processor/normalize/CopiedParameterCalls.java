package dev.adjoint.processor.normalize;

import com.sun.source.tree.Tree;
import dev.adjoint.processor.analysis.WritingCalls;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.RuleTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A helper that may write into a parameter's array which {@link ParameterArrayCopies} copies
 * ({@code x[0] = a; scale(x, c);}, {@code m[0][0] = a; scaleRow(m[1], c);}): the helper writes
 * into the copy, so right after the call every element of the copy it may have written is
 * written through to the caller's array ({@code xCaller[k] = xLocal[k]}; for a matrix, the rows
 * passed, {@code m[i]}, or every row when the helper receives the matrix). The caller's array
 * then holds what the original leaves in it once the call returns; if the helper throws, the
 * caller's array lacks what the helper wrote before it threw.
 */
final class CopiedParameterCalls {
  private final Map<Variable, Variable> copies;
  private final Map<Variable, Variable> callers;
  private final RuleTable rules;
  private final List<Variable> introduced;

  CopiedParameterCalls(Map<Variable, Variable> copies, Map<Variable, Variable> callers,
      RuleTable rules, List<Variable> introduced) {
    this.copies = copies;
    this.callers = callers;
    this.rules = rules;
    this.introduced = introduced;
  }

  /** The write-through after {@code original}, a statement of the body before redirection. */
  List<Stmt> after(Stmt original) {
    // each copied parameter written, with the rows written (null: any row, or the array)
    Map<Variable, List<Expr>> written = new LinkedHashMap<>();
    Variable assigned = original instanceof Stmt.Assign a ? a.target() : null;
    IrWalk.ownExpressions(original, e -> IrWalk.expressions(e, n -> {
      if (n instanceof Expr.Call c) {
        for (Expr arg : WritingCalls.writtenArrays(c, rules)) {
          Variable root = IrWalk.root(arg);
          if (root == null || !copies.containsKey(root)) {
            continue;
          }
          Expr row = arg instanceof Expr.ArrayRead r && r.array() instanceof Expr.VarRef
              && reevaluable(r.index(), assigned) ? r.index() : null;
          List<Expr> rows = written.computeIfAbsent(root, k -> new ArrayList<>());
          if (row == null || rows.contains(null)) {
            rows.clear();
            rows.add(null);
          } else {
            rows.add(row);
          }
        }
      }
    }));
    List<Stmt> out = new ArrayList<>();
    Tree at = original.tree();
    written.forEach((p, rows) -> {
      Variable copy = copies.get(p);
      Variable caller = callers.get(p);
      if (!ParameterMatrixCopies.isMatrix(p)) {
        out.add(forEach(length(ref(copy, at), at), k -> new Stmt.ArrayWrite(ref(caller, at),
            ref(k, at), new Expr.ArrayRead(ref(copy, at), ref(k, at), p.type().elementType(),
                at), at), at));
      } else if (rows.contains(null)) {
        out.add(forEach(length(ref(copy, at), at), k -> row(p, ref(k, at), at), at));
      } else {
        // only the rows passed (m[i]): their index is what it was at the call
        rows.forEach(i -> out.add(row(p, i, at)));
      }
    });
    return out;
  }

  /** {@code if (copy[i] != null) for (l) caller[i][l] = copy[i][l];}. */
  private Stmt row(Variable p, Expr i, Tree at) {
    IrType rowType = p.type().elementType();
    Expr row = new Expr.ArrayRead(ref(copies.get(p), at), i, rowType, at);
    Expr callerRow = new Expr.ArrayRead(ref(callers.get(p), at), i, rowType, at);
    Stmt elements = forEach(length(row, at), l -> new Stmt.ArrayWrite(callerRow, ref(l, at),
        new Expr.ArrayRead(row, ref(l, at), rowType.elementType(), at), at), at);
    return new Stmt.If(new Expr.Binary(BinaryOp.NOT_EQUAL, row, Expr.Literal.ofNull(),
        IrType.BOOLEAN, at), new Stmt.Block(null, List.of(elements), at),
        new Stmt.Block(null, List.of(), at), at);
  }

  /** An index of locals and literals only, not {@code assigned} by the statement. */
  private static boolean reevaluable(Expr index, Variable assigned) {
    boolean[] ok = {true};
    IrWalk.expressions(index, n -> {
      if (n instanceof Expr.Call || n instanceof Expr.ArrayRead || n instanceof Expr.FieldRef
          || n instanceof Expr.NewObject || n instanceof Expr.VarRef r && r.variable() == assigned) {
        ok[0] = false;
      }
    });
    return ok[0];
  }

  private static Expr ref(Variable v, Tree at) {
    return new Expr.VarRef(v, at);
  }

  private static Expr length(Expr array, Tree at) {
    return new Expr.ArrayLength(array, at);
  }

  /** {@code for (int k = 0; k < bound; k++) body(k)}, a counted loop. */
  private Stmt forEach(Expr bound, Function<Variable, Stmt> body, Tree at) {
    return CountedLoop.upTo(bound, body, at, introduced);
  }
}
