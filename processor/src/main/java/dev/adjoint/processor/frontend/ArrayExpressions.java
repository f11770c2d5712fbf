package dev.adjoint.processor.frontend;

import static dev.adjoint.processor.frontend.ExpressionLowering.isPoison;
import static dev.adjoint.processor.frontend.ExpressionLowering.poison;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.Tree;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * Lowers arrays in expressions: element reads, allocations and initializers (of a declaration or
 * inside an expression, where they become a local array of their own).
 */
final class ArrayExpressions {
  private final LoweringContext context;
  private final ExpressionLowering expressions;

  ArrayExpressions(LoweringContext context) {
    this.context = context;
    this.expressions = context.expressions();
  }

  private Expr lower(ExpressionTree tree, List<Stmt> out) {
    return expressions.lower(tree, out);
  }

  private Expr unsupported(Tree tree, Problem problem, String message) {
    return expressions.unsupported(tree, problem, message);
  }
  Expr arrayRead(ArrayAccessTree access, List<Stmt> out) {
    Expr array = lower(access.getExpression(), out);
    int mark = out.size();
    Expr index = lower(access.getIndex(), out);
    array = expressions.evaluatedBefore(List.of(array), out, mark, access.getIndex()).get(0);
    if (isPoison(array)) {
      return array;
    }
    if (!array.type().isArray()) {
      return unsupported(access, Problem.UNSUPPORTED_TYPE,
          "only arrays of double, double[], int and boolean can be"
          + " indexed in a @Differentiable method");
    }
    return elementOf(array, index, access);
  }

  /**
   * {@code array[index]}; of an array chosen by {@code ?:}, the element chosen the same way
   * ({@code (c ? h : y)[i]} is {@code c ? h[i] : y[i]}): Java evaluates the condition, then
   * the chosen array, then the index, as the distributed form does, and the index's own
   * statements were already placed before the expression, so only one copy of it runs.
   */
  private Expr elementOf(Expr array, Expr index, Tree access) {
    if (isPoison(array)) {
      return array;
    }
    if (!array.type().isArray()) { // null as one of the arrays ?: chooses
      return unsupported(array.tree() != null ? array.tree() : access, Problem.ARRAY_ALIAS,
          "an array chosen by ?: cannot be null in a @Differentiable method: the"
          + " gradient follows each array with an adjoint array of its shape; give it an array"
          + " (new double[n])");
    }
    if (array instanceof Expr.Conditional c) {
      Expr whenTrue = elementOf(c.whenTrue(), index, access);
      Expr whenFalse = elementOf(c.whenFalse(), index, access);
      if (isPoison(whenTrue) || isPoison(whenFalse)) {
        return isPoison(whenTrue) ? whenTrue : whenFalse;
      }
      return new Expr.Conditional(c.condition(), whenTrue, whenFalse,
          array.type().elementType(), access);
    }
    return new Expr.ArrayRead(array, index, array.type().elementType(), access);
  }

  /**
   * The array value of a local declaration: {@code new double[n]}, {@code new double[n][m]},
   * or an initializer {@code {a, b}}, whose elements become writes appended to {@code out}
   * after the declaration.
   */
  Expr newArray(ExpressionTree init, IrType type, List<Stmt> before, List<Expr> elements) {
    if (!(init instanceof NewArrayTree n)) {
      return null;
    }
    if (n.getInitializers() != null) {
      if (type.kind() == IrType.Kind.DOUBLE_MATRIX) {
        return matrixInitializer(n, before, elements);
      }
      for (ExpressionTree e : n.getInitializers()) {
        elements.add(lower(e, before));
      }
      Expr size = Expr.Literal.ofInt(elements.size());
      return new Expr.NewArray(type, List.of(size), init);
    }
    List<Expr> dims = new ArrayList<>();
    for (ExpressionTree d : n.getDimensions()) {
      dims.add(lower(d, before));
    }
    return new Expr.NewArray(type, dims, init);
  }

  /**
   * {@code new double[n]} or {@code new double[] {a, b}} inside an expression (an argument,
   * a returned value): a local array of its own, allocated and filled just before the
   * expression, as if the user had declared it there (inside a loop, normalization hoists it).
   */
  Expr arrayInExpression(NewArrayTree n, List<Stmt> out) {
    if (!expressions.canHoist()) {
      return unsupported(n, Problem.CONDITIONAL_OPERAND,
          "a new array inside an operand of ?:, && or || is not supported,"
          + " because that operand is evaluated only sometimes; declare it as a local array"
          + " first");
    }
    IrType type = context.declarations().newArrayType(n);
    if (type == null) {
      return poison(n);
    }
    if (!type.isArray()) {
      return unsupported(n, Problem.UNSUPPORTED_TYPE,
          "arrays of " + type + " are not supported in a @Differentiable"
          + " method");
    }
    List<Expr> elements = new ArrayList<>();
    Expr init = newArray(n, type, out, elements);
    if (isPoison(init)) {
      return init;
    }
    Variable array = context.newTemporary("array", type, n);
    out.add(new Stmt.Assign(array, init, true, n));
    context.declarations().initializeElements(array, (Expr.NewArray) init, elements, n, out);
    return new Expr.VarRef(array, n);
  }

  /** A rectangular {@code {{a, b}, {c, d}}}: rows of equal length, element by element. */
  private Expr matrixInitializer(NewArrayTree n, List<Stmt> before, List<Expr> elements) {
    int columns = -1;
    for (ExpressionTree row : n.getInitializers()) {
      if (!(row instanceof NewArrayTree r) || r.getInitializers() == null
          || (columns >= 0 && r.getInitializers().size() != columns)) {
        return unsupported(row, Problem.RAGGED_MATRIX,
            "matrix initializers must be rectangular rows of values; build"
            + " ragged matrices with new double[n][] and row assignments");
      }
      columns = r.getInitializers().size();
      for (ExpressionTree e : r.getInitializers()) {
        elements.add(lower(e, before));
      }
    }
    List<Expr> dims = List.of(Expr.Literal.ofInt(n.getInitializers().size()),
        Expr.Literal.ofInt(Math.max(columns, 0)));
    return new Expr.NewArray(IrType.DOUBLE_MATRIX, dims, n);
  }
}
