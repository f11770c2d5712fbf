package dev.adjoint.processor.frontend;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.SwitchExpressionTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.UnaryTree;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.UnaryOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Front end for expressions: dispatches over expression kinds, types every node with the
 * processor's own rules (JLS numeric promotion), lowers operators, and keeps Java's evaluation
 * order when side effects are lowered out of expressions. Names, arrays, calls and assignments
 * have lowerings of their own ({@link NameLowering}, {@link ArrayExpressions},
 * {@link CallLowering}, {@link AssignmentLowering}). Statements an expression needs first (a
 * switch expression) are appended to {@code out}.
 */
final class ExpressionLowering {
  private final Symbols symbols;
  private final MethodProblems problems;
  private final Scope scope;
  private final LoweringContext context;
  private final RecordLowering records;
  /** Depth of operands evaluated only sometimes or repeatedly, where nothing can be hoisted. */
  private int noHoisting;

  ExpressionLowering(Symbols symbols, MethodProblems problems, Scope scope,
      LoweringContext context, RecordLowering records) {
    this.symbols = symbols;
    this.problems = problems;
    this.scope = scope;
    this.context = context;
    this.records = records;
  }

  /** The value of a local array's initializer or of a returned array. */
  Expr arrayValue(ExpressionTree tree, List<Stmt> out) {
    return lower(tree, out);
  }

  /** The type an expression would have, without reporting or keeping anything. */
  IrType peekType(ExpressionTree tree) {
    problems.mute();
    try {
      return lower(tree, new ArrayList<>()).type();
    } finally {
      problems.unmute();
    }
  }

  IrType unify(IrType a, IrType b) {
    if (a.isNumeric() && b.isNumeric()) {
      return IrType.promote(a, b);
    }
    return a.kind() == IrType.Kind.NULL ? b : a;
  }

  Expr lower(ExpressionTree tree, List<Stmt> out) {
    switch (tree.getKind()) {
      case PARENTHESIZED:
        return lower(((ParenthesizedTree) tree).getExpression(), out);
      case INT_LITERAL:
        return literal(tree, IrType.INT);
      case LONG_LITERAL:
        return literal(tree, IrType.LONG);
      case FLOAT_LITERAL:
        return literal(tree, IrType.FLOAT);
      case DOUBLE_LITERAL:
        return literal(tree, IrType.DOUBLE);
      case BOOLEAN_LITERAL:
        return literal(tree, IrType.BOOLEAN);
      case CHAR_LITERAL:
        return literal(tree, IrType.CHAR);
      case STRING_LITERAL:
        return literal(tree, IrType.STRING);
      case NULL_LITERAL:
        return literal(tree, IrType.NULL);
      case IDENTIFIER:
        return context.names().identifier((IdentifierTree) tree);
      case MEMBER_SELECT:
        return context.names().memberSelect((MemberSelectTree) tree, out);
      case UNARY_MINUS:
      case UNARY_PLUS:
      case LOGICAL_COMPLEMENT:
      case BITWISE_COMPLEMENT:
        return unary((UnaryTree) tree, out);
      case TYPE_CAST:
        return cast((TypeCastTree) tree, out);
      case CONDITIONAL_EXPRESSION:
        return conditional((ConditionalExpressionTree) tree, out);
      case METHOD_INVOCATION:
        return context.calls().call((MethodInvocationTree) tree, out);
      case NEW_CLASS:
        return context.calls().newObject((NewClassTree) tree, out);
      case SWITCH_EXPRESSION:
        return context.switches().switchExpression((SwitchExpressionTree) tree, out);
      case LAMBDA_EXPRESSION:
      case MEMBER_REFERENCE:
        return unsupported(tree, Problem.LAMBDA,
            "lambdas and method references are not supported in a"
            + " @Differentiable method: no derivative can follow a value into them; call a"
            + " static method instead");
      case ASSIGNMENT:
      case PLUS_ASSIGNMENT:
      case MINUS_ASSIGNMENT:
      case MULTIPLY_ASSIGNMENT:
      case DIVIDE_ASSIGNMENT:
      case PREFIX_INCREMENT:
      case POSTFIX_INCREMENT:
      case PREFIX_DECREMENT:
      case POSTFIX_DECREMENT:
      case REMAINDER_ASSIGNMENT:
      case AND_ASSIGNMENT:
      case OR_ASSIGNMENT:
      case XOR_ASSIGNMENT:
      case LEFT_SHIFT_ASSIGNMENT:
      case RIGHT_SHIFT_ASSIGNMENT:
      case UNSIGNED_RIGHT_SHIFT_ASSIGNMENT:
        return context.assignments().assignmentExpression(tree, out);
      case ARRAY_ACCESS:
        return context.arrayExpressions().arrayRead((ArrayAccessTree) tree, out);
      case NEW_ARRAY:
        return context.arrayExpressions().arrayInExpression((NewArrayTree) tree, out);
      default:
        if (tree instanceof BinaryTree b) {
          return binary(b, out);
        }
        return unsupported(tree, Problem.UNSUPPORTED_EXPRESSION,
            "this expression (" + tree.getKind().name().toLowerCase(
            java.util.Locale.ROOT).replace('_', ' ') + ") is not supported in a"
            + " @Differentiable method");
    }
  }

  Expr unsupported(Tree tree, Problem problem, String message) {
    problems.error(tree, problem, message);
    return poison(tree);
  }

  Expr unresolved(Tree tree) {
    problems.failSilently();
    return poison(tree);
  }

  /**
   * Stands for an expression already reported (or left to javac), so that lowering goes on to
   * find other errors without reporting follow-on errors about this one.
   */
  static Expr poison(Tree tree) {
    return new Expr.Literal(IrType.NULL, POISON, tree);
  }

  private static final String POISON = "<error>";

  static boolean isPoison(Expr e) {
    return e instanceof Expr.Literal l && l.text().equals(POISON);
  }

  private static Expr literal(ExpressionTree tree, IrType type) {
    return new Expr.Literal(type, tree.toString(), tree);
  }

  // ------------------------------------------------------------------------------ operators

  private Expr binary(BinaryTree b, List<Stmt> out) {
    BinaryOp op = binaryOp(b.getKind());
    if (op == null) {
      return unsupported(b, Problem.UNSUPPORTED_EXPRESSION,
          "operator " + b.getKind() + " is not supported");
    }
    Expr left = lower(b.getLeftOperand(), out);
    Expr right;
    if (op == BinaryOp.AND || op == BinaryOp.OR) {
      right = conditionallyEvaluated(b.getRightOperand());
    } else {
      int mark = out.size();
      right = lower(b.getRightOperand(), out);
      left = evaluatedBefore(List.of(left), out, mark, b.getRightOperand()).get(0);
    }
    if (op == BinaryOp.PLUS && (left.type().kind() == IrType.Kind.STRING
        || right.type().kind() == IrType.Kind.STRING)) {
      return new Expr.Binary(BinaryOp.CONCAT, left, right, IrType.STRING, b);
    }
    return new Expr.Binary(op, left, right, binaryType(op, left.type(), right.type()), b);
  }

  static IrType binaryType(BinaryOp op, IrType left, IrType right) {
    if (op.isComparisonOrLogical()) {
      return IrType.BOOLEAN;
    }
    if ((op == BinaryOp.BIT_AND || op == BinaryOp.BIT_OR || op == BinaryOp.XOR)
        && left.kind() == IrType.Kind.BOOLEAN) {
      return IrType.BOOLEAN;
    }
    if (op == BinaryOp.SHIFT_LEFT || op == BinaryOp.SHIFT_RIGHT
        || op == BinaryOp.UNSIGNED_SHIFT_RIGHT) {
      return left.promoteUnary();
    }
    return IrType.promote(left, right);
  }

  /** An operand evaluated only sometimes (&&, ||, ?:): it may not hoist statements. */
  private Expr conditionallyEvaluated(ExpressionTree tree) {
    List<Stmt> hoisted = new ArrayList<>();
    Expr e = lowerWithoutHoisting(tree, hoisted);
    if (!hoisted.isEmpty()) {
      problems.error(tree, Problem.CONDITIONAL_OPERAND,
          "a switch expression inside ?:, && or || is not supported; assign it"
          + " to a local variable first");
    }
    return e;
  }

  /** Whether statements may be hoisted out of the expression being lowered. */
  boolean canHoist() {
    return noHoisting == 0;
  }

  /** Lowers an expression evaluated only sometimes or repeatedly (a loop condition). */
  Expr lowerWithoutHoisting(ExpressionTree tree, List<Stmt> hoisted) {
    noHoisting++;
    try {
      return lower(tree, hoisted);
    } finally {
      noHoisting--;
    }
  }

  static BinaryOp binaryOp(Tree.Kind kind) {
    return switch (kind) {
      case MULTIPLY, MULTIPLY_ASSIGNMENT -> BinaryOp.TIMES;
      case DIVIDE, DIVIDE_ASSIGNMENT -> BinaryOp.DIVIDE;
      case REMAINDER, REMAINDER_ASSIGNMENT -> BinaryOp.REMAINDER;
      case PLUS, PLUS_ASSIGNMENT -> BinaryOp.PLUS;
      case MINUS, MINUS_ASSIGNMENT -> BinaryOp.MINUS;
      case LEFT_SHIFT, LEFT_SHIFT_ASSIGNMENT -> BinaryOp.SHIFT_LEFT;
      case RIGHT_SHIFT, RIGHT_SHIFT_ASSIGNMENT -> BinaryOp.SHIFT_RIGHT;
      case UNSIGNED_RIGHT_SHIFT, UNSIGNED_RIGHT_SHIFT_ASSIGNMENT -> BinaryOp.UNSIGNED_SHIFT_RIGHT;
      case LESS_THAN -> BinaryOp.LESS;
      case LESS_THAN_EQUAL -> BinaryOp.LESS_EQUAL;
      case GREATER_THAN -> BinaryOp.GREATER;
      case GREATER_THAN_EQUAL -> BinaryOp.GREATER_EQUAL;
      case EQUAL_TO -> BinaryOp.EQUAL;
      case NOT_EQUAL_TO -> BinaryOp.NOT_EQUAL;
      case AND, AND_ASSIGNMENT -> BinaryOp.BIT_AND;
      case OR, OR_ASSIGNMENT -> BinaryOp.BIT_OR;
      case XOR, XOR_ASSIGNMENT -> BinaryOp.XOR;
      case CONDITIONAL_AND -> BinaryOp.AND;
      case CONDITIONAL_OR -> BinaryOp.OR;
      default -> null;
    };
  }

  private Expr unary(UnaryTree u, List<Stmt> out) {
    Expr operand = lower(u.getExpression(), out);
    UnaryOp op = switch (u.getKind()) {
      case UNARY_MINUS -> UnaryOp.NEGATE;
      case UNARY_PLUS -> UnaryOp.PLUS;
      case LOGICAL_COMPLEMENT -> UnaryOp.NOT;
      default -> UnaryOp.COMPLEMENT;
    };
    IrType type = op == UnaryOp.NOT ? IrType.BOOLEAN : operand.type().promoteUnary();
    return new Expr.Unary(op, operand, type, u);
  }

  private Expr cast(TypeCastTree c, List<Stmt> out) {
    Expr operand = lower(c.getExpression(), out);
    Optional<IrType> type = symbols.typeOf(c.getType());
    if (type.isEmpty()) {
      return Symbols.isNamedType(c.getType()) ? unresolved(c) // an unknown type: javac reports it
          : unsupported(c, Problem.UNSUPPORTED_TYPE,
              "casts to " + c.getType() + " are not supported in a @Differentiable"
              + " method");
    }
    return new Expr.Cast(type.get(), operand, c);
  }

  private Expr conditional(ConditionalExpressionTree c, List<Stmt> out) {
    Expr condition = lower(c.getCondition(), out);
    Expr whenTrue = conditionallyEvaluated(c.getTrueExpression());
    Expr whenFalse = conditionallyEvaluated(c.getFalseExpression());
    IrType type = unify(whenTrue.type(), whenFalse.type());
    return new Expr.Conditional(condition, whenTrue, whenFalse, type, c);
  }

  // ------------------------------------------------------------------------ evaluation order

  /** Lowers expressions evaluated left to right (arguments), keeping Java's order. */
  List<Expr> lowerInOrder(List<? extends ExpressionTree> trees, List<Stmt> out) {
    List<Expr> lowered = new ArrayList<>();
    for (ExpressionTree t : trees) {
      int mark = out.size();
      Expr e = lower(t, out);
      lowered = new ArrayList<>(evaluatedBefore(lowered, out, mark, t));
      lowered.add(e);
    }
    return lowered;
  }

  /**
   * A call's receiver, which Java evaluates before the arguments although it is lowered after
   * them: its statements go before theirs, and it is held if theirs change it.
   */
  Expr receiverBefore(ExpressionTree tree, List<Expr> args, List<Stmt> out, int mark) {
    List<Stmt> own = new ArrayList<>();
    Expr receiver = lower(tree, own);
    out.addAll(mark, own);
    return evaluatedBefore(List.of(receiver), out, mark + own.size(), tree).get(0);
  }

  /**
   * {@code earlier} (operands Java evaluates before {@code later}, in order) as evaluated before
   * the statements that lowering {@code later} appended to {@code out} from {@code mark} on.
   */
  List<Expr> evaluatedBefore(List<Expr> earlier, List<Stmt> out, int mark,
      ExpressionTree later) {
    if (out.size() == mark || earlier.isEmpty()) {
      return earlier;
    }
    EvaluationOrder order = new EvaluationOrder(out, mark, context);
    if (order.changesNothing()) {
      return earlier;
    }
    List<Expr> result = new ArrayList<>();
    for (Expr e : earlier) {
      Expr kept = order.before(e);
      if (kept == null) {
        problems.error(e.tree() != null ? e.tree() : later, Problem.EVALUATION_ORDER,
            "Java evaluates this before the"
            + " operands to its right, whose assignments or calls may change it, and Adjoint"
            + " cannot hold its value in a temporary; assign it to a local variable first");
        kept = poison(e.tree());
      }
      result.add(kept);
    }
    return result;
  }
}
