package dev.adjoint.processor.codegen;

import static dev.adjoint.processor.codegen.AdjointTangentWriter.spec;
import static dev.adjoint.processor.codegen.TangentMethodWriter.doc;
import static dev.adjoint.processor.codegen.TangentMethodWriter.link;
import static dev.adjoint.processor.codegen.TangentMethodWriter.typeVariables;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import dev.adjoint.processor.abi.AdjointAbi;
import dev.adjoint.processor.abi.FlatParameters;
import dev.adjoint.processor.abi.RuntimeTypes;
import dev.adjoint.processor.abi.TangentAbi;
import dev.adjoint.processor.ir.AdjointTangentBody;
import dev.adjoint.processor.ir.TapeUse;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Writes {@code mHvpInto} ({@link TangentAbi#hvpIntoLayout}): value, gradient and Hessian-vector
 * product added into caller arrays, the tangent of the adjoint entry point seeded with exactly 1.
 * It is to {@code mHvp} what {@code mAdjoint} is to the gradient: no result arrays allocated per
 * call, and, unlike {@code mAdjointJvp}, no multiplications by a seed and its tangent.
 */
public final class HvpIntoWriter {
  private HvpIntoWriter() {}

  /**
   * The entry point of {@code method}, whose adjoint convention is {@code abi}, from the
   * unit-seeded {@code body}; with {@code flat} not null it takes the leaves of its records (the
   * receiver's last), as {@code mAdjointJvp} does.
   */
  public static MethodSpec write(ExecutableElement method, AdjointAbi abi,
      AdjointTangentBody body, Function<TypeElement, ClassName> generated,
      FlatParameters flat) {
    List<ParameterSpec> originals = AdjointTangentWriter.originals(method, body, flat);
    int[] next = {0, 0};
    List<ParameterSpec> parameters = TangentAbi.hvpIntoLayout(abi, originals,
        i -> spec(body, body.directions().get(next[0]++)), spec(body, body.adjoints()),
        spec(body, body.adjointsDot()), i -> spec(body, body.arrayAdjoints().get(next[1])),
        i -> spec(body, body.arrayAdjointDots().get(next[1]++)));
    String adjoints = body.nameOf(body.adjoints());
    String adjointsDot = body.nameOf(body.adjointsDot());
    MethodSpec.Builder m = MethodSpec.methodBuilder(TangentAbi.hvpIntoName(method.getSimpleName()))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addTypeVariables(typeVariables(method))
        .returns(JavaExpressions.typeName(body.result().type()))
        .addParameters(parameters)
        .addJavadoc(doc("Value, gradient and Hessian-vector product of $L, added into the"
            + " caller's arrays: what {@code $L} returns, without allocating (forward over"
            + " reverse, seeded with 1).\n\n<p>After the method's parameters come the vector's"
            + " parts, one per differentiated parameter$L. Adds the gradient with respect to the"
            + " differentiated scalar parameters into {@code $N} (in order) and with respect to"
            + " each differentiated array parameter into the array after it; adds H·v into"
            + " {@code $N} and into the array after each adjoint array. Zero them first to get"
            + " the gradient and H·v themselves.\n\n"
            + "@param $N accumulates the gradient with respect to the scalar parameters\n"
            + "@param $N accumulates H·v restricted to them\n"
            + "@return the value of the original method\n", link(method),
            method.getSimpleName() + "Hvp",
            flat == null ? "" : " (records come as their components, the receiver's last, as"
                + " the adjoint entry point takes them)",
            adjoints, adjointsDot, adjoints, adjointsDot));
    String tape = body.nameOf(body.tape());
    if (body.tapeUse() == TapeUse.RECORDS) {
      m.addStatement("$T $N = new $T()", RuntimeTypes.TAPE, tape, RuntimeTypes.TAPE);
    } else if (body.tapeUse() == TapeUse.PASSES_ON) {
      m.addStatement("$T $N = null", RuntimeTypes.TAPE, tape);
    }
    JavaStatements printer = new JavaStatements(JavaExpressions.plain(body.names(), generated),
        body.names());
    m.addComment("forward sweep: the value, and the tangents of what the reverse sweep reads");
    m.addCode(printer.print(body.forward()));
    m.addComment("reverse sweep: the gradient and H·v");
    m.addCode(printer.print(body.reverse()));
    m.addStatement("return $N", body.nameOf(body.result()));
    return m.build();
  }
}
