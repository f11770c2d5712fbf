package dev.adjoint.processor.codegen;

import static dev.adjoint.processor.codegen.TangentMethodWriter.doc;
import static dev.adjoint.processor.codegen.TangentMethodWriter.link;
import static dev.adjoint.processor.codegen.TangentMethodWriter.typeVariables;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import dev.adjoint.processor.abi.AdjointAbi;
import dev.adjoint.processor.abi.FlatParameters;
import dev.adjoint.processor.abi.RuntimeTypes;
import dev.adjoint.processor.abi.TangentAbi;
import dev.adjoint.processor.ir.AdjointTangentBody;
import dev.adjoint.processor.ir.TapeUse;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Writes {@code mAdjointJvp}, the tangent of the adjoint entry point ({@link TangentAbi}), which
 * the Hessian-vector products of callers call: forward over reverse through calls.
 */
public final class AdjointTangentWriter {
  private AdjointTangentWriter() {}

  /**
   * The entry point of {@code method}, whose adjoint convention is {@code abi}; with
   * {@code flat} not null, it takes the leaves of its records (the receiver's last) in place of
   * its parameters, as its adjoint entry point does.
   */
  public static MethodSpec write(ExecutableElement method, AdjointAbi abi,
      AdjointTangentBody body, Function<TypeElement, ClassName> generated,
      FlatParameters flat) {
    List<ParameterSpec> originals = originals(method, body, flat);
    int[] next = {0, 0};
    TypeName result = JavaExpressions.typeName(body.result().type());
    List<ParameterSpec> parameters = TangentAbi.adjointLayout(abi, originals,
        i -> spec(body, body.directions().get(next[0]++)), spec(body, body.seed()),
        spec(body, body.seedDot()), spec(body, body.adjoints()), spec(body, body.adjointsDot()),
        i -> spec(body, body.arrayAdjoints().get(next[1])),
        i -> spec(body, body.arrayAdjointDots().get(next[1]++)),
        ParameterSpec.builder(RuntimeTypes.TAPE, body.nameOf(body.tape())).build());
    String tape = body.nameOf(body.tape());
    MethodSpec.Builder m = MethodSpec.methodBuilder(
            TangentAbi.adjointEntryName(method.getSimpleName()))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addTypeVariables(typeVariables(method))
        .returns(result)
        .addParameters(parameters)
        .addJavadoc(doc("Tangent of the adjoint entry point of $L, for the Hessian-vector"
            + " products of generated code and other modules (forward over reverse).\n\n<p>Does"
            + " what {@code $N} does, and adds into {@code $N} and the adjoint arrays' tangents"
            + " (each after its array) the tangents of what it adds, along the directions (one per"
            + " differentiated parameter, after the method's parameters) and {@code $N}. Records"
            + " on {@code $N} as {@code $N} does.$L\n\n"
            + "@param $N the adjoint of the result\n"
            + "@param $N the tangent of {@code $N}\n"
            + "@param $N accumulates the adjoints of the differentiated scalar parameters\n"
            + "@param $N accumulates their tangents\n"
            + "@param $N a tape to record on, or null\n"
            + "@return the value of the original method\n", link(method),
            AdjointAbi.entryName(method.getSimpleName()), body.nameOf(body.adjointsDot()),
            body.nameOf(body.seedDot()), tape, AdjointAbi.entryName(method.getSimpleName()),
            flat == null ? "" : " Its records come as their components (the receiver's last), as"
                + " the adjoint entry point takes them, and their directions as one per"
                + " differentiated component.",
            body.nameOf(body.seed()), body.nameOf(body.seedDot()), body.nameOf(body.seed()),
            body.nameOf(body.adjoints()), body.nameOf(body.adjointsDot()), tape));
    if (body.tapeUse() == TapeUse.RECORDS) {
      m.beginControlFlow("if ($N == null)", tape)
          .addStatement("$N = new $T()", tape, RuntimeTypes.TAPE)
          .endControlFlow();
    }
    JavaStatements printer = new JavaStatements(JavaExpressions.plain(body.names(), generated),
        body.names());
    m.addComment("forward sweep: the value, and the tangents of what the reverse sweep reads");
    m.addCode(printer.print(body.forward()));
    m.addComment("reverse sweep: the adjoints and their tangents");
    m.addCode(printer.print(body.reverse()));
    m.addStatement("return $N", body.nameOf(body.result()));
    return m.build();
  }

  /**
   * The method's own parameters as {@code body} names them: its declared parameters, or with
   * {@code flat} not null the leaves of its records (the receiver's last).
   */
  static List<ParameterSpec> originals(ExecutableElement method, AdjointTangentBody body,
      FlatParameters flat) {
    List<? extends VariableElement> declared = method.getParameters();
    List<ParameterSpec> originals = new ArrayList<>();
    int arity = flat != null ? flat.leaves().size() : declared.size();
    for (int i = 0; i < arity; i++) {
      TypeName type = TypeName.get(flat != null ? flat.leaves().get(i).type()
          : declared.get(i).asType());
      originals.add(ParameterSpec.builder(type, body.nameOf(body.parameters().get(i))).build());
    }
    return originals;
  }

  /** A parameter for {@code v}, of its type, named as {@code body} names it. */
  static ParameterSpec spec(AdjointTangentBody body, Variable v) {
    return ParameterSpec.builder(JavaExpressions.typeName(v.type()), body.nameOf(v)).build();
  }
}
