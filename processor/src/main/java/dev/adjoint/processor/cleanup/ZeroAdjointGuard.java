package dev.adjoint.processor.cleanup;

import dev.adjoint.processor.ir.AdjointBody;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.StmtRewrite;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.RuleTable;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Skips a reverse loop that only scales one adjoint into others when that adjoint is zero: a
 * loop whose every statement is {@code t += a * e} (or {@code e * a}, or {@code a}) for one
 * scalar adjoint {@code a} the loop never assigns becomes {@code if (a != 0.0) loop}. The units
 * of a ReLU layer that did not fire then cost one comparison instead of a pass over their
 * weights.
 *
 * <p>This is the convention of hand-written gradients and of Tapenade, and it is not bit-for-bit
 * the statement-by-statement sweep in two corner cases: where {@code e} is infinite or NaN, the
 * skipped update would have added NaN ({@code 0.0 * Inf}); and an adjoint holding {@code -0.0}
 * keeps it instead of becoming {@code +0.0}. A zero adjoint means the contribution is zero, so the
 * guarded sweep gives the mathematically right share (nothing) where the other would poison the
 * gradient with NaN. For finite {@code e} and adjoints that are not {@code -0.0}, both agree.
 *
 * <p>The loop may also assign {@code int} variables (the original counter, {@code i = it - 1} or
 * {@code i = i - 1}) whose values after it nothing observes: nothing after it reads them before
 * assigning them again ({@link DeadAfter}), so skipping it changes nothing else that is
 * observed. Every expression must be pure: skipping it drops no effect.
 */
public final class ZeroAdjointGuard {
  private ZeroAdjointGuard() {}

  /**
   * The reverse sweep of {@code body} as the gradient prints it: guarded. Only there: the
   * forward-over-reverse transformation differentiates the unguarded sweep, since a zero adjoint
   * may have a tangent that is not zero.
   */
  public static List<Stmt> printed(AdjointBody body) {
    Set<Variable> liveOut = new HashSet<>();
    body.parameterAdjoints().stream().filter(Objects::nonNull).forEach(liveOut::add);
    liveOut.add(body.resultAdjoint());
    liveOut.add(body.result());
    return apply(body.reverse(), liveOut, call -> RuleTable.isPure(call.method()));
  }

  /**
   * {@code code}, a method's outermost reverse sweep, with each qualifying loop, at any depth,
   * guarded; {@code liveOut} are the variables read after it.
   */
  public static List<Stmt> apply(List<Stmt> code, Set<Variable> liveOut,
      Predicate<Expr.Call> pureCall) {
    return new ZeroAdjointGuard.Rewriter(code, liveOut, pureCall).list(code);
  }

  private record Rewriter(List<Stmt> whole, Set<Variable> liveOut, Predicate<Expr.Call> pure) {
    List<Stmt> list(List<Stmt> stmts) {
      return stmts.stream().map(this::stmt).toList();
    }

    Stmt stmt(Stmt s) {
      if (s instanceof Stmt.IndexLoop loop) {
        Variable factor = commonFactor(loop);
        if (factor != null) {
          Expr nonZero = new Expr.Binary(BinaryOp.NOT_EQUAL, new Expr.VarRef(factor),
              Expr.Literal.ofDouble(0.0), IrType.BOOLEAN, null);
          return new Stmt.If(nonZero, new Stmt.Block(null, List.of(loop), null),
              new Stmt.Block(null, List.of(), null), loop.tree());
        }
      }
      return StmtRewrite.apply(s, e -> e, this::list);
    }

    /** The adjoint every update of {@code loop} is scaled by, or null if it does not qualify. */
    private Variable commonFactor(Stmt.IndexLoop loop) {
      if (loop.label() != null || !Uses.isPure(loop.from(), pure)
          || !Uses.isPure(loop.bound(), pure)) {
        return null;
      }
      Variable factor = null;
      boolean updates = false;
      for (Stmt s : loop.body().stmts()) {
        if (s instanceof Stmt.Comment) {
          continue;
        }
        if (s instanceof Stmt.Assign a) {
          if (!isPrivateCounter(a, loop)) {
            return null;
          }
          continue;
        }
        if (!(s instanceof Stmt.Accumulate acc) || acc.wholeArray()
            || !Uses.isPure(acc.target(), pure) || !Uses.isPure(acc.value(), pure)) {
          return null;
        }
        Variable f = factorOf(acc.value());
        if (f == null || factor != null && f != factor) {
          return null;
        }
        factor = f;
        updates = true;
      }
      return updates && !Uses.writes(loop, factor) ? factor : null;
    }

    /**
     * Whether {@code a}, in {@code loop}'s body, stores an {@code int} whose value after the loop
     * nothing observes, so that skipping the loop leaves no reader of a stale value: nothing
     * after the loop reads it before assigning it again ({@link DeadAfter}: a fused loop's
     * forward part resets the counter its reverse part's loops set; a pop restores a counter
     * the loop steps down with {@code i = i - 1}), or only this body reads it, after this store.
     */
    private boolean isPrivateCounter(Stmt.Assign a, Stmt.IndexLoop loop) {
      Variable v = a.target();
      if (v.type().kind() != IrType.Kind.INT || liveOut.contains(v)
          || !Uses.isPure(a.value(), pure)) {
        return false;
      }
      return DeadAfter.at(whole, loop, v, false) || onlyThisBodyReads(a, loop);
    }

    /** Whether {@code a}'s target is read only in {@code loop}, after {@code a}, and set there. */
    private boolean onlyThisBodyReads(Stmt.Assign a, Stmt.IndexLoop loop) {
      Variable v = a.target();
      if (Uses.count(a.value(), v) > 0) {
        return false;
      }
      for (Stmt s : loop.body().stmts()) {
        if (s == a) {
          break;
        }
        if (Uses.mentions(s, v)) {
          return false;
        }
      }
      int inside = Uses.count(loop, v);
      int everywhere = 0;
      for (Stmt s : whole) {
        everywhere += Uses.count(s, v);
      }
      return inside == everywhere && !writesElsewhere(v, a);
    }

    /** Whether anything in the sweep but {@code store} assigns {@code v}. */
    private boolean writesElsewhere(Variable v, Stmt.Assign store) {
      boolean[] found = {false};
      for (Stmt s : whole) {
        IrWalk.statements(s, inner -> found[0] |= inner != store && inner instanceof Stmt.Assign o
            && o.target() == v);
      }
      return found[0];
    }
  }

  /** {@code a} if {@code value} is {@code a}, {@code a * e} or {@code e * a}, a double adjoint. */
  private static Variable factorOf(Expr value) {
    if (isAdjoint(value)) {
      return ((Expr.VarRef) value).variable();
    }
    if (value instanceof Expr.Binary b && b.op() == BinaryOp.TIMES) {
      if (isAdjoint(b.left())) {
        return ((Expr.VarRef) b.left()).variable();
      }
      if (isAdjoint(b.right())) {
        return ((Expr.VarRef) b.right()).variable();
      }
    }
    return null;
  }

  private static boolean isAdjoint(Expr e) {
    return e instanceof Expr.VarRef r && r.variable().origin() == Variable.Origin.ADJOINT
        && r.variable().type().kind() == IrType.Kind.DOUBLE;
  }
}
