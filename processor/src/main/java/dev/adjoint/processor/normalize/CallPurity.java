package dev.adjoint.processor.normalize;

import com.sun.source.tree.Tree;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.rules.AdjointCallRule;
import dev.adjoint.processor.rules.DerivativeRule;
import dev.adjoint.processor.rules.PartialsRule;
import dev.adjoint.processor.rules.PullbackRule;
import dev.adjoint.processor.rules.RuleTable;
import java.util.Optional;

/**
 * Which calls are known to be pure, as the rule table says: those {@link EvaluateOnce} may let
 * the reverse sweep evaluate again, and those that make a method unfit to run again inside
 * another gradient's adjoint.
 */
final class CallPurity {
  private final RuleTable rules;

  CallPurity(RuleTable rules) {
    this.rules = rules;
  }

  /**
   * The first call in {@code ir} that is not known to be pure, or empty; calls made only to
   * build a thrown exception do not count. A method whose adjoint another gradient calls is run
   * again inside that adjoint, so it must not contain one: not even as a statement of its own,
   * whose effect (a counter bumped) the second run would repeat and then read.
   */
  Optional<Tree> firstImpureCall(MethodIr ir) {
    Tree[] found = {null};
    IrWalk.statements(ir.body(), s -> {
      if (s instanceof Stmt.Throw) {
        return; // a throw ends the run
      }
      IrWalk.ownExpressions(s, e ->
            IrWalk.expressions(e, n -> {
              if (found[0] == null && n instanceof Expr.Call c && !isPure(c)) {
                found[0] = c.tree();
              }
            }));
    });
    return Optional.ofNullable(found[0]);
  }

  /**
   * A helper whose adjoint a gradient calls runs again in the reverse sweep: if it reads a field
   * that this method's impure calls may change, it would see the changed value then.
   */
  void rejectHelpersReadingState(MethodIr ir, MethodProblems problems) {
    IrWalk.statements(ir.body(), s ->
        IrWalk.ownExpressions(s, e ->
            IrWalk.expressions(e, n -> {
              // (A call without arguments has no adjoint to run; an impure helper's own
              // differentiation reports what it does.)
              if (n instanceof Expr.Call c && c.receiver() == null && !c.args().isEmpty()
                  && rules.ruleFor(c.method()).orElse(null) instanceof AdjointCallRule
                  && isPure(c) && rules.readsMutableState(c.method())) {
                problems.error(c.tree(), Problem.IMPURE_CALL,
                    "'" + c.method().getSimpleName() + "' reads a field"
                    + " that is not final (or holds an array), and this method calls something"
                    + " that is not pure, which may change it; the adjoint of '"
                    + c.method().getSimpleName() + "' runs it again in the reverse sweep and would"
                    + " see the changed value: pass the field's value to it as a parameter");
              }
            })));
  }

  /**
   * Whether a call is known to be pure: Math's and the like by the rule table, a helper with
   * source when it has no effects, and any call with a declared {@code @Partial} or
   * {@code @Pullback}, which promises a function.
   */
  boolean isPure(Expr.Call c) {
    if (RuleTable.isPure(c.method())) {
      return true;
    }
    if (c.receiver() != null) {
      return false;
    }
    Optional<DerivativeRule> rule = rules.ruleFor(c.method());
    if (rule.isPresent() && rule.get() instanceof AdjointCallRule) {
      return !rules.mayHaveEffects(c.method());
    }
    return rule.isPresent() && (rule.get() instanceof PartialsRule
        || rule.get() instanceof PullbackRule);
  }

  /**
   * Whether {@link EvaluateOnce} would move an impure call out of {@code e}: one nested below
   * the {@code root} call whose value a temporary can hold.
   */
  boolean movesImpureCall(Expr e, boolean root) {
    if (e instanceof Expr.Call c) {
      if (!root && !isPure(c) && (isHoldable(c.type()) || c.type().isArray())) {
        return true;
      }
      for (Expr a : c.args()) {
        if (movesImpureCall(a, false)) {
          return true;
        }
      }
      return false;
    }
    if (e instanceof Expr.Binary b) {
      return movesImpureCall(b.left(), false) || b.op() != BinaryOp.AND
          && b.op() != BinaryOp.OR && movesImpureCall(b.right(), false);
    }
    if (e instanceof Expr.Unary u) {
      return movesImpureCall(u.operand(), false);
    }
    if (e instanceof Expr.Cast c) {
      return movesImpureCall(c.operand(), false);
    }
    if (e instanceof Expr.Conditional c) {
      return movesImpureCall(c.condition(), false);
    }
    if (e instanceof Expr.ArrayRead a) {
      return movesImpureCall(a.array(), false) || movesImpureCall(a.index(), false);
    }
    return false;
  }

  /** Whether a value of this type can be held in a temporary of generated code. */
  static boolean isHoldable(IrType type) {
    return type.isPrimitive() || type.kind() == IrType.Kind.STRING;
  }
}
