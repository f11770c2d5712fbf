package dev.adjoint.processor.forward;

import static dev.adjoint.processor.rules.MathCalls.div;
import static dev.adjoint.processor.rules.MathCalls.minus;
import static dev.adjoint.processor.rules.MathCalls.neg;
import static dev.adjoint.processor.rules.MathCalls.num;
import static dev.adjoint.processor.rules.MathCalls.plus;
import static dev.adjoint.processor.rules.MathCalls.times;
import static dev.adjoint.processor.rules.MathCalls.when;

import com.sun.source.tree.Tree;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.ir.AdjointOnly;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.AdjointCallRule;
import dev.adjoint.processor.rules.DerivativeRule;
import dev.adjoint.processor.rules.PartialsRule;
import dev.adjoint.processor.rules.PullbackRule;
import dev.adjoint.processor.rules.RuleTable;
import dev.adjoint.processor.rules.ZeroDerivativeRule;
import dev.adjoint.processor.transform.SameValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.lang.model.element.ExecutableElement;

/**
 * The tangent of an expression: the directional derivative {@code ṫ} of {@code t} as an IR
 * expression of the primal values and the tangents of the variables it reads, or null where it
 * is zero. Calls are differentiated with the rules the reverse mode uses (the same partial
 * derivatives of {@code java.lang.Math} and of {@code @Partial} declarations); a helper with only
 * a {@code @Pullback} needs a {@code @Tangent} declaration. Calls to methods whose derivative
 * Adjoint generates never reach here: the transformation lifts them into temporaries first.
 */
final class TangentExpressions implements Expr.Visitor<Expr> {
  private final RuleTable rules;
  private final MethodProblems problems;
  private final Function<Variable, Variable> tangentOf;
  private final Map<Expr, Tree> origins;

  TangentExpressions(RuleTable rules, MethodProblems problems,
      Function<Variable, Variable> tangentOf, Map<Expr, Tree> origins) {
    this.rules = rules;
    this.problems = problems;
    this.tangentOf = tangentOf;
    this.origins = origins;
  }

  /** The tangent of {@code e}, or null when it is zero. */
  Expr of(Expr e) {
    return e.type().carriesDerivative() ? e.accept(this) : null;
  }

  /** The tangent of a double {@code e}, a literal zero where it has none. */
  Expr orZero(Expr e) {
    Expr t = of(e);
    return t != null ? t : Expr.Literal.ofDouble(0);
  }

  @Override
  public Expr visitLiteral(Expr.Literal node) {
    return null;
  }

  @Override
  public Expr visitVarRef(Expr.VarRef node) {
    Variable t = tangentOf.apply(node.variable());
    return t == null ? null : new Expr.VarRef(t);
  }

  @Override
  public Expr visitFieldRef(Expr.FieldRef node) {
    return null; // fields are constants to the derivative: activity reports active ones
  }

  @Override
  public Expr visitBinary(Expr.Binary b) {
    if (b.type().kind() != IrType.Kind.DOUBLE) {
      return null;
    }
    Expr l = b.left();
    Expr r = b.right();
    Expr dl = of(l);
    Expr dr = of(r);
    if (dl == null && dr == null) {
      return null;
    }
    return switch (b.op()) {
      case PLUS -> dl == null ? dr : dr == null ? dl : plus(dl, dr);
      case MINUS -> dr == null ? dl : dl == null ? neg(dr) : minus(dl, dr);
      case TIMES -> square(l, r, dl, dr) ? times(num(2), times(l, dl))
          : sum(dl == null ? null : times(dl, r), dr == null ? null : times(l, dr));
      // (l/r)' = (l' - (l/r) r') / r
      case DIVIDE -> dr == null ? div(dl, r)
          : div(dl == null ? neg(times(b, dr)) : minus(dl, times(b, dr)), r);
      // a % b = a - b * q with q = (a - a % b) / b held constant
      case REMAINDER -> dr == null ? dl
          : sum(dl, neg(times(div(minus(l, b), r), dr)));
      default -> null;
    };
  }

  /**
   * Whether {@code l * r} squares one pure value: its tangent {@code l̇ l + l l̇} is then
   * {@code 2 (l l̇)}, bit for bit ({@code l̇ l} and {@code l l̇} are one product, {@code p + p}
   * and {@code 2 p} one rounding of the same value), in one product fewer.
   */
  private static boolean square(Expr l, Expr r, Expr dl, Expr dr) {
    return dl != null && dr != null && SameValue.same(l, r) && SameValue.same(dl, dr)
        && SameValue.isPure(l);
  }

  private static Expr sum(Expr a, Expr b) {
    return a == null ? b : b == null ? a : plus(a, b);
  }

  @Override
  public Expr visitUnary(Expr.Unary u) {
    Expr d = of(u.operand());
    if (d == null) {
      return null;
    }
    return switch (u.op()) {
      case NEGATE -> neg(d);
      case PLUS -> d;
      default -> null;
    };
  }

  @Override
  public Expr visitCast(Expr.Cast c) {
    // (double) of a double keeps its tangent; integer casts and conversions from int have none
    return c.type().kind() == IrType.Kind.DOUBLE ? of(c.operand()) : null;
  }

  @Override
  public Expr visitConditional(Expr.Conditional c) {
    Expr a = of(c.whenTrue());
    Expr b = of(c.whenFalse());
    if (a == null && b == null) {
      return null;
    }
    if (c.type().isArray()) {
      a = a != null ? a : zerosLike(c.whenTrue());
      b = b != null ? b : zerosLike(c.whenFalse());
      return new Expr.Conditional(c.condition(), a, b, c.type(), null);
    }
    return when(c.condition(), a != null ? a : Expr.Literal.ofDouble(0),
        b != null ? b : Expr.Literal.ofDouble(0));
  }

  static Expr zerosLike(Expr array) {
    return new Expr.Intrinsic(Expr.Intrinsic.Op.ZEROS_LIKE, List.of(array), array.type());
  }

  @Override
  public Expr visitCall(Expr.Call c) {
    if (c.receiver() != null) {
      return null; // activity reports active values passed to objects
    }
    Optional<DerivativeRule> found = rules.ruleFor(c.method());
    if (found.isEmpty() || found.get() instanceof ZeroDerivativeRule) {
      return null;
    }
    DerivativeRule rule = found.get();
    List<Expr> directions = new ArrayList<>();
    boolean any = false;
    for (int i = 0; i < c.args().size(); i++) {
      Expr d = rule.differentiableIn(i) ? of(c.args().get(i)) : null;
      directions.add(d);
      any |= d != null;
    }
    if (!any) {
      return null;
    }
    if (rule instanceof PartialsRule partials) {
      Expr total = null;
      for (int i = 0; i < directions.size(); i++) {
        if (directions.get(i) != null) {
          Expr partial = partials.partial(i, c.args());
          origins.put(partial, c.tree());
          total = sum(total, times(partial, directions.get(i)));
        }
      }
      return total;
    }
    if (rule instanceof PullbackRule pullback) {
      return declaredTangent(c, pullback, directions);
    }
    if (rule instanceof AdjointCallRule) {
      throw new IllegalStateException("a call to " + c.method() + " was not lifted");
    }
    throw new IllegalStateException("no tangent for the rule " + rule);
  }

  private Expr declaredTangent(Expr.Call c, PullbackRule pullback, List<Expr> directions) {
    Optional<ExecutableElement> tangent = rules.tangentOf(c.method());
    if (tangent.isEmpty()) {
      String name = c.method().getEnclosingElement().getSimpleName() + "."
          + c.method().getSimpleName();
      problems.error(c.tree(), Problem.NO_DERIVATIVE,
          "forward mode and second order need a tangent rule for " + name
          + ", which declares only a @Pullback; declare one beside it with @Tangent(of = \""
          + c.method().getSimpleName() + "\"): the same parameters, then one double[] direction"
          + " per double[] parameter, returning the directional derivative");
      return null;
    }
    List<Expr> args = new ArrayList<>(c.args());
    for (int i : pullback.arrayParameters()) {
      Expr d = directions.get(i);
      args.add(d != null ? d : new Expr.Literal(IrType.NULL, "null", null));
    }
    Expr call = new Expr.Call(tangent.get(), null, args, c.type(), null);
    origins.put(call, c.tree());
    return call;
  }

  @Override
  public Expr visitArrayRead(Expr.ArrayRead a) {
    Expr d = of(a.array());
    return d == null ? null : new Expr.ArrayRead(d, a.index(), a.type(), null);
  }

  @Override
  public Expr visitArrayLength(Expr.ArrayLength node) {
    return null;
  }

  @Override
  public Expr visitNewArray(Expr.NewArray node) {
    return null; // fresh zeros: the assignment gives the tangent array its own
  }

  @Override
  public Expr visitNewObject(Expr.NewObject node) {
    return null;
  }

  @Override
  public Expr visitAdjointCall(Expr.AdjointCall node) {
    throw AdjointOnly.in("the tangent transformation", node);
  }

  @Override
  public Expr visitTangentCall(Expr.TangentCall node) {
    throw new IllegalStateException("the tangent transformation met " + node + " in its input");
  }

  /**
   * Intrinsics of the adjoint IR, met by forward over reverse: a copy's tangent is the copy of
   * the tangent; fresh zeros and the tape's bookkeeping have none. A value popped off the tape
   * never reaches here: the transformation lifts it, with its tangent, into a temporary.
   */
  @Override
  public Expr visitIntrinsic(Expr.Intrinsic node) {
    return switch (node.op()) {
      case COPY -> {
        Expr d = of(node.args().get(0));
        yield d == null ? null : new Expr.Intrinsic(Expr.Intrinsic.Op.COPY, List.of(d),
            node.type());
      }
      case ZEROS_LIKE, NO_SCALARS, CLEAR_SLOTS, NEW_TAPE -> null;
      default -> throw AdjointOnly.in("the tangent transformation", node);
    };
  }
}
