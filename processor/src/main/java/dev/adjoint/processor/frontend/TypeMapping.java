package dev.adjoint.processor.frontend;

import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Visibility;
import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The two-way mapping between javac's types and the IR's: the IR models the primitives,
 * {@code String} and the arrays the rules know ({@code double[]}, {@code double[][]},
 * {@code int[]}, {@code boolean[]}); every other type is {@link IrType#other} of its mirror.
 */
final class TypeMapping {
  private final Elements elements;
  private final Types types;

  TypeMapping(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** The IR type of a javac type. */
  IrType irType(TypeMirror mirror) {
    switch (mirror.getKind()) {
      case BOOLEAN: return IrType.BOOLEAN;
      case BYTE: return IrType.BYTE;
      case SHORT: return IrType.SHORT;
      case CHAR: return IrType.CHAR;
      case INT: return IrType.INT;
      case LONG: return IrType.LONG;
      case FLOAT: return IrType.FLOAT;
      case DOUBLE: return IrType.DOUBLE;
      case VOID: return IrType.VOID;
      case ARRAY: {
        TypeMirror component = ((ArrayType) mirror).getComponentType();
        if (component.getKind() == TypeKind.DOUBLE) {
          return IrType.DOUBLE_ARRAY;
        }
        if (component.getKind() == TypeKind.INT) {
          return IrType.INT_ARRAY;
        }
        if (component.getKind() == TypeKind.BOOLEAN) {
          return IrType.BOOLEAN_ARRAY;
        }
        if (component instanceof ArrayType inner
            && inner.getComponentType().getKind() == TypeKind.DOUBLE) {
          return IrType.DOUBLE_MATRIX;
        }
        return IrType.other(mirror);
      }
      case DECLARED: {
        TypeElement element = (TypeElement) ((DeclaredType) mirror).asElement();
        if (element.getQualifiedName().contentEquals("java.lang.String")) {
          return IrType.STRING;
        }
        return IrType.other(mirror);
      }
      default:
        return IrType.other(mirror);
    }
  }

  /** A javac type for an IR type, for overload resolution. */
  TypeMirror mirror(IrType type) {
    switch (type.kind()) {
      case BOOLEAN: return types.getPrimitiveType(TypeKind.BOOLEAN);
      case BYTE: return types.getPrimitiveType(TypeKind.BYTE);
      case SHORT: return types.getPrimitiveType(TypeKind.SHORT);
      case CHAR: return types.getPrimitiveType(TypeKind.CHAR);
      case INT: return types.getPrimitiveType(TypeKind.INT);
      case LONG: return types.getPrimitiveType(TypeKind.LONG);
      case FLOAT: return types.getPrimitiveType(TypeKind.FLOAT);
      case DOUBLE: return types.getPrimitiveType(TypeKind.DOUBLE);
      case STRING: return elements.getTypeElement("java.lang.String").asType();
      case DOUBLE_ARRAY: return types.getArrayType(types.getPrimitiveType(TypeKind.DOUBLE));
      case DOUBLE_MATRIX:
        return types.getArrayType(types.getArrayType(types.getPrimitiveType(TypeKind.DOUBLE)));
      case INT_ARRAY: return types.getArrayType(types.getPrimitiveType(TypeKind.INT));
      case BOOLEAN_ARRAY: return types.getArrayType(types.getPrimitiveType(TypeKind.BOOLEAN));
      case NULL: return types.getNullType();
      case VOID: return types.getNoType(TypeKind.VOID);
      default: return type.mirror();
    }
  }

  /** {@code java.lang.Double.class} for a class literal's type; empty for a local class. */
  static Optional<String> classLiteralText(TypeMirror type) {
    if (type.getKind().isPrimitive() || type.getKind() == TypeKind.VOID) {
      return Optional.of(type.getKind().name().toLowerCase(java.util.Locale.ROOT) + ".class");
    }
    StringBuilder dims = new StringBuilder();
    TypeMirror t = type;
    while (t instanceof ArrayType a) {
      dims.append("[]");
      t = a.getComponentType();
    }
    if (t.getKind().isPrimitive()) {
      return Optional.of(t.getKind().name().toLowerCase(java.util.Locale.ROOT) + dims + ".class");
    }
    if (t instanceof DeclaredType d && d.asElement() instanceof TypeElement e
        && e.getNestingKind() != javax.lang.model.element.NestingKind.LOCAL
        && e.getNestingKind() != javax.lang.model.element.NestingKind.ANONYMOUS
        && !Visibility.isPrivate(e)) {
      return Optional.of(e.getQualifiedName() + dims.toString() + ".class");
    }
    return Optional.empty();
  }
}
