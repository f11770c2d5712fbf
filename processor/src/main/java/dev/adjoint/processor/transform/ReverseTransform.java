package dev.adjoint.processor.transform;

import dev.adjoint.processor.analysis.Activity;
import dev.adjoint.processor.analysis.ToBeRecorded;
import dev.adjoint.processor.cleanup.AdjointCleanup;
import dev.adjoint.processor.cleanup.RepeatedStores;
import dev.adjoint.processor.cleanup.RowHoists;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.ir.AdjointBody;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.MethodBody;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.TapeUse;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.RuleTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reverse-mode transformation of one method into adjoint IR: a forward sweep and a reverse sweep.
 *
 * <p>The forward sweep is the original code plus recording: values that later code overwrites
 * and the reverse sweep still needs (chosen by {@link ToBeRecorded}), which branch each
 * {@code if} took, how far each block got before a jump left it, and each loop's trip count.
 * Code that runs at most once per call records into locals; code inside loops records on the
 * tape. The reverse sweep mirrors the structure backwards: each statement's adjoint, loops run
 * backwards their recorded number of times, branches replayed as recorded. The stages:
 * {@link RecordPlanner} plans, {@link ForwardSweep} and {@link ReverseSweep} build the sweeps,
 * {@link AdjointCleanup} shortens them.
 */
public final class ReverseTransform {
  private final MethodIr ir;
  private final Activity activity;
  private final SweepNames names;
  private final RecordPlan plan;
  private boolean fuseSums;
  private boolean tapeBlocks;

  private ReverseTransform(MethodIr ir, Activity activity, RuleTable rules,
      MethodProblems problems, Set<String> reservedNames, Set<String> reservedLabels,
      int checkpointEvery, boolean firstOrder) {
    this.ir = ir;
    this.activity = activity;
    this.names = new SweepNames(ir, reservedNames, reservedLabels);
    this.plan = RecordPlanner.plan(ir, activity, rules, problems, names, checkpointEvery,
        firstOrder);
  }

  /**
   * Transforms {@code ir}. {@code reservedNames} are every identifier the method's source uses,
   * which no generated name may shadow. With {@code checkpointEvery > 0}, top-level loops are
   * checkpointed every that many iterations.
   */
  public static AdjointBody transform(MethodIr ir, Activity activity, RuleTable rules,
      MethodProblems problems, Set<String> reservedNames, Set<String> reservedLabels,
      int checkpointEvery) {
    return new ReverseTransform(ir, activity, rules, problems, reservedNames, reservedLabels,
        checkpointEvery, false).run();
  }

  /**
   * As {@link #transform}, where a loop that only sums independent terms runs its forward and
   * reverse in one fused loop ({@link LoopFusion}): for the adjoint entry point and the public
   * gradient, whose printer runs the reverse right after the forward. Second-order modes use
   * {@link #transformForSecondOrder}.
   */
  public static AdjointBody transformFusingSums(MethodIr ir, Activity activity, RuleTable rules,
      MethodProblems problems, Set<String> reservedNames, Set<String> reservedLabels,
      int checkpointEvery) {
    ReverseTransform t = new ReverseTransform(ir, activity, rules, problems, reservedNames,
        reservedLabels, checkpointEvery, true);
    t.fuseSums = true;
    t.tapeBlocks = true;
    return t.run();
  }

  /**
   * As {@link #transformFusingSums}, for second order, which takes the tangent of the sweeps:
   * arrays recorded element by element and tape reads not grouped into blocks (the tangent of
   * a block's reads is not defined), sum loops fused all the same.
   */
  public static AdjointBody transformForSecondOrder(MethodIr ir, Activity activity,
      RuleTable rules, MethodProblems problems, Set<String> reservedNames,
      Set<String> reservedLabels, int checkpointEvery) {
    ReverseTransform t = new ReverseTransform(ir, activity, rules, problems, reservedNames,
        reservedLabels, checkpointEvery, false);
    t.fuseSums = true;
    AdjointBody fused = t.run();
    if (problems.any() || !callsAnAdjointInAnExpression(fused)) {
      return fused;
    }
    // a fused sum of calls adds the callee's adjoint call's value (s = s + fAdjoint(…)), which
    // forward over reverse takes only as a statement of its own: the two sweeps, as before
    return transform(ir, activity, rules, problems, reservedNames, reservedLabels,
        checkpointEvery);
  }

  /** Whether a call of an adjoint entry point in {@code body} is not a statement of its own. */
  private static boolean callsAnAdjointInAnExpression(AdjointBody body) {
    boolean[] found = {false};
    for (Stmt stmt : body.all()) {
      IrWalk.statements(stmt, s -> IrWalk.ownExpressions(s, e -> IrWalk.expressions(e,
          x -> found[0] |= x instanceof Expr.AdjointCall
              && !(s instanceof Stmt.Eval eval && eval.expr() == x))));
    }
    return found[0];
  }

  /** The adjoint body, and the transformation whose names it used, for a graph trace. */
  static ReverseTransform ran(MethodIr ir, Activity activity, RuleTable rules,
      MethodProblems problems, Set<String> reservedNames, Set<String> reservedLabels) {
    ReverseTransform t = new ReverseTransform(ir, activity, rules, problems, reservedNames,
        reservedLabels, 0, false);
    t.run();
    return t;
  }

  SweepNames names() {
    return names;
  }

  RecordPlan plan() {
    return plan;
  }

  private AdjointBody run() {
    ForwardSweep forwardSweep = new ForwardSweep(ir, activity, plan, names, true, null);
    List<Stmt> forward = forwardSweep.sweep();
    ReverseSweep reverseSweep = new ReverseSweep(plan, names, forwardSweep);
    LoopFusion.Sweeps sweeps = fuseSums
        ? LoopFusion.sweeps(ir, activity, plan, names, forward, reverseSweep, tapeBlocks) : null;
    if (sweeps == null) {
      sweeps = new LoopFusion.Sweeps(forward, reverseSweep.reverse(ir.body()));
    }
    if (tapeBlocks) { // first order only: the tangent of a block's reads is not defined
      sweeps = TapeBlocks.apply(ir, plan, names, sweeps.forward(), sweeps.reverse());
    }
    return assemble(sweeps.forward(), sweeps.reverse());
  }

  private AdjointBody assemble(List<Stmt> forward, List<Stmt> reverse) {
    List<Stmt> prologue = new ArrayList<>();
    for (Variable v : plan.hoisted()) {
      prologue.add(new Stmt.Assign(v, zero(v.type()), true, null));
    }
    List<Stmt> adjointDecls = new ArrayList<>();
    Variable resultAdjoint = names.existingAdjoint(ir.result());
    for (Map.Entry<Variable, Variable> e : names.adjoints().entrySet()) {
      Variable primal = e.getKey();
      if (primal == ir.result()) {
        continue;
      }
      if (!primal.type().isArray()) {
        adjointDecls.add(new Stmt.Assign(e.getValue(), Expr.Literal.ofDouble(0.0), true, null));
      } else if (primal.origin() != Variable.Origin.PARAMETER) {
        prologue.add(new Stmt.Assign(e.getValue(), Expr.Literal.ofNull(), true, null));
      } else if (!ir.differentiated().contains(primal)) {
        // an array not differentiated, active through an alias: a shadow nobody reads back
        prologue.add(new Stmt.Assign(e.getValue(), new Expr.Intrinsic(
            Expr.Intrinsic.Op.ZEROS_LIKE, List.of(new Expr.VarRef(primal)), primal.type()),
            true, null));
      }
    }
    Variable callBuffer = names.callBuffer();
    if (callBuffer != null) {
      adjointDecls.add(new Stmt.Assign(callBuffer, new Expr.NewArray(IrType.DOUBLE_ARRAY,
          List.of(Expr.Literal.ofInt(names.callBufferSize())), null), true, null));
    }
    List<Variable> parameterAdjoints = new ArrayList<>();
    for (Variable p : ir.differentiated()) {
      parameterAdjoints.add(names.existingAdjoint(p));
    }
    if (resultAdjoint == null) {
      resultAdjoint = names.record("valueAdj", ir.result().type());
    }
    adjointDecls.addAll(reverse);
    Set<Variable> liveOut = new HashSet<>(parameterAdjoints);
    liveOut.add(resultAdjoint);
    Predicate<Expr.Call> pureCall = call -> RuleTable.isPure(call.method());
    Function<String, Variable> rowLocal = base -> names.scratch(base, IrType.DOUBLE_ARRAY);
    List<Stmt> cleanReverse = RowHoists.apply(AdjointCleanup.apply(adjointDecls, liveOut,
        pureCall, base -> names.scratch(base, IrType.DOUBLE)), pureCall, rowLocal);
    TapeUse tapeUse = names.tapeUsed() ? TapeUse.RECORDS
        : names.tapeReferenced() ? TapeUse.PASSES_ON : TapeUse.NONE;
    List<Stmt> cleanForward = RowHoists.apply(RepeatedStores.apply(prologue, forward), pureCall,
        rowLocal);
    return new AdjointBody(prologue, cleanForward, cleanReverse,
        ir.result(), resultAdjoint, ir.parameters(), ir.differentiated(), parameterAdjoints,
        tapeUse, names.tape(), names.claim("seed"), names.claim("adjoints"), names.table());
  }

  /** The zero value a hoisted declaration starts from. */
  static Expr zero(IrType type) {
    return switch (type.kind()) {
      case BOOLEAN -> Expr.Literal.ofBoolean(false);
      case DOUBLE -> Expr.Literal.ofDouble(0.0);
      case FLOAT -> new Expr.Literal(type, "0.0F", null);
      case LONG -> new Expr.Literal(type, "0L", null);
      case BYTE, SHORT, CHAR, INT -> new Expr.Literal(type, "0", null);
      default -> Expr.Literal.ofNull();
    };
  }

  /**
   * The body of a copy of the method as the user wrote it, for a private method that generated
   * code cannot call: nothing is differentiated, so the forward sweep records nothing and is the
   * original computation; then it returns the result.
   */
  public static MethodBody primal(MethodIr ir, RuleTable rules, MethodProblems problems,
      Set<String> reservedNames, Set<String> reservedLabels) {
    MethodIr nothingDifferentiated = new MethodIr(ir.element(), ir.tree(), ir.unit(),
        ir.parameters(), List.of(), ir.locals(), ir.result(), ir.body());
    Activity none = Activity.analyze(nothingDifferentiated, rules, problems);
    AdjointBody body = transform(nothingDifferentiated, none, rules, problems, reservedNames,
        reservedLabels, 0);
    List<Stmt> stmts = new ArrayList<>();
    if (body.tapeUse() == TapeUse.RECORDS) {
      // the forward sweep records control flow (a for-each over rows) even when nothing is
      // differentiated: a tape of its own, never read
      stmts.add(new Stmt.Assign(body.tape(),
          new Expr.Intrinsic(Expr.Intrinsic.Op.NEW_TAPE, List.of(), IrType.TAPE), true, null));
    }
    stmts.addAll(body.prologue());
    stmts.addAll(body.forward());
    return new MethodBody(stmts, new Expr.VarRef(ir.result()), body.names());
  }
}
