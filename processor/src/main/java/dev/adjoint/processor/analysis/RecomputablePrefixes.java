package dev.adjoint.processor.analysis;

import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.RuleTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loop temporaries the reverse sweep can recompute instead of recording: a pure analysis whose
 * facts are immutable.
 */
public final class RecomputablePrefixes {
  private RecomputablePrefixes() {}

  /**
   * The declarations that open one loop body and can be recomputed, in program order, and the
   * variables they read, which must be restored by the time the loop is reversed.
   */
  public record Prefix(List<Stmt.Assign> assignments, Set<Variable> reads) {}

  /**
   * Temporaries the reverse sweep recomputes instead of recording: the declarations that open a
   * loop body, each assigned nowhere else in the loop, whose values are pure functions of the
   * loop counter, of variables and arrays the loop does not change, and of earlier ones. (The
   * extended Rosenbrock's {@code t1} and {@code t2}, a for-each's element.) Loops in
   * {@code skipped} (re-run by the reverse sweep) have none. An array a helper called in the
   * loop may write into counts as changed, as one the loop writes itself.
   */
  public static Map<Stmt.Loop, Prefix> find(Stmt.Block body, Set<Stmt.Loop> skipped,
      ArrayAliases aliases, RuleTable rules) {
    Map<Stmt.Loop, Prefix> found = new IdentityHashMap<>();
    IrWalk.statements(body, s -> {
      if (!(s instanceof Stmt.Loop l) || skipped.contains(l)) {
        return;
      }
      Map<Variable, Integer> assignments = new HashMap<>();
      Set<Variable> written = new HashSet<>();
      IrWalk.statements(l, c -> {
        if (c instanceof Stmt.Assign a) {
          assignments.merge(a.target(), 1, Integer::sum);
        } else if (c instanceof Stmt.ArrayWrite w) {
          written.add(aliases.canonical(IrWalk.root(w.array())));
        }
        Expr.Call writing = WritingCalls.of(c, rules);
        if (writing != null) {
          for (Variable root : WritingCalls.writtenRoots(writing, rules)) {
            written.add(aliases.canonical(root));
          }
        }
      });
      // a write through an alias changes every array of its class
      Set<Variable> writtenOrAliased = new HashSet<>(written);
      IrWalk.statements(l, c -> IrWalk.ownExpressions(c, e -> IrWalk.expressions(e, n -> {
        if (n instanceof Expr.VarRef r && r.variable().type().isArray()
            && written.contains(aliases.canonical(r.variable()))) {
          writtenOrAliased.add(r.variable());
        }
      })));
      Variable counter = l.counter() == null ? null : l.counter().variable();
      List<Stmt.Assign> prefix = new ArrayList<>();
      Set<Variable> available = new HashSet<>();
      Set<Variable> read = new LinkedHashSet<>();
      for (Stmt c : l.body().stmts()) {
        if (!(c instanceof Stmt.Assign a) || !a.declaration() || !a.target().type().isPrimitive()
            || assignments.get(a.target()) != 1
            || !isRecomputable(a.value(), counter, assignments, writtenOrAliased, available,
                read)) {
          break;
        }
        prefix.add(a);
        available.add(a.target());
      }
      if (!prefix.isEmpty()) {
        found.put(l, new Prefix(List.copyOf(prefix), Collections.unmodifiableSet(read)));
      }
    });
    return Collections.unmodifiableMap(found);
  }

  /**
   * The chosen temporaries and every earlier one of the prefix they read, transitively, in
   * program order. A temporary recomputed in the reverse sweep must be recomputed from values
   * that hold this iteration's values too: an earlier temporary that is not recomputed still
   * holds the last iteration's value there.
   */
  public static List<Stmt.Assign> withPrerequisites(List<Stmt.Assign> prefix,
      List<Stmt.Assign> chosen) {
    Set<Stmt.Assign> needed = Collections.newSetFromMap(new IdentityHashMap<>());
    needed.addAll(chosen);
    for (int i = prefix.size() - 1; i >= 0; i--) {
      Stmt.Assign a = prefix.get(i);
      if (!needed.contains(a)) {
        continue;
      }
      for (int j = 0; j < i; j++) {
        if (references(a.value(), prefix.get(j).target())) {
          needed.add(prefix.get(j));
        }
      }
    }
    return prefix.stream().filter(needed::contains).toList();
  }

  private static boolean isRecomputable(Expr e, Variable counter,
      Map<Variable, Integer> assignedInLoop, Set<Variable> writtenInLoop,
      Set<Variable> available, Set<Variable> read) {
    boolean[] ok = {true};
    IrWalk.expressions(e, n -> {
      if (n instanceof Expr.VarRef r) {
        Variable v = r.variable();
        boolean stable = v == counter || available.contains(v)
            || !assignedInLoop.containsKey(v) && !writtenInLoop.contains(v);
        ok[0] &= stable;
        if (v != counter && !available.contains(v)) {
          read.add(v);
        }
      } else if (n instanceof Expr.Call c) {
        ok[0] &= c.receiver() == null && RuleTable.isPure(c.method());
      } else if (n instanceof Expr.FieldRef f) {
        ok[0] &= f.receiver() == null && f.field().getModifiers().contains(
            javax.lang.model.element.Modifier.FINAL);
      } else if (n instanceof Expr.NewObject || n instanceof Expr.NewArray) {
        ok[0] = false;
      }
    });
    return ok[0];
  }

  private static boolean references(Expr e, Variable v) {
    boolean[] found = {false};
    IrWalk.expressions(e, n -> found[0] |= n instanceof Expr.VarRef r && r.variable() == v);
    return found[0];
  }
}
