package dev.adjoint.processor.forward;

import com.sun.source.tree.Tree;
import dev.adjoint.processor.abi.TangentAbi;
import dev.adjoint.processor.analysis.Activity;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.ir.AdjointOnly;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Rewrite;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.AdjointCallRule;
import dev.adjoint.processor.rules.DerivativeRule;
import dev.adjoint.processor.rules.RuleTable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Forward-mode (tangent) transformation, IR to IR: each assignment to an active variable (or
 * element of an active array) is preceded by the assignment of its tangent, computed from the
 * primal values before the assignment; arrays get tangent arrays of their shape; loops, branches,
 * early returns and jumps are kept as they are. No tape: one sweep.
 *
 * <p>A call to a method whose derivative Adjoint generates is lifted into a temporary assigned
 * from the callee's tangent entry point ({@link TangentAbi}, an {@link Expr.TangentCall}), which returns the value and stores
 * the tangent; a conditional expression holding such a call becomes an {@code if}, so that the
 * callee runs only where the original runs it.
 */
public final class TangentTransform implements Stmt.Visitor<List<Stmt>> {
  private final MethodIr ir;
  private final Activity activity;
  private final RuleTable rules;
  private final Map<Variable, Variable> tangents = new IdentityHashMap<>();
  private final List<Variable> introduced = new ArrayList<>();
  private final Set<AdjointCallRule> callees = new LinkedHashSet<>();
  private final Map<Expr, Tree> origins = new IdentityHashMap<>();
  private final TangentExpressions expressions;
  private final List<Stmt> buffers = new ArrayList<>();
  private Variable scalarBuffer;
  private Variable arrayBuffer;

  private TangentTransform(MethodIr ir, Activity activity, RuleTable rules,
      MethodProblems problems) {
    this.ir = ir;
    this.activity = activity;
    this.rules = rules;
    this.expressions = new TangentExpressions(rules, problems, tangents::get, origins);
  }

  /**
   * The tangent IR of {@code ir}, whose activity is {@code activity}. Directions are named
   * {@code d} + the parameter's name, avoiding {@code reservedNames} (every identifier the
   * method's source uses).
   */
  public static TangentIr transform(MethodIr ir, Activity activity, RuleTable rules,
      MethodProblems problems, Set<String> reservedNames) {
    return new TangentTransform(ir, activity, rules, problems).run(reservedNames);
  }

  private TangentIr run(Set<String> reservedNames) {
    Set<String> taken = new java.util.HashSet<>(reservedNames);
    List<Variable> directions = new ArrayList<>();
    for (Variable p : ir.differentiated()) {
      String base = "d" + Character.toUpperCase(p.sourceName().charAt(0))
          + p.sourceName().substring(1);
      String name = base;
      for (int i = 2; !taken.add(name); i++) {
        name = base + i;
      }
      Variable direction = new Variable(name, p.type(), Variable.Origin.PARAMETER, null);
      directions.add(direction);
      tangents.put(p, direction);
    }
    String outName = "tangent";
    for (int i = 2; !taken.add(outName); i++) {
      outName = "tangent" + i;
    }
    Variable out = new Variable(outName, ir.result().type().isArray() ? IrType.DOUBLE_MATRIX
        : IrType.DOUBLE_ARRAY, Variable.Origin.PARAMETER, null);
    List<Variable> primal = new ArrayList<>(ir.locals());
    primal.add(ir.result());
    for (Variable v : primal) {
      if (v.type().carriesDerivative() && activity.isActive(v)) {
        tangents.put(v, local("d" + capitalize(v.sourceName()), v.type()));
      }
    }
    Variable tangentResult = tangents.get(ir.result());
    if (tangentResult == null) {
      tangentResult = local("dvalue", ir.result().type());
      tangents.put(ir.result(), tangentResult);
    }
    introduced.remove(tangentResult);
    List<Stmt> body = new ArrayList<>(transform(ir.body().stmts()));
    body.addAll(0, buffers);
    List<Variable> parameters = new ArrayList<>(ir.parameters());
    parameters.addAll(directions);
    List<Variable> differentiated = new ArrayList<>(ir.differentiated());
    differentiated.addAll(directions);
    List<Variable> locals = new ArrayList<>(ir.locals());
    locals.add(ir.result());
    locals.addAll(introduced);
    MethodIr tangent = new MethodIr(ir.element(), ir.tree(), ir.unit(), parameters,
        differentiated, locals, tangentResult,
        new Stmt.Block(ir.body().label(), body, ir.body().tree()));
    return new TangentIr(tangent, directions, out, ir.result(), tangentResult,
        List.copyOf(callees), origins);
  }

  private Variable local(String name, IrType type) {
    // TEMPORARY: part of the computation, named uniquely by the naming pass
    Variable v = new Variable(name, type, Variable.Origin.TEMPORARY, null);
    introduced.add(v);
    return v;
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private List<Stmt> transform(Stmt s) {
    return s.accept(this);
  }

  private Stmt.Block block(Stmt.Block b) {
    return new Stmt.Block(b.label(), transform(b.stmts()), b.tree());
  }

  private List<Stmt> transform(List<Stmt> stmts) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : stmts) {
      out.addAll(transform(s));
    }
    return out;
  }

  // ---------------------------------------------------------------------------- statements

  @Override
  public List<Stmt> visitAssign(Stmt.Assign a) {
    Variable tangent = tangents.get(a.target());
    if (tangent == null) {
      return List.of(a);
    }
    List<Stmt> out = new ArrayList<>();
    Expr value = lift(a.value(), out);
    // declared where the primal is: the reverse sweep treats an array's declaration as its one
    // definition
    boolean declares = a.declaration() || a.target().origin() == Variable.Origin.RESULT;
    out.add(new Stmt.Assign(tangent, tangentOrZero(value), declares, null));
    out.add(new Stmt.Assign(a.target(), value, a.declaration(), a.tree()));
    return out;
  }

  @Override
  public List<Stmt> visitArrayWrite(Stmt.ArrayWrite w) {
    Expr tangentArray = expressions.of(w.array());
    if (tangentArray == null) {
      return List.of(w);
    }
    List<Stmt> out = new ArrayList<>();
    Expr value = lift(w.value(), out);
    out.add(new Stmt.ArrayWrite(tangentArray, w.index(), tangentOrZero(value), null));
    out.add(new Stmt.ArrayWrite(w.array(), w.index(), value, w.tree()));
    return out;
  }

  /** The tangent of {@code value}, or zero (a fresh zero array for arrays). */
  private Expr tangentOrZero(Expr value) {
    Expr t = expressions.of(value);
    if (t != null) {
      return t;
    }
    if (value.type().isArray()) {
      return value instanceof Expr.NewArray n ? n : TangentExpressions.zerosLike(value);
    }
    return Expr.Literal.ofDouble(0);
  }

  @Override
  public List<Stmt> visitEval(Stmt.Eval node) {
    return List.of(node);
  }

  @Override
  public List<Stmt> visitBlock(Stmt.Block node) {
    return List.of(block(node));
  }

  @Override
  public List<Stmt> visitIf(Stmt.If i) {
    return List.of(new Stmt.If(i.condition(), block(i.thenPart()), block(i.elsePart()),
        i.tree()));
  }

  @Override
  public List<Stmt> visitLoop(Stmt.Loop l) {
    return List.of(new Stmt.Loop(l.label(), l.condition(), block(l.body()),
        transform(l.update()), l.testFirst(), l.counter(), l.tree()));
  }

  @Override
  public List<Stmt> visitBreak(Stmt.Break node) {
    return List.of(node);
  }

  @Override
  public List<Stmt> visitContinue(Stmt.Continue node) {
    return List.of(node);
  }

  @Override
  public List<Stmt> visitReturn(Stmt.Return node) {
    return List.of(node);
  }

  @Override
  public List<Stmt> visitThrow(Stmt.Throw node) {
    return List.of(node);
  }

  @Override
  public List<Stmt> visitAccumulate(Stmt.Accumulate node) {
    throw AdjointOnly.in("the tangent transformation", node);
  }

  @Override
  public List<Stmt> visitComment(Stmt.Comment node) {
    return List.of(node);
  }

  @Override
  public List<Stmt> visitPush(Stmt.Push node) {
    throw AdjointOnly.in("the tangent transformation", node);
  }

  @Override
  public List<Stmt> visitIncrement(Stmt.Increment node) {
    throw AdjointOnly.in("the tangent transformation", node);
  }

  @Override
  public List<Stmt> visitIndexLoop(Stmt.IndexLoop node) {
    throw AdjointOnly.in("the tangent transformation", node);
  }

  // ------------------------------------------------------------------------------- lifting

  /**
   * {@code e} with every call to a generated derivative, where a derivative flows, replaced by a
   * temporary holding its value, whose tangent the callee's tangent entry point gave;
   * statements computing them are appended to {@code out}.
   */
  private Expr lift(Expr e, List<Stmt> out) {
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
    Variable value = local("t", c.type());
    Variable tangent = local("dt", c.type());
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

  private Expr tangentCall(Expr.Call c, AdjointCallRule rule, List<Stmt> out) {
    List<Expr> directions = new ArrayList<>();
    boolean any = false;
    for (int i = 0; i < c.args().size(); i++) {
      Expr d = rule.differentiableIn(i) ? expressions.of(c.args().get(i)) : null;
      directions.add(d);
      any |= d != null;
    }
    if (!any) {
      return c; // no derivative flows in: the primal call
    }
    callees.add(rule);
    rules.require(rule);
    Variable buffer = buffer(c.type());
    List<Expr> args = TangentAbi.layout(rule.abi(), c.args(), i -> directions.get(i) != null
        ? directions.get(i)
        : c.args().get(i).type().isArray() ? TangentExpressions.zerosLike(c.args().get(i))
        : Expr.Literal.ofDouble(0), new Expr.VarRef(buffer));
    Expr.TangentCall call = new Expr.TangentCall(c.method(), args, c.type(), null);
    origins.put(call, c.tree());
    Variable value = local("t", c.type());
    Variable tangent = local("dt", c.type());
    tangents.put(value, tangent);
    out.add(new Stmt.Assign(value, call, false, null));
    out.add(new Stmt.Assign(tangent, new Expr.ArrayRead(new Expr.VarRef(buffer),
        Expr.Literal.ofInt(0), c.type(), null), false, null));
    return new Expr.VarRef(value);
  }

  /** The one-element array receiving callees' tangents of {@code type}, made once. */
  private Variable buffer(IrType type) {
    boolean array = type.isArray();
    Variable existing = array ? arrayBuffer : scalarBuffer;
    if (existing != null) {
      return existing;
    }
    IrType bufferType = array ? IrType.DOUBLE_MATRIX : IrType.DOUBLE_ARRAY;
    Variable buffer = local("tangentOut", bufferType);
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
