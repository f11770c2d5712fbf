package dev.adjoint.processor.analysis;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Element writes {@code a[i] = e} that write each element of {@code a} at most once per run of
 * their loop, and that nothing else in that loop may overwrite: the write is a statement of
 * its own in the body of a counted loop whose counter is {@code i} (which the body never
 * assigns, so each iteration writes another element), {@code a} is a {@code double[]} local or
 * parameter that no other name refers to ({@link ArrayAliases}), the loop has no jump, and it writes no other
 * element of {@code a}, never assigns {@code a} and mentions {@code a} otherwise only to read
 * its elements (no call sees the array). The element such a write wrote therefore still holds
 * that value when the loop ends, until code after the loop writes into {@code a} again: what
 * lets the reverse code of {@code h[j] = relu(z)} read {@code h[j]} for relu's derivative
 * ({@code transform/LogisticResults}) with {@link ToBeRecorded} saving only what overwrites the
 * array after the loop. A pure analysis.
 */
public final class OwnElementWrites {
  private OwnElementWrites() {}

  /** The qualifying writes of {@code body}, each with its loop. */
  public static Map<Stmt, Stmt.Loop> of(Stmt.Block body, ArrayAliases aliases) {
    Map<Stmt, Stmt.Loop> out = new IdentityHashMap<>();
    IrWalk.statements(body, s -> {
      if (s instanceof Stmt.Loop l && l.counter() != null && l.counter().step() != 0) {
        for (Stmt inner : l.body().stmts()) {
          if (inner instanceof Stmt.ArrayWrite w && qualifies(w, l, aliases)) {
            out.put(w, l);
          }
        }
      }
    });
    return out;
  }

  private static boolean qualifies(Stmt.ArrayWrite w, Stmt.Loop l, ArrayAliases aliases) {
    Variable counter = l.counter().variable();
    if (!(w.array() instanceof Expr.VarRef ref) || !(w.index() instanceof Expr.VarRef i)
        || i.variable() != counter || ref.variable().type().kind() != IrType.Kind.DOUBLE_ARRAY
        || aliases.isAliased(ref.variable())) {
      return false;
    }
    Variable a = ref.variable();
    boolean[] refused = {false};
    Set<Expr> elementReads = Collections.newSetFromMap(new IdentityHashMap<>());
    IrWalk.statements(l.body(), s -> {
      if (s instanceof Stmt.Assign as) {
        refused[0] |= as.target() == a || as.target() == counter;
      }
      // (a jump could leave past the loop's end, where ToBeRecorded notes the written elements)
      refused[0] |= s instanceof Stmt.Break || s instanceof Stmt.Continue
          || s instanceof Stmt.Return || s instanceof Stmt.Throw;
      if (s instanceof Stmt.ArrayWrite other && other != w) {
        refused[0] |= IrWalk.root(other.array()) == a;
      }
      IrWalk.ownExpressions(s, e -> IrWalk.expressions(e, x -> {
        if (x instanceof Expr.ArrayRead r && r.array() instanceof Expr.VarRef v
            && v.variable() == a) {
          elementReads.add(r.array());
        }
        refused[0] |= x instanceof Expr.VarRef v && v.variable() == a && x != w.array()
            && !elementReads.contains(x);
      }));
    });
    for (Stmt u : l.update()) {
      IrWalk.statements(u, s -> refused[0] |= s instanceof Stmt.Assign as && as.target() == a);
    }
    return !refused[0];
  }
}
