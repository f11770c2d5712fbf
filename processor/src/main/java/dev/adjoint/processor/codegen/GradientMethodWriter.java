package dev.adjoint.processor.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.adjoint.processor.abi.RuntimeTypes;
import dev.adjoint.processor.ir.AdjointBody;
import dev.adjoint.processor.ir.TapeUse;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * The gradient API users see for a method without record parameters: its result record
 * ({@code MResult}), its gradient method and, when asked for, its graph method.
 */
final class GradientMethodWriter {
  private GradientMethodWriter() {}

  static TypeSpec resultRecord(GradClassWriter.Entry e) {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addParameter(JavaExpressions.typeName(e.body().result().type()), "value");
    StringBuilder doc = new StringBuilder("Value and gradient of " + Javadocs.link(e.method())
        + ".\n\n@param value the value of the original method\n");
    for (Variable p : e.body().differentiated()) {
      constructor.addParameter(JavaExpressions.typeName(p.type()), p.sourceName());
      String what = p.type().isArray()
          ? "the gradient with respect to {@code %s}, a fresh array of its shape"
          : "the partial derivative with respect to {@code %s}";
      doc.append("@param ").append(p.sourceName()).append(' ')
          .append(String.format(what, p.sourceName()))
          .append('\n');
    }
    return TypeSpec.recordBuilder(e.resultName())
        .addModifiers(Modifier.PUBLIC)
        .recordConstructor(constructor.build())
        .addJavadoc("$L", Javadocs.reflow(doc.toString(), Javadocs.MEMBER_DOC_WIDTH))
        .build();
  }

  static MethodSpec gradientMethod(ClassName grad, GradClassWriter.Entry e,
      Function<TypeElement, ClassName> generated) {
    AdjointBody body = e.body();
    ClassName result = grad.nestedClass(e.resultName());
    boolean vector = body.result().type().isArray();
    MethodSpec.Builder m = header(e, result)
        .addParameters(AdjointEntryWriter.originalParameters(e));
    if (vector) {
      m.addParameter(ArrayTypeName.of(TypeName.DOUBLE), body.seedName());
    }
    m.addJavadoc(gradientJavadoc(e));
    if (allocatesAnyway(body)) {
      delegateToAdjoint(m, e, result, vector);
      return m.build();
    }
    // Scalar, loop-free or tape-free: the sweeps inline, allocating nothing but the result.
    if (body.tapeUse() == TapeUse.PASSES_ON) {
      m.addStatement("$T $N = null", RuntimeTypes.TAPE, body.tapeName());
    }
    AdjointEntryWriter.addSweeps(m, body, CodeBlock.of("1.0"), generated);
    CodeBlock.Builder args = CodeBlock.builder().add("$N", body.nameOf(body.result()));
    for (Variable adjoint : body.parameterAdjoints()) {
      args.add(", $L", adjoint != null ? CodeBlock.of("$N", body.nameOf(adjoint)) : "0.0");
    }
    m.addStatement("return new $T($L)", result, args.build());
    return m.build();
  }

  /** A gradient method named as the original, returning {@code result}, with its type variables. */
  static MethodSpec.Builder header(GradClassWriter.Entry e, ClassName result) {
    return MethodSpec.methodBuilder(e.method().getSimpleName().toString())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(result)
        .addTypeVariables(AdjointEntryWriter.typeVariables(e));
  }

  /** The gradient method's Javadoc (scalar or vector result), with or without records. */
  static CodeBlock gradientJavadoc(GradClassWriter.Entry e) {
    AdjointBody body = e.body();
    String link = Javadocs.link(e.method());
    String parameters = Javadocs.describeParameters(e.differentiatedNames());
    if (body.result().type().isArray()) {
      return Javadocs.member("Value and vector-Jacobian product of $L, by reverse-mode"
          + " differentiation: the gradient of {@code $N · value} with respect to $L.\n\n"
          + "@param $N the adjoint of the result, one entry per element\n"
          + "@return the value and the products with respect to $L\n",
          link, body.seedName(), parameters, body.seedName(), parameters);
    }
    return Javadocs.member("Value and gradient of $L, by reverse-mode differentiation.\n\n"
        + "@return the value and its partial derivatives with respect to $L\n",
        link, parameters);
  }

  static MethodSpec graphMethod(GradClassWriter.Entry e,
      Function<TypeElement, ClassName> generated) {
    return MethodSpec.methodBuilder(e.method().getSimpleName() + "Graph")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(RuntimeTypes.COMPUTATION_GRAPH)
        .addTypeVariables(AdjointEntryWriter.typeVariables(e))
        .addParameters(AdjointEntryWriter.originalParameters(e))
        .addJavadoc(Javadocs.member("The computation graph of one evaluation of $L: a node per"
            + " parameter and per executed assignment, with its value and its adjoint, and the"
            + " local partial derivative on each edge. Render it with {@code toDot()},"
            + " {@code toMermaid()} or {@code toTable()}.\n\n"
            + "@return the evaluated graph, adjoints included\n",
            Javadocs.link(e.method())))
        .addCode(MethodBodies.print(e.graph(), generated))
        .build();
  }

  /**
   * Whether the gradient allocates a tape or arrays whatever the code: then the gradient method
   * calls the adjoint entry point rather than repeat its body, which halves the code javac
   * compiles. Loop-free scalar code keeps its own copy and allocates nothing but its result.
   */
  private static boolean allocatesAnyway(AdjointBody body) {
    return body.tapeUse() == TapeUse.RECORDS || body.result().type().isArray()
        || body.differentiated().stream().anyMatch(p -> p.type().isArray());
  }

  private static void delegateToAdjoint(MethodSpec.Builder m, GradClassWriter.Entry e,
      ClassName result, boolean vector) {
    AdjointBody body = e.body();
    long scalars = body.differentiated().stream().filter(p -> !p.type().isArray()).count();
    m.addStatement("double[] $N = new double[$L]", body.adjointsName(), scalars);
    for (int k = 0; k < body.differentiated().size(); k++) {
      Variable p = body.differentiated().get(k);
      if (p.type().isArray()) {
        Variable adjoint = body.parameterAdjoints().get(k);
        m.addStatement("$T $N = $L", JavaExpressions.typeName(p.type()), body.nameOf(adjoint),
            JavaExpressions.zerosLike(CodeBlock.of("$N", body.nameOf(p)), p.type()));
      }
    }
    List<CodeBlock> parameters = new ArrayList<>();
    for (Variable p : body.parameters()) {
      parameters.add(CodeBlock.of("$N", body.nameOf(p)));
    }
    List<CodeBlock> arguments = e.abi().layout(parameters,
        vector ? CodeBlock.of("$N", body.seedName()) : CodeBlock.of("1.0"),
        CodeBlock.of("$N", body.adjointsName()),
        i -> CodeBlock.of("$N", body.nameOf(AdjointEntryWriter.adjointOfParameter(body, i))),
        CodeBlock.of("null"));
    CodeBlock call = CodeBlock.of("$N($L)", e.adjointName(), CodeBlock.join(arguments, ", "));
    m.addStatement("$T $N = $L", JavaExpressions.typeName(body.result().type()),
        body.nameOf(body.result()), call);
    CodeBlock.Builder args = CodeBlock.builder().add("$N", body.nameOf(body.result()));
    int slot = 0;
    for (int k = 0; k < body.differentiated().size(); k++) {
      Variable p = body.differentiated().get(k);
      if (p.type().isArray()) {
        args.add(", $N", body.nameOf(body.parameterAdjoints().get(k)));
      } else {
        args.add(", $N[$L]", body.adjointsName(), slot++);
      }
    }
    m.addStatement("return new $T($L)", result, args.build());
  }
}
