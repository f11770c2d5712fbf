package dev.adjoint.processor.normalize;

import dev.adjoint.processor.analysis.ArrayAliases;
import dev.adjoint.processor.analysis.WritingCalls;
import dev.adjoint.processor.ir.AdjointOnly;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.RuleTable;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A flow-sensitive may-point-to analysis of which parameter arrays (or rows of them) each array
 * variable may refer to, over the structured IR; it finds every element write through a name
 * other than the parameter's own that may reach a parameter's array, with the parameters it may
 * reach (what {@link ParameterArrayCopies} writes through to the caller). Loops iterate to a
 * fixpoint; jumps are handled conservatively, by letting every state inside a loop or labelled
 * block reach what follows it.
 */
final class ParameterPointsTo {
  private static final String STAGE = "the parameter points-to analysis";

  private final Set<Variable> parameters;
  private final RuleTable rules;
  private final Deque<Map<Variable, Set<Variable>>> seen = new ArrayDeque<>();
  private final Found found = new Found(new IdentityHashMap<>(), new IdentityHashMap<>());

  /**
   * What the analysis finds, by identity, each with the parameters it may reach in the
   * iteration order of the parameters: {@code elementWrites}, the element writes through a name
   * other than a parameter's own that may reach the array of a parameter (or a row of it);
   * {@code callWrites}, the calls of helpers that may write into an array argument passed by
   * such a name.
   */
  record Found(Map<Stmt.ArrayWrite, Set<Variable>> elementWrites,
      Map<Expr.Call, Set<Variable>> callWrites) {}

  private ParameterPointsTo(Set<Variable> parameters, RuleTable rules) {
    this.parameters = parameters;
    this.rules = rules;
  }

  /** The writes of {@code body} through other names for the arrays of {@code parameters}. */
  static Found aliasWrites(Set<Variable> parameters, Stmt.Block body, RuleTable rules) {
    ParameterPointsTo analysis = new ParameterPointsTo(parameters, rules);
    Map<Variable, Set<Variable>> entry = new HashMap<>();
    for (Variable p : parameters) {
      entry.put(p, Set.of(p));
    }
    analysis.walk(body, entry);
    return analysis.found;
  }

  /** Adds {@code reached} to what {@code key} may reach, kept in the parameters' order. */
  private <K> void note(Map<K, Set<Variable>> into, K key, Set<Variable> reached) {
    Set<Variable> all = new LinkedHashSet<>(into.getOrDefault(key, Set.of()));
    all.addAll(reached);
    Set<Variable> ordered = new LinkedHashSet<>(parameters);
    ordered.retainAll(all);
    into.put(key, ordered);
  }

  /** Notes the calls in {@code s} that may write into an array another name refers to. */
  private void calls(Stmt s, Map<Variable, Set<Variable>> state) {
    IrWalk.ownExpressions(s, e -> IrWalk.expressions(e, n -> {
      if (n instanceof Expr.Call c) {
        for (Variable root : WritingCalls.writtenRoots(c, rules)) {
          Set<Variable> reached = state.getOrDefault(root, Set.of());
          if (!reached.isEmpty() && !parameters.contains(root)) {
            note(found.callWrites(), c, reached);
          }
        }
      }
    }));
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
      calls(a, in);
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
      if (!reached.isEmpty() && !parameters.contains(root)) {
        // loops visit a write more than once: the union over every visit
        note(found.elementWrites(), w, reached);
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
      calls(node, in);
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
      calls(node, in);
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
