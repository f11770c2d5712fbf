package dev.adjoint.processor.cleanup;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which element reads {@link ElementLoads} may hold in a local, and how far: the statements
 * between two reads of one element that cannot change it.
 */
final class ElementLoadSpans {
  private final Predicate<Expr.Call> pureCall;

  ElementLoadSpans(Predicate<Expr.Call> pureCall) {
    this.pureCall = pureCall;
  }

  /**
   * Whether a local may be declared right before {@code s} with an element {@code s} reads:
   * {@code s} is a single assignment, accumulation, element write or push whose expressions
   * write nothing, so reading the element first changes no value.
   */
  boolean startsSpan(Stmt s) {
    return isSimple(s) && ownExpressionsHarmless(s);
  }

  /**
   * A {@code double} element of an array a primal variable names, directly or as a row, at
   * indices made of scalar variables, constants and arithmetic.
   */
  boolean isCandidate(Expr.ArrayRead read) {
    return read.type().kind() == IrType.Kind.DOUBLE && isStableArray(read.array())
        && isPlainIndex(read.index());
  }

  private static boolean isStableArray(Expr array) {
    if (array instanceof Expr.VarRef r) {
      return r.variable().origin().isPrimal();
    }
    return array instanceof Expr.ArrayRead row && isStableArray(row.array())
        && isPlainIndex(row.index());
  }

  private static boolean isPlainIndex(Expr e) {
    if (e instanceof Expr.VarRef r) {
      return !r.variable().type().isArray();
    }
    if (e instanceof Expr.Literal) {
      return true;
    }
    if (e instanceof Expr.ArrayLength n) {
      return n.array() instanceof Expr.VarRef;
    }
    if (e instanceof Expr.Binary b) {
      return isPlainIndex(b.left()) && isPlainIndex(b.right());
    }
    if (e instanceof Expr.Unary u) {
      return isPlainIndex(u.operand());
    }
    return e instanceof Expr.Cast c && isPlainIndex(c.operand());
  }

  /**
   * The last position from {@code p} whose reads of {@code read}'s element see the value
   * statement {@code p} sees: every statement before it changes neither the element nor what
   * selects it, and it reads before it writes anything.
   */
  int end(List<Stmt> code, int p, Expr.ArrayRead read) {
    Set<Variable> selectors = new HashSet<>();
    IrWalk.expressions(read, e -> {
      if (e instanceof Expr.VarRef r) {
        selectors.add(r.variable());
      }
    });
    int q = p;
    while (q + 1 < code.size() && isHarmless(code.get(q), selectors)) {
      q++;
    }
    return q == p || isHarmless(code.get(q), selectors) || startsSpan(code.get(q)) ? q : q - 1;
  }

  /**
   * Whether {@code s}, and everything inside it, leaves alone every variable in
   * {@code selectors} and every array element but an adjoint array's, and calls nothing that
   * might write one.
   */
  private boolean isHarmless(Stmt s, Set<Variable> selectors) {
    boolean[] harmless = {true};
    IrWalk.statements(s, inner -> harmless[0] &= isHarmlessItself(inner, selectors));
    return harmless[0];
  }

  private boolean isHarmlessItself(Stmt s, Set<Variable> selectors) {
    if (!ownExpressionsHarmless(s)) {
      return false;
    }
    if (s instanceof Stmt.Assign a) {
      return !selectors.contains(a.target());
    }
    if (s instanceof Stmt.Accumulate acc) {
      if (acc.target() instanceof Expr.VarRef r && !acc.wholeArray()) {
        return !selectors.contains(r.variable());
      }
      return isAdjointArray(acc.target());
    }
    if (s instanceof Stmt.ArrayWrite w) {
      return isAdjointArray(w.array());
    }
    if (s instanceof Stmt.Increment i) {
      return !selectors.contains(i.counter());
    }
    if (s instanceof Stmt.IndexLoop l) {
      return !selectors.contains(l.index());
    }
    if (s instanceof Stmt.Loop l) {
      return l.counter() == null || !selectors.contains(l.counter().variable());
    }
    return s instanceof Stmt.Comment || s instanceof Stmt.Push || s instanceof Stmt.Block
        || s instanceof Stmt.If || s instanceof Stmt.Break || s instanceof Stmt.Continue;
  }

  private static boolean isAdjointArray(Expr array) {
    Variable root = IrWalk.root(array);
    return root != null && root.origin() == Variable.Origin.ADJOINT;
  }

  private static boolean isSimple(Stmt s) {
    return s instanceof Stmt.Assign || s instanceof Stmt.Accumulate
        || s instanceof Stmt.ArrayWrite || s instanceof Stmt.Push;
  }

  private boolean ownExpressionsHarmless(Stmt s) {
    boolean[] harmless = {true};
    IrWalk.ownExpressions(s, e -> harmless[0] &= writesNothing(e));
    return harmless[0];
  }

  /** Whether evaluating {@code e} cannot write an array element (the tape's aside). */
  private boolean writesNothing(Expr e) {
    boolean[] ok = {true};
    IrWalk.expressions(e, x -> ok[0] &= x instanceof Expr.Call c ? pureCall.test(c)
        : x instanceof Expr.Intrinsic i ? i.op() == Expr.Intrinsic.Op.POP
            || i.op() == Expr.Intrinsic.Op.NO_SCALARS || i.op() == Expr.Intrinsic.Op.ZEROS_LIKE
        : !(x instanceof Expr.AdjointCall || x instanceof Expr.TangentCall
            || x instanceof Expr.NewObject));
    return ok[0];
  }

  /**
   * The element reads {@code s}'s own expressions evaluate whatever the values, in evaluation
   * order: not in a branch of {@code ?:} nor right of {@code &&} or {@code ||}, and not the
   * element an accumulation writes.
   */
  static List<Expr.ArrayRead> unconditionalReads(Stmt s) {
    List<Expr.ArrayRead> reads = new ArrayList<>();
    if (s instanceof Stmt.Accumulate acc) {
      IrWalk.operands(acc.target()).forEach(e -> unconditional(e, reads));
      unconditional(acc.value(), reads);
    } else {
      IrWalk.ownExpressions(s, e -> unconditional(e, reads));
    }
    return reads;
  }

  static void unconditional(Expr e, List<Expr.ArrayRead> reads) {
    if (e instanceof Expr.Conditional c) {
      unconditional(c.condition(), reads);
      return;
    }
    if (e instanceof Expr.Binary b && (b.op() == BinaryOp.AND || b.op() == BinaryOp.OR)) {
      unconditional(b.left(), reads);
      return;
    }
    if (e instanceof Expr.ArrayRead r) {
      reads.add(r);
    }
    IrWalk.operands(e).forEach(o -> unconditional(o, reads));
  }

  /**
   * How many reads of {@code read}'s element {@code s} makes, at any depth; an accumulation's
   * target is a write, not one of them.
   */
  static int count(Stmt s, Expr.ArrayRead read) {
    int[] n = {0};
    IrWalk.statements(s, inner -> {
      if (inner instanceof Stmt.Accumulate acc) {
        IrWalk.operands(acc.target()).forEach(e -> n[0] += count(e, read));
        n[0] += count(acc.value(), read);
      } else {
        IrWalk.ownExpressions(inner, e -> n[0] += count(e, read));
      }
    });
    return n[0];
  }

  private static int count(Expr e, Expr.ArrayRead read) {
    int[] n = {0};
    IrWalk.expressions(e, x -> n[0] += x instanceof Expr.ArrayRead r
        && IndexForms.same(r, read) ? 1 : 0);
    return n[0];
  }
}
