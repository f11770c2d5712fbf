package dev.adjoint.processor.ir;

import java.util.List;

/**
 * The generated body of a tangent entry point: ordinary method IR that runs the method and its
 * tangent, stores the tangent of the result into {@code out[0]} and returns the value.
 *
 * @param body the statements and the returned value, with the names of every variable
 * @param parameters the original's parameters, then one direction per differentiated parameter
 * @param out the last parameter, a one-element array receiving the tangent of the result
 */
public record TangentBody(MethodBody body, List<Variable> parameters, Variable out) {

  /** The name of {@code v} in this body. */
  public String nameOf(Variable v) {
    return body.names().of(v);
  }
}
