package dev.adjoint.processor.cleanup;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Rewrite;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.StmtRewrite;
import dev.adjoint.processor.ir.UnaryOp;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A clean-up of adjoint IR that multiplies partial derivatives together before the adjoint
 * (issue 15). The reverse of {@code x = Math.sin(x) * a + b} is
 * {@code sinAdj = xAdj * a; ...; xAdj = sinAdj * Math.cos(x)}: a chain through the intermediate
 * adjoint {@code sinAdj}, which multiplies the adjoint twice. In one straight-line sequence, an
 * adjoint product {@code u = e} read once, by a later statement, and dead after it, is evaluated
 * where it is read ({@code xAdj = xAdj * a * Math.cos(x)}), then {@link PartialsFirst} orders
 * the product {@code xAdj * (a * Math.cos(x))}. Loop bodies that accumulate into {@code u} first
 * and clear it last are made to assign it first ({@link ClearedAcrossIterations}); the stores to
 * adjoints nothing reads any more go ({@link UnreadLocals}).
 *
 * <p>Moving {@code e} is exact: nothing between the two statements writes what {@code e} reads
 * (a primal restored in between, as {@code x} above, may be read by what the read adds, as
 * {@code Math.cos(x)}, which stays where it is, never by {@code e}), no jump
 * leaves between them, and {@code u} is dead after its read: the read assigns it, or the next
 * statement mentioning it overwrites it without reading it, or it is declared in the sequence
 * and not mentioned again, or it is dead where the sequence ends (nothing after the method reads
 * it; a loop body assigns it before it reads it and it is dead after the loop). Where what the
 * product reads changes in between but the partial {@code q} it meets there ({@code u * q})
 * does not, {@code q} moves back instead: {@code u = e * q} and {@code ... u ...}. Only the
 * re-association rounds differently.
 */
public final class PartialProducts {
  private final Set<Variable> liveOut;
  private final Predicate<Expr.Call> pureCall;
  private final AdjointFlow flow;

  private PartialProducts(Set<Variable> liveOut, Predicate<Expr.Call> pureCall,
      AdjointFlow flow) {
    this.liveOut = liveOut;
    this.pureCall = pureCall;
    this.flow = flow;
  }

  /** {@code code}, a method's outermost sequence, with its adjoint chains multiplied out. */
  public static List<Stmt> apply(List<Stmt> code, Set<Variable> liveOut,
      Predicate<Expr.Call> pureCall) {
    AdjointFlow flow = AdjointFlow.of(code, liveOut);
    List<Stmt> chained = new PartialProducts(liveOut, pureCall, flow).sequence(code,
        v -> !liveOut.contains(v), v -> false);
    PartialsFirst order = new PartialsFirst(flow, pureCall);
    List<Stmt> ordered = chained.stream().map(s -> reorder(s, order)).toList();
    return UnreadLocals.apply(ordered, liveOut, pureCall);
  }

  private static Stmt reorder(Stmt s, PartialsFirst order) {
    return StmtRewrite.apply(s, order::apply,
        inner -> inner.stream().map(c -> reorder(c, order)).toList());
  }

  /**
   * {@code code} with its chains multiplied out, inner sequences first; {@code deadAtEnd} tells
   * which variables nothing reads after {@code code} before assigning them, {@code zeroAtStart}
   * which adjoints are zero where it starts.
   */
  private List<Stmt> sequence(List<Stmt> code, Predicate<Variable> deadAtEnd,
      Predicate<Variable> zeroAtStart) {
    List<Stmt> cleared = ClearedAcrossIterations.apply(code, zeroAtStart);
    List<Stmt> out = new ArrayList<>();
    for (int k = 0; k < cleared.size(); k++) {
      Stmt s = cleared.get(k);
      Predicate<Variable> deadAfterS = deadAfter(cleared, k, deadAtEnd);
      int at = k;
      out.add(StmtRewrite.apply(s, e -> e, inner -> sequence(inner,
          innerDeadAtEnd(s, inner, deadAfterS), innerZeroAtStart(cleared, at, inner,
              zeroAtStart))));
    }
    for (int i = 0; i < out.size(); i++) {
      int j = readOnce(out, i, deadAtEnd);
      if (j < 0) {
        continue;
      }
      Stmt.Assign def = (Stmt.Assign) out.get(i);
      Variable u = def.target();
      List<Stmt> between = out.subList(i + 1, j);
      Expr q = partialOf(out.get(j), u);
      if (AssignThenAccumulate.unchangedBetween(def.value(), between, pureCall)) {
        out.set(j, StmtRewrite.substitute(out.get(j), u, def.value()));
        out.remove(i--);
      } else if (q != null && AssignThenAccumulate.unchangedBetween(q, between, pureCall)) {
        // what the product reads changes in between, what the partial it meets reads does not:
        // the partial joins the product where it is computed (q's value is the same there)
        out.set(i, new Stmt.Assign(u, times(def.value(), q), def.declaration(), def.tree()));
        out.set(j, StmtRewrite.apply(out.get(j), e -> withoutPartial(e, u), inner -> inner));
      }
    }
    return List.copyOf(out);
  }

  /**
   * The index of the one statement reading {@code code[i]}'s adjoint product, where it can be
   * evaluated instead, or the partial it meets there computed with it; -1 if there is none.
   */
  private int readOnce(List<Stmt> code, int i, Predicate<Variable> deadAtEnd) {
    if (!(code.get(i) instanceof Stmt.Assign def) || !Uses.isLocal(def.target(), liveOut)
        || !isProduct(def.value()) || !flow.carries(def.value())
        || !Uses.isPure(def.value(), pureCall) || Uses.count(def.value(), def.target()) != 0) {
      return -1;
    }
    Variable u = def.target();
    int j = i + 1;
    while (j < code.size() && !Uses.mentions(code.get(j), u)) {
      j++;
    }
    Stmt read = j < code.size() ? code.get(j) : null;
    if (read == null || !isSimple(read) || Uses.count(read, u) != 1
        || Uses.writes(read, u) && !(read instanceof Stmt.Assign)
        || !Uses.isPure(read, pureCall)
        || code.subList(i + 1, j).stream().anyMatch(ClearedAcrossIterations::hasJump)) {
      return -1;
    }
    return deadAfter(code, i, j, deadAtEnd) ? j : -1;
  }

  /** The primal {@code double} factor {@code q} of the product {@code u * q} in {@code s}. */
  private Expr partialOf(Stmt s, Variable u) {
    Expr[] found = {null};
    IrWalk.ownExpressions(s, e -> IrWalk.expressions(e, x -> {
      if (x instanceof Expr.Binary b && b.op() == BinaryOp.TIMES) {
        Expr other = isRef(b.left(), u) ? b.right() : isRef(b.right(), u) ? b.left() : null;
        if (other != null && other.type() != null && other.type().kind() == IrType.Kind.DOUBLE
            && !other.type().isArray() && !flow.carries(other)) {
          found[0] = other;
        }
      }
    }));
    return found[0];
  }

  /** {@code e} with the product {@code u * q} that reads {@code u} replaced by {@code u}. */
  private static Expr withoutPartial(Expr e, Variable u) {
    if (e instanceof Expr.Binary b && b.op() == BinaryOp.TIMES
        && (isRef(b.left(), u) || isRef(b.right(), u))) {
      return new Expr.VarRef(u, null);
    }
    return Rewrite.operands(e, o -> withoutPartial(o, u));
  }

  private static boolean isRef(Expr e, Variable u) {
    return e instanceof Expr.VarRef r && r.variable() == u;
  }

  private static Expr times(Expr left, Expr right) {
    return new Expr.Binary(BinaryOp.TIMES, left, right, IrType.DOUBLE, null);
  }

  /** Whether {@code u}, assigned by {@code code[i]}, is dead once {@code code[j]} has read it. */
  private static boolean deadAfter(List<Stmt> code, int i, int j,
      Predicate<Variable> deadAtEnd) {
    Stmt.Assign def = (Stmt.Assign) code.get(i);
    Variable u = def.target();
    if (code.get(j) instanceof Stmt.Assign a && a.target() == u) {
      return !def.declaration();
    }
    if (def.declaration()) {
      return !Uses.mentionedFrom(code, j + 1, u);
    }
    return deadAfter(code, j, deadAtEnd).test(u);
  }

  /**
   * Which variables are dead where {@code code[k]} completes: the next statement mentioning one
   * assigns it without reading it, or none does and it is dead at the end; no jump in between.
   */
  private static Predicate<Variable> deadAfter(List<Stmt> code, int k,
      Predicate<Variable> deadAtEnd) {
    return u -> {
      for (int m = k + 1; m < code.size(); m++) {
        Stmt s = code.get(m);
        if (ClearedAcrossIterations.hasJump(s)) {
          return false;
        }
        if (Uses.mentions(s, u)) {
          return s instanceof Stmt.Assign a && a.target() == u && Uses.count(a.value(), u) == 0;
        }
      }
      return deadAtEnd.test(u);
    };
  }

  /**
   * Which variables are dead at the end of {@code inner}, a list of statements directly inside
   * {@code s}: those dead after {@code s}, for a branch or block; for a loop's body, those that
   * each iteration also assigns before it reads them (its first mention, at the top level, with
   * no jump in the body); none for anything else.
   */
  private static Predicate<Variable> innerDeadAtEnd(Stmt s, List<Stmt> inner,
      Predicate<Variable> deadAfterS) {
    if (s instanceof Stmt.If || s instanceof Stmt.Block) {
      return deadAfterS;
    }
    boolean isBody = s instanceof Stmt.IndexLoop index && index.body().stmts() == inner
        || s instanceof Stmt.Loop loop && loop.body().stmts() == inner && loop.update().isEmpty();
    if (!isBody || inner.stream().anyMatch(ClearedAcrossIterations::hasJump)) {
      return u -> false;
    }
    Predicate<Variable> assignedFirst = u -> {
      for (Stmt t : inner) {
        if (Uses.mentions(t, u)) {
          return t instanceof Stmt.Assign a && a.target() == u && Uses.count(a.value(), u) == 0;
        }
      }
      return true;
    };
    return u -> assignedFirst.test(u) && deadAfterS.test(u)
        && !(s instanceof Stmt.Loop l && l.condition() != null
            && Uses.count(l.condition(), u) > 0);
  }

  /**
   * Which adjoints are zero where {@code inner}, a list directly inside {@code code[k]}, starts:
   * for a branch or block, those zero before {@code code[k]}; for a loop's body, those zero
   * before the loop that each iteration leaves zero; none for anything else.
   */
  private static Predicate<Variable> innerZeroAtStart(List<Stmt> code, int k, List<Stmt> inner,
      Predicate<Variable> zeroAtStart) {
    Stmt s = code.get(k);
    if (s instanceof Stmt.If || s instanceof Stmt.Block) {
      return u -> ClearedAcrossIterations.zeroBefore(code, k, u, zeroAtStart);
    }
    boolean isBody = s instanceof Stmt.IndexLoop index && index.body().stmts() == inner
        || s instanceof Stmt.Loop loop && loop.body().stmts() == inner && loop.update().isEmpty();
    return isBody ? ClearedAcrossIterations.zeroAtBodyStart(code, k, inner, zeroAtStart)
        : u -> false;
  }

  /** A product or negation: what the chain rule makes of an adjoint and a partial. */
  private static boolean isProduct(Expr e) {
    return e instanceof Expr.Binary b && b.op() == BinaryOp.TIMES
        || e instanceof Expr.Unary u && u.op() == UnaryOp.NEGATE;
  }

  private static boolean isSimple(Stmt s) {
    return s instanceof Stmt.Assign || s instanceof Stmt.ArrayWrite
        || s instanceof Stmt.Accumulate acc && !acc.wholeArray();
  }
}
