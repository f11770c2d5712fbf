package dev.adjoint.processor.normalize;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Rewrite;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.ReturnedArgument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Calls of helpers returning an argument that stay calls ({@code clip(v, c)} writes into
 * {@code v} and returns it; see {@link ReturnedArgumentCalls}) where the caller cannot simply read
 * the argument again after the call:
 *
 * <ul>
 *   <li>a row at a computed index, {@code double[] r = clip(k[n - 2], c);}: the index is
 *       evaluated once, into an {@code int} temporary, before the call ({@code int at = n - 2;
 *       clip(k[at], c); double[] r = k[at];}), as Java evaluates it before the call;
 *   <li>a call inside a larger expression, {@code s = sum(clip(k[i], c));} or
 *       {@code clip(t, c)[0] = v;}: the call becomes a statement of its own just before, the
 *       operands Java evaluates before it that read what it may change (elements, fields, calls)
 *       are held in temporaries before it, and the expression reads the argument instead
 *       ({@code double e = x[0]; clip(x, c); s = e * sum(x);}).
 * </ul>
 *
 * <p>A call in an operand evaluated only sometimes ({@code ?:}, {@code &&}, {@code ||}), in a loop
 * condition, or whose order against other operands cannot be kept, is left as it is, and the
 * activity analysis reports it.
 */
final class ReturnedCallLifting {
  private final Function<Expr.Call, Optional<ReturnedArgument>> kept;
  private final UnaryOperator<Expr> rewrite;
  private final List<Variable> temporaries = new ArrayList<>();
  /** What the call lifted last is read as. */
  private Expr lastAlias;

  /**
   * @param kept what a call returns when it is a call of a helper returning an argument that
   *     must stay a call; empty for any other call
   * @param rewrite the rewriting of the expressions the lifted statements hold
   */
  ReturnedCallLifting(Function<Expr.Call, Optional<ReturnedArgument>> kept,
      UnaryOperator<Expr> rewrite) {
    this.kept = kept;
    this.rewrite = rewrite;
  }

  /** The temporaries introduced so far. */
  List<Variable> temporaries() {
    return temporaries;
  }

  /**
   * {@code s} with every such call nested in it (innermost and leftmost first) a statement of
   * its own appended to {@code out} and replaced by what it returns; {@code s} itself when none
   * is (or the first cannot be lifted).
   */
  Stmt lift(Stmt s, List<Stmt> out) {
    Stmt current = s;
    for (int guard = 0; guard < 64; guard++) {
      Expr.Call c = firstNested(current);
      if (c == null) {
        return current;
      }
      List<Stmt> pending = new ArrayList<>();
      int held = temporaries.size();
      Stmt lifted = liftIn(current, c, pending);
      if (lifted == null) {
        temporaries.subList(held, temporaries.size()).clear();
        return current;
      }
      out.addAll(pending);
      current = lifted;
    }
    return current;
  }

  /**
   * {@code c} (a kept call) as a statement appended to {@code out}, its computed row index (or
   * index argument) held in a temporary before it so that the alias can read it again: the alias
   * the caller reads instead of the result, or null when that cannot be done.
   */
  Expr called(Expr.Call c, ReturnedArgument r, List<Stmt> out) {
    List<Expr> args = new ArrayList<>(c.args().stream().map(rewrite).toList());
    int at = r.array();
    Expr.ArrayRead row = args.get(at) instanceof Expr.ArrayRead read ? read : null;
    if (row != null) {
      boolean matrixPassed = args.stream().anyMatch(a -> a.type().isArray()
          && a.type().elementType().isArray());
      if (!(row.array() instanceof Expr.VarRef) || matrixPassed) {
        return null; // the helper could point that row of the caller's matrix elsewhere
      }
    } else if (!(args.get(at) instanceof Expr.VarRef)) {
      return null;
    }
    boolean holdRow = row != null && !isVariableOrConstant(row.index());
    int index = r.indexParameter();
    boolean holdIndex = index >= 0 && !isVariableOrConstant(args.get(index));
    if (holdRow && !keepsOrder(args, at, row.index())
        || holdIndex && !keepsOrder(args, index, args.get(index))) {
      return null; // Java's order of the arguments' effects could not be kept
    }
    if (holdRow) {
      args.set(at, new Expr.ArrayRead(row.array(), hold(row.index(), out), row.type(),
          row.tree()));
    }
    if (holdIndex) {
      args.set(index, hold(args.get(index), out));
    }
    Expr.Call call = new Expr.Call(c.method(), c.receiver(), args, c.type(), c.tree());
    out.add(new Stmt.Eval(call, c.tree()));
    return ReturnedArgumentCalls.alias(call, r);
  }

  /** The first kept call nested inside a larger expression of {@code s}, or null. */
  private Expr.Call firstNested(Stmt s) {
    List<Expr> own;
    Expr whole = null;
    if (s instanceof Stmt.Assign a) {
      own = List.of(a.value());
      whole = a.value();
    } else if (s instanceof Stmt.Eval e) {
      own = List.of(e.expr());
      whole = e.expr();
    } else if (s instanceof Stmt.ArrayWrite w) {
      own = List.of(w.array(), w.index(), w.value());
    } else if (s instanceof Stmt.If i) {
      own = List.of(i.condition());
    } else {
      return null;
    }
    Expr.Call[] first = {null};
    Expr skipped = whole;
    for (Expr e : own) {
      IrWalk.expressions(e, n -> {
        if (first[0] == null && n instanceof Expr.Call c && kept.apply(c).isPresent()) {
          first[0] = c;
        }
      });
    }
    if (first[0] == null) {
      return null;
    }
    Expr.Call inner = innermost(first[0]);
    // the whole value of a statement is ReturnedArgumentCalls's own case
    return inner == skipped ? null : inner;
  }

  /** The innermost, leftmost kept call inside {@code c} (its arguments run first), or c. */
  private Expr.Call innermost(Expr.Call c) {
    for (Expr arg : c.args()) {
      Expr.Call[] inner = {null};
      IrWalk.expressions(arg, n -> {
        if (inner[0] == null && n instanceof Expr.Call d && kept.apply(d).isPresent()) {
          inner[0] = d;
        }
      });
      if (inner[0] != null) {
        return innermost(inner[0]);
      }
    }
    return c;
  }

  private Stmt liftIn(Stmt s, Expr.Call c, List<Stmt> out) {
    if (s instanceof Stmt.Assign a) {
      Expr v = in(a.value(), c, out);
      return v == null ? null : new Stmt.Assign(a.target(), v, a.declaration(), a.tree());
    }
    if (s instanceof Stmt.Eval e) {
      Expr v = in(e.expr(), c, out);
      return v == null ? null : new Stmt.Eval(v, e.tree());
    }
    if (s instanceof Stmt.If i) {
      Expr v = in(i.condition(), c, out);
      return v == null ? null : new Stmt.If(v, i.thenPart(), i.elsePart(), i.tree());
    }
    Stmt.ArrayWrite w = (Stmt.ArrayWrite) s;
    if (contains(w.array(), c)) {
      // a compound write (clip(t, c)[0] += v) reads the same array again in its value
      Expr array = in(w.array(), c, out);
      return array == null ? null : new Stmt.ArrayWrite(array, w.index(),
          replaced(w.value(), c, lastAlias), w.tree());
    }
    if (!stableReference(w.array())) {
      return null;
    }
    if (contains(w.index(), c)) {
      Expr index = in(w.index(), c, out);
      return index == null ? null : new Stmt.ArrayWrite(w.array(), index, w.value(), w.tree());
    }
    Expr index = earlier(w.index(), c, out);
    Expr value = index == null ? null : in(w.value(), c, out);
    return value == null ? null : new Stmt.ArrayWrite(w.array(), index, value, w.tree());
  }

  /** {@code e} with {@code c} lifted out of it, or null when its order cannot be kept. */
  private Expr in(Expr e, Expr.Call c, List<Stmt> out) {
    if (e == c) {
      lastAlias = called(c, kept.apply(c).orElseThrow(), out);
      return lastAlias;
    }
    if (e instanceof Expr.Binary b) {
      if (contains(b.left(), c)) {
        Expr l = in(b.left(), c, out);
        return l == null ? null : new Expr.Binary(b.op(), l, b.right(), b.type(), b.tree());
      }
      if (b.op() == BinaryOp.AND || b.op() == BinaryOp.OR) {
        return null; // the right operand is evaluated only sometimes
      }
      Expr l = earlier(b.left(), c, out);
      Expr r = l == null ? null : in(b.right(), c, out);
      return r == null ? null : new Expr.Binary(b.op(), l, r, b.type(), b.tree());
    }
    if (e instanceof Expr.Unary u) {
      Expr o = in(u.operand(), c, out);
      return o == null ? null : new Expr.Unary(u.op(), o, u.type(), u.tree());
    }
    if (e instanceof Expr.Cast k) {
      Expr o = in(k.operand(), c, out);
      return o == null ? null : new Expr.Cast(k.type(), o, k.tree());
    }
    if (e instanceof Expr.ArrayLength n) {
      Expr o = in(n.array(), c, out);
      return o == null ? null : new Expr.ArrayLength(o, n.tree());
    }
    if (e instanceof Expr.Conditional q) {
      if (!contains(q.condition(), c)) {
        return null; // inside an operand evaluated only sometimes
      }
      Expr o = in(q.condition(), c, out);
      return o == null ? null
          : new Expr.Conditional(o, q.whenTrue(), q.whenFalse(), q.type(), q.tree());
    }
    if (e instanceof Expr.ArrayRead r) {
      if (contains(r.array(), c)) {
        Expr a = in(r.array(), c, out);
        return a == null ? null : new Expr.ArrayRead(a, r.index(), r.type(), r.tree());
      }
      if (!stableReference(r.array())) {
        return null;
      }
      Expr i = in(r.index(), c, out);
      return i == null ? null : new Expr.ArrayRead(r.array(), i, r.type(), r.tree());
    }
    if (e instanceof Expr.Call d && d.receiver() == null) {
      List<Expr> args = new ArrayList<>(d.args());
      for (int k = 0; k < args.size(); k++) {
        if (contains(args.get(k), c)) {
          Expr a = in(args.get(k), c, out);
          if (a == null) {
            return null;
          }
          args.set(k, a);
          return new Expr.Call(d.method(), null, args, d.type(), d.tree());
        }
        Expr held = earlier(args.get(k), c, out);
        if (held == null) {
          return null;
        }
        args.set(k, held);
      }
    }
    return null;
  }

  /**
   * An operand Java evaluates before the lifted call: itself when the call cannot change what
   * it reads, otherwise its value held in a temporary (a scalar) or null (another array).
   */
  private Expr earlier(Expr e, Expr.Call c, List<Stmt> out) {
    if (isVariableOrConstant(e) || !readsState(e)) {
      return e;
    }
    if (e.type().isArray()) {
      // a row m[i] of a matrix variable: the call, given no matrix, cannot point it elsewhere
      boolean row = e instanceof Expr.ArrayRead r && r.array() instanceof Expr.VarRef
          && isVariableOrConstant(r.index());
      return row && c.args().stream().noneMatch(a -> a.type().isArray()
          && a.type().elementType().isArray()) ? e : null;
    }
    return hold(rewrite.apply(e), out);
  }

  private Expr hold(Expr value, List<Stmt> out) {
    Variable t = new Variable(value.type().isArray() ? "held" : "at", value.type(),
        Variable.Origin.TEMPORARY, value.tree());
    temporaries.add(t);
    out.add(new Stmt.Assign(t, value, true, value.tree()));
    return new Expr.VarRef(t, value.tree());
  }

  /** An array reference no helper call given rows (not matrices) can point elsewhere. */
  private static boolean stableReference(Expr e) {
    return e instanceof Expr.VarRef;
  }

  private static boolean readsState(Expr e) {
    boolean[] reads = {false};
    IrWalk.expressions(e, n -> reads[0] |= n instanceof Expr.ArrayRead
        || n instanceof Expr.FieldRef || !callFree(n));
    return reads[0];
  }

  /** {@code e} with each occurrence of {@code target} (the very node) replaced by {@code with}. */
  private static Expr replaced(Expr e, Expr target, Expr with) {
    return e == target ? with : Rewrite.operands(e, o -> replaced(o, target, with));
  }

  private static boolean contains(Expr e, Expr target) {
    boolean[] found = {false};
    IrWalk.expressions(e, n -> found[0] |= n == target);
    return found[0];
  }

  /**
   * Whether evaluating {@code index} (part of argument {@code k}) before the call, ahead of the
   * arguments before {@code k}, gives what Java's order gives: nothing in those arguments and
   * in {@code index} has an effect, or those arguments read nothing {@code index} could change.
   */
  private static boolean keepsOrder(List<Expr> args, int k, Expr index) {
    boolean effectFree = callFree(index);
    boolean readFree = true;
    for (int j = 0; j < k; j++) {
      effectFree &= callFree(args.get(j));
      readFree &= isVariableOrConstant(args.get(j)) || !readsState(args.get(j));
    }
    return effectFree || readFree;
  }

  /** Whether evaluating {@code e} calls nothing and allocates nothing. */
  private static boolean callFree(Expr e) {
    boolean[] free = {true};
    IrWalk.expressions(e, n -> free[0] &= !(n instanceof Expr.Call
        || n instanceof Expr.NewObject || n instanceof Expr.NewArray
        || n instanceof Expr.AdjointCall || n instanceof Expr.TangentCall
        || n instanceof Expr.Intrinsic));
    return free[0];
  }

  private static boolean isVariableOrConstant(Expr e) {
    return e instanceof Expr.VarRef || e instanceof Expr.Literal;
  }
}
