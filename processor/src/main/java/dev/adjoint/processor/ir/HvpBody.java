package dev.adjoint.processor.ir;

import java.util.List;
import java.util.Set;

/**
 * The generated body of a Hessian-vector product {@code mHvp}: the tangent of a method's adjoint
 * body along the vector (forward over reverse). Running {@code setup}, {@code forward} and
 * {@code reverse} in order computes the value into {@code value}, the gradient into
 * {@code gradients} and its tangent along the vector, H·v, into {@code products}.
 *
 * @param setup declarations the adjoint entry point would get from its caller (the adjoint
 *     arrays of array parameters) and their tangents
 * @param forward the forward sweep, tangents included
 * @param value the variable holding the value after the forward sweep
 * @param reverse the reverse sweep seeded with 1, tangents included
 * @param parameters the original's parameters, in order
 * @param differentiated the differentiated parameters, in order
 * @param directions one per differentiated parameter: the vector's parts
 * @param gradients for each differentiated parameter, its adjoint, or null when it is zero
 * @param products for each differentiated parameter, the tangent of its adjoint (H·v restricted
 *     to it), or null when it is zero
 * @param tapeUse whether the body records on the tape, only hands it on, or neither
 * @param tape the tape variable
 * @param names the names of the variables and labels in this body
 * @param taken every name the body uses, which the method's own locals must avoid
 */
public record HvpBody(
    List<Stmt> setup,
    List<Stmt> forward,
    Variable value,
    List<Stmt> reverse,
    List<Variable> parameters,
    List<Variable> differentiated,
    List<Variable> directions,
    List<Variable> gradients,
    List<Variable> products,
    TapeUse tapeUse,
    Variable tape,
    NameTable names,
    Set<String> taken) {

  /** The name of {@code v} in this body. */
  public String nameOf(Variable v) {
    return names.of(v);
  }

  /** Every statement of the body, in order, for measures over the whole. */
  public List<Stmt> all() {
    List<Stmt> all = new java.util.ArrayList<>(setup);
    all.addAll(forward);
    all.addAll(reverse);
    return all;
  }
}
