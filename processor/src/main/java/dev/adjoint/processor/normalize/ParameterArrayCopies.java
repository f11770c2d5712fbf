package dev.adjoint.processor.normalize;

import com.sun.source.tree.Tree;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.AdjointOnly;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Rewrite;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.RuleTable;
import dev.adjoint.processor.analysis.ArrayAliases;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.diag.Problem;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Writes into a one-dimensional parameter array ({@code x[i] /= n}). The gradient is with respect
 * to the values on entry, and the reverse sweep restores overwritten elements as it walks back,
 * so the body works on a local copy taken at entry ({@code xLocal}), which the transform treats
 * like any local array. Every write into the copy is written through, right after it, into the
 * caller's array, through a second name for it ({@code xCaller}), a {@link Variable#passive}
 * variable: it has no adjoint nor tangent and is never restored. A write through another name
 * that may refer to the parameter's array ({@code double[] y = x; y[i] = a;}, found by
 * {@link ParameterPointsTo}) writes into the copy, since that name then refers to it, and is
 * written through when the name refers to the copy at run time ({@code if (y == xLocal)}).
 * The caller's array therefore changes exactly when and as the original changes it, also when
 * the method throws half-way.
 *
 * <p>The copy would diverge from Java if the caller passed the same array twice (or an array
 * and a matrix holding it as a row): the gradient then throws IllegalArgumentException at entry,
 * loudly, instead of being silently wrong.
 *
 * <p>Writes into the rows of a {@code double[][]} parameter get a deep copy
 * ({@link ParameterMatrixCopies}); a helper writing into a copied array is followed by
 * writing the copy through after the call ({@link CopiedParameterCalls}).
 */
public final class ParameterArrayCopies {
  private final Map<Variable, Variable> copies = new LinkedHashMap<>();
  private final Map<Variable, Variable> callers = new LinkedHashMap<>();
  private final List<Variable> introduced = new ArrayList<>();
  private final Map<Stmt.ArrayWrite, Set<Variable>> aliasWrites = new IdentityHashMap<>();
  private final TypeMirror illegalArgument;

  private final ParameterMatrixCopies matrices;
  private final CopiedParameterCalls calls;

  private ParameterArrayCopies(Elements elements, RuleTable rules) {
    this.illegalArgument = elements.getTypeElement("java.lang.IllegalArgumentException")
        .asType();
    this.matrices = new ParameterMatrixCopies(introduced, illegalArgument);
    this.calls = new CopiedParameterCalls(copies, callers, rules, introduced);
  }

  /** {@code ir} with writes into parameter arrays redirected; {@code ir} itself if none. */
  public static MethodIr apply(MethodIr ir, Elements elements, MethodProblems problems,
      RuleTable rules) {
    ParameterArrayCopies pass = new ParameterArrayCopies(elements, rules);
    IrWalk.statements(ir.body(), s -> {
      if (s instanceof Stmt.ArrayWrite w && w.array() instanceof Expr.VarRef r
          && r.variable().origin() == Variable.Origin.PARAMETER) {
        pass.copyOf(r.variable());
      } else if (s instanceof Stmt.ArrayWrite w && ParameterMatrixCopies.writtenMatrix(w) != null) {
        pass.copyOf(ParameterMatrixCopies.writtenMatrix(w));
      }
      for (Variable p : HelperWrittenParameters.of(s, ir.element(), rules)) {
        pass.copyOf(p);
      }
    });
    pass.throughAliases(ir, problems, rules);
    if (pass.copies.isEmpty()) {
      return ir;
    }
    List<Stmt> body = new ArrayList<>(pass.entry(ir));
    body.add(pass.block(ir.body()));
    List<Variable> locals = new ArrayList<>(ir.locals());
    locals.addAll(pass.introduced);
    return new MethodIr(ir.element(), ir.tree(), ir.unit(), ir.parameters(), ir.differentiated(),
        locals, ir.result(), new Stmt.Block(null, body, ir.body().tree()));
  }

  /**
   * Writes through another name that may refer to a parameter's array ({@code double[] y = x;
   * y[i] = a;}): the parameter gets its copy, which the other name then refers to, and each
   * such write is written through to the caller when the name refers to the copy at run time.
   */
  private void throughAliases(MethodIr ir, MethodProblems problems, RuleTable rules) {
    Set<Variable> parameters = new LinkedHashSet<>();
    for (Variable p : ir.parameters()) {
      if (p.type().isArray()) {
        parameters.add(p);
      }
    }
    if (parameters.isEmpty() || ArrayAliases.of(ir.body()).isEmpty()) {
      return;
    }
    ParameterPointsTo.aliasWrites(parameters, ir.body(), rules).elementWrites()
        .forEach((w, reached) -> {
      String hidden = ParameterAliasWrites.visibility(ir.element(), w, reached);
      if (hidden != null) {
        problems.error(w.tree(), Problem.PARAMETER_WRITE, hidden);
      } else if (ParameterAliasWrites.followed(w, reached)) {
        reached.forEach(this::copyOf);
        aliasWrites.put(w, reached);
      } else {
        ParameterAliasWrites.report(w, reached, problems);
      }
    });
  }

  private void copyOf(Variable parameter) {
    if (copies.containsKey(parameter)) {
      return;
    }
    copies.put(parameter, variable(parameter.sourceName() + "Local", parameter));
    Variable caller = Variable.passive(parameter.sourceName() + "Caller", parameter.type(),
        parameter.declaration());
    introduced.add(caller);
    callers.put(parameter, caller);
  }

  private Variable variable(String name, Variable parameter) {
    Variable v = new Variable(name, parameter.type(), Variable.Origin.TEMPORARY,
        parameter.declaration());
    introduced.add(v);
    return v;
  }

  /** The checks against aliasing, the caller's second name and the copies, at entry. */
  private List<Stmt> entry(MethodIr ir) {
    List<Stmt> out = new ArrayList<>();
    for (Map.Entry<Variable, Variable> e : copies.entrySet()) {
      Variable p = e.getKey();
      Tree at = p.declaration();
      if (ParameterMatrixCopies.isMatrix(p)) {
        out.addAll(matrices.entry(p, e.getValue(), callers.get(p), ir.parameters()));
        continue;
      }
      for (Variable other : ir.parameters()) {
        if (other == p) {
          continue;
        }
        if (other.type().equals(p.type())) {
          out.add(throwIf(same(new Expr.VarRef(other, at), p, at), p, other.sourceName(), at));
        } else if (other.type().isArray() && other.type().elementType().equals(p.type())) {
          out.add(forEachIndex(other, k -> throwIf(same(new Expr.ArrayRead(
              new Expr.VarRef(other, at), k, p.type(), at), p, at), p, "a row of "
              + other.sourceName(), at), at));
        }
      }
      out.add(new Stmt.Assign(callers.get(p), new Expr.VarRef(p, at), true, at));
      Variable copy = e.getValue();
      out.add(new Stmt.Assign(copy, new Expr.NewArray(p.type(),
          List.of(new Expr.ArrayLength(new Expr.VarRef(p, at), at)), at), true, at));
      out.add(forEachIndex(p, k -> new Stmt.ArrayWrite(new Expr.VarRef(copy, at), k,
          new Expr.ArrayRead(new Expr.VarRef(p, at), k, p.type().elementType(), at), at), at));
    }
    return out;
  }

  private static Expr same(Expr a, Variable p, Tree at) {
    return new Expr.Binary(BinaryOp.EQUAL, a, new Expr.VarRef(p, at), IrType.BOOLEAN, at);
  }

  private Stmt throwIf(Expr condition, Variable p, String other, Tree at) {
    String message = "the gradient of this method takes a copy of '" + p.sourceName()
        + "', which it writes into, so " + other + " must not be the same array";
    Expr error = new Expr.NewObject(illegalArgument, List.of(new Expr.Literal(IrType.STRING,
        quoted(message), at)), IrType.other(illegalArgument), at);
    return new Stmt.If(condition, new Stmt.Block(null, List.of(new Stmt.Throw(error, at)), at),
        new Stmt.Block(null, List.of(), at), at);
  }

  private static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** {@code for (int k = 0; k < array.length; k++) body(k)}, a counted loop. */
  private Stmt forEachIndex(Variable array, java.util.function.Function<Expr, Stmt> body,
      Tree at) {
    return CountedLoop.upTo(new Expr.ArrayLength(new Expr.VarRef(array, at), at),
        k -> body.apply(new Expr.VarRef(k, at)), at, introduced);
  }

  /** {@code e} reading the copies instead of the parameters. */
  private Expr redirect(Expr e) {
    if (e instanceof Expr.VarRef r && copies.containsKey(r.variable())) {
      return new Expr.VarRef(copies.get(r.variable()), r.tree());
    }
    return Rewrite.operands(e, this::redirect);
  }

  private Stmt.Block block(Stmt.Block b) {
    List<Stmt> out = new ArrayList<>();
    for (Stmt s : b.stmts()) {
      s.accept(new Redirect(out));
    }
    return new Stmt.Block(b.label(), out, b.tree());
  }

  /** Rewrites one statement onto the copies, writing each write through to the caller. */
  private final class Redirect implements Stmt.Visitor<Void> {
    private final List<Stmt> out;

    Redirect(List<Stmt> out) {
      this.out = out;
    }

    @Override
    public Void visitAssign(Stmt.Assign a) {
      out.add(new Stmt.Assign(a.target(), redirect(a.value()), a.declaration(), a.tree()));
      out.addAll(calls.after(a));
      return null;
    }

    @Override
    public Void visitArrayWrite(Stmt.ArrayWrite w) {
      Expr array = redirect(w.array());
      Expr index = redirect(w.index());
      Variable parameter = w.array() instanceof Expr.VarRef r ? r.variable() : null;
      Variable caller = parameter == null ? null : callers.get(parameter);
      Variable matrix = ParameterMatrixCopies.writtenMatrix(w);
      Expr rowIndex = null;
      if (matrix != null) {
        // m[i][j]: the row index too is evaluated once
        rowIndex = held(((Expr.ArrayRead) array).index(), w);
        array = new Expr.ArrayRead(new Expr.VarRef(copies.get(matrix), w.tree()), rowIndex,
            array.type(), w.tree());
      }
      Set<Variable> reached = aliasWrites.getOrDefault(w, Set.of());
      if (reached.stream().anyMatch(ParameterMatrixCopies::isMatrix) && !stableRow(array)) {
        Variable row = new Variable("row", array.type(), Variable.Origin.TEMPORARY, w.tree());
        introduced.add(row);
        out.add(new Stmt.Assign(row, array, true, w.tree()));
        array = new Expr.VarRef(row, w.tree());
      }
      if (caller != null || matrix != null || !reached.isEmpty()) {
        // The index is evaluated once, before the value, as Java does.
        index = held(index, w);
      }
      out.add(new Stmt.ArrayWrite(array, index, redirect(w.value()), w.tree()));
      if (caller != null) {
        out.add(new Stmt.ArrayWrite(new Expr.VarRef(caller, w.tree()), index,
            new Expr.ArrayRead(array, index, parameter.type().elementType(), w.tree()),
            w.tree()));
      }
      if (matrix != null) {
        out.add(ParameterMatrixCopies.throughRow(copies.get(matrix), callers.get(matrix),
            rowIndex, index, w.tree()));
      }
      for (Variable p : reached) {
        if (ParameterMatrixCopies.isMatrix(p)) {
          out.add(matrices.throughRows(array, index, copies.get(p), callers.get(p), w.tree()));
          continue;
        }
        // if (y == xLocal) xCaller[i] = y[i];
        Stmt through = new Stmt.ArrayWrite(new Expr.VarRef(callers.get(p), w.tree()), index,
            new Expr.ArrayRead(array, index, p.type().elementType(), w.tree()), w.tree());
        out.add(new Stmt.If(new Expr.Binary(BinaryOp.EQUAL, array,
            new Expr.VarRef(copies.get(p), w.tree()), IrType.BOOLEAN, w.tree()),
            new Stmt.Block(null, List.of(through), w.tree()),
            new Stmt.Block(null, List.of(), w.tree()), w.tree()));
      }
      return null;
    }

    /** {@code index} itself if it can be evaluated again, else held in a temporary. */
    private Expr held(Expr index, Stmt.ArrayWrite w) {
      if (reevaluable(index)) {
        return index;
      }
      Variable held = new Variable("at", index.type(), Variable.Origin.TEMPORARY, w.tree());
      introduced.add(held);
      out.add(new Stmt.Assign(held, index, true, w.tree()));
      return new Expr.VarRef(held, w.tree());
    }

    @Override
    public Void visitEval(Stmt.Eval e) {
      out.add(new Stmt.Eval(redirect(e.expr()), e.tree()));
      out.addAll(calls.after(e));
      return null;
    }

    @Override
    public Void visitBlock(Stmt.Block b) {
      out.add(block(b));
      return null;
    }

    @Override
    public Void visitIf(Stmt.If i) {
      out.add(new Stmt.If(redirect(i.condition()), block(i.thenPart()), block(i.elsePart()),
          i.tree()));
      return null;
    }

    @Override
    public Void visitLoop(Stmt.Loop l) {
      List<Stmt> update = new ArrayList<>();
      for (Stmt u : l.update()) {
        u.accept(new Redirect(update));
      }
      Stmt.Counter counter = l.counter() == null ? null : new Stmt.Counter(
          l.counter().variable(), redirect(l.counter().start()), l.counter().step());
      out.add(new Stmt.Loop(l.label(), l.condition() == null ? null : redirect(l.condition()),
          block(l.body()), update, l.testFirst(), counter, l.tree()));
      return null;
    }

    @Override
    public Void visitBreak(Stmt.Break node) {
      out.add(node);
      return null;
    }

    @Override
    public Void visitContinue(Stmt.Continue node) {
      out.add(node);
      return null;
    }

    @Override
    public Void visitReturn(Stmt.Return node) {
      out.add(node);
      return null;
    }

    @Override
    public Void visitThrow(Stmt.Throw t) {
      out.add(new Stmt.Throw(redirect(t.exception()), t.tree()));
      return null;
    }

    @Override
    public Void visitAccumulate(Stmt.Accumulate node) {
      throw AdjointOnly.in("parameter-array-copies", node);
    }

    @Override
    public Void visitComment(Stmt.Comment node) {
      throw AdjointOnly.in("parameter-array-copies", node);
    }

    @Override
    public Void visitPush(Stmt.Push node) {
      throw AdjointOnly.in("parameter-array-copies", node);
    }

    @Override
    public Void visitIncrement(Stmt.Increment node) {
      throw AdjointOnly.in("parameter-array-copies", node);
    }

    @Override
    public Void visitIndexLoop(Stmt.IndexLoop node) {
      throw AdjointOnly.in("parameter-array-copies", node);
    }
  }

  /** A row that evaluates to the same array right after the write: {@code r}, {@code k[i]}. */
  private static boolean stableRow(Expr row) {
    return row instanceof Expr.VarRef || row instanceof Expr.ArrayRead a
        && a.array() instanceof Expr.VarRef && reevaluable(a.index());
  }

  /** An index that evaluates to the same value right after the write: no calls, no reads. */
  private static boolean reevaluable(Expr index) {
    boolean[] ok = {true};
    IrWalk.expressions(index, n -> {
      if (n instanceof Expr.Call || n instanceof Expr.ArrayRead || n instanceof Expr.FieldRef
          || n instanceof Expr.NewObject) {
        ok[0] = false;
      }
    });
    return ok[0];
  }
}
