package dev.adjoint.processor.transform;

import dev.adjoint.processor.ir.AdjointOnly;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.adjoint.processor.abi.RuntimeTypes;
import dev.adjoint.processor.analysis.Activity;
import dev.adjoint.processor.analysis.ControlFlow;
import dev.adjoint.processor.analysis.IrWalk;
import dev.adjoint.processor.analysis.RecomputablePrefixes;
import dev.adjoint.processor.analysis.ToBeRecorded;
import dev.adjoint.processor.codegen.JavaExpressions;
import dev.adjoint.processor.codegen.JavaStatements;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Label;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.NameTable;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.RuleTable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reverse-mode transformation of one method into a forward sweep and a reverse sweep.
 *
 * <p>The forward sweep is the original code plus recording: values that later code overwrites
 * and the reverse sweep still needs (chosen by {@link ToBeRecorded}), which branch each
 * {@code if} took, how far each block got before a jump left it, and each loop's trip count.
 * Code that runs at most once per call records into locals; code inside loops records on the
 * tape. The reverse sweep mirrors the structure backwards: each statement's adjoint, loops run
 * backwards their recorded number of times, branches replayed as recorded.
 */
public final class ReverseTransform {
  private final MethodIr ir;
  private final Activity activity;
  private final RuleTable rules;
  private final MethodProblems problems;
  private final ControlFlow flow;
  private final Namer names;
  private final Namer labels;
  private final Map<Label, String> labelNames = new IdentityHashMap<>();
  private final Map<Variable, Variable> adjoints = new LinkedHashMap<>();
  private final Map<Stmt, Integer> depth = new IdentityHashMap<>();
  private final Map<Stmt, DefinitionAdjoint.Fragment> fragments = new IdentityHashMap<>();
  private final Map<Stmt, Set<Variable>> fragmentReads = new IdentityHashMap<>();
  private final Map<Stmt, Boolean> needsReverse = new IdentityHashMap<>();
  private final Map<Stmt.Block, Slot> positionSlots = new IdentityHashMap<>();
  private final Map<Stmt.If, Slot> branchSlots = new IdentityHashMap<>();
  private final Map<Stmt.Loop, LoopRecord> loopRecords = new IdentityHashMap<>();
  private final Map<Stmt.Loop, String> loopBodyLabels = new IdentityHashMap<>();
  private final Map<Stmt.Loop, List<Stmt.Assign>> recomputed = new IdentityHashMap<>();
  private final Map<Stmt, Slot> saveSlots = new IdentityHashMap<>();
  private final Set<Variable> inline = new HashSet<>();
  private final List<Variable> hoisted = new ArrayList<>();
  private final Deque<Frame> frames = new ArrayDeque<>();
  private Set<Stmt> saves;
  private final String tape;
  /** The names of the original's variables in this transformation's code. */
  private final NameTable variableNames;
  private final DefinitionAdjoint definitions;
  private boolean tapeUsed;
  private boolean tapeReferenced;
  private Variable callBuffer;
  private int callBufferSize;
  private String forwardLabel;
  private Stmt.Return finalReturn;
  private final int checkpointEvery;
  private final Map<Stmt.Loop, List<Variable>> checkpointed = new IdentityHashMap<>();
  private boolean recording = true;
  /** Set when emitting a computation-graph trace instead of an adjoint. */
  private GraphTrace trace;

  /** Names of the trace: the graph, and each double variable's latest node. */
  private static final class GraphTrace {
    final String graph;
    final String title;
    final Map<Variable, String> nodes = new LinkedHashMap<>();

    GraphTrace(String graph, String title) {
      this.graph = graph;
      this.title = title;
    }
  }


  /**
   * A loop's trip count; when its update needs reversing, whether it was left early; for a
   * counted loop whose counter starts at a computed value, that start.
   */
  private record LoopRecord(Variable count, Variable broke, Slot countSlot, Slot brokeSlot,
      Variable start, Slot startSlot) {}

  private ReverseTransform(MethodIr ir, Activity activity, RuleTable rules,
      MethodProblems problems, Set<String> reservedNames, Set<String> reservedLabels,
      int checkpointEvery) {
    this.ir = ir;
    this.checkpointEvery = checkpointEvery;
    this.activity = activity;
    this.rules = rules;
    this.problems = problems;
    this.flow = new ControlFlow(ir.body());
    this.names = new Namer(reservedNames);
    this.labels = new Namer(reservedLabels);
    this.tape = names.claim("tape");
    this.variableNames = PrimalNames.assign(ir, names);
    this.definitions = new DefinitionAdjoint(activity, rules, variableNames);
  }

  /**
   * Transforms {@code ir}. {@code reservedNames} are every identifier the method's source uses,
   * which no generated name may shadow. With {@code checkpointEvery > 0}, top-level loops are
   * checkpointed every that many iterations.
   */
  public static AdjointBody transform(MethodIr ir, Activity activity, RuleTable rules,
      MethodProblems problems, Set<String> reservedNames, Set<String> reservedLabels,
      int checkpointEvery) {
    return new ReverseTransform(ir, activity, rules, problems, reservedNames, reservedLabels,
        checkpointEvery).run();
  }

  private AdjointBody run() {
    declareBoundaryAdjoints();
    computeDepths(ir.body(), 0);
    Map<Stmt, Set<Variable>> reads = new IdentityHashMap<>();
    IrWalk.statements(ir.body(), s -> {
      Set<Variable> r = new LinkedHashSet<>();
      if (s instanceof Stmt.Assign a) {
        fragments.put(a, definitions.of(a, expressionNames(inLoop(a)), inLoop(a), r));
        reads.put(a, r);
      } else if (s instanceof Stmt.ArrayWrite w) {
        fragments.put(w, definitions.of(w, expressionNames(inLoop(w)), r));
        reads.put(w, r);
      }
    });
    if (checkpointEvery > 0) {
      for (Stmt s : ir.body().stmts()) {
        topLevelLoops(s, reads);
      }
    }
    Map<Stmt.Loop, RecomputablePrefixes.Prefix> candidates =
        RecomputablePrefixes.find(ir.body(), checkpointed.keySet());
    // What they read must be restored by the time the loop is reversed.
    candidates.forEach((loop, prefix) -> reads.merge(loop, new LinkedHashSet<>(prefix.reads()),
        (x, y) -> {
          Set<Variable> u = new LinkedHashSet<>(x);
          u.addAll(y);
          return u;
        }));
    saves = ToBeRecorded.analyze(ir.body(), reads);
    candidates.forEach((loop, prefix) -> {
      List<Stmt.Assign> chosen = new ArrayList<>();
      for (Stmt.Assign a : prefix.assignments()) {
        if (saves.remove(a)) {
          chosen.add(a);
        }
      }
      if (!chosen.isEmpty()) {
        recomputed.put(loop, RecomputablePrefixes.withPrerequisites(prefix.assignments(), chosen));
      }
    });
    fragmentReads.putAll(reads);
    computeNeedsReverse(ir.body());
    planRecords(ir.body());
    chooseInlineDeclarations();

    CodeBlock.Builder forward = CodeBlock.builder();
    if (forwardLabel != null) {
      forward.add("$N: {\n", forwardLabel).indent();
    }
    forwardBlockContents(ir.body(), forward);
    if (forwardLabel != null) {
      forward.unindent().add("}\n");
    }
    CodeBlock reverse = reverse(ir.body());
    return assemble(forward.build(), reverse);
  }

  // ------------------------------------------------------------------------------- naming

  /** The parameters and the result whose adjoints the entry points pass in or seed. */
  private void declareBoundaryAdjoints() {
    for (Variable p : ir.parameters()) {
      if (activity.isActive(p) || ir.differentiated().contains(p) && p.type().isArray()) {
        adjointOf(p);
      }
    }
    if (activity.isActive(ir.result())) {
      adjointOf(ir.result());
    }
  }

  /** The name of {@code v} in this transformation's code. */
  private String name(Variable v) {
    return variableNames.of(v);
  }

  private Variable adjointOf(Variable v) {
    return adjoints.computeIfAbsent(v, k -> new Variable(names.claim(name(k) + "Adj"),
        IrType.DOUBLE, Variable.Origin.ADJOINT, null));
  }

  private Variable newRecord(String base, IrType type) {
    return new Variable(names.claim(base), type, Variable.Origin.RECORD, null);
  }

  private String labelName(Label label) {
    return labelNames.computeIfAbsent(label,
        l -> l.isUserDefined() ? l.sourceName() : labels.claim(l.sourceName()));
  }

  // ------------------------------------------------------------------------------ analyses

  private void computeDepths(Stmt s, int d) {
    depth.put(s, d);
    int inner = s instanceof Stmt.Loop ? d + 1 : d;
    IrWalk.nestedStatements(s).forEach(c -> computeDepths(c, inner));
  }

  private boolean inLoop(Stmt s) {
    return depth.get(s) > 0;
  }

  private static IrType elementType(Stmt.ArrayWrite w) {
    return w.array().type().elementType();
  }

  private Variable newScratch(String base, IrType type) {
    return new Variable(names.claim(base), type, Variable.Origin.SCRATCH, null);
  }

  private ExpressionAdjoint.Names expressionNames(boolean inLoop) {
    return new ExpressionAdjoint.Names() {
      @Override
      public Variable adjointOf(Variable v) {
        return ReverseTransform.this.adjointOf(v);
      }

      @Override
      public Variable scratch(String base, IrType type) {
        return newScratch(base, type);
      }

      @Override
      public Expr tape() {
        tapeReferenced = true;
        tapeUsed |= inLoop;
        return new Expr.VarRef(new Variable(tape, IrType.TAPE, Variable.Origin.RECORD, null));
      }

      @Override
      public Variable callBuffer(int slots) {
        if (callBuffer == null) {
          callBuffer = newRecord("callAdjoints", IrType.DOUBLE_ARRAY);
        }
        callBufferSize = Math.max(callBufferSize, slots);
        return callBuffer;
      }
    };
  }

  /** A definition needs reversing if it has an adjoint or a restore; others if a part does. */
  private boolean computeNeedsReverse(Stmt s) {
    DefinitionAdjoint.Fragment fragment = fragments.get(s);
    boolean result = fragment != null && (!fragment.isEmpty() || saves.contains(s));
    for (Stmt c : IrWalk.nestedStatements(s)) {
      result |= computeNeedsReverse(c);
    }
    needsReverse.put(s, result);
    return result;
  }

  private boolean needsReverse(Stmt s) {
    return needsReverse.get(s);
  }

  /** Segment of each statement of a block: a new segment starts after each possible jump out. */
  private int[] segments(Stmt.Block b) {
    int[] seg = new int[b.stmts().size()];
    int k = 0;
    for (int i = 0; i < seg.length; i++) {
      seg[i] = k;
      if (flow.mayLeave(b.stmts().get(i))) {
        k++;
      }
    }
    return seg;
  }

  private void planRecords(Stmt s) {
    s.accept(recordPlanner);
  }

  /**
   * Chooses where each statement records what its reverse needs: a saved value before an
   * overwrite, the position a block was left at, the branch an {@code if} took, a loop's trip
   * count. Claims names in statement order, so generated names are stable.
   */
  private final Stmt.Visitor<Void> recordPlanner = new Stmt.Visitor<>() {
    @Override
    public Void visitAssign(Stmt.Assign node) {
      planSave(node, node.target().type());
      return null;
    }

    @Override
    public Void visitArrayWrite(Stmt.ArrayWrite node) {
      planSave(node, elementType(node));
      return null;
    }

    @Override
    public Void visitEval(Stmt.Eval node) {
      return null;
    }

    @Override
    public Void visitBlock(Stmt.Block b) {
      int[] seg = segments(b);
      boolean later = false;
      for (int i = 0; i < seg.length; i++) {
        later |= seg[i] > 0 && needsReverse(b.stmts().get(i));
      }
      if (later) {
        positionSlots.put(b, slot("position", IrType.INT, b));
      }
      b.stmts().forEach(ReverseTransform.this::planRecords);
      return null;
    }

    @Override
    public Void visitIf(Stmt.If i) {
      if (needsReverse(i)) {
        branchSlots.put(i, slot("branch", IrType.BOOLEAN, i));
      }
      planRecords(i.thenPart());
      planRecords(i.elsePart());
      return null;
    }

    @Override
    public Void visitLoop(Stmt.Loop l) {
      if (needsReverse(l)) {
        planLoopRecord(l);
      }
      planRecords(l.body());
      l.update().forEach(ReverseTransform.this::planRecords);
      return null;
    }

    @Override
    public Void visitBreak(Stmt.Break node) {
      return null;
    }

    @Override
    public Void visitContinue(Stmt.Continue node) {
      return null;
    }

    @Override
    public Void visitReturn(Stmt.Return r) {
      boolean last = !ir.body().stmts().isEmpty()
          && ir.body().stmts().get(ir.body().stmts().size() - 1) == r;
      if (last) {
        finalReturn = r;
      } else if (forwardLabel == null) {
        forwardLabel = labels.claim("forward");
      }
      return null;
    }

    @Override
    public Void visitAccumulate(Stmt.Accumulate node) {
      throw AdjointOnly.in("the reverse transform (over the original)", node);
    }

    @Override
    public Void visitComment(Stmt.Comment node) {
      throw AdjointOnly.in("the reverse transform (over the original)", node);
    }

    @Override
    public Void visitThrow(Stmt.Throw node) {
      return null;
    }
  };

  private void planSave(Stmt s, IrType type) {
    if (!saves.contains(s)) {
      return;
    }
    Variable target = ToBeRecorded.target(s);
    if (inLoop(s) && !Slot.canTape(type)) {
      problems.error(s.tree(), "'" + target.sourceName() + "' of type " + type + " is"
          + " overwritten in a loop and needed by the gradient; only primitive values can be"
          + " recorded, so compute it from primitives inside the loop");
    }
    saveSlots.put(s, slot("saved" + capitalize(name(target)), type, s));
  }

  private void planLoopRecord(Stmt.Loop l) {
    Variable count = newRecord("trips", IrType.INT);
    hoisted.add(count);
    boolean updateReversed = l.update().stream().anyMatch(this::needsReverse);
    Variable broke = null;
    if (updateReversed && (flow.isBreakTarget(l.label()) || !flow.exits(l).isEmpty())) {
      broke = newRecord("leftEarly", IrType.BOOLEAN);
      hoisted.add(broke);
    }
    Variable start = null;
    if (l.counter() != null && !(l.counter().start() instanceof Expr.Literal)) {
      start = newRecord("start", IrType.INT);
      hoisted.add(start);
    }
    loopRecords.put(l, new LoopRecord(count, broke, loopSlot(l, count), loopSlot(l, broke),
        start, loopSlot(l, start)));
  }

  private Slot slot(String base, IrType type, Stmt at) {
    Variable v = newRecord(base, type);
    if (inLoop(at)) {
      return tapeSlot(v);
    }
    hoisted.add(v);
    return Slot.local(v);
  }

  /** Loop records are written when the loop is left, into the loop's own locals. */
  private Slot loopSlot(Stmt.Loop l, Variable v) {
    if (v == null) {
      return null;
    }
    return inLoop(l) ? tapeSlot(v) : Slot.local(v);
  }

  private Slot tapeSlot(Variable v) {
    tapeUsed = true;
    return Slot.onTape(v, tape);
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /**
   * Variables whose first assignment is a top-level statement are declared there, as the user
   * wrote them; the rest are declared up front, because the reverse sweep must see them.
   */
  private void chooseInlineDeclarations() {
    Set<Variable> assigned = new HashSet<>();
    IrWalk.statements(ir.body(), s -> {
      if (s instanceof Stmt.Assign a && !(a.target().origin() == Variable.Origin.PARAMETER)) {
        assigned.add(a.target());
      }
    });
    Set<Variable> seen = new HashSet<>();
    if (forwardLabel == null) {
      for (Stmt s : ir.body().stmts()) {
        boolean declares = s instanceof Stmt.Assign a
            && (a.declaration() || a.target().origin() == Variable.Origin.RESULT);
        if (declares && !seen.contains(((Stmt.Assign) s).target())) {
          inline.add(((Stmt.Assign) s).target());
        }
        IrWalk.statements(s, c -> {
          if (c instanceof Stmt.Assign a) {
            seen.add(a.target());
          }
        });
      }
    }
    List<Variable> primal = new ArrayList<>(ir.locals());
    primal.add(ir.result());
    for (Variable v : primal) {
      if (!inline.contains(v) && assigned.contains(v)) {
        hoisted.add(0, v);
      }
    }
    List<Variable> declaredLocals = new ArrayList<>();
    for (Variable v : primal) {
      if (!inline.contains(v) && !assigned.contains(v)) {
        declaredLocals.add(v);
      }
    }
    hoisted.addAll(0, declaredLocals);
  }

  // -------------------------------------------------------------------------------- forward

  private abstract static class Frame {}

  private static final class BlockFrame extends Frame {
    final Stmt.Block block;
    int segment;

    BlockFrame(Stmt.Block block) {
      this.block = block;
    }
  }

  private static final class IfFrame extends Frame {
    final Stmt.If stmt;
    boolean inThen = true;

    IfFrame(Stmt.If stmt) {
      this.stmt = stmt;
    }
  }

  private static final class LoopFrame extends Frame {
    final Stmt.Loop loop;
    final String bodyLabel;

    LoopFrame(Stmt.Loop loop, String bodyLabel) {
      this.loop = loop;
      this.bodyLabel = bodyLabel;
    }
  }

  private void forward(Stmt s, CodeBlock.Builder out) {
    s.accept(new ForwardStatement(out));
  }

  /** The forward sweep of one statement: the statement itself, and what it records. */
  private final class ForwardStatement implements Stmt.Visitor<Void> {
    private final CodeBlock.Builder out;

    ForwardStatement(CodeBlock.Builder out) {
      this.out = out;
    }

    @Override
    public Void visitAssign(Stmt.Assign a) {
      forwardAssign(a, out);
      return null;
    }

    @Override
    public Void visitArrayWrite(Stmt.ArrayWrite w) {
      Slot save = saveSlots.get(w);
      CodeBlock element = plain().print(
          new Expr.ArrayRead(w.array(), w.index(), elementType(w), null));
      if (save != null) {
        record(out, save, element);
      }
      out.addStatement("$L = $L", element, plain().print(w.value()));
      return null;
    }

    @Override
    public Void visitEval(Stmt.Eval e) {
      out.addStatement("$L", plain().print(e.expr()));
      return null;
    }

    @Override
    public Void visitBlock(Stmt.Block b) {
      boolean labelled = b.label() != null && flow.isBreakTarget(b.label());
      if (labelled) {
        out.add("$N: {\n", labelName(b.label())).indent();
      }
      forwardBlockContents(b, out);
      if (labelled) {
        out.unindent().add("}\n");
      }
      return null;
    }

    @Override
    public Void visitIf(Stmt.If i) {
      forwardIf(i, out);
      return null;
    }

    @Override
    public Void visitLoop(Stmt.Loop l) {
      forwardLoop(l, out);
      return null;
    }

    @Override
    public Void visitBreak(Stmt.Break b) {
      jump(b, out);
      return null;
    }

    @Override
    public Void visitContinue(Stmt.Continue c) {
      jump(c, out);
      return null;
    }

    @Override
    public Void visitReturn(Stmt.Return r) {
      jump(r, out);
      return null;
    }

    @Override
    public Void visitAccumulate(Stmt.Accumulate node) {
      throw AdjointOnly.in("the reverse transform (over the original)", node);
    }

    @Override
    public Void visitComment(Stmt.Comment node) {
      throw AdjointOnly.in("the reverse transform (over the original)", node);
    }

    @Override
    public Void visitThrow(Stmt.Throw t) {
      out.addStatement("throw $L", plain().print(t.exception()));
      return null;
    }
  }

  private void forwardBlockContents(Stmt.Block b, CodeBlock.Builder out) {
    BlockFrame frame = new BlockFrame(b);
    frames.push(frame);
    int[] seg = segments(b);
    for (int i = 0; i < seg.length; i++) {
      frame.segment = seg[i];
      forward(b.stmts().get(i), out);
    }
    frames.pop();
    Slot position = positionSlots.get(b);
    if (position != null && flow.completesNormally(b)) {
      int last = seg.length == 0 ? 0 : seg[seg.length - 1]
          + (flow.mayLeave(b.stmts().get(seg.length - 1)) ? 1 : 0);
      record(out, position, CodeBlock.of("$L", last));
    }
  }

  private void forwardAssign(Stmt.Assign a, CodeBlock.Builder out) {
    if (trace != null && a.target().type().kind() == IrType.Kind.DOUBLE) {
      traceAssign(a, out);
      return;
    }
    Slot save = saveSlots.get(a);
    if (save != null) {
      record(out, save, CodeBlock.of("$N", name(a.target())));
    }
    CodeBlock value = plain().print(a.value());
    if (a.target().origin() == Variable.Origin.RESULT && a.target().type().isArray()
        && !(a.value() instanceof Expr.Call)) {
      // The reverse sweep may restore elements of the array returned: hand out a copy.
      boolean primary = a.value() instanceof Expr.VarRef || a.value() instanceof Expr.FieldRef
          || a.value() instanceof Expr.ArrayRead;
      value = CodeBlock.of(primary ? "$L.clone()" : "($L).clone()", value);
    }
    if (a.declaration() && inline.contains(a.target())
        || a.target().origin() == Variable.Origin.RESULT && inline.contains(a.target())) {
      out.addStatement("$T $N = $L", JavaExpressions.typeName(a.target().type()),
          name(a.target()), value);
    } else {
      out.addStatement("$N = $L", name(a.target()), value);
    }
    if ((a.value() instanceof Expr.NewArray || a.value() instanceof Expr.Call)
        && a.target().type().isArray() && a.target().origin() != Variable.Origin.RESULT
        && activity.isActive(a.target())) {
      out.addStatement("$N = $L", name(adjointOf(a.target())), zerosLike(a.target()));
    }
  }

  /**
   * An assignment in a graph trace: its local partial derivatives (from the same expression
   * adjoint the reverse sweep uses, seeded with 1), the assignment, then its node.
   */
  private void traceAssign(Stmt.Assign a, CodeBlock.Builder out) {
    Map<Variable, Variable> partials = new LinkedHashMap<>();
    IrWalk.expressions(a.value(), n -> {
      if (n instanceof Expr.VarRef r && r.variable().type().kind() == IrType.Kind.DOUBLE
          && activity.isActive(r.variable()) && !partials.containsKey(r.variable())) {
        partials.put(r.variable(), newScratch("d" + capitalize(name(r.variable())),
            IrType.DOUBLE));
      }
    });
    ExpressionAdjoint.Names base = expressionNames(false);
    ExpressionAdjoint.Names toPartials = new ExpressionAdjoint.Names() {
      @Override
      public Variable adjointOf(Variable v) {
        return partials.get(v);
      }

      @Override
      public Variable scratch(String name, IrType type) {
        return base.scratch(name, type);
      }

      @Override
      public Expr tape() {
        return new Expr.Literal(IrType.NULL, "null", null);
      }

      @Override
      public Variable callBuffer(int slots) {
        return base.callBuffer(slots);
      }
    };
    CodeBlock.Builder partialCode = CodeBlock.builder();
    new ExpressionAdjoint(activity, rules, variableNames, toPartials, new HashSet<>())
        .propagate(a.value(), Expr.Literal.ofDouble(1.0), partialCode);
    CodeBlock.Builder inputs = CodeBlock.builder();
    CodeBlock.Builder values = CodeBlock.builder();
    for (Map.Entry<Variable, Variable> e : partials.entrySet()) {
      out.addStatement("double $N = 0.0", name(e.getValue()));
      inputs.add(inputs.isEmpty() ? "$N" : ", $N", nodeOf(e.getKey()));
      values.add(values.isEmpty() ? "$N" : ", $N", name(e.getValue()));
    }
    out.add(partialCode.build());
    if (a.declaration() && inline.contains(a.target())
        || a.target().origin() == Variable.Origin.RESULT && inline.contains(a.target())) {
      out.addStatement("$T $N = $L", JavaExpressions.typeName(a.target().type()),
          name(a.target()), plain().print(a.value()));
    } else {
      out.addStatement("$N = $L", name(a.target()), plain().print(a.value()));
    }
    String name = a.target().origin() == Variable.Origin.RESULT ? trace.title
        : a.target().sourceName();
    out.addStatement("$N = $N.node($S,$W$S,$W$N,$Wnew int[] {$L},$Wnew double[] {$L})",
        nodeOf(a.target()), trace.graph, name, a.tree() == null ? name : describe(a),
        name(a.target()), inputs.build(), values.build());
  }

  private String nodeOf(Variable v) {
    return trace.nodes.computeIfAbsent(v, k -> names.claim(name(k) + "Node"));
  }

  /**
   * The body of {@code mGraph}: the forward sweep, recording one node per parameter and per
   * executed assignment to a double, then adjoints propagated back over the recorded graph.
   * Null for methods over arrays, whose elements the graph does not model.
   */
  public static CodeBlock graph(MethodIr ir, Activity everyDouble, RuleTable rules,
      MethodProblems problems, Set<String> reservedNames, Set<String> reservedLabels) {
    boolean arrays = ir.parameters().stream().anyMatch(p -> p.type().isArray())
        || ir.locals().stream().anyMatch(v -> v.type().isArray());
    if (arrays) {
      return null;
    }
    ReverseTransform t =
        new ReverseTransform(ir, everyDouble, rules, problems, reservedNames, reservedLabels, 0);
    t.run();
    t.trace = new GraphTrace(t.names.claim("graph"), ir.element().getSimpleName().toString());
    t.recording = false;
    ClassName graphType = RuntimeTypes.COMPUTATION_GRAPH;
    CodeBlock.Builder forward = CodeBlock.builder();
    if (t.forwardLabel != null) {
      forward.add("$N: {\n", t.forwardLabel).indent();
    }
    t.forwardBlockContents(ir.body(), forward);
    if (t.forwardLabel != null) {
      forward.unindent().add("}\n");
    }
    CodeBlock.Builder body = CodeBlock.builder();
    body.addStatement("$T $N = new $T($S)", graphType, t.trace.graph, graphType,
        t.trace.title);
    for (Variable p : ir.parameters()) {
      if (p.type().kind() == IrType.Kind.DOUBLE) {
        body.addStatement("int $N = $N.input($S, $N)", t.nodeOf(p), t.trace.graph,
            p.sourceName(), t.name(p));
      }
    }
    for (Variable v : t.hoisted) {
      body.addStatement("$T $N = $L", JavaExpressions.typeName(v.type()), t.name(v),
          JavaExpressions.zero(v.type()));
    }
    if (t.callBuffer != null) {
      body.addStatement("double[] $N = new double[$L]", t.name(t.callBuffer), t.callBufferSize);
    }
    for (Map.Entry<Variable, String> e : t.trace.nodes.entrySet()) {
      if (e.getKey().origin() != Variable.Origin.PARAMETER) {
        body.addStatement("int $N = -1", e.getValue());
      }
    }
    body.add(forward.build());
    body.addStatement("return $N.backward($N)", t.trace.graph, t.nodeOf(ir.result()));
    return body.build();
  }

  /**
   * The body of a copy of the method as the user wrote it, for a private method that generated
   * code cannot call: nothing is differentiated, so the forward sweep records nothing and is the
   * original computation; then it returns the result.
   */
  public static CodeBlock primal(MethodIr ir, RuleTable rules, MethodProblems problems,
      Set<String> reservedNames, Set<String> reservedLabels) {
    MethodIr nothingDifferentiated = new MethodIr(ir.element(), ir.tree(), ir.unit(),
        ir.parameters(), List.of(), ir.locals(), ir.result(), ir.body());
    Activity none = Activity.analyze(nothingDifferentiated, rules, problems);
    ReverseTransform t = new ReverseTransform(nothingDifferentiated, none, rules, problems,
        reservedNames, reservedLabels, 0);
    AdjointBody body = t.run();
    CodeBlock.Builder copy = CodeBlock.builder();
    if (body.tapeUse() == TapeUse.RECORDS) {
      // the forward sweep records control flow (a for-each over rows) even when nothing is
      // differentiated: a tape of its own, never read
      copy.addStatement("$T $N = new $T()", dev.adjoint.processor.abi.RuntimeTypes.TAPE,
          body.tape(), dev.adjoint.processor.abi.RuntimeTypes.TAPE);
    }
    return copy.add(body.prologue()).add(body.forward())
        .addStatement("return $N", t.name(ir.result())).build();
  }

  /** A printer of statements, the original's and the adjoint's. */
  private JavaStatements statements() {
    return new JavaStatements(plain(), variableNames);
  }

  /** A printer of the original's expressions. */
  private JavaExpressions plain() {
    return JavaExpressions.plain(variableNames, rules::generatedClassOf);
  }

  /** Writes a record, unless this is a checkpointed loop's forward run, which records nothing. */
  private void record(CodeBlock.Builder out, Slot slot, CodeBlock value) {
    if (recording) {
      out.add(slot.write(value));
    }
  }

  /** A new zero adjoint with the shape of array {@code v}. */
  private CodeBlock zerosLike(Variable v) {
    return JavaExpressions.zerosLike(CodeBlock.of("$N", name(v)), v.type());
  }

  private void forwardIf(Stmt.If i, CodeBlock.Builder out) {
    Slot branch = branchSlots.get(i);
    IfFrame frame = new IfFrame(i);
    frames.push(frame);
    CodeBlock.Builder thenCode = CodeBlock.builder();
    forward(i.thenPart(), thenCode);
    if (branch != null && flow.completesNormally(i.thenPart())) {
      record(thenCode, branch, CodeBlock.of("true"));
    }
    frame.inThen = false;
    CodeBlock.Builder elseCode = CodeBlock.builder();
    forward(i.elsePart(), elseCode);
    if (branch != null && flow.completesNormally(i.elsePart())) {
      record(elseCode, branch, CodeBlock.of("false"));
    }
    frames.pop();
    out.beginControlFlow("if ($L)", plain().print(i.condition()))
        .add(thenCode.build());
    CodeBlock e = elseCode.build();
    if (!e.isEmpty()) {
      out.nextControlFlow("else").add(e);
    }
    out.endControlFlow();
  }

  private void forwardLoop(Stmt.Loop l, CodeBlock.Builder out) {
    LoopRecord record = loopRecords.get(l);
    String bodyLabel = flow.isContinueTarget(l.label()) ? labels.claim("body") : null;
    String prefix = flow.isBreakTarget(l.label()) ? labelName(l.label()) + ": " : "";
    if (record != null) {
      out.addStatement("$N = 0", name(record.count()));
      if (record.broke() != null) {
        out.addStatement("$N = false", name(record.broke()));
      }
      if (record.start() != null) {
        out.addStatement("$N = $N", name(record.start()), name(l.counter().variable()));
      }
    }
    CodeBlock condition = l.condition() == null ? CodeBlock.of("true")
        : plain().print(l.condition());
    if (l.testFirst()) {
      out.beginControlFlow("$Lwhile ($L)", prefix, condition);
    } else {
      out.beginControlFlow("$Ldo", prefix);
    }
    List<Variable> state = checkpointed.get(l);
    if (state != null) {
      out.beginControlFlow("if ($N % $L == 0)", name(record.count()), checkpointEvery);
      for (Variable v : state) {
        out.add(Slot.push(tape, v.type(), CodeBlock.of("$N", name(v))));
      }
      out.endControlFlow();
    }
    if (record != null) {
      out.addStatement("$N++", name(record.count()));
    }
    boolean wasRecording = recording;
    recording &= state == null;
    loopBody(l, bodyLabel, out);
    recording = wasRecording;
    if (l.testFirst()) {
      out.endControlFlow();
    } else {
      out.endControlFlow("while ($L)", condition);
    }
    if (record != null && flow.completesNormally(l)) {
      writeLoopRecord(record, out, null);
    }
    if (state != null) {
      loopBodyLabels.put(l, bodyLabel);
    }
  }

  /** One iteration: the body (continue leaves it through its label), then the update. */
  private void loopBody(Stmt.Loop l, String bodyLabel, CodeBlock.Builder out) {
    frames.push(new LoopFrame(l, bodyLabel));
    if (bodyLabel != null) {
      out.add("$N: {\n", bodyLabel).indent();
    }
    forward(l.body(), out);
    if (bodyLabel != null) {
      out.unindent().add("}\n");
    }
    for (Stmt u : l.update()) {
      forward(u, out);
    }
    frames.pop();
  }

  /**
   * Marks the top-level loops of a checkpointed method, collects the scalar state each
   * snapshot keeps (every variable the loop assigns), and records for the to-be-recorded
   * analysis that the reverse sweep re-runs the loop, reading whatever its forward run reads.
   */
  private void topLevelLoops(Stmt s, Map<Stmt, Set<Variable>> reads) {
    if (s instanceof Stmt.Block b) {
      b.stmts().forEach(c -> topLevelLoops(c, reads));
      return;
    }
    if (!(s instanceof Stmt.Loop l)) {
      return;
    }
    Set<Variable> state = new java.util.LinkedHashSet<>();
    Set<Variable> forwardReads = new java.util.LinkedHashSet<>();
    boolean[] writesArrays = {false};
    IrWalk.statements(l, c -> {
      if (c instanceof Stmt.Assign a) {
        state.add(a.target());
      }
      writesArrays[0] |= c instanceof Stmt.ArrayWrite;
      IrWalk.ownExpressions(c, e -> IrWalk.expressions(e, n -> {
        if (n instanceof Expr.VarRef r && r.variable().origin().isPrimal()) {
          forwardReads.add(r.variable());
        }
      }));
    });
    if (writesArrays[0]) {
      problems.error(l.tree(), "@Checkpointed loops may not write array elements: a snapshot"
          + " keeps scalar state only; checkpoint a loop over scalars, or drop @Checkpointed");
      return;
    }
    if (!flow.exits(l).isEmpty()) {
      problems.error(l.tree(), "@Checkpointed loops may not return or jump out of an enclosing"
          + " statement from inside; break out of the loop itself and return after it");
      return;
    }
    for (Variable v : state) {
      if (!v.type().isPrimitive()) {
        problems.error(l.tree(), "@Checkpointed loops may assign only primitive variables, not"
            + " '" + v.sourceName() + "' of type " + v.type());
        return;
      }
    }
    checkpointed.put(l, new ArrayList<>(state));
    reads.put(l, forwardReads);
    tapeUsed = true;
  }

  private void writeLoopRecord(LoopRecord record, CodeBlock.Builder out, String brokeValue) {
    if (record.broke() != null && brokeValue != null) {
      out.addStatement("$N = $L", name(record.broke()), brokeValue);
    }
    if (record.countSlot().onTape()) {
      record(out, record.countSlot(), CodeBlock.of("$N", name(record.count())));
      if (record.brokeSlot() != null) {
        record(out, record.brokeSlot(), CodeBlock.of("$N", name(record.broke())));
      }
      if (record.startSlot() != null) {
        record(out, record.startSlot(), CodeBlock.of("$N", name(record.start())));
      }
    }
  }

  /** A break, continue or return: records what each construct it leaves needs, then jumps. */
  private void jump(Stmt jump, CodeBlock.Builder out) {
    Object target = jump instanceof Stmt.Break b ? b.target()
        : jump instanceof Stmt.Continue c ? c.target() : ControlFlow.RETURN;
    for (Frame frame : frames) {
      if (frame instanceof BlockFrame bf) {
        Slot position = positionSlots.get(bf.block);
        if (position != null) {
          record(out, position, CodeBlock.of("$L", bf.segment));
        }
        if (bf.block.label() == target) {
          out.addStatement("break $N", labelName(bf.block.label()));
          return;
        }
      } else if (frame instanceof IfFrame f) {
        Slot branch = branchSlots.get(f.stmt);
        if (branch != null) {
          record(out, branch, CodeBlock.of("$L", f.inThen));
        }
      } else if (frame instanceof LoopFrame lf) {
        LoopRecord record = loopRecords.get(lf.loop);
        if (lf.loop.label() == target) {
          if (jump instanceof Stmt.Continue) {
            out.addStatement("break $N", lf.bodyLabel);
          } else {
            if (record != null && record.broke() != null) {
              out.addStatement("$N = true", name(record.broke()));
            }
            out.addStatement("break $N", labelName(lf.loop.label()));
          }
          return;
        }
        if (record != null) {
          writeLoopRecord(record, out, "true");
        }
      }
    }
    if (jump != finalReturn) {
      out.addStatement("break $N", forwardLabel);
    }
  }

  // -------------------------------------------------------------------------------- reverse

  private CodeBlock reverse(Stmt s) {
    if (!needsReverse(s)) {
      return CodeBlock.of("");
    }
    return s.accept(reverseStatement);
  }

  /**
   * The reverse sweep of one statement that needs reversing. Statements without adjoint code
   * (calls for effect, jumps, throws) never need it: reaching them here is a bug.
   */
  private final Stmt.Visitor<CodeBlock> reverseStatement = new Stmt.Visitor<>() {
    @Override
    public CodeBlock visitAssign(Stmt.Assign node) {
      return reverseDefinition(node);
    }

    @Override
    public CodeBlock visitArrayWrite(Stmt.ArrayWrite node) {
      return reverseDefinition(node);
    }

    @Override
    public CodeBlock visitEval(Stmt.Eval node) {
      return noAdjoint(node);
    }

    @Override
    public CodeBlock visitBlock(Stmt.Block node) {
      return reverseBlock(node);
    }

    @Override
    public CodeBlock visitIf(Stmt.If node) {
      return reverseIf(node);
    }

    @Override
    public CodeBlock visitLoop(Stmt.Loop node) {
      return reverseLoop(node);
    }

    @Override
    public CodeBlock visitBreak(Stmt.Break node) {
      return noAdjoint(node);
    }

    @Override
    public CodeBlock visitContinue(Stmt.Continue node) {
      return noAdjoint(node);
    }

    @Override
    public CodeBlock visitReturn(Stmt.Return node) {
      return noAdjoint(node);
    }

    @Override
    public CodeBlock visitAccumulate(Stmt.Accumulate node) {
      throw AdjointOnly.in("the reverse transform (over the original)", node);
    }

    @Override
    public CodeBlock visitComment(Stmt.Comment node) {
      throw AdjointOnly.in("the reverse transform (over the original)", node);
    }

    @Override
    public CodeBlock visitThrow(Stmt.Throw node) {
      return noAdjoint(node);
    }

    private CodeBlock noAdjoint(Stmt node) {
      throw new IllegalStateException("no adjoint for " + node);
    }
  };

  /** A definition's adjoint, around the restore of the value it overwrote, as adjoint IR. */
  private CodeBlock reverseDefinition(Stmt s) {
    DefinitionAdjoint.Fragment f = fragments.get(s);
    List<Stmt> code = new ArrayList<>();
    if (s.tree() != null && !f.isEmpty()) {
      code.add(new Stmt.Comment(describe(s), null));
    }
    code.addAll(f.beforeRestore());
    Slot save = saveSlots.get(s);
    if (save != null) {
      code.add(s instanceof Stmt.ArrayWrite w
          ? new Stmt.ArrayWrite(w.array(), w.index(), save.value(), null)
          : new Stmt.Assign(((Stmt.Assign) s).target(), save.value(), false, null));
    }
    code.addAll(f.afterRestore());
    return statements().print(code);
  }

  private static String describe(Stmt a) {
    String text = a.tree().toString().replace('\n', ' ').replaceAll("\\s+", " ").trim();
    if (text.endsWith(";")) {
      text = text.substring(0, text.length() - 1);
    }
    return text.length() > 90 ? text.substring(0, 87) + "..." : text;
  }

  private CodeBlock reverseBlock(Stmt.Block b) {
    CodeBlock.Builder out = CodeBlock.builder();
    Slot position = positionSlots.get(b);
    String pos = null;
    if (position != null) {
      if (position.onTape()) {
        out.addStatement("int $N = $L", name(position.local()), position.read());
      }
      pos = name(position.local());
    }
    int[] seg = segments(b);
    int lastSegment = seg.length == 0 ? 0 : seg[seg.length - 1];
    for (int k = lastSegment; k >= 0; k--) {
      CodeBlock.Builder segment = CodeBlock.builder();
      for (int i = seg.length - 1; i >= 0; i--) {
        if (seg[i] == k) {
          segment.add(reverse(b.stmts().get(i)));
        }
      }
      CodeBlock code = segment.build();
      if (code.isEmpty()) {
        continue;
      }
      if (k > 0 && pos != null) {
        out.beginControlFlow("if ($N >= $L)", pos, k).add(code).endControlFlow();
      } else {
        out.add(code);
      }
    }
    return out.build();
  }

  private CodeBlock reverseIf(Stmt.If i) {
    Slot branch = branchSlots.get(i);
    CodeBlock thenCode = reverse(i.thenPart());
    CodeBlock elseCode = reverse(i.elsePart());
    CodeBlock.Builder out = CodeBlock.builder();
    if (!thenCode.isEmpty()) {
      out.beginControlFlow("if ($L)", branch.read()).add(thenCode);
      if (!elseCode.isEmpty()) {
        out.nextControlFlow("else").add(elseCode);
      }
      out.endControlFlow();
    } else {
      out.beginControlFlow("if (!$L)", branch.read()).add(elseCode).endControlFlow();
    }
    return out.build();
  }

  private CodeBlock reverseLoop(Stmt.Loop l) {
    if (checkpointed.containsKey(l)) {
      return reverseCheckpointedLoop(l);
    }
    LoopRecord record = loopRecords.get(l);
    CodeBlock.Builder out = CodeBlock.builder();
    if (record.countSlot().onTape()) {
      if (record.startSlot() != null) {
        out.addStatement("$N = $L", name(record.start()), record.startSlot().read());
      }
      if (record.brokeSlot() != null) {
        out.addStatement("$N = $L", name(record.broke()), record.brokeSlot().read());
      }
      out.addStatement("$N = $L", name(record.count()), record.countSlot().read());
    }
    Variable iteration = newScratch("iteration", IrType.INT);
    String it = name(iteration);
    String count = name(record.count());
    out.beginControlFlow("for (int $N = $N; $N > 0; $N--)", it, count, it, it);
    reverseIteration(l, record, CodeBlock.of("$N", it), out);
    out.endControlFlow();
    return out.build();
  }

  /** The reverse of one iteration, the {@code iteration}-th of the loop (from 1). */
  private void reverseIteration(Stmt.Loop l, LoopRecord record, CodeBlock iteration,
      CodeBlock.Builder out) {
    List<Stmt.Assign> prefix = recomputed.getOrDefault(l, List.of());
    if (l.counter() != null && (reads(l, l.counter().variable())
        || prefix.stream().anyMatch(a -> ExpressionAdjoint.references(a.value(),
            l.counter().variable())))) {
      out.addStatement("$N = $L", name(l.counter().variable()),
          counterValue(l, record, iteration));
    }
    for (Stmt.Assign a : prefix) {
      out.addStatement("$N = $L", name(a.target()), plain().print(a.value()));
    }
    CodeBlock.Builder update = CodeBlock.builder();
    for (int k = l.update().size() - 1; k >= 0; k--) {
      update.add(reverse(l.update().get(k)));
    }
    CodeBlock updateCode = update.build();
    if (!updateCode.isEmpty()) {
      if (record.broke() != null) {
        out.beginControlFlow("if ($L < $N || !$N)", iteration, name(record.count()),
            name(record.broke())).add(updateCode).endControlFlow();
      } else {
        out.add(updateCode);
      }
    }
    out.add(reverse(l.body()));
  }

  /**
   * Segments from last to first: restore the segment's snapshot, re-run its iterations while
   * recording, then reverse them.
   */
  private CodeBlock reverseCheckpointedLoop(Stmt.Loop l) {
    LoopRecord record = loopRecords.get(l);
    List<Variable> state = checkpointed.get(l);
    String count = name(record.count());
    int k = checkpointEvery;
    String segment = name(newScratch("segment", IrType.INT));
    String length = name(newScratch("segmentLength", IrType.INT));
    String replay = name(newScratch("replay", IrType.INT));
    String it = name(newScratch("iteration", IrType.INT));
    CodeBlock.Builder out = CodeBlock.builder();
    out.beginControlFlow("for (int $N = ($N + $L) / $L - 1; $N >= 0; $N--)", segment, count,
        k - 1, k, segment, segment);
    for (int v = state.size() - 1; v >= 0; v--) {
      Variable var = state.get(v);
      out.addStatement("$N = $L", name(var), Slot.pop(tape, var.type()));
    }
    out.addStatement("int $N = $T.min($L, $N - $N * $L)", length, Math.class, k, count, segment,
        k);
    String prefix = flow.isBreakTarget(l.label()) ? labelName(l.label()) + ": " : "";
    out.beginControlFlow("$Lfor (int $N = 0; $N < $N; $N++)", prefix, replay, replay, length,
        replay);
    loopBody(l, loopBodyLabels.get(l), out);
    out.endControlFlow();
    out.beginControlFlow("for (int $N = $N; $N > 0; $N--)", it, length, it, it);
    reverseIteration(l, record, CodeBlock.of("$N * $L + $N", segment, k, it), out);
    out.endControlFlow();
    out.endControlFlow();
    return out.build();
  }

  /** {@code start + (iteration - 1) * step}, the counter's value in a replayed iteration. */
  private CodeBlock counterValue(Stmt.Loop l, LoopRecord record, CodeBlock iteration) {
    Stmt.Counter c = l.counter();
    CodeBlock start = record.start() != null ? CodeBlock.of("$N", name(record.start()))
        : plain().print(c.start());
    CodeBlock index = CodeBlock.of("$L - 1", iteration);
    CodeBlock offset = c.step() == 1 ? index : CodeBlock.of("($L) * $L", index, c.step());
    return start.toString().equals("0") ? offset : CodeBlock.of("$L + $L", start,
        c.step() == 1 ? CodeBlock.of("($L)", offset) : offset);
  }

  /** Whether any reverse code inside the loop reads {@code v}. */
  private boolean reads(Stmt.Loop l, Variable v) {
    boolean[] found = {false};
    IrWalk.statements(l, s -> found[0] |= fragments.containsKey(s)
        && fragmentReads.getOrDefault(s, Set.of()).contains(v));
    return found[0];
  }

  // ------------------------------------------------------------------------------- assembly

  private AdjointBody assemble(CodeBlock forward, CodeBlock reverse) {
    CodeBlock.Builder prologue = CodeBlock.builder();
    for (Variable v : hoisted) {
      prologue.addStatement("$T $N = $L", JavaExpressions.typeName(v.type()), name(v),
          JavaExpressions.zero(v.type()));
    }
    CodeBlock.Builder adjointDecls = CodeBlock.builder();
    Variable resultAdjoint = adjoints.get(ir.result());
    for (Map.Entry<Variable, Variable> e : adjoints.entrySet()) {
      Variable primal = e.getKey();
      if (primal == ir.result()) {
        continue;
      }
      if (!primal.type().isArray()) {
        adjointDecls.addStatement("double $N = 0.0", name(e.getValue()));
      } else if (primal.origin() != Variable.Origin.PARAMETER) {
        prologue.addStatement("$T $N = null", JavaExpressions.typeName(primal.type()),
            name(e.getValue()));
      }
    }
    if (callBuffer != null) {
      adjointDecls.addStatement("double[] $N = new double[$L]", name(callBuffer),
          callBufferSize);
    }
    List<Variable> parameterAdjoints = new ArrayList<>();
    for (Variable p : ir.differentiated()) {
      parameterAdjoints.add(adjoints.get(p));
    }
    if (resultAdjoint == null) {
      resultAdjoint = newRecord("valueAdj", ir.result().type());
    }
    return new AdjointBody(prologue.build(), forward, adjointDecls.build(), reverse,
        ir.result(), resultAdjoint, ir.parameters(), ir.differentiated(), parameterAdjoints,
        tapeUsed ? TapeUse.RECORDS : tapeReferenced ? TapeUse.PASSES_ON : TapeUse.NONE, tape,
        names.claim("seed"), names.claim("adjoints"), tape, variableNames);
  }

}
