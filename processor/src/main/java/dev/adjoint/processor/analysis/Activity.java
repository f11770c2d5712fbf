package dev.adjoint.processor.analysis;

import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.AdjointOnly;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.DerivativeRule;
import dev.adjoint.processor.rules.RuleTable;
import dev.adjoint.processor.rules.ZeroDerivativeRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Activity analysis. A variable is <em>varied</em> if it depends on a differentiated parameter,
 * <em>useful</em> if the result depends on it, and <em>active</em> if both: only active variables
 * get adjoints. Both are flow-insensitive fixpoints, which over-approximate safely.
 *
 * <p>It also finds where a derivative would be lost (an active value passed where no derivative
 * can follow) and reports it, because a silently wrong gradient is the worst outcome.
 */
public final class Activity {
  private final RuleTable rules;
  private final Set<Variable> varied = new HashSet<>();
  private final Set<Variable> useful = new HashSet<>();

  /** A value flowing into a variable: an assignment, or a write into one of its elements. */
  private record Definition(Variable target, Expr value) {}

  private Activity(RuleTable rules) {
    this.rules = rules;
  }

  public static Activity analyze(MethodIr method, RuleTable rules, MethodProblems problems) {
    Activity activity = new Activity(rules);
    List<Definition> definitions = new ArrayList<>();
    List<Stmt> all = new ArrayList<>();
    IrWalk.statements(method.body(), s -> {
      all.add(s);
      if (s instanceof Stmt.Assign a) {
        definitions.add(new Definition(a.target(), a.value()));
      } else if (s instanceof Stmt.ArrayWrite w && IrWalk.root(w.array()) != null) {
        definitions.add(new Definition(IrWalk.root(w.array()), w.value()));
      }
      Expr.Call writing = WritingCalls.of(s, rules);
      if (writing != null) {
        // the call defines the arrays it may write from all its arguments (void or not)
        for (Variable root : WritingCalls.writtenRoots(writing, rules)) {
          for (int i = 0; i < writing.args().size(); i++) {
            if (rules.ruleFor(writing.method()).get().differentiableIn(i)) {
              definitions.add(new Definition(root, writing.args().get(i)));
            }
          }
        }
      }
      aliasDefinitions(s, definitions);
    });
    activity.varied.addAll(method.differentiated());
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Definition d : definitions) {
        if (d.target().type().carriesDerivative() && !d.target().isPassive()
            && activity.isVaried(d.value())
            && activity.varied.add(d.target())) {
          changed = true;
        }
      }
    }
    activity.useful.add(method.result());
    // a helper's caller reads what it writes into its parameters' arrays
    definitions.stream().map(Definition::target)
        .filter(v -> v.origin() == Variable.Origin.PARAMETER && v.type().isArray())
        .forEach(activity.useful::add);
    changed = true;
    while (changed) {
      changed = false;
      for (Definition d : definitions) {
        if (activity.useful.contains(d.target())) {
          Set<Variable> flows = new HashSet<>();
          activity.derivativeSources(d.value(), flows);
          if (activity.useful.addAll(flows)) {
            changed = true;
          }
        }
      }
    }
    LostDerivatives lost =
        new LostDerivatives(activity::isVaried, activity.useful::contains, rules);
    ArrayAliases aliases = ArrayAliases.of(method.body());
    for (Stmt s : all) {
      lost.check(s, problems);
      WritingCallChecks.check(method, s, rules, aliases, problems);
    }
    new DroppedDerivatives(method, activity::isVaried, rules).report(problems);
    return activity;
  }

  /**
   * A reference assignment ({@code y = x}, {@code y = m[i]}, {@code m[i] = row}) makes two names
   * refer to one array: a write through either is seen through both, so derivatives flow both
   * ways. The assignment itself is a definition of the target; this adds the other direction.
   */
  private static void aliasDefinitions(Stmt s, List<Definition> definitions) {
    if (!ArrayAliases.assignsReference(s)) {
      return;
    }
    Variable target = s instanceof Stmt.Assign a ? a.target()
        : IrWalk.root(((Stmt.ArrayWrite) s).array());
    for (Variable source : ArrayAliases.sources(s instanceof Stmt.Assign a ? a.value()
        : ((Stmt.ArrayWrite) s).value())) {
      definitions.add(new Definition(source, new Expr.VarRef(target)));
    }
  }

  /** Whether {@code v} carries an adjoint. */
  public boolean isActive(Variable v) {
    return varied.contains(v) && useful.contains(v);
  }

  /** Whether the result depends on differentiated parameter {@code v} at all. */
  public boolean influencesResult(Variable v) {
    return useful.contains(v);
  }

  /** Whether a derivative flows from some active variable into {@code expr}. */
  public boolean isActive(Expr expr) {
    return flows(expr, this::isActive);
  }

  boolean isVaried(Expr expr) {
    return flows(expr, varied::contains);
  }

  private boolean flows(Expr expr, Predicate<Variable> source) {
    return expr.type().carriesDerivative() && expr.accept(new Flows(source));
  }

  /** The variables whose derivatives flow into {@code expr}. */
  private void derivativeSources(Expr expr, Set<Variable> out) {
    if (expr.type().carriesDerivative()) {
      expr.accept(new Sources(out));
    }
  }

  /** The rule of a static call through which derivatives flow, or null. */
  private DerivativeRule differentiableRule(Expr.Call c) {
    if (c.receiver() != null) {
      return null; // a method of an object (looking its rule up would differentiate it)
    }
    Optional<DerivativeRule> rule = rules.ruleFor(c.method());
    if (rule.isEmpty() || rule.get() instanceof ZeroDerivativeRule) {
      return null;
    }
    return rule.get();
  }

  /** Whether a derivative flows into an expression from a variable {@code source} accepts. */
  private final class Flows implements Expr.Visitor<Boolean> {
    private final Predicate<Variable> source;

    Flows(Predicate<Variable> source) {
      this.source = source;
    }

    @Override
    public Boolean visitLiteral(Expr.Literal node) {
      return false;
    }

    @Override
    public Boolean visitVarRef(Expr.VarRef node) {
      return source.test(node.variable());
    }

    @Override
    public Boolean visitFieldRef(Expr.FieldRef node) {
      return false;
    }

    @Override
    public Boolean visitBinary(Expr.Binary node) {
      return flows(node.left(), source) || flows(node.right(), source);
    }

    @Override
    public Boolean visitUnary(Expr.Unary node) {
      return flows(node.operand(), source);
    }

    @Override
    public Boolean visitCast(Expr.Cast node) {
      return flows(node.operand(), source);
    }

    @Override
    public Boolean visitConditional(Expr.Conditional node) {
      return flows(node.whenTrue(), source) || flows(node.whenFalse(), source);
    }

    @Override
    public Boolean visitCall(Expr.Call node) {
      DerivativeRule rule = differentiableRule(node);
      if (rule == null) {
        return false;
      }
      for (int i = 0; i < node.args().size(); i++) {
        if (rule.differentiableIn(i) && flows(node.args().get(i), source)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Boolean visitArrayRead(Expr.ArrayRead node) {
      return flows(node.array(), source);
    }

    @Override
    public Boolean visitArrayLength(Expr.ArrayLength node) {
      return false;
    }

    @Override
    public Boolean visitNewArray(Expr.NewArray node) {
      return false;
    }

    @Override
    public Boolean visitAdjointCall(Expr.AdjointCall node) {
      throw AdjointOnly.in("activity analysis", node);
    }

    @Override
    public Boolean visitTangentCall(Expr.TangentCall node) {
      // the tangent IR's call of a callee's tangent entry point: derivatives flow through its
      // arguments (reverse mode over it is refused before activity runs)
      for (Expr arg : node.args()) {
        if (flows(arg, source)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Boolean visitIntrinsic(Expr.Intrinsic node) {
      if (node.op() == Expr.Intrinsic.Op.ZEROS_LIKE) {
        return false; // fresh zeros (the tangent IR's): no derivative
      }
      throw AdjointOnly.in("activity analysis", node);
    }

    @Override
    public Boolean visitNewObject(Expr.NewObject node) {
      return false;
    }
  }

  /** Collects the variables whose derivatives flow into an expression. */
  private final class Sources implements Expr.Visitor<Void> {
    private final Set<Variable> out;

    Sources(Set<Variable> out) {
      this.out = out;
    }

    @Override
    public Void visitLiteral(Expr.Literal node) {
      return null;
    }

    @Override
    public Void visitVarRef(Expr.VarRef node) {
      out.add(node.variable());
      return null;
    }

    @Override
    public Void visitFieldRef(Expr.FieldRef node) {
      return null;
    }

    @Override
    public Void visitBinary(Expr.Binary node) {
      derivativeSources(node.left(), out);
      derivativeSources(node.right(), out);
      return null;
    }

    @Override
    public Void visitUnary(Expr.Unary node) {
      derivativeSources(node.operand(), out);
      return null;
    }

    @Override
    public Void visitCast(Expr.Cast node) {
      derivativeSources(node.operand(), out);
      return null;
    }

    @Override
    public Void visitConditional(Expr.Conditional node) {
      derivativeSources(node.whenTrue(), out);
      derivativeSources(node.whenFalse(), out);
      return null;
    }

    @Override
    public Void visitCall(Expr.Call node) {
      if (node.receiver() != null) {
        return null;
      }
      DerivativeRule rule = differentiableRule(node);
      if (rule != null) {
        for (int i = 0; i < node.args().size(); i++) {
          if (rule.differentiableIn(i)) {
            derivativeSources(node.args().get(i), out);
          }
        }
      }
      return null;
    }

    @Override
    public Void visitArrayRead(Expr.ArrayRead node) {
      derivativeSources(node.array(), out);
      return null;
    }

    @Override
    public Void visitArrayLength(Expr.ArrayLength node) {
      return null;
    }

    @Override
    public Void visitNewArray(Expr.NewArray node) {
      return null;
    }

    @Override
    public Void visitAdjointCall(Expr.AdjointCall node) {
      throw AdjointOnly.in("activity analysis", node);
    }

    @Override
    public Void visitTangentCall(Expr.TangentCall node) {
      node.args().forEach(arg -> derivativeSources(arg, out));
      return null;
    }

    @Override
    public Void visitIntrinsic(Expr.Intrinsic node) {
      if (node.op() == Expr.Intrinsic.Op.ZEROS_LIKE) {
        return null; // fresh zeros (the tangent IR's): no derivative
      }
      throw AdjointOnly.in("activity analysis", node);
    }

    @Override
    public Void visitNewObject(Expr.NewObject node) {
      return null;
    }
  }
}
