package dev.adjoint.processor.normalize;

import com.sun.source.tree.Tree;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.frontend.ParameterWrites;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.RuleTable;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Writes into the array a call returns ({@code rowOf(m, 0)[2] = v;}), which the front end lets
 * through: {@link ReturnedArgumentCalls} reads the call of a helper that only returns an argument
 * (or a row of one) as that argument ({@code m[0][2] = v;}), and the write is then checked as if
 * written so (into a parameter's array, {@link ParameterWrites}). A write into the result of any
 * other call stays an error: the array it returns is not one the method can name.
 */
public final class CallResultWrites {
  private CallResultWrites() {}

  /** {@link ReturnedArgumentCalls#apply} of {@code ir}, with such writes checked. */
  public static MethodIr apply(MethodIr ir, RuleTable rules, MethodProblems problems) {
    Set<Tree> intoCalls = Collections.newSetFromMap(new IdentityHashMap<>());
    IrWalk.statements(ir.body(), s -> {
      if (s instanceof Stmt.ArrayWrite w && IrWalk.root(w.array()) == null) {
        intoCalls.add(w.tree());
      }
    });
    MethodIr result = ReturnedArgumentCalls.apply(ir, rules);
    if (intoCalls.isEmpty()) {
      return result;
    }
    IrWalk.statements(result.body(), s -> {
      if (!(s instanceof Stmt.ArrayWrite w) || !intoCalls.remove(w.tree())) {
        return;
      }
      Variable root = IrWalk.root(w.array());
      if (root == null) {
        problems.error(w.tree(), Problem.FIELD_WRITE, "writing into the array a call returns"
            + " is supported only for a helper that returns an array it received, or a row of"
            + " one (rowOf(m, i)[j] = v;, clip(t, c)[0] = v;); assign the result to a local"
            + " array first (double[] r = f(...); r[j] = v;)");
        return;
      }
      String problem = ParameterWrites.problem(root, w.array(), ir.element());
      if (problem != null) {
        problems.error(w.tree(), Problem.PARAMETER_WRITE, problem);
      }
    });
    return result;
  }

  /** Whether {@code array} is (a row of) the array a call returns. */
  public static boolean intoCallResult(Expr array) {
    Expr e = array;
    while (e instanceof Expr.ArrayRead a) {
      e = a.array();
    }
    return e instanceof Expr.Call && array.type().isArray();
  }
}
