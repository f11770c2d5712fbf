package dev.adjoint.processor.frontend;

import static dev.adjoint.processor.frontend.ExpressionLowering.isPoison;
import static dev.adjoint.processor.frontend.ExpressionLowering.poison;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;

/**
 * Lowers names: locals, synonyms, record components, fields (with the visibility rules of the
 * generated class), class literals; tells type qualifiers from values, and recognises the JDK
 * array utilities by name.
 */
final class NameLowering {
  private final Symbols symbols;
  private final Scope scope;
  private final RecordLowering records;
  private final ExpressionLowering expressions;

  NameLowering(LoweringContext context) {
    this.symbols = context.symbols();
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

  private Expr unresolved(Tree tree) {
    return expressions.unresolved(tree);
  }
  Expr identifier(IdentifierTree id) {
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
      return unsupported(tree, Problem.STATIC_CONTEXT,
          "instance field '" + field.getSimpleName() + "' cannot be read"
          + " from a static method");
    }
    boolean copiedTable = field.getModifiers().contains(Modifier.STATIC)
        && field.getModifiers().contains(Modifier.FINAL)
        && symbols.irType(field.asType()).isArray();
    if (Symbols.isPrivate(field) && field.getConstantValue() == null && !copiedTable) {
      return unsupported(tree, Problem.PRIVATE_MEMBER,
          "field '" + field.getSimpleName() + "' is private and not a"
          + " constant, and the generated class cannot see it; make it package-private (a"
          + " private static final array with a literal initializer is copied)");
    }
    return new Expr.FieldRef(field, receiver, symbols.irType(field.asType()), tree);
  }

  Expr memberSelect(MemberSelectTree select, List<Stmt> out) {
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
      return unsupported(select, Problem.UNRESOLVED_MEMBER,
          "Adjoint cannot resolve field '" + name + "' of a value of"
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
      return unsupported(select, Problem.PRIVATE_MEMBER,
          "the generated class cannot name this class (a private or"
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
  Optional<TypeElement> typeQualifier(ExpressionTree expression) {
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
  Optional<TypeElement> declaredElement(IrType type) {
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
}
