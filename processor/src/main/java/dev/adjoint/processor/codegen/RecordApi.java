package dev.adjoint.processor.codegen;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.adjoint.processor.abi.FlatParameters;
import dev.adjoint.processor.abi.ModelClasses;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.ir.AdjointBody;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.TypeKind;

/**
 * The user-facing API of a method with flattened record parameters ({@link FlatParameters}): the
 * gradient method takes the records, unpacks them into the leaves the adjoint entry point takes,
 * and returns each record's gradient as a value of its own type, built with its canonical
 * constructor (components that carry no derivative are copied from the input; components left
 * out of {@code wrt} are zero).
 */
final class RecordApi {
  private RecordApi() {}

  /** The result record: {@code value}, then one component per differentiated parameter. */
  static TypeSpec resultRecord(ClassName grad, GradClassWriter.Entry e, String link) {
    FlatParameters flat = e.flat();
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addParameter(JavaExpressions.typeName(e.body().result().type()), "value");
    StringBuilder doc = new StringBuilder("Value and gradient of " + link + ".\n\n"
        + "@param value the value of the original method\n");
    for (int i : flat.apiOrder()) {
      FlatParameters.Node node = flat.roots().get(i);
      if (!flat.anyDifferentiated(node)) {
        continue;
      }
      String name = flat.rootNames().get(i);
      javax.lang.model.type.TypeMirror type = flat.rootTypes().get(i);
      constructor.addParameter(apiType(grad, node, type), name);
      String what = node instanceof FlatParameters.RecordNode r && isClass(r)
          ? "the gradient with respect to the fields of {@code %s}, as a " + ModelClasses.GRADIENT
              + ": one component per field that carries a derivative (arrays fresh, of the"
              + " field's shape; fields outside wrt hold zeros)"
          : node instanceof FlatParameters.RecordNode r
          ? "the gradient with respect to {@code %s}, as a " + r.type().getSimpleName()
              + ": each differentiated component holds its gradient (arrays fresh, of the"
              + " component's shape), components outside wrt hold zeros, and those that carry no"
              + " derivative are copied from {@code %s}"
          : type.getKind() == TypeKind.ARRAY
              ? "the gradient with respect to {@code %s}, a fresh array of its shape"
              : "the partial derivative with respect to {@code %s}";
      doc.append("@param ").append(name).append(' ')
          .append(what.replace("%s", name)).append('\n');
    }
    return TypeSpec.recordBuilder(e.resultName())
        .addModifiers(Modifier.PUBLIC)
        .recordConstructor(constructor.build())
        .addJavadoc("$L", Javadocs.reflow(doc.toString(), Javadocs.MEMBER_DOC_WIDTH))
        .build();
  }

  /**
   * The gradient method: the original's parameters, records unpacked into leaves, one call of
   * the adjoint entry point with fresh accumulators, and the result built from them.
   */
  static MethodSpec gradientMethod(ClassName grad, GradClassWriter.Entry e, CodeBlock javadoc) {
    AdjointBody body = e.body();
    FlatParameters flat = e.flat();
    ClassName result = grad.nestedClass(e.resultName());
    boolean vector = body.result().type().isArray();
    MethodSpec.Builder m = GradientMethodWriter.header(e, result).addJavadoc(javadoc);
    for (int i : flat.apiOrder()) {
      String name = flat.roots().get(i) instanceof FlatParameters.LeafNode l
          ? body.nameOf(body.parameters().get(l.leaf())) : flat.rootNames().get(i);
      m.addParameter(ParameterSpec.builder(TypeName.get(flat.rootTypes().get(i)), name).build());
    }
    if (vector) {
      m.addParameter(ArrayTypeName.of(TypeName.DOUBLE), body.seedName());
    }
    // Unpack: one local per leaf of a record, read through its accessors.
    for (int k = 0; k < flat.leaves().size(); k++) {
      FlatParameters.Leaf leaf = flat.leaves().get(k);
      if (leaf.inRecord()) {
        m.addStatement("$T $N = $L", TypeName.get(leaf.type()), leafName(body, k),
            read(flat, leaf));
      }
    }
    int scalars = e.abi().slotCount();
    m.addStatement("double[] $N = new double[$L]", body.adjointsName(), scalars);
    for (int k = 0; k < flat.leaves().size(); k++) {
      if (e.abi().hasArrayAdjoint(k)) {
        Variable leaf = body.parameters().get(k);
        m.addStatement("$T $N = $L", JavaExpressions.typeName(leaf.type()),
            body.nameOf(adjointOf(body, k)),
            JavaExpressions.zerosLike(CodeBlock.of("$N", body.nameOf(leaf)), leaf.type()));
      }
    }
    List<CodeBlock> leaves = new ArrayList<>();
    for (int k = 0; k < flat.leaves().size(); k++) {
      leaves.add(CodeBlock.of("$N", leafName(body, k)));
    }
    List<CodeBlock> arguments = e.abi().layout(leaves,
        vector ? CodeBlock.of("$N", body.seedName()) : CodeBlock.of("1.0"),
        CodeBlock.of("$N", body.adjointsName()),
        k -> CodeBlock.of("$N", body.nameOf(adjointOf(body, k))), CodeBlock.of("null"));
    m.addStatement("$T $N = $N($L)", JavaExpressions.typeName(body.result().type()),
        body.nameOf(body.result()), e.adjointName(), CodeBlock.join(arguments, ", "));
    CodeBlock.Builder args = CodeBlock.builder().add("$N", body.nameOf(body.result()));
    for (int i : flat.apiOrder()) {
      FlatParameters.Node node = flat.roots().get(i);
      if (flat.anyDifferentiated(node)) {
        args.add(", $L", gradientOf(grad, node, e));
      }
    }
    m.addStatement("return new $T($L)", result, args.build());
    return m.build();
  }

  /**
   * The copy of a method with flattened records (a record's instance method, a private method)
   * over the leaves, which generated code calls for the method's value: public for a record's
   * method, which gradients in other packages call.
   */
  static MethodSpec primalCopy(GradClassWriter.Entry e,
      List<com.palantir.javapoet.TypeVariableName> typeVariables, String link,
      java.util.function.Function<javax.lang.model.element.TypeElement, ClassName> generated) {
    // public unless the original is private: gradients in other packages call it
    boolean reachable = !dev.adjoint.processor.ir.Visibility.isPrivate(e.method());
    MethodSpec.Builder m = MethodSpec.methodBuilder(JavaExpressions.primalCopyName(e.method()))
        .addModifiers(reachable ? new Modifier[] {Modifier.PUBLIC, Modifier.STATIC}
            : new Modifier[] {Modifier.STATIC})
        .addTypeVariables(typeVariables)
        .returns(TypeName.get(e.method().getReturnType()))
        .addJavadoc("$L", Javadocs.reflow("A copy of " + link + " over its parameters"
            + " and the components of its records (the receiver's last), which generated code"
            + " calls for its value.\n", Javadocs.MEMBER_DOC_WIDTH));
    for (FlatParameters.Leaf leaf : e.flat().leaves()) {
      m.addParameter(TypeName.get(leaf.type()), leaf.variableName());
    }
    return m.addCode(MethodBodies.print(e.primal(), generated)).build();
  }

  /** The leaf's variable name in the generated body. */
  private static String leafName(AdjointBody body, int k) {
    return body.nameOf(body.parameters().get(k));
  }

  /** {@code model.inner().a()}: the leaf read from its record parameter. */
  private static CodeBlock read(FlatParameters flat, FlatParameters.Leaf leaf) {
    CodeBlock.Builder b = CodeBlock.builder().add("$N", flat.rootNames().get(leaf.root()));
    if (leaf.field() != null) {
      b.add(".$N", leaf.field().getSimpleName().toString()); // a class's field: self.w
    }
    for (ExecutableElement accessor : leaf.accessors()) {
      b.add(".$N()", accessor.getSimpleName().toString());
    }
    return b.build();
  }

  /** The gradient of a parameter or component: a record built back, or a leaf's adjoint. */
  private static CodeBlock gradientOf(ClassName grad, FlatParameters.Node node,
      GradClassWriter.Entry e) {
    AdjointBody body = e.body();
    if (node instanceof FlatParameters.RecordNode r) {
      List<CodeBlock> parts = new ArrayList<>();
      for (int i = 0; i < r.components().size(); i++) {
        FlatParameters.Node c = r.components().get(i);
        if (!isClass(r) || ModelClasses.carries(fieldType(r, i))) {
          parts.add(gradientOf(grad, c, e)); // a class's Gradient leaves out fields without one
        }
      }
      return CodeBlock.of("new $T($L)", isClass(r) ? ClassGradient.name(grad)
          : ClassName.get(r.type()),
          CodeBlock.join(parts, ", "));
    }
    int k = ((FlatParameters.LeafNode) node).leaf();
    FlatParameters.Leaf leaf = e.flat().leaves().get(k);
    Variable variable = body.parameters().get(k);
    if (leaf.differentiated()) {
      return e.abi().isArray(k) ? CodeBlock.of("$N", body.nameOf(adjointOf(body, k)))
          : CodeBlock.of("$N[$L]", body.adjointsName(), e.abi().slot(k));
    }
    if (FlatParameters.carriesDerivative(leaf.type())) {
      return variable.type().isArray()
          ? JavaExpressions.zerosLike(CodeBlock.of("$N", leafName(body, k)), variable.type())
          : CodeBlock.of("0.0");
    }
    return CodeBlock.of("$N", leafName(body, k)); // carries no derivative: copied
  }

  /** Whether {@code node} is the receiver of a class's method, whose gradient is a Gradient. */
  static boolean isClass(FlatParameters.RecordNode node) {
    return node.type().getKind() == javax.lang.model.element.ElementKind.CLASS;
  }

  /** The type the API gives a root: a class's receiver's gradient is its Gradient. */
  private static TypeName apiType(ClassName grad, FlatParameters.Node node,
      javax.lang.model.type.TypeMirror type) {
    return node instanceof FlatParameters.RecordNode r && isClass(r) ? ClassGradient.name(grad)
        : TypeName.get(type);
  }

  /** The type of component {@code i} of a class's receiver node. */
  private static javax.lang.model.type.TypeMirror fieldType(FlatParameters.RecordNode r, int i) {
    return ModelClasses.fields(r.type()).get(i).asType();
  }

  /** The adjoint variable of leaf {@code k}, which the body differentiates. */
  private static Variable adjointOf(AdjointBody body, int k) {
    return body.parameterAdjoints().get(body.differentiated().indexOf(body.parameters().get(k)));
  }

  /** Whether {@code owner}'s entry has flattened records. */
  static boolean applies(GradClassWriter.Entry e) {
    return e.flat() != null && e.flat().hasRecords();
  }
}
