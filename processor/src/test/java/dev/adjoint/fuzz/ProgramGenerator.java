package dev.adjoint.fuzz;

import dev.adjoint.fuzz.Program.Kind;
import dev.adjoint.fuzz.Program.Method;
import dev.adjoint.fuzz.Program.Param;
import java.util.ArrayList;
import java.util.Arrays;
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

  /**
   * Shapes beyond the base subset, each behind its own flag ({@code -Dfuzz.features=all}, the
   * default; {@code none}; or a list such as {@code loopChain,alias} or {@code all,-impure}).
   * Their choices come from a second random stream, so with none of them the programs are those
   * of the base generator, seed for seed.
   */
  enum Feature {
    /** Loop-local temporaries chained over array elements or over the counter. */
    LOOP_CHAIN("loopChain"),
    /** Helpers returning Double, float or a type variable; Double.valueOf, casts, requireNonNull. */
    BOXED("boxed"),
    /**
     * Local arrays aliased through var, an identity helper, a row helper or a row; writing
     * helpers returning their argument at computed rows and inside expressions, and a helper
     * writing through an alias of its parameter ({@link ReturnedShapes}).
     */
    ALIAS("alias"),
    /**
     * Helpers writing into the arrays they receive: results used or not, void out-parameters
     * from one array into another, accumulations, rows of a matrix, chains of void helpers, in
     * loops; as a near miss, one array passed for both parameters (rejected at the call).
     */
    OUT_PARAM("outParam"),
    /** Enhanced for over a row whose index the body changes, or over a call result. */
    FOREACH_EXPR("foreachExpr"),
    /** Math.random(), a seeded Random field, a helper counting its calls in a static field. */
    IMPURE("impure"),
    /** Varargs helpers called with 1, 2, 3 scalars or with an array. */
    VARARGS("varargs"),
    /** var locals, var arrays, parenthesised array expressions. */
    VAR_NEW("varNew"),
    /**
     * An array reset by a loop over all its elements (or, as a near miss, over all but one, or
     * behind a branch), accumulated into and read, once per iteration of an outer loop.
     */
    RESET_ACCUMULATE("resetAccumulate"),
    /**
     * Arrays.copyOf and copyOfRange initializers, Arrays.fill (also inside a loop) and
     * System.arraycopy, overlapping within one array or from another; copyOf, copyOfRange and
     * clone() as a helper's argument, and copyOf assigned to an array again.
     */
    ARRAY_UTIL("arrayUtil"),
    /**
     * Increments and assignments inside expressions: packed reads {@code a[k++]}, writes
     * {@code b[n++] = v}, conditions {@code (k += 2) < n}, {@code ++k < n} in do-while, and
     * operands that a later operand changes ({@code a[k] * a[++k]}, {@code s + (s = e)}).
     */
    INCR_IN_EXPR("incrInExpr"),
    /** Math.fma and StrictMath.fma with one, two or three active arguments. */
    FMA("fma"),
    /**
     * Writes into the method's own parameter array x: in place, Arrays.fill, prefix sums; and
     * through other names (ParamAliasShapes): an alias, ?: with a local, swaps in time steps;
     * and into the rows of a parameter matrix m (ParamRowShapes): directly, through row aliases,
     * a row chosen by ?:, rows swapped in time steps, Arrays.fill of a row.
     */
    PARAM_WRITE("paramWrite"),
    /**
     * Arrays allocated inside loops and branches: new double[n] accumulated into (relying on
     * the zeroed allocation), initializers, clones, matrices, new arrays as arguments.
     */
    LOOP_ALLOC("loopAlloc"),
    /** The buffer swap {@code double[] t = u; u = v; v = t;}, or {@code h = next;}, in a loop. */
    SWAP("swap"),
    /**
     * A record parameter {@code r} of {@code Rec(double r0, double r1, double[] rv, int rn)}, read
     * through accessors and fields ({@code r.r0()}, {@code r.r1}, {@code r.rv()[k]}) and a local
     * alias, calls of its instance method {@code r.g(u)}, which reads the fields by their simple
     * names, and a local {@code Pt(double a, double b)} reassigned in a loop with a new record or
     * with the one a static helper {@code ptStep(Pt, double, double)} returns (inlined), or
     * {@code ptLeap}, whose body computes locals in a loop and a local array first; or r passed
     * on to a {@code @Differentiable static double recUse(Rec q, double u)}, in a loop too.
     */
    RECORD("record"),
    /**
     * Local arrays as references (issue 13): aliases, reassignment in loops and branches, arrays
     * chosen by ?:, swaps of different lengths, ragged matrices with rows assigned and moved,
     * sizes that change in a loop ({@link ReferenceShapes}).
     */
    REFERENCE("reference"),
    /**
     * A loop summing independent terms, used linearly after it (issue 15: fused into one
     * sweep), and its near misses ({@link SumShapes}).
     */
    SUM_TERMS("sumTerms"),
    /**
     * A dense layer of ReLU units whose dead units leave a zero adjoint, skipped in the reverse
     * sweep ({@link DenseReluShapes}).
     */
    DENSE_RELU("denseRelu"),
    /**
     * {@code double z = lg(e)} for a helper computing the logistic function (differentiated from
     * its result, LogisticResults), in loops too; near misses: the variable assigned again, a
     * helper that is not quite the logistic ({@code e^x}, {@code 2 + e^-x}).
     */
    LOGISTIC("logistic"),
    /**
     * A nested class model {@code Mdl} of final fields with a {@code @Differentiable} instance
     * method h ({@link ModelArgs}); chosen on its own random stream, so that adding it changes
     * no other shape's programs.
     */
    MODEL("model");

    final String flag;

    Feature(String flag) {
      this.flag = flag;
    }

    /** {@code all}, {@code none}, or comma-separated flags; {@code -flag} removes one. */
    static java.util.EnumSet<Feature> parse(String spec) {
      java.util.EnumSet<Feature> out = java.util.EnumSet.noneOf(Feature.class);
      for (String t : spec.split(",")) {
        String w = t.trim();
        if (w.isEmpty() || w.equals("none") || w.equals("base")) {
          continue;
        }
        if (w.equals("all")) {
          out.addAll(java.util.EnumSet.allOf(Feature.class));
          continue;
        }
        boolean remove = w.startsWith("-");
        String name = remove ? w.substring(1) : w;
        Feature f = java.util.Arrays.stream(values()).filter(x -> x.flag.equals(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("unknown fuzz feature " + name
                + "; known: " + java.util.Arrays.toString(values())));
        if (remove) {
          out.remove(f);
        } else {
          out.add(f);
        }
      }
      return out;
    }

    static java.util.EnumSet<Feature> fromProperty() {
      return parse(System.getProperty("fuzz.features", "all"));
    }
  }

  private final SplittableRandom rnd;
  private final long seed;
  private final java.util.Set<Feature> features;
  /** The features this program uses: none (a base program), one or two of {@link #features}. */
  private final java.util.Set<Feature> chosen = java.util.EnumSet.noneOf(Feature.class);
  /** Choices about the shapes of {@link Feature} only. */
  private final SplittableRandom shapeRnd;
  private final List<Method> shapeHelpers = new ArrayList<>();
  private final java.util.Set<String> fields = new java.util.LinkedHashSet<>();
  private final java.util.Set<String> imports = new java.util.LinkedHashSet<>();
  /** Nested record declarations of the {@code record} shape. */
  private final List<String> records = new ArrayList<>();
  private boolean impureState;
  /** Generating a shape helper's body: no nested shapes there. */
  private int inShapeHelper;
  /** The double local the last shape statement declared. */
  private String shapeResult;
  private int fresh;
  /**
   * Chooses the alias shapes that become a {@link ReturnedShapes} one: a stream of its own, so
   * that the other shapes' seeds stay as they were.
   */
  private final SplittableRandom returnedRnd;
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
    this(seed, Feature.fromProperty());
  }

  ProgramGenerator(long seed, java.util.Set<Feature> features) {
    this.seed = seed;
    this.rnd = new SplittableRandom(seed);
    this.features = java.util.EnumSet.noneOf(Feature.class);
    this.features.addAll(features);
    this.shapeRnd = new SplittableRandom(seed ^ 0x3C6EF372FE94F82AL);
    this.returnedRnd = new SplittableRandom(seed ^ 0x5851F42D4C957F2DL);
    List<Feature> fs = new ArrayList<>(this.features);
    fs.remove(Feature.MODEL);
    if (!fs.isEmpty() && shapeRnd.nextInt(4) != 0) {
      int n = shapeRnd.nextInt(10) < 7 ? 1 : 2;
      for (int i = 0; i < n; i++) {
        chosen.add(fs.get(shapeRnd.nextInt(fs.size())));
      }
    }
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
    } else if (chosen.contains(Feature.PARAM_WRITE) && shapeRnd.nextInt(2) == 0) {
      // rows of a parameter matrix to write into (ParamRowShapes)
      params.add(new Param("m", Kind.MATRIX, 2, shapeRnd.nextInt(2, 4), 0));
    }
    if (rnd.nextInt(4) == 0) {
      params.add(new Param("n", Kind.INT, 0, 0, rnd.nextInt(1, 5)));
    }
    Param record = null;
    if (chosen.contains(Feature.RECORD)) {
      record = new Param("r", Kind.RECORD, shapeRnd.nextInt(2, 4), 0, shapeRnd.nextInt(1, 4));
      params.add(record);
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
        case RECORD -> recordParameter(p, scope);
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
    for (Feature f : chosen) {
      if (shapeRnd.nextInt(100) < 75) {
        stmts.addAll(shapeStmts(f, scope));
        locals.add(shapeResult);
      }
    }
    Node ret = expr(scope, 3);
    for (String l : locals) {
      if (rnd.nextInt(3) != 0) {
        ret = Node.expr("@0@ + @1@", ret, Node.expr(l));
      }
    }
    stmts.add(Node.stmt("return @0@;", ret).pinned());
    List<Method> methods = new ArrayList<>(helpers);
    methods.addAll(shapeHelpers);
    methods.add(new Method("f", true, params, Node.block(stmts)));
    Program program = new Program(pkg, className, methods, seed);
    program.fields.addAll(fields);
    program.imports.addAll(imports);
    program.records.addAll(records);
    if (features.contains(Feature.MODEL)) {
      SplittableRandom modelRnd = new SplittableRandom(seed ^ 0x6A09E667F3BCC908L);
      if (features.size() == 1 || modelRnd.nextInt(4) == 0) {
        program.records.add(ModelArgs.declaration(modelRnd));
      }
    }
    return program;
  }

  /**
   * The {@code record} shape: the record's declaration, and its components and method as values
   * the body reads (never writes: a record's components are the gradient's parameters).
   */
  private void recordParameter(Param p, Scope scope) {
    String[] bodies = {
        "u * r0 + Math.sin(r1 * u) + rv[0] * rn",
        "this.r0 * rv[1] - u * u * r1()",
        "Math.exp(0.2 * rv()[0]) * u + r0 * r1",
        "rn > 2 ? u * rv[rv.length - 1] : r1 * u + r0"};
    records.removeIf(r -> r.startsWith("record " + Program.RECORD_TYPE + "("));
    records.add(0, RecordArgs.declaration(bodies[shapeRnd.nextInt(bodies.length)]));
    scope.reads.add(p.name() + ".r0()");
    scope.reads.add(p.name() + ".r1");
    scope.reads.add(p.name() + ".g(" + p.name() + ".r0())");
    String arg = scope.reads.stream().filter(r -> r.matches("p\\d")).findFirst().orElse("0.5");
    scope.reads.add(p.name() + ".g(" + arg + ")");
    scope.arrays.add(new Arr(p.name() + ".rv()", 1, p.rows(), 0, false));
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
      if (!chosen.isEmpty() && inShapeHelper == 0 && shapeRnd.nextInt(100) < 6) {
        // Shapes that declare arrays may stand inside loops since issue 13 (allocations are
        // hoisted); those that declare helpers or fields stay outside.
        List<Feature> fs = chosen.stream().filter(f -> scope.loops == 0 || f == Feature.LOOP_CHAIN
            || f == Feature.BOXED || f == Feature.IMPURE || f == Feature.VARARGS
            || f == Feature.FMA || f == Feature.INCR_IN_EXPR || f == Feature.LOOP_ALLOC
            || f == Feature.SWAP || f == Feature.PARAM_WRITE || f == Feature.ARRAY_UTIL
            || f == Feature.VAR_NEW || f == Feature.REFERENCE || f == Feature.LOGISTIC)
            .filter(f -> f != Feature.RECORD || scope.arrays.stream()
                .anyMatch(a -> a.name().equals("r.rv()")))
            .toList();
        if (!fs.isEmpty()) {
          out.addAll(shapeStmts(fs.get(shapeRnd.nextInt(fs.size())), scope));
          continue;
        }
      }
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
    if (depth > 0 && inShapeHelper == 0 && !chosen.isEmpty() && shapeRnd.nextInt(100) < 4) {
      Node n = shapeExpr(scope, depth - 1);
      if (n != null) {
        return n;
      }
    }
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
      // Piecewise calls whose reverse sweep is a select (c ? seed : 0.0), not a product.
      return switch (rnd.nextInt(6)) {
        case 0 -> Node.expr("dev.adjoint.Activations.relu(@0@)", expr(scope, d));
        case 1 -> Node.expr("dev.adjoint.Activations.leakyRelu(@0@, @1@)", expr(scope, d),
            expr(scope, d));
        default -> Node.expr(pick("Math.max", "Math.min") + "(@0@, @1@)", expr(scope, d),
            expr(scope, d));
      };
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

  // ---------------------------------------------------------------- feature shapes

  private String sfx() {
    return String.valueOf(fresh++);
  }

  private int sr(int n) {
    return shapeRnd.nextInt(n);
  }

  private String spick(String... options) {
    return options[shapeRnd.nextInt(options.length)];
  }

  private List<Arr> arrays(Scope scope, int dims) {
    return scope.arrays.stream().filter(a -> a.dims() == dims).toList();
  }

  private void result(Scope scope, String name) {
    scope.reads.add(name);
    scope.writes.add(name);
    shapeResult = name;
  }

  /** A double expression that reads an active value of {@code from} (if there is one). */
  private Node active(Scope scope, int d) {
    if (scope.reads.isEmpty()) {
      return Node.expr("(0.5 + @0@)", expr(scope, d));
    }
    String v = scope.reads.get(sr(scope.reads.size()));
    return switch (sr(3)) {
      case 0 -> Node.expr(v);
      case 1 -> Node.expr("(" + v + " + @0@)", expr(scope, d));
      default -> Node.expr(v + " * @0@", expr(scope, d));
    };
  }

  /** An expression over the given double names, for a shape helper's body. */
  private Node helperExpr(int d, String... reads) {
    Scope hs = new Scope();
    hs.reads.addAll(List.of(reads));
    inShapeHelper++;
    try {
      return expr(hs, d);
    } finally {
      inShapeHelper--;
    }
  }

  private String addHelper(String name, String header, Feature f, Node... stmts) {
    Node body = Node.block(new ArrayList<>(List.of(stmts)));
    body.shape(f.flag);
    shapeHelpers.add(Method.custom(name, header, body));
    return name;
  }

  /**
   * Statements over the record parameter: a local standing for its array component, an enhanced
   * for over it, and a call of its method with a value computed here.
   */
  private List<Node> recordStmts(Scope scope) {
    List<Node> out = new ArrayList<>();
    String s = "rs" + fresh++;
    String w = "rw" + fresh++;
    switch (shapeRnd.nextInt(5)) {
      case 4 -> {
        // a local record of scalars stepped by a static helper returning a new record (inlined)
        String pt = "pt" + fresh++;
        String pq = "pq" + fresh++;
        String k = "kp" + fresh++;
        String decl = "record Pt(double a, double b) { }";
        if (!records.contains(decl)) {
          records.add(decl);
        }
        String helper = "static Pt ptStep(Pt p, double c, double k) { return new Pt(p.b() * k + c,"
            + " Math.sin(p.a()) * c - p.b()); }";
        if (!records.contains(helper)) {
          records.add(helper); // a class member beside the record it returns
        }
        // or a helper of several statements: locals (named like the caller's), a loop, inlined
        // (chosen by the counter, not a draw, so that the other shapes' seeds stay as they were)
        boolean leap = fresh % 2 == 0;
        String leapHelper = "static Pt ptLeap(Pt p, double c, double k) { double a = p.a() * k;"
            + " double b = p.b(); for (int i = 0; i < 2; i++) { b += Math.sin(a) * c;"
            + " a -= 0.25 * b; } double[] t = {a, b}; t[1] *= 0.5;"
            + " return new Pt(t[0], t[1] + c); }";
        if (leap && !records.contains(leapHelper)) {
          records.add(leapHelper);
        }
        out.add(Node.stmt("Pt " + pt + " = new Pt(@0@, @1@);", expr(scope, 1), expr(scope, 1)));
        out.add(Node.stmt("for (int " + k + " = 0; " + k + " < 3; " + k + "++) { " + pt
            + " = " + (leap ? "ptLeap(" : "ptStep(") + pt + ", @0@, r.r0()); }", expr(scope, 1)));
        out.add(Node.stmt("var " + pq + " = ptStep(new Pt(" + pt + ".b(), @0@), 0.5, " + pt
            + ".a());", expr(scope, 1)));
        out.add(Node.stmt("double " + s + " = " + pq + ".a() * " + pt + ".b() + " + pq
            + ".b();"));
      }
      case 3 -> {
        // a local record of scalars, reassigned with a new record in a loop
        String pt = "pt" + fresh++;
        String k = "kp" + fresh++;
        String decl = "record Pt(double a, double b) { }";
        if (!records.contains(decl)) {
          records.add(decl);
        }
        out.add(Node.stmt("Pt " + pt + " = new Pt(@0@, @1@);", expr(scope, 1), expr(scope, 1)));
        out.add(Node.stmt("for (int " + k + " = 0; " + k + " < 3; " + k + "++) { " + pt
            + " = new Pt(" + pt + ".b() * 0.5 + @0@, Math.sin(" + pt + ".a()) * r.r0()); }",
            expr(scope, 1)));
        out.add(Node.stmt("double " + s + " = " + pt + ".a() * " + pt + ".b + r.g(" + pt
            + ".a());"));
      }
      case 0 -> {
        out.add(Node.stmt("double " + s + " = @0@;", expr(scope, 1)));
        out.add(Node.stmt("for (double v" + fresh + " : r.rv()) { " + s + " += v" + fresh
            + " * r.r1(); }"));
        fresh++;
      }
      case 1 -> {
        out.add(Node.stmt("double[] " + w + " = r.rv();"));
        out.add(Node.stmt("double " + s + " = " + w + "[0] * @0@ + " + w + "[" + w
            + ".length - 1];", expr(scope, 1)));
      }
      default -> {
        if (fresh % 3 != 0) {
          // the record passed on to a @Differentiable method that takes it (through its entry
          // point over the components), in a loop too; chosen by the counter, not a draw, so
          // that the other shapes' seeds stay as they were
          String user = "@Differentiable static double recUse(" + Program.RECORD_TYPE + " q,"
              + " double u) { double t = q.r1() * u; for (int i = 0; i < q.rv().length; i++) {"
              + " t += q.rv()[i] * Math.sin(u * q.r0()); } return t + q.g(u); }";
          if (!records.contains(user)) {
            records.add(user);
          }
          String k = "kq" + fresh++;
          out.add(Node.stmt("double " + s + " = recUse(r, @0@);", expr(scope, 1)));
          out.add(Node.stmt("for (int " + k + " = 0; " + k + " < 2; " + k + "++) { " + s
              + " += recUse(r, " + s + " * 0.25); }"));
          break;
        }
        out.add(Node.stmt("double " + s + " = r.g(@0@);", expr(scope, 1)));
        out.add(Node.stmt(s + " = r.g(" + s + " * 0.5) + r.r0;"));
      }
    }
    scope.reads.add(s);
    scope.writes.add(s);
    shapeResult = s;
    return out;
  }

  private boolean hasHelper(String name) {
    return shapeHelpers.stream().anyMatch(m -> m.name.equals(name));
  }

  private List<Node> shapeStmts(Feature f, Scope scope) {
    List<Node> out = switch (f) {
      case LOOP_CHAIN -> loopChain(scope);
      case BOXED -> boxedStmts(scope);
      case ALIAS -> alias(scope);
      case OUT_PARAM -> outParam(scope);
      case FOREACH_EXPR -> foreachExpr(scope);
      case IMPURE -> impureStmts(scope);
      case VARARGS -> varargsStmts(scope);
      case VAR_NEW -> varNew(scope);
      case RESET_ACCUMULATE -> resetAccumulate(scope);
      case ARRAY_UTIL -> arrayUtil(scope);
      case INCR_IN_EXPR -> incrInExpr(scope);
      case FMA -> fmaStmts(scope);
      case PARAM_WRITE -> paramWrite(scope);
      case LOOP_ALLOC -> loopAlloc(scope);
      case SWAP -> swap(scope);
      case RECORD -> recordStmts(scope);
      case REFERENCE -> references(scope);
      case SUM_TERMS -> sumTerms(scope);
      case MODEL -> throw new AssertionError("the model shape is a class, never statements");
      case DENSE_RELU -> denseRelu(scope);
      case LOGISTIC -> logistic(scope);
    };
    for (Node n : out) {
      if (n.shape == null) {
        n.shape(f.flag);
      }
    }
    return out;
  }

  /** An expression shape of an enabled feature, or null. */
  private Node shapeExpr(Scope scope, int d) {
    List<Feature> fs = new ArrayList<>();
    for (Feature f : List.of(Feature.BOXED, Feature.IMPURE, Feature.VARARGS, Feature.FMA)) {
      if (chosen.contains(f)) {
        fs.add(f);
      }
    }
    if (fs.isEmpty()) {
      return null;
    }
    Feature f = fs.get(sr(fs.size()));
    Node n = switch (f) {
      case BOXED -> boxedExpr(scope, d);
      case IMPURE -> impureExpr(scope, d);
      case FMA -> fmaExpr(scope, d);
      default -> varargsExpr(scope, d);
    };
    return n.shape(f.flag);
  }

  // 1. loop-local chains

  /**
   * {@code for (s) { for (j < z.length) z[j] = e; for (j) z[j] += e * ..; for (j) acc +=
   * f(z[j]); }}: the reset makes z's earlier values dead for the accumulation, which then
   * records nothing; the near misses (a reset that skips an element, or sits behind a branch)
   * must still record. A reset in full records z's old values as one block, unless its adjoint
   * reads z (a reset {@code z[j] = Math.sin(z[j]) + e}).
   */
  private List<Node> resetAccumulate(Scope scope) {
    String k = sfx();
    String z = "zz" + k;
    String acc = "zacc" + k;
    String s = "zs" + k;
    String j = "zj" + k;
    int len = 2 + sr(3);
    List<Node> out = new ArrayList<>();
    // Sized by a variable, loops bounded by it cover the array as z.length does (ArrayLengths).
    String n = sr(2) == 0 ? "zn" + k : null;
    if (n != null) {
      out.add(Node.stmt("int " + n + " = " + len + ";"));
    }
    String size = n != null ? n : z + ".length";
    out.add(Node.stmt("double[] " + z + " = new double[" + (n != null ? n : len) + "];"));
    out.add(Node.stmt("double " + acc + " = 0.0;"));
    Scope outer = scope.child();
    outer.inSwitch = false;
    outer.ints.add(s);
    outer.loops++;
    Scope in = outer.child();
    in.ints.add(j);
    in.loops++;
    String bound = switch (sr(4)) {
      case 0 -> size + " - 1"; // near miss: the last element keeps its old value
      default -> size;
    };
    // Near miss for the reset's one-block record (WholeArrayRecords): a reset whose adjoint
    // reads the element it overwrites keeps its records per element.
    String value = sr(4) == 0 ? "Math.sin(" + z + "[" + j + "]) + @0@" : "@0@";
    Node reset = Node.stmt("for (int " + j + " = 0; " + j + " < " + bound + "; " + j
        + "++) @0@", Node.block(List.of(Node.stmt(z + "[" + j + "] = " + value + ";",
            expr(in, 1)))));
    if (sr(5) == 0) {
      reset = Node.stmt("if (@0@ > 0) @1@", expr(outer, 1), Node.block(List.of(reset)));
    }
    Node accumulate = Node.stmt("for (int " + j + " = 0; " + j + " < " + size + "; " + j
        + "++) @0@", Node.block(List.of(Node.stmt(z + "[" + j + "] " + spick("+=", "-=", "+=")
        + " @0@ * (" + j + " + 1);", active(scope, 1)))));
    if (sr(3) == 0) {
      // GMM's triangular walk: a running index stepped by literals (undone, not recorded) and
      // an inner loop starting after the outer counter (its trip count computed, not recorded).
      String l = "zl" + k;
      String q = "zq" + k;
      accumulate = Node.block(List.of(Node.stmt("int " + l + " = " + sr(3) + ";"),
          Node.stmt("for (int " + j + " = 0; " + j + " < " + size + "; " + j + "++) @0@",
              Node.block(List.of(Node.stmt("for (int " + q + " = " + j + " + 1; " + q + " < "
                  + size + "; " + q + "++) @0@", Node.block(List.of(
                      Node.stmt(z + "[" + q + "] += @0@ * (" + l + " % 3 + 1);",
                          active(scope, 1)),
                      Node.stmt(spick(l + "++;", l + " += 2;", l + " = " + l + " + 1;",
                          l + " = 3 + " + l + ";")))))))),
          Node.stmt(spick(l + "--;", l + " -= 1;", l + " = " + l + " - 2;"))));
    }
    Node read = Node.stmt("for (int " + j + " = 0; " + j + " < " + size + "; " + j
        + "++) @0@", Node.block(List.of(Node.stmt(acc + " += " + spick("Math.tanh(", "Math.sin(",
        "0.5 * (") + z + "[" + j + "]) * " + z + "[" + j + "];"))));
    int samples = 2 + sr(3);
    out.add(Node.stmt("for (int " + s + " = 0; " + s + " < " + samples + "; " + s + "++) @0@",
        Node.block(List.of(reset, accumulate, read))));
    result(scope, acc);
    return out;
  }

  private List<Node> loopChain(Scope scope) {
    String k = sfx();
    String s = "zs" + k;
    String i = "zi" + k;
    String m = "zm" + k;
    String r = "zr" + k;
    List<Node> out = new ArrayList<>();
    out.add(sr(2) == 0 ? Node.stmt("double " + s + " = 0.0;")
        : Node.stmt("double " + s + " = @0@;", expr(scope, 1)));
    Scope in = scope.child();
    in.inSwitch = false;
    in.ints.add(i);
    in.loops++;
    List<Node> body = new ArrayList<>();
    List<Arr> a1 = arrays(scope, 1);
    String head;
    if (!a1.isEmpty() && sr(3) != 0) {
      Arr a = a1.get(sr(a1.size()));
      Arr b = a1.get(sr(a1.size()));
      head = "for (int " + i + " = 0; " + i + " < "
          + (sr(2) == 0 ? a.name() + ".length" : String.valueOf(a.len())) + "; " + i + "++) @0@";
      String ai = a.name() + "[" + i + "]";
      String bi = b.name() + "[" + (b == a ? i : "(" + i + " + " + sr(3) + ") % " + b.len())
          + "]";
      switch (sr(3)) {
        case 0 -> body.add(Node.stmt("double " + m + " = @0@ + @1@ * " + ai + ";",
            expr(in, 1), expr(in, 1)));
        case 1 -> body.add(Node.stmt("double " + m + " = " + ai + " * @0@;", active(scope, 1)));
        default -> body.add(Node.stmt("double " + m + " = Math.sin(" + ai + ") + @0@;",
            expr(in, 1)));
      }
      in.reads.add(m);
      switch (sr(3)) {
        case 0 -> body.add(Node.stmt("double " + r + " = " + bi + " - " + m + ";"));
        case 1 -> body.add(Node.stmt("double " + r + " = " + m + " * " + m + " - @0@;",
            expr(in, 1)));
        default -> body.add(Node.stmt("double " + r + " = @0@ - " + m + " * " + bi + ";",
            expr(in, 1)));
      }
    } else {
      int trips = 2 + sr(3);
      head = "for (int " + i + " = 1; " + i + " <= " + trips + "; " + i + "++) @0@";
      String t = "zt" + k;
      body.add(Node.stmt("double " + t + " = " + spick("0.5 * " + i, "(double) " + i + " / "
          + trips, i + " * 0.25 + 0.1", "Math.sqrt(" + i + ")") + ";"));
      body.add(Node.stmt("double " + m + " = " + spick(t + " * " + t, "Math.sin(" + t + ")",
          t + " * 0.5 + 1") + ";"));
      switch (sr(3)) {
        case 0 -> body.add(Node.stmt("double " + r + " = @0@ - " + m + ";", active(scope, 1)));
        case 1 -> body.add(Node.stmt("double " + r + " = @0@ * " + m + ";", active(scope, 1)));
        default -> body.add(Node.stmt("double " + r + " = Math.cos(@0@ + " + t + ") * " + m
            + ";", active(scope, 1)));
      }
      in.reads.add(t);
      in.reads.add(m);
    }
    in.reads.add(r);
    String last = r;
    if (sr(2) == 0) {
      String u = "zu" + k;
      body.add(Node.stmt("double " + u + " = " + r + " * @0@ + " + m + ";", expr(in, 1)));
      in.reads.add(u);
      last = u;
    }
    if (sr(3) == 0) {
      body.addAll(stmts(in, in.depth + 1));
    }
    body.add(Node.stmt(spick(s + " += " + last + " * " + last + ";", s + " += " + last + " * "
        + m + ";", s + " = " + s + " + Math.tanh(" + last + ");")));
    out.add(Node.stmt(head, Node.block(body)));
    result(scope, s);
    return out;
  }

  // 2. boxed and generic helpers

  private List<Node> boxedStmts(Scope scope) {
    String k = sfx();
    String z = "z" + k;
    List<Node> out = new ArrayList<>();
    if (sr(3) == 0) {
      String b = "zb" + k;
      out.add(Node.stmt("Double " + b + " = @0@;", active(scope, 2)));
      out.add(Node.stmt("double " + z + " = " + b + " * @0@;", expr(scope, 1)));
    } else {
      out.add(Node.stmt("double " + z + " = @0@;", boxedExpr(scope, 2)));
    }
    result(scope, z);
    return out;
  }

  private Node boxedExpr(Scope scope, int d) {
    return switch (sr(8)) {
      case 0 -> Node.expr("Double.valueOf(@0@)", expr(scope, d));
      case 1 -> Node.expr("((Double) (@0@))", active(scope, d));
      case 2 -> {
        imports.add("java.util.Objects");
        yield Node.expr("Objects.requireNonNull(@0@)", active(scope, d));
      }
      case 3 -> Node.expr("Double.valueOf(@0@).doubleValue()", expr(scope, d));
      case 4 -> Node.expr(boxedHelper() + "(@0@)", active(scope, d));
      case 5 -> Node.expr("0.001 * " + floatHelper() + "(@0@)", expr(scope, d));
      default -> Node.expr(pickHelper() + "(@0@, @1@)", active(scope, d), active(scope, d));
    };
  }

  private String boxedHelper() {
    String n = "zbox" + sfx();
    String type = spick("double", "Double");
    return addHelper(n, "static Double " + n + "(" + type + " u)", Feature.BOXED,
        Node.stmt("return @0@;", helperExpr(2, "u")).pinned());
  }

  private String floatHelper() {
    String n = "zflt" + sfx();
    return addHelper(n, "static float " + n + "(double u)", Feature.BOXED,
        Node.stmt("return (float) (@0@);", helperExpr(2, "u")).pinned());
  }

  private String pickHelper() {
    String n = "zpick" + sfx();
    Node body = switch (sr(3)) {
      case 0 -> Node.stmt("return a;");
      case 1 -> Node.stmt("return b;");
      default -> Node.stmt("T c = b;\nreturn c;");
    };
    return addHelper(n, "static <T> T " + n + "(T a, T b)", Feature.BOXED, body.pinned());
  }

  // 3. array aliases

  private String idHelper() {
    if (!hasHelper("zid")) {
      addHelper("zid", "static double[] zid(double[] v)", Feature.ALIAS,
          Node.stmt("return v;").pinned());
    }
    return "zid";
  }

  private String rowHelper() {
    if (!hasHelper("zrow")) {
      addHelper("zrow", "static double[] zrow(double[][] mm, int i)", Feature.ALIAS,
          Node.stmt("return mm[i];").pinned());
    }
    return "zrow";
  }

  /** Returns its argument through local aliases ({@code double[] y = v; return y;}). */
  private String localAliasHelper() {
    if (!hasHelper("zlid")) {
      addHelper("zlid", "static double[] zlid(double[] v)", Feature.ALIAS,
          Node.stmt("double[] y = v;").pinned(), Node.stmt("double[] w = y;").pinned(),
          Node.stmt("return w;").pinned());
    }
    return "zlid";
  }

  /** Writes into its argument and returns it (a writing helper: gradient only). */
  private String scaleReturningHelper() {
    if (!hasHelper("zscl")) {
      addHelper("zscl", "static double[] zscl(double[] v, double s)", Feature.OUT_PARAM,
          Node.stmt("for (int i = 0; i < v.length; i++) {\n  v[i] = v[i] * s + Math.sin(v[i]);"
              + "\n}"),
          Node.stmt("return v;").pinned());
    }
    return "zscl";
  }

  /** {@code original}, or in one case of three a {@link ReturnedShapes} shape instead. */
  private String returned(String original, java.util.function.IntFunction<String> shape) {
    // variants 4 to 6: the identity-chosen shape (one-dimensional only; two-dimensional wraps)
    return returnedRnd.nextInt(3) == 0 ? shape.apply(returnedRnd.nextInt(7)) : original;
  }

  /** Returns its argument, or a modified copy of it (the caller chooses by identity). */
  private String maybeCopyHelper() {
    if (!hasHelper("zmc")) {
      addHelper("zmc", "static double[] zmc(double[] v, boolean copy)", Feature.ALIAS,
          Node.stmt("if (copy) {\n  double[] w = v.clone();\n  w[0] = 2 * w[0] + Math.sin(w[1]);"
              + "\n  return w;\n}").pinned(),
          Node.stmt("return v;").pinned());
    }
    return "zmc";
  }

  /** Writes into its argument through local aliases (a writing helper). */
  private String aliasWritingHelper() {
    if (!hasHelper("zsca")) {
      addHelper("zsca", "static void zsca(double[] v, double s)", Feature.OUT_PARAM,
          Node.stmt("double[] w = v;").pinned(), Node.stmt("var u = w;").pinned(),
          Node.stmt("for (int i = 0; i < w.length; i++) {\n  u[i] = w[i] * s + Math.sin(u[i]);"
              + "\n}").pinned());
    }
    return "zsca";
  }

  /** A row with the index first, from two returns. */
  private String rowFirstHelper() {
    if (!hasHelper("zrowi")) {
      addHelper("zrowi", "static double[] zrowi(int i, double[][] mm)", Feature.ALIAS,
          Node.stmt("if (i < 0) {\n  return (mm[i]);\n}").pinned(),
          Node.stmt("return mm[i];").pinned());
    }
    return "zrowi";
  }

  /** Writes into a row of its matrix and returns that row (a writing helper). */
  private String squareRowHelper() {
    if (!hasHelper("zsqr")) {
      addHelper("zsqr", "static double[] zsqr(double[][] mm, int i)", Feature.OUT_PARAM,
          Node.stmt("for (int j = 0; j < mm[i].length; j++) {\n  mm[i][j] = mm[i][j] * mm[i][j]"
              + " + 0.5;\n}"),
          Node.stmt("return mm[i];").pinned());
    }
    return "zsqr";
  }

  private List<Node> alias(Scope scope) {
    String k = sfx();
    String h = "zh" + k;
    String y = "zy" + k;
    String z = "z" + k;
    List<Node> out = new ArrayList<>();
    boolean useVar = chosen.contains(Feature.VAR_NEW) && sr(2) == 0;
    if (sr(3) != 0) {
      int len = 2 + sr(2);
      out.add(Node.stmt((useVar ? "var " : "double[] ") + h + " = new double[" + len + "];"));
      for (int j = 0; j < len; j++) {
        if (j == 0 || sr(3) != 0) {
          out.add(Node.stmt(h + "[" + j + "] = @0@;", active(scope, 1)));
        }
      }
      out.add(Node.stmt(returned(switch (sr(9)) {
        case 0 -> "var " + y + " = " + h + ";";
        case 1 -> "double[] " + y + " = " + idHelper() + "(" + h + ");";
        case 2 -> "var " + y + " = " + idHelper() + "(" + h + ");";
        case 3 -> "double[] " + y + " = " + scaleReturningHelper() + "(" + h + ", "
            + spick("0.5", "1.5", h + "[0]") + ");";
        case 4 -> scaleReturningHelper() + "(" + idHelper() + "(" + h + "), 0.75);\n"
            + "double[] " + y + " = " + idHelper() + "(" + h + ");";
        case 5 -> "double[] " + y + ";\nif (" + h + ".length == " + len + ") {\n  " + y
            + " = " + idHelper() + "(" + h + ");\n} else {\n  " + y + " = " + h + ";\n}";
        case 6 -> "double[] " + y + " = new double[" + len + "];\nfor (int zt" + k
            + " = 0; zt" + k + " < 2; zt" + k + "++) {\n  " + y + " = " + spick(
            scaleReturningHelper() + "(" + idHelper() + "(" + h + "), 0.5 + zt" + k + ")",
            idHelper() + "(" + h + ")") + ";\n}";
        case 7 -> "double[] " + y + " = " + localAliasHelper() + "(" + h + ");";
        default -> "double[] " + y + " = (" + h + ");";
      }, v -> ReturnedShapes.oneDim(v, h, y, len, scaleReturningHelper(),
          aliasWritingHelper(), this::maybeCopyHelper))));
      int c = sr(len);
      out.add(Node.stmt(y + "[" + c + "] " + spick("=", "+=", "-=") + " @0@;", active(scope, 2)));
      if (sr(2) == 0) {
        out.add(Node.stmt(h + "[" + sr(len) + "] = " + y + "[" + sr(len) + "] * @0@;",
            expr(scope, 1)));
      }
      if (sr(3) == 0) { // a write into an element of an array chosen by ?:
        out.add(Node.stmt("(" + h + "[0] > " + y + "[" + sr(len) + "] ? " + h + " : " + y + ")["
            + sr(len) + "] " + spick("=", "+=", "*=") + " @0@;", active(scope, 1)));
      }
      out.add(Node.stmt("double " + z + " = " + h + "[" + c + "] * @0@ + " + y + "[" + sr(len)
          + "]" + (sr(2) == 0 ? " + " + idHelper() + "(" + y + ")[" + sr(len) + "]" : "")
          + (sr(2) == 0 ? " + (" + h + "[0] > " + y + "[0] ? " + h + " : " + y + ")[" + sr(len)
              + "]" : "") + ";",
          expr(scope, 1)));
      scope.arrays.add(new Arr(h, 1, len, 0, true));
      scope.arrays.add(new Arr(y, 1, len, 0, true));
    } else {
      int cols = 2 + sr(2);
      String q = "zq" + k;
      out.add(Node.stmt((useVar ? "var " : "double[][] ") + q + " = new double[2][" + cols
          + "];"));
      out.add(Node.stmt(q + "[0][" + sr(cols) + "] = @0@;", active(scope, 1)));
      out.add(Node.stmt(q + "[1][0] = @0@;", active(scope, 1)));
      int r = sr(2);
      out.add(Node.stmt(returned(switch (sr(8)) {
        case 0 -> "double[] " + y + " = " + rowHelper() + "(" + q + ", " + r + ");";
        case 1 -> "var " + y + " = " + rowHelper() + "(" + q + ", " + r + ");";
        case 4 -> "double[] " + y + " = " + rowFirstHelper() + "(" + r + ", " + q + ");";
        case 5 -> "int zri" + k + " = " + r + ";\ndouble[] " + y + " = " + squareRowHelper()
            + "(" + q + ", zri" + k + ");";
        case 6 -> "double[] " + y + ";\nif (" + q + "[0].length > " + sr(4) + ") {\n  " + y
            + " = " + rowHelper() + "(" + q + ", " + r + ");\n} else {\n  " + y + " = "
            + q + "[" + r + "];\n}";
        case 2 -> "double[] " + y + " = " + q + "[" + r + "];";
        case 7 -> "double[] " + y + " = " + scaleReturningHelper() + "(" + q + "[" + r + "], "
            + spick("0.5", "1.5") + ");";
        default -> "double[] " + y + " = (" + q + "[" + r + "]);";
      }, v -> ReturnedShapes.twoDim(v, k, q, y, r, cols, scaleReturningHelper(),
          squareRowHelper()))));
      if (sr(2) == 0) {
        out.add(Node.stmt(rowHelper() + "(" + q + ", " + sr(2) + ")[" + sr(cols) + "] "
            + spick("=", "+=", "*=") + " @0@;", active(scope, 1)));
      }
      int c = sr(cols);
      out.add(Node.stmt(y + "[" + c + "] " + spick("=", "+=", "*=") + " @0@;", active(scope, 2)));
      out.add(Node.stmt("double " + z + " = " + q + "[" + r + "][" + c + "] * @0@ + " + y + "["
          + sr(cols) + "]" + (sr(2) == 0 ? " + " + rowHelper() + "(" + q + ", " + sr(2) + ")["
          + sr(cols) + "]" : "") + ";", expr(scope, 1)));
      scope.arrays.add(new Arr(q, 2, 2, cols, true));
      scope.arrays.add(new Arr(y, 1, cols, 0, true));
    }
    result(scope, z);
    return out;
  }

  // 4. helpers writing into their array parameter

  private String fillHelper() {
    String n = "zfill" + sfx();
    Node[] body = switch (sr(4)) {
      case 0 -> new Node[] {Node.stmt("v[0] = s;"), Node.stmt("return 0;").pinned()};
      case 1 -> new Node[] {Node.stmt("v[0] += s * s;"), Node.stmt("return 0;").pinned()};
      case 2 -> new Node[] {Node.stmt("v[1] = s * v[0];"), Node.stmt("return s;").pinned()};
      default -> new Node[] {Node.stmt("v[0] = Math.sin(s) + v[1];"),
          Node.stmt("return 0.0;").pinned()};
    };
    return addHelper(n, "static double " + n + "(double[] v, double s)", Feature.OUT_PARAM, body);
  }

  private String putHelper() {
    String n = "zput" + sfx();
    Node[] body = switch (sr(3)) {
      case 0 -> new Node[] {Node.stmt("v[1] = s * s;")};
      case 1 -> new Node[] {Node.stmt("v[0] = Math.sin(s);"), Node.stmt("v[1] += s;")};
      default -> new Node[] {Node.stmt("for (int i = 0; i < v.length; i++) {\n"
          + "  v[i] = v[i] * s + 1.0;\n}")};
    };
    return addHelper(n, "static void " + n + "(double[] v, double s)", Feature.OUT_PARAM, body);
  }

  /**
   * A helper writing every row of a matrix through an enhanced for ({@code for (double[] r : mm)
   * put(r, s);}): once taken for a helper that writes nothing (a wrong gradient).
   */
  private String rowsHelper() {
    String n = "zrows" + sfx();
    String put = putHelper();
    return addHelper(n, "static void " + n + "(double[][] mm, double s)", Feature.OUT_PARAM,
        Node.stmt("for (double[] r : mm) {\n  " + put + "(r, s);\n}"));
  }

  /** A helper writing {@code dst} from {@code src}: a pure out-parameter or an accumulation. */
  private String mapHelper() {
    String n = "zmap" + sfx();
    Node[] body = switch (sr(3)) {
      case 0 -> new Node[] {Node.stmt("for (int i = 0; i < dst.length; i++) {\n"
          + "  dst[i] = src[i] * s + Math.sin(src[(i + 1) % src.length]);\n}")};
      case 1 -> new Node[] {Node.stmt("dst[0] += s * src[1];"),
          Node.stmt("dst[1] = src[0] * dst[1] + s;")};
      default -> new Node[] {Node.stmt("double t = 0;"), Node.stmt("for (int i = 0; i < src.length;"
          + " i++) {\n  t += src[i] * src[i];\n}"), Node.stmt("dst[0] = Math.sqrt(t + 1.0) * s;"),
          Node.stmt("dst[1] -= t * 0.25;")};
    };
    return addHelper(n, "static void " + n + "(double[] src, double[] dst, double s)",
        Feature.OUT_PARAM, body);
  }

  /** A void helper calling two writing helpers: a chain. */
  private String chainHelper() {
    String n = "zchain" + sfx();
    String put = putHelper();
    String map = mapHelper();
    return addHelper(n, "static void " + n + "(double[] v, double[] u, double s)",
        Feature.OUT_PARAM, Node.stmt(put + "(v, s);"), Node.stmt(map + "(v, u, s * 0.5);"));
  }

  private List<Node> outParam(Scope scope) {
    String k = sfx();
    String y = "zy" + k;
    String z = "z" + k;
    List<Node> out = new ArrayList<>();
    int len = 2 + sr(2);
    boolean useVar = chosen.contains(Feature.VAR_NEW) && sr(2) == 0;
    out.add(Node.stmt((useVar ? "var " : "double[] ") + y + " = new double[" + len + "];"));
    if (sr(2) == 0) {
      out.add(Node.stmt(y + "[1] = @0@;", active(scope, 1)));
    }
    String w = "zw" + k;
    boolean two = sr(2) == 0;
    if (two) {
      out.add(Node.stmt("double[] " + w + " = new double[" + len + "];"));
      out.add(Node.stmt(w + "[0] = @0@;", active(scope, 1)));
    }
    String zm = "zm" + k;
    boolean matrix = sr(4) == 0;
    if (matrix) {
      out.add(Node.stmt("double[][] " + zm + " = new double[2][" + len + "];"));
      out.add(Node.stmt(zm + "[" + sr(2) + "][1] = @0@;", active(scope, 1)));
    }
    String r = "zr" + k;
    boolean result = false;
    List<String> accumulators = new ArrayList<>();
    int calls = 1 + sr(2);
    for (int c = 0; c < calls; c++) {
      Node call = switch (two ? sr(6) : sr(3)) {
        case 0 -> {
          String fn = fillHelper();
          if (!result && sr(2) == 0) {
            result = true;
            yield Node.stmt("double " + r + " = " + fn + "(" + y + ", @0@);", active(scope, 2));
          }
          yield Node.stmt(fn + "(" + y + ", @0@);", active(scope, 2));
        }
        case 1 -> Node.stmt(fillHelper() + "(" + y + ", " + y + "[0] * 0.5 + @0@);",
            active(scope, 1));
        case 2 -> matrix && sr(3) == 0
            ? Node.stmt(rowsHelper() + "(" + zm + ", @0@);", active(scope, 2))
            : Node.stmt(putHelper() + "(" + (matrix && sr(2) == 0 ? zm + "[" + sr(2) + "]" : y)
                + spick("", "", ".clone()") + ", @0@);", active(scope, 2)); // a copy: writes lost
        case 3 -> sr(5) == 0 // near miss: one array for both parameters (rejected at the call)
            ? Node.stmt(mapHelper() + "(" + y + ", " + y + ", @0@);", active(scope, 1))
            : Node.stmt(mapHelper() + "(" + spick(y + ", " + w, w + ", " + y) + ", @0@);",
                active(scope, 1));
        case 4 -> Node.stmt(chainHelper() + "(" + spick(y + ", " + w, w + ", " + y)
            + ", @0@);", active(scope, 1));
        default -> {
          // two names that may be one array (a swap, a row alias) but are distinct here: the
          // gradient compares them before the call and goes on
          String t = "zt" + sfx();
          if (matrix && sr(2) == 0) {
            out.add(Node.stmt("double[] " + t + " = " + zm + "[1];"));
            yield Node.stmt(mapHelper() + "(" + spick(zm + "[0], " + t, t + ", " + zm + "[0]")
                + ", @0@);", active(scope, 1));
          }
          out.add(Node.stmt("double[] " + t + " = " + y + ";"));
          out.add(Node.stmt(y + " = " + w + ";"));
          out.add(Node.stmt(w + " = " + t + ";"));
          yield Node.stmt(mapHelper() + "(" + spick(y + ", " + w, w + ", " + y) + ", @0@);",
              active(scope, 1));
        }
      };
      if (sr(4) == 0 && !call.template.startsWith("double ")) {
        String i = "zi" + sfx();
        List<Node> body = List.of(call);
        if (sr(2) == 0) {
          // a temporary read before the call and used after it: the reverse sweep must not
          // recompute it from the array the call has overwritten (a wrong gradient once)
          String q = "zq" + sfx();
          String acc = "zs" + sfx();
          out.add(Node.stmt("double " + acc + " = 0;"));
          body = List.of(Node.stmt("double " + q + " = " + y + "[" + i + " % " + len + "] * " + y
              + "[0];"), call, Node.stmt(acc + " += " + q + " * " + y + "[1];"));
          accumulators.add(acc);
        }
        out.add(Node.stmt("for (int " + i + " = 0; " + i + " < " + (2 + sr(2)) + "; " + i
            + "++) @0@", Node.block(body)));
      } else {
        out.add(call);
      }
    }
    String read = y + "[0] * @0@ + " + y + "[1]" + (two ? " + " + w + "[1] * " + w + "[0]" : "")
        + (matrix ? " + " + zm + "[0][1] * " + zm + "[1][0] + " + zm + "[1][1]" : "")
        + (result ? " + " + r : "") + String.join("", accumulators.stream()
            .map(a -> " + " + a).toList());
    out.add(Node.stmt("double " + z + " = " + read + ";", expr(scope, 1)));
    scope.arrays.add(new Arr(y, 1, len, 0, true));
    if (two) {
      scope.arrays.add(new Arr(w, 1, len, 0, true));
    }
    result(scope, z);
    return out;
  }

  // 5. enhanced for over an expression

  private String mkHelper() {
    String n = "zmk" + sfx();
    Node[] body = sr(2) == 0
        ? new Node[] {Node.stmt("return new double[] {a, a * b, Math.sin(b)};").pinned()}
        : new Node[] {Node.stmt("double[] r = new double[2];"), Node.stmt("r[0] = a * b;"),
            Node.stmt("r[1] = b;"), Node.stmt("return r;").pinned()};
    return addHelper(n, "static double[] " + n + "(double a, double b)", Feature.FOREACH_EXPR,
        body);
  }

  private List<Node> foreachExpr(Scope scope) {
    String k = sfx();
    String j = "zj" + k;
    String v = "zv" + k;
    String s = "zs" + k;
    String z = "z" + k;
    List<Node> out = new ArrayList<>();
    List<Arr> mats = arrays(scope, 2);
    Arr mat;
    if (mats.isEmpty() || sr(3) == 0) {
      int cols = 2 + sr(2);
      String q = "zq" + k;
      out.add(Node.stmt("double[][] " + q + " = new double[2][" + cols + "];"));
      String r = "zr" + k;
      String c = "zc" + k;
      out.add(Node.stmt("for (int " + r + " = 0; " + r + " < 2; " + r + "++) @0@",
          Node.block(List.of(Node.stmt("for (int " + c + " = 0; " + c + " < " + cols + "; " + c
              + "++) @0@", Node.block(List.of(Node.stmt(q + "[" + r + "][" + c + "] = @0@ + "
              + r + " - 0.5 * " + c + ";", active(scope, 1)))))))));
      mat = new Arr(q, 2, 2, cols, true);
      scope.arrays.add(mat);
    } else {
      mat = mats.get(sr(mats.size()));
    }
    out.add(Node.stmt("int " + j + " = " + sr(mat.len()) + ";"));
    out.add(Node.stmt("double " + s + " = 0.0;"));
    List<Node> kids = new ArrayList<>();
    String iter;
    List<Arr> a1 = arrays(scope, 1);
    switch (sr(6)) {
      case 0, 1 -> iter = mat.name() + "[" + j + "]";
      case 2 -> iter = "(" + mat.name() + "[" + j + "])";
      case 3 -> iter = rowHelper() + "(" + mat.name() + ", " + j + ")";
      case 4 -> {
        if (!a1.isEmpty()) {
          iter = idHelper() + "(" + a1.get(sr(a1.size())).name() + ")";
        } else {
          iter = mat.name() + "[" + j + "]";
        }
      }
      default -> {
        iter = mkHelper() + "(@0@, @1@)";
        kids.add(active(scope, 1));
        kids.add(expr(scope, 1));
      }
    }
    Scope in = scope.child();
    in.inSwitch = false;
    in.loops++;
    in.reads.add(v);
    List<Node> body = new ArrayList<>();
    Node use = Node.stmt(s + " += " + v + " * @0@;", active(in, 1));
    Node step = Node.stmt(j + " = " + spick("(" + j + " + 1) % " + mat.len(), (mat.len() - 1)
        + " - " + j) + ";");
    if (sr(2) == 0) {
      body.add(use);
      body.add(step);
    } else {
      body.add(step);
      body.add(use);
    }
    if (sr(3) == 0) {
      body.addAll(stmts(in, in.depth + 1));
    }
    kids.add(Node.block(body));
    out.add(Node.stmt("for (double " + v + " : " + iter + ") @" + (kids.size() - 1) + "@",
        kids.toArray(new Node[0])));
    out.add(Node.stmt("double " + z + " = " + s + " + " + mat.name() + "[" + j + "][0] * @0@;",
        expr(scope, 1)));
    result(scope, z);
    return out;
  }

  // 6. impure calls

  private void ensureImpure() {
    if (impureState) {
      return;
    }
    impureState = true;
    fields.add("static int calls;");
    fields.add("static final java.util.Random RNG = new java.util.Random(7);");
    Method reset = Method.custom("reset", "static void reset()", Node.block(List.of(
        Node.stmt("calls = 0;").pinned(), Node.stmt("RNG.setSeed(7);").pinned())));
    reset.keep = true;
    shapeHelpers.add(0, reset);
  }

  private String tickHelper() {
    ensureImpure();
    String n = "ztick" + sfx();
    Node[] body = switch (sr(3)) {
      case 0 -> new Node[] {Node.stmt("calls++;"),
          Node.stmt("return u * (1.0 + 0.5 * calls);").pinned()};
      case 1 -> new Node[] {Node.stmt("calls += 1;"),
          Node.stmt("return Math.sin(u) + 0.25 * calls * u;").pinned()};
      default -> new Node[] {Node.stmt("return u * ++calls;").pinned()};
    };
    return addHelper(n, "static double " + n + "(double u)", Feature.IMPURE, body);
  }

  /** A helper without parameters that counts its calls: called with constants only. */
  private String countHelper() {
    ensureImpure();
    String n = "zcount" + sfx();
    return addHelper(n, "static double " + n + "()", Feature.IMPURE, Node.stmt("calls++;"),
        Node.stmt("return 0.5 * calls;").pinned());
  }

  private Node impureExpr(Scope scope, int d) {
    ensureImpure();
    int form = sr(7);
    if (form < 2 && !GradientOracle.MathRandom.available()) {
      form = 2;
    }
    return switch (form) {
      case 0 -> Node.expr("@0@ * Math.random()", active(scope, d));
      case 1 -> Node.expr("(Math.random() + @0@) * @1@", expr(scope, d), active(scope, d));
      case 2 -> Node.expr("@0@ * RNG.nextDouble()", active(scope, d));
      // Java reads the counter before the call bumps it: evaluation order must survive.
      case 3 -> Node.expr("(@0@ * calls + @1@ * " + countHelper() + "())", active(scope, d),
          active(scope, d));
      case 4 -> Node.expr("(" + countHelper() + "() * @0@ - calls * @1@)", active(scope, d),
          active(scope, d));
      default -> Node.expr(tickHelper() + "(@0@)", active(scope, d));
    };
  }

  private List<Node> impureStmts(Scope scope) {
    String k = sfx();
    String z = "z" + k;
    List<Node> out = new ArrayList<>();
    switch (sr(4)) {
      case 0 -> out.add(Node.stmt("double " + z + " = @0@;", impureExpr(scope, 2)));
      case 3 -> {
        // The reverse sweep of the first statement runs after the call changed the counter.
        out.add(Node.stmt("double " + z + " = @0@ * (1 + calls);", active(scope, 2)));
        out.add(Node.stmt(countHelper() + "();"));
      }
      case 1 -> {
        String i = "zi" + k;
        Scope in = scope.child();
        in.ints.add(i);
        in.loops++;
        in.inSwitch = false;
        out.add(Node.stmt("double " + z + " = 0.0;"));
        out.add(Node.stmt("for (int " + i + " = 0; " + i + " < " + (2 + sr(3)) + "; " + i
            + "++) @0@", Node.block(List.of(Node.stmt(z + " += @0@;", impureExpr(in, 1))))));
      }
      default -> out.add(Node.stmt("double " + z + " = " + tickHelper() + "(@0@) * @1@;",
          active(scope, 2), expr(scope, 1)));
    }
    result(scope, z);
    return out;
  }

  // 7. varargs helpers

  private String varargsHelper(boolean lead) {
    String n = "zva" + sfx();
    if (lead) {
      return addHelper(n, "static double " + n + "(double w, double... xs)", Feature.VARARGS,
          Node.stmt("double s = w;"), Node.stmt("for (double v : xs) {\n  s += w * v;\n}"),
          Node.stmt("return s;").pinned());
    }
    Node[] body = switch (sr(3)) {
      case 0 -> new Node[] {Node.stmt("double s = 0;"),
          Node.stmt("for (double v : xs) {\n  s += v * v;\n}"), Node.stmt("return s;").pinned()};
      case 1 -> new Node[] {Node.stmt("double s = 0;"),
          Node.stmt("for (int i = 0; i < xs.length; i++) {\n  s += xs[i] * (i + 1);\n}"),
          Node.stmt("return s;").pinned()};
      default -> new Node[] {Node.stmt(
          "return xs[0] * xs.length + Math.sin(xs[xs.length - 1]);").pinned()};
    };
    return addHelper(n, "static double " + n + "(double... xs)", Feature.VARARGS, body);
  }

  private Node varargsExpr(Scope scope, int d) {
    boolean lead = sr(4) == 0;
    String fn = varargsHelper(lead);
    List<Arr> a1 = arrays(scope, 1);
    int arity = sr(4);
    StringBuilder t = new StringBuilder(fn).append('(');
    List<Node> kids = new ArrayList<>();
    if (lead) {
      t.append("@0@");
      kids.add(active(scope, d));
    }
    if (arity == 0 && !a1.isEmpty()) {
      t.append(lead ? ", " : "").append(a1.get(sr(a1.size())).name());
    } else {
      int n = Math.max(arity, lead ? 0 : 1);
      for (int i = 0; i < n; i++) {
        t.append(kids.isEmpty() ? "" : ", ").append('@').append(kids.size()).append('@');
        kids.add(i == 0 ? active(scope, d) : expr(scope, d));
      }
    }
    return Node.expr(t.append(')').toString(), kids.toArray(new Node[0]));
  }

  private List<Node> varargsStmts(Scope scope) {
    String z = "z" + sfx();
    List<Node> out = new ArrayList<>();
    out.add(Node.stmt("double " + z + " = @0@;", varargsExpr(scope, 2)));
    result(scope, z);
    return out;
  }

  // 8. var locals and parenthesised array expressions

  private List<Node> varNew(Scope scope) {
    String k = sfx();
    String z = "z" + k;
    List<Node> out = new ArrayList<>();
    List<Arr> mats = arrays(scope, 2);
    int form = sr(3);
    if (form == 1 && !mats.isEmpty()) {
      Arr mat = mats.get(sr(mats.size()));
      String r = "zr" + k;
      int row = sr(mat.len());
      int c = sr(mat.cols());
      out.add(Node.stmt("double[] " + r + " = (" + mat.name() + "[" + row + "]);"));
      if (mat.writable() && sr(2) == 0) {
        out.add(Node.stmt(r + "[" + c + "] = @0@;", active(scope, 2)));
        out.add(Node.stmt("double " + z + " = " + mat.name() + "[" + row + "][" + c
            + "] * @0@ + " + r + "[" + sr(mat.cols()) + "];", expr(scope, 1)));
      } else {
        out.add(Node.stmt("double " + z + " = " + r + "[" + c + "] * @0@;", expr(scope, 1)));
      }
      scope.arrays.add(new Arr(r, 1, mat.cols(), 0, mat.writable()));
    } else if (form != 2) {
      String y = "zy" + k;
      out.add(Node.stmt("var " + y + " = new double[3];"));
      out.add(Node.stmt(y + "[0] = @0@;", active(scope, 2)));
      out.add(Node.stmt(y + "[2] = " + y + "[0] * @0@;", expr(scope, 1)));
      out.add(Node.stmt("double " + z + " = " + y + "[2] + " + y + "[1];"));
      scope.arrays.add(new Arr(y, 1, 3, 0, true));
    } else {
      out.add(Node.stmt("var " + z + " = 0.5 * @0@;", expr(scope, 2)));
    }
    result(scope, z);
    return out;
  }

  // 10. JDK array utilities

  /**
   * {@code double[] y = Arrays.copyOf(x, n)} or {@code Arrays.copyOfRange(x, from, to)} of an
   * array in scope, then {@code Arrays.fill} of all or part of it with an active value (outside
   * or inside a loop), {@code System.arraycopy} within it (overlapping, either direction) or
   * from another array, and a read of every element.
   */
  private List<Node> arrayUtil(Scope scope) {
    String k = sfx();
    String y = "zu" + k;
    String z = "z" + k;
    String j = "zj" + k;
    List<Node> out = new ArrayList<>();
    List<Arr> a1 = arrays(scope, 1);
    String src;
    int srcLen;
    if (a1.isEmpty() || sr(5) == 0) {
      src = "zv" + k;
      srcLen = 2 + sr(3);
      out.add(Node.stmt("double[] " + src + " = new double[" + srcLen + "];"));
      out.add(Node.stmt("java.util.Arrays.fill(" + src + ", @0@);", active(scope, 2)));
      scope.arrays.add(new Arr(src, 1, srcLen, 0, true));
    } else {
      Arr a = a1.get(sr(a1.size()));
      src = a.name();
      srcLen = a.len();
    }
    int len;
    if (sr(2) == 0) {
      len = 1 + sr(srcLen + 2);
      out.add(Node.stmt("double[] " + y + " = java.util.Arrays.copyOf(" + src + ", " + len
          + ");"));
    } else {
      int from = sr(srcLen + 1);
      int to = from + sr(srcLen + 3 - from) + (from == srcLen ? 1 : 0);
      len = to - from;
      out.add(Node.stmt("double[] " + y + " = java.util.Arrays.copyOfRange(" + src + ", "
          + from + ", " + to + ");"));
    }
    if (len == 0) {
      out.add(Node.stmt("double " + z + " = " + y + ".length * @0@;", expr(scope, 1)));
      result(scope, z);
      return out;
    }
    switch (sr(4)) {
      case 0 -> out.add(Node.stmt("java.util.Arrays.fill(" + y + ", @0@);", active(scope, 2)));
      case 1 -> {
        int from = sr(len + 1);
        int to = from + sr(len + 1 - from);
        out.add(Node.stmt("java.util.Arrays.fill(" + y + ", " + from + ", " + to + ", @0@);",
            active(scope, 2)));
      }
      case 2 -> {
        int n = 1 + sr(len);
        int sp = sr(len - n + 1);
        int dp = sr(len - n + 1);
        out.add(Node.stmt("System.arraycopy(" + y + ", " + sp + ", " + y + ", " + dp + ", " + n
            + ");"));
      }
      default -> {
        int n = Math.min(len, srcLen) == 0 ? 0 : 1 + sr(Math.min(len, srcLen));
        int sp = sr(srcLen - n + 1);
        int dp = sr(len - n + 1);
        out.add(Node.stmt("System.arraycopy(" + src + ", " + sp + ", " + y + ", " + dp + ", " + n
            + ");"));
      }
    }
    out.add(Node.stmt("double " + z + " = 0.0;"));
    if (sr(2) == 0) {
      // a copy as an argument, or assigned to the copy's name again
      String copy = switch (sr(4)) {
        case 0 -> "java.util.Arrays.copyOfRange(" + src + ", " + sr(srcLen + 1) + ", "
            + (srcLen + sr(2)) + ")";
        case 1 -> "java.util.Arrays.copyOf(" + y + ", " + sr(len + 2) + ")";
        case 2 -> y + ".clone()";
        default -> src + ".clone()";
      };
      out.add(Node.stmt(z + " += " + sumHelper() + "(" + copy + ") * @0@;", expr(scope, 1)));
      if (sr(2) == 0) {
        out.add(Node.stmt(y + " = java.util.Arrays.copyOf(" + y + ", " + len + ");"));
        out.add(Node.stmt(y + "[" + sr(len) + "] *= @0@;", active(scope, 1)));
      }
    }
    Scope in = scope.child();
    in.inSwitch = false;
    in.ints.add(j);
    in.loops++;
    List<Node> body = new ArrayList<>();
    if (sr(3) == 0) {
      // a fill inside a loop, with a value that depends on the counter
      body.add(Node.stmt("java.util.Arrays.fill(" + y + ", " + sr(len) + ", " + len + ", "
          + y + "[" + sr(len) + "] * (" + j + " + 0.5));"));
    }
    body.add(Node.stmt(z + " += " + spick("Math.sin(", "Math.tanh(", "0.5 * (") + y + "[" + j
        + "]) * (" + j + " + 1);"));
    out.add(Node.stmt("for (int " + j + " = 0; " + j + " < " + y + ".length; " + j + "++) @0@",
        Node.block(body)));
    scope.arrays.add(new Arr(y, 1, len, 0, true));
    result(scope, z);
    return out;
  }

  /** {@code zsum(v)}: a helper reading every element of the array it receives. */
  private String sumHelper() {
    if (!hasHelper("zsum")) {
      addHelper("zsum", "static double zsum(double[] v)", Feature.ARRAY_UTIL,
          Node.stmt("double s = 0;").pinned(),
          Node.stmt("for (int i = 0; i < v.length; i++) {\n  s += Math.sin(v[i]) * (i + 1);\n}")
              .pinned(),
          Node.stmt("return s;").pinned());
    }
    return "zsum";
  }

  // 11. increments and assignments inside expressions

  /** A 1-D array in scope to read (or a fresh one filled with an active value). */
  private Arr readable(Scope scope, String k, List<Node> out) {
    List<Arr> a1 = arrays(scope, 1).stream().filter(a -> a.len() >= 2).toList();
    if (!a1.isEmpty() && sr(4) != 0) {
      return a1.get(sr(a1.size()));
    }
    String v = "zv" + k;
    int len = 2 + sr(3);
    out.add(Node.stmt("double[] " + v + " = new double[" + len + "];"));
    out.add(Node.stmt("for (int zi" + k + " = 0; zi" + k + " < " + len + "; zi" + k
        + "++) @0@", Node.block(List.of(Node.stmt(v + "[zi" + k + "] = (zi" + k
        + " + 1) * @0@;", active(scope, 2))))));
    Arr fresh = new Arr(v, 1, len, 0, true);
    scope.arrays.add(fresh);
    return fresh;
  }

  private List<Node> incrInExpr(Scope scope) {
    String k = sfx();
    String z = "z" + k;
    String c = "zc" + k;
    List<Node> out = new ArrayList<>();
    Arr a = readable(scope, k, out);
    String n = a.name();
    int len = a.len();
    out.add(Node.stmt("int " + c + " = " + Math.min(sr(2), len - 2) + ";"));
    out.add(Node.stmt("double " + z + " = 0.0;"));
    switch (sr(7)) {
      case 0 -> {
        // packed reads: at most len - 1 of them from a start of 0 or 1
        out.add(Node.stmt(z + " = " + n + "[" + c + "++] * @0@;", expr(scope, 1)));
        out.add(Node.stmt(z + " += " + n + "[" + c + "++] + " + c + ";"));
      }
      case 1 -> out.add(Node.stmt("while ((" + c + " += " + (1 + sr(2)) + ") < " + len + ") @0@",
          Node.block(List.of(Node.stmt(z + " = " + z + " * 0.5 + " + n + "[" + c + "] * @0@;",
              expr(scope, 1))))));
      case 2 -> out.add(Node.stmt("do @0@ while (++" + c + " < " + len + ");",
          Node.block(List.of(Node.stmt("if (" + c + " == 1) {\n  continue;\n}"),
              Node.stmt(z + " = Math.sin(" + z + ") + " + n + "[" + c + "] * @0@;",
                  expr(scope, 1))))));
      case 3 -> out.add(Node.stmt(z + " = " + n + "[" + c + "] * " + n + "[++" + c + "] - " + c
          + ";"));
      case 4 -> {
        String b = "zb" + k;
        String i = "zi" + k;
        String j = "zj" + k;
        out.add(Node.stmt("double[] " + b + " = new double[" + len + "];"));
        out.add(Node.stmt(c + " = 0;"));
        out.add(Node.stmt("for (int " + j + " = 0; " + j + " < " + len + "; " + j + "++) @0@",
            Node.block(List.of(Node.stmt("if (" + n + "[" + j + "] > " + spick("0.0", "0.3",
                "(-0.4)") + ") {\n  " + b + "[" + c + "++] = " + n + "[" + j + "] * " + n + "["
                + j + "];\n}")))));
        out.add(Node.stmt("for (int " + i + " = 0; " + i + " < " + c + "; " + i + "++) @0@",
            Node.block(List.of(Node.stmt(z + " += " + b + "[" + i + "] * (" + i + " + 1);")))));
        scope.arrays.add(new Arr(b, 1, len, 0, true));
      }
      case 5 -> {
        String s = "zs" + k;
        out.add(Node.stmt("double " + s + " = @0@;", active(scope, 2)));
        out.add(Node.stmt(z + " = " + s + " + (" + s + " = @0@) * " + s + " + (" + s + " *= "
            + spick("0.5", "1.5", "(-2.0)") + ");", active(scope, 2)));
      }
      default -> {
        String j = "zj" + k;
        out.add(Node.stmt("for (int " + j + " = 0; " + j + "++ < " + len + "; ) @0@",
            Node.block(List.of(Node.stmt(z + " += Math.tanh(" + n + "[" + j + " - 1]) * "
                + j + ";")))));
      }
    }
    result(scope, z);
    return out;
  }

  // 12. fused multiply-add

  /** {@code Math.fma(a, b, c)} (or StrictMath's), its arguments active or not. */
  private Node fmaExpr(Scope scope, int d) {
    Node[] args = new Node[3];
    for (int i = 0; i < 3; i++) {
      args[i] = sr(3) == 0 ? expr(scope, d) : active(scope, d);
    }
    return Node.expr(spick("Math", "StrictMath") + ".fma(@0@, @1@, @2@)", args);
  }

  private List<Node> fmaStmts(Scope scope) {
    String z = "z" + sfx();
    List<Node> out = new ArrayList<>();
    out.add(Node.stmt("double " + z + " = @0@;", fmaExpr(scope, 2)));
    result(scope, z);
    return out;
  }

  // 13. writes into parameter arrays

  private List<Node> paramWrite(Scope scope) {
    String k = sfx();
    String z = "z" + k;
    String j = "zj" + k;
    List<Node> out = new ArrayList<>();
    Arr x = scope.arrays.stream().filter(a -> a.name().equals("x")).findFirst().orElse(null);
    Arr m = scope.arrays.stream().filter(a -> a.name().equals("m") && a.dims() == 2).findFirst()
        .orElse(null);
    if (m != null && (x == null || sr(2) == 0)) {
      out.addAll(new ParamRowShapes(shapeGenerator(scope)).build(k, z, m.len(), m.cols()));
      result(scope, z);
      return out;
    }
    if (x == null) {
      out.add(Node.stmt("double " + z + " = 0.5 * @0@;", active(scope, 2)));
      result(scope, z);
      return out;
    }
    int len = x.len();
    Scope in = scope.child();
    in.ints.add(j);
    in.loops++;
    in.inSwitch = false;
    int shape = sr(8);
    switch (shape) {
      case 4, 5, 6 -> out.addAll(new ParamAliasShapes(shapeGenerator(scope)).build(k, len));
      // written only by a helper: copied on entry as a direct write is
      case 7 -> out.add(Node.stmt(putHelper() + "(x, @0@);", active(scope, 2)));
      case 0 -> out.add(Node.stmt("for (int " + j + " = 0; " + j + " < x.length; " + j
          + "++) @0@", Node.block(List.of(Node.stmt("x[" + j + "] = x[" + j + "] * @0@;",
              active(in, 1))))));
      case 1 -> {
        int from = sr(len);
        out.add(Node.stmt("java.util.Arrays.fill(x, " + from + ", " + (from + 1 + sr(len - from))
            + ", @0@);", active(scope, 2)));
      }
      case 2 -> out.add(Node.stmt("for (int " + j + " = 1; " + j + " < x.length; " + j
          + "++) @0@", Node.block(List.of(Node.stmt("x[" + j + "] += " + spick("0.5", "x[0]",
              "Math.sin(x[" + j + "])") + " * x[" + j + " - 1];")))));
      default -> out.add(Node.stmt("x[" + sr(len) + "] " + spick("=", "+=", "*=") + " @0@;",
          active(scope, 2)));
    }
    out.add(Node.stmt("double " + z + " = 0.0;"));
    out.add(Node.stmt("for (int " + j + " = 0; " + j + " < x.length; " + j + "++) @0@",
        Node.block(List.of(Node.stmt(z + " += " + spick("Math.sin(", "Math.tanh(", "0.5 * (")
            + "x[" + j + "]) * (" + j + " + 1);")))));
    scope.arrays.replaceAll(a -> a == x ? new Arr("x", 1, len, 0, true) : a);
    result(scope, z);
    return out;
  }

  // 14. arrays allocated inside loops

  private List<Node> loopAlloc(Scope scope) {
    String k = sfx();
    String z = "z" + k;
    String t = "zt" + k;
    String h = "zh" + k;
    String i = "zi" + k;
    List<Node> out = new ArrayList<>();
    out.add(Node.stmt("double " + z + " = 0.0;"));
    Scope in = scope.child();
    in.ints.add(t);
    in.loops++;
    in.inSwitch = false;
    List<Node> body = new ArrayList<>();
    int len = 2 + sr(3);
    List<Arr> a1 = arrays(scope, 1);
    switch (sr(5)) {
      case 0 -> {
        body.add(Node.stmt("double[] " + h + " = new double[" + len + "];"));
        body.add(Node.stmt("for (int " + i + " = 0; " + i + " < " + len + "; " + i + "++) @0@",
            Node.block(List.of(Node.stmt(h + "[" + i + "] += @0@ * (" + i + " + " + t + ");",
                active(in, 1))))));
        body.add(Node.stmt(h + "[" + sr(len) + "] += " + h + "[" + sr(len) + "] * 0.5;"));
      }
      case 1 -> {
        len = 2;
        body.add(Node.stmt("double[] " + h + " = {@0@, @1@};", active(in, 1), expr(in, 1)));
      }
      case 2 -> {
        if (a1.isEmpty()) {
          body.add(Node.stmt("double[] " + h + " = new double[" + len + "];"));
        } else {
          Arr src = a1.get(sr(a1.size()));
          len = src.len();
          body.add(Node.stmt("double[] " + h + " = " + src.name() + ".clone();"));
          body.add(Node.stmt(h + "[" + t + " % " + len + "] = @0@;", active(in, 1)));
        }
      }
      case 3 -> {
        body.add(Node.stmt("double[][] " + h + "m = new double[2][" + len + "];"));
        body.add(Node.stmt(h + "m[1][" + sr(len) + "] = @0@;", active(in, 1)));
        body.add(Node.stmt(h + "m[0][" + sr(len) + "] += " + h + "m[1][" + sr(len) + "] * "
            + t + ";"));
        body.add(Node.stmt("double[] " + h + " = " + h + "m[" + sr(2) + "];"));
      }
      default -> {
        body.add(Node.stmt("if (" + t + " % 2 == " + sr(2) + ") @0@", Node.block(List.of(
            Node.stmt("double[] " + h + "b = {@0@, " + t + "};", active(in, 1)),
            Node.stmt(z + " += " + h + "b[0] * " + h + "b[1];")))));
        body.add(Node.stmt("double[] " + h + " = new double[] {@0@};", active(in, 1)));
        len = 1;
      }
    }
    body.add(Node.stmt(z + " += " + spick("Math.sin(", "Math.tanh(", "0.5 * (") + h + "["
        + sr(len) + "]) + " + h + "[" + sr(len) + "] * " + h + ".length;"));
    out.add(Node.stmt("for (int " + t + " = 0; " + t + " < " + (1 + sr(3)) + "; " + t
        + "++) @0@", Node.block(body)));
    result(scope, z);
    return out;
  }

  // 16. arrays as references (the shapes are in ReferenceShapes)

  private List<Node> references(Scope scope) {
    String[] z = new String[1];
    List<Node> out = new ReferenceShapes(shapeGenerator(scope)).build(z);
    result(scope, z[0]);
    return out;
  }

  // 17. sums of independent terms (the shapes are in SumShapes)

  private List<Node> sumTerms(Scope scope) {
    String[] z = new String[1];
    List<Node> out = new SumShapes(shapeGenerator(scope)).build(z);
    result(scope, z[0]);
    return out;
  }

  // 18. dense ReLU layers (the shapes are in DenseReluShapes)

  private List<Node> logistic(Scope scope) {
    String k = sfx();
    String z = "z" + k;
    String lg = "lg" + k;
    String body = switch (sr(5)) {
      case 0 -> "return 1.0 / (Math.exp(-x) + 1.0);";
      case 1 -> "return 1 / (1 + Math.exp(x));";
      case 2 -> "return 1 / (2 + Math.exp(-x));";
      default -> "return 1 / (1 + Math.exp(-x));";
    };
    addHelper(lg, "static double " + lg + "(double x)", Feature.LOGISTIC,
        Node.stmt(body).pinned());
    List<Node> out = new ArrayList<>();
    out.add(Node.stmt("double " + z + " = " + lg + "(@0@);", active(scope, 2)));
    if (sr(4) == 0) {
      out.add(Node.stmt(z + " = " + lg + "(" + z + " * @0@);", active(scope, 2)));
    }
    result(scope, z);
    return out;
  }

  private List<Node> denseRelu(Scope scope) {
    String[] z = new String[1];
    List<Node> out = new DenseReluShapes(shapeGenerator(scope)).build(z);
    result(scope, z[0]);
    return out;
  }

  private ReferenceShapes.Generator shapeGenerator(Scope scope) {
    return new ReferenceShapes.Generator() {
      @Override
      public int sr(int n) {
        return ProgramGenerator.this.sr(n);
      }

      @Override
      public String sfx() {
        return ProgramGenerator.this.sfx();
      }

      @Override
      public String spick(String... options) {
        return ProgramGenerator.this.spick(options);
      }

      @Override
      public Node active(int depth) {
        return ProgramGenerator.this.active(scope, depth);
      }

      @Override
      public String scalarHelper(String feature) {
        String n = "zterm" + ProgramGenerator.this.sfx();
        Feature f = Arrays.stream(Feature.values()).filter(x -> x.flag.equals(feature))
            .findFirst().orElseThrow();
        return addHelper(n, "static double " + n + "(double a, double b)", f,
            Node.stmt("return @0@;", helperExpr(2, "a", "b")).pinned());
      }

      @Override
      public Node activeIn(String counter, int depth) {
        Scope in = scope.child();
        in.ints.add(counter);
        in.loops++;
        in.inSwitch = false;
        return ProgramGenerator.this.active(in, depth);
      }
    };
  }

  // 15. buffer swaps

  private List<Node> swap(Scope scope) {
    String k = sfx();
    String z = "z" + k;
    String u = "zu" + k;
    String v = "zw" + k;
    String s = "zs" + k;
    String i = "zi" + k;
    int len = 2 + sr(3);
    List<Node> out = new ArrayList<>();
    out.add(Node.stmt("double[] " + u + " = new double[" + len + "];"));
    out.add(Node.stmt("double[] " + v + " = new double[" + len + "];"));
    out.add(Node.stmt(u + "[" + sr(len) + "] = @0@;", active(scope, 2)));
    Scope in = scope.child();
    in.ints.add(s);
    in.loops++;
    in.inSwitch = false;
    Scope in2 = in.child();
    in2.ints.add(i);
    in2.loops++;
    List<Node> body = new ArrayList<>();
    // a swap of two buffers, or a hand-over h = next of a fresh array
    boolean handOver = sr(2) == 0;
    String target = handOver ? "zn" + k : v;
    if (handOver) {
      body.add(Node.stmt("double[] " + target + " = new double[" + len + "];"));
    }
    body.add(Node.stmt("for (int " + i + " = 0; " + i + " < " + len + "; " + i + "++) @0@",
        Node.block(List.of(Node.stmt(target + "[" + i + "] = " + spick("Math.sin(", "Math.tanh(",
            "0.5 * (") + u + "[" + i + "])" + (sr(2) == 0 ? "" : " * " + u + "[(" + i + " + 1) % "
            + len + "]") + " + @0@;", expr(in2, 1))))));
    if (handOver) {
      body.add(Node.stmt(u + " = " + target + ";"));
      body.add(Node.stmt(v + "[" + sr(len) + "] += " + target + "[" + sr(len) + "];"));
    } else {
      body.add(Node.stmt("double[] zt" + k + " = " + u + ";"));
      body.add(Node.stmt(u + " = " + v + ";"));
      body.add(Node.stmt(v + " = zt" + k + ";"));
    }
    out.add(Node.stmt("for (int " + s + " = 0; " + s + " < " + (1 + sr(4)) + "; " + s
        + "++) @0@", Node.block(body)));
    out.add(Node.stmt("double " + z + " = " + u + "[" + sr(len) + "] * " + v + "[" + sr(len)
        + "] + " + u + "[" + sr(len) + "];"));
    result(scope, z);
    return out;
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
