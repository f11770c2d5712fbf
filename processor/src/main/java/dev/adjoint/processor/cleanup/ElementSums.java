package dev.adjoint.processor.cleanup;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.StmtRewrite;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Sums the shares one reverse body adds into the same adjoint element in a local: in a
 * straight-line sequence, {@code xAdj[2 * i] += a; ...; xAdj[2 * i] += b;} becomes
 * {@code double s = xAdj[2 * i] + a; ...; xAdj[2 * i] = s + b;}: one load and one store instead
 * of one of each per share, and no store the JIT must assume may change the primal elements read
 * in between. The additions happen in the same order on the same values, so the result is
 * bit-identical.
 *
 * <p>Conservative: nothing in between may be anything but a comment, an assignment of a scalar
 * or an accumulation, all of pure expressions; nothing in between may read or assign the
 * adjoint array or a variable the index reads, or write an element of any array, except of the
 * same array at an index that differs from it by a non-zero constant ({@code xAdj[2 * i + 1]}),
 * which cannot be the same element. An element of a row ({@code wAdj[j][k]}) is summed the same
 * way: the row expression is part of what nothing in between may assign, and the only other
 * writes allowed are into the same row expression at an index that differs by a constant.
 */
final class ElementSums {
  private final Predicate<Expr.Call> pureCall;
  private final Function<String, Variable> scratch;

  private ElementSums(Predicate<Expr.Call> pureCall, Function<String, Variable> scratch) {
    this.pureCall = pureCall;
    this.scratch = scratch;
  }

  /**
   * {@code code} with its repeated element accumulations summed, at any depth; {@code scratch}
   * creates a fresh {@code double} local from a base name.
   */
  static List<Stmt> apply(List<Stmt> code, Predicate<Expr.Call> pureCall,
      Function<String, Variable> scratch) {
    return new ElementSums(pureCall, scratch).list(code);
  }

  private List<Stmt> list(List<Stmt> stmts) {
    List<Stmt> out = new ArrayList<>(stmts.stream()
        .map(s -> StmtRewrite.apply(s, e -> e, this::list)).toList());
    for (int p = 0; p < out.size(); p++) {
      if (out.get(p) instanceof Stmt.Accumulate first && isElementShare(first)) {
        List<Integer> members = members(out, p, (Expr.ArrayRead) first.target());
        if (members.size() >= 2) {
          sum(out, members);
        }
      }
    }
    return List.copyOf(out);
  }

  private boolean isElementShare(Stmt.Accumulate acc) {
    if (acc.wholeArray() || !(acc.target() instanceof Expr.ArrayRead r)) {
      return false;
    }
    Variable array = IrWalk.root(r.array());
    return array != null && array.origin() == Variable.Origin.ADJOINT
        && Uses.isPure(r, pureCall) && Uses.isPure(acc.value(), pureCall)
        && Uses.count(acc.value(), array) == 0;
  }

  /** Positions of the shares into {@code target}'s element from {@code p}, up to a barrier. */
  private List<Integer> members(List<Stmt> code, int p, Expr.ArrayRead target) {
    Variable array = IrWalk.root(target.array());
    List<Integer> members = new ArrayList<>(List.of(p));
    for (int q = p + 1; q < code.size(); q++) {
      Stmt s = code.get(q);
      if (s instanceof Stmt.Accumulate acc && isElementShare(acc)
          && IndexForms.same(acc.target(), target)) {
        members.add(q);
      } else if (!isHarmless(s, array, target)) {
        break;
      }
    }
    return members;
  }

  /** Whether {@code s} may stand between two shares into {@code target}'s element. */
  private boolean isHarmless(Stmt s, Variable array, Expr.ArrayRead target) {
    if (s instanceof Stmt.Comment) {
      return true;
    }
    if (s instanceof Stmt.Assign a) {
      return !a.target().type().isArray() && a.target() != array
          && Uses.count(target, a.target()) == 0 && Uses.isPure(a.value(), pureCall)
          && Uses.count(a.value(), array) == 0;
    }
    if (!(s instanceof Stmt.Accumulate acc) || acc.wholeArray()
        || !Uses.isPure(acc.value(), pureCall) || Uses.count(acc.value(), array) > 0) {
      return false;
    }
    if (acc.target() instanceof Expr.VarRef r) {
      return !r.variable().type().isArray() && Uses.count(target, r.variable()) == 0;
    }
    return acc.target() instanceof Expr.ArrayRead other
        && IndexForms.same(other.array(), target.array()) && Uses.isPure(other.index(), pureCall)
        && IndexForms.differ(other.index(), target.index());
  }

  /** Rewrites the shares at {@code members} into one load, a local sum and one store. */
  private void sum(List<Stmt> out, List<Integer> members) {
    Stmt.Accumulate first = (Stmt.Accumulate) out.get(members.get(0));
    Expr.ArrayRead element = (Expr.ArrayRead) first.target();
    Variable local = scratch.apply("elementSum");
    Expr localRef = new Expr.VarRef(local);
    out.set(members.get(0), new Stmt.Assign(local,
        new Expr.Binary(BinaryOp.PLUS, element, first.value(), IrType.DOUBLE, null), true,
        first.tree()));
    for (int m = 1; m < members.size() - 1; m++) {
      Stmt.Accumulate acc = (Stmt.Accumulate) out.get(members.get(m));
      out.set(members.get(m), new Stmt.Accumulate(localRef, acc.value(), false, acc.tree()));
    }
    Stmt.Accumulate last = (Stmt.Accumulate) out.get(members.get(members.size() - 1));
    out.set(members.get(members.size() - 1), new Stmt.ArrayWrite(element.array(),
        element.index(), new Expr.Binary(BinaryOp.PLUS, localRef, last.value(), IrType.DOUBLE,
            null), last.tree()));
  }
}
