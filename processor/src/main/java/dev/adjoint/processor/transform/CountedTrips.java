package dev.adjoint.processor.transform;

import dev.adjoint.processor.analysis.ControlFlow;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Trip counts the reverse sweep computes instead of popping them off the tape. A counted loop
 * {@code for (i = S; i < B; i++)} (or {@code i <= B}) that no jump leaves runs
 * {@code max(0, B - S)} times (one more for {@code <=}); when {@code S} and {@code B} are made of
 * integer literals, of values fixed for the whole call and of counters of enclosing loops (which
 * the reverse sweep sets for each iteration it replays), the reverse sweep evaluates that count
 * where it needs it, and the forward sweep neither counts nor records. (GMM's triangular inner
 * loop {@code for (j = i + 1; j < d; j++)} pushed its trip count and start per outer iteration.)
 *
 * <p>A value is fixed for the whole call when nothing can change it between the loop and its
 * reverse: a parameter assigned nowhere in the body, or a local assigned only once, by a
 * top-level statement (it runs once, and before any read of the local); {@code a.length} of
 * such an array; {@code m[k].length} of such a matrix that the body only indexes or measures
 * (no row is replaced: it is never written, passed or aliased), for a stable {@code k}.
 */
final class CountedTrips {
  private final Set<Variable> fixed;
  private final Set<Variable> rowsFixed;
  private final Map<Stmt.Loop, Set<Variable>> enclosingCounters;
  private final ControlFlow flow;

  private CountedTrips(Set<Variable> fixed, Set<Variable> rowsFixed,
      Map<Stmt.Loop, Set<Variable>> enclosingCounters, ControlFlow flow) {
    this.fixed = fixed;
    this.rowsFixed = rowsFixed;
    this.enclosingCounters = enclosingCounters;
    this.flow = flow;
  }

  static CountedTrips of(Stmt.Block body, ControlFlow flow) {
    Map<Variable, Integer> assignments = new HashMap<>();
    IrWalk.statements(body, s -> {
      if (s instanceof Stmt.Assign a) {
        assignments.merge(a.target(), 1, Integer::sum);
      }
    });
    Set<Variable> fixed = new HashSet<>();
    for (Stmt s : body.stmts()) {
      if (s instanceof Stmt.Assign a && assignments.get(a.target()) == 1
          && (a.target().origin() == Variable.Origin.LOCAL
              || a.target().origin() == Variable.Origin.TEMPORARY)) {
        fixed.add(a.target());
      }
    }
    IrWalk.statements(body, s -> IrWalk.ownExpressions(s, e -> IrWalk.expressions(e, x -> {
      if (x instanceof Expr.VarRef r && r.variable().origin() == Variable.Origin.PARAMETER
          && !assignments.containsKey(r.variable())) {
        fixed.add(r.variable());
      }
    })));
    // Arrays whose rows keep their lengths: every use indexes them or takes their length.
    Map<Variable, Integer> uses = new HashMap<>();
    Map<Variable, Integer> reads = new HashMap<>();
    IrWalk.statements(body, s -> IrWalk.ownExpressions(s, e -> IrWalk.expressions(e, x -> {
      if (x instanceof Expr.VarRef r) {
        uses.merge(r.variable(), 1, Integer::sum);
      } else if ((x instanceof Expr.ArrayRead ar ? ar.array() : x instanceof Expr.ArrayLength al
          ? al.array() : null) instanceof Expr.VarRef r) {
        reads.merge(r.variable(), 1, Integer::sum);
      }
    })));
    Set<Variable> rowsFixed = new HashSet<>();
    for (Variable v : fixed) {
      if (v.type().kind() == IrType.Kind.DOUBLE_MATRIX && uses.get(v) != null
          && uses.get(v).equals(reads.get(v))) {
        rowsFixed.add(v);
      }
    }
    Map<Stmt.Loop, Set<Variable>> counters = new IdentityHashMap<>();
    collectCounters(body, new ArrayDeque<>(), counters);
    return new CountedTrips(Collections.unmodifiableSet(fixed),
        Collections.unmodifiableSet(rowsFixed), counters, flow);
  }

  private static void collectCounters(Stmt s, Deque<Variable> open,
      Map<Stmt.Loop, Set<Variable>> out) {
    if (s instanceof Stmt.Loop l) {
      out.put(l, Set.copyOf(open));
      if (l.counter() != null) {
        open.push(l.counter().variable());
      }
      IrWalk.nestedStatements(s).forEach(c -> collectCounters(c, open, out));
      if (l.counter() != null) {
        open.pop();
      }
      return;
    }
    IrWalk.nestedStatements(s).forEach(c -> collectCounters(c, open, out));
  }

  /** The loop's trip count as an expression the reverse sweep can evaluate, or null. */
  Expr count(Stmt.Loop l) {
    Stmt.Counter c = l.counter();
    if (c == null || c.step() != 1 || !l.testFirst() || !flow.exits(l).isEmpty()
        || l.label() != null && flow.isBreakTarget(l.label())
        || !(l.condition() instanceof Expr.Binary cond)
        || cond.op() != BinaryOp.LESS && cond.op() != BinaryOp.LESS_EQUAL
        || !(cond.left() instanceof Expr.VarRef i) || i.variable() != c.variable()) {
      return null;
    }
    Set<Variable> counters = enclosingCounters.getOrDefault(l, Set.of());
    if (!isStable(c.start(), counters) || !isStable(cond.right(), counters)) {
      return null;
    }
    Expr bound = cond.right();
    Expr start = c.start();
    boolean fromZero = start instanceof Expr.Literal z && z.text().equals("0");
    if (cond.op() == BinaryOp.LESS && fromZero && bound instanceof Expr.ArrayLength) {
      return bound;
    }
    if (start instanceof Expr.Literal s && bound instanceof Expr.Literal b && isInt(s)
        && isInt(b)) { // for (i = 0; i < 2; i++): the count itself
      long n = Long.parseLong(b.text()) - Long.parseLong(s.text())
          + (cond.op() == BinaryOp.LESS_EQUAL ? 1 : 0);
      return Expr.Literal.ofInt((int) Math.max(0, n));
    }
    Expr span = fromZero ? bound : new Expr.Binary(BinaryOp.MINUS, bound, start, IrType.INT, null);
    BinaryOp runs = BinaryOp.GREATER;
    if (cond.op() == BinaryOp.LESS_EQUAL) {
      span = new Expr.Binary(BinaryOp.PLUS, span, Expr.Literal.ofInt(1), IrType.INT, null);
      runs = BinaryOp.GREATER_EQUAL;
    }
    return new Expr.Conditional(new Expr.Binary(runs, bound, start, IrType.BOOLEAN, null), span,
        Expr.Literal.ofInt(0), IrType.INT, null);
  }

  private boolean isStable(Expr e, Set<Variable> counters) {
    if (e instanceof Expr.Literal lit) {
      return lit.type().kind() == IrType.Kind.INT;
    }
    if (e instanceof Expr.VarRef r) {
      return r.variable().type().kind() == IrType.Kind.INT
          && (fixed.contains(r.variable()) || counters.contains(r.variable()));
    }
    if (e instanceof Expr.ArrayLength n) {
      return n.array() instanceof Expr.VarRef a && fixed.contains(a.variable())
          || n.array() instanceof Expr.ArrayRead row && row.array() instanceof Expr.VarRef m
              && rowsFixed.contains(m.variable()) && isStable(row.index(), counters);
    }
    if (e instanceof Expr.Binary b) {
      return (b.op() == BinaryOp.PLUS || b.op() == BinaryOp.MINUS || b.op() == BinaryOp.TIMES)
          && b.type().kind() == IrType.Kind.INT && isStable(b.left(), counters)
          && isStable(b.right(), counters);
    }
    return false;
  }

  private static boolean isInt(Expr.Literal l) {
    return l.type().equals(IrType.INT) && l.text().matches("-?[0-9]+");
  }
}
