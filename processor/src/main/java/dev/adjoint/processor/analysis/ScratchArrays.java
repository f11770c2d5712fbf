package dev.adjoint.processor.analysis;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arrays a loop writes elements of, and whether each is scratch: private to one iteration
 * (Tapenade's local-to-iteration data), so that no value flows from one iteration to the next
 * or out of the loop through it. GMM's {@code xc[j] = x[j] - mu[j]} and the MLP's {@code h[j]}
 * are rewritten in full by each iteration before any of their elements is read. A pure analysis
 * whose facts are immutable.
 *
 * <p>An array {@code a} the loop writes into is scratch when no other name may refer to it
 * ({@link ArrayAliases}), no row of it is replaced, it is a local (a parameter's array outlives
 * the call), and either
 *
 * <ul>
 *   <li>every assignment of {@code a} is a declaration allocating a fresh array inside the loop
 *       (each iteration has its own array), or
 *   <li>the loop never assigns {@code a}, nothing after the loop mentions it, and every read of
 *       an element of {@code a} in an iteration follows, in that iteration, a write of that
 *       element: either a counted loop wrote every element ({@code for (i = 0; i < a.length;
 *       i++) a[i] = e;}, with {@code e} free of {@code a}, the bound {@code a.length} or a
 *       variable that holds it by {@link ArrayLengths}: see
 *       {@link ToBeRecorded#overwritesEveryElement}) on every path before the read, or the read
 *       is {@code a[i]} after {@code a[i] = e} in the body of that loop.
 * </ul>
 *
 * A jump out of or inside the loop (an early exit) makes no array scratch: what a loop wrote
 * in full is then no longer certain.
 */
public final class ScratchArrays {
  private final Set<Variable> written;
  private final boolean allScratch;

  private ScratchArrays(Set<Variable> written, boolean allScratch) {
    this.written = written;
    this.allScratch = allScratch;
  }

  /** The facts of {@code loop}, a statement of the method body {@code body}. */
  public static ScratchArrays of(Stmt.Block body, Stmt.Loop loop) {
    Set<Variable> written = new LinkedHashSet<>();
    boolean[] refused = {false};
    IrWalk.statements(loop, s -> {
      if (s instanceof Stmt.ArrayWrite w) {
        Variable root = IrWalk.root(w.array());
        refused[0] |= root == null || w.value().type().isArray();
        if (root != null) {
          written.add(root);
        }
      }
      refused[0] |= s instanceof Stmt.Break || s instanceof Stmt.Continue
          || s instanceof Stmt.Return || s instanceof Stmt.Throw;
    });
    return new ScratchArrays(Set.copyOf(written),
        !refused[0] && allScratch(body, loop, written));
  }

  /** The arrays whose elements the loop writes (by their variables). */
  public Set<Variable> written() {
    return written;
  }

  /** Whether every array the loop writes elements of is scratch (true when it writes none). */
  public boolean allScratch() {
    return allScratch;
  }

  private static boolean allScratch(Stmt.Block body, Stmt.Loop loop, Set<Variable> written) {
    if (written.isEmpty()) {
      return true;
    }
    ArrayAliases aliases = ArrayAliases.of(body);
    Set<Variable> tracked = new HashSet<>();
    for (Variable a : written) {
      if (aliases.isAliased(a) || a.origin() != Variable.Origin.LOCAL
          && a.origin() != Variable.Origin.TEMPORARY) {
        return false;
      }
      if (!freshEachIteration(body, loop, a)) {
        tracked.add(a);
      }
    }
    if (tracked.isEmpty()) {
      return true;
    }
    List<Stmt> after = following(body, loop);
    if (after == null || mentions(after, tracked)) {
      return false;
    }
    IterationReads reads = new IterationReads(tracked, ArrayLengths.of(body));
    return reads.loopOk(loop, new HashSet<>(), new HashMap<>());
  }

  /** Whether every assignment of {@code a} in the method is a declaration inside {@code loop}
   * allocating a new array. */
  private static boolean freshEachIteration(Stmt.Block body, Stmt.Loop loop, Variable a) {
    Set<Stmt> inside = new HashSet<>();
    IrWalk.statements(loop, inside::add);
    boolean[] fresh = {true};
    boolean[] any = {false};
    IrWalk.statements(body, s -> {
      if (s instanceof Stmt.Assign as && as.target() == a) {
        any[0] = true;
        fresh[0] &= inside.contains(s) && as.declaration() && as.value() instanceof Expr.NewArray;
      }
    });
    return any[0] && fresh[0];
  }

  /**
   * The statements that run after {@code loop} (those after it in each enclosing block), or null
   * when it sits inside another loop or a branch, whose following statements are not a list.
   */
  private static List<Stmt> following(Stmt.Block block, Stmt.Loop loop) {
    List<Stmt> stmts = block.stmts();
    for (int i = 0; i < stmts.size(); i++) {
      Stmt s = stmts.get(i);
      if (s == loop) {
        return new ArrayList<>(stmts.subList(i + 1, stmts.size()));
      }
      if (s instanceof Stmt.Block inner) {
        List<Stmt> found = following(inner, loop);
        if (found != null) {
          found.addAll(stmts.subList(i + 1, stmts.size()));
          return found;
        }
      }
    }
    return null;
  }

  private static boolean mentions(List<Stmt> code, Set<Variable> arrays) {
    boolean[] found = {false};
    for (Stmt stmt : code) {
      IrWalk.statements(stmt, s -> IrWalk.ownExpressions(s, e -> IrWalk.expressions(e,
          x -> found[0] |= x instanceof Expr.VarRef r && arrays.contains(r.variable()))));
      IrWalk.statements(stmt, s -> found[0] |= s instanceof Stmt.Assign a
          && arrays.contains(a.target()));
    }
    return found[0];
  }
}
