package dev.adjoint.processor.normalize;

import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Rewrite;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * Stores, rather than recomputes, the result of a {@code Math} call that the reverse sweep needs
 * as a factor: in {@code x = Math.sin(x) * a + b} the partial derivative with respect to
 * {@code a} is {@code sin(x)}, which the reverse sweep evaluated again after restoring {@code x}
 * (issue 15, cause 5: the sin recurrence paid a sin and a cos per step backwards where the
 * hand-written gradient pays one cos). Inside loops, such a call moves into a temporary of its
 * own just before its statement ({@code double sin = Math.sin(x); x = sin * a + b;}); the
 * reverse sweep then reads the temporary (restored like any other local, which costs a tape
 * entry, far less than a transcendental call) and calls only the derivative.
 *
 * <p>A call qualifies when it is an operand of a product or quotient whose other operand is not
 * a constant (its value is then a partial derivative of that operand), is not under a
 * conditional or a short-circuit operator (it would then run where Java does not run it), and
 * the statement calls nothing but {@code Math}'s functions (all pure, so evaluating one earlier
 * changes nothing). Outside loops the reverse sweep evaluates each statement once: the rewrite
 * would save nothing there.
 */
public final class StoredCallResults {
  private static final Set<String> COSTLY = Set.of("sin", "cos", "tan", "exp", "log", "log10",
      "log1p", "expm1", "tanh", "sinh", "cosh", "atan", "asin", "acos", "cbrt", "pow", "atan2",
      "hypot");

  private final List<Variable> temporaries = new ArrayList<>();

  private StoredCallResults() {}

  /** {@code ir} with such calls held in temporaries; {@code ir} itself if there are none. */
  public static MethodIr apply(MethodIr ir) {
    StoredCallResults pass = new StoredCallResults();
    Stmt.Block body = pass.block(ir.body(), 0);
    if (pass.temporaries.isEmpty()) {
      return ir;
    }
    List<Variable> locals = new ArrayList<>(ir.locals());
    locals.addAll(pass.temporaries);
    return new MethodIr(ir.element(), ir.tree(), ir.unit(), ir.parameters(), ir.differentiated(),
        locals, ir.result(), body);
  }

  private Stmt.Block block(Stmt.Block b, int loops) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : b.stmts()) {
      statement(s, loops, out);
    }
    return new Stmt.Block(b.label(), out, b.tree());
  }

  private void statement(Stmt s, int loops, List<Stmt> out) {
    if (s instanceof Stmt.Block b) {
      out.add(block(b, loops));
    } else if (s instanceof Stmt.If i) {
      out.add(new Stmt.If(i.condition(), block(i.thenPart(), loops), block(i.elsePart(), loops),
          i.tree()));
    } else if (s instanceof Stmt.Loop l) {
      out.add(new Stmt.Loop(l.label(), l.condition(), block(l.body(), loops + 1), l.update(),
          l.testFirst(), l.counter(), l.tree()));
    } else if (loops > 0 && s instanceof Stmt.Assign a && a.target().type().carriesDerivative()
        && onlyMathCalls(a.value())) {
      Expr value = stored(a.value(), out);
      out.add(value == a.value() ? a : new Stmt.Assign(a.target(), value, a.declaration(),
          a.tree()));
    } else if (loops > 0 && s instanceof Stmt.ArrayWrite w
        && w.value().type().carriesDerivative() && onlyMathCalls(w.value())
        && onlyMathCalls(w.index()) && onlyMathCalls(w.array())) {
      Expr value = stored(w.value(), out);
      out.add(value == w.value() ? w : new Stmt.ArrayWrite(w.array(), w.index(), value,
          w.tree()));
    } else {
      out.add(s);
    }
  }

  /** {@code e} with each qualifying call read from a temporary assigned in {@code out}. */
  private Expr stored(Expr e, List<Stmt> out) {
    if (e instanceof Expr.Conditional || e instanceof Expr.Binary b
        && (b.op() == BinaryOp.AND || b.op() == BinaryOp.OR)) {
      return e;
    }
    if (e instanceof Expr.Binary b && (b.op() == BinaryOp.TIMES || b.op() == BinaryOp.DIVIDE)) {
      Expr left = isCostly(b.left()) && varies(b.right()) ? hold(b.left(), out)
          : stored(b.left(), out);
      Expr right = isCostly(b.right()) && varies(b.left()) ? hold(b.right(), out)
          : stored(b.right(), out);
      return left == b.left() && right == b.right() ? b
          : new Expr.Binary(b.op(), left, right, b.type(), b.tree());
    }
    return Rewrite.operands(e, operand -> stored(operand, out));
  }

  private Expr hold(Expr call, List<Stmt> out) {
    Expr.Call c = (Expr.Call) call;
    Variable t = new Variable(c.method().getSimpleName().toString(), c.type(),
        Variable.Origin.TEMPORARY, c.tree());
    temporaries.add(t);
    out.add(new Stmt.Assign(t, c, true, null));
    return new Expr.VarRef(t, c.tree());
  }

  /** A static call of one of {@code Math}'s transcendental functions on doubles. */
  private static boolean isCostly(Expr e) {
    return e instanceof Expr.Call c && isMath(c) && c.type().carriesDerivative()
        && COSTLY.contains(c.method().getSimpleName().toString());
  }

  private static boolean isMath(Expr.Call c) {
    return c.receiver() == null && c.method().getEnclosingElement() instanceof TypeElement t
        && (t.getQualifiedName().contentEquals("java.lang.Math")
            || t.getQualifiedName().contentEquals("java.lang.StrictMath"));
  }

  private static boolean onlyMathCalls(Expr e) {
    boolean[] other = {false};
    IrWalk.expressions(e, x -> other[0] |= x instanceof Expr.Call c && !isMath(c)
        || x instanceof Expr.AdjointCall || x instanceof Expr.TangentCall);
    return !other[0];
  }

  /** Whether {@code e} may have a derivative: anything but constants. */
  private static boolean varies(Expr e) {
    boolean[] found = {false};
    IrWalk.expressions(e, x -> found[0] |= x instanceof Expr.VarRef r
        && r.variable().type().carriesDerivative() || x instanceof Expr.ArrayRead read
        && read.type().carriesDerivative() || x instanceof Expr.Call c
        && c.type().carriesDerivative() || x instanceof Expr.FieldRef f
        && f.type().carriesDerivative());
    return found[0];
  }
}
