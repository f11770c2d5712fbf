package dev.adjoint.processor.codegen;

import static dev.adjoint.processor.codegen.TangentMethodWriter.doc;
import static dev.adjoint.processor.codegen.TangentMethodWriter.link;
import static dev.adjoint.processor.codegen.TangentMethodWriter.typeVariables;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.adjoint.processor.abi.AdjointAbi;
import dev.adjoint.processor.abi.RuntimeTypes;
import dev.adjoint.processor.abi.TangentAbi;
import dev.adjoint.processor.codegen.TangentMethodWriter.Members;
import dev.adjoint.processor.codegen.TangentMethodWriter.TangentCode;
import dev.adjoint.processor.ir.Namer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;

/**
 * Writes {@code mJacobian} for a method returning {@code double[]}: its values and dense
 * Jacobian (one row per output, columns over the differentiated parameters flattened in
 * parameter order), by forward sweeps ({@code mJvp}, one per input) or reverse sweeps (the
 * vector-Jacobian product {@code m(…, seed)}, one per output), whichever are fewer.
 */
public final class JacobianMethodWriter {
  private static final ClassName BASIS = ClassName.get(RuntimeTypes.PACKAGE, "Basis");

  private JacobianMethodWriter() {}

  public static Members write(ClassName grad, ExecutableElement method, AdjointAbi abi,
      TangentCode code, String recordName, String gradientRecord) {
    ClassName record = grad.nestedClass(recordName);
    TypeName vector = ArrayTypeName.of(TypeName.DOUBLE);
    TypeSpec type = resultRecord(recordName, "parameters flattened in parameter order (a scalar"
        + " is one entry, an array its elements row-major)", link(method));
    List<? extends VariableElement> declared = method.getParameters();
    List<String> names = code.parameters();
    Set<String> taken = new HashSet<>(names);
    taken.add(code.tangentOut());
    Namer namer = new Namer(taken);
    String out = code.tangentOut();
    String values = namer.claim("values");
    String n = namer.claim("n");
    String jacobian = namer.claim("jacobian");
    String k = namer.claim("k");
    String rest = namer.claim("rest");
    String i = namer.claim("i");
    String column = namer.claim("column");
    String g = namer.claim("g");
    String at = namer.claim("at");
    List<ParameterSpec> params = new ArrayList<>();
    List<String> originals = new ArrayList<>();
    List<Integer> differentiated = new ArrayList<>();
    for (int p = 0; p < declared.size(); p++) {
      params.add(ParameterSpec.builder(TypeName.get(declared.get(p).asType()), names.get(p))
          .build());
      originals.add(names.get(p));
      if (abi.isDifferentiated(p)) {
        differentiated.add(p);
      }
    }
    MethodSpec.Builder m = MethodSpec.methodBuilder(method.getSimpleName() + "Jacobian")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addTypeVariables(typeVariables(method))
        .returns(record)
        .addParameters(params)
        .addJavadoc(doc("Values and dense Jacobian of $L, by forward sweeps (one per entry of"
            + " the differentiated parameters) or reverse sweeps (one per value), whichever are"
            + " fewer.\n\n@return the values and the Jacobian, one row per value\n",
            link(method)));
    m.addStatement("double[][] $N = new double[1][]", out);
    m.addComment("the values, from a sweep along zero directions");
    m.addStatement("double[] $N = $N($L)", values, TangentAbi.entryName(method.getSimpleName()),
        arguments(originals, differentiated, names, p -> CodeBlock.of("$T.unit($N, -1)", BASIS,
            names.get(p)), out));
    List<CodeBlock> sizes = new ArrayList<>();
    for (int p : differentiated) {
      sizes.add(CodeBlock.of("$T.size($N)", BASIS, names.get(p)));
    }
    m.addStatement("int $N = $L", n, CodeBlock.join(sizes, " + "));
    m.addStatement("double[][] $N = new double[$N.length][$N]", jacobian, values, n);
    m.beginControlFlow("if ($N <= $N.length)", n, values);
    m.addComment("forward: column k is the tangent along the k-th unit direction");
    m.beginControlFlow("for (int $N = 0; $N < $N; $N++)", k, k, n, k);
    m.addStatement("int $N = $N", rest, k);
    List<String> directionNames = new ArrayList<>();
    int d = declared.size();
    for (int p : differentiated) {
      String direction = names.get(d++);
      directionNames.add(direction);
      m.addStatement("$T $N = $T.unit($N, $N)", TypeName.get(declared.get(p).asType()),
          direction, BASIS, names.get(p), rest);
      m.addStatement("$N -= $T.size($N)", rest, BASIS, names.get(p));
    }
    m.addStatement("$N($L)", TangentAbi.entryName(method.getSimpleName()),
        arguments(originals, differentiated, names,
            p -> CodeBlock.of("$N", directionNames.get(differentiated.indexOf(p))), out));
    m.addStatement("double[] $N = $N[0]", column, out);
    m.beginControlFlow("for (int $N = 0; $N < $N.length; $N++)", i, i, values, i)
        .addStatement("$N[$N][$N] = $N[$N]", jacobian, i, k, column, i)
        .endControlFlow();
    m.endControlFlow();
    m.nextControlFlow("else");
    m.addComment("reverse: row i is the vector-Jacobian product with the i-th unit seed");
    m.beginControlFlow("for (int $N = 0; $N < $N.length; $N++)", i, i, values, i);
    List<CodeBlock> vjpArgs = new ArrayList<>();
    for (String o : originals) {
      vjpArgs.add(CodeBlock.of("$N", o));
    }
    vjpArgs.add(CodeBlock.of("$T.unit($N, $N)", BASIS, values, i));
    m.addStatement("$T $N = $N($L)", grad.nestedClass(gradientRecord), g,
        method.getSimpleName().toString(), CodeBlock.join(vjpArgs, ", "));
    m.addStatement("int $N = 0", at);
    for (int p : differentiated) {
      m.addStatement("$N = $T.put($N[$N], $N, $N.$N())", at, BASIS, jacobian, i, at, g,
          declared.get(p).getSimpleName().toString());
    }
    m.endControlFlow();
    m.endControlFlow();
    m.addStatement("return new $T($N, $N)", record, values, jacobian);
    return new Members(List.of(type), List.of(m.build()));
  }

  private static CodeBlock arguments(List<String> originals, List<Integer> differentiated,
      List<String> names, java.util.function.IntFunction<CodeBlock> direction, String out) {
    List<CodeBlock> args = new ArrayList<>();
    for (String o : originals) {
      args.add(CodeBlock.of("$N", o));
    }
    for (int p : differentiated) {
      args.add(direction.apply(p));
    }
    args.add(CodeBlock.of("$N", out));
    return CodeBlock.join(args, ", ");
  }

  /**
   * The result record {@code (double[] values, double[][] jacobian)}; {@code columns} ends the
   * sentence saying what the Jacobian's columns are.
   */
  static TypeSpec resultRecord(String recordName, String columns, String link) {
    TypeName vector = ArrayTypeName.of(TypeName.DOUBLE);
    return TypeSpec.recordBuilder(recordName)
        .addModifiers(Modifier.PUBLIC)
        .recordConstructor(MethodSpec.constructorBuilder()
            .addParameter(vector, "values")
            .addParameter(ArrayTypeName.of(vector), "jacobian")
            .build())
        .addJavadoc(TangentMethodWriter.doc("Values and Jacobian of $L.\n\n"
            + "@param values the values of the original method\n"
            + "@param jacobian one row per value, one column per entry of the differentiated "
            + columns + "\n", link))
        .build();
  }
}
