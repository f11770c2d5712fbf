package dev.adjoint.processor.ir;

import java.util.List;

/**
 * The generated body of the tangent of a method's adjoint entry point, {@code mAdjointJvp}
 * ({@code abi/TangentAbi}): the adjoint body with forward mode over it. Running {@code forward}
 * then {@code reverse} computes the value into {@code result} and adds into the accumulators what
 * {@code mAdjoint} adds, and into their tangents the tangents of that.
 *
 * @param forward the forward sweep, tangents included (declarations first)
 * @param reverse the reverse sweep seeded with {@code seed}, then the accumulation into the
 *     scalar accumulator, tangents included
 * @param result the variable holding the value
 * @param parameters the original's parameters, in order
 * @param directions one per differentiated parameter, in order
 * @param seed the adjoint of the result
 * @param seedDot its tangent
 * @param adjoints the scalar accumulator
 * @param adjointsDot its tangent
 * @param arrayAdjoints for each parameter with an adjoint array, in order, that array
 * @param arrayAdjointDots their tangents
 * @param tapeUse whether the body records on the tape, only hands it on, or neither
 * @param tape the tape parameter
 * @param names the names of the variables and labels in this body
 */
public record AdjointTangentBody(
    List<Stmt> forward,
    List<Stmt> reverse,
    Variable result,
    List<Variable> parameters,
    List<Variable> directions,
    Variable seed,
    Variable seedDot,
    Variable adjoints,
    Variable adjointsDot,
    List<Variable> arrayAdjoints,
    List<Variable> arrayAdjointDots,
    TapeUse tapeUse,
    Variable tape,
    NameTable names) {

  /** The name of {@code v} in this body. */
  public String nameOf(Variable v) {
    return names.of(v);
  }

  /** Every statement of the body, in order, for measures over the whole. */
  public List<Stmt> all() {
    List<Stmt> all = new java.util.ArrayList<>(forward);
    all.addAll(reverse);
    return all;
  }
}
