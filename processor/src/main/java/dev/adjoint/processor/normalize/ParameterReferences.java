package dev.adjoint.processor.normalize;

import dev.adjoint.processor.analysis.ArrayAliases;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.StmtRewrite;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.RuleTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parameter arrays among references. The gradient is with respect to a parameter array's values
 * on entry, and {@link ParameterArrayCopies} keeps that true for writes through the parameter's
 * own name. Two more cases:
 *
 * <ul>
 *   <li>A parameter the method points elsewhere ({@code x = other;}) is, from there on, a local
 *       reference like any other: it becomes a local of the same name taken at entry (printed
 *       {@code x2}),
 *       whose shadow starts as the parameter's adjoint, and the parameter keeps its entry array.
 *   <li>A write through another name that may refer to a parameter's array ({@code y = x;
 *       y[0] = a;}, or through {@code x} before {@code x = other;}), found by a flow-sensitive
 *       may-point-to analysis (so that {@code x = other; x[0] = a;}, which writes into
 *       {@code other}, is not one), is written through to the caller by
 *       {@link ParameterArrayCopies} in a public gradient; in a helper it is the helper's own
 *       write, which its callers follow where they can see it ({@link HelperAliasWrites}).
 * </ul>
 */
public final class ParameterReferences {
  private ParameterReferences() {}

  /**
   * {@code ir} with reassigned parameter arrays made locals. Writes into a parameter's array
   * through another name are an error unless {@code copied}: a public gradient's
   * {@link ParameterArrayCopies} then writes them through to the caller.
   */
  public static MethodIr apply(MethodIr ir, MethodProblems problems, boolean copied,
      RuleTable rules) {
    Map<Variable, Variable> locals = new LinkedHashMap<>();
    IrWalk.statements(ir.body(), s -> {
      if (s instanceof Stmt.Assign a && a.target().origin() == Variable.Origin.PARAMETER
          && a.target().type().isArray() && !locals.containsKey(a.target())) {
        locals.put(a.target(), new Variable(a.target().sourceName(), a.target().type(),
            Variable.Origin.TEMPORARY, a.target().declaration()));
      }
    });
    Stmt.Block body = ir.body();
    List<Variable> allLocals = new ArrayList<>(ir.locals());
    if (!locals.isEmpty()) {
      List<Stmt> stmts = new ArrayList<>();
      for (Map.Entry<Variable, Variable> e : locals.entrySet()) {
        stmts.add(new Stmt.Assign(e.getValue(), new Expr.VarRef(e.getKey()), true, null));
        allLocals.add(e.getValue());
      }
      stmts.add(rename(body, locals));
      body = new Stmt.Block(null, stmts, body.tree());
    }
    Set<Variable> parameters = new LinkedHashSet<>();
    for (Variable p : ir.parameters()) {
      if (p.type().isArray()) {
        parameters.add(p);
      }
    }
    if (!parameters.isEmpty() && !ArrayAliases.of(body).isEmpty()) {
      ParameterPointsTo.Found found = ParameterPointsTo.aliasWrites(parameters, body, rules);
      if (copied) {
        ParameterAliasWrites.reportCalls(found, problems);
      } else {
        HelperAliasWrites.report(found, ir.element(), rules, problems);
      }
    }
    return body == ir.body() ? ir : new MethodIr(ir.element(), ir.tree(), ir.unit(),
        ir.parameters(), ir.differentiated(), allLocals, ir.result(), body);
  }

  /** {@code s} with every use of a renamed parameter, assignments included, renamed. */
  private static Stmt.Block rename(Stmt.Block s, Map<Variable, Variable> renamed) {
    return (Stmt.Block) renameStmt(s, renamed);
  }

  private static Stmt renameStmt(Stmt s, Map<Variable, Variable> renamed) {
    Stmt out = StmtRewrite.apply(s, e -> renameExpr(e, renamed),
        list -> list.stream().map(c -> renameStmt(c, renamed)).toList());
    if (out instanceof Stmt.Assign a && renamed.containsKey(a.target())) {
      return new Stmt.Assign(renamed.get(a.target()), a.value(), a.declaration(), a.tree());
    }
    return out;
  }

  private static Expr renameExpr(Expr e, Map<Variable, Variable> renamed) {
    Map<Variable, Expr> refs = new HashMap<>();
    renamed.forEach((p, local) -> refs.put(p, new Expr.VarRef(local)));
    Expr out = e;
    for (Map.Entry<Variable, Expr> r : refs.entrySet()) {
      out = StmtRewrite.substitute(out, r.getKey(), r.getValue());
    }
    return out;
  }
}
