package dev.adjoint.processor.normalize;

import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.analysis.ArrayAliases;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.ir.AdjointOnly;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A flow-sensitive may-point-to analysis of which parameter arrays (or rows of them) each array
 * variable may refer to, over the structured IR; it reports every element write through a name
 * other than the parameter's own that may reach a parameter's array. Loops iterate to a
 * fixpoint; jumps are handled conservatively, by letting every state inside a loop or labelled
 * block reach what follows it.
 */
final class ParameterPointsTo {
  private static final String STAGE = "the parameter points-to analysis";

  private final Set<Variable> parameters;
  private final MethodProblems problems;
  private final Deque<Map<Variable, Set<Variable>>> seen = new ArrayDeque<>();
  private final Set<Stmt> reported = java.util.Collections.newSetFromMap(
      new java.util.IdentityHashMap<>());

  ParameterPointsTo(Set<Variable> parameters, MethodProblems problems) {
    this.parameters = parameters;
    this.problems = problems;
  }

  void check(Stmt.Block body) {
    Map<Variable, Set<Variable>> entry = new HashMap<>();
    for (Variable p : parameters) {
      entry.put(p, Set.of(p));
    }
    walk(body, entry);
  }

  private Map<Variable, Set<Variable>> walk(Stmt s, Map<Variable, Set<Variable>> in) {
    Map<Variable, Set<Variable>> out = s.accept(new Walk(in));
    for (Map<Variable, Set<Variable>> frame : seen) {
      join(frame, out);
    }
    return out;
  }

  private static Set<Variable> pointees(Expr value, Map<Variable, Set<Variable>> state) {
    Set<Variable> out = new HashSet<>();
    for (Variable v : ArrayAliases.sources(value)) {
      out.addAll(state.getOrDefault(v, Set.of()));
    }
    return out;
  }

  private static void join(Map<Variable, Set<Variable>> into, Map<Variable, Set<Variable>> from) {
    from.forEach((v, p) -> into.merge(v, p, (a, b) -> {
      Set<Variable> u = new HashSet<>(a);
      u.addAll(b);
      return u;
    }));
  }

  private static Map<Variable, Set<Variable>> joined(Map<Variable, Set<Variable>> a,
      Map<Variable, Set<Variable>> b) {
    Map<Variable, Set<Variable>> out = new HashMap<>(a);
    join(out, b);
    return out;
  }

  private final class Walk implements Stmt.Visitor<Map<Variable, Set<Variable>>> {
    private final Map<Variable, Set<Variable>> in;

    Walk(Map<Variable, Set<Variable>> in) {
      this.in = in;
    }

    @Override
    public Map<Variable, Set<Variable>> visitAssign(Stmt.Assign a) {
      if (!a.target().type().isArray()) {
        return in;
      }
      Map<Variable, Set<Variable>> out = new HashMap<>(in);
      out.put(a.target(), pointees(a.value(), in));
      return out;
    }

    @Override
    public Map<Variable, Set<Variable>> visitArrayWrite(Stmt.ArrayWrite w) {
      Variable root = IrWalk.root(w.array());
      if (root == null) {
        return in;
      }
      Set<Variable> reached = in.getOrDefault(root, Set.of());
      if (!reached.isEmpty() && !parameters.contains(root) && reported.add(w)) {
        Variable p = reached.iterator().next();
        problems.error(w.tree(), Problem.PARAMETER_WRITE,
            "'" + root.sourceName() + "' may refer to the array of"
            + " parameter '" + p.sourceName() + "' here, and Adjoint follows writes into a"
            + " parameter's array only through the parameter's own name (before any"
            + " reassignment of it); write through '" + p.sourceName() + "', or copy it first ("
            + p.sourceName() + ".clone())");
      }
      if (!w.value().type().isArray()) {
        return in;
      }
      Map<Variable, Set<Variable>> out = new HashMap<>(in);
      join(out, Map.of(root, pointees(w.value(), in)));
      return out;
    }

    @Override
    public Map<Variable, Set<Variable>> visitEval(Stmt.Eval node) {
      return in;
    }

    @Override
    public Map<Variable, Set<Variable>> visitBlock(Stmt.Block b) {
      seen.push(new HashMap<>());
      Map<Variable, Set<Variable>> out = in;
      for (Stmt s : b.stmts()) {
        out = walk(s, out);
      }
      Map<Variable, Set<Variable>> inside = seen.pop();
      return b.label() != null ? joined(out, inside) : out;
    }

    @Override
    public Map<Variable, Set<Variable>> visitIf(Stmt.If i) {
      return joined(walk(i.thenPart(), in), walk(i.elsePart(), in));
    }

    @Override
    public Map<Variable, Set<Variable>> visitLoop(Stmt.Loop l) {
      Map<Variable, Set<Variable>> head = in;
      while (true) {
        seen.push(new HashMap<>());
        Map<Variable, Set<Variable>> end = walk(l.body(), head);
        for (Stmt u : l.update()) {
          end = walk(u, end);
        }
        Map<Variable, Set<Variable>> next = joined(joined(in, end), seen.pop());
        if (next.equals(head)) {
          return next;
        }
        head = next;
      }
    }

    @Override
    public Map<Variable, Set<Variable>> visitBreak(Stmt.Break node) {
      return in;
    }

    @Override
    public Map<Variable, Set<Variable>> visitContinue(Stmt.Continue node) {
      return in;
    }

    @Override
    public Map<Variable, Set<Variable>> visitReturn(Stmt.Return node) {
      return in;
    }

    @Override
    public Map<Variable, Set<Variable>> visitThrow(Stmt.Throw node) {
      return in;
    }

    @Override
    public Map<Variable, Set<Variable>> visitAccumulate(Stmt.Accumulate node) {
      throw AdjointOnly.in(STAGE, node);
    }

    @Override
    public Map<Variable, Set<Variable>> visitComment(Stmt.Comment node) {
      throw AdjointOnly.in(STAGE, node);
    }

    @Override
    public Map<Variable, Set<Variable>> visitPush(Stmt.Push node) {
      throw AdjointOnly.in(STAGE, node);
    }

    @Override
    public Map<Variable, Set<Variable>> visitIncrement(Stmt.Increment node) {
      throw AdjointOnly.in(STAGE, node);
    }

    @Override
    public Map<Variable, Set<Variable>> visitIndexLoop(Stmt.IndexLoop node) {
      throw AdjointOnly.in(STAGE, node);
    }
  }
}
