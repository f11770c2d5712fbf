package dev.adjoint.processor.cleanup;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Rewrite;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.StmtRewrite;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Holds a primal array element that one straight-line sequence reads more than once in a local:
 * {@code t1 = 10 * (x[2 * i + 1] - x[2 * i] * x[2 * i]); ...; xAdj[2 * i + 1] += adj; ...;
 * xAdj[2 * i] = s + adj2 * x[2 * i];} becomes {@code double x2i = x[2 * i]; t1 = 10 *
 * (x[2 * i + 1] - x2i * x2i); ...}. The JIT cannot tell an adjoint array from a primal one, so
 * it loads the element again after every adjoint store; hand-written gradients load it once.
 * The local holds the value the reads would have given, so every result is bit-identical.
 *
 * <p>Conservative ({@link ElementLoadSpans} says what may stand between the reads): the element
 * is a {@code double} of an array a primal variable names, directly or as a row
 * ({@code w[j][k]}), at indices made of variables, constants and arithmetic; the first
 * statement reads it unconditionally (not only in a branch of {@code ?:} or after
 * {@code &&}); and nothing up to the last read assigns a variable the element's expression reads
 * or writes an element of any array but an adjoint's (an adjoint array is the caller's gradient
 * buffer or one of the sweep's own, never an array the original computes with).
 */
final class ElementLoads {
  private static final int MAX_NAME = 16;

  private final ElementLoadSpans spans;
  private final Function<String, Variable> scratch;

  private ElementLoads(Predicate<Expr.Call> pureCall, Function<String, Variable> scratch) {
    this.spans = new ElementLoadSpans(pureCall);
    this.scratch = scratch;
  }

  /**
   * {@code code} with repeated element reads held in locals, at any depth; {@code scratch}
   * creates a fresh {@code double} local from a base name.
   */
  static List<Stmt> apply(List<Stmt> code, Predicate<Expr.Call> pureCall,
      Function<String, Variable> scratch) {
    return new ElementLoads(pureCall, scratch).list(code);
  }

  /**
   * Outer sequences first: an element held here is read from the local in the nested
   * statements too, which then have nothing left to hold.
   */
  private List<Stmt> list(List<Stmt> stmts) {
    List<Stmt> out = new ArrayList<>(stmts);
    for (int p = 0; p < out.size(); p++) {
      // a local declared goes in at p, and the next round looks at the same statement again
      holdOne(out, p);
    }
    return out.stream().map(s -> StmtRewrite.apply(s, e -> e, this::list)).toList();
  }

  /**
   * Holds in a local the first element that statement {@code p} reads unconditionally and that
   * is read again before anything may change it; whether there was one.
   */
  private boolean holdOne(List<Stmt> out, int p) {
    if (!spans.startsSpan(out.get(p))) {
      return false;
    }
    for (Expr.ArrayRead read : ElementLoadSpans.unconditionalReads(out.get(p))) {
      if (!spans.isCandidate(read)) {
        continue;
      }
      int end = spans.end(out, p, read);
      int last = p;
      int reads = 0;
      for (int q = p; q <= end; q++) {
        int n = ElementLoadSpans.count(out.get(q), read);
        if (n > 0) {
          last = q;
          reads += n;
        }
      }
      if (reads >= 2) {
        hold(out, p, last, read);
        return true;
      }
    }
    return false;
  }

  private void hold(List<Stmt> out, int p, int last, Expr.ArrayRead read) {
    Variable local = scratch.apply(name(read));
    Expr.VarRef ref = new Expr.VarRef(local);
    for (int q = p; q <= last; q++) {
      out.set(q, replace(out.get(q), read, ref));
    }
    out.add(p, new Stmt.Assign(local, read, true, null));
  }

  /** {@code s} with every read of {@code read}'s element replaced; never a write's target. */
  private static Stmt replace(Stmt s, Expr.ArrayRead read, Expr.VarRef local) {
    if (s instanceof Stmt.Accumulate acc && acc.target() instanceof Expr.ArrayRead target) {
      Expr keptTarget = Rewrite.operands(target, e -> replace(e, read, local));
      return new Stmt.Accumulate(keptTarget, replace(acc.value(), read, local), acc.wholeArray(),
          acc.tree());
    }
    return StmtRewrite.apply(s, e -> replace(e, read, local),
        inner -> inner.stream().map(c -> replace(c, read, local)).toList());
  }

  private static Expr replace(Expr e, Expr.ArrayRead read, Expr.VarRef local) {
    if (e instanceof Expr.ArrayRead r && IndexForms.same(r, read)) {
      return local;
    }
    return Rewrite.operands(e, o -> replace(o, read, local));
  }

  /** {@code x2i} for {@code x[2 * i]}: the array's name, then the index's names and digits. */
  private static String name(Expr.ArrayRead read) {
    StringBuilder name = new StringBuilder();
    nameOf(read, name);
    String base = name.toString();
    return base.length() <= MAX_NAME && !base.isEmpty()
        && Character.isJavaIdentifierStart(base.charAt(0)) ? base : "element";
  }

  private static void nameOf(Expr e, StringBuilder name) {
    if (e instanceof Expr.VarRef r) {
      r.variable().sourceName().chars().filter(Character::isJavaIdentifierPart)
          .forEach(c -> name.append((char) c));
    } else if (e instanceof Expr.Literal l && l.type().kind() == IrType.Kind.INT) {
      l.text().chars().filter(Character::isDigit).forEach(c -> name.append((char) c));
    } else {
      for (Expr operand : IrWalk.operands(e)) {
        nameOf(operand, name);
      }
    }
  }
}
