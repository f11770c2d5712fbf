package dev.adjoint.fuzz;

import dev.adjoint.fuzz.GradientOracle.Report;
import dev.adjoint.fuzz.Program.Method;
import dev.adjoint.fuzz.Program.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Greedy delta debugging over the program tree: delete statements, inline a statement's block
 * in its place, replace expressions by a subexpression or a constant, conditions by true/false,
 * drop unused helpers and parameters; keep any change after which the program still fails with
 * the same signature and renders shorter.
 */
final class Shrinker {
  /** Compilations per shrink, unless given ({@code -Dfuzz.shrinkBudget}). */
  static final int DEFAULT_BUDGET = Integer.getInteger("fuzz.shrinkBudget", 2500);

  private final FuzzRunner runner;
  private final String signature;
  private final int maxEvaluations;
  private int evaluations;

  Shrinker(FuzzRunner runner, String signature) {
    this(runner, signature, DEFAULT_BUDGET);
  }

  Shrinker(FuzzRunner runner, String signature, int budget) {
    this.runner = runner;
    this.signature = signature;
    this.maxEvaluations = budget;
  }

  Program shrink(Program program) {
    Program best = program;
    boolean progress = true;
    while (progress && evaluations < maxEvaluations) {
      progress = false;
      Program p = dropUnused(best);
      if (p != null) {
        best = p;
        progress = true;
      }
      for (int mi = 0; mi < best.methods.size() && evaluations < maxEvaluations; mi++) {
        int index = 0;
        while (evaluations < maxEvaluations) {
          List<Node[]> edges = edges(best.methods.get(mi).body);
          if (index >= edges.size()) {
            break;
          }
          Program better = tryEdge(best, mi, index);
          if (better != null) {
            best = better;
            progress = true;
          } else {
            index++;
          }
        }
      }
    }
    return best;
  }

  /** Tries every rewrite of the index-th (parent, kid) edge; returns the first that holds. */
  private Program tryEdge(Program best, int mi, int index) {
    int variants = 8;
    for (int v = 0; v < variants; v++) {
      Program c = best.copy();
      Node[] edge = edges(c.methods.get(mi).body).get(index);
      if (!rewrite(edge[0], edge[1], v)) {
        continue;
      }
      if (c.render().length() >= best.render().length()) {
        continue;
      }
      if (fails(c)) {
        return c;
      }
    }
    return null;
  }

  /** Applies rewrite number v to kid of parent; false if there is no such rewrite. */
  private static boolean rewrite(Node parent, Node kid, int v) {
    int k = parent.kids.indexOf(kid);
    if (kid.sort == Node.Sort.STMT) {
      if (parent.sort != Node.Sort.BLOCK) {
        return false;
      }
      if (v == 0) {
        if (kid.pinned) {
          return false;
        }
        parent.kids.remove(k);
        return true;
      }
      List<Node> blocks = kid.kids.stream().filter(n -> n.sort == Node.Sort.BLOCK).toList();
      if (v - 1 < blocks.size()) {
        parent.kids.remove(k);
        parent.kids.addAll(k, blocks.get(v - 1).kids);
        return true;
      }
      return false;
    }
    if (kid.sort == Node.Sort.EXPR) {
      if (kid.type == 'b') {
        if (v > 1) {
          return false;
        }
        parent.kids.set(k, Node.expr(v == 0 ? "true" : "false").typed('b'));
        return true;
      }
      if (kid.type != 'd') {
        return false;
      }
      List<Node> sub = kid.kids.stream().filter(n -> n.sort == Node.Sort.EXPR && n.type == 'd')
          .toList();
      if (v < sub.size()) {
        parent.kids.set(k, sub.get(v));
        return true;
      }
      int c = v - sub.size();
      String[] constants = {"0.5", "1.0", "2.0"};
      if (c < constants.length) {
        if (kid.template.equals(constants[c])) {
          return false;
        }
        parent.kids.set(k, Node.expr(constants[c]));
        return true;
      }
    }
    return false;
  }

  private static List<Node[]> edges(Node root) {
    List<Node[]> out = new ArrayList<>();
    edges(root, out);
    return out;
  }

  private static void edges(Node n, List<Node[]> out) {
    for (Node k : n.kids) {
      out.add(new Node[] {n, k});
      edges(k, out);
    }
  }

  /** Drops helpers nobody calls and entry parameters nobody reads, if the failure stays. */
  private Program dropUnused(Program best) {
    Program result = null;
    for (int mi = best.methods.size() - 2; mi >= 0; mi--) {
      if (best.methods.get(mi).keep) {
        continue;
      }
      Program c = best.copy();
      String name = c.methods.get(mi).name;
      c.methods.remove(mi);
      boolean used = false;
      Pattern call = Pattern.compile("\\b" + name + "\\(");
      for (Method m : c.methods) {
        used |= call.matcher(m.body.render(0)).find();
      }
      if (!used && fails(c)) {
        best = c;
        result = c;
      }
    }
    if (!best.fields.isEmpty()) {
      // the impure helpers' state and reset(), once no impure call is left
      Program c = best.copy();
      c.fields.clear();
      c.methods.removeIf(m -> m.keep);
      if (fails(c)) {
        best = c;
        result = c;
      }
    }
    Method entry = best.entry();
    for (int pi = entry.params.size() - 1; pi >= 0; pi--) {
      Param p = entry.params.get(pi);
      if (Pattern.compile("\\b" + p.name() + "\\b").matcher(entry.body.render(0)).find()) {
        continue;
      }
      Program c = best.copy();
      List<Param> ps = new ArrayList<>(entry.params);
      ps.remove(pi);
      Method e = c.entry();
      c.methods.set(c.methods.size() - 1, new Method(e.name, e.differentiable, ps, e.body));
      if (fails(c)) {
        best = c;
        result = c;
        entry = best.entry();
      }
    }
    return result;
  }

  private boolean fails(Program c) {
    evaluations++;
    // the processor reports before javac attributes, so check validity without it first
    InMemoryCompiler.Result plain = InMemoryCompiler.compile(
        java.util.Map.of(c.qualifiedName(), c.render()), List.of("-proc:none"));
    if (!plain.success) {
      return false;
    }
    Report r = runner.evaluate(c, null);
    return FuzzRunner.signature(r).equals(signature);
  }

  int evaluations() {
    return evaluations;
  }
}
