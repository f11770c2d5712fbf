package dev.adjoint.processor.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import dev.adjoint.processor.abi.RuntimeTypes;
import dev.adjoint.processor.ir.IrType;

/**
 * The Java types of IR types, and the code that makes or restores a value of one: a zero
 * adjoint array, a value popped off the tape, a hoisted declaration's default.
 */
final class JavaTypes {
  private JavaTypes() {}

  /** The Java type for an IR type. */
  static TypeName typeName(IrType type) {
    return switch (type.kind()) {
      case BOOLEAN -> TypeName.BOOLEAN;
      case BYTE -> TypeName.BYTE;
      case SHORT -> TypeName.SHORT;
      case CHAR -> TypeName.CHAR;
      case INT -> TypeName.INT;
      case LONG -> TypeName.LONG;
      case FLOAT -> TypeName.FLOAT;
      case DOUBLE -> TypeName.DOUBLE;
      case STRING -> ClassName.get(String.class);
      case DOUBLE_ARRAY -> ArrayTypeName.of(TypeName.DOUBLE);
      case DOUBLE_MATRIX -> ArrayTypeName.of(
          ArrayTypeName.of(TypeName.DOUBLE));
      case INT_ARRAY -> ArrayTypeName.of(TypeName.INT);
      case BOOLEAN_ARRAY -> ArrayTypeName.of(TypeName.BOOLEAN);
      case OTHER -> TypeName.get(type.mirror());
      case TAPE -> RuntimeTypes.TAPE;
      case GRAPH -> RuntimeTypes.COMPUTATION_GRAPH;
      default -> throw new IllegalArgumentException("no Java type for " + type);
    };
  }

  /** A new zero array with the shape of {@code array}, of type {@code type}: an adjoint. */
  static CodeBlock zerosLike(CodeBlock array, IrType type) {
    if (type.kind() == IrType.Kind.DOUBLE_MATRIX) {
      return CodeBlock.of("$T.zerosLike($L)", RuntimeTypes.ADJOINT_ARRAYS,
          array);
    }
    return CodeBlock.of("new double[$L.length]", array);
  }

  /**
   * Pops a value of {@code type} off {@code tape}: doubles and floats are kept as doubles,
   * booleans as booleans, a long as two ints, other integers as ints, arrays as references.
   */
  static CodeBlock pop(CodeBlock tape, IrType type) {
    return switch (type.kind()) {
      case DOUBLE -> CodeBlock.of("$L.popDouble()", tape);
      case FLOAT -> CodeBlock.of("(float) $L.popDouble()", tape);
      case BOOLEAN -> CodeBlock.of("$L.popBoolean()", tape);
      case INT -> CodeBlock.of("$L.popInt()", tape);
      case LONG -> CodeBlock.of("((long) $L.popInt() << 32) | ($L.popInt() & 0xFFFFFFFFL)", tape,
          tape);
      case DOUBLE_ARRAY, DOUBLE_MATRIX, INT_ARRAY, BOOLEAN_ARRAY ->
          CodeBlock.of("($T) $L.popRef()", typeName(type), tape);
      default -> CodeBlock.of("($T) $L.popInt()", typeName(type), tape);
    };
  }

  /** The default value a hoisted declaration starts from. */
  static String zero(IrType type) {
    return switch (type.kind()) {
      case BOOLEAN -> "false";
      case DOUBLE -> "0.0";
      case FLOAT -> "0.0F";
      case LONG -> "0L";
      case BYTE, SHORT, CHAR, INT -> "0";
      default -> "null";
    };
  }
}
