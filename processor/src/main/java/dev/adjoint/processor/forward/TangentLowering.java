package dev.adjoint.processor.forward;

import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.MethodBody;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.TangentBody;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.RuleTable;
import dev.adjoint.processor.transform.ReverseTransform;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a tangent IR into the body of its tangent entry point. The tangent IR is ordinary
 * method IR, so it goes the way of any method that nothing differentiates (the private copies):
 * the forward sweep with nothing to record, which turns each {@code return} into a jump to the
 * end and moves loop updates into the loops; then the tangent of the result is stored into the
 * entry point's last parameter. Code generation prints it like every other body.
 */
public final class TangentLowering {
  private TangentLowering() {}

  /**
   * The entry point body of {@code tangent}; {@code reservedNames} are every identifier the
   * method's source uses, {@code reservedLabels} every label.
   */
  public static TangentBody lower(TangentIr tangent, RuleTable rules, MethodProblems problems,
      Set<String> reservedNames, Set<String> reservedLabels) {
    Set<String> reserved = new HashSet<>(reservedNames);
    tangent.directions().forEach(d -> reserved.add(d.sourceName()));
    reserved.add(tangent.out().sourceName());
    MethodBody primal = ReverseTransform.primal(tangent.entryPoint(), rules, problems, reserved,
        reservedLabels);
    List<Stmt> stmts = new ArrayList<>(primal.stmts());
    stmts.add(new Stmt.ArrayWrite(new Expr.VarRef(tangent.out()), Expr.Literal.ofInt(0),
        new Expr.VarRef(tangent.tangentResult()), null));
    List<Variable> parameters = List.copyOf(tangent.ir().parameters());
    return new TangentBody(new MethodBody(stmts, primal.returned(), primal.names()), parameters,
        tangent.out());
  }
}
