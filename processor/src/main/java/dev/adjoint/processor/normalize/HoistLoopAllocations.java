package dev.adjoint.processor.normalize;

import com.sun.source.tree.Tree;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.analysis.ArrayAliases;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Arrays allocated inside a loop ({@code double[] h = new double[H];} in the per-sample loop,
 * an initializer {@code {a, b}}, a {@code clone()}, a varargs call's packed arguments). Java
 * allocates a fresh, zeroed array on every iteration, and so can the transform (it records the
 * reference each allocation replaces: {@code ReferenceRecords}), but reusing one array is
 * faster. When the dimensions cannot change inside the outermost enclosing loop and no other
 * name may refer to the array ({@link ArrayAliases}), the allocation moves in front of that
 * loop, and the old place zeroes the array instead (element loops, which the transform handles
 * like any writes). Nothing can tell the two apart: the array's variable is scoped to the
 * iteration, and nothing else holds the array. Other allocations stay where they are.
 *
 * <p>A negative dimension throws NegativeArraySizeException where Java would, not before the
 * loop: the hoisted allocation uses {@code max(n, 0)} and the old place checks {@code n}.
 */
public final class HoistLoopAllocations {
  private final ArrayAliases aliases;
  private final List<Variable> introduced = new ArrayList<>();
  private final ExecutableElement intMax;
  private final TypeMirror negativeSize;

  private HoistLoopAllocations(Elements elements, MethodProblems problems,
      ArrayAliases aliases) {
    this.aliases = aliases;
    this.negativeSize = elements.getTypeElement("java.lang.NegativeArraySizeException").asType();
    ExecutableElement max = null;
    for (ExecutableElement m : ElementFilter.methodsIn(
        elements.getTypeElement("java.lang.Math").getEnclosedElements())) {
      if (m.getSimpleName().contentEquals("max") && m.getParameters().size() == 2
          && m.getParameters().get(0).asType().getKind() == TypeKind.INT) {
        max = m;
      }
    }
    this.intMax = max;
  }

  /** {@code ir} with allocations hoisted out of loops; {@code ir} itself if there are none. */
  public static MethodIr apply(MethodIr ir, Elements elements, MethodProblems problems) {
    boolean[] any = {false};
    IrWalk.statements(ir.body(), s -> {
      if (s instanceof Stmt.Loop l) {
        IrWalk.statements(l, c -> any[0] |= isAllocation(c));
      }
    });
    if (!any[0]) {
      return ir;
    }
    HoistLoopAllocations pass = new HoistLoopAllocations(elements, problems,
        ArrayAliases.of(ir.body()));
    Stmt.Block body = pass.outside(ir.body());
    List<Variable> locals = new ArrayList<>(ir.locals());
    locals.addAll(pass.introduced);
    return new MethodIr(ir.element(), ir.tree(), ir.unit(), ir.parameters(), ir.differentiated(),
        locals, ir.result(), body);
  }

  private static boolean isAllocation(Stmt s) {
    return s instanceof Stmt.Assign a && a.declaration() && a.target().type().isArray()
        && a.value() instanceof Expr.NewArray;
  }

  /** A block outside every loop: each outermost loop gets its allocations hoisted before it. */
  private Stmt.Block outside(Stmt.Block b) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : b.stmts()) {
      if (s instanceof Stmt.Loop l) {
        Loop loop = new Loop(l);
        Stmt rewritten = loop.inside(l);
        out.addAll(loop.hoisted);
        out.add(rewritten);
      } else if (s instanceof Stmt.Block inner) {
        out.add(outside(inner));
      } else if (s instanceof Stmt.If i) {
        out.add(new Stmt.If(i.condition(), outside(i.thenPart()), outside(i.elsePart()),
            i.tree()));
      } else {
        out.add(s);
      }
    }
    return new Stmt.Block(b.label(), out, b.tree());
  }

  /** One outermost loop: what it changes, and the allocations moved in front of it. */
  private final class Loop {
    final List<Stmt> hoisted = new ArrayList<>();
    final Set<Variable> assigned = new HashSet<>();
    final Set<Variable> written = new HashSet<>();
    /** Each variable assigned in the loop, with its assignments there. */
    final java.util.Map<Variable, List<Stmt.Assign>> assignments = new java.util.HashMap<>();

    Loop(Stmt.Loop l) {
      IrWalk.statements(l, s -> {
        if (s instanceof Stmt.Assign a) {
          assigned.add(a.target());
          assignments.computeIfAbsent(a.target(), v -> new ArrayList<>()).add(a);
        } else if (s instanceof Stmt.ArrayWrite w && IrWalk.root(w.array()) != null) {
          written.add(IrWalk.root(w.array()));
        }
      });
      if (l.counter() != null) {
        assigned.add(l.counter().variable());
        assignments.computeIfAbsent(l.counter().variable(), v -> new ArrayList<>()).add(null);
      }
    }

    /**
     * The value of an int local the loop declares once ({@code int m = n * 2;}) from values it
     * does not change, by operations that cannot throw, so that it can be computed before the
     * loop as well; null for any other variable.
     */
    private Expr definition(Variable v, Set<Variable> visiting) {
      List<Stmt.Assign> defs = assignments.get(v);
      if (defs == null || defs.size() != 1 || defs.get(0) == null || !defs.get(0).declaration()
          || !v.type().isPrimitive() || !visiting.add(v)) {
        return null;
      }
      Expr value = defs.get(0).value();
      boolean[] ok = {true};
      IrWalk.expressions(value, n -> ok[0] &= n instanceof Expr.Literal
          || n instanceof Expr.VarRef || n instanceof Expr.Cast || n instanceof Expr.Unary
          || n instanceof Expr.ArrayLength a && a.array() instanceof Expr.VarRef
          || n instanceof Expr.Binary b && (b.op() == BinaryOp.PLUS || b.op() == BinaryOp.MINUS
              || b.op() == BinaryOp.TIMES));
      Expr inlined = ok[0] ? hoistable(value, visiting) : null;
      visiting.remove(v);
      return inlined;
    }

    /**
     * {@code e} as it can be computed before the loop, with the loop's own invariant
     * definitions put in for their variables; null when the loop may change its value.
     */
    private Expr hoistable(Expr e, Set<Variable> visiting) {
      if (e instanceof Expr.VarRef r && assigned.contains(r.variable())) {
        return definition(r.variable(), visiting);
      }
      if (e instanceof Expr.ArrayRead read && (IrWalk.root(read.array()) == null
              || written.contains(IrWalk.root(read.array())))
          || e instanceof Expr.FieldRef f && !f.field().getModifiers().contains(Modifier.FINAL)
          || e instanceof Expr.Call || e instanceof Expr.NewObject
          || e instanceof Expr.NewArray) {
        return null;
      }
      boolean[] failed = {false};
      Expr rebuilt = dev.adjoint.processor.ir.Rewrite.operands(e, o -> {
        Expr h = failed[0] ? o : hoistable(o, visiting);
        if (h == null) {
          failed[0] = true;
          return o;
        }
        return h;
      });
      return failed[0] ? null : rebuilt;
    }

    Stmt inside(Stmt s) {
      if (s instanceof Stmt.Block b) {
        return block(b);
      }
      if (s instanceof Stmt.If i) {
        return new Stmt.If(i.condition(), block(i.thenPart()), block(i.elsePart()), i.tree());
      }
      if (s instanceof Stmt.Loop l) {
        List<Stmt> update = new ArrayList<>();
        for (Stmt u : l.update()) {
          update.add(inside(u));
        }
        return new Stmt.Loop(l.label(), l.condition(), block(l.body()), update, l.testFirst(),
            l.counter(), l.tree());
      }
      return s;
    }

    private Stmt.Block block(Stmt.Block b) {
      List<Stmt> out = new ArrayList<>();
      List<Stmt> stmts = b.stmts();
      for (int i = 0; i < stmts.size(); i++) {
        Stmt s = stmts.get(i);
        if (isAllocation(s) && !aliases.isAliased(((Stmt.Assign) s).target())) {
          hoist((Stmt.Assign) s, stmts.subList(i + 1, stmts.size()), out);
        } else {
          out.add(inside(s));
        }
      }
      return new Stmt.Block(b.label(), out, b.tree());
    }

    /** Moves one allocation in front of the loop and zeroes the array where it was. */
    private void hoist(Stmt.Assign a, List<Stmt> following, List<Stmt> out) {
      Variable array = a.target();
      Expr.NewArray allocation = (Expr.NewArray) a.value();
      Tree at = a.tree();
      boolean matrix = array.type().elementType().isArray();
      if (matrix && allocation.dimensions().size() < 2) {
        out.add(a); // rows to be assigned: allocated where Java allocates it (ReferenceRecords)
        return;
      }
      List<Expr> dims = new ArrayList<>();
      for (Expr d : allocation.dimensions()) {
        Expr before = hoistable(d, new HashSet<>());
        if (before == null) {
          out.add(a); // a size the loop changes: allocated anew each time (ReferenceRecords)
          return;
        }
        if (before instanceof Expr.Literal || before instanceof Expr.ArrayLength) {
          dims.add(before);
        } else {
          // Java throws for a negative size only when the allocation runs.
          dims.add(new Expr.Call(intMax, null, List.of(before, Expr.Literal.ofInt(0)),
              IrType.INT, d.tree()));
          out.add(throwIfNegative(d, at));
        }
      }
      hoisted.add(new Stmt.Assign(array, new Expr.NewArray(allocation.type(), dims,
          allocation.tree()), true, at));
      if (!fullyInitialized(array, allocation, following)) {
        out.add(zero(array, at));
      }
    }
  }

  private Stmt throwIfNegative(Expr size, Tree at) {
    Expr negative = new Expr.Binary(BinaryOp.LESS, size, Expr.Literal.ofInt(0), IrType.BOOLEAN,
        at);
    Expr message = new Expr.Binary(BinaryOp.CONCAT, new Expr.Literal(IrType.STRING, "\"\"", at),
        size, IrType.STRING, at);
    Stmt error = new Stmt.Throw(new Expr.NewObject(negativeSize, List.of(message),
        IrType.other(negativeSize), at), at);
    return new Stmt.If(negative, new Stmt.Block(null, List.of(error), at),
        new Stmt.Block(null, List.of(), at), at);
  }

  /**
   * Whether the statements right after the allocation write every element of a one-dimensional
   * array of literal size (an initializer {@code {a, b}} or packed varargs): then zeroing it
   * first would be overwritten at once.
   */
  private static boolean fullyInitialized(Variable array, Expr.NewArray allocation,
      List<Stmt> following) {
    if (array.type().elementType().isArray()
        || !(allocation.dimensions().get(0) instanceof Expr.Literal size)) {
      return false;
    }
    int n;
    try {
      n = Integer.parseInt(size.text());
    } catch (NumberFormatException e) {
      return false;
    }
    Set<Integer> covered = new HashSet<>();
    for (int i = 0; i < n && i < following.size(); i++) {
      if (!(following.get(i) instanceof Stmt.ArrayWrite w)
          || !(w.array() instanceof Expr.VarRef r) || r.variable() != array
          || !(w.index() instanceof Expr.Literal index)) {
        return false;
      }
      try {
        covered.add(Integer.parseInt(index.text()));
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return covered.size() == n;
  }

  /** {@code for (k < a.length) a[k] = 0} (and over the rows of a matrix). */
  private Stmt zero(Variable array, Tree at) {
    Expr whole = new Expr.VarRef(array, at);
    if (!array.type().elementType().isArray()) {
      return forEach(whole, k -> new Stmt.ArrayWrite(whole, k, zeroOf(array.type()
          .elementType()), at), at);
    }
    return forEach(whole, i -> {
      Expr row = new Expr.ArrayRead(whole, i, array.type().elementType(), at);
      return forEach(row, j -> new Stmt.ArrayWrite(row, j, Expr.Literal.ofDouble(0.0), at), at);
    }, at);
  }

  private static Expr zeroOf(IrType element) {
    return switch (element.kind()) {
      case DOUBLE -> Expr.Literal.ofDouble(0.0);
      case BOOLEAN -> new Expr.Literal(IrType.BOOLEAN, "false", null);
      default -> Expr.Literal.ofInt(0);
    };
  }

  /** {@code for (int k = 0; k < array.length; k++) body(k)}, a counted loop. */
  private Stmt forEach(Expr array, java.util.function.Function<Expr, Stmt> body, Tree at) {
    return CountedLoop.upTo(new Expr.ArrayLength(array, at),
        k -> body.apply(new Expr.VarRef(k, at)), at, introduced);
  }
}
