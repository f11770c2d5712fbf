package dev.adjoint.processor.frontend;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lowers local declarations: scalar locals, {@code var}, local arrays (allocation, initializer,
 * row alias, copies) and the element writes of array initializers; checks, once the method is
 * lowered, that no row alias outlives the index it was taken at.
 */
final class LocalDeclarations {
  private final LoweringContext context;
  private final Symbols symbols;
  private final MethodProblems problems;
  private final Scope scope;
  private final ExpressionLowering expressions;
  private final ArrayExpressions arrayExpressions;
  private final RecordLowering records;
  private final RecordLocals recordLocals;
  private final ArrayCopies arrays;

  LocalDeclarations(LoweringContext context) {
    this.context = context;
    this.symbols = context.symbols();
    this.problems = context.problems();
    this.scope = context.scope();
    this.expressions = context.expressions();
    this.arrayExpressions = context.arrayExpressions();
    this.records = context.records();
    this.recordLocals = context.recordLocals();
    this.arrays = context.arrays();
  }
  /**
   * A local declaration. {@code var} takes the type of its initializer and is then lowered
   * exactly as if that type were written: arrays go through the same rules (allocation, row
   * alias, no aliasing of another array) as {@code double[] y = ...}.
   */
  void variable(VariableTree v, List<Stmt> out) {
    if (recordLocals.declaration(v, TreeShapes.isVar(v), out)) {
      return;
    }
    IrType type;
    Expr lowered = null;
    if (TreeShapes.isVar(v)) {
      if (v.getInitializer() == null) {
        problems.failSilently(); // javac: 'var' without initializer
        return;
      }
      ExpressionTree init = TreeShapes.stripParentheses(v.getInitializer());
      if (init instanceof NewArrayTree n) {
        type = newArrayType(n);
        if (type == null) {
          return;
        }
      } else if (TreeShapes.arrayCloneReceiver(init) != null) {
        type = expressions.peekType(TreeShapes.arrayCloneReceiver(init));
      } else if (arrays.copyOfSource(init) != null) {
        type = expressions.peekType(arrays.copyOfSource(init));
      } else {
        lowered = expressions.lower(v.getInitializer(), out);
        type = lowered.type();
        if (ExpressionLowering.isPoison(lowered)) {
          return; // already reported, or left to javac
        }
        if (type.kind() == IrType.Kind.NULL || type.kind() == IrType.Kind.VOID) {
          problems.failSilently(); // javac: cannot infer a type from null or void
          return;
        }
      }
    } else {
      type = symbols.typeOf(v.getType()).orElse(null);
      if (type == null) {
        if (Symbols.isNamedType(v.getType())) {
          problems.failSilently(); // javac reports the unknown type itself
        } else {
          problems.error(v.getType(), Problem.UNSUPPORTED_TYPE,
              "local variables of type " + v.getType() + " are not"
              + " supported in a @Differentiable method");
        }
        return;
      }
    }
    if (!isSupportedLocalType(type)) {
      problems.error(v.getType() != null ? v.getType() : v, Problem.UNSUPPORTED_TYPE,
          "local variables of type " + type
          + " are not supported in a @Differentiable method" + floatHint(type));
      return;
    }
    if (type.isArray()) {
      arrayVariable(v, type, lowered, out);
      return;
    }
    Expr init = lowered != null ? lowered
        : v.getInitializer() == null ? null : expressions.lower(v.getInitializer(), out);
    Variable local = context.declareLocal(v, type);
    if (init != null) {
      out.add(new Stmt.Assign(local, init, true, v));
    }
  }

  /** The type of {@code new double[n]}, {@code new double[n][]}, {@code new double[][]{...}}. */
  IrType newArrayType(NewArrayTree n) {
    if (n.getType() == null) {
      problems.failSilently(); // var x = {a, b}: javac reports it
      return null;
    }
    java.util.Optional<javax.lang.model.type.TypeMirror> element =
        symbols.typeOf(n.getType()).map(symbols::mirror);
    if (element.isEmpty()) {
      problems.failSilently(); // an unknown element type: javac reports it
      return null;
    }
    javax.lang.model.type.TypeMirror array = element.get();
    int levels = Math.max(n.getDimensions().size(), 1);
    for (int i = 0; i < levels; i++) {
      array = symbols.types().getArrayType(array);
    }
    return symbols.irType(array);
  }

  private static String floatHint(IrType type) {
    return type.kind() == IrType.Kind.FLOAT ? "; use double, the type Adjoint differentiates" : "";
  }

  private static boolean isSupportedLocalType(IrType type) {
    return type.kind() != IrType.Kind.FLOAT && type.kind() != IrType.Kind.VOID
        && type.kind() != IrType.Kind.NULL;
  }

  /**
   * A local array: allocated once, by {@code new} or an initializer, outside loops, and never
   * reassigned, so that the reverse sweep sees the same array and its adjoint the same shape.
   */
  private void arrayVariable(VariableTree v, IrType type, Expr lowered, List<Stmt> out) {
    ExpressionTree initTree = v.getInitializer() == null ? null
        : TreeShapes.stripParentheses(v.getInitializer());
    if (initTree != null && initTree.getKind() == Tree.Kind.ARRAY_ACCESS) {
      rowAlias(v, lowered, out);
      return;
    }
    if (records.aliasComponent(v, lowered, initTree, scope)) {
      return;
    }
    if (initTree == null) {
      // assigned later (in branches, a switch, a loop): Java's definite assignment guarantees
      // a value before any use, and the shadow follows the same assignments
      context.declareLocal(v, type);
      return;
    }
    if (lowered == null && TreeShapes.arrayCloneReceiver(initTree) != null
        && arrays.arrayCopy(v, type, TreeShapes.arrayCloneReceiver(initTree), out)) {
      return;
    }
    if (lowered == null && arrays.copyOfSource(initTree) != null
        && arrays.arrayCopyOf(v, type, (MethodInvocationTree) initTree, out)) {
      return;
    }
    List<Expr> elements = new ArrayList<>();
    Expr init = lowered == null ? arrayExpressions.newArray(initTree, type, out, elements) : null;
    if (init == null && initTree instanceof MethodInvocationTree) {
      init = lowered != null ? lowered : expressions.arrayValue(initTree, out);
      if (ExpressionLowering.isPoison(init)) {
        context.declareLocal(v, type);
        return;
      }
    }
    init = init != null ? init : expressions.lower(initTree, out); // a reference: ArrayAliases
    if (ArrayReferenceValues.rejected(type, init, v.getInitializer(), problems)) {
      context.declareLocal(v, type);
      return;
    }
    Variable local = context.declareLocal(v, type);
    out.add(new Stmt.Assign(local, init, true, v));
    if (init instanceof Expr.NewArray n) {
      initializeElements(local, n, elements, v, out);
    }
  }

  /** The element writes of an initializer {@code {a, b}} or {@code {{a, b}, {c, d}}}. */
  void initializeElements(Variable local, Expr.NewArray n, List<Expr> elements, Tree v,
      List<Stmt> out) {
    if (elements.isEmpty()) {
      return;
    }
    boolean matrix = local.type().kind() == IrType.Kind.DOUBLE_MATRIX;
    int columns = matrix ? Integer.parseInt(((Expr.Literal) n.dimensions().get(1)).text()) : 0;
    for (int k = 0; k < elements.size(); k++) {
      Expr element = elements.get(k);
      Expr array = new Expr.VarRef(local, v);
      int index = k;
      if (matrix) {
        array = new Expr.ArrayRead(array, Expr.Literal.ofInt(k / columns), IrType.DOUBLE_ARRAY,
            element.tree());
        index = k % columns;
      }
      out.add(new Stmt.ArrayWrite(array, Expr.Literal.ofInt(index), element, element.tree()));
    }
  }

  /** A row alias still to be checked: nothing it depends on may change while it is in scope. */
  private record RowAlias(String name, Expr row, List<Stmt> block, int from) {}

  private final List<RowAlias> rowAliases = new ArrayList<>();

  /**
   * {@code double[] row = m[i];} makes {@code row} another name for {@code m[i]}, as in a
   * for-each over rows: no array is aliased, and reads and writes through it are reads and writes
   * of {@code m[i]}. It is checked, once the method is lowered, that {@code i} does not change
   * while {@code row} is in scope.
   */
  private void rowAlias(VariableTree v, Expr lowered, List<Stmt> out) {
    Expr row = lowered != null ? lowered : expressions.lower(v.getInitializer(), out);
    if (ExpressionLowering.isPoison(row)) {
      context.declareLocal(v, IrType.DOUBLE_ARRAY);
      return;
    }
    if (!(row instanceof Expr.ArrayRead read) || !read.type().isArray()
        || RowReferences.needsVariable(v, context.tree())) {
      out.add(new Stmt.Assign(context.declareLocal(v, IrType.DOUBLE_ARRAY), row, true, v));
      return;
    }
    scope.declareSynonym(v.getName().toString(), row);
    rowAliases.add(new RowAlias(v.getName().toString(), row, out, out.size()));
  }

  void checkRowAliases() {
    for (RowAlias alias : rowAliases) {
      java.util.Set<Variable> dependencies = new java.util.HashSet<>();
      dev.adjoint.processor.ir.IrWalk.expressions(alias.row(), e -> {
        if (e instanceof Expr.VarRef r) {
          dependencies.add(r.variable());
        }
      });
      for (Stmt s : alias.block().subList(alias.from(), alias.block().size())) {
        dev.adjoint.processor.ir.IrWalk.statements(s, c -> {
          if (c instanceof Stmt.Assign a && dependencies.contains(a.target())) {
            problems.error(c.tree(), Problem.ARRAY_ALIAS,
                "'" + a.target().sourceName() + "' changes while '"
                + alias.name() + "' stands for " + alias.row().tree() + "; index the matrix"
                + " directly instead");
          }
        });
      }
    }
  }
}
