package dev.adjoint.processor.codegen;

import static dev.adjoint.processor.codegen.TangentMethodWriter.doc;
import static dev.adjoint.processor.codegen.TangentMethodWriter.link;
import static dev.adjoint.processor.codegen.TangentMethodWriter.typeVariables;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.adjoint.processor.abi.FlatParameters;
import dev.adjoint.processor.abi.ModelClasses;
import dev.adjoint.processor.abi.RuntimeTypes;
import dev.adjoint.processor.codegen.TangentMethodWriter.Members;
import dev.adjoint.processor.ir.HvpBody;
import dev.adjoint.processor.ir.IrType;
import dev.adjoint.processor.ir.Namer;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Writes {@code mHvp} and {@code mHessian} of a method with flattened records
 * ({@link FlatParameters}: record parameters, the receiver of a record's or a class's instance
 * method). The forward-over-reverse body works on the leaves, as the adjoint entry point does;
 * {@code mHvp} takes the records and one direction per differentiated parameter shaped like it
 * (a value of the record's type; for the receiver of a class, its {@code Gradient}), unpacks
 * both, and builds the gradient and the Hessian-vector product back into values of the gradient
 * accessors' types. {@code mHessian}'s rows and columns are the differentiated leaves in the
 * order of the public parameters (the receiver first), each record's depth-first in declaration
 * order, as {@code mJacobian}'s columns.
 */
public final class RecordHessianWriter {
  private static final ClassName BASIS = ClassName.get(RuntimeTypes.PACKAGE, "Basis");

  private final ClassName grad;
  private final ExecutableElement method;
  private final FlatParameters flat;
  private final HvpBody body;

  private RecordHessianWriter(ClassName grad, ExecutableElement method, FlatParameters flat,
      HvpBody body) {
    this.grad = grad;
    this.method = method;
    this.flat = flat;
    this.body = body;
  }

  /**
   * The members.
   *
   * @param body the tangent of the adjoint body, over the leaves
   * @param reserved identifiers generated locals must not take
   * @param generated the class generated for a class, whose members the body calls
   */
  public static Members write(ClassName grad, ExecutableElement method, FlatParameters flat,
      HvpBody body, String hvpName, String hessianName, Set<String> reserved,
      Function<TypeElement, ClassName> generated) {
    RecordHessianWriter w = new RecordHessianWriter(grad, method, flat, body);
    Set<String> taken = new HashSet<>(reserved);
    taken.addAll(body.taken());
    for (Variable p : body.parameters()) {
      taken.add(body.nameOf(p));
    }
    for (Variable d : body.directions()) {
      taken.add(body.nameOf(d));
    }
    for (int r = 0; r < flat.roots().size(); r++) {
      taken.add(w.rootName(r));
      taken.add(w.directionName(r));
    }
    ClassName hvp = grad.nestedClass(hvpName);
    ClassName hessian = grad.nestedClass(hessianName);
    return new Members(List.of(w.hvpRecord(hvpName), w.hessianRecord(hessianName)),
        List.of(w.hvpMethod(hvp, taken, generated), w.hessianMethod(hvp, hessian,
            new Namer(taken))));
  }

  /** The roots with a differentiated leaf, in the order of the public parameters. */
  private List<Integer> differentiatedRoots() {
    return flat.apiOrder().stream().filter(r -> flat.anyDifferentiated(flat.roots().get(r)))
        .toList();
  }

  /** A root's parameter name: a plain parameter keeps its leaf's name in the body. */
  private String rootName(int root) {
    return flat.roots().get(root) instanceof FlatParameters.LeafNode l
        ? body.nameOf(body.parameters().get(l.leaf())) : flat.rootNames().get(root);
  }

  /**
   * A root's direction name: a plain parameter's is its leaf's direction; a record's is
   * {@code d$p}, which no Java source identifier of the method's takes.
   */
  private String directionName(int root) {
    if (flat.roots().get(root) instanceof FlatParameters.LeafNode l) {
      Variable d = direction(l.leaf());
      return d != null ? body.nameOf(d) : "d$" + flat.rootNames().get(root);
    }
    return "d$" + flat.rootNames().get(root);
  }

  /** The direction of leaf {@code k}, or null when it is not differentiated. */
  private Variable direction(int k) {
    int i = body.differentiated().indexOf(body.parameters().get(k));
    return i < 0 ? null : body.directions().get(i);
  }

  private String leafName(int k) {
    return body.nameOf(body.parameters().get(k));
  }

  /** The type the API gives a root's gradient: a class's receiver's is its Gradient. */
  private TypeName apiType(int root) {
    return flat.roots().get(root) instanceof FlatParameters.RecordNode r && RecordApi.isClass(r)
        ? ClassGradient.name(grad) : TypeName.get(flat.rootTypes().get(root));
  }

  private TypeSpec hvpRecord(String name) {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addParameter(TypeName.DOUBLE, "value");
    StringBuilder doc = new StringBuilder("Value, gradient and Hessian-vector product of "
        + link(method) + ".\n\n@param value the value of the original method\n");
    for (int r : differentiatedRoots()) {
      String root = flat.rootNames().get(r);
      constructor.addParameter(apiType(r), root);
      doc.append("@param ").append(root).append(" the gradient with respect to {@code ")
          .append(root).append("}, as the gradient method returns it\n");
    }
    for (int r : differentiatedRoots()) {
      String root = flat.rootNames().get(r);
      constructor.addParameter(apiType(r), root + "Hvp");
      doc.append("@param ").append(root).append("Hvp the Hessian-vector product restricted to"
          + " {@code ").append(root).append("}, of the gradient's type and shape\n");
    }
    return TypeSpec.recordBuilder(name).addModifiers(Modifier.PUBLIC)
        .recordConstructor(constructor.build())
        .addJavadoc("$L", Javadocs.reflow(doc.toString(), Javadocs.MEMBER_DOC_WIDTH)).build();
  }

  private TypeSpec hessianRecord(String name) {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addParameter(TypeName.DOUBLE, "value");
    StringBuilder doc = new StringBuilder("Value, gradient and Hessian of " + link(method)
        + ".\n\n@param value the value of the original method\n");
    for (int r : differentiatedRoots()) {
      String root = flat.rootNames().get(r);
      constructor.addParameter(apiType(r), root);
      doc.append("@param ").append(root).append(" the gradient with respect to {@code ")
          .append(root).append("}, as the gradient method returns it\n");
    }
    constructor.addParameter(JavaExpressions.typeName(IrType.DOUBLE_MATRIX), "hessian");
    doc.append("@param hessian ").append(HESSIAN_ORDER).append('\n');
    return TypeSpec.recordBuilder(name).addModifiers(Modifier.PUBLIC)
        .recordConstructor(constructor.build())
        .addJavadoc("$L", Javadocs.reflow(doc.toString(), Javadocs.MEMBER_DOC_WIDTH)).build();
  }

  private static final String HESSIAN_ORDER = "the Hessian over the differentiated parameters"
      + " flattened in parameter order, the receiver first (a scalar is one entry, an array its"
      + " elements row-major, a record its differentiated components depth-first in declaration"
      + " order; components outside wrt have no row)";

  /** The method's public parameters: the receiver first, then the declared ones. */
  private void addRoots(MethodSpec.Builder m) {
    for (int r : flat.apiOrder()) {
      m.addParameter(TypeName.get(flat.rootTypes().get(r)), rootName(r));
    }
  }

  /** One local per leaf of a record, read through its accessors (a class's fields directly). */
  private void unpackLeaves(MethodSpec.Builder m) {
    for (int k = 0; k < flat.leaves().size(); k++) {
      FlatParameters.Leaf leaf = flat.leaves().get(k);
      if (leaf.inRecord()) {
        m.addStatement("$T $N = $L", TypeName.get(leaf.type()), leafName(k),
            RecordTangentWriter.read(flat.rootNames().get(leaf.root()), leaf, false));
      }
    }
  }

  private MethodSpec hvpMethod(ClassName record, Set<String> taken,
      Function<TypeElement, ClassName> generated) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(method.getSimpleName() + "Hvp")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addTypeVariables(typeVariables(method))
        .returns(record);
    addRoots(m);
    for (int r : differentiatedRoots()) {
      m.addParameter(apiType(r), directionName(r));
    }
    m.addJavadoc(doc("Value, gradient and Hessian-vector product of $L, in one forward and one"
        + " reverse sweep (forward mode over the gradient's sweeps: the tangent of the gradient"
        + " along the vector is H·v). After the method's parameters (the receiver first, as"
        + " {@code self}) come the vector's parts, one per differentiated parameter, shaped like"
        + " it: a value of a record parameter's type (its components outside wrt, and those that"
        + " carry no derivative, are ignored), or for the receiver of a class its"
        + " {@code Gradient}.\n\n@return the value, the gradient and the Hessian times the"
        + " vector, each part of the gradient's type\n", link(method)));
    unpackLeaves(m);
    for (int k = 0; k < flat.leaves().size(); k++) {
      FlatParameters.Leaf leaf = flat.leaves().get(k);
      Variable d = direction(k);
      if (d != null && leaf.inRecord()) {
        m.addStatement("$T $N = $L", TypeName.get(leaf.type()), body.nameOf(d),
            RecordTangentWriter.read(directionName(leaf.root()), leaf,
                RecordTangentWriter.isClass(flat, leaf.root())));
      }
    }
    String value = HessianMethodWriter.addSweeps(m, body, generated, taken);
    List<CodeBlock> args = new ArrayList<>();
    args.add(CodeBlock.of("$N", value));
    for (int r : differentiatedRoots()) {
      args.add(pack(flat.roots().get(r), body.gradients()));
    }
    for (int r : differentiatedRoots()) {
      args.add(pack(flat.roots().get(r), body.products()));
    }
    m.addStatement("return new $T($L)", record, CodeBlock.join(args, ", "));
    return m.build();
  }

  /**
   * A root's value built from {@code leaf}'s value of each of its leaves: a record from its
   * components, a class's receiver as its Gradient (fields without a derivative left out), a
   * plain parameter as its leaf's.
   */
  private CodeBlock build(FlatParameters.Node node, IntFunction<CodeBlock> leaf) {
    if (node instanceof FlatParameters.RecordNode r) {
      List<CodeBlock> parts = new ArrayList<>();
      boolean isClass = RecordApi.isClass(r);
      for (int i = 0; i < r.components().size(); i++) {
        if (!isClass || ModelClasses.carries(ModelClasses.fields(r.type()).get(i).asType())) {
          parts.add(build(r.components().get(i), leaf));
        }
      }
      return CodeBlock.of("new $T($L)", isClass ? ClassGradient.name(grad)
          : ClassName.get(r.type()), CodeBlock.join(parts, ", "));
    }
    return leaf.apply(((FlatParameters.LeafNode) node).leaf());
  }

  /**
   * A root's gradient (or its Hessian-vector product) from {@code values}, one per
   * differentiated leaf: components without a derivative copied, those outside wrt zero.
   */
  private CodeBlock pack(FlatParameters.Node node, List<Variable> values) {
    return build(node, k -> {
      Variable p = body.parameters().get(k);
      int i = body.differentiated().indexOf(p);
      if (i >= 0 && values.get(i) != null) {
        return CodeBlock.of("$N", body.nameOf(values.get(i)));
      }
      if (FlatParameters.carriesDerivative(flat.leaves().get(k).type())) {
        return p.type().isArray()
            ? JavaExpressions.zerosLike(CodeBlock.of("$N", leafName(k)), p.type())
            : CodeBlock.of("0.0");
      }
      return CodeBlock.of("$N", leafName(k)); // carries no derivative: copied
    });
  }

  /** The differentiated leaves in the Hessian's order: the public parameters', depth-first. */
  private List<Integer> columns() {
    List<Integer> columns = new ArrayList<>();
    for (int r : flat.apiOrder()) {
      for (FlatParameters.Leaf leaf : flat.leavesOf(flat.roots().get(r))) {
        int k = flat.leaves().indexOf(leaf);
        if (direction(k) != null) {
          columns.add(k);
        }
      }
    }
    return columns;
  }

  /**
   * A record direction of the unit leaves; a leaf without a direction (no derivative, or outside
   * wrt) takes the input's value, which the direction's reader ignores.
   */
  private CodeBlock unitDirection(FlatParameters.Node node) {
    return build(node, k -> CodeBlock.of("$N", direction(k) != null
        ? body.nameOf(direction(k)) : leafName(k)));
  }

  private MethodSpec hessianMethod(ClassName hvpRecord, ClassName record, Namer namer) {
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
        .addJavadoc(doc("Value, gradient and dense Hessian of $L over the differentiated"
            + " parameters flattened in parameter order, the receiver first (a scalar is one"
            + " entry, an array its elements row-major, a record its differentiated components"
            + " depth-first in declaration order), one Hessian-vector product per entry: for"
            + " small problems.\n\n@return the value, the gradient and the Hessian\n",
            link(method)));
    addRoots(m);
    unpackLeaves(m);
    List<Integer> columns = columns();
    List<CodeBlock> sizes = new ArrayList<>();
    for (int leaf : columns) {
      sizes.add(CodeBlock.of("$T.size($N)", BASIS, leafName(leaf)));
    }
    m.addStatement("int $N = $L", n, CodeBlock.join(sizes, " + "));
    m.addStatement("double[][] $N = new double[$N][]", hessian, n);
    m.addStatement("$T $N = null", hvpRecord, hvp);
    m.beginControlFlow("for (int $N = 0; $N <= $N; $N++)", k, k, n, k);
    m.addComment("the unit vector k (all zeros at k = n, when there is no entry)");
    m.addStatement("int $N = $N == $N ? -1 : $N", rest, k, n, k);
    for (int leaf : columns) {
      m.addStatement("$T $N = $T.unit($N, $N)", TypeName.get(flat.leaves().get(leaf).type()),
          body.nameOf(direction(leaf)), BASIS, leafName(leaf), rest);
      m.addStatement("$N -= $T.size($N)", rest, BASIS, leafName(leaf));
    }
    m.beginControlFlow("if ($N == $N && $N != null)", k, n, hvp).addStatement("break")
        .endControlFlow();
    List<CodeBlock> args = new ArrayList<>();
    for (int r : flat.apiOrder()) {
      args.add(CodeBlock.of("$N", rootName(r)));
    }
    for (int r : differentiatedRoots()) {
      FlatParameters.Node node = flat.roots().get(r);
      args.add(node instanceof FlatParameters.LeafNode ? CodeBlock.of("$N", directionName(r))
          : unitDirection(node));
    }
    m.addStatement("$N = $N($L)", hvp, method.getSimpleName() + "Hvp",
        CodeBlock.join(args, ", "));
    m.beginControlFlow("if ($N < $N)", k, n);
    m.addStatement("double[] $N = new double[$N]", row, n);
    m.addStatement("int $N = 0", at);
    for (int leaf : columns) {
      FlatParameters.Leaf l = flat.leaves().get(leaf);
      String part = hvp + "." + flat.rootNames().get(l.root()) + "Hvp()";
      m.addStatement("$N = $T.put($N, $N, $L)", at, BASIS, row, at,
          RecordTangentWriter.read(part, l, true));
    }
    m.addStatement("$N[$N] = $N", hessian, k, row);
    m.endControlFlow();
    m.endControlFlow();
    List<CodeBlock> result = new ArrayList<>();
    result.add(CodeBlock.of("$N.value()", hvp));
    for (int r : differentiatedRoots()) {
      result.add(CodeBlock.of("$N.$N()", hvp, flat.rootNames().get(r)));
    }
    result.add(CodeBlock.of("$N", hessian));
    m.addStatement("return new $T($L)", record, CodeBlock.join(result, ", "));
    return m.build();
  }
}
