package dev.adjoint.processor.frontend;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.CompoundAssignmentTree;
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
import dev.adjoint.processor.ir.BinaryOp;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.UnaryOp;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;

/**
 * Front end for expressions: resolves names, types every node with the processor's own rules
 * (JLS numeric promotion), and lowers side effects out of expressions. Statements an expression
 * needs first (a switch expression) are appended to {@code out}.
 */
final class ExpressionLowering {
  private final Symbols symbols;
  private final MethodProblems problems;
  private final Scope scope;
  private final MethodLowering statements;
  private final RecordLowering records;
  /** Depth of operands evaluated only sometimes or repeatedly, where nothing can be hoisted. */
  private int noHoisting;

  ExpressionLowering(Symbols symbols, MethodProblems problems, Scope scope,
      MethodLowering statements, RecordLowering records) {
    this.symbols = symbols;
    this.problems = problems;
    this.scope = scope;
    this.statements = statements;
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
        return identifier((IdentifierTree) tree);
      case MEMBER_SELECT:
        return memberSelect((MemberSelectTree) tree, out);
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
        return call((MethodInvocationTree) tree, out);
      case NEW_CLASS:
        return newObject((NewClassTree) tree, out);
      case SWITCH_EXPRESSION:
        return statements.switchExpression((SwitchExpressionTree) tree, out);
      case LAMBDA_EXPRESSION:
      case MEMBER_REFERENCE:
        return unsupported(tree, "lambdas and method references are not supported in a"
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
        return assignmentExpression(tree, out);
      case ARRAY_ACCESS:
        return arrayRead((ArrayAccessTree) tree, out);
      case NEW_ARRAY:
        return arrayInExpression((NewArrayTree) tree, out);
      default:
        if (tree instanceof BinaryTree b) {
          return binary(b, out);
        }
        return unsupported(tree, "this expression (" + tree.getKind().name().toLowerCase(
            java.util.Locale.ROOT).replace('_', ' ') + ") is not supported in a"
            + " @Differentiable method");
    }
  }

  private Expr unsupported(Tree tree, String message) {
    problems.error(tree, message);
    return poison(tree);
  }

  private Expr unresolved(Tree tree) {
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

  // ---------------------------------------------------------------------------------- names

  private Expr identifier(IdentifierTree id) {
    String name = id.getName().toString();
    Expr synonym = scope.synonym(name);
    if (synonym != null) {
      return synonym;
    }
    Variable local = scope.lookup(name);
    if (local != null) {
      return new Expr.VarRef(local, id);
    }
    if (records.isRecord(name)) {
      records.recordAsValue(id, name);
      return poison(id);
    }
    Optional<Expr> ownComponent = records.component(id);
    if (ownComponent.isPresent()) {
      return ownComponent.get();
    }
    Optional<VariableElement> field = symbols.resolveField(name);
    if (field.isPresent()) {
      return fieldRef(field.get(), null, id);
    }
    return unresolved(id);
  }

  private Expr fieldRef(VariableElement field, Expr receiver, Tree tree) {
    if (receiver == null && !field.getModifiers().contains(Modifier.STATIC)) {
      return unsupported(tree, "instance field '" + field.getSimpleName() + "' cannot be read"
          + " from a static method");
    }
    boolean copiedTable = field.getModifiers().contains(Modifier.STATIC)
        && field.getModifiers().contains(Modifier.FINAL)
        && symbols.irType(field.asType()).isArray();
    if (Symbols.isPrivate(field) && field.getConstantValue() == null && !copiedTable) {
      return unsupported(tree, "field '" + field.getSimpleName() + "' is private and not a"
          + " constant, and the generated class cannot see it; make it package-private (a"
          + " private static final array with a literal initializer is copied)");
    }
    return new Expr.FieldRef(field, receiver, symbols.irType(field.asType()), tree);
  }

  private Expr memberSelect(MemberSelectTree select, List<Stmt> out) {
    String name = select.getIdentifier().toString();
    if (name.equals("class")) {
      return classLiteral(select);
    }
    Optional<Expr> component = records.component(select);
    if (component.isPresent()) {
      return component.get();
    }
    Optional<TypeElement> owner = typeQualifier(select.getExpression());
    if (owner.isPresent()) {
      Optional<VariableElement> field = symbols.field(owner.get(), name);
      // No such field in the type or its supertypes: javac reports it.
      return field.isPresent() ? fieldRef(field.get(), null, select) : unresolved(select);
    }
    Expr receiver = lower(select.getExpression(), out);
    if (isPoison(receiver)) {
      return receiver;
    }
    if (Symbols.isAnyArray(receiver.type())) {
      // Arrays have one field, length; javac reports any other.
      return name.equals("length") ? new Expr.ArrayLength(receiver, select) : unresolved(select);
    }
    if (receiver.type().isPrimitive()) {
      return unresolved(select); // javac: a primitive cannot be dereferenced
    }
    Optional<TypeElement> type = declaredElement(receiver.type());
    if (type.isEmpty()) {
      return unsupported(select, "Adjoint cannot resolve field '" + name + "' of a value of"
          + " type " + receiver.type() + "; assign the value to a local variable of its"
          + " actual type first");
    }
    Optional<VariableElement> field = symbols.field(type.get(), name);
    return field.isPresent() ? fieldRef(field.get(), receiver, select) : unresolved(select);
  }

  /**
   * {@code Double.class}: an inactive value, printed with the type's canonical name so that the
   * generated class, in another scope, names the same type.
   */
  private Expr classLiteral(MemberSelectTree select) {
    Optional<javax.lang.model.type.TypeMirror> type = symbols.classLiteralType(
        select.getExpression());
    if (type.isEmpty()) {
      return unresolved(select); // an unknown type name: javac reports it
    }
    Optional<String> text = symbols.classLiteralText(type.get());
    if (text.isEmpty()) {
      return unsupported(select, "the generated class cannot name this class (a private or"
          + " local class), so its class literal is not supported in a @Differentiable method;"
          + " pass the Class object in as a parameter");
    }
    TypeElement classElement = symbols.elements().getTypeElement("java.lang.Class");
    javax.lang.model.type.TypeMirror boxed = type.get().getKind().isPrimitive()
        ? symbols.types().boxedClass((javax.lang.model.type.PrimitiveType) type.get()).asType()
        : type.get().getKind() == javax.lang.model.type.TypeKind.VOID
            ? symbols.elements().getTypeElement("java.lang.Void").asType()
            : type.get();
    IrType irType = IrType.other(symbols.types().getDeclaredType(classElement, boxed));
    return new Expr.Literal(irType, text.get(), select);
  }

  /**
   * {@code "Arrays.copyOf"}, {@code "Arrays.copyOfRange"}, {@code "Arrays.fill"} or
   * {@code "System.arraycopy"} when the call names that JDK method (qualified, or imported
   * statically), else null. Only the name is checked; the caller checks the argument types.
   */
  String jdkArrayUtility(MethodInvocationTree call) {
    ExpressionTree select = call.getMethodSelect();
    String name;
    List<ExecutableElement> candidates;
    if (select instanceof IdentifierTree id) {
      name = id.getName().toString();
      if (!JDK_ARRAY_UTILITIES.contains("Arrays." + name)
          && !JDK_ARRAY_UTILITIES.contains("System." + name)) {
        return null;
      }
      candidates = symbols.unqualifiedMethods(name);
    } else if (select instanceof MemberSelectTree member) {
      name = member.getIdentifier().toString();
      if (!JDK_ARRAY_UTILITIES.contains("Arrays." + name)
          && !JDK_ARRAY_UTILITIES.contains("System." + name)) {
        return null;
      }
      Optional<TypeElement> owner = typeQualifier(member.getExpression());
      if (owner.isEmpty()) {
        return null;
      }
      candidates = symbols.methods(owner.get(), name);
    } else {
      return null;
    }
    if (candidates.isEmpty()
        || !(candidates.get(0).getEnclosingElement() instanceof TypeElement owner)) {
      return null;
    }
    String qualified = owner.getQualifiedName().toString();
    String key = qualified.equals("java.util.Arrays") ? "Arrays." + name
        : qualified.equals("java.lang.System") ? "System." + name : null;
    return key != null && JDK_ARRAY_UTILITIES.contains(key) ? key : null;
  }

  private static final java.util.Set<String> JDK_ARRAY_UTILITIES = java.util.Set.of(
      "Arrays.copyOf", "Arrays.copyOfRange", "Arrays.fill", "System.arraycopy");

  /** The type an expression names, when it names a type rather than a value. */
  private Optional<TypeElement> typeQualifier(ExpressionTree expression) {
    if (expression instanceof IdentifierTree id) {
      String name = id.getName().toString();
      if (scope.lookup(name) != null || records.isRecord(name)
          || symbols.resolveField(name).isPresent()) {
        return Optional.empty();
      }
      return symbols.resolveType(id);
    }
    if (expression instanceof MemberSelectTree select) {
      Optional<TypeElement> type = symbols.resolveType(select);
      if (type.isPresent()) {
        return type;
      }
    }
    return Optional.empty();
  }

  /**
   * The class whose members a value of this type has: its own, or for a type variable that of
   * its bound (its erasure), {@code T extends Number} having those of {@code Number}.
   */
  private Optional<TypeElement> declaredElement(IrType type) {
    if (type.kind() == IrType.Kind.STRING) {
      return Optional.of(symbols.elements().getTypeElement("java.lang.String"));
    }
    if (type.kind() != IrType.Kind.OTHER) {
      return Optional.empty();
    }
    javax.lang.model.type.TypeMirror mirror = type.mirror();
    if (mirror.getKind() == javax.lang.model.type.TypeKind.TYPEVAR) {
      if (!symbols.isOwnTypeVariable(mirror)) {
        // E of List<E>.get, T of a generic method: the processor does not infer what it
        // stands for, so its members are unknown.
        return Optional.empty();
      }
      mirror = symbols.types().erasure(mirror);
    }
    if (mirror instanceof DeclaredType d) {
      return Optional.of((TypeElement) d.asElement());
    }
    return Optional.empty();
  }

  // --------------------------------------------------------------------------------- arrays

  private Expr arrayRead(ArrayAccessTree access, List<Stmt> out) {
    Expr array = lower(access.getExpression(), out);
    int mark = out.size();
    Expr index = lower(access.getIndex(), out);
    array = evaluatedBefore(List.of(array), out, mark, access.getIndex()).get(0);
    if (isPoison(array)) {
      return array;
    }
    if (!array.type().isArray()) {
      return unsupported(access, "only arrays of double, double[], int and boolean can be"
          + " indexed in a @Differentiable method");
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
  private Expr arrayInExpression(NewArrayTree n, List<Stmt> out) {
    if (noHoisting > 0) {
      return unsupported(n, "a new array inside an operand of ?:, && or || is not supported,"
          + " because that operand is evaluated only sometimes; declare it as a local array"
          + " first");
    }
    IrType type = statements.newArrayType(n);
    if (type == null) {
      return poison(n);
    }
    if (!type.isArray()) {
      return unsupported(n, "arrays of " + type + " are not supported in a @Differentiable"
          + " method");
    }
    List<Expr> elements = new ArrayList<>();
    Expr init = newArray(n, type, out, elements);
    if (isPoison(init)) {
      return init;
    }
    Variable array = statements.newTemporary("array", type, n);
    out.add(new Stmt.Assign(array, init, true, n));
    statements.initializeElements(array, (Expr.NewArray) init, elements, n, out);
    return new Expr.VarRef(array, n);
  }

  /** A rectangular {@code {{a, b}, {c, d}}}: rows of equal length, element by element. */
  private Expr matrixInitializer(NewArrayTree n, List<Stmt> before, List<Expr> elements) {
    int columns = -1;
    for (ExpressionTree row : n.getInitializers()) {
      if (!(row instanceof NewArrayTree r) || r.getInitializers() == null
          || (columns >= 0 && r.getInitializers().size() != columns)) {
        return unsupported(row, "matrix initializers must be rectangular rows of values; build"
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

  // ------------------------------------------------------------------------------ operators

  private Expr binary(BinaryTree b, List<Stmt> out) {
    BinaryOp op = binaryOp(b.getKind());
    if (op == null) {
      return unsupported(b, "operator " + b.getKind() + " is not supported");
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
      problems.error(tree, "a switch expression inside ?:, && or || is not supported; assign it"
          + " to a local variable first");
    }
    return e;
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
          : unsupported(c, "casts to " + c.getType() + " are not supported in a @Differentiable"
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

  // ---------------------------------------------------------------------------------- calls

  private Expr call(MethodInvocationTree call, List<Stmt> out) {
    Optional<Expr> component = records.component(call);
    if (component.isPresent()) {
      return component.get();
    }
    ExpressionTree select = call.getMethodSelect();
    int receiverMark = out.size();
    List<Expr> args = lowerInOrder(call.getArguments(), out);
    List<IrType> argTypes = args.stream().map(Expr::type).toList();
    List<ExecutableElement> candidates;
    Expr receiver = null;
    String name;
    Optional<RecordLowering.Receiver> flattened = Optional.empty();
    if (select instanceof IdentifierTree id) {
      name = id.getName().toString();
      candidates = symbols.unqualifiedMethods(name);
      flattened = records.self(call);
    } else if (select instanceof MemberSelectTree member) {
      name = member.getIdentifier().toString();
      Optional<TypeElement> owner = typeQualifier(member.getExpression());
      flattened = owner.isPresent() ? Optional.empty()
          : records.receiver(member.getExpression());
      if (owner.isPresent()) {
        candidates = symbols.methods(owner.get(), name);
      } else if (flattened.isPresent()) {
        candidates = symbols.methods(flattened.get().type(), name);
      } else {
        receiver = receiverBefore(member.getExpression(), args, out, receiverMark);
        if (isPoison(receiver)) {
          return receiver;
        }
        if (Symbols.isAnyArray(receiver.type())) {
          if (name.equals("clone") && args.isEmpty()) {
            return arrayClone(call, receiver);
          }
          // An array has the methods of Object.
          candidates = symbols.methods(symbols.elements().getTypeElement("java.lang.Object"),
              name);
        } else if (receiver.type().isPrimitive()) {
          return unresolved(call); // javac: a primitive cannot be dereferenced
        } else {
          Optional<TypeElement> type = declaredElement(receiver.type());
          if (type.isEmpty()) {
            return unsupported(call, "Adjoint cannot resolve method '" + name + "' of a value"
                + " of type " + receiver.type() + "; assign the value to a local variable of"
                + " its actual type first");
          }
          candidates = symbols.methods(type.get(), name);
        }
      }
    } else {
      return unsupported(call, "this kind of call is not supported");
    }
    if (args.stream().anyMatch(ExpressionLowering::isPoison)) {
      return poison(call); // an argument is already reported, or left to javac
    }
    if (candidates.isEmpty()) {
      return unresolved(call); // no method of that name: javac reports it
    }
    Optional<ExecutableElement> method = symbols.selectOverload(candidates, argTypes);
    if (method.isEmpty()) {
      if (!symbols.overloadsBeyondModel(candidates, argTypes)) {
        // Every type involved is one the processor models exactly: no overload applies, and
        // javac reports it (our error would hide its more precise one).
        return unresolved(call);
      }
      return unsupported(call, "Adjoint cannot tell which method '" + name + "' this call"
          + " means for arguments of types " + argTypes.stream().map(IrType::toString)
          .collect(java.util.stream.Collectors.joining(", ", "(", ")")) + "; cast the"
          + " arguments to the parameter types of the method you mean");
    }
    if (records.rejectedCall(method.get(), call)) {
      return poison(call);
    }
    boolean isStatic = method.get().getModifiers().contains(Modifier.STATIC);
    if (!isStatic && receiver == null && flattened.isPresent()) {
      if (!RecordLowering.isRecordMethod(method.get())) {
        // toString(), equals(...): the record itself would be needed
        Tree at = select instanceof MemberSelectTree member ? member.getExpression() : call;
        records.recordAsValue(at, at == call ? "this" : at.toString());
        return poison(call);
      }
      return recordMethodCall(call, method.get(), args, flattened.get(), out);
    }
    Optional<List<TypeElement>> sealed = receiver == null || isStatic ? Optional.empty()
        : SealedDispatch.permittedRecords(receiver.type());
    if (sealed.isPresent()) {
      Expr dispatched = new SealedDispatch(symbols, problems, statements, records).call(call,
          method.get(), receiver, args, sealed.get(), noHoisting == 0, out);
      return dispatched == null ? poison(call) : dispatched;
    }
    if (!isStatic && receiver != null && RecordLowering.isRecordMethod(method.get())) {
      records.opaqueReceiver(call, method.get());
      return poison(call);
    }
    if (receiver == null && !isStatic) {
      return unsupported(call, "instance method '" + method.get().getSimpleName() + "' cannot"
          + " be called from a static method");
    }
    if (receiver != null && isStatic) {
      receiver = null;
    }
    if (receiver != null && Symbols.isPrivate(method.get())) {
      return unsupported(call, "method '" + method.get().getSimpleName() + "' is a private"
          + " method of an object, which the generated class cannot call; make it"
          + " package-private");
    }
    if (symbols.passesVarargsSeparately(method.get(), argTypes)) {
      List<Expr> packed = varargs(call, method.get(), args, out);
      if (packed == null) {
        return poison(call);
      }
      args = packed;
    }
    IrType type = symbols.irType(symbols.returnTypeOn(
        receiver == null ? null : receiver.type(), method.get()));
    return new Expr.Call(method.get(), receiver, args, type, call);
  }

  /**
   * A call of an instance method of a flattened record: its arguments, then the receiver's
   * leaves, as the method's adjoint entry point (and the copy of it that computes its value)
   * take them.
   */
  private Expr recordMethodCall(MethodInvocationTree call, ExecutableElement method,
      List<Expr> args, RecordLowering.Receiver receiver, List<Stmt> out) {
    List<Expr> all = new ArrayList<>(args);
    List<IrType> argTypes = args.stream().map(Expr::type).toList();
    if (symbols.passesVarargsSeparately(method, argTypes)) {
      List<Expr> packed = varargs(call, method, args, out);
      if (packed == null) {
        return poison(call);
      }
      all = new ArrayList<>(packed);
    }
    all.addAll(receiver.leaves());
    return new Expr.Call(method, null, all, symbols.irType(method.getReturnType()), call);
  }

  /**
   * The arguments of a varargs call whose trailing arguments are passed one by one: those of a
   * {@code double...} parameter are packed into a local array, as {@code double[] xs = {a, b};}
   * would be, so that the callee's array adjoint flows back into each of them. Other varargs
   * calls are left as written. Null, after an error, when no local array can be declared here.
   */
  private List<Expr> varargs(MethodInvocationTree call, ExecutableElement method,
      List<Expr> args, List<Stmt> out) {
    List<? extends VariableElement> params = method.getParameters();
    VariableElement last = params.get(params.size() - 1);
    IrType arrayType = symbols.irType(last.asType());
    if (arrayType.kind() != IrType.Kind.DOUBLE_ARRAY) {
      return args;
    }
    if (noHoisting > 0) {
      problems.error(call, "a double... parameter needs its arguments packed into an array,"
          + " which Adjoint cannot do inside an operand of ?:, && or || (evaluated only"
          + " sometimes); declare double[] " + last.getSimpleName() + " = {...}; before and pass"
          + " it to " + method.getSimpleName());
      return null;
    }
    Variable packed = statements.newTemporary(last.getSimpleName().toString(), arrayType, call);
    int fixed = params.size() - 1;
    List<Expr> elements = args.subList(fixed, args.size());
    out.add(new Stmt.Assign(packed, new Expr.NewArray(arrayType,
        List.of(Expr.Literal.ofInt(elements.size())), call), true, call));
    for (int k = 0; k < elements.size(); k++) {
      Expr element = elements.get(k);
      out.add(new Stmt.ArrayWrite(new Expr.VarRef(packed, call), Expr.Literal.ofInt(k), element,
          element.tree()));
    }
    List<Expr> result = new ArrayList<>(args.subList(0, fixed));
    result.add(new Expr.VarRef(packed, call));
    return result;
  }

  /**
   * {@code x.clone()} outside a local array's declaration (where the method lowering copies the
   * elements itself): an error saying what to write.
   */
  private Expr arrayClone(MethodInvocationTree call, Expr receiver) {
    if (receiver.type().kind() == IrType.Kind.DOUBLE_MATRIX) {
      return unsupported(call, "clone() of a double[][] copies only its row references, so the"
          + " copy would share its rows; declare double[][] copy = new double[n][m] and copy"
          + " the elements in loops");
    }
    if (receiver.type().isArray()) {
      return unsupported(call, "clone() is supported only as the initializer of a local array"
          + " (in a loop too), double[] copy = x.clone(); declare one and use it here");
    }
    ExecutableElement clone = symbols.methods(
        symbols.elements().getTypeElement("java.lang.Object"), "clone").get(0);
    return new Expr.Call(clone, receiver, List.of(), receiver.type(), call);
  }

  private Expr newObject(NewClassTree n, List<Stmt> out) {
    if (n.getClassBody() != null) {
      return unsupported(n, "anonymous classes are not supported in a @Differentiable method");
    }
    Optional<TypeElement> type = symbols.resolveType(n.getIdentifier());
    if (type.isEmpty()) {
      return Symbols.isNamedType(n.getIdentifier()) ? unresolved(n) // javac reports it
          : unsupported(n, "this object creation is not supported in a @Differentiable method");
    }
    List<Expr> args = lowerInOrder(n.getArguments(), out);
    IrType irType = symbols.irType(type.get().asType());
    return new Expr.NewObject(symbols.types().erasure(type.get().asType()), args, irType, n);
  }

  /** {@code SQUARE} in {@code case SQUARE:} of a switch on an enum: the constant of that enum. */
  Expr enumConstant(TypeElement enumType, IdentifierTree label) {
    for (VariableElement constant : javax.lang.model.util.ElementFilter.fieldsIn(
        enumType.getEnclosedElements())) {
      if (constant.getKind() == javax.lang.model.element.ElementKind.ENUM_CONSTANT
          && constant.getSimpleName().contentEquals(label.getName())) {
        if (Symbols.isPrivate(constant)) {
          return unsupported(label, "enum " + enumType.getSimpleName() + " is private, and the"
              + " generated class cannot see it; make it package-private");
        }
        return new Expr.FieldRef(constant, null, symbols.irType(enumType.asType()), label);
      }
    }
    return unresolved(label); // no such constant: javac reports it
  }

  /** {@code Objects.requireNonNull(value)}, typed as {@code value}. */
  Expr requireNonNull(Expr value, Tree tree) {
    TypeElement objects = symbols.elements().getTypeElement("java.util.Objects");
    for (ExecutableElement m : symbols.methods(objects, "requireNonNull")) {
      if (m.getParameters().size() == 1) {
        return new Expr.Call(m, null, List.of(value), value.type(), tree);
      }
    }
    throw new IllegalStateException("java.util.Objects.requireNonNull(T) not found");
  }

  /** {@code new E()} for an error class with a no-argument constructor. */
  Expr newError(String errorClass, Tree tree) {
    TypeElement type = symbols.elements().getTypeElement(errorClass);
    return new Expr.NewObject(type.asType(), List.of(), symbols.irType(type.asType()), tree);
  }

  /**
   * {@code selector.equals(constant)}, for a switch on strings: like the switch, it throws
   * NullPointerException on a null selector.
   */
  Expr stringEquals(Expr selector, Expr constant, Tree tree) {
    TypeElement string = symbols.elements().getTypeElement("java.lang.String");
    ExecutableElement equals = symbols.methods(string, "equals").get(0);
    return new Expr.Call(equals, selector, List.of(constant), IrType.BOOLEAN, tree);
  }

  // ----------------------------------------------------------------------------- assignment

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
  private Expr assignmentExpression(ExpressionTree tree, List<Stmt> out) {
    if (noHoisting > 0) {
      return unsupported(tree, "an assignment or increment inside an operand of ?:, && or ||"
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
    targetTree = MethodLowering.stripParentheses(targetTree);
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
    Variable held = statements.newTemporary("evaluated", value.type(), tree);
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
      current = evaluatedBefore(List.of(current), out, mark, c.getExpression()).get(0);
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
    int mark = out.size();
    Expr index = lower(access.getIndex(), out);
    array = evaluatedBefore(List.of(array), out, mark, access.getIndex()).get(0);
    if (isPoison(array)) {
      return null;
    }
    Variable root = dev.adjoint.processor.ir.IrWalk.root(array);
    if (root == null || !array.type().isArray()) {
      problems.error(access, "only elements of local arrays can be assigned in a"
          + " @Differentiable method");
      return null;
    }
    String parameterProblem = ParameterWrites.problem(root, array, statements.method());
    if (parameterProblem != null) {
      problems.error(access, parameterProblem);
      return null;
    }
    IrType elementType = array.type().elementType();
    if (tree instanceof AssignmentTree) {
      // Java evaluates the array and the index, then the right-hand side.
      int valueMark = out.size();
      Expr value = assignedValue(tree, null, out);
      value = value.type().isArray() && value instanceof Expr.Call ? hold(value, tree, out) : value;
      if (ArrayReferenceValues.rejected(elementType, value, tree, problems)) {
        return null;
      }
      List<Expr> place = evaluatedBefore(List.of(array, index), out, valueMark,
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
      List<Expr> place = evaluatedBefore(List.of(array, index, current), out, valueMark,
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

  // ------------------------------------------------------------------------ evaluation order

  /** Lowers expressions evaluated left to right (arguments), keeping Java's order. */
  private List<Expr> lowerInOrder(List<? extends ExpressionTree> trees, List<Stmt> out) {
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
  private Expr receiverBefore(ExpressionTree tree, List<Expr> args, List<Stmt> out, int mark) {
    List<Stmt> own = new ArrayList<>();
    Expr receiver = lower(tree, own);
    out.addAll(mark, own);
    return evaluatedBefore(List.of(receiver), out, mark + own.size(), tree).get(0);
  }

  /**
   * {@code earlier} (operands Java evaluates before {@code later}, in order) as evaluated before
   * the statements that lowering {@code later} appended to {@code out} from {@code mark} on.
   */
  private List<Expr> evaluatedBefore(List<Expr> earlier, List<Stmt> out, int mark,
      ExpressionTree later) {
    if (out.size() == mark || earlier.isEmpty()) {
      return earlier;
    }
    EvaluationOrder order = new EvaluationOrder(out, mark, statements);
    if (order.changesNothing()) {
      return earlier;
    }
    List<Expr> result = new ArrayList<>();
    for (Expr e : earlier) {
      Expr kept = order.before(e);
      if (kept == null) {
        problems.error(e.tree() != null ? e.tree() : later, "Java evaluates this before the"
            + " operands to its right, whose assignments or calls may change it, and Adjoint"
            + " cannot hold its value in a temporary; assign it to a local variable first");
        kept = poison(e.tree());
      }
      result.add(kept);
    }
    return result;
  }

  private Variable assignable(ExpressionTree targetTree) {
    if (targetTree instanceof IdentifierTree id) {
      Variable v = scope.lookup(id.getName().toString());
      if (v != null) {
        return v;
      }
      if (scope.synonym(id.getName().toString()) != null
          || records.isRecord(id.getName().toString())) {
        problems.error(targetTree, "'" + id.getName() + "' stands for "
            + (records.isRecord(id.getName().toString()) ? "a record parameter"
                : "a row or a record's component") + ", and cannot be assigned in a"
            + " @Differentiable method; declare a local array of its own and copy the elements");
        return null;
      }
      if (symbols.resolveField(id.getName().toString()).isPresent()) {
        problems.error(targetTree, "assigning to field '" + id.getName() + "' is not supported in"
            + " a @Differentiable method: no derivative can follow a value through a field; keep"
            + " it in a local variable or return it");
        return null;
      }
      problems.failSilently();
      return null;
    }
    problems.error(targetTree, "assigning to '" + targetTree + "' is not supported in a"
        + " @Differentiable method: no derivative can follow a value through a field; keep it"
        + " in a local variable or return it");
    return null;
  }
}
