package dev.adjoint.processor.transform;

import com.palantir.javapoet.CodeBlock;
import dev.adjoint.processor.ir.NameTable;
import dev.adjoint.processor.ir.Variable;
import java.util.List;

/**
 * The generated body of one method, in the pieces that both entry points share: declarations and
 * the forward sweep, the adjoint declarations (the result's adjoint is seeded by the entry point),
 * and the reverse sweep.
 *
 * @param prologue declarations hoisted out of the forward sweep
 * @param forward the forward sweep: the original computation plus what it records
 * @param adjoints declarations of the adjoint variables, after the seed
 * @param reverse the reverse sweep
 * @param result the variable holding the primal value
 * @param resultAdjoint the adjoint variable the entry point seeds
 * @param parameters every parameter (a parameter whose name would obscure a type the code uses
 *     is renamed in {@code names})
 * @param differentiated the differentiated parameters, in order
 * @param parameterAdjoints for each differentiated parameter, its adjoint, or null when the
 *     result does not depend on it. Array parameters' adjoints are declared by the entry point:
 *     allocated by the gradient method, passed in to the adjoint entry point
 * @param tapeUse whether the body records on the tape, only hands it on to callees, or neither
 * @param tape the tape variable's name
 * @param seedName the name of the adjoint entry point's seed parameter
 * @param adjointsName the name of the adjoint entry point's accumulator parameter
 * @param tapeName the name of the adjoint entry point's tape parameter
 * @param names the names of the original's variables in this body
 */
public record AdjointBody(
    CodeBlock prologue,
    CodeBlock forward,
    CodeBlock adjoints,
    CodeBlock reverse,
    Variable result,
    Variable resultAdjoint,
    List<Variable> parameters,
    List<Variable> differentiated,
    List<Variable> parameterAdjoints,
    TapeUse tapeUse,
    String tape,
    String seedName,
    String adjointsName,
    String tapeName,
    NameTable names) {

  /** The name of {@code v} in this body. */
  public String nameOf(Variable v) {
    return names.of(v);
  }
}

