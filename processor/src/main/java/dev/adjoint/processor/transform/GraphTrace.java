package dev.adjoint.processor.transform;

import dev.adjoint.processor.analysis.Activity;
import dev.adjoint.processor.cleanup.AdjointCleanup;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.MethodBody;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.RuleTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The body of {@code mGraph}: the forward sweep, recording one node per parameter and per
 * executed assignment to a double, each with its local partial derivatives (from the same
 * expression adjoint the reverse sweep uses, seeded with 1); then adjoints propagated back over
 * the recorded graph.
 */
public final class GraphTrace implements ForwardSweep.Tracer {
  private final Activity activity;
  private final RuleTable rules;
  private final SweepNames names;
  private final Variable graph;
  private final String title;
  /** Each double variable's latest node. */
  private final Map<Variable, Variable> nodes = new LinkedHashMap<>();

  private GraphTrace(Activity activity, RuleTable rules, SweepNames names, String title) {
    this.activity = activity;
    this.rules = rules;
    this.names = names;
    this.graph = names.record("graph", IrType.GRAPH);
    this.title = title;
  }

  /**
   * The trace of {@code ir}, with every double parameter as an input; null for methods over
   * arrays, whose elements the graph does not model.
   */
  public static MethodBody graph(MethodIr ir, Activity everyDouble, RuleTable rules,
      MethodProblems problems, Set<String> reservedNames, Set<String> reservedLabels) {
    boolean arrays = ir.parameters().stream().anyMatch(p -> p.type().isArray())
        || ir.locals().stream().anyMatch(v -> v.type().isArray());
    if (arrays) {
      return null;
    }
    // The adjoint runs first, so that the trace's names are those the adjoint left free.
    ReverseTransform t = ReverseTransform.ran(ir, everyDouble, rules, problems, reservedNames,
        reservedLabels);
    SweepNames names = t.names();
    GraphTrace trace = new GraphTrace(everyDouble, rules, names,
        ir.element().getSimpleName().toString());
    List<Stmt> forward = new ForwardSweep(ir, everyDouble, t.plan(), names, false, trace).sweep();
    List<Stmt> body = new ArrayList<>();
    body.add(new Stmt.Assign(trace.graph, intrinsic(Expr.Intrinsic.Op.GRAPH_NEW, IrType.GRAPH,
        Expr.Literal.ofString(trace.title)), true, null));
    for (Variable p : ir.parameters()) {
      if (p.type().kind() == IrType.Kind.DOUBLE) {
        body.add(new Stmt.Assign(trace.nodeOf(p), intrinsic(Expr.Intrinsic.Op.GRAPH_INPUT,
            IrType.INT, new Expr.VarRef(trace.graph), Expr.Literal.ofString(p.sourceName()),
            new Expr.VarRef(p)), true, null));
      }
    }
    for (Variable v : t.plan().hoisted()) {
      body.add(new Stmt.Assign(v, ReverseTransform.zero(v.type()), true, null));
    }
    Variable callBuffer = names.callBuffer();
    if (callBuffer != null) {
      body.add(new Stmt.Assign(callBuffer, new Expr.NewArray(IrType.DOUBLE_ARRAY,
          List.of(Expr.Literal.ofInt(names.callBufferSize())), null), true, null));
    }
    for (Map.Entry<Variable, Variable> e : trace.nodes.entrySet()) {
      if (e.getKey().origin() != Variable.Origin.PARAMETER) {
        body.add(new Stmt.Assign(e.getValue(), Expr.Literal.ofInt(-1), true, null));
      }
    }
    body.addAll(forward);
    Expr backward = intrinsic(Expr.Intrinsic.Op.GRAPH_BACKWARD, IrType.GRAPH,
        new Expr.VarRef(trace.graph), new Expr.VarRef(trace.nodeOf(ir.result())));
    return new MethodBody(AdjointCleanup.apply(body, Set.of(),
        call -> RuleTable.isPure(call.method())), backward, names.table());
  }

  private static Expr intrinsic(Expr.Intrinsic.Op op, IrType type, Expr... args) {
    return new Expr.Intrinsic(op, List.of(args), type);
  }

  private Variable nodeOf(Variable v) {
    return nodes.computeIfAbsent(v, k -> names.record(names.name(k) + "Node", IrType.INT));
  }

  /** The partial derivatives, the assignment, then its node. */
  @Override
  public void assign(Stmt.Assign a, boolean declares, List<Stmt> out) {
    Map<Variable, Variable> partials = new LinkedHashMap<>();
    IrWalk.expressions(a.value(), n -> {
      if (n instanceof Expr.VarRef r && r.variable().type().kind() == IrType.Kind.DOUBLE
          && activity.isActive(r.variable()) && !partials.containsKey(r.variable())) {
        partials.put(r.variable(), names.scratch(
            "d" + RecordPlanner.capitalize(names.name(r.variable())), IrType.DOUBLE));
      }
    });
    ExpressionAdjoint.Names base = names.forExpressions(false);
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
        return Expr.Literal.ofNull();
      }

      @Override
      public Variable callBuffer(int slots) {
        return base.callBuffer(slots);
      }
    };
    List<Stmt> partialCode = new ArrayList<>();
    new ExpressionAdjoint(activity, rules, toPartials, new HashSet<>())
        .propagate(a.value(), Expr.Literal.ofDouble(1.0), partialCode);
    List<Expr> args = new ArrayList<>();
    List<Expr> inputs = new ArrayList<>();
    List<Expr> values = new ArrayList<>();
    for (Map.Entry<Variable, Variable> e : partials.entrySet()) {
      out.add(new Stmt.Assign(e.getValue(), Expr.Literal.ofDouble(0.0), true, null));
      inputs.add(new Expr.VarRef(nodeOf(e.getKey())));
      values.add(new Expr.VarRef(e.getValue()));
    }
    out.addAll(partialCode);
    out.add(new Stmt.Assign(a.target(), a.value(), declares, a.tree()));
    String name = a.target().origin() == Variable.Origin.RESULT ? title
        : a.target().sourceName();
    args.add(new Expr.VarRef(graph));
    args.add(Expr.Literal.ofString(name));
    args.add(Expr.Literal.ofString(a.tree() == null ? name : ReverseSweep.describe(a)));
    args.add(new Expr.VarRef(a.target()));
    args.add(Expr.Literal.ofInt(inputs.size()));
    args.addAll(inputs);
    args.addAll(values);
    out.add(new Stmt.Assign(nodeOf(a.target()), new Expr.Intrinsic(Expr.Intrinsic.Op.GRAPH_NODE,
        args, IrType.INT), false, null));
  }
}
