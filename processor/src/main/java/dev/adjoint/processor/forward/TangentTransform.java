package dev.adjoint.processor.forward;

import com.sun.source.tree.Tree;
import dev.adjoint.processor.analysis.Activity;
import dev.adjoint.processor.analysis.WritingCalls;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.ir.AdjointOnly;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.RuleTable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Forward-mode (tangent) transformation, IR to IR: each assignment to an active variable (or
 * element of an active array) is preceded by the assignment of its tangent, computed from the
 * primal values before the assignment; arrays get tangent arrays of their shape; loops, branches,
 * early returns and jumps are kept as they are. No tape: one sweep.
 *
 * <p>A call to a method whose derivative Adjoint generates is lifted into a temporary assigned
 * from the callee's tangent entry point ({@link GeneratedCalls}).
 */
public final class TangentTransform implements Stmt.Visitor<List<Stmt>> {
  private final MethodIr ir;
  private final Activity activity;
  private final Map<Variable, Variable> tangents = new IdentityHashMap<>();
  private final List<Variable> introduced = new ArrayList<>();
  private final Map<Expr, Tree> origins = new IdentityHashMap<>();
  private final TangentExpressions expressions;
  private final GeneratedCalls calls;
  private final RuleTable rules;

  private TangentTransform(MethodIr ir, Activity activity, RuleTable rules,
      MethodProblems problems) {
    this.ir = ir;
    this.activity = activity;
    this.rules = rules;
    this.expressions = new TangentExpressions(rules, problems, tangents::get, origins);
    this.calls = new GeneratedCalls(rules, expressions, tangents, this::local, origins);
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
    body.addAll(0, calls.buffers());
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
        calls.callees(), origins);
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
    Expr.Call writing = WritingCalls.of(a, rules);
    if (tangent == null && writing != null) {
      // the value carries no derivative, what the helper writes may
      List<Stmt> out = new ArrayList<>();
      out.add(new Stmt.Assign(a.target(), calls.liftWriting(writing, out), a.declaration(),
          a.tree()));
      return out;
    }
    if (tangent == null) {
      return List.of(a);
    }
    List<Stmt> out = new ArrayList<>();
    Expr value = calls.lift(a.value(), out);
    // declared where the primal is: the reverse sweep treats an array's declaration as its one
    // definition
    boolean declares = a.declaration() || a.target().origin() == Variable.Origin.RESULT;
    Expr t = tangentOrZero(value);
    Expr fromResult = CallResultTangents.afterPrimal(a.target(), value, t);
    if (fromResult != null) {
      out.add(new Stmt.Assign(a.target(), value, a.declaration(), a.tree()));
      out.add(new Stmt.Assign(tangent, fromResult, declares, null));
      return out;
    }
    out.add(new Stmt.Assign(tangent, t, declares, null));
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
    Expr value = calls.lift(w.value(), out);
    out.add(new Stmt.ArrayWrite(tangentArray, w.index(), tangentOrZero(value), null));
    out.add(new Stmt.ArrayWrite(w.array(), w.index(), value, w.tree()));
    return out;
  }

  private Expr tangentOrZero(Expr value) {
    return calls.tangentOrZero(value);
  }

  @Override
  public List<Stmt> visitEval(Stmt.Eval node) {
    Expr.Call writing = WritingCalls.of(node, rules);
    if (writing == null) {
      return List.of(node);
    }
    List<Stmt> out = new ArrayList<>();
    Expr value = calls.liftWriting(writing, out); // a value is held in a temporary, unread
    if (value instanceof Expr.Call primal) {
      out.add(new Stmt.Eval(primal, node.tree())); // no derivative flows in: it still writes
    }
    return out;
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
}
