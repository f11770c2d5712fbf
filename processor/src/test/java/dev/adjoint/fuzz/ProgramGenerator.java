package dev.adjoint.fuzz;

import dev.adjoint.fuzz.Program.Kind;
import dev.adjoint.fuzz.Program.Method;
import dev.adjoint.fuzz.Program.Param;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded generator of random {@code @Differentiable} programs in the subset the processor
 * supports: arithmetic and Math calls, locals and overwrites, if/else, ?:, switch statements and
 * expressions, for/while/do loops with (labelled) break and continue, arrays, and helper calls.
 *
 * <p>Every loop is bounded by a counter the shrinker cannot delete; logs and square roots get
 * positive arguments; exponentials get bounded ones. Kinks (abs, max, min, branches on active
 * values) are generated on purpose: the oracle skips points near them.
 */
final class ProgramGenerator {
  private static final String[] CONSTANTS = {"0.5", "1.5", "2.0", "0.75", "3.0", "(-1.25)", "0.1",
      "0.25", "(-0.5)", "1.0"};

  /**
   * Constructs to leave out ({@code -Dfuzz.avoid=yieldSwitch,arrowSwitchExpr}), to look past a
   * known bug; the set of constructs and the random choices stay otherwise the same.
   */
  static final java.util.Set<String> AVOID = java.util.Set.of(
      System.getProperty("fuzz.avoid", "").split(","));

  private final SplittableRandom rnd;
  private final long seed;
  private int fresh;
  private int statementBudget;
  private final List<Method> helpers = new ArrayList<>();
  /** Inside a ?: (the processor rejects switch expressions there, with a clear error). */
  private int inConditional;

  /** An array in scope. */
  private record Arr(String name, int dims, int len, int cols, boolean writable) {}

  /** What a statement or expression may refer to. */
  private static final class Scope {
    final List<String> reads = new ArrayList<>();
    final List<String> writes = new ArrayList<>();
    final List<String> ints = new ArrayList<>();
    final List<Arr> arrays = new ArrayList<>();
    final List<String> loopLabels = new ArrayList<>();
    int loops;
    int depth;
    /** Inside a switch statement's case (an unlabelled break leaves the switch). */
    boolean inSwitch;
    /** Inside a method helper (no helper calls to later helpers). */
    int helperLimit;

    Scope child() {
      Scope s = new Scope();
      s.reads.addAll(reads);
      s.writes.addAll(writes);
      s.ints.addAll(ints);
      s.arrays.addAll(arrays);
      s.loopLabels.addAll(loopLabels);
      s.loops = loops;
      s.depth = depth + 1;
      s.inSwitch = inSwitch;
      s.helperLimit = helperLimit;
      return s;
    }
  }

  ProgramGenerator(long seed) {
    this.seed = seed;
    this.rnd = new SplittableRandom(seed);
  }

  Program generate(String pkg, String className) {
    int nHelpers = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(1, 3);
    for (int h = 0; h < nHelpers; h++) {
      helpers.add(helper(h));
    }
    List<Param> params = new ArrayList<>();
    int nd = rnd.nextInt(1, 4);
    for (int i = 0; i < nd; i++) {
      params.add(new Param("p" + i, Kind.DOUBLE, 0, 0, 0));
    }
    if (rnd.nextInt(2) == 0) {
      params.add(new Param("x", Kind.ARRAY, rnd.nextInt(2, 5), 0, 0));
    }
    if (rnd.nextInt(5) == 0) {
      params.add(new Param("m", Kind.MATRIX, 2, rnd.nextInt(2, 4), 0));
    }
    if (rnd.nextInt(4) == 0) {
      params.add(new Param("n", Kind.INT, 0, 0, rnd.nextInt(1, 5)));
    }
    shuffle(params);
    Scope scope = new Scope();
    scope.helperLimit = helpers.size();
    for (Param p : params) {
      switch (p.kind()) {
        case DOUBLE -> {
          scope.reads.add(p.name());
          if (rnd.nextInt(3) == 0) {
            scope.writes.add(p.name());
          }
        }
        case ARRAY -> scope.arrays.add(new Arr(p.name(), 1, p.rows(), 0, false));
        case MATRIX -> scope.arrays.add(new Arr(p.name(), 2, p.rows(), p.cols(), false));
        case INT -> scope.ints.add(p.name());
        default -> throw new AssertionError();
      }
    }
    List<Node> stmts = new ArrayList<>();
    List<String> locals = new ArrayList<>();
    int nLocals = rnd.nextInt(1, 4);
    List<String> risky = new ArrayList<>(List.of("tape", "seed", "value", "valueAdj", "trips",
        "iteration", "adjoints", "adj", "t", "selector", "switchValue", "p0Adj", "a0Adj", "dU",
        "callAdjoints", "body", "forward", "i", "tAdj", "xAdj", "result"));
    for (int i = 0; i < nLocals; i++) {
      String a = !AVOID.contains("riskyNames") && rnd.nextInt(4) == 0
          ? risky.remove(rnd.nextInt(risky.size())) : "a" + i;
      stmts.add(Node.stmt("double " + a + " = @0@;", expr(scope, 2)));
      scope.reads.add(a);
      scope.writes.add(a);
      locals.add(a);
    }
    if (rnd.nextInt(2) == 0) {
      int len = rnd.nextInt(2, 5);
      String size = String.valueOf(len);
      for (Arr a : scope.arrays) {
        if (a.dims() == 1 && rnd.nextBoolean()) {
          size = a.name() + ".length";
          len = a.len();
        }
      }
      stmts.add(Node.stmt("double[] t0 = new double[" + size + "];"));
      scope.arrays.add(new Arr("t0", 1, len, 0, true));
      locals.add("t0[0]");
    }
    if (rnd.nextInt(6) == 0) {
      stmts.add(Node.stmt("double[][] q0 = new double[2][3];"));
      scope.arrays.add(new Arr("q0", 2, 2, 3, true));
      locals.add("q0[1][2]");
    }
    statementBudget = rnd.nextInt(4, 22);
    stmts.addAll(stmts(scope, 3));
    Node ret = expr(scope, 3);
    for (String l : locals) {
      if (rnd.nextInt(3) != 0) {
        ret = Node.expr("@0@ + @1@", ret, Node.expr(l));
      }
    }
    stmts.add(Node.stmt("return @0@;", ret).pinned());
    List<Method> methods = new ArrayList<>(helpers);
    methods.add(new Method("f", true, params, Node.block(stmts)));
    return new Program(pkg, className, methods, seed);
  }

  private Method helper(int index) {
    String name = "h" + index;
    int kind = rnd.nextInt(4);
    Scope scope = new Scope();
    scope.helperLimit = index;
    List<Param> params = new ArrayList<>();
    List<Node> body = new ArrayList<>();
    boolean annotate = rnd.nextInt(4) == 0;
    if (kind == 0) {
      // recursion on an int depth
      params.add(new Param("u", Kind.DOUBLE, 0, 0, 0));
      params.add(new Param("d", Kind.INT, 0, 0, 0));
      scope.reads.add("u");
      Node base = expr(scope, 2);
      body.add(Node.stmt("if (d <= 0) @0@",
          Node.block(List.of(Node.stmt("return @0@;", base).pinned()))).pinned());
      Scope s2 = scope.child();
      body.add(Node.stmt("double r = @0@;", expr(s2, 2)));
      s2.reads.add("r");
      Node call = Node.expr(name + "(@0@, d - 1)", expr(s2, 2));
      Node e = rnd.nextBoolean() ? Node.expr("@0@ * @1@", call, expr(s2, 1))
          : Node.expr("Math.sin(@0@) + @1@", call, expr(s2, 2));
      body.add(Node.stmt("return @0@;", e).pinned());
      // the call site passes a small constant depth: see call()
      return new Method(name, annotate, params, Node.block(body));
    }
    params.add(new Param("u", Kind.DOUBLE, 0, 0, 0));
    scope.reads.add("u");
    scope.writes.add("u");
    if (kind == 1) {
      params.add(new Param("v", Kind.DOUBLE, 0, 0, 0));
      scope.reads.add("v");
    } else if (kind == 2) {
      params.add(new Param("arr", Kind.ARRAY, 2, 0, 0));
      scope.arrays.add(new Arr("arr", 1, 2, 0, false));
    }
    body.add(Node.stmt("double s = @0@;", expr(scope, 2)));
    scope.reads.add("s");
    scope.writes.add("s");
    statementBudget = rnd.nextInt(1, 6);
    body.addAll(stmts(scope, 2));
    body.add(Node.stmt("return @0@;", Node.expr("s + @0@", expr(scope, 2))).pinned());
    return new Method(name, annotate, params, Node.block(body));
  }

  // ---------------------------------------------------------------- statements

  private List<Node> stmts(Scope scope, int maxDepth) {
    List<Node> out = new ArrayList<>();
    int n = rnd.nextInt(1, 5);
    for (int i = 0; i < n && statementBudget > 0; i++) {
      statementBudget--;
      out.add(stmt(scope, maxDepth));
    }
    return out;
  }

  private Node block(Scope scope, int maxDepth) {
    return Node.block(stmts(scope.child(), maxDepth));
  }

  private Node stmt(Scope scope, int maxDepth) {
    boolean nest = scope.depth < maxDepth;
    int r = rnd.nextInt(100);
    if (nest && r < 14) {
      return forLoop(scope, maxDepth);
    }
    if (nest && r < 20) {
      return whileLoop(scope, maxDepth);
    }
    if (nest && r < 30) {
      Node cond = cond(scope);
      if (rnd.nextBoolean()) {
        return Node.stmt("if (@0@) @1@", cond, block(scope, maxDepth));
      }
      if (rnd.nextInt(3) == 0) {
        return Node.stmt("if (@0@) @1@ else if (@2@) @3@ else @4@", cond, block(scope, maxDepth),
            cond(scope), block(scope, maxDepth), block(scope, maxDepth));
      }
      return Node.stmt("if (@0@) @1@ else @2@", cond, block(scope, maxDepth),
          block(scope, maxDepth));
    }
    if (nest && r < 36 && !scope.ints.isEmpty()) {
      return switchStmt(scope, maxDepth);
    }
    if (scope.loops > 0 && r < 46) {
      return jump(scope);
    }
    if (r < 49 && !scope.writes.isEmpty() && !AVOID.contains("splitDecl")) {
      // a declaration without initializer, assigned on both branches
      String b = rnd.nextBoolean() ? "c" + scope.reads.size() : "b" + fresh++;
      Node s = Node.stmt("double " + b + ";\nif (@0@) @1@ else @2@", cond(scope),
          Node.block(List.of(Node.stmt(b + " = @0@;", expr(scope, 2)).pinned())),
          Node.block(List.of(Node.stmt(b + " = @0@;", expr(scope, 2)).pinned())));
      scope.reads.add(b);
      scope.writes.add(b);
      return s;
    }
    if (r < 52) {
      // same names in sibling scopes: c<k> where k counts the variables in scope
      String b = rnd.nextBoolean() ? "c" + scope.reads.size() : "b" + fresh++;
      Node s = Node.stmt("double " + b + " = @0@;", expr(scope, 3));
      scope.reads.add(b);
      scope.writes.add(b);
      return s;
    }
    List<Arr> writable = scope.arrays.stream().filter(Arr::writable).toList();
    if (r < 62 && !writable.isEmpty()) {
      Arr a = writable.get(rnd.nextInt(writable.size()));
      String op = pick("=", "=", "+=", "-=", "*=", "/=");
      Node e = op.equals("*=") ? Node.expr("0.5 + 0.25 * Math.sin(@0@)", expr(scope, 2))
          : op.equals("/=") ? Node.expr("(1.5 + Math.cos(@0@))", expr(scope, 2))
          : expr(scope, 3);
      if (op.equals("=") && AVOID.contains("intArrayStore")) {
        e = Node.expr("0.0 + @0@", e);
      }
      return Node.stmt(element(scope, a) + " " + op + " @0@;", e);
    }
    if (scope.writes.isEmpty()) {
      String b = "b" + fresh++;
      scope.reads.add(b);
      scope.writes.add(b);
      return Node.stmt("double " + b + " = @0@;", expr(scope, 3));
    }
    String v = scope.writes.get(rnd.nextInt(scope.writes.size()));
    int k = rnd.nextInt(12);
    if (k == 0) {
      return Node.stmt(v + (rnd.nextBoolean() ? "++;" : "--;"));
    }
    if (k == 1 && scope.loops > 0) {
      // damped update inside loops keeps values tame
      return Node.stmt(v + " = 0.5 * " + v + " + @0@;",
          Node.expr("0.25 * Math.tanh(@0@)", expr(scope, 3)));
    }
    if (k == 2) {
      return Node.stmt(v + " = " + v + " * @0@ + Math.sin(@1@);", expr(scope, 1), expr(scope, 2));
    }
    if (k == 3) {
      return Node.stmt(v + " *= @0@;", Node.expr("Math.cos(@0@)", expr(scope, 2)));
    }
    if (k == 4) {
      return Node.stmt(v + " /= @0@;", Node.expr("(1.5 + Math.sin(@0@))", expr(scope, 2)));
    }
    String op = pick("=", "=", "+=", "-=");
    return Node.stmt(v + " " + op + " @0@;", expr(scope, 3));
  }

  private Node forLoop(Scope scope, int maxDepth) {
    Scope inner = scope.child();
    // sibling loops reuse their counter names (k0 at the outer level, k1 inside, ...)
    String i = rnd.nextBoolean() ? "k" + scope.loops : "i" + fresh++;
    String label = rnd.nextInt(3) == 0 ? "L" + fresh++ : null;
    List<Arr> arrays1 = scope.arrays.stream().filter(a -> a.dims() == 1).toList();
    if (rnd.nextInt(8) == 0 && !arrays1.isEmpty()) {
      // enhanced for over an array
      Arr a = arrays1.get(rnd.nextInt(arrays1.size()));
      String v = "v" + fresh++;
      inner.inSwitch = false;
      inner.reads.add(v);
      inner.loops++;
      if (label != null) {
        inner.loopLabels.add(label);
      }
      Node body = Node.block(stmts(inner, maxDepth));
      return Node.stmt((label == null ? "" : label + ":\n") + "for (double " + v + " : " + a.name()
          + ") @0@", body);
    }
    String bound = bound(scope);
    inner.inSwitch = false;
    inner.ints.add(i);
    inner.loops++;
    if (label != null) {
      inner.loopLabels.add(label);
    }
    Node body = Node.block(stmts(inner, maxDepth));
    String step = rnd.nextInt(5) == 0 ? i + " += 2" : i + "++";
    return Node.stmt((label == null ? "" : label + ":\n") + "for (int " + i + " = 0; " + i
        + " < " + bound + "; " + step + ") @0@", body);
  }

  private String bound(Scope scope) {
    int r = rnd.nextInt(6);
    List<Arr> arrays1 = scope.arrays.stream().filter(a -> a.dims() == 1).toList();
    if (r == 0 && !arrays1.isEmpty()) {
      return arrays1.get(rnd.nextInt(arrays1.size())).name() + ".length";
    }
    if (r == 1 && !scope.ints.isEmpty()) {
      return scope.ints.get(rnd.nextInt(scope.ints.size())) + " + 1";
    }
    return String.valueOf(rnd.nextInt(1, 5));
  }

  private Node whileLoop(Scope scope, int maxDepth) {
    Scope inner = scope.child();
    String w = "w" + fresh++;
    String label = rnd.nextInt(3) == 0 ? "L" + fresh++ : null;
    int trips = rnd.nextInt(1, 5);
    inner.inSwitch = false;
    inner.ints.add(w);
    inner.loops++;
    if (label != null) {
      inner.loopLabels.add(label);
    }
    String lab = label == null ? "" : label + ":\n";
    int form = rnd.nextInt(4);
    if (form == 3 && !scope.writes.isEmpty()) {
      // a data-dependent trip count, still bounded by the counter
      String v = scope.writes.get(rnd.nextInt(scope.writes.size()));
      Node body = Node.block(List.of(w + "++;"), stmts(inner, maxDepth));
      // No switch expression in a loop condition: a documented limitation with its own error.
      inConditional++;
      Node bound;
      try {
        bound = expr(scope, 1);
      } finally {
        inConditional--;
      }
      return Node.stmt("int " + w + " = 0;\n" + lab + "while (" + v + " < @0@ && " + w + " < "
          + (trips + 2) + ") @1@", bound, body);
    }
    if (form == 0) {
      Node body = Node.block(List.of(w + "++;"), stmts(inner, maxDepth));
      return Node.stmt("int " + w + " = 0;\n" + lab + "while (" + w + " < " + trips + ") @0@",
          body);
    }
    if (form == 1) {
      Node body = Node.block(List.of("if (" + w + " >= " + trips + ") {", "  break;", "}",
          w + "++;"), stmts(inner, maxDepth));
      return Node.stmt("int " + w + " = 0;\n" + lab + "while (true) @0@", body);
    }
    Node body = Node.block(List.of(w + "++;"), stmts(inner, maxDepth));
    return Node.stmt("int " + w + " = 0;\n" + lab + "do @0@ while (" + w + " < " + trips + ");",
        body);
  }

  private Node switchStmt(Scope outer, int maxDepth) {
    Node sel = selector(outer);
    Scope scope = outer.child();
    scope.depth--;
    scope.inSwitch = true;
    if (rnd.nextBoolean()) {
      return Node.stmt("switch (@0@) {\ncase 0 -> @1@\ncase 1, 3 -> @2@\ndefault -> @3@\n}", sel,
          block(scope, maxDepth), block(scope, maxDepth), block(scope, maxDepth));
    }
    return Node.stmt("switch (@0@) {\ncase 0:\n  @1@\n  break;\ncase 2:\n  @2@\n  break;\n"
        + "default:\n  @3@\n  break;\n}", sel, block(scope, maxDepth), block(scope, maxDepth),
        block(scope, maxDepth));
  }

  private Node selector(Scope scope) {
    String a = scope.ints.get(rnd.nextInt(scope.ints.size()));
    String b = scope.ints.get(rnd.nextInt(scope.ints.size()));
    return switch (rnd.nextInt(3)) {
      case 0 -> Node.expr(a + " % " + rnd.nextInt(2, 5)).typed('i');
      case 1 -> Node.expr("(" + a + " + " + b + ") % 3").typed('i');
      default -> Node.expr("(" + a + " * 2 + " + rnd.nextInt(3) + ") % 4").typed('i');
    };
  }

  private Node jump(Scope scope) {
    Node cond = cond(scope);
    int r = rnd.nextInt(10);
    String jump;
    if (r < 3 && !(scope.inSwitch && AVOID.contains("switchBreak"))) {
      jump = "break;";
    } else if (r < 6 || r < 3) {
      jump = "continue;";
    } else if (r < 8 && !scope.loopLabels.isEmpty()) {
      String l = scope.loopLabels.get(rnd.nextInt(scope.loopLabels.size()));
      jump = (rnd.nextBoolean() ? "break " : "continue ") + l + ";";
    } else {
      return Node.stmt("if (@0@) @1@", cond,
          Node.block(List.of(Node.stmt("return @0@;", expr(scope, 3)))));
    }
    return Node.stmt("if (@0@) {\n  " + jump + "\n}", cond);
  }

  // ---------------------------------------------------------------- expressions

  private Node cond(Scope scope) {
    if (!scope.ints.isEmpty() && rnd.nextInt(10) < 6) {
      String i = scope.ints.get(rnd.nextInt(scope.ints.size()));
      return switch (rnd.nextInt(4)) {
        case 0 -> Node.expr(i + " % 2 == 0").typed('b');
        case 1 -> Node.expr(i + " > " + rnd.nextInt(3)).typed('b');
        case 2 -> Node.expr(i + " == " + rnd.nextInt(3)).typed('b');
        default -> {
          String j = scope.ints.get(rnd.nextInt(scope.ints.size()));
          yield Node.expr("(" + i + " + " + j + ") % 3 != 1").typed('b');
        }
      };
    }
    String op = pick("<", ">", "<=", ">=");
    return Node.expr("@0@ " + op + " @1@", expr(scope, 2), expr(scope, 1)).typed('b');
  }

  private Node expr(Scope scope, int depth) {
    if (depth <= 0 || rnd.nextInt(10) < 3) {
      return leaf(scope);
    }
    int d = depth - 1;
    int r = rnd.nextInt(100);
    if (r < 10) {
      return Node.expr("(@0@ + @1@)", expr(scope, d), expr(scope, d));
    }
    if (r < 18) {
      return Node.expr("(@0@ - @1@)", expr(scope, d), expr(scope, d));
    }
    if (r < 30) {
      return Node.expr("@0@ * @1@", expr(scope, d), expr(scope, d));
    }
    if (r < 35) {
      return Node.expr("@0@ / @1@", expr(scope, d), denominator(scope, d));
    }
    if (r < 38) {
      return Node.expr("(-@0@)", expr(scope, d));
    }
    if (r < 52) {
      String fn = pick("Math.sin", "Math.cos", "Math.tanh", "Math.atan", "Math.sin", "Math.cos");
      return Node.expr(fn + "(@0@)", expr(scope, d));
    }
    if (r < 56) {
      String tame = pick("Math.sin", "Math.tanh", "Math.cos");
      String fn = pick("Math.exp", "Math.exp", "Math.sinh", "Math.cosh", "Math.expm1");
      return Node.expr(fn + "(" + tame + "(@0@))", expr(scope, d));
    }
    if (r < 62) {
      return switch (rnd.nextInt(4)) {
        case 0 -> Node.expr("Math.log(1 + @0@ * @0@)", expr(scope, d));
        case 1 -> Node.expr("Math.log(2 + Math.sin(@0@))", expr(scope, d));
        case 2 -> Node.expr("Math.log1p(@0@ * @0@)", expr(scope, d));
        default -> Node.expr("Math.log10(1.5 + Math.cos(@0@))", expr(scope, d));
      };
    }
    if (r < 66) {
      return rnd.nextBoolean() ? Node.expr("Math.sqrt(1 + @0@ * @0@)", expr(scope, d))
          : Node.expr("Math.cbrt(2 + Math.sin(@0@))", expr(scope, d));
    }
    if (r < 71) {
      return switch (rnd.nextInt(3)) {
        case 0 -> Node.expr("Math.pow(@0@, " + pick("2", "3", "2.0") + ")", expr(scope, d));
        case 1 -> Node.expr("Math.pow(1 + @0@ * @0@, @1@)", expr(scope, d),
            Node.expr("Math.sin(@0@)", expr(scope, d)));
        default -> Node.expr("Math.pow(2 + Math.cos(@0@), 1.5)", expr(scope, d));
      };
    }
    if (r < 76) {
      return Node.expr(pick("Math.max", "Math.min") + "(@0@, @1@)", expr(scope, d),
          expr(scope, d));
    }
    if (r < 78) {
      return Node.expr("Math.abs(@0@)", expr(scope, d));
    }
    if (r < 83) {
      inConditional++;
      try {
        return Node.expr("(@0@ ? @1@ : @2@)", cond(scope), expr(scope, d), expr(scope, d));
      } finally {
        inConditional--;
      }
    }
    if (r < 87 && !scope.ints.isEmpty() && inConditional == 0) {
      Node sel = selector(scope);
      boolean arrow = rnd.nextBoolean();
      if (AVOID.contains(arrow ? "arrowSwitchExpr" : "yieldSwitch")) {
        return leaf(scope);
      }
      if (arrow) {
        return Node.expr("(switch (@0@) { case 0 -> @1@; case 1 -> @2@; default -> @3@; })", sel,
            expr(scope, d), expr(scope, d), expr(scope, d));
      }
      return Node.expr("(switch (@0@) { case 0: yield @1@; case 2: yield @2@; default: yield @3@; })",
          sel, expr(scope, d), expr(scope, d), expr(scope, d));
    }
    if (r < 95 && scope.helperLimit > 0) {
      return call(scope, d);
    }
    if (r < 98) {
      return Node.expr("Math.atan2(@0@, 2 + Math.cos(@1@))", expr(scope, d), expr(scope, d));
    }
    return leaf(scope);
  }

  private Node call(Scope scope, int d) {
    Method h = helpers.get(rnd.nextInt(scope.helperLimit));
    List<Param> ps = h.params;
    StringBuilder t = new StringBuilder(h.name).append('(');
    List<Node> kids = new ArrayList<>();
    for (int i = 0; i < ps.size(); i++) {
      if (i > 0) {
        t.append(", ");
      }
      Param p = ps.get(i);
      switch (p.kind()) {
        case DOUBLE -> {
          t.append('@').append(kids.size()).append('@');
          kids.add(expr(scope, d));
        }
        case INT -> t.append(rnd.nextInt(0, 4));
        case ARRAY -> {
          List<Arr> ok = scope.arrays.stream().filter(a -> a.dims() == 1 && a.len() >= 2)
              .toList();
          if (ok.isEmpty()) {
            // `new double[] {...}` as an argument is rejected with a clear error
            return leaf(scope);
          } else {
            t.append(ok.get(rnd.nextInt(ok.size())).name());
          }
        }
        default -> throw new AssertionError();
      }
    }
    t.append(')');
    return Node.expr(t.toString(), kids.toArray(new Node[0]));
  }

  private Node denominator(Scope scope, int d) {
    return switch (rnd.nextInt(3)) {
      case 0 -> Node.expr("(1.5 + @0@ * @0@)", expr(scope, d));
      case 1 -> Node.expr("(2 + Math.sin(@0@))", expr(scope, d));
      default -> Node.expr(pick("2.0", "3.0", "0.5", "4"));
    };
  }

  private Node leaf(Scope scope) {
    int r = rnd.nextInt(100);
    if (r < 12) {
      return Node.expr(pick(CONSTANTS));
    }
    if (r < 24 && !scope.ints.isEmpty()) {
      return Node.expr(scope.ints.get(rnd.nextInt(scope.ints.size())));
    }
    if (r < 45 && !scope.arrays.isEmpty()) {
      Arr a = scope.arrays.get(rnd.nextInt(scope.arrays.size()));
      return Node.expr(element(scope, a));
    }
    if (scope.reads.isEmpty()) {
      return Node.expr(pick(CONSTANTS));
    }
    return Node.expr(scope.reads.get(rnd.nextInt(scope.reads.size())));
  }

  private String element(Scope scope, Arr a) {
    String e = a.name() + "[" + index(scope, a.len()) + "]";
    if (a.dims() == 2) {
      e += "[" + index(scope, a.cols()) + "]";
    }
    return e;
  }

  private String index(Scope scope, int len) {
    if (!scope.ints.isEmpty() && rnd.nextInt(3) != 0) {
      String i = scope.ints.get(rnd.nextInt(scope.ints.size()));
      return rnd.nextBoolean() ? i + " % " + len : "(" + i + " + " + rnd.nextInt(1, 3) + ") % "
          + len;
    }
    return String.valueOf(rnd.nextInt(len));
  }

  private String pick(String... options) {
    return options[rnd.nextInt(options.length)];
  }

  private <T> void shuffle(List<T> list) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }

  long seed() {
    return seed;
  }
}
