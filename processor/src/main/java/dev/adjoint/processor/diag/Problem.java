package dev.adjoint.processor.diag;

/**
 * The stable identifier of every kind of error and warning Adjoint reports, printed first in the
 * message as {@code [adjoint:<id>]} (as AutoValue and Error Prone put their key first), so that
 * build logs, tests and tools can match a diagnostic without depending on its wording.
 *
 * <p>One identifier stands for one rule: messages that are variants of one rule (the same
 * restriction met by different constructs) share it. Identifiers are never renamed or reused;
 * README's "Message identifiers" lists each one.
 */
public enum Problem {
  // ----------------------------------------------------------- options and annotations

  /** An {@code -Aadjoint.*} processor option has a value Adjoint does not accept. */
  INVALID_OPTION("invalid-option"),
  /** {@code @Differentiable} on an instance method of a class that is not a record of doubles. */
  NOT_STATIC("not-static"),
  /** {@code @Differentiable} on an abstract or native method, which has no body. */
  NO_BODY("no-body"),
  /** A method returns a type its {@code @Differentiable} (or a mode it asks for) cannot use. */
  RETURN_TYPE("return-type"),
  /** {@code wrt} names nothing, a name twice, no parameter, or one not differentiable. */
  INVALID_WRT("invalid-wrt"),
  /** A parameter has a name the generated code needs ({@code value}, {@code self}, …). */
  RESERVED_NAME("reserved-name"),
  /** A record Adjoint cannot flatten: private, with its own constructor or accessor, … */
  UNSUPPORTED_RECORD("unsupported-record"),
  /** {@code @Checkpointed(every = n)} with n below 1. */
  CHECKPOINT_INTERVAL("checkpoint-interval"),
  /** A {@code @Partial}, {@code @Pullback} or {@code @Tangent} that does not fit its original. */
  INVALID_DERIVATIVE("invalid-derivative"),
  /** A derivative of one original (and parameter) declared twice. */
  DUPLICATE_DERIVATIVE("duplicate-derivative"),
  /** A generated class or member would collide with another class or member. */
  NAME_COLLISION("name-collision"),
  /** The source of a {@code @Differentiable} method cannot be read. */
  NO_SOURCE("no-source"),

  // ------------------------------------------------------------------------ front end

  /** A statement Adjoint does not differentiate ({@code try}, {@code synchronized}, …). */
  UNSUPPORTED_STATEMENT("unsupported-statement"),
  /** An expression, operator, call shape or object creation Adjoint does not differentiate. */
  UNSUPPORTED_EXPRESSION("unsupported-expression"),
  /** A lambda or method reference in a {@code @Differentiable} method. */
  LAMBDA("lambda"),
  /** A local, array, cast or indexing of a type Adjoint does not differentiate. */
  UNSUPPORTED_TYPE("unsupported-type"),
  /** An enhanced {@code for} over something other than an array variable, row or call. */
  FOR_EACH("for-each"),
  /** A {@code switch} case that falls through to the next. */
  SWITCH_FALL_THROUGH("switch-fall-through"),
  /** What must run exactly once (an assignment, a new array, …) in an operand of ?:, && or ||. */
  CONDITIONAL_OPERAND("conditional-operand"),
  /** An operand a later operand changes, which cannot be held in a temporary. */
  EVALUATION_ORDER("evaluation-order"),
  /** Two names for one array: an array declared or assigned from another, a changed row alias. */
  ARRAY_ALIAS("array-alias"),
  /** An assignment to a name that stands for a record parameter, a component or a row. */
  ALIAS_ASSIGNMENT("alias-assignment"),
  /** {@code clone()}, {@code Arrays.copyOf}, {@code System.arraycopy} in a shape not supported. */
  ARRAY_COPY("array-copy"),
  /** A matrix initializer whose rows are not rectangular rows of values. */
  RAGGED_MATRIX("ragged-matrix"),
  /** An array a loop would have to allocate anew on each iteration. */
  ARRAY_IN_LOOP("array-in-loop"),
  /** A write into a parameter array that the gradient cannot redirect to a copy. */
  PARAMETER_WRITE("parameter-write"),
  /** A write into a field, or into an array that is not held in a local. */
  FIELD_WRITE("field-write"),
  /** A method, field or overload Adjoint cannot resolve from the types it sees. */
  UNRESOLVED_MEMBER("unresolved-member"),
  /** An instance method or field used from a static method. */
  STATIC_CONTEXT("static-context"),
  /** A private member (field, method, table, enum, class) the generated class cannot reach. */
  PRIVATE_MEMBER("private-member"),
  /** A record used other than through its components, or a record method Adjoint cannot follow. */
  RECORD_USE("record-use"),
  /** A local record given something other than a value Adjoint can flatten. */
  RECORD_LOCAL("record-local"),
  /** A helper returning a record, whose body cannot be inlined. */
  RECORD_HELPER("record-helper"),
  /** A call dispatched on a sealed interface in a shape Adjoint does not differentiate. */
  SEALED_DISPATCH("sealed-dispatch"),

  // ------------------------------------------------------------------------- analyses

  /** An active value flows into a method for which no derivative (of the mode) is known. */
  NO_DERIVATIVE("no-derivative"),
  /** An active value leaves the doubles (a float, an object, a String) and its derivative. */
  LOST_DERIVATIVE("lost-derivative"),
  /** A differentiated call returning an array, used where its adjoint array cannot be named. */
  ARRAY_RESULT("array-result"),
  /** An array passed to a method Adjoint cannot see into. */
  OPAQUE_ARRAY_CALL("opaque-array-call"),
  /** A helper that may write into an array it receives. */
  HELPER_ARRAY_WRITE("helper-array-write"),
  /** A call not known to be pure where the adjoint would evaluate it again or not exactly once. */
  IMPURE_CALL("impure-call"),
  /** A value that is not primitive, overwritten in a loop and needed by the gradient. */
  UNRECORDABLE_VALUE("unrecordable-value"),
  /** A {@code @Checkpointed} loop that writes arrays, jumps out or assigns non-primitives. */
  CHECKPOINTED_LOOP("checkpointed-loop"),
  /** {@code graph = true} on a method a computation graph cannot record. */
  GRAPH_UNSUPPORTED("graph-unsupported"),
  /** Warning: a differentiated parameter that cannot influence the result. */
  INDEPENDENT_PARAMETER("independent-parameter"),

  // ---------------------------------------------------------------- forward modes

  /** Forward mode or second order asked of a method they do not support yet. */
  MODE_UNSUPPORTED("mode-unsupported"),
  /** Forward mode calls a method compiled without its tangent entry point. */
  MISSING_TANGENT_ENTRY("missing-tangent-entry"),

  // ------------------------------------------------------------- limits and failures

  /** Generated code would exceed the JVM's 64 KB limit on a method's bytecode. */
  TOO_LARGE("too-large"),
  /** A method nested so deeply that the processor's stack overflowed. */
  TOO_DEEP("too-deep"),
  /** A generated source file could not be written. */
  WRITE_FAILED("write-failed"),
  /** A failure of Adjoint itself, reported on the method with the first frames of its stack. */
  INTERNAL_ERROR("internal-error");

  private final String id;

  Problem(String id) {
    this.id = id;
  }

  /** The stable, kebab-case identifier. */
  public String id() {
    return id;
  }

  /** The message as printed: {@code [adjoint:<id>] <detail>}. */
  public String format(String detail) {
    return "[adjoint:" + id + "] " + detail;
  }
}
