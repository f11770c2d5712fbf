package dev.adjoint.processor.transform;

import dev.adjoint.processor.analysis.Activity;
import dev.adjoint.processor.analysis.ArrayAliases;
import dev.adjoint.processor.analysis.OwnElementWrites;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.cleanup.ClearThenAccumulate;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.NameTable;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.MathCalls;
import dev.adjoint.processor.rules.RuleTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The adjoint, in adjoint IR, of one definition: an assignment {@code v = e} or an element write
 * {@code a[i] = e}. The target's adjoint is the seed of {@code e}'s adjoint and is then cleared,
 * since the value it belonged to is gone; an accumulation {@code v = v + e} passes it through.
 */
final class DefinitionAdjoint {
  /** The adjoint code of one definition, split around the restore of what it overwrote. */
  record Fragment(List<Stmt> beforeRestore, List<Stmt> afterRestore) {
    static final Fragment EMPTY = new Fragment(List.of(), List.of());

    boolean isEmpty() {
      return beforeRestore.isEmpty() && afterRestore.isEmpty();
    }

    /** The fragment cleaned up; the restore between its halves touches no adjoint. */
    Fragment cleanedUp() {
      List<Stmt> all = new ArrayList<>(beforeRestore);
      all.addAll(afterRestore);
      Map<Stmt, Stmt> rewrites = ClearThenAccumulate.rewrites(all);
      return new Fragment(ClearThenAccumulate.apply(beforeRestore, rewrites),
          ClearThenAccumulate.apply(afterRestore, rewrites));
    }
  }

  private final Activity activity;
  private final RuleTable rules;
  private final ArrayAliases aliases;

  private final Set<Variable> singlyAssigned;
  private final Set<Stmt> ownElementWrites;
  private final Set<Stmt> resultReaders =
      java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

  /** @param body the method's body, whose singly assigned variables LogisticResults needs */
  DefinitionAdjoint(Activity activity, RuleTable rules, ArrayAliases aliases, Stmt.Block body) {
    this.activity = activity;
    this.rules = rules;
    this.aliases = aliases;
    this.singlyAssigned = LogisticResults.singlyAssigned(body);
    this.ownElementWrites = OwnElementWrites.of(body, aliases).keySet();
  }

  /**
   * The assignments whose reverse code reads, before restoring anything, the value they wrote
   * (LogisticResults), filled as {@link #of(Stmt.Assign, ExpressionAdjoint.Names, boolean, Set)}
   * meets them: ToBeRecorded keeps that value for them.
   */
  Set<Stmt> resultReaders() {
    return resultReaders;
  }

  /**
   * The adjoint of {@code a}; {@code inLoop} when it may run more than once per call. Adds to
   * {@code reads} the original's variables it reads.
   */
  Fragment of(Stmt.Assign a, ExpressionAdjoint.Names names, boolean inLoop,
      Set<Variable> reads) {
    Variable v = a.target();
    if (!activity.isActive(v)) {
      return Fragment.EMPTY;
    }
    Variable g = names.adjointOf(v);
    if (v.type().isArray() && v.origin() != Variable.Origin.RESULT
        && !(a.value() instanceof Expr.Call)) {
      // a reference assignment: the shadow follows the array (Shadows), nothing flows
      return Fragment.EMPTY;
    }
    ExpressionAdjoint adjoint = new ExpressionAdjoint(activity, rules, names, reads);
    Expr value = a.value();
    List<Stmt> before = new ArrayList<>();
    List<Stmt> after = new ArrayList<>();
    Expr.Call logistic = LogisticResults.call(a, rules, singlyAssigned);
    if (logistic != null && !ExpressionAdjoint.references(logistic, v)) {
      // reads, before the restore below, the value this assignment wrote (LogisticResults)
      resultReaders.add(a);
      adjoint.propagate(logistic.args().get(0),
          LogisticResults.argumentSeed(logistic, new Expr.VarRef(g), v), before);
      reads.remove(v); // (the argument does not read v: that read is of the value written)
      if (!(a.declaration() && !inLoop)) {
        before.add(clear(g));
      }
    } else if (!ExpressionAdjoint.references(value, v)) {
      adjoint.propagate(value, new Expr.VarRef(g), before);
      boolean firstDefinition = a.declaration() && !inLoop;
      if (!firstDefinition && v.origin() != Variable.Origin.RESULT && !v.type().isArray()) {
        // (an array's shadow goes back to the old array's with the reference)
        before.add(clear(g));
      }
    } else if (isAccumulation(value, v)) {
      Expr.Binary b = (Expr.Binary) value;
      Expr seed = new Expr.VarRef(g);
      adjoint.propagate(b.right(), b.op() == BinaryOp.MINUS ? MathCalls.neg(seed) : seed, after);
    } else {
      Variable held = names.scratch(NameTable.introduced(g), IrType.DOUBLE);
      before.add(new Stmt.Assign(held, new Expr.VarRef(g), true, null));
      before.add(clear(g));
      adjoint.propagate(value, new Expr.VarRef(held), after);
    }
    return new Fragment(before, after).cleanedUp();
  }

  /**
   * The adjoint of {@code a[i] = value}: like a scalar assignment to the element, whose adjoint
   * lives in the adjoint array. The index is read by the adjoint and by the restore alike.
   */
  Fragment of(Stmt.ArrayWrite w, ExpressionAdjoint.Names names, Set<Variable> reads) {
    Variable root = IrWalk.root(w.array());
    ExpressionAdjoint adjoint = new ExpressionAdjoint(activity, rules, names, reads);
    Expr element = new Expr.ArrayRead(w.array(), w.index(), w.array().type().elementType(), null);
    for (Expr e = element; e instanceof Expr.ArrayRead read; e = read.array()) {
      adjoint.evaluated(read.index()); // the restore and the adjoint both index with it
    }
    if (!activity.isActive(root) || w.value().type().isArray()) {
      return Fragment.EMPTY; // a row write is a reference assignment: see Shadows
    }
    Expr g = adjoint.adjointOf(element);
    List<Stmt> before = new ArrayList<>();
    List<Stmt> after = new ArrayList<>();
    Expr value = w.value();
    if (value instanceof Expr.Binary b && (b.op() == BinaryOp.PLUS || b.op() == BinaryOp.MINUS)
        && b.left() instanceof Expr.ArrayRead r && r.array() == w.array() && r.index() == w.index()
        && !readsClassOf(b.right(), root)) {
      // (an element the rest reads through an alias would see its seed change under it)
      adjoint.propagate(b.right(), b.op() == BinaryOp.MINUS ? MathCalls.neg(g) : g, after);
      return new Fragment(before, after);
    }
    Variable held = names.scratch("elementAdj", IrType.DOUBLE);
    before.add(new Stmt.Assign(held, adjoint.evaluated(g), true, null));
    Expr.ArrayRead cleared = (Expr.ArrayRead) adjoint.evaluated(g);
    before.add(new Stmt.ArrayWrite(cleared.array(), cleared.index(), Expr.Literal.ofDouble(0.0),
        null));
    if (value instanceof Expr.Call c && LogisticResults.isRelu(c)
        && ownElementWrites.contains(w) && !readsClassOf(c.args().get(0), root)) {
      // a[i] = relu(x): x's seed from the element written, read before the element's restore
      // (OwnElementWrites, ToBeRecorded); x itself need not be kept
      resultReaders.add(w);
      adjoint.propagate(c.args().get(0), LogisticResults.argumentSeed(c, new Expr.VarRef(held),
          adjoint.evaluated(element)), before);
      reads.remove(root); // (only the element it wrote: no read of what it overwrote)
      return new Fragment(before, after);
    }
    adjoint.propagate(value, new Expr.VarRef(held), after);
    return new Fragment(before, after);
  }

  /** Whether {@code e} reads {@code array} or an array that may alias it. */
  private boolean readsClassOf(Expr e, Variable array) {
    boolean[] found = {false};
    IrWalk.expressions(e, n -> found[0] |= n instanceof Expr.VarRef r
        && (r.variable() == array || r.variable().type().isArray()
            && aliases.canonical(r.variable()) == aliases.canonical(array)));
    return found[0];
  }

  private static Stmt clear(Variable adjoint) {
    return new Stmt.Assign(adjoint, Expr.Literal.ofDouble(0.0), false, null);
  }

  /** {@code v = v + rest} or {@code v = v - rest}: v's adjoint passes through unchanged. */
  private static boolean isAccumulation(Expr value, Variable v) {
    return value instanceof Expr.Binary b
        && (b.op() == BinaryOp.PLUS || b.op() == BinaryOp.MINUS)
        && b.left() instanceof Expr.VarRef r && r.variable() == v
        && !ExpressionAdjoint.references(b.right(), v);
  }
}
