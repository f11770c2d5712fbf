package dev.adjoint.processor.transform;

import static dev.adjoint.processor.rules.MathCalls.div;
import static dev.adjoint.processor.rules.MathCalls.minus;
import static dev.adjoint.processor.rules.MathCalls.neg;
import static dev.adjoint.processor.rules.MathCalls.times;

import dev.adjoint.processor.abi.AdjointAbi;
import dev.adjoint.processor.analysis.Activity;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Rewrite;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.UnaryOp;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.AdjointCallRule;
import dev.adjoint.processor.rules.DerivativeRule;
import dev.adjoint.processor.rules.PartialsRule;
import dev.adjoint.processor.rules.PullbackRule;
import dev.adjoint.processor.rules.RuleTable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The adjoint of one expression: given the adjoint {@code seed} of its value, adds each active
 * variable's share into that variable's adjoint. Values the partial derivatives need are
 * recomputed into scratch locals once, from primal variables the reverse sweep has restored.
 */
final class ExpressionAdjoint {
  private final Activity activity;
  private final RuleTable rules;
  private final Names names;
  private final Set<Variable> reads;
  private final Deque<Map<Expr, Variable>> scratch = new ArrayDeque<>();

  /** What the adjoint needs to know of the enclosing method's generated names. */
  interface Names {
    Variable adjointOf(Variable v);

    Variable scratch(String base, IrType type);

    /** The method's tape, which may be null outside loops. */
    Expr tape();

    /** The call-adjoint buffer, sized to at least {@code slots}. */
    Variable callBuffer(int slots);
  }

  ExpressionAdjoint(Activity activity, RuleTable rules, Names names, Set<Variable> reads) {
    this.activity = activity;
    this.rules = rules;
    this.names = names;
    this.reads = reads;
    scratch.push(new IdentityHashMap<>());
  }

  private Variable substitute(Expr e) {
    for (Map<Expr, Variable> frame : scratch) {
      Variable v = frame.get(e);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /**
   * {@code e} with every part a scratch local already holds replaced by a read of that local:
   * what the reverse sweep evaluates, whose primal reads are recorded.
   */
  private Expr substituted(Expr e) {
    Variable held = substitute(e);
    return held != null ? new Expr.VarRef(held) : Rewrite.operands(e, this::substituted);
  }

  /** Notes the original's variables that {@code e}, as the reverse sweep evaluates it, reads. */
  private void noteReads(Expr e) {
    IrWalk.expressions(e, n -> {
      if (n instanceof Expr.VarRef r && r.variable().origin().isPrimal()) {
        reads.add(r.variable());
      }
    });
  }

  /** {@code e} as evaluated by the reverse sweep: substituted, its reads noted. */
  Expr evaluated(Expr e) {
    Expr out = substituted(e);
    noteReads(out);
    return out;
  }

  /** Adds {@code seed} times the derivative of {@code e} into the adjoints of its variables. */
  void propagate(Expr e, Expr seed, List<Stmt> out) {
    if (!activity.isActive(e)) {
      return;
    }
    e.accept(new Propagation(seed, out));
  }

  /**
   * Propagates one seed through one active expression. Nodes through which no derivative flows
   * ({@link Activity} never calls them active) fail loudly instead of being skipped.
   */
  private final class Propagation implements Expr.Visitor<Void> {
    private final Expr seed;
    private final List<Stmt> out;

    Propagation(Expr seed, List<Stmt> out) {
      this.seed = seed;
      this.out = out;
    }

    private Void variable(Expr e) {
      out.add(new Stmt.Accumulate(evaluated(adjointOf(e)), evaluated(seed), e.type().isArray()));
      return null;
    }

    private Void inactive(Expr e) {
      throw new IllegalStateException("no derivative flows through " + e);
    }

    @Override
    public Void visitLiteral(Expr.Literal node) {
      return inactive(node);
    }

    @Override
    public Void visitVarRef(Expr.VarRef node) {
      return variable(node);
    }

    @Override
    public Void visitFieldRef(Expr.FieldRef node) {
      return inactive(node);
    }

    @Override
    public Void visitBinary(Expr.Binary node) {
      binary(node, seed, out);
      return null;
    }

    @Override
    public Void visitUnary(Expr.Unary node) {
      propagate(node.operand(), node.op() == UnaryOp.NEGATE ? neg(seed) : seed, out);
      return null;
    }

    @Override
    public Void visitCast(Expr.Cast node) {
      propagate(node.operand(), seed, out);
      return null;
    }

    @Override
    public Void visitConditional(Expr.Conditional node) {
      conditional(node, seed, out);
      return null;
    }

    @Override
    public Void visitCall(Expr.Call node) {
      call(node, seed, out);
      return null;
    }

    @Override
    public Void visitArrayRead(Expr.ArrayRead node) {
      return variable(node);
    }

    @Override
    public Void visitArrayLength(Expr.ArrayLength node) {
      return inactive(node);
    }

    @Override
    public Void visitNewArray(Expr.NewArray node) {
      return inactive(node);
    }

    @Override
    public Void visitAdjointCall(Expr.AdjointCall node) {
      return inactive(node);
    }

    @Override
    public Void visitTangentCall(Expr.TangentCall node) {
      throw new IllegalStateException("the reverse transformation has no adjoint for " + node
          + ", a call of a tangent entry point");
    }

    @Override
    public Void visitIntrinsic(Expr.Intrinsic node) {
      return inactive(node);
    }

    @Override
    public Void visitNewObject(Expr.NewObject node) {
      return inactive(node);
    }
  }

  /** The adjoint of a variable or element: {@code x} → {@code xAdj}, {@code m[i][j]} →
   * {@code mAdj[i][j]}. */
  Expr adjointOf(Expr e) {
    if (e instanceof Expr.VarRef r) {
      return new Expr.VarRef(names.adjointOf(r.variable()));
    }
    if (e instanceof Expr.ArrayRead a) {
      return new Expr.ArrayRead(adjointOf(a.array()), a.index(), a.type(), null);
    }
    throw new IllegalStateException("no adjoint for " + e);
  }

  private void binary(Expr.Binary b, Expr seed, List<Stmt> out) {
    Expr l = b.left();
    Expr r = b.right();
    boolean both = activity.isActive(l) && activity.isActive(r);
    Expr s = both ? shared(seed, out) : seed;
    if (both && Squares.isSquare(b)) { // x * x: one contribution s * (x + x)
      propagate(l, times(s, value(Squares.doubled(r), out)), out);
      return;
    }
    switch (b.op()) {
      case PLUS -> {
        propagate(l, s, out);
        propagate(r, s, out);
      }
      case MINUS -> {
        propagate(l, s, out);
        propagate(r, neg(s), out);
      }
      case TIMES -> {
        if (activity.isActive(l)) {
          propagate(l, times(s, value(r, out)), out);
        }
        if (activity.isActive(r)) {
          propagate(r, times(s, value(l, out)), out);
        }
      }
      case DIVIDE -> {
        Expr denominator = value(r, out);
        if (activity.isActive(l)) {
          propagate(l, div(s, denominator), out);
        }
        if (activity.isActive(r)) {
          Expr quotient = value(b, out);
          propagate(r, neg(div(times(s, quotient), denominator)), out);
        }
      }
      case REMAINDER -> {
        propagate(l, s, out);
        if (activity.isActive(r)) {
          // a % b = a - b * q with q = (a - a % b) / b held constant: d/db = -q.
          Expr a = value(l, out);
          Expr d = value(r, out);
          Expr q = div(minus(a, value(b, out)), d);
          propagate(r, neg(times(s, q)), out);
        }
      }
      default -> { }
    }
  }

  private void conditional(Expr.Conditional c, Expr seed, List<Stmt> out) {
    Expr s = shared(seed, out);
    Expr condition = value(c.condition(), out);
    List<Stmt> whenTrue = new ArrayList<>();
    List<Stmt> whenFalse = new ArrayList<>();
    scratch.push(new IdentityHashMap<>());
    propagate(c.whenTrue(), s, whenTrue);
    scratch.pop();
    scratch.push(new IdentityHashMap<>());
    propagate(c.whenFalse(), s, whenFalse);
    scratch.pop();
    if (!whenTrue.isEmpty()) {
      out.add(new Stmt.If(evaluated(condition), block(whenTrue), block(whenFalse), null));
    } else if (!whenFalse.isEmpty()) {
      Expr negated = new Expr.Unary(UnaryOp.NOT, condition, IrType.BOOLEAN, null);
      out.add(new Stmt.If(evaluated(negated), block(whenFalse), block(List.of()), null));
    }
  }

  private void call(Expr.Call c, Expr seed, List<Stmt> out) {
    DerivativeRule rule = rules.ruleFor(c.method()).orElseThrow(
        () -> new IllegalStateException("active call without a rule: " + c.method()));
    List<Integer> active = new ArrayList<>();
    for (int i = 0; i < c.args().size(); i++) {
      if (rule.differentiableIn(i) && activity.isActive(c.args().get(i))) {
        active.add(i);
      }
    }
    if (active.isEmpty()) {
      return;
    }
    List<Expr> args = new ArrayList<>();
    for (Expr a : c.args()) {
      args.add(value(a, out));
    }
    if (rule instanceof PartialsRule partials) {
      Expr s = active.size() > 1 ? shared(seed, out) : seed;
      for (int i : active) {
        propagate(c.args().get(i), times(s, partials.partial(i, args)), out);
      }
    } else if (rule instanceof AdjointCallRule adjoint) {
      adjointCall(c, adjoint, args, active, seed, out);
    } else if (rule instanceof PullbackRule pullback) {
      List<Expr> arguments = new ArrayList<>(args);
      arguments.add(seed);
      for (int i : pullback.arrayParameters()) {
        arguments.add(active.contains(i) ? adjointOf(c.args().get(i))
            : new Expr.Literal(IrType.NULL, "null", null));
      }
      out.add(new Stmt.Eval(evaluated(
          new Expr.Call(pullback.pullback(), null, arguments, IrType.VOID, null)), null));
    }
  }

  private void adjointCall(Expr.Call c, AdjointCallRule rule, List<Expr> args,
      List<Integer> active, Expr seed, List<Stmt> out) {
    rules.require(rule);
    AdjointAbi abi = rule.abi();
    Expr buffer = abi.slotCount() == 0
        ? new Expr.Intrinsic(Expr.Intrinsic.Op.NO_SCALARS, List.of(), IrType.DOUBLE_ARRAY)
        : new Expr.VarRef(names.callBuffer(abi.slotCount()));
    if (abi.slotCount() > 0) {
      out.add(new Stmt.Eval(new Expr.Intrinsic(Expr.Intrinsic.Op.CLEAR_SLOTS,
          List.of(buffer, Expr.Literal.ofInt(abi.slotCount())), IrType.VOID), null));
    }
    List<Expr> arguments = abi.layout(args, seed, buffer,
        i -> active.contains(i) ? adjointOf(c.args().get(i))
            : new Expr.Intrinsic(Expr.Intrinsic.Op.ZEROS_LIKE, List.of(args.get(i)),
                args.get(i).type()),
        names.tape());
    out.add(new Stmt.Eval(evaluated(
        new Expr.AdjointCall(c.method(), arguments, c.type(), null)), null));
    List<Variable> shares = new ArrayList<>();
    List<Integer> scalars = new ArrayList<>();
    for (int i : active) {
      if (!abi.isArray(i)) {
        scalars.add(i);
      }
    }
    for (int i : scalars) {
      Variable share = names.scratch("d" + capitalize(
          dev.adjoint.processor.abi.CalleeRecords.argumentName(c.method(), i)), IrType.DOUBLE);
      out.add(new Stmt.Assign(share, new Expr.ArrayRead(buffer, Expr.Literal.ofInt(abi.slot(i)),
          IrType.DOUBLE, null), true, null));
      shares.add(share);
    }
    for (int k = 0; k < scalars.size(); k++) {
      propagate(c.args().get(scalars.get(k)), new Expr.VarRef(shares.get(k)), out);
    }
  }

  private static Stmt.Block block(List<Stmt> stmts) {
    return new Stmt.Block(null, List.copyOf(stmts), null);
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** A seed used more than once is computed once. */
  private Expr shared(Expr seed, List<Stmt> out) {
    return isTrivial(seed) ? seed : bind(seed, "adj", out);
  }

  /** The value of {@code e}, recomputed once into a scratch local unless it is trivial. */
  private Expr value(Expr e, List<Stmt> out) {
    if (isTrivial(e)) {
      return e;
    }
    Variable existing = substitute(e);
    if (existing != null) {
      return new Expr.VarRef(existing);
    }
    bindNestedCalls(e, out);
    return bind(e, "t", out);
  }

  /**
   * Binds, innermost first, the calls nested in {@code e} whose own arguments hold calls: the
   * adjoint of {@code sin(sin(sin(a)))} then reads each level from a scratch local, and its code
   * grows linearly with the nesting depth rather than quadratically.
   */
  private void bindNestedCalls(Expr e, List<Stmt> out) {
    if (!(e instanceof Expr.Call c)) {
      return;
    }
    for (Expr arg : c.args()) {
      if (arg instanceof Expr.Call inner
          && inner.args().stream().anyMatch(a -> a instanceof Expr.Call)) {
        value(arg, out);
      }
    }
  }

  private Expr bind(Expr e, String base, List<Stmt> out) {
    Variable t = names.scratch(base, e.type());
    out.add(new Stmt.Assign(t, evaluated(e), true, null));
    scratch.peek().put(e, t);
    return new Expr.VarRef(t);
  }

  private static boolean isTrivial(Expr e) {
    return e instanceof Expr.Literal || e instanceof Expr.VarRef
        || (e instanceof Expr.FieldRef f && f.receiver() == null)
        || (e instanceof Expr.ArrayRead a && isTrivial(a.array()) && isTrivial(a.index()));
  }

  static boolean references(Expr e, Variable v) {
    boolean[] found = {false};
    dev.adjoint.processor.ir.IrWalk.expressions(e, node -> {
      if (node instanceof Expr.VarRef r && r.variable() == v) {
        found[0] = true;
      }
    });
    return found[0];
  }
}
