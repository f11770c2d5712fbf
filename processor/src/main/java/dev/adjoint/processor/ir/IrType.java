package dev.adjoint.processor.ir;

import java.util.Objects;
import javax.lang.model.type.TypeMirror;

/**
 * The processor's own type for an IR value. Method bodies are not attributed while annotation
 * processors run, so the front end computes these itself.
 */
public final class IrType {

  /** The shape of a type, as far as differentiation cares. */
  public enum Kind {
    BOOLEAN, BYTE, SHORT, CHAR, INT, LONG, FLOAT, DOUBLE,
    STRING, DOUBLE_ARRAY, DOUBLE_MATRIX, INT_ARRAY, BOOLEAN_ARRAY, NULL, OTHER, VOID,
    /** The runtime's tape, which the adjoint records on. */
    TAPE,
    /** The runtime's computation graph, which a graph trace builds. */
    GRAPH
  }

  public static final IrType BOOLEAN = new IrType(Kind.BOOLEAN, null);
  public static final IrType BYTE = new IrType(Kind.BYTE, null);
  public static final IrType SHORT = new IrType(Kind.SHORT, null);
  public static final IrType CHAR = new IrType(Kind.CHAR, null);
  public static final IrType INT = new IrType(Kind.INT, null);
  public static final IrType LONG = new IrType(Kind.LONG, null);
  public static final IrType FLOAT = new IrType(Kind.FLOAT, null);
  public static final IrType DOUBLE = new IrType(Kind.DOUBLE, null);
  public static final IrType STRING = new IrType(Kind.STRING, null);
  public static final IrType DOUBLE_ARRAY = new IrType(Kind.DOUBLE_ARRAY, null);
  public static final IrType DOUBLE_MATRIX = new IrType(Kind.DOUBLE_MATRIX, null);
  public static final IrType INT_ARRAY = new IrType(Kind.INT_ARRAY, null);
  public static final IrType BOOLEAN_ARRAY = new IrType(Kind.BOOLEAN_ARRAY, null);
  public static final IrType NULL = new IrType(Kind.NULL, null);
  public static final IrType VOID = new IrType(Kind.VOID, null);
  public static final IrType TAPE = new IrType(Kind.TAPE, null);
  public static final IrType GRAPH = new IrType(Kind.GRAPH, null);

  private final Kind kind;
  private final TypeMirror mirror;

  private IrType(Kind kind, TypeMirror mirror) {
    this.kind = kind;
    this.mirror = mirror;
  }

  /** A reference type the processor does not model, known by its mirror. */
  public static IrType other(TypeMirror mirror) {
    return new IrType(Kind.OTHER, Objects.requireNonNull(mirror));
  }

  public Kind kind() {
    return kind;
  }

  /** The javac type, for {@link Kind#OTHER} only. */
  public TypeMirror mirror() {
    return mirror;
  }

  /** Whether a value of this type can carry a derivative of its own. */
  public boolean isDifferentiableScalar() {
    return kind == Kind.DOUBLE;
  }

  /** Whether a value of this type carries derivatives: a double, or an array of them. */
  public boolean carriesDerivative() {
    return kind == Kind.DOUBLE || kind == Kind.DOUBLE_ARRAY || kind == Kind.DOUBLE_MATRIX;
  }

  public boolean isArray() {
    return kind == Kind.DOUBLE_ARRAY || kind == Kind.DOUBLE_MATRIX || kind == Kind.INT_ARRAY
        || kind == Kind.BOOLEAN_ARRAY;
  }

  /** The type of {@code a[i]} for an array {@code a} of this type. */
  public IrType elementType() {
    return switch (kind) {
      case DOUBLE_ARRAY -> DOUBLE;
      case DOUBLE_MATRIX -> DOUBLE_ARRAY;
      case INT_ARRAY -> INT;
      case BOOLEAN_ARRAY -> BOOLEAN;
      default -> throw new IllegalStateException("not an array: " + this);
    };
  }

  public boolean isNumeric() {
    return switch (kind) {
      case BYTE, SHORT, CHAR, INT, LONG, FLOAT, DOUBLE -> true;
      default -> false;
    };
  }

  public boolean isIntegral() {
    return switch (kind) {
      case BYTE, SHORT, CHAR, INT, LONG -> true;
      default -> false;
    };
  }

  public boolean isPrimitive() {
    return isNumeric() || kind == Kind.BOOLEAN;
  }

  /** Binary numeric promotion (JLS 5.6.2). */
  public static IrType promote(IrType a, IrType b) {
    if (a.kind == Kind.DOUBLE || b.kind == Kind.DOUBLE) {
      return DOUBLE;
    }
    if (a.kind == Kind.FLOAT || b.kind == Kind.FLOAT) {
      return FLOAT;
    }
    if (a.kind == Kind.LONG || b.kind == Kind.LONG) {
      return LONG;
    }
    return INT;
  }

  /** Unary numeric promotion (JLS 5.6.1). */
  public IrType promoteUnary() {
    return switch (kind) {
      case BYTE, SHORT, CHAR -> INT;
      default -> this;
    };
  }

  /** Rank in the primitive widening order, or -1 for non-numeric types. */
  public int wideningRank() {
    return switch (kind) {
      case BYTE -> 0;
      case SHORT, CHAR -> 1;
      case INT -> 2;
      case LONG -> 3;
      case FLOAT -> 4;
      case DOUBLE -> 5;
      default -> -1;
    };
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof IrType other)) {
      return false;
    }
    if (kind != other.kind) {
      return false;
    }
    return kind != Kind.OTHER || mirror.toString().equals(other.mirror.toString());
  }

  @Override
  public int hashCode() {
    return kind == Kind.OTHER ? mirror.toString().hashCode() : kind.hashCode();
  }

  @Override
  public String toString() {
    return switch (kind) {
      case DOUBLE_ARRAY -> "double[]";
      case DOUBLE_MATRIX -> "double[][]";
      case INT_ARRAY -> "int[]";
      case BOOLEAN_ARRAY -> "boolean[]";
      case STRING -> "String";
      case OTHER -> mirror.toString();
      default -> kind.name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
