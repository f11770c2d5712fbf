package dev.adjoint.processor.cleanup;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Rewrite;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.StmtRewrite;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Reads a matrix row that a {@code while} loop uses on every iteration once, before the loop:
 * {@code while (i < xs[n].length) { z = z + w1[j][i] * xs[n][i]; i = i + 1; }} becomes
 * {@code if (i < xs[n].length) { double[] w1Row = w1[j]; double[] xsRow = xs[n]; while (i <
 * xsRow.length) { z = z + w1Row[i] * xsRow[i]; i = i + 1; } }}. Measured on the MLP benchmark
 * (issue 15, bench MlpVariants): HotSpot's C2 keeps reloading the rows inside such a reduction
 * loop, which costs about 8 % of the whole gradient; hand-written code holds them in locals.
 * The local holds the very array the reads would have reached, so every value is bit-identical.
 *
 * <p>Only loops whose <em>condition</em> reads a row ({@code i < xs[n].length}) qualify: there
 * the row's length is the loop's bound, which C2 cannot treat as loop-invariant while it is
 * loaded through the matrix on every test. Hoisting rows out of loops with a plain bound
 * ({@code i < d}) measured slower, not faster: ADBench GMM's entry/hand went from 1.05–1.12 to
 * 1.18–1.23 (same JVM, five and seven runs, quiet machine, 2026-11-29 18:05), while the MLP
 * kept its gain with the condition's loop alone.
 *
 * <p>Conservative. The row is {@code m[e]} with {@code m} a variable of type {@code double[][]}
 * and {@code e} made of variables, {@code int} constants and arithmetic, none of them assigned
 * in the loop. The loop stores no array into an array (so no row is replaced), calls only pure
 * methods, and its condition is pure. The row is read unconditionally by the condition or by
 * the body's leading statements (up to the first that does more than assign a local), so
 * hoisting it moves its evaluation (and any exception it throws) only to the start of the first
 * iteration, before nothing the caller could see; the {@code if} keeps a loop that runs no
 * iteration from reading it at all.
 */
public final class RowHoists {
  private final Predicate<Expr.Call> pureCall;
  private final Function<String, Variable> scratch;

  private RowHoists(Predicate<Expr.Call> pureCall, Function<String, Variable> scratch) {
    this.pureCall = pureCall;
    this.scratch = scratch;
  }

  /**
   * {@code code} with rows hoisted out of the loops that qualify, at any depth; {@code scratch}
   * creates a fresh {@code double[]} local from a base name.
   */
  public static List<Stmt> apply(List<Stmt> code, Predicate<Expr.Call> pureCall,
      Function<String, Variable> scratch) {
    return new RowHoists(pureCall, scratch).list(code);
  }

  private List<Stmt> list(List<Stmt> stmts) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : stmts) {
      Stmt inner = StmtRewrite.apply(s, e -> e, this::list);
      out.add(inner instanceof Stmt.Loop loop ? hoist(loop) : inner);
    }
    return out;
  }

  /** {@code loop}, or an {@code if} holding the hoisted rows and the loop reading them. */
  private Stmt hoist(Stmt.Loop loop) {
    if (!loop.testFirst() || loop.condition() == null || !isPure(loop.condition())) {
      return loop;
    }
    Set<Variable> assigned = new HashSet<>();
    if (!harmless(loop, assigned)) {
      return loop;
    }
    List<Expr.ArrayRead> candidates = new ArrayList<>();
    ElementLoadSpans.unconditional(loop.condition(), candidates);
    if (candidates.stream().noneMatch(r -> isRow(r, assigned))) {
      return loop;
    }
    for (Stmt s : leadingStatements(loop.body().stmts())) {
      candidates.addAll(ElementLoadSpans.unconditionalReads(s));
    }
    List<Expr.ArrayRead> rows = new ArrayList<>();
    for (Expr.ArrayRead read : candidates) {
      if (isRow(read, assigned) && rows.stream().noneMatch(r -> IndexForms.same(r, read))) {
        rows.add(read);
      }
    }
    if (rows.isEmpty()) {
      return loop;
    }
    List<Stmt> held = new ArrayList<>();
    Stmt rewritten = loop;
    for (Expr.ArrayRead row : rows) {
      Variable local = scratch.apply(name(row));
      held.add(new Stmt.Assign(local, row, true, null));
      rewritten = replace(rewritten, row, new Expr.VarRef(local, null));
    }
    held.add(rewritten);
    return new Stmt.If(loop.condition(), new Stmt.Block(null, held, null),
        new Stmt.Block(null, List.of(), null), null);
  }

  /**
   * The statements every iteration starts with: those that only assign locals (nothing outside
   * the method sees them once an exception leaves it), then the first that does more.
   */
  private static List<Stmt> leadingStatements(List<Stmt> body) {
    List<Stmt> leading = new ArrayList<>();
    for (Stmt s : body) {
      leading.add(s);
      if (!(s instanceof Stmt.Comment || s instanceof Stmt.Increment
          || s instanceof Stmt.Assign)) {
        break;
      }
    }
    return leading;
  }

  /**
   * Whether nothing in {@code loop} can replace a row: no array stored into an array, no call
   * but pure ones; collects the variables it assigns.
   */
  private boolean harmless(Stmt.Loop loop, Set<Variable> assigned) {
    boolean[] ok = {true};
    IrWalk.statements(loop, s -> {
      if (s instanceof Stmt.Assign a) {
        assigned.add(a.target());
      } else if (s instanceof Stmt.IndexLoop l) {
        assigned.add(l.index());
      } else if (s instanceof Stmt.Increment inc) {
        assigned.add(inc.counter());
      } else if (s instanceof Stmt.ArrayWrite w) {
        ok[0] &= !w.value().type().isArray() && w.value().type().kind() != IrType.Kind.OTHER;
      } else if (s instanceof Stmt.Accumulate acc) {
        ok[0] &= !acc.wholeArray();
      }
      IrWalk.ownExpressions(s, e -> ok[0] &= callsOnlyPure(e));
    });
    return ok[0];
  }

  private boolean callsOnlyPure(Expr e) {
    boolean[] ok = {true};
    IrWalk.expressions(e, x -> ok[0] &= x instanceof Expr.Call c ? pureCall.test(c)
        : !(x instanceof Expr.AdjointCall || x instanceof Expr.TangentCall
            || x instanceof Expr.NewObject));
    return ok[0];
  }

  /** Whether evaluating {@code e} twice gives the same value and does nothing else. */
  private boolean isPure(Expr e) {
    boolean[] ok = {true};
    IrWalk.expressions(e, x -> ok[0] &= x instanceof Expr.Call c ? pureCall.test(c)
        : x instanceof Expr.VarRef || x instanceof Expr.Literal || x instanceof Expr.Binary
            || x instanceof Expr.Unary || x instanceof Expr.ArrayRead
            || x instanceof Expr.ArrayLength || x instanceof Expr.Cast
            || x instanceof Expr.Conditional);
    return ok[0];
  }

  /** {@code m[e]}: a row of a {@code double[][]} variable at an index the loop never changes. */
  private static boolean isRow(Expr.ArrayRead read, Set<Variable> assigned) {
    return read.type().kind() == IrType.Kind.DOUBLE_ARRAY
        && read.array() instanceof Expr.VarRef m
        && m.variable().type().kind() == IrType.Kind.DOUBLE_MATRIX
        && !assigned.contains(m.variable()) && isInvariantIndex(read.index(), assigned);
  }

  private static boolean isInvariantIndex(Expr e, Set<Variable> assigned) {
    if (e instanceof Expr.VarRef r) {
      return !assigned.contains(r.variable());
    }
    if (e instanceof Expr.Literal l) {
      return l.type().kind() == IrType.Kind.INT;
    }
    if (e instanceof Expr.Binary b && (b.op() == BinaryOp.PLUS || b.op() == BinaryOp.MINUS
        || b.op() == BinaryOp.TIMES)) {
      return isInvariantIndex(b.left(), assigned) && isInvariantIndex(b.right(), assigned);
    }
    return false;
  }

  /** {@code s} with every read of {@code row}, at any depth, replaced by {@code local}. */
  private static Stmt replace(Stmt s, Expr.ArrayRead row, Expr.VarRef local) {
    return StmtRewrite.apply(s, e -> replace(e, row, local),
        inner -> inner.stream().map(c -> replace(c, row, local)).toList());
  }

  private static Expr replace(Expr e, Expr.ArrayRead row, Expr.VarRef local) {
    if (e instanceof Expr.ArrayRead r && IndexForms.same(r, row)) {
      return local;
    }
    return Rewrite.operands(e, o -> replace(o, row, local));
  }

  /** {@code w1Row} for {@code w1[j]}. */
  private static String name(Expr.ArrayRead row) {
    return ((Expr.VarRef) row.array()).variable().sourceName() + "Row";
  }
}
