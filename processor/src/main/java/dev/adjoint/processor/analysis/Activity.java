package dev.adjoint.processor.analysis;

import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.AdjointOnly;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.AdjointCallRule;
import dev.adjoint.processor.rules.DerivativeRule;
import dev.adjoint.processor.rules.PullbackRule;
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
    });
    activity.varied.addAll(method.differentiated());
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Definition d : definitions) {
        if (d.target().type().carriesDerivative() && activity.isVaried(d.value())
            && activity.varied.add(d.target())) {
          changed = true;
        }
      }
    }
    activity.useful.add(method.result());
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
    for (Stmt s : all) {
      activity.checkLostDerivatives(s, problems);
    }
    new DroppedDerivatives(method, activity::isVaried, rules).report(problems);
    return activity;
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
    Optional<DerivativeRule> rule = rules.ruleFor(c.method());
    if (rule.isEmpty() || rule.get() instanceof ZeroDerivativeRule || c.receiver() != null) {
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

  // ------------------------------------------------------------------------- lost derivatives

  private void checkLostDerivatives(Stmt s, MethodProblems problems) {
    boolean needed = s instanceof Stmt.Assign a && useful.contains(a.target())
        || s instanceof Stmt.ArrayWrite w && useful.contains(IrWalk.root(w.array()));
    Expr arrayRoot = s instanceof Stmt.Assign a && a.target().type().isArray() ? a.value() : null;
    IrWalk.ownExpressions(s, e -> IrWalk.expressions(e, node -> {
      if (node instanceof Expr.Call c && c.type().isArray() && node != arrayRoot
          && isVaried(node)) {
        problems.error(c.tree(), "a differentiated call returning an array is supported only"
            + " as the initializer of a local array (double[] h = layer(x, w);) or as the"
            + " returned value: only there can its adjoint array be named");
      }
      if (node instanceof Expr.Call c) {
        checkCall(c, needed, problems);
      } else if (node instanceof Expr.Cast cast && cast.type().kind() == IrType.Kind.FLOAT
          && isVaried(cast.operand())) {
        problems.error(cast.tree(), "casting an active value to float loses its derivative;"
            + " Adjoint differentiates double only, so keep it double");
      } else if (node instanceof Expr.NewObject n) {
        for (Expr arg : n.args()) {
          if (isVaried(arg)) {
            problems.error(arg.tree(), "an active value flows into a new " + n.type()
                + ", where no derivative can follow it; keep differentiable values in double"
                + " locals");
          }
        }
      }
    }));
    if (s instanceof Stmt.Assign a && !a.target().type().carriesDerivative()
        && isVaried(a.value())) {
      problems.error(a.value().tree() != null ? a.value().tree() : a.tree(),
          "an active value is stored in '" + a.target().sourceName() + "' of type "
          + a.target().type() + ", which cannot carry a derivative; declare it double");
    }
  }

  private void checkCall(Expr.Call c, boolean resultNeeded, MethodProblems problems) {
    String name = c.method().getEnclosingElement().getSimpleName() + "." + c.method()
        .getSimpleName();
    if (c.receiver() != null) {
      for (Expr arg : c.args()) {
        if (isVaried(arg)) {
          problems.error(arg.tree(), "an active value is passed to " + name + ", a method of"
              + " an object, where no derivative can follow it (into a collection or a field,"
              + " say); keep differentiable values in double locals and static methods");
        }
      }
      return;
    }
    Optional<DerivativeRule> rule = rules.ruleFor(c.method());
    boolean arrayAware = rule.isPresent() && (rule.get() instanceof AdjointCallRule
        || rule.get() instanceof PullbackRule);
    if (c.type().isArray() && rule.isPresent() && rule.get() instanceof AdjointCallRule
        && rules.mayReturnArrayArgument(c.method())) {
      problems.error(c.tree(), name + " may return an array it received (or a row of one):"
          + " the gradient would treat the result as a new array, and writes through either"
          + " name would not reach the other's adjoint; return a new array from the helper"
          + " (copy the elements into new double[n]), or index the original directly");
      return;
    }
    for (int i = 0; i < c.args().size(); i++) {
      Expr arg = c.args().get(i);
      if (arg.type().isArray() && !arrayAware) {
        problems.error(arg.tree(), "arrays can be passed only to @Differentiable methods, to"
            + " methods with source in this compilation and to helpers with a @Pullback;"
            + " Adjoint cannot see whether " + name + " changes the array");
        return;
      }
      if (arg.type().isArray() && rule.get() instanceof AdjointCallRule
          && i < c.method().getParameters().size() && rules.mayWriteArrayArgument(c.method(), i)) {
        problems.error(arg.tree(), name + " may write into the array passed here (its parameter"
            + " '" + c.method().getParameters().get(i).getSimpleName() + "'), and Adjoint does not"
            + " follow writes through a helper's array parameters: return a new array from the"
            + " helper instead, or write the elements in the @Differentiable method itself");
        return;
      }
    }

    if (!c.type().carriesDerivative() || !resultNeeded) {
      return;
    }
    if (c.type().isArray() && rule.isPresent() && rule.get() instanceof AdjointCallRule
        && rules.mayReturnArrayArgument(c.method())) {
      problems.error(c.tree(), name + " may return an array it received (or a row of one):"
          + " the gradient would treat the result as a new array, and writes through either"
          + " name would not reach the other's adjoint; return a new array from the helper"
          + " (copy the elements into new double[n]), or index the original directly");
      return;
    }
    for (int i = 0; i < c.args().size(); i++) {
      Expr arg = c.args().get(i);
      if (!isVaried(arg)) {
        continue;
      }
      if (rule.isEmpty()) {
        problems.error(arg.tree(), "no derivative is known for " + name + ", and an active"
            + " value flows into it; give it a derivative with @Partial, write it as a static"
            + " method with source in this compilation, or pass only constants to it");
        return;
      }
      if (!rule.get().differentiableIn(i)) {
        String param = c.method().getParameters().get(i).getSimpleName().toString();
        problems.error(arg.tree(), name + " is not differentiable with respect to '" + param
            + "', and an active value flows into it; its derivative would be lost");
      }
    }
  }

}
