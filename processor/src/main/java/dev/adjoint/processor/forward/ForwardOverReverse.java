package dev.adjoint.processor.forward;

import com.sun.source.tree.Tree;
import dev.adjoint.processor.analysis.Activity;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.ir.AdjointBody;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.HvpBody;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Namer;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.AdjointCallRule;
import dev.adjoint.processor.rules.RuleTable;
import dev.adjoint.processor.transform.ReverseTransform;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Second order as <em>forward over reverse</em>: the method's adjoint body (the gradient's,
 * tape and checkpoints included), seeded with 1, then forward mode over it along the vector
 * {@code v} ({@link AdjointTangentTransform}). The adjoints are the gradient, and their tangents
 * are its directional derivative along {@code v}, that is {@code H·v}: one sweep each way with
 * every value paired with its tangent, a small multiple of one gradient.
 */
public final class ForwardOverReverse {
  private ForwardOverReverse() {}

  /**
   * What forward over reverse made.
   *
   * @param body the body of {@code mHvp}
   * @param callees the methods whose tangent entry points the body calls
   * @param origins for each such call, the source call it comes from, when known
   */
  public record Result(HvpBody body, List<AdjointCallRule> callees, Map<Expr, Tree> origins) {}

  /**
   * The body of {@code ir}'s {@code mHvp}, or null after an error. {@code tangent} is the
   * method's tangent IR, on which the first derivatives it uses are checked; {@code activity} is
   * {@code ir}'s, {@code reservedNames} every identifier its source uses.
   */
  public static Result transform(MethodIr ir, Activity activity, TangentIr tangent,
      RuleTable rules, MethodProblems problems, Set<String> reservedNames,
      Set<String> reservedLabels, int checkpointEvery) {
    if (!SecondOrderRules.check(tangent, rules, problems)) {
      return null;
    }
    AdjointBody adjoint = ReverseTransform.transform(ir, activity, rules, problems,
        reservedNames, reservedLabels, checkpointEvery);
    if (problems.any()) {
      return null;
    }
    return build(adjoint, rules, problems, reservedNames);
  }

  private static Result build(AdjointBody adjoint, RuleTable rules, MethodProblems problems,
      Set<String> reservedNames) {
    Set<String> taken = new HashSet<>(reservedNames);
    List<Stmt> setup = new ArrayList<>();
    for (int k = 0; k < adjoint.differentiated().size(); k++) {
      Variable p = adjoint.differentiated().get(k);
      Variable a = adjoint.parameterAdjoints().get(k);
      if (p.type().isArray() && a != null) {
        setup.add(new Stmt.Assign(a, TangentExpressions.zerosLike(new Expr.VarRef(p)), true,
            null));
      }
    }
    List<Stmt> reverse = new ArrayList<>();
    reverse.add(new Stmt.Assign(adjoint.resultAdjoint(), Expr.Literal.ofDouble(1.0), true,
        null));
    reverse.addAll(adjoint.reverse());
    List<Stmt> forward = new ArrayList<>(adjoint.prologue());
    forward.addAll(adjoint.forward());
    List<Stmt> all = new ArrayList<>(setup);
    all.addAll(forward);
    all.addAll(reverse);
    Set<Variable> declared = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Stmt s : all) {
      IrWalk.statements(s, n -> {
        variables(n, v -> taken.add(adjoint.nameOf(v)));
        if (n instanceof Stmt.Assign a && a.declaration()) {
          declared.add(a.target());
        }
      });
    }
    adjoint.parameters().forEach(p -> taken.add(adjoint.nameOf(p)));
    taken.add(adjoint.tapeName());
    Namer namer = new Namer(taken);
    Map<Expr, Tree> origins = new IdentityHashMap<>();
    Map<Variable, Variable> tangents = new IdentityHashMap<>();
    List<Variable> directions = new ArrayList<>();
    for (Variable p : adjoint.differentiated()) {
      String name = adjoint.nameOf(p);
      Variable d = new Variable(namer.claim("d" + Character.toUpperCase(name.charAt(0))
          + name.substring(1)), p.type(), Variable.Origin.SCRATCH, null);
      directions.add(d);
      tangents.put(p, d);
    }
    for (Variable v : AdjointActivity.of(all, adjoint.differentiated())) {
      if (!tangents.containsKey(v)) {
        tangents.put(v, tangentVariable(v, adjoint, namer));
        if (!declared.contains(v)) {
          // an active parameter nothing differentiates (assigned an active value later)
          setup.add(new Stmt.Assign(tangents.get(v), v.type().isArray()
              ? TangentExpressions.zerosLike(new Expr.VarRef(v)) : Expr.Literal.ofDouble(0),
              true, null));
        }
      }
    }
    TangentExpressions expressions = new TangentExpressions(rules, problems, tangents::get,
        origins);
    List<Stmt> hoisted = new ArrayList<>();
    GeneratedCalls calls = new GeneratedCalls(rules, expressions, tangents, (base, type) -> {
      Variable v = new Variable(namer.claim(base), type, Variable.Origin.SCRATCH, null);
      hoisted.add(new Stmt.Assign(v, type.isArray() ? Expr.Literal.ofNull()
          : Expr.Literal.ofDouble(0), true, null));
      return v;
    }, origins);
    AdjointTangentTransform transform = new AdjointTangentTransform(tangents, expressions,
        namer, new PullbackTangent(rules, expressions), new AdjointCallTangent(), calls);
    List<Stmt> tangentSetup = new ArrayList<>(transform.transform(setup));
    List<Stmt> tangentForward = transform.transform(forward);
    List<Stmt> tangentReverse = transform.transform(reverse);
    List<Variable> products = new ArrayList<>();
    for (Variable a : adjoint.parameterAdjoints()) {
      products.add(a == null ? null : tangents.get(a));
    }
    for (Stmt buffer : calls.buffers()) {
      // declared by its own assignment
      hoisted.removeIf(h -> ((Stmt.Assign) h).target() == ((Stmt.Assign) buffer).target());
    }
    tangentSetup.addAll(0, hoisted);
    tangentSetup.addAll(0, calls.buffers());
    taken.addAll(namer.claimed());
    return new Result(new HvpBody(tangentSetup, tangentForward, adjoint.result(),
        tangentReverse, adjoint.parameters(), adjoint.differentiated(), directions,
        adjoint.parameterAdjoints(), products, adjoint.tapeUse(), adjoint.tape(),
        adjoint.names(), taken), calls.callees(), origins);
  }

  /**
   * A new variable for the tangent of {@code v}: its name and {@code Dot} (the vector's parts,
   * parameters of the API, are named {@code d} and the parameter's name, as in mTangent).
   */
  private static Variable tangentVariable(Variable v, AdjointBody adjoint, Namer namer) {
    return new Variable(namer.claim(adjoint.nameOf(v) + "Dot"), v.type(),
        Variable.Origin.SCRATCH, null);
  }

  /** Every variable {@code s} names directly: read, assigned, counted or declared. */
  private static void variables(Stmt s, java.util.function.Consumer<Variable> out) {
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
