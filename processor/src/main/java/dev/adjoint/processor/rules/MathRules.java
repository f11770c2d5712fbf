package dev.adjoint.processor.rules;

import static dev.adjoint.processor.rules.MathCalls.compare;
import static dev.adjoint.processor.rules.MathCalls.div;
import static dev.adjoint.processor.rules.MathCalls.minus;
import static dev.adjoint.processor.rules.MathCalls.neg;
import static dev.adjoint.processor.rules.MathCalls.num;
import static dev.adjoint.processor.rules.MathCalls.plus;
import static dev.adjoint.processor.rules.MathCalls.times;
import static dev.adjoint.processor.rules.MathCalls.when;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The derivative table for {@code java.lang.Math} and {@code StrictMath} over doubles. Conventions
 * at non-smooth points: |x|' = 0 at 0; max and min pass the adjoint to the first argument at a
 * tie; d/db a^b = 0 where a &lt;= 0.
 */
final class MathRules {

  private record Table(int arity, BiFunction<Integer, List<Expr>, Expr> partials)
      implements PartialsRule {
    @Override
    public boolean differentiableIn(int index) {
      return true;
    }

    @Override
    public Expr partial(int index, List<Expr> args) {
      return partials.apply(index, args);
    }
  }

  private static final Set<String> ZERO_DERIVATIVE =
      Set.of("floor", "ceil", "rint", "round", "signum", "ulp", "getExponent");

  private final Map<String, Table> table = new HashMap<>();

  MathRules(MathCalls m) {
    unary("sin", u -> m.math("cos", u));
    unary("cos", u -> neg(m.math("sin", u)));
    unary("tan", u -> div(num(1), times(m.math("cos", u), m.math("cos", u))));
    unary("asin", u -> div(num(1), m.math("sqrt", minus(num(1), times(u, u)))));
    unary("acos", u -> neg(div(num(1), m.math("sqrt", minus(num(1), times(u, u))))));
    unary("atan", u -> div(num(1), plus(num(1), times(u, u))));
    unary("sinh", u -> m.math("cosh", u));
    unary("cosh", u -> m.math("sinh", u));
    unary("tanh", u -> minus(num(1), times(m.math("tanh", u), m.math("tanh", u))));
    unary("exp", u -> m.math("exp", u));
    unary("expm1", u -> m.math("exp", u));
    unary("log", u -> div(num(1), u));
    unary("log10", u -> div(num(1), times(u, num(Math.log(10)))));
    unary("log1p", u -> div(num(1), plus(num(1), u)));
    unary("sqrt", u -> div(num(0.5), m.math("sqrt", u)));
    unary("cbrt", u -> div(num(1), times(num(3), times(m.math("cbrt", u), m.math("cbrt", u)))));
    unary("abs", u -> m.math("signum", u));
    unary("toRadians", u -> num(Math.PI / 180));
    unary("toDegrees", u -> num(180 / Math.PI));
    binary("atan2", (i, a) -> {
      Expr y = a.get(0);
      Expr x = a.get(1);
      Expr r2 = plus(times(x, x), times(y, y));
      return i == 0 ? div(x, r2) : div(neg(y), r2);
    });
    binary("hypot", (i, a) -> div(a.get(i), m.math("hypot", a.get(0), a.get(1))));
    binary("pow", (i, a) -> {
      Expr base = a.get(0);
      Expr exponent = a.get(1);
      if (i == 0) {
        return times(exponent, m.math("pow", base, minus(exponent, num(1))));
      }
      return when(compare(BinaryOp.GREATER, base, num(0)),
          times(m.math("pow", base, exponent), m.math("log", base)), num(0));
    });
    table.put("fma", new Table(3, (i, a) -> i == 0 ? a.get(1) : i == 1 ? a.get(0) : num(1)));
    binary("max", (i, a) -> tieToFirst(compare(BinaryOp.GREATER_EQUAL, a.get(0), a.get(1)), i));
    binary("min", (i, a) -> tieToFirst(compare(BinaryOp.LESS_EQUAL, a.get(0), a.get(1)), i));
  }

  private static Expr tieToFirst(Expr firstWins, int index) {
    return index == 0 ? when(firstWins, num(1), num(0)) : when(firstWins, num(0), num(1));
  }

  private void unary(String name, java.util.function.Function<Expr, Expr> derivative) {
    table.put(name, new Table(1, (i, args) -> derivative.apply(args.get(0))));
  }

  private void binary(String name, BiFunction<Integer, List<Expr>, Expr> partials) {
    table.put(name, new Table(2, partials));
  }

  /** The rule for a Math method over doubles, if the table has one. */
  Optional<DerivativeRule> lookup(String name, int arity) {
    if (ZERO_DERIVATIVE.contains(name)) {
      return Optional.of(new ZeroDerivativeRule());
    }
    Table t = table.get(name);
    return t != null && t.arity == arity ? Optional.of(t) : Optional.empty();
  }
}
