package dev.adjoint.processor.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import dev.adjoint.processor.cleanup.ZeroAdjointGuard;
import dev.adjoint.processor.abi.RuntimeTypes;
import dev.adjoint.processor.ir.AdjointBody;
import dev.adjoint.processor.ir.TapeUse;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * The low-level adjoint entry point ({@code mAdjoint}) every differentiated method gets, which
 * generated callers use, and the pieces the gradient API shares with it: the original's
 * signature and the two sweeps.
 */
final class AdjointEntryWriter {
  private AdjointEntryWriter() {}

  static MethodSpec adjointMethod(GradClassWriter.Entry e,
      Function<TypeElement, ClassName> generated) {
    AdjointBody body = e.body();
    TypeName resultType = JavaExpressions.typeName(body.result().type());
    MethodSpec.Builder m = MethodSpec.methodBuilder(e.adjointName())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(resultType)
        .addTypeVariables(typeVariables(e))
        .addParameters(e.abi().layout(originalParameters(e),
            ParameterSpec.builder(resultType, body.seedName()).build(),
            ParameterSpec.builder(ArrayTypeName.of(TypeName.DOUBLE), body.adjointsName()).build(),
            i -> ParameterSpec.builder(JavaExpressions.typeName(body.parameters().get(i).type()),
                body.nameOf(adjointOfParameter(body, i))).build(),
            ParameterSpec.builder(RuntimeTypes.TAPE, body.tapeName()).build()))
        .addJavadoc(Javadocs.member("Adjoint entry point of $L, for generated code and other"
            + " modules.\n\n"
            + "<p>Runs the method and returns its value; adds {@code $N} times the partial"
            + " derivative with respect to the k-th differentiated scalar parameter ($L) into"
            + " {@code $N[k]}, and adds the gradient with respect to each differentiated array"
            + " parameter into the array passed after it. Records on {@code $N} when given one"
            + " (it is left as it was found), or on a tape of its own when it needs one and"
            + " {@code $N} is null.\n\n"
            + "@param $N the adjoint of the result\n"
            + "@param $N accumulates the adjoints of the differentiated parameters, in order\n"
            + "@param $N a tape to record on, or null\n"
            + "@return the value of the original method\n",
            Javadocs.link(e.method()), body.seedName(),
            Javadocs.describeParameters(e.differentiatedNames()),
            body.adjointsName(), body.tapeName(), body.tapeName(), body.seedName(),
            body.adjointsName(), body.tapeName()));
    if (body.tapeUse() == TapeUse.RECORDS) {
      m.beginControlFlow("if ($N == null)", body.tapeName())
          .addStatement("$N = new $T()", body.tapeName(), RuntimeTypes.TAPE)
          .endControlFlow();
    }
    addSweeps(m, body, CodeBlock.of("$N", body.seedName()), generated);
    for (int k = 0; k < body.differentiated().size(); k++) {
      Variable adjoint = body.parameterAdjoints().get(k);
      int index = body.parameters().indexOf(body.differentiated().get(k));
      if (adjoint != null && !e.abi().isArray(index)) {
        m.addStatement("$N[$L] += $N", body.adjointsName(), e.abi().slot(index),
            body.nameOf(adjoint));
      }
    }
    m.addStatement("return $N", body.nameOf(body.result()));
    return m.build();
  }

  /** The adjoint variable of parameter {@code index}, which the body differentiates. */
  static Variable adjointOfParameter(AdjointBody body, int index) {
    return body.parameterAdjoints().get(
        body.differentiated().indexOf(body.parameters().get(index)));
  }

  /** The forward sweep (after the prologue), the seed of the result's adjoint, the reverse. */
  static void addSweeps(MethodSpec.Builder m, AdjointBody body, CodeBlock seed,
      Function<TypeElement, ClassName> generated) {
    JavaStatements printer = new JavaStatements(JavaExpressions.plain(body.names(), generated),
        body.names());
    if (!body.prologue().isEmpty()) {
      m.addCode(printer.print(body.prologue()));
    }
    m.addComment("forward sweep");
    m.addCode(printer.print(body.forward()));
    m.addComment("reverse sweep");
    m.addStatement("$T $N = $L", JavaExpressions.typeName(body.result().type()),
        body.nameOf(body.resultAdjoint()), seed);
    m.addCode(printer.print(ZeroAdjointGuard.printed(body)));
  }

  /** The original's type variables, with their bounds, for every method with its signature. */
  static List<TypeVariableName> typeVariables(GradClassWriter.Entry e) {
    return e.method().getTypeParameters().stream().map(TypeVariableName::get).toList();
  }

  /** The original's parameters, with the names the generated body uses for them. */
  static List<ParameterSpec> originalParameters(GradClassWriter.Entry e) {
    List<ParameterSpec> params = new ArrayList<>();
    if (RecordApi.applies(e)) {
      // The entry point takes the records' leaves (FlatParameters).
      for (int k = 0; k < e.flat().leaves().size(); k++) {
        params.add(ParameterSpec.builder(TypeName.get(e.flat().leaves().get(k).type()),
            e.body().nameOf(e.body().parameters().get(k))).build());
      }
      return params;
    }
    List<? extends VariableElement> declared = e.method().getParameters();
    for (int i = 0; i < declared.size(); i++) {
      params.add(ParameterSpec.builder(TypeName.get(declared.get(i).asType()),
          e.body().nameOf(e.body().parameters().get(i))).build());
    }
    return params;
  }
}
