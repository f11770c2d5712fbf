package dev.adjoint.processor.ir;

import java.util.List;

/**
 * The generated body of one method, in adjoint IR, in the pieces that both entry points share:
 * declarations and the forward sweep, and the reverse sweep with the adjoints it declares (the
 * result's adjoint is seeded by the entry point). Running {@code prologue}, {@code forward}, the
 * seed and {@code reverse} in order computes the value into {@code result} and adds the seed
 * times each partial derivative into the parameter adjoints.
 *
 * @param prologue declarations hoisted out of the forward sweep
 * @param forward the forward sweep: the original computation plus what it records
 * @param reverse the reverse sweep, with the declarations of the adjoint variables
 * @param result the variable holding the primal value
 * @param resultAdjoint the adjoint variable the entry point seeds
 * @param parameters every parameter (a parameter whose name would obscure a type the code uses
 *     is renamed in {@code names})
 * @param differentiated the differentiated parameters, in order
 * @param parameterAdjoints for each differentiated parameter, its adjoint, or null when the
 *     result does not depend on it. Array parameters' adjoints are declared by the entry point:
 *     allocated by the gradient method, passed in to the adjoint entry point
 * @param tapeUse whether the body records on the tape, only hands it on to callees, or neither
 * @param tape the tape variable
 * @param seedName the name of the adjoint entry point's seed parameter
 * @param adjointsName the name of the adjoint entry point's accumulator parameter
 * @param names the names of the variables and labels in this body
 */
public record AdjointBody(
    List<Stmt> prologue,
    List<Stmt> forward,
    List<Stmt> reverse,
    Variable result,
    Variable resultAdjoint,
    List<Variable> parameters,
    List<Variable> differentiated,
    List<Variable> parameterAdjoints,
    TapeUse tapeUse,
    Variable tape,
    String seedName,
    String adjointsName,
    NameTable names) {

  /** The name of {@code v} in this body. */
  public String nameOf(Variable v) {
    return names.of(v);
  }

  /** The name of the tape variable, also the adjoint entry point's tape parameter. */
  public String tapeName() {
    return names.of(tape);
  }

  /** Every statement of the body, in order, for measures over the whole. */
  public List<Stmt> all() {
    List<Stmt> all = new java.util.ArrayList<>(prologue);
    all.addAll(forward);
    all.addAll(reverse);
    return all;
  }
}
