package dev.adjoint.processor.ir;

import com.sun.source.tree.Tree;

/**
 * One variable of a method: a parameter, a user local, or a variable the transformation
 * introduces. Immutable; identity matters: two user locals with the same name in sibling scopes
 * are two variables, which a {@link NameTable} gives two distinct generated names.
 */
public final class Variable {

  /** Where a variable comes from. */
  public enum Origin {
    /** A parameter of the original method. */
    PARAMETER,
    /** A local the user declared. */
    LOCAL,
    /** Receives the value of every {@code return}. */
    RESULT,
    /** A local the front end introduces (a switch selector, say); part of the primal. */
    TEMPORARY,
    /** The adjoint of another variable. */
    ADJOINT,
    /** A saved value, branch decision, position or trip count. */
    RECORD,
    /** A value the reverse sweep recomputes for one statement's adjoint. */
    SCRATCH;

    /** Whether the variable belongs to the original computation, whose values can change. */
    public boolean isPrimal() {
      return this == PARAMETER || this == LOCAL || this == RESULT || this == TEMPORARY;
    }
  }

  private final String sourceName;
  private final IrType type;
  private final Origin origin;
  private final Tree declaration;
  private final boolean passive;

  public Variable(String sourceName, IrType type, Origin origin, Tree declaration) {
    this(sourceName, type, origin, declaration, false);
  }

  private Variable(String sourceName, IrType type, Origin origin, Tree declaration,
      boolean passive) {
    this.sourceName = sourceName;
    this.type = type;
    this.origin = origin;
    this.declaration = declaration;
    this.passive = passive;
  }

  /**
   * A primal temporary that never carries a derivative (neither an adjoint nor a tangent),
   * whatever it is assigned: a second name for a caller's array that the gradient only writes
   * through to, so that the caller's array changes as the original changes it
   * ({@code normalize.ParameterArrayCopies}).
   */
  public static Variable passive(String sourceName, IrType type, Tree declaration) {
    return new Variable(sourceName, type, Origin.TEMPORARY, declaration, true);
  }

  /** Whether this variable never carries a derivative (see {@link #passive}). */
  public boolean isPassive() {
    return passive;
  }

  /** The name the user wrote, or a descriptive base name for generated variables. */
  public String sourceName() {
    return sourceName;
  }

  public IrType type() {
    return type;
  }

  public Origin origin() {
    return origin;
  }

  public Tree declaration() {
    return declaration;
  }

  @Override
  public String toString() {
    return sourceName;
  }
}
