package dev.adjoint.processor.transform;

import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.analysis.Activity;
import dev.adjoint.processor.analysis.WritingCalls;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.NameTable;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.normalize.ReturnedArgumentCalls;
import dev.adjoint.processor.rules.RuleTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The adjoint of a statement whose call may write into array arguments ({@code rhs(y, dydt);},
 * {@code double r = f(x, out);}): see {@link WritingCalls}. The forward sweep pushes the
 * contents of every written argument on the tape just before the call; the reverse sweep pops
 * them back, so the arrays hold what the call found, then calls the callee's adjoint with the
 * seed of the result (0 for a void helper or an unused result) and the arrays' adjoints, which
 * hold the adjoints of the contents the call left and, after it, of those it found. The callee's
 * adjoint leaves the arrays as it found them, so the reverse sweep goes on from the contents
 * before the call.
 */
final class WritingCallAdjoint {
  private final Activity activity;
  private final RuleTable rules;

  WritingCallAdjoint(Activity activity, RuleTable rules) {
    this.activity = activity;
    this.rules = rules;
  }

  /** The pushes before the call, in argument order. */
  static List<Stmt> saves(Expr.Call call, RuleTable rules, Variable tape) {
    List<Stmt> out = new ArrayList<>();
    for (Expr array : WritingCalls.writtenArrays(call, rules)) {
      out.add(elements(Expr.Intrinsic.Op.PUSH_ELEMENTS, tape, array));
    }
    return out;
  }

  /**
   * The adjoint of {@code s}, which makes {@code call}; {@code inLoop} when it may run more than
   * once per call. Adds to {@code reads} the original's variables it reads.
   */
  DefinitionAdjoint.Fragment of(Stmt s, Expr.Call call, ExpressionAdjoint.Names names,
      Variable tape, boolean inLoop, Set<Variable> reads) {
    ExpressionAdjoint adjoint = new ExpressionAdjoint(activity, rules, names, reads);
    List<Stmt> before = new ArrayList<>();
    List<Stmt> after = new ArrayList<>();
    List<Expr> written = WritingCalls.writtenArrays(call, rules);
    for (int k = written.size() - 1; k >= 0; k--) {
      after.add(elements(Expr.Intrinsic.Op.POP_ELEMENTS, tape, adjoint.evaluated(written.get(k))));
    }
    Expr seed = Expr.Literal.ofDouble(0.0);
    if (call.type().isArray()) {
      // a helper returning an array it writes (ReturnedArgumentCalls): the caller holds the
      // result as that array, whose adjoint the call receives already; the result adds nothing
      seed = new Expr.Intrinsic(Expr.Intrinsic.Op.ZEROS_LIKE, List.of(adjoint.evaluated(
          ReturnedArgumentCalls.alias(call, rules.returnedArgument(call.method()).orElseThrow()))),
          call.type());
    }
    if (s instanceof Stmt.Assign a && activity.isActive(a.target())) {
      Variable g = names.adjointOf(a.target());
      Variable held = names.scratch(NameTable.introduced(g), IrType.DOUBLE);
      before.add(new Stmt.Assign(held, new Expr.VarRef(g), true, null));
      boolean firstDefinition = a.declaration() && !inLoop;
      if (!firstDefinition && a.target().origin() != Variable.Origin.RESULT) {
        before.add(new Stmt.Assign(g, Expr.Literal.ofDouble(0.0), false, null));
      }
      seed = new Expr.VarRef(held);
    }
    // typed double, so that a void call is active when an argument is
    adjoint.propagate(new Expr.Call(call.method(), call.receiver(), call.args(), IrType.DOUBLE,
        call.tree()), seed, after);
    return new DefinitionAdjoint.Fragment(before, after);
  }

  /**
   * In a helper, which writes into the caller's arrays directly, every element write into a
   * parameter's array saves the value it overwrites, so that the reverse sweep leaves the
   * arrays as the call found them (its caller's reverse sweep goes on from those contents). A
   * call that may write into arrays cannot stand in a checkpointed loop, whose snapshots keep
   * scalars only.
   */
  static void restoreParameterWrites(MethodIr ir, Set<Stmt> saves, Set<Stmt> snapshots,
      Set<Stmt.Loop> checkpointed, MethodProblems problems) {
    if (ir.differentiated().isEmpty()) {
      return; // a copy of the primal: nothing is reversed
    }
    IrWalk.statements(ir.body(), s -> {
      if (s instanceof Stmt.ArrayWrite w && IrWalk.root(w.array()) != null
          && IrWalk.root(w.array()).origin() == Variable.Origin.PARAMETER) {
        saves.add(s);
      }
    });
    for (Stmt.Loop l : checkpointed) {
      IrWalk.statements(l, s -> {
        if (snapshots.contains(s)) {
          problems.error(s.tree(), Problem.CHECKPOINTED_LOOP,
              "@Checkpointed loops may not call a helper that may write"
              + " into an array: a snapshot keeps scalar state only; drop @Checkpointed");
        }
      });
    }
  }

  private static Stmt elements(Expr.Intrinsic.Op op, Variable tape, Expr array) {
    return new Stmt.Eval(new Expr.Intrinsic(op, List.of(new Expr.VarRef(tape), array),
        IrType.VOID), null);
  }
}
