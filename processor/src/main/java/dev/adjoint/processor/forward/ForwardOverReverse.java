package dev.adjoint.processor.forward;

import com.sun.source.tree.Tree;
import dev.adjoint.processor.analysis.Activity;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.ir.AdjointBody;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.HvpBody;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.AdjointCallRule;
import dev.adjoint.processor.rules.RuleTable;
import dev.adjoint.processor.transform.ReverseTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Second order as <em>forward over reverse</em>: the method's adjoint body (the gradient's,
 * tape and checkpoints included, a sum loop fused and cleaned up as the gradient's), seeded
 * with 1 ({@link UnitSeed} folds it), then forward mode over it along the vector {@code v}
 * ({@link AdjointTangentTransform}). The adjoints are the gradient, and their tangents are its
 * directional derivative along {@code v}, that is {@code H·v}: one sweep each way with every
 * value paired with its tangent, a small multiple of one gradient.
 */
public final class ForwardOverReverse {
  private ForwardOverReverse() {}

  /**
   * What forward over reverse made.
   *
   * @param body the body of {@code mHvp}
   * @param callees the methods whose tangent entry points (of either kind) the body calls
   * @param adjointCallees those whose tangent of the adjoint entry point it calls
   * @param origins for each such call, the source call it comes from, when known
   */
  public record Result(HvpBody body, List<AdjointCallRule> callees,
      List<AdjointCallRule> adjointCallees, Map<Expr, Tree> origins) {}

  /**
   * The body of {@code ir}'s {@code mHvp}, or null after an error. {@code tangent} is the
   * method's tangent IR, on which the first derivatives it uses are checked; {@code activity} is
   * {@code ir}'s, {@code reservedNames} every identifier its source uses.
   */
  public static Result transform(MethodIr ir, Activity activity, TangentIr tangent,
      RuleTable rules, MethodProblems problems, Set<String> reservedNames,
      Set<String> reservedLabels, int checkpointEvery) {
    if (!SecondOrderRules.check(tangent, rules, problems)) {
      return null;
    }
    AdjointBody adjoint = ReverseTransform.transformForSecondOrder(ir, activity, rules, problems,
        reservedNames, reservedLabels, checkpointEvery);
    if (problems.any()) {
      return null;
    }
    return build(adjoint, rules, problems, reservedNames);
  }

  private static Result build(AdjointBody adjoint, RuleTable rules, MethodProblems problems,
      Set<String> reservedNames) {
    List<Stmt> setup = new ArrayList<>();
    for (int k = 0; k < adjoint.differentiated().size(); k++) {
      Variable p = adjoint.differentiated().get(k);
      Variable a = adjoint.parameterAdjoints().get(k);
      if (p.type().isArray() && a != null) {
        setup.add(new Stmt.Assign(a, TangentExpressions.zerosLike(new Expr.VarRef(p)), true,
            null));
      }
    }
    List<Stmt> forward = new ArrayList<>(adjoint.prologue());
    forward.addAll(adjoint.forward());
    List<Stmt> seeded = new ArrayList<>();
    seeded.add(new Stmt.Assign(adjoint.resultAdjoint(), Expr.Literal.ofDouble(1.0), true,
        null));
    seeded.addAll(adjoint.reverse());
    List<Stmt> before = new ArrayList<>(setup);
    before.addAll(forward);
    List<Stmt> reverse = new ArrayList<>(UnitSeed.fold(before, seeded, adjoint.resultAdjoint()));
    List<Stmt> all = new ArrayList<>(setup);
    all.addAll(forward);
    all.addAll(reverse);
    AdjointTangents tangents = new AdjointTangents(adjoint, all, reservedNames);
    List<Variable> directions = new ArrayList<>();
    for (Variable p : adjoint.differentiated()) {
      directions.add(tangents.direction(p));
    }
    List<Variable> outputs = adjoint.parameterAdjoints().stream()
        .filter(java.util.Objects::nonNull).toList();
    List<List<Stmt>> parts = tangents.transform(List.of(setup, forward, reverse), outputs,
        rules, problems);
    List<Variable> products = new ArrayList<>();
    for (Variable a : adjoint.parameterAdjoints()) {
      products.add(a == null ? null : tangents.tangentOf(a));
    }
    return new Result(new HvpBody(parts.get(0), parts.get(1), adjoint.result(), parts.get(2),
        adjoint.parameters(), adjoint.differentiated(), directions,
        adjoint.parameterAdjoints(), products, adjoint.tapeUse(), adjoint.tape(),
        adjoint.names(), tangents.taken()), tangents.callees(), tangents.adjointCallees(),
        tangents.origins());
  }
}
