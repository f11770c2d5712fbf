package dev.adjoint.processor.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.adjoint.processor.abi.FlatParameters;
import dev.adjoint.processor.abi.TangentAbi;
import dev.adjoint.processor.codegen.TangentMethodWriter.Members;
import dev.adjoint.processor.codegen.TangentMethodWriter.TangentCode;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/**
 * The forward-mode members of a method with flattened records ({@link FlatParameters}): the
 * tangent entry point {@code mJvp} takes the leaves (the receiver's last) and one direction per
 * differentiated leaf, as the adjoint entry point takes them; the public {@code mTangent} takes
 * the records and one direction per differentiated parameter shaped like it (a value of the
 * record type; for the receiver of a class, its {@code Gradient}), unpacks both into leaves as
 * the gradient method does, and calls it. Direction components that carry no derivative, or lie
 * outside {@code wrt}, are ignored.
 */
public final class RecordTangentWriter {
  private RecordTangentWriter() {}

  /** {@code mJvp} over the leaves, for generated callers. */
  public static MethodSpec jvp(ExecutableElement method, FlatParameters flat, TangentCode code) {
    boolean vector = method.getReturnType().toString().equals("double[]");
    TypeName out = vector ? ArrayTypeName.of(ArrayTypeName.of(TypeName.DOUBLE))
        : ArrayTypeName.of(TypeName.DOUBLE);
    return MethodSpec.methodBuilder(TangentAbi.entryName(method.getSimpleName()))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addTypeVariables(TangentMethodWriter.typeVariables(method))
        .returns(TangentMethodWriter.resultType(method))
        .addParameters(leavesAndDirections(flat, code.parameters()))
        .addParameter(out, code.tangentOut())
        .addJavadoc(TangentMethodWriter.doc("Tangent entry point of $L, for generated code and"
            + " other modules: forward-mode differentiation in one sweep, without a tape.\n\n"
            + "<p>Takes the components of its record parameters (the receiver's last) as the"
            + " adjoint entry point does, then one direction per differentiated component, of"
            + " its type and shape. Runs the method, returns its value and stores the"
            + " directional derivative into {@code $N[0]}.\n\n"
            + "@param $N receives the tangent of the result\n"
            + "@return the value of the original method\n", TangentMethodWriter.link(method),
            code.tangentOut(), code.tangentOut()))
        .addCode(code.body())
        .build();
  }

  /** {@code mTangent} over the records and its result record {@code MTangent}. */
  public static Members tangent(ClassName grad, ExecutableElement method, FlatParameters flat,
      TangentCode code, String recordName) {
    boolean vector = method.getReturnType().toString().equals("double[]");
    TypeName value = TangentMethodWriter.resultType(method);
    TypeSpec record = TypeSpec.recordBuilder(recordName)
        .addModifiers(Modifier.PUBLIC)
        .recordConstructor(MethodSpec.constructorBuilder()
            .addParameter(value, "value")
            .addParameter(value, "tangent")
            .build())
        .addJavadoc(TangentMethodWriter.doc("Value and directional derivative of $L.\n\n"
            + "@param value the value of the original method\n"
            + "@param tangent the directional derivative along the directions given\n",
            TangentMethodWriter.link(method)))
        .build();
    List<String> names = code.parameters();
    int leaves = flat.leaves().size();
    MethodSpec.Builder m = MethodSpec.methodBuilder(TangentAbi.tangentName(method.getSimpleName()))
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addTypeVariables(TangentMethodWriter.typeVariables(method))
        .returns(grad.nestedClass(recordName));
    for (int i : flat.apiOrder()) {
      m.addParameter(ParameterSpec.builder(TypeName.get(flat.rootTypes().get(i)),
          rootName(flat, i, names)).build());
    }
    for (int i : flat.apiOrder()) {
      if (flat.anyDifferentiated(flat.roots().get(i))) {
        m.addParameter(ParameterSpec.builder(directionType(grad, flat, i),
            directionRootName(flat, i, names)).build());
      }
    }
    CodeBlock.Builder body = CodeBlock.builder();
    int direction = leaves;
    for (int k = 0; k < leaves; k++) {
      FlatParameters.Leaf leaf = flat.leaves().get(k);
      if (leaf.inRecord()) {
        body.addStatement("$T $N = $L", TypeName.get(leaf.type()), names.get(k),
            read(flat.rootNames().get(leaf.root()), leaf, false));
      }
    }
    for (int k = 0; k < leaves; k++) {
      FlatParameters.Leaf leaf = flat.leaves().get(k);
      if (!leaf.differentiated()) {
        continue;
      }
      if (leaf.inRecord()) {
        body.addStatement("$T $N = $L", TypeName.get(leaf.type()), names.get(direction),
            read(directionRootName(flat, leaf.root(), names), leaf, isClass(flat, leaf.root())));
      }
      direction++;
    }
    String out = code.tangentOut();
    body.addStatement("$T $N = new double[1]$L", vector
        ? ArrayTypeName.of(ArrayTypeName.of(TypeName.DOUBLE)) : ArrayTypeName.of(TypeName.DOUBLE),
        out, vector ? "[]" : "");
    body.addStatement("return new $T($N($L, $N), $N[0])", grad.nestedClass(recordName),
        TangentAbi.entryName(method.getSimpleName()), String.join(", ", names), out, out);
    m.addJavadoc(TangentMethodWriter.doc("Value and directional derivative (Jacobian-vector"
        + " product) of $L, by forward-mode differentiation: one sweep, no tape. After the"
        + " method's parameters (the receiver first, as {@code self}) come the directions, one"
        + " per differentiated parameter, shaped like it: a value of a record parameter's type"
        + " (its components outside wrt, and those that carry no derivative, are ignored), or"
        + " for the receiver of a class its {@code Gradient}.\n\n"
        + "@return the value and its derivative along the directions\n",
        TangentMethodWriter.link(method)));
    return new Members(List.of(record), List.of(m.addCode(body.build()).build()));
  }

  private static List<ParameterSpec> leavesAndDirections(FlatParameters flat,
      List<String> names) {
    List<ParameterSpec> params = new ArrayList<>();
    List<FlatParameters.Leaf> leaves = flat.leaves();
    for (int k = 0; k < leaves.size(); k++) {
      params.add(ParameterSpec.builder(TypeName.get(leaves.get(k).type()), names.get(k)).build());
    }
    int d = leaves.size();
    for (FlatParameters.Leaf leaf : leaves) {
      if (leaf.differentiated()) {
        params.add(ParameterSpec.builder(TypeName.get(leaf.type()), names.get(d++)).build());
      }
    }
    return params;
  }

  /** A root's parameter name: a plain parameter keeps its leaf's name. */
  static String rootName(FlatParameters flat, int root, List<String> names) {
    return flat.roots().get(root) instanceof FlatParameters.LeafNode l ? names.get(l.leaf())
        : flat.rootNames().get(root);
  }

  /**
   * A root's direction name: a plain parameter's is its leaf's direction; a record's is
   * {@code d$p}, which no Java source identifier of the method's takes ({@code $} is reserved
   * for generated names).
   */
  static String directionRootName(FlatParameters flat, int root, List<String> names) {
    if (flat.roots().get(root) instanceof FlatParameters.LeafNode l) {
      int d = flat.leaves().size();
      for (int k = 0; k < l.leaf(); k++) {
        d += flat.leaves().get(k).differentiated() ? 1 : 0;
      }
      return names.get(d);
    }
    return "d$" + flat.rootNames().get(root);
  }

  private static TypeName directionType(ClassName grad, FlatParameters flat,
      int root) {
    return isClass(flat, root) ? ClassGradient.name(grad) : TypeName.get(flat.rootTypes().get(root));
  }

  static boolean isClass(FlatParameters flat, int root) {
    return flat.roots().get(root) instanceof FlatParameters.RecordNode r
        && RecordApi.isClass(r);
  }

  /**
   * {@code p.inner().a()}: a leaf read from {@code root}; a class's field is read as
   * {@code self.w} from the receiver, as {@code d$self.w()} from its Gradient.
   */
  static CodeBlock read(String root, FlatParameters.Leaf leaf, boolean gradient) {
    CodeBlock.Builder b = CodeBlock.builder().add("$N", root);
    if (leaf.field() != null) {
      b.add(gradient ? ".$N()" : ".$N", leaf.field().getSimpleName().toString());
    }
    for (ExecutableElement accessor : leaf.accessors()) {
      b.add(".$N()", accessor.getSimpleName().toString());
    }
    return b.build();
  }
}
