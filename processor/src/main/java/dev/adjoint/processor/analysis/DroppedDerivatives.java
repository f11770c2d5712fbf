package dev.adjoint.processor.analysis;

import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.AdjointOnly;
import dev.adjoint.processor.abi.RuntimeTypes;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.UnaryOp;
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
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;

/**
 * Finds where an active value leaves the doubles by a road on which its derivative is lost
 * although the function is not piecewise constant: boxing ({@code Double.valueOf(a)},
 * {@code (Double) a}, {@code Optional.of(a)}), a {@code String} ({@code "" + a}), raw bits
 * ({@code Double.doubleToLongBits(a)}), a helper returning {@code float}, {@code Double} or a
 * type variable. Such a value that reaches the result is an error at the place it leaves.
 *
 * <p>A derivative may be dropped only where the function really is piecewise constant:
 * comparisons, casts to integral types, methods returning {@code boolean} or an integral number
 * (but for the bit encodings listed here), and {@code @NonDifferentiable} methods. Values that
 * only steer control flow, or go into exception messages, do not reach the result as data and
 * are left alone.
 *
 * <p>Two facts are computed over every variable, whatever its type: which hold a value carried
 * off the doubles ("carried"), and which the result depends on as data ("influential").
 */
final class DroppedDerivatives {
  /** Integral-valued methods that encode a double's bits rather than round it. */
  private static final Set<String> ENCODINGS = Set.of(
      "java.lang.Double.doubleToLongBits", "java.lang.Double.doubleToRawLongBits",
      "java.lang.Double.hashCode", "java.lang.Float.floatToIntBits",
      "java.lang.Float.floatToRawIntBits", "java.lang.Float.hashCode",
      "java.util.Objects.hash", "java.util.Objects.hashCode", "java.util.Arrays.hashCode");

  private final MethodIr method;
  private final Predicate<Expr> varied;
  private final RuleTable rules;
  private final Set<Variable> carried = new HashSet<>();
  private final Set<Variable> influential = new HashSet<>();

  DroppedDerivatives(MethodIr method, Predicate<Expr> varied, RuleTable rules) {
    this.method = method;
    this.varied = varied;
    this.rules = rules;
  }

  void report(MethodProblems problems) {
    fixpoints();
    IrWalk.statements(method.body(), s -> {
      Expr value = null;
      if (s instanceof Stmt.Assign a && influential.contains(a.target())) {
        value = a.value();
      } else if (s instanceof Stmt.ArrayWrite w && influential.contains(IrWalk.root(w.array()))) {
        value = w.value();
      }
      if (value != null) {
        findDrops(value, problems);
      }
    });
  }

  private void fixpoints() {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Stmt s : definitions()) {
        Variable target = ToBeRecorded.target(s);
        Expr value = valueOf(s);
        if (target != null && !target.type().carriesDerivative() && carries(value)
            && carried.add(target)) {
          changed = true;
        }
      }
    }
    influential.add(method.result());
    changed = true;
    while (changed) {
      changed = false;
      for (Stmt s : definitions()) {
        Variable target = ToBeRecorded.target(s);
        if (target != null && influential.contains(target)) {
          Set<Variable> read = new HashSet<>();
          IrWalk.expressions(valueOf(s), n -> {
            if (n instanceof Expr.VarRef r) {
              read.add(r.variable());
            }
          });
          changed |= influential.addAll(read);
        }
      }
    }
  }

  private Iterable<Stmt> definitions() {
    java.util.List<Stmt> all = new java.util.ArrayList<>();
    IrWalk.statements(method.body(), s -> {
      if (s instanceof Stmt.Assign || s instanceof Stmt.ArrayWrite) {
        all.add(s);
      }
    });
    return all;
  }

  private static Expr valueOf(Stmt s) {
    return s instanceof Stmt.Assign a ? a.value() : ((Stmt.ArrayWrite) s).value();
  }

  /**
   * Whether {@code e} holds something of an active value that is not a double: its derivative
   * was dropped on the way, and not by a piecewise-constant function.
   */
  private boolean carries(Expr e) {
    return !e.type().carriesDerivative() && e.accept(carrier);
  }

  /** Whether a value that is not a double holds something of an active value. */
  private final Expr.Visitor<Boolean> carrier = new Expr.Visitor<>() {
    @Override
    public Boolean visitLiteral(Expr.Literal node) {
      return false;
    }

    @Override
    public Boolean visitVarRef(Expr.VarRef r) {
      return carried.contains(r.variable());
    }

    @Override
    public Boolean visitFieldRef(Expr.FieldRef node) {
      return false;
    }

    @Override
    public Boolean visitBinary(Expr.Binary b) {
      return !b.op().isComparisonOrLogical() && (leaves(b.left()) || leaves(b.right()));
    }

    @Override
    public Boolean visitUnary(Expr.Unary u) {
      return u.op() != UnaryOp.NOT && leaves(u.operand());
    }

    @Override
    public Boolean visitCast(Expr.Cast c) {
      return !c.type().isIntegral() && c.type().kind() != IrType.Kind.BOOLEAN
          && leaves(c.operand());
    }

    @Override
    public Boolean visitConditional(Expr.Conditional c) {
      return leaves(c.whenTrue()) || leaves(c.whenFalse());
    }

    @Override
    public Boolean visitCall(Expr.Call c) {
      if (isPiecewiseConstant(c.method(), c.receiver() != null)) {
        return false;
      }
      boolean any = c.receiver() != null && leaves(c.receiver());
      for (Expr a : c.args()) {
        any |= leaves(a);
      }
      return any;
    }

    @Override
    public Boolean visitArrayRead(Expr.ArrayRead a) {
      return leaves(a.array());
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
      throw AdjointOnly.in("the dropped-derivative analysis", node);
    }

    @Override
    public Boolean visitTangentCall(Expr.TangentCall node) {
      return false;
    }

    @Override
    public Boolean visitIntrinsic(Expr.Intrinsic node) {
      if (node.op() == Expr.Intrinsic.Op.ZEROS_LIKE) {
        return false; // fresh zeros (the tangent IR's): no derivative
      }
      throw AdjointOnly.in("the dropped-derivative analysis", node);
    }

    @Override
    public Boolean visitNewObject(Expr.NewObject node) {
      return false;
    }
  };

  /** An active double, or something carried off one. */
  private boolean leaves(Expr e) {
    return e.type().carriesDerivative() ? varied.test(e) || unboxes(e) : carries(e);
  }

  /**
   * Whether the double {@code e} is computed from something carried off the doubles
   * ({@code Math.abs(Double.valueOf(a))}, {@code Double.valueOf(a).doubleValue()}): the activity
   * analysis sees no active double in it, yet it holds the active value whose derivative was
   * dropped where it was boxed, so a value built from it carries that value on.
   */
  private boolean unboxes(Expr e) {
    boolean[] found = {false};
    forEachOperand(e, o -> found[0] |= o.type().carriesDerivative() ? unboxes(o) : carries(o));
    return found[0];
  }

  private boolean isPiecewiseConstant(ExecutableElement m, boolean onObject) {
    TypeKind returned = m.getReturnType().getKind();
    if (returned == TypeKind.BOOLEAN) {
      return true;
    }
    // (a method of an object has no rule: looking one up would differentiate a class's method)
    Optional<DerivativeRule> rule = onObject ? Optional.empty() : rules.ruleFor(m);
    boolean stopGradient = rule.isPresent() && rule.get() instanceof ZeroDerivativeRule
        && m.getAnnotationMirrors().stream().anyMatch(a -> a.getAnnotationType().toString()
            .equals(RuntimeTypes.NON_DIFFERENTIABLE));
    if (stopGradient) {
      return true;
    }
    boolean integral = returned == TypeKind.INT || returned == TypeKind.LONG
        || returned == TypeKind.SHORT || returned == TypeKind.BYTE || returned == TypeKind.CHAR;
    return integral && !ENCODINGS.contains(qualifiedName(m));
  }

  private static String qualifiedName(ExecutableElement m) {
    return ((TypeElement) m.getEnclosingElement()).getQualifiedName() + "."
        + m.getSimpleName();
  }

  /**
   * Reports, below {@code e}, each node where an active double is carried off the doubles.
   * Below a value that is not a double, it looks only inside nodes that carry an active value,
   * so control-only uses (a comparison, an index) pass.
   */
  private void findDrops(Expr e, MethodProblems problems) {
    if (e instanceof Expr.Cast c && c.type().kind() == IrType.Kind.FLOAT) {
      return; // reported wherever it stands, by Activity
    }
    if (!e.type().carriesDerivative()) {
      if (!carries(e)) {
        return;
      }
      if (hasActiveDoubleOperand(e)) {
        problems.error(e.tree() != null ? e.tree() : method.tree(), Problem.LOST_DERIVATIVE,
            message(e));
        return;
      }
    }
    forEachOperand(e, o -> findDrops(o, problems));
  }

  private boolean hasActiveDoubleOperand(Expr e) {
    boolean[] found = {false};
    forEachOperand(e, o -> found[0] |= o.type().carriesDerivative() && varied.test(o));
    return found[0];
  }

  private static void forEachOperand(Expr e, java.util.function.Consumer<Expr> f) {
    e.accept(VALUE_OPERANDS).forEach(f);
  }

  /** The operands whose values flow into an expression's value (not conditions or indices). */
  private static final Expr.Visitor<List<Expr>> VALUE_OPERANDS = new Expr.Visitor<>() {
    @Override
    public List<Expr> visitLiteral(Expr.Literal node) {
      return List.of();
    }

    @Override
    public List<Expr> visitVarRef(Expr.VarRef node) {
      return List.of();
    }

    @Override
    public List<Expr> visitFieldRef(Expr.FieldRef node) {
      return List.of();
    }

    @Override
    public List<Expr> visitBinary(Expr.Binary b) {
      return List.of(b.left(), b.right());
    }

    @Override
    public List<Expr> visitUnary(Expr.Unary u) {
      return List.of(u.operand());
    }

    @Override
    public List<Expr> visitCast(Expr.Cast c) {
      return List.of(c.operand());
    }

    @Override
    public List<Expr> visitConditional(Expr.Conditional c) {
      return List.of(c.whenTrue(), c.whenFalse());
    }

    @Override
    public List<Expr> visitCall(Expr.Call c) {
      List<Expr> operands = new ArrayList<>();
      if (c.receiver() != null) {
        operands.add(c.receiver());
      }
      operands.addAll(c.args());
      return operands;
    }

    @Override
    public List<Expr> visitArrayRead(Expr.ArrayRead a) {
      return List.of(a.array());
    }

    @Override
    public List<Expr> visitArrayLength(Expr.ArrayLength node) {
      return List.of();
    }

    @Override
    public List<Expr> visitNewArray(Expr.NewArray node) {
      return List.of();
    }

    @Override
    public List<Expr> visitAdjointCall(Expr.AdjointCall node) {
      throw AdjointOnly.in("the dropped-derivative analysis", node);
    }

    @Override
    public List<Expr> visitTangentCall(Expr.TangentCall node) {
      return List.of();
    }

    @Override
    public List<Expr> visitIntrinsic(Expr.Intrinsic node) {
      if (node.op() == Expr.Intrinsic.Op.ZEROS_LIKE) {
        return List.of(); // fresh zeros (the tangent IR's): no derivative
      }
      throw AdjointOnly.in("the dropped-derivative analysis", node);
    }

    @Override
    public List<Expr> visitNewObject(Expr.NewObject node) {
      return List.of();
    }
  };

  private static String message(Expr e) {
    if (e instanceof Expr.Binary b && b.op() == BinaryOp.CONCAT) {
      return "an active value is turned into a String here and reaches the result: its"
          + " derivative would be lost; compute with the double itself";
    }
    if (e instanceof Expr.Cast c) {
      return "casting an active value to " + c.type() + " loses its derivative, and the value"
          + " reaches the result; Adjoint differentiates double only, so keep it a double";
    }
    if (e instanceof Expr.Call c) {
      String name = c.method().getEnclosingElement().getSimpleName() + "."
          + c.method().getSimpleName();
      return "an active value flows into " + name + ", which returns " + c.type()
          + ", and on to the result: its derivative would be lost (only double values carry"
          + " one); keep the value a double (a helper of yours: declare it to return double)";
    }
    return "an active value becomes a " + e.type() + " here and reaches the result: its"
        + " derivative would be lost; keep it a double";
  }
}
