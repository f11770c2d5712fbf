package dev.adjoint.processor.normalize;

import dev.adjoint.processor.analysis.WritingCalls;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Rewrite;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.StmtRewrite;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.AdjointCallRule;
import dev.adjoint.processor.rules.ReturnedArgument;
import dev.adjoint.processor.rules.RuleTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Calls of helpers that return an array they received ({@code rowOf(m, i)} returning
 * {@code m[i]}, {@code clip(v)} writing into {@code v} and returning it; see
 * {@link dev.adjoint.processor.frontend.ReturnedArguments}) become what they return: an alias of
 * the caller's own array, whose shadow is the caller's shadow of it, as Enzyme treats a returned
 * pointer. A helper whose body is that one {@code return} is not called at all:
 * {@code rowOf(m, i)} reads {@code m[i]} wherever it stands. Any other such helper (one that
 * writes into its arrays, see {@link WritingCalls}; one that may throw or do more) stays a call,
 * as a statement of its own, followed by the alias: {@code double[] y = clip(t, c);} becomes
 * {@code clip(t, c); double[] y = t;}. The argument the alias reads again after the call must be
 * a variable (or a constant index), which the call cannot change. Any other call of such a
 * helper is left as it is, and the activity analysis reports it.
 */
public final class ReturnedArgumentCalls {
  private final RuleTable rules;
  private final ReturnedCallLifting lifting;
  private boolean changed;

  private ReturnedArgumentCalls(RuleTable rules) {
    this.rules = rules;
    this.lifting = new ReturnedCallLifting(
        c -> pureAlias(c) == null ? returned(c) : Optional.empty(), this::expr);
  }

  /** {@code ir} with such calls replaced; {@code ir} itself when there is none. */
  public static MethodIr apply(MethodIr ir, RuleTable rules) {
    ReturnedArgumentCalls pass = new ReturnedArgumentCalls(rules);
    List<Stmt> body = pass.list(ir.body().stmts());
    if (!pass.changed) {
      return ir;
    }
    List<Variable> locals = new ArrayList<>(ir.locals());
    locals.addAll(pass.lifting.temporaries());
    return new MethodIr(ir.element(), ir.tree(), ir.unit(), ir.parameters(), ir.differentiated(),
        locals, ir.result(), new Stmt.Block(ir.body().label(), body, ir.body().tree()));
  }

  private List<Stmt> list(List<Stmt> stmts) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt original : stmts) {
      Stmt s = lifting.lift(original, out);
      changed |= s != original;
      if (!wholeCall(s, out)) {
        out.add(StmtRewrite.apply(s, this::expr, this::list));
      }
    }
    return out;
  }

  /**
   * {@code y = f(a, …);} or {@code f(a, …);} of a helper returning an argument: {@code y = a;}
   * when the call does nothing else, otherwise the call as a statement of its own (a writing
   * call, see {@link WritingCalls}; or one evaluated for what else it does) followed by
   * {@code y = a;}. False when {@code s} is not such a statement or its argument is not a
   * variable that the alias can read again after the call.
   */
  private boolean wholeCall(Stmt s, List<Stmt> out) {
    Expr value = s instanceof Stmt.Eval e ? e.expr()
        : s instanceof Stmt.Assign a && a.target().type().isArray() ? a.value() : null;
    if (!(value instanceof Expr.Call c)) {
      return false;
    }
    Optional<ReturnedArgument> returned = returned(c);
    if (returned.isEmpty()) {
      return false;
    }
    Expr.Call call = withArguments(c);
    Expr alias = pureAlias(call);
    if (alias == null && s instanceof Stmt.Assign a && !rereadable(call, returned.get())) {
      // a row at a computed index: held in a temporary before the call
      List<Stmt> held = new ArrayList<>();
      Expr reread = lifting.called(call, returned.get(), held);
      if (reread == null) {
        return false;
      }
      changed = true;
      out.addAll(held);
      out.add(new Stmt.Assign(a.target(), reread, a.declaration(), a.tree()));
      return true;
    }
    changed = true;
    if (alias == null || s instanceof Stmt.Eval && !(alias instanceof Expr.VarRef)) {
      // evaluated for what it does (writes, effects, an exception), its result discarded
      out.add(new Stmt.Eval(call, s.tree()));
    }
    if (s instanceof Stmt.Assign a) {
      out.add(new Stmt.Assign(a.target(), alias != null ? alias : alias(call, returned.get()),
          a.declaration(), a.tree()));
    }
    return true;
  }

  /** {@code c} with its arguments rewritten; {@code c} itself when none changes. */
  private Expr.Call withArguments(Expr.Call c) {
    List<Expr> args = c.args().stream().map(this::expr).toList();
    boolean same = true;
    for (int k = 0; k < args.size(); k++) {
      same &= args.get(k) == c.args().get(k);
    }
    return same ? c : new Expr.Call(c.method(), c.receiver(), args, c.type(), c.tree());
  }

  /** {@code e} with every call of a pure helper returning an argument replaced by it. */
  private Expr expr(Expr e) {
    Expr rewritten = Rewrite.operands(e, this::expr);
    changed |= rewritten != e;
    Expr alias = rewritten instanceof Expr.Call c ? pureAlias(c) : null;
    if (alias != null) {
      changed = true;
      return alias;
    }
    return rewritten;
  }

  /** What a call of a pure helper returning an argument stands for, or null. */
  private Expr pureAlias(Expr.Call c) {
    Optional<ReturnedArgument> returned = returned(c);
    if (returned.isEmpty() || !returned.get().onlyReturns() || WritingCalls.writes(c, rules)
        || rules.mayHaveEffects(c.method())) {
      return null;
    }
    return droppable(c, returned.get()) ? alias(c, returned.get()) : null;
  }

  private Optional<ReturnedArgument> returned(Expr.Call c) {
    if (c.receiver() != null || !c.type().isArray()
        || c.args().size() != c.method().getParameters().size()
        || !(rules.ruleFor(c.method()).orElse(null) instanceof AdjointCallRule)) {
      return Optional.empty();
    }
    return rules.returnedArgument(c.method());
  }

  /** What the call returns, read from its arguments. */
  public static Expr alias(Expr.Call c, ReturnedArgument r) {
    Expr array = c.args().get(r.array());
    if (!r.isRow()) {
      return array;
    }
    Expr index = r.indexParameter() >= 0 ? c.args().get(r.indexParameter())
        : Expr.Literal.ofInt(r.constantIndex());
    return new Expr.ArrayRead(array, index, c.type(), c.tree());
  }

  /**
   * Whether the arguments the alias does not read can be left out (variables and constants:
   * evaluating them does nothing) and those it reads hold no call, so that reading them in the
   * alias's order does what the call's order did.
   */
  private static boolean droppable(Expr.Call c, ReturnedArgument r) {
    for (int k = 0; k < c.args().size(); k++) {
      Expr arg = c.args().get(k);
      boolean used = k == r.array() || k == r.indexParameter();
      if (used ? !callFree(arg) : !isVariableOrConstant(arg)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the arguments the alias reads give, after the call, what they gave before it. */
  private static boolean rereadable(Expr.Call c, ReturnedArgument r) {
    return (c.args().get(r.array()) instanceof Expr.VarRef || rowOfVariable(c, r.array()))
        && (r.indexParameter() < 0 || isVariableOrConstant(c.args().get(r.indexParameter())));
  }

  /**
   * Whether argument {@code k} is a row {@code m[i]} of a matrix variable at a variable or
   * constant index, and no argument is a matrix: the helper then cannot point that row of the
   * caller's matrix elsewhere, so {@code m[i]} after the call is the row it received.
   */
  private static boolean rowOfVariable(Expr.Call c, int k) {
    if (!(c.args().get(k) instanceof Expr.ArrayRead row && row.array() instanceof Expr.VarRef
        && isVariableOrConstant(row.index()))) {
      return false;
    }
    return c.args().stream().noneMatch(a -> a.type().isArray() && a.type().elementType()
        .isArray());
  }

  private static boolean isVariableOrConstant(Expr e) {
    return e instanceof Expr.VarRef || e instanceof Expr.Literal;
  }

  private static boolean callFree(Expr e) {
    if (e instanceof Expr.VarRef || e instanceof Expr.Literal) {
      return true;
    }
    if (e instanceof Expr.ArrayRead a) {
      return callFree(a.array()) && callFree(a.index());
    }
    if (e instanceof Expr.Binary b) {
      return callFree(b.left()) && callFree(b.right());
    }
    if (e instanceof Expr.Unary u) {
      return callFree(u.operand());
    }
    return e instanceof Expr.Cast cast && callFree(cast.operand());
  }
}
