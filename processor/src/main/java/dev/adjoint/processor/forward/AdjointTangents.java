package dev.adjoint.processor.forward;

import com.sun.source.tree.Tree;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.ir.AdjointBody;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Namer;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.AdjointCallRule;
import dev.adjoint.processor.rules.RuleTable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Forward mode over one adjoint body, for the bodies that second order generates ({@code mHvp},
 * the tangent of an adjoint entry point): names that collide with nothing the body uses, the
 * tangents of the variables the caller fixes (directions, seed, accumulators), the activity of
 * the rest, and the transformation of the body's parts with one shared set of tangents.
 */
final class AdjointTangents {
  private final AdjointBody adjoint;
  private final Set<String> taken;
  private final Namer namer;
  private final Map<Variable, Variable> tangents = new IdentityHashMap<>();
  private final Map<Expr, Tree> origins = new IdentityHashMap<>();
  private List<AdjointCallRule> callees = List.of();
  private List<AdjointCallRule> adjointCallees = List.of();

  /**
   * @param parts every statement the generated body will run, in order: their names are taken
   * @param reservedNames every identifier the method's source uses
   */
  AdjointTangents(AdjointBody adjoint, List<Stmt> parts, Set<String> reservedNames) {
    this.adjoint = adjoint;
    this.taken = new HashSet<>(reservedNames);
    for (Stmt s : parts) {
      IrWalk.statements(s, n -> variables(n, v -> taken.add(adjoint.nameOf(v))));
    }
    adjoint.parameters().forEach(p -> taken.add(adjoint.nameOf(p)));
    taken.add(adjoint.tapeName());
    this.namer = new Namer(taken);
  }

  /** A new variable named {@code base}, or with the smallest free suffix. */
  Variable fresh(String base, IrType type) {
    return new Variable(namer.claim(base), type, Variable.Origin.SCRATCH, null);
  }

  /** Declares {@code tangent} the tangent of {@code v}. */
  void pair(Variable v, Variable tangent) {
    tangents.put(v, tangent);
  }

  /** The direction of parameter {@code p}: {@code d} and its capitalised name, as mTangent's. */
  Variable direction(Variable p) {
    String name = adjoint.nameOf(p);
    Variable d = fresh("d" + Character.toUpperCase(name.charAt(0)) + name.substring(1),
        p.type());
    pair(p, d);
    return d;
  }

  /** The tangent of {@code v}, or null when it has none. */
  Variable tangentOf(Variable v) {
    return tangents.get(v);
  }

  /** Every name the transformed body uses. */
  Set<String> taken() {
    Set<String> all = new HashSet<>(taken);
    all.addAll(namer.claimed());
    return all;
  }

  Map<Expr, Tree> origins() {
    return origins;
  }

  /** The methods whose tangent entry points (of either kind) the transformed parts call. */
  List<AdjointCallRule> callees() {
    return callees;
  }

  /** The methods whose tangent of the adjoint entry point the transformed parts call. */
  List<AdjointCallRule> adjointCallees() {
    return adjointCallees;
  }

  /**
   * Transforms {@code parts}, each a list of statements, in order; the first gains the
   * declarations the transformation needs. Variables that depend on those already paired, and
   * whose tangents the tangents of {@code outputs} need, get tangents ({@code name} and
   * {@code Dot}).
   */
  List<List<Stmt>> transform(List<List<Stmt>> parts, Collection<Variable> outputs,
      RuleTable rules, MethodProblems problems) {
    List<Stmt> all = new ArrayList<>();
    parts.forEach(all::addAll);
    Set<Variable> needed = AdjointNeeds.of(all, outputs);
    Set<Variable> declared = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Stmt s : all) {
      IrWalk.statements(s, n -> {
        if (n instanceof Stmt.Assign a && a.declaration()) {
          declared.add(a.target());
        }
      });
    }
    List<Stmt> hoisted = new ArrayList<>();
    for (Variable v : AdjointActivity.of(all, List.copyOf(tangents.keySet()))) {
      if (!tangents.containsKey(v) && needed.contains(v)) {
        Variable t = fresh(adjoint.nameOf(v) + "Dot", v.type());
        pair(v, t);
        if (!declared.contains(v)) {
          // an active variable the body does not declare: a parameter nothing differentiates
          hoisted.add(new Stmt.Assign(t, v.type().isArray()
              ? TangentExpressions.zerosLike(new Expr.VarRef(v)) : Expr.Literal.ofDouble(0),
              true, null));
        }
      }
    }
    TangentExpressions expressions = new TangentExpressions(rules, problems, tangents::get,
        origins);
    List<Stmt> locals = new ArrayList<>();
    List<Variable> buffers = new ArrayList<>();
    GeneratedCalls calls = new GeneratedCalls(rules, expressions, tangents, (base, type) -> {
      Variable v = fresh(base, type);
      locals.add(new Stmt.Assign(v, type.isArray() ? Expr.Literal.ofNull()
          : Expr.Literal.ofDouble(0), true, null));
      return v;
    }, origins);
    AdjointTangentTransform transform = new AdjointTangentTransform(tangents, expressions,
        namer, new PullbackTangent(rules, expressions),
        new AdjointCallTangent(rules, expressions, calls), calls);
    List<List<Stmt>> out = new ArrayList<>();
    for (List<Stmt> part : parts) {
      out.add(new ArrayList<>(transform.transform(part)));
    }
    for (Stmt buffer : calls.buffers()) {
      buffers.add(((Stmt.Assign) buffer).target()); // declared by its own assignment
    }
    locals.removeIf(l -> buffers.contains(((Stmt.Assign) l).target()));
    List<Stmt> first = out.get(0);
    first.addAll(0, hoisted);
    first.addAll(0, locals);
    first.addAll(0, calls.buffers());
    callees = calls.callees();
    adjointCallees = calls.adjointCallees();
    return out;
  }

  /** Every variable {@code s} names directly: read, assigned, counted or declared. */
  private static void variables(Stmt s, Consumer<Variable> out) {
    if (s instanceof Stmt.Assign a) {
      out.accept(a.target());
    } else if (s instanceof Stmt.Increment i) {
      out.accept(i.counter());
    } else if (s instanceof Stmt.IndexLoop l) {
      out.accept(l.index());
    } else if (s instanceof Stmt.Loop l && l.counter() != null) {
      out.accept(l.counter().variable());
    }
    IrWalk.ownExpressions(s, e -> IrWalk.expressions(e, n -> {
      if (n instanceof Expr.VarRef r) {
        out.accept(r.variable());
      }
    }));
  }
}
