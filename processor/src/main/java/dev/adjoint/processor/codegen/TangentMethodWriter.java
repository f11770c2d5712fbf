package dev.adjoint.processor.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import dev.adjoint.processor.abi.AdjointAbi;
import dev.adjoint.processor.abi.TangentAbi;
import dev.adjoint.processor.ir.TangentBody;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Writes the forward-mode members of a method {@code m}: the tangent entry point {@code mJvp}
 * (see {@link TangentAbi}) and, for the public API, {@code mTangent} with its result record.
 */
public final class TangentMethodWriter {
  private TangentMethodWriter() {}

  /**
   * The printed tangent body of a method.
   *
   * @param parameters the names of the original's parameters, then of the directions
   * @param tangentOut the name of the entry point's last parameter
   * @param body the entry point's body
   */
  public record TangentCode(List<String> parameters, String tangentOut, CodeBlock body) {
    /** {@code tangent} printed, calls to other classes' members through {@code generated}. */
    public static TangentCode of(TangentBody tangent,
        Function<TypeElement, ClassName> generated) {
      List<String> names = new ArrayList<>();
      for (Variable p : tangent.parameters()) {
        names.add(tangent.nameOf(p));
      }
      return new TangentCode(names, tangent.nameOf(tangent.out()),
          MethodBodies.print(tangent.body(), generated));
    }
  }

  /** The members {@code m} gets: record types and methods. */
  public record Members(List<TypeSpec> types, List<MethodSpec> methods) {
    public static Members none() {
      return new Members(List.of(), List.of());
    }

    /** These members and {@code other}'s. */
    public Members plus(Members other) {
      List<TypeSpec> t = new ArrayList<>(types);
      t.addAll(other.types);
      List<MethodSpec> m = new ArrayList<>(methods);
      m.addAll(other.methods);
      return new Members(t, m);
    }
  }

  static List<TypeVariableName> typeVariables(ExecutableElement method) {
    return method.getTypeParameters().stream().map(TypeVariableName::get).toList();
  }

  static TypeName resultType(ExecutableElement method) {
    // a void helper writing into its arrays returns 0, as its adjoint entry point does
    return method.getReturnType().getKind() == javax.lang.model.type.TypeKind.VOID
        ? TypeName.DOUBLE : TypeName.get(method.getReturnType());
  }

  /** The parameters and directions of {@code method}, named as {@code names} gives them. */
  static List<ParameterSpec> parametersAndDirections(ExecutableElement method, AdjointAbi abi,
      List<String> names) {
    List<ParameterSpec> params = new ArrayList<>();
    List<? extends VariableElement> declared = method.getParameters();
    for (int i = 0; i < declared.size(); i++) {
      params.add(ParameterSpec.builder(TypeName.get(declared.get(i).asType()), names.get(i))
          .build());
    }
    int k = declared.size();
    for (int i = 0; i < declared.size(); i++) {
      if (abi.isDifferentiated(i)) {
        params.add(ParameterSpec.builder(TypeName.get(declared.get(i).asType()), names.get(k++))
            .build());
      }
    }
    return params;
  }

  static String link(ExecutableElement method) {
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    String params = method.getParameters().stream()
        .map(p -> {
          String t = p.asType().toString();
          int generic = t.indexOf('<');
          return generic < 0 ? t : t.substring(0, generic);
        })
        .collect(Collectors.joining(", "));
    return "{@link " + owner.getQualifiedName() + "#" + method.getSimpleName() + "(" + params
        + ")}";
  }

  static CodeBlock doc(String format, Object... args) {
    return Javadocs.member(format, args);
  }

  /** {@code mJvp}, for generated callers. */
  public static MethodSpec jvp(ExecutableElement method, AdjointAbi abi, TangentCode code) {
    boolean vector = method.getReturnType().toString().equals("double[]");
    TypeName out = vector ? ArrayTypeName.of(ArrayTypeName.of(TypeName.DOUBLE))
        : ArrayTypeName.of(TypeName.DOUBLE);
    return MethodSpec.methodBuilder(TangentAbi.entryName(method.getSimpleName()))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addTypeVariables(typeVariables(method))
        .returns(resultType(method))
        .addParameters(parametersAndDirections(method, abi, code.parameters()))
        .addParameter(out, code.tangentOut())
        .addJavadoc(doc("Tangent entry point of $L, for generated code and other modules:"
            + " forward-mode differentiation in one sweep, without a tape.\n\n<p>After the"
            + " method's parameters come the directions, one per differentiated parameter, of"
            + " its type and shape. Runs the method, returns its value and stores the"
            + " directional derivative into {@code $N[0]}.\n\n"
            + "@param $N receives the tangent of the result\n"
            + "@return the value of the original method\n", link(method), code.tangentOut(),
            code.tangentOut()))
        .addCode(code.body())
        .build();
  }

  /** {@code mTangent} and its record {@code MTangent}. */
  public static Members tangent(ClassName grad, ExecutableElement method, AdjointAbi abi,
      TangentCode code, String recordName) {
    boolean vector = method.getReturnType().toString().equals("double[]");
    TypeName value = resultType(method);
    TypeSpec record = TypeSpec.recordBuilder(recordName)
        .addModifiers(Modifier.PUBLIC)
        .recordConstructor(MethodSpec.constructorBuilder()
            .addParameter(value, "value")
            .addParameter(value, "tangent")
            .build())
        .addJavadoc(doc("Value and directional derivative of $L.\n\n"
            + "@param value the value of the original method\n"
            + "@param tangent the directional derivative along the directions given\n",
            link(method)))
        .build();
    String out = code.tangentOut();
    CodeBlock.Builder body = CodeBlock.builder();
    body.addStatement("$T $N = new double[1]$L", vector
        ? ArrayTypeName.of(ArrayTypeName.of(TypeName.DOUBLE)) : ArrayTypeName.of(TypeName.DOUBLE),
        out, vector ? "[]" : "");
    List<String> names = code.parameters();
    body.addStatement("return new $T($N($L, $N), $N[0])", grad.nestedClass(recordName),
        TangentAbi.entryName(method.getSimpleName()), String.join(", ", names), out, out);
    MethodSpec m = MethodSpec.methodBuilder(TangentAbi.tangentName(method.getSimpleName()))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addTypeVariables(typeVariables(method))
        .returns(grad.nestedClass(recordName))
        .addParameters(parametersAndDirections(method, abi, names))
        .addJavadoc(doc("Value and directional derivative (Jacobian-vector product) of $L, by"
            + " forward-mode differentiation: one sweep, no tape. After the method's parameters"
            + " come the directions, one per differentiated parameter, of its type and shape.\n\n"
            + "@return the value and its derivative along the directions\n", link(method)))
        .addCode(body.build())
        .build();
    return new Members(List.of(record), List.of(m));
  }
}
