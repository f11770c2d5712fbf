package dev.adjoint.processor.forward;

import com.sun.source.tree.Tree;
import dev.adjoint.processor.abi.TangentAbi;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Rewrite;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.AdjointCallRule;
import dev.adjoint.processor.rules.DerivativeRule;
import dev.adjoint.processor.rules.RuleTable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Lifts the calls of an expression to methods whose derivatives Adjoint generates, where a
 * derivative flows in, into temporaries assigned from the callee's tangent entry point
 * ({@link TangentAbi}, an {@link Expr.TangentCall}), which returns the value and stores the
 * tangent; a conditional expression holding such a call becomes an {@code if}, so that the
 * callee runs only where the original runs it. Shared by the tangent of a method and forward over
 * reverse.
 */
final class GeneratedCalls {
  private final RuleTable rules;
  private final TangentExpressions expressions;
  private final Map<Variable, Variable> tangents;
  private final BiFunction<String, IrType, Variable> local;
  private final Map<Expr, Tree> origins;
  private final Set<AdjointCallRule> callees = new LinkedHashSet<>();
  private final Set<AdjointCallRule> adjointCallees = new LinkedHashSet<>();
  private final List<Stmt> buffers = new ArrayList<>();
  private Variable scalarBuffer;
  private Variable arrayBuffer;

  /**
   * @param tangents the tangents of variables, to which the temporaries' are added
   * @param local makes a new local from a base name and a type
   * @param origins receives, for each call built, the source call it comes from
   */
  GeneratedCalls(RuleTable rules, TangentExpressions expressions,
      Map<Variable, Variable> tangents, BiFunction<String, IrType, Variable> local,
      Map<Expr, Tree> origins) {
    this.rules = rules;
    this.expressions = expressions;
    this.tangents = tangents;
    this.local = local;
    this.origins = origins;
  }

  /** The methods whose tangent entry points the lifted calls call. */
  List<AdjointCallRule> callees() {
    return List.copyOf(callees);
  }

  /** The methods whose tangent of the adjoint entry point the code calls, a part of those. */
  List<AdjointCallRule> adjointCallees() {
    return List.copyOf(adjointCallees);
  }

  /** Records that the generated code calls the tangent of {@code rule}'s adjoint entry point. */
  void requireAdjoint(AdjointCallRule rule) {
    callees.add(rule);
    adjointCallees.add(rule);
    rules.require(rule);
  }

  /** The declarations of the buffers receiving callees' tangents, for the top of the body. */
  List<Stmt> buffers() {
    return List.copyOf(buffers);
  }

  /** The tangent of {@code value}, or zero (a fresh zero array for arrays). */
  Expr tangentOrZero(Expr value) {
    Expr t = expressions.of(value);
    if (t != null) {
      return t;
    }
    if (value.type().isArray()) {
      return value instanceof Expr.NewArray n ? n : TangentExpressions.zerosLike(value);
    }
    return Expr.Literal.ofDouble(0);
  }

  /**
   * {@code e} with every call to a generated derivative, where a derivative flows, replaced by a
   * temporary holding its value, whose tangent the callee's tangent entry point gave;
   * statements computing them are appended to {@code out}.
   */
  Expr lift(Expr e, List<Stmt> out) {
    if (!e.type().carriesDerivative() || !callsGenerated(e)) {
      return e;
    }
    if (e instanceof Expr.Conditional c) {
      return liftConditional(c, out);
    }
    Expr lifted = Rewrite.operands(e, operand -> lift(operand, out));
    if (lifted instanceof Expr.Call c && generatedRule(c).isPresent()) {
      return tangentCall(c, generatedRule(c).get(), out);
    }
    return lifted;
  }

  private Expr liftConditional(Expr.Conditional c, List<Stmt> out) {
    Variable value = local.apply("t", c.type());
    Variable tangent = local.apply("dt", c.type());
    tangents.put(value, tangent);
    List<Stmt> whenTrue = new ArrayList<>();
    Expr a = lift(c.whenTrue(), whenTrue);
    whenTrue.add(new Stmt.Assign(tangent, tangentOrZero(a), false, null));
    whenTrue.add(new Stmt.Assign(value, a, false, null));
    List<Stmt> whenFalse = new ArrayList<>();
    Expr b = lift(c.whenFalse(), whenFalse);
    whenFalse.add(new Stmt.Assign(tangent, tangentOrZero(b), false, null));
    whenFalse.add(new Stmt.Assign(value, b, false, null));
    out.add(new Stmt.If(c.condition(), new Stmt.Block(null, whenTrue, null),
        new Stmt.Block(null, whenFalse, null), null));
    return new Expr.VarRef(value);
  }

  /** Whether {@code c} calls a helper that may write into its array arguments. */
  boolean writes(Expr.Call c) {
    return generatedRule(c).isPresent()
        && dev.adjoint.processor.analysis.WritingCalls.writes(c, rules);
  }

  /**
   * The tangent of {@code c}, a call that may write into its array arguments, standing as a
   * statement or as the whole value of an assignment ({@code rhs(y, dydt);},
   * {@code r = f(x, out);}): the callee's tangent entry point takes the tangent array of each
   * argument (the shadow holding the tangents of its elements, same references) and writes into
   * it the tangents of what it writes. Appends the statements to {@code out}; returns the value
   * (a temporary whose tangent is known), or null for a void helper.
   */
  Expr liftWriting(Expr.Call c, List<Stmt> out) {
    Expr lifted = Rewrite.operands(c, operand -> lift(operand, out));
    Expr.Call call = (Expr.Call) lifted;
    AdjointCallRule rule = generatedRule(call).orElseThrow();
    if (call.type().kind() != IrType.Kind.VOID) {
      return tangentCall(call, rule, out);
    }
    // a void helper's tangent entry point returns 0, as its adjoint does
    Expr.TangentCall tangent = tangentCallOf(call, rule, IrType.DOUBLE);
    out.add(new Stmt.Eval(tangent != null ? tangent : call, null));
    return null;
  }

  private Expr tangentCall(Expr.Call c, AdjointCallRule rule, List<Stmt> out) {
    Expr.TangentCall call = tangentCallOf(c, rule, c.type());
    if (call == null) {
      return c; // no derivative flows in: the primal call
    }
    Variable buffer = buffer(c.type());
    Variable value = local.apply("t", c.type());
    Variable tangent = local.apply("dt", c.type());
    tangents.put(value, tangent);
    out.add(new Stmt.Assign(value, call, false, null));
    out.add(new Stmt.Assign(tangent, new Expr.ArrayRead(new Expr.VarRef(buffer),
        Expr.Literal.ofInt(0), c.type(), null), false, null));
    return new Expr.VarRef(value);
  }

  /**
   * The call of {@code c}'s tangent entry point, typed {@code type}, storing into the buffer of
   * {@code type}; null when no derivative flows in.
   */
  private Expr.TangentCall tangentCallOf(Expr.Call c, AdjointCallRule rule, IrType type) {
    List<Expr> directions = new ArrayList<>();
    boolean any = false;
    for (int i = 0; i < c.args().size(); i++) {
      Expr d = rule.differentiableIn(i) ? expressions.of(c.args().get(i)) : null;
      directions.add(d);
      any |= d != null;
    }
    if (!any) {
      return null;
    }
    callees.add(rule);
    rules.require(rule);
    Variable buffer = buffer(type);
    List<Expr> args = TangentAbi.layout(rule.abi(), c.args(), i -> directions.get(i) != null
        ? directions.get(i)
        : c.args().get(i).type().isArray() ? TangentExpressions.zerosLike(c.args().get(i))
        : Expr.Literal.ofDouble(0), new Expr.VarRef(buffer));
    Expr.TangentCall call = new Expr.TangentCall(c.method(), args, type, null);
    origins.put(call, c.tree());
    return call;
  }

  /** The one-element array receiving callees' tangents of {@code type}, made once. */
  private Variable buffer(IrType type) {
    boolean array = type.isArray();
    Variable existing = array ? arrayBuffer : scalarBuffer;
    if (existing != null) {
      return existing;
    }
    IrType bufferType = array ? IrType.DOUBLE_MATRIX : IrType.DOUBLE_ARRAY;
    Variable buffer = local.apply("tangentOut", bufferType);
    buffers.add(new Stmt.Assign(buffer,
        new Expr.NewArray(bufferType, List.of(Expr.Literal.ofInt(1)), null), true, null));
    if (array) {
      arrayBuffer = buffer;
    } else {
      scalarBuffer = buffer;
    }
    return buffer;
  }

  private Optional<AdjointCallRule> generatedRule(Expr.Call c) {
    if (c.receiver() != null) {
      return Optional.empty();
    }
    Optional<DerivativeRule> rule = rules.ruleFor(c.method());
    return rule.filter(AdjointCallRule.class::isInstance).map(AdjointCallRule.class::cast);
  }

  private boolean callsGenerated(Expr e) {
    boolean[] found = {false};
    IrWalk.expressions(e, n -> found[0] |= n instanceof Expr.Call c
        && generatedRule(c).isPresent());
    return found[0];
  }
}
