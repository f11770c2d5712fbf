package dev.adjoint.processor.codegen;

import static dev.adjoint.processor.codegen.TangentMethodWriter.doc;
import static dev.adjoint.processor.codegen.TangentMethodWriter.link;
import static dev.adjoint.processor.codegen.TangentMethodWriter.typeVariables;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.adjoint.processor.abi.RuntimeTypes;
import dev.adjoint.processor.codegen.TangentMethodWriter.Members;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.ir.HvpBody;
import dev.adjoint.processor.ir.Namer;
import dev.adjoint.processor.ir.TapeUse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Writes {@code mHvp} (value, gradient and Hessian-vector product, from the tangent of the
 * adjoint body: forward over reverse) and {@code mHessian} (the dense Hessian, one
 * {@code mHvp} per entry of the flattened differentiated parameters), with their result records.
 */
public final class HessianMethodWriter {
  private static final ClassName BASIS = ClassName.get(RuntimeTypes.PACKAGE, "Basis");

  private HessianMethodWriter() {}

  /**
   * The members.
   *
   * @param body the tangent of the adjoint body
   * @param differentiatedNames the user's names of the differentiated parameters, in order
   * @param reserved identifiers generated locals must not take
   * @param generated the class generated for a class, whose members the body calls
   */
  public static Members write(ClassName grad, ExecutableElement method, HvpBody body,
      List<String> differentiatedNames, String hvpName,
      String hessianName, Set<String> reserved, Function<TypeElement, ClassName> generated) {
    ClassName hvpRecord = grad.nestedClass(hvpName);
    ClassName hessianRecord = grad.nestedClass(hessianName);
    int count = differentiatedNames.size();
    List<Variable> originals = body.differentiated();
    List<Variable> directions = body.directions();
    TypeSpec.Builder hvpType = TypeSpec.recordBuilder(hvpRecord.simpleName())
        .addModifiers(Modifier.PUBLIC);
    MethodSpec.Builder hvpConstructor = MethodSpec.constructorBuilder()
        .addParameter(TypeName.DOUBLE, "value");
    MethodSpec.Builder hessianConstructor = MethodSpec.constructorBuilder()
        .addParameter(TypeName.DOUBLE, "value");
    StringBuilder hvpDoc = new StringBuilder("Value, gradient and Hessian-vector product of "
        + link(method) + ".\n\n@param value the value of the original method\n");
    StringBuilder hessianDoc = new StringBuilder("Value, gradient and Hessian of "
        + link(method) + ".\n\n@param value the value of the original method\n");
    for (int k = 0; k < count; k++) {
      TypeName type = JavaExpressions.typeName(originals.get(k).type());
      String name = differentiatedNames.get(k);
      hvpConstructor.addParameter(type, name);
      hessianConstructor.addParameter(type, name);
      String line = "@param " + name + " the gradient with respect to {@code " + name + "}\n";
      hvpDoc.append(line);
      hessianDoc.append(line);
    }
    for (int k = 0; k < count; k++) {
      String name = differentiatedNames.get(k);
      hvpConstructor.addParameter(JavaExpressions.typeName(originals.get(k).type()),
          name + "Hvp");
      hvpDoc.append("@param ").append(name).append("Hvp the Hessian-vector product restricted"
          + " to {@code ").append(name).append("}, of its shape\n");
    }
    hessianConstructor.addParameter(JavaExpressions.typeName(
        dev.adjoint.processor.ir.IrType.DOUBLE_MATRIX), "hessian");
    hessianDoc.append("@param hessian the Hessian over the differentiated parameters flattened"
        + " in parameter order (a scalar is one entry, an array its elements row-major)\n");
    TypeSpec hvp = hvpType.recordConstructor(hvpConstructor.build())
        .addJavadoc("$L", Javadocs.reflow(hvpDoc.toString(), Javadocs.MEMBER_DOC_WIDTH)).build();
    TypeSpec hessian = TypeSpec.recordBuilder(hessianRecord.simpleName())
        .addModifiers(Modifier.PUBLIC)
        .recordConstructor(hessianConstructor.build())
        .addJavadoc("$L", Javadocs.reflow(hessianDoc.toString(), Javadocs.MEMBER_DOC_WIDTH))
        .build();
    Set<String> taken = new HashSet<>(reserved);
    taken.addAll(body.taken());
    for (Variable p : body.parameters()) {
      taken.add(body.nameOf(p));
    }
    return new Members(List.of(hvp, hessian), List.of(
        hvpMethod(method, body, hvpRecord, directions, taken, generated),
        hessianMethod(method, body, hvpRecord, hessianRecord, differentiatedNames, originals,
            directions, new Namer(taken))));
  }

  private static List<ParameterSpec> originalParameters(ExecutableElement method,
      HvpBody body) {
    List<ParameterSpec> params = new ArrayList<>();
    List<? extends VariableElement> declared = method.getParameters();
    for (int i = 0; i < declared.size(); i++) {
      params.add(ParameterSpec.builder(TypeName.get(declared.get(i).asType()),
          body.nameOf(body.parameters().get(i))).build());
    }
    return params;
  }

  private static MethodSpec hvpMethod(ExecutableElement method, HvpBody body,
      ClassName record, List<Variable> directions, Set<String> taken,
      Function<TypeElement, ClassName> generated) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(method.getSimpleName() + "Hvp")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addTypeVariables(typeVariables(method))
        .returns(record)
        .addParameters(originalParameters(method, body));
    for (Variable d : directions) {
      m.addParameter(JavaExpressions.typeName(d.type()), body.nameOf(d));
    }
    m.addJavadoc(doc("Value, gradient and Hessian-vector product of $L, in one forward and one"
        + " reverse sweep (forward mode over the gradient's sweeps: the tangent of the gradient"
        + " along the vector is H·v). After the method's parameters come the vector's parts,"
        + " one per differentiated parameter, of its type and shape.\n\n@return the value, the"
        + " gradient and the Hessian times the vector\n", link(method)));
    String value = addSweeps(m, body, generated, taken);
    List<CodeBlock> args = new ArrayList<>();
    args.add(CodeBlock.of("$N", value));
    for (int k = 0; k < body.differentiated().size(); k++) {
      args.add(orZero(body, body.gradients().get(k), body.differentiated().get(k)));
    }
    for (int k = 0; k < body.differentiated().size(); k++) {
      args.add(orZero(body, body.products().get(k), body.differentiated().get(k)));
    }
    m.addStatement("return new $T($L)", record, CodeBlock.join(args, ", "));
    return m.build();
  }

  /** {@code v}, or zeros of {@code p}'s shape when it is null. */
  /**
   * The tape, the setup, both sweeps of {@code body} and the value's copy into {@code m}, as
   * every {@code mHvp} (plain or over records' leaves) starts; the name of that copy.
   */
  static String addSweeps(MethodSpec.Builder m, HvpBody body,
      Function<TypeElement, ClassName> generated, Set<String> taken) {
    if (body.tapeUse() == TapeUse.RECORDS) {
      m.addStatement("$T $N = new $T()", RuntimeTypes.TAPE, body.nameOf(body.tape()),
          RuntimeTypes.TAPE);
    } else if (body.tapeUse() == TapeUse.PASSES_ON) {
      m.addStatement("$T $N = null", RuntimeTypes.TAPE, body.nameOf(body.tape()));
    }
    JavaStatements printer = new JavaStatements(JavaExpressions.plain(body.names(), generated),
        body.names());
    if (!body.setup().isEmpty()) {
      m.addCode(printer.print(body.setup()));
    }
    String value = new Namer(taken).claim("primalValue");
    m.addComment("forward sweep: the value, and the tangents of what the reverse sweep reads");
    m.addCode(printer.print(body.forward()));
    m.addComment("reverse sweep: the adjoints are the gradient, their tangents H·v");
    m.addCode(printer.print(body.reverse()));
    // after the reverse: a fused loop computes the value there
    m.addStatement("double $N = $N", value, body.nameOf(body.value()));
    return value;
  }

  private static CodeBlock orZero(HvpBody body, Variable v, Variable p) {
    if (v != null) {
      return CodeBlock.of("$N", body.nameOf(v));
    }
    return p.type().isArray()
        ? JavaExpressions.zerosLike(CodeBlock.of("$N", body.nameOf(p)), p.type())
        : CodeBlock.of("0.0");
  }

  private static MethodSpec hessianMethod(ExecutableElement method, HvpBody body,
      ClassName hvpRecord, ClassName record, List<String> names, List<Variable> originals,
      List<Variable> directions, Namer namer) {
    String n = namer.claim("n");
    String hessian = namer.claim("hessian");
    String hvp = namer.claim("hvp");
    String k = namer.claim("k");
    String rest = namer.claim("rest");
    String row = namer.claim("row");
    String at = namer.claim("at");
    MethodSpec.Builder m = MethodSpec.methodBuilder(method.getSimpleName() + "Hessian")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addTypeVariables(typeVariables(method))
        .returns(record)
        .addParameters(originalParameters(method, body))
        .addJavadoc(doc("Value, gradient and dense Hessian of $L over the differentiated"
            + " parameters flattened in parameter order (a scalar is one entry, an array its"
            + " elements row-major), one Hessian-vector product per entry: for small"
            + " problems.\n\n@return the value, the gradient and the Hessian\n", link(method)));
    List<CodeBlock> sizes = new ArrayList<>();
    for (Variable p : originals) {
      sizes.add(CodeBlock.of("$T.size($N)", BASIS, body.nameOf(p)));
    }
    m.addStatement("int $N = $L", n, CodeBlock.join(sizes, " + "));
    m.addStatement("double[][] $N = new double[$N][]", hessian, n);
    m.addStatement("$T $N = null", hvpRecord, hvp);
    m.beginControlFlow("for (int $N = 0; $N <= $N; $N++)", k, k, n, k);
    m.addComment("the unit vector k (all zeros at k = n, when there is no entry)");
    m.addStatement("int $N = $N == $N ? -1 : $N", rest, k, n, k);
    for (int i = 0; i < originals.size(); i++) {
      Variable p = originals.get(i);
      Variable d = directions.get(i);
      m.addStatement("$T $N = $T.unit($N, $N)", JavaExpressions.typeName(d.type()),
          body.nameOf(d), BASIS, body.nameOf(p), rest);
      m.addStatement("$N -= $T.size($N)", rest, BASIS, body.nameOf(p));
    }
    m.beginControlFlow("if ($N == $N && $N != null)", k, n, hvp).addStatement("break")
        .endControlFlow();
    List<CodeBlock> args = new ArrayList<>();
    for (Variable p : body.parameters()) {
      args.add(CodeBlock.of("$N", body.nameOf(p)));
    }
    for (Variable d : directions) {
      args.add(CodeBlock.of("$N", body.nameOf(d)));
    }
    m.addStatement("$N = $N($L)", hvp, method.getSimpleName() + "Hvp",
        CodeBlock.join(args, ", "));
    m.beginControlFlow("if ($N < $N)", k, n);
    m.addStatement("double[] $N = new double[$N]", row, n);
    m.addStatement("int $N = 0", at);
    for (String name : names) {
      m.addStatement("$N = $T.put($N, $N, $N.$N())", at, BASIS, row, at, hvp, name + "Hvp");
    }
    m.addStatement("$N[$N] = $N", hessian, k, row);
    m.endControlFlow();
    m.endControlFlow();
    List<CodeBlock> result = new ArrayList<>();
    result.add(CodeBlock.of("$N.value()", hvp));
    for (String name : names) {
      result.add(CodeBlock.of("$N.$N()", hvp, name));
    }
    result.add(CodeBlock.of("$N", hessian));
    m.addStatement("return new $T($L)", record, CodeBlock.join(result, ", "));
    return m.build();
  }
}
