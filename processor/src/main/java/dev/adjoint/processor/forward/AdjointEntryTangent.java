package dev.adjoint.processor.forward;

import com.sun.source.tree.Tree;
import dev.adjoint.processor.abi.AdjointAbi;
import dev.adjoint.processor.analysis.Activity;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.ir.AdjointBody;
import dev.adjoint.processor.ir.AdjointTangentBody;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
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
 * Forward over reverse for a callee: the tangent of its adjoint entry point
 * ({@code mAdjointJvp}, {@code abi/TangentAbi}), which the {@code mHvp} of its callers call
 * where their reverse sweep calls {@code mAdjoint}. The adjoint body is seeded with the
 * {@code seed} parameter, whose tangent is {@code seedDot}, and ends by adding the scalar
 * parameters' adjoints into {@code adjoints}; the accumulators' tangents are parameters too.
 *
 * <p>{@link #unitSeed} makes the same entry point seeded with exactly 1 ({@code mHvpInto}): the
 * seed is a literal, which {@link UnitSeed} folds into the code, and has no tangent, so the
 * reverse sweep forms {@code t1 + t1} where {@code mAdjointJvp} forms
 * {@code seed * t1 + seed * t1} and {@code seedDot * t1 + seed * t1Dot} twice.
 */
public final class AdjointEntryTangent {
  private AdjointEntryTangent() {}

  /**
   * What it made.
   *
   * @param body the entry point's body
   * @param callees the methods whose tangent entry points (of either kind) it calls
   * @param adjointCallees those whose tangent of the adjoint entry point it calls
   * @param origins for each such call, the source call it comes from, when known
   */
  public record Result(AdjointTangentBody body, List<AdjointCallRule> callees,
      List<AdjointCallRule> adjointCallees, Map<Expr, Tree> origins) {}

  /**
   * The tangent of {@code ir}'s adjoint entry point, whose convention is {@code abi}, or null
   * after an error; {@code tangent} is the method's tangent IR, on which the first derivatives
   * it uses are checked.
   */
  public static Result transform(MethodIr ir, Activity activity, TangentIr tangent,
      AdjointAbi abi, RuleTable rules, MethodProblems problems, Set<String> reservedNames,
      Set<String> reservedLabels, int checkpointEvery) {
    return transform(ir, activity, tangent, abi, rules, problems, reservedNames, reservedLabels,
        checkpointEvery, false);
  }

  /**
   * As {@link #transform}, seeded with exactly 1 and no seed tangent: the body of
   * {@code mHvpInto}, whose result has null {@code seed} and {@code seedDot}.
   */
  public static Result unitSeed(MethodIr ir, Activity activity, TangentIr tangent,
      AdjointAbi abi, RuleTable rules, MethodProblems problems, Set<String> reservedNames,
      Set<String> reservedLabels, int checkpointEvery) {
    return transform(ir, activity, tangent, abi, rules, problems, reservedNames, reservedLabels,
        checkpointEvery, true);
  }

  private static Result transform(MethodIr ir, Activity activity, TangentIr tangent,
      AdjointAbi abi, RuleTable rules, MethodProblems problems, Set<String> reservedNames,
      Set<String> reservedLabels, int checkpointEvery, boolean unit) {
    if (!SecondOrderRules.check(tangent, rules, problems)) {
      return null;
    }
    AdjointBody adjoint = ReverseTransform.transformForSecondOrder(ir, activity, rules, problems,
        reservedNames, reservedLabels, checkpointEvery);
    if (problems.any()) {
      return null;
    }
    List<Stmt> forward = new ArrayList<>(adjoint.prologue());
    forward.addAll(adjoint.forward());
    List<Stmt> existing = new ArrayList<>(forward);
    existing.addAll(adjoint.reverse());
    AdjointTangents tangents = new AdjointTangents(adjoint, existing, reservedNames);
    List<Variable> directions = new ArrayList<>();
    for (Variable p : adjoint.differentiated()) {
      directions.add(tangents.direction(p));
    }
    IrType resultType = adjoint.result().type();
    Variable seed = unit ? null : tangents.fresh("seed", resultType);
    Variable seedDot = unit ? null : tangents.fresh("seedDot", resultType);
    Variable adjoints = tangents.fresh("adjoints", IrType.DOUBLE_ARRAY);
    Variable adjointsDot = tangents.fresh("adjointsDot", IrType.DOUBLE_ARRAY);
    if (!unit) {
      tangents.pair(seed, seedDot);
    }
    tangents.pair(adjoints, adjointsDot);
    List<Variable> arrayAdjoints = new ArrayList<>();
    List<Variable> arrayAdjointDots = new ArrayList<>();
    List<Stmt> reverse = new ArrayList<>();
    reverse.add(new Stmt.Assign(adjoint.resultAdjoint(),
        unit ? Expr.Literal.ofDouble(1.0) : new Expr.VarRef(seed), true, null));
    reverse.addAll(adjoint.reverse());
    for (int i = 0; i < adjoint.parameters().size(); i++) {
      Variable p = adjoint.parameters().get(i);
      int k = adjoint.differentiated().indexOf(p);
      Variable a = k < 0 ? null : adjoint.parameterAdjoints().get(k);
      if (abi.hasArrayAdjoint(i)) {
        Variable array = a != null ? a
            : tangents.fresh(adjoint.nameOf(p) + "Adj", p.type()); // nothing adds into it
        Variable dot = tangents.fresh(adjoint.nameOf(array) + "Dot", p.type());
        tangents.pair(array, dot);
        arrayAdjoints.add(array);
        arrayAdjointDots.add(dot);
      } else if (a != null) {
        reverse.add(new Stmt.Accumulate(new Expr.ArrayRead(new Expr.VarRef(adjoints),
            Expr.Literal.ofInt(abi.slot(i)), IrType.DOUBLE, null), new Expr.VarRef(a), false));
      }
    }
    if (unit) {
      reverse = new ArrayList<>(UnitSeed.fold(forward, reverse, adjoint.resultAdjoint()));
    }
    List<Variable> outputs = new ArrayList<>(arrayAdjoints);
    outputs.add(adjoints);
    for (Variable p : adjoint.differentiated()) {
      if (p.type().isArray()) {
        // a helper writing into p puts back what it overwrote, and the caller reads p's
        // tangent afterwards: the restored elements need their tangents (savedDstDot), not 0
        outputs.add(p);
      }
    }
    List<List<Stmt>> parts = tangents.transform(List.of(forward, reverse), outputs, rules,
        problems);
    return new Result(new AdjointTangentBody(parts.get(0), parts.get(1), adjoint.result(),
        adjoint.parameters(), directions, seed, seedDot, adjoints, adjointsDot, arrayAdjoints,
        arrayAdjointDots, adjoint.tapeUse(), adjoint.tape(), adjoint.names()),
        tangents.callees(), tangents.adjointCallees(), tangents.origins());
  }
}
