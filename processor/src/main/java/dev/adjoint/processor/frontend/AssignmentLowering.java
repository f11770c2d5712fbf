package dev.adjoint.processor.frontend;

import static dev.adjoint.processor.frontend.ExpressionLowering.binaryOp;
import static dev.adjoint.processor.frontend.ExpressionLowering.binaryType;
import static dev.adjoint.processor.frontend.ExpressionLowering.isPoison;
import static dev.adjoint.processor.frontend.ExpressionLowering.poison;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.CompoundAssignmentTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.UnaryTree;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.List;

/**
 * Lowers assignments, compound assignments and increments, as statements or as values, into
 * variable and element writes, keeping Java's evaluation order; refuses writes to fields,
 * parameters' arrays, rows and aliases.
 */
final class AssignmentLowering {
  private final LoweringContext context;
  private final Symbols symbols;
  private final MethodProblems problems;
  private final Scope scope;
  private final RecordLowering records;
  private final ExpressionLowering expressions;

  AssignmentLowering(LoweringContext context) {
    this.context = context;
    this.symbols = context.symbols();
    this.problems = context.problems();
    this.scope = context.scope();
    this.records = context.records();
    this.expressions = context.expressions();
  }

  private Expr lower(ExpressionTree tree, List<Stmt> out) {
    return expressions.lower(tree, out);
  }

  private Expr unsupported(Tree tree, Problem problem, String message) {
    return expressions.unsupported(tree, problem, message);
  }
  /** Lowers an assignment, compound assignment or increment used as a statement. */
  void assignment(ExpressionTree tree, List<Stmt> out) {
    assign(tree, out, false);
  }

  /**
   * An assignment or increment used as a value ({@code x[k++]}, {@code a[n++] = v},
   * {@code (s += e) > t}): its write becomes a statement appended to {@code out}, and its value
   * is read back (for {@code i++}, the old value is held first). Java's order is kept by
   * {@link EvaluationOrder}; where an operand is evaluated only sometimes ({@code ?:},
   * {@code &&}, {@code ||}) no statement can run before it, and that is an error.
   */
  Expr assignmentExpression(ExpressionTree tree, List<Stmt> out) {
    if (!expressions.canHoist()) {
      return unsupported(tree, Problem.CONDITIONAL_OPERAND,
          "an assignment or increment inside an operand of ?:, && or ||"
          + " is not supported, because that operand is evaluated only sometimes; make it a"
          + " statement of its own (in an if statement)");
    }
    Expr value = assign(tree, out, true);
    return value == null ? poison(tree) : value;
  }

  private static boolean isPostfix(Tree tree) {
    return tree.getKind() == Tree.Kind.POSTFIX_INCREMENT
        || tree.getKind() == Tree.Kind.POSTFIX_DECREMENT;
  }

  /**
   * Appends the write of an assignment, compound assignment or increment to {@code out} and
   * returns the expression's value (when {@code asValue}; null after an error, or when not).
   */
  private Expr assign(ExpressionTree tree, List<Stmt> out, boolean asValue) {
    ExpressionTree targetTree;
    if (tree instanceof AssignmentTree a) {
      targetTree = a.getVariable();
    } else if (tree instanceof CompoundAssignmentTree c) {
      targetTree = c.getVariable();
    } else {
      targetTree = ((UnaryTree) tree).getExpression();
    }
    targetTree = TreeShapes.stripParentheses(targetTree);
    if (targetTree instanceof ArrayAccessTree access) {
      return elementAssignment(tree, access, out, asValue);
    }
    Variable target = assignable(targetTree);
    if (target == null) {
      return null;
    }
    Expr current = new Expr.VarRef(target, targetTree);
    Expr old = null;
    if (asValue && isPostfix(tree)) {
      old = hold(current, tree, out);
    }
    Expr value = assignedValue(tree, current, out);
    if (ArrayReferenceValues.rejected(target.type(), value, tree, problems)) {
      return null;
    }
    out.add(new Stmt.Assign(target, value, false, tree));
    return !asValue ? null : old != null ? old : new Expr.VarRef(target, tree);
  }

  /** {@code value} in a new temporary appended to {@code out}. */
  private Expr hold(Expr value, Tree tree, List<Stmt> out) {
    Variable held = context.newTemporary("evaluated", value.type(), tree);
    out.add(new Stmt.Assign(held, value, true, tree));
    return new Expr.VarRef(held, tree);
  }

  /**
   * The value an assignment stores into {@code current}: the right-hand side, or for
   * {@code op=}, {@code ++} and {@code --} the operation on the current value, cast back to its
   * type as Java's compound assignment does. Java reads the current value before it evaluates
   * the right-hand side.
   */
  private Expr assignedValue(ExpressionTree tree, Expr current, List<Stmt> out) {
    if (tree instanceof AssignmentTree a) {
      return lower(a.getExpression(), out);
    }
    if (tree instanceof CompoundAssignmentTree c) {
      int mark = out.size();
      Expr operand = lower(c.getExpression(), out);
      current = expressions.evaluatedBefore(List.of(current), out, mark, c.getExpression()).get(0);
      return compoundValue(tree, current, operand);
    }
    return compoundValue(tree, current, new Expr.Literal(IrType.INT, "1", tree));
  }

  /** {@code current op operand} for {@code op=}, {@code ++}, {@code --}, cast back. */
  private static Expr compoundValue(ExpressionTree tree, Expr current, Expr operand) {
    BinaryOp op;
    if (tree instanceof CompoundAssignmentTree c) {
      op = binaryOp(c.getKind());
    } else {
      boolean up = tree.getKind() == Tree.Kind.PREFIX_INCREMENT
          || tree.getKind() == Tree.Kind.POSTFIX_INCREMENT;
      op = up ? BinaryOp.PLUS : BinaryOp.MINUS;
    }
    IrType target = current.type();
    if (op == BinaryOp.PLUS && target.kind() == IrType.Kind.STRING) {
      return new Expr.Binary(BinaryOp.CONCAT, current, operand, IrType.STRING, tree);
    }
    IrType type = binaryType(op, target, operand.type());
    Expr value = new Expr.Binary(op, current, operand, type, tree);
    return type.equals(target) ? value : new Expr.Cast(target, value, tree);
  }

  private Expr elementAssignment(ExpressionTree tree, ArrayAccessTree access, List<Stmt> out,
      boolean asValue) {
    Expr array = lower(access.getExpression(), out);
    if (array instanceof Expr.Conditional && array.type().isArray() && expressions.canHoist()) {
      // (c ? h : y)[i] = v: through a temporary alias, as double[] t = c ? h : y; t[i] = v;
      array = hold(array, access.getExpression(), out);
    }
    int mark = out.size();
    Expr index = lower(access.getIndex(), out);
    array = expressions.evaluatedBefore(List.of(array), out, mark, access.getIndex()).get(0);
    if (isPoison(array)) {
      return null;
    }
    Variable root = dev.adjoint.processor.ir.IrWalk.root(array);
    boolean intoCall = root == null
        && dev.adjoint.processor.normalize.CallResultWrites.intoCallResult(array);
    if (root == null && !intoCall || !array.type().isArray()) {
      problems.error(access, Problem.FIELD_WRITE,
          "only elements of local arrays can be assigned in a"
          + " @Differentiable method");
      return null;
    }
    // a write into a call's result is checked once the call is read as its argument
    String parameterProblem = intoCall ? null
        : ParameterWrites.problem(root, array, context.method());
    if (parameterProblem != null) {
      problems.error(access, Problem.PARAMETER_WRITE, parameterProblem);
      return null;
    }
    IrType elementType = array.type().elementType();
    if (tree instanceof AssignmentTree) {
      // Java evaluates the array and the index, then the right-hand side.
      int valueMark = out.size();
      Expr value = assignedValue(tree, null, out);
      value = value.type().isArray() && value instanceof Expr.Call ? hold(value, tree, out)
          : value;
      if (ArrayReferenceValues.rejected(elementType, value, tree, problems)) {
        return null;
      }
      List<Expr> place = expressions.evaluatedBefore(List.of(array, index), out, valueMark,
          ((AssignmentTree) tree).getExpression());
      array = place.get(0);
      index = place.get(1);
      if (isPoison(array) || isPoison(index)) {
        return null;
      }
      out.add(new Stmt.ArrayWrite(array, index, value, tree));
      return asValue ? new Expr.ArrayRead(array, index, elementType, access) : null;
    }
    Expr current = new Expr.ArrayRead(array, index, elementType, access);
    if (tree instanceof CompoundAssignmentTree c) {
      // Java evaluates the array, the index and the element, then the right-hand side.
      int valueMark = out.size();
      Expr operand = lower(c.getExpression(), out);
      List<Expr> place = expressions.evaluatedBefore(List.of(array, index, current), out, valueMark,
          c.getExpression());
      if (place.stream().anyMatch(ExpressionLowering::isPoison)) {
        return null;
      }
      array = place.get(0);
      index = place.get(1);
      Expr value = compoundValue(tree, place.get(2), operand);
      out.add(new Stmt.ArrayWrite(array, index, value, tree));
      return asValue ? new Expr.ArrayRead(array, index, elementType, access) : null;
    }
    Expr old = asValue && isPostfix(tree) ? hold(current, tree, out) : null;
    Expr value = assignedValue(tree, current, out);
    out.add(new Stmt.ArrayWrite(array, index, value, tree));
    return !asValue ? null : old != null ? old : new Expr.ArrayRead(array, index, elementType,
        access);
  }

  private Variable assignable(ExpressionTree targetTree) {
    if (targetTree instanceof IdentifierTree id) {
      Variable v = scope.lookup(id.getName().toString());
      if (v != null) {
        return v;
      }
      if (scope.synonym(id.getName().toString()) != null
          || records.isRecord(id.getName().toString())) {
        problems.error(targetTree, Problem.ALIAS_ASSIGNMENT, "'" + id.getName() + "' stands for "
            + (records.isRecord(id.getName().toString()) ? "a record parameter"
                : "a row or a record's component") + ", and cannot be assigned in a"
            + " @Differentiable method; declare a local array of its own and copy the elements");
        return null;
      }
      if (symbols.resolveField(id.getName().toString()).isPresent()) {
        problems.error(targetTree, Problem.FIELD_WRITE,
            "assigning to field '" + id.getName() + "' is not supported in"
            + " a @Differentiable method: no derivative can follow a value through a field; keep"
            + " it in a local variable or return it");
        return null;
      }
      problems.failSilently();
      return null;
    }
    problems.error(targetTree, Problem.FIELD_WRITE,
        "assigning to '" + targetTree + "' is not supported in a"
        + " @Differentiable method: no derivative can follow a value through a field; keep it"
        + " in a local variable or return it");
    return null;
  }
}
