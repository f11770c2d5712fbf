package dev.adjoint.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.adjoint.processor.abi.FlatParameters;
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

/**
 * Writes {@code mJacobian} for a method returning {@code double[]} with flattened records
 * ({@link FlatParameters}): as {@link JacobianMethodWriter} does, by forward sweeps through the
 * leaves' {@code mJvp} or reverse sweeps through the gradient method, whichever are fewer. Its
 * columns are the differentiated leaves in the order of the public parameters (the receiver
 * first), each record's depth-first in declaration order.
 */
public final class RecordJacobianWriter {
  private static final ClassName BASIS = ClassName.get(RuntimeTypes.PACKAGE, "Basis");

  private RecordJacobianWriter() {}

  public static Members write(ClassName grad, ExecutableElement method, FlatParameters flat,
      TangentCode code, String recordName, String gradientRecord) {
    ClassName record = grad.nestedClass(recordName);
    String link = TangentMethodWriter.link(method);
    TypeSpec type = JacobianMethodWriter.resultRecord(recordName, "parameters flattened in"
        + " parameter order, the receiver first (a scalar is one entry, an array its elements"
        + " row-major, a record its differentiated components depth-first in declaration order)",
        link);
    List<String> names = code.parameters();
    Set<String> taken = new HashSet<>(names);
    taken.add(code.tangentOut());
    for (int r = 0; r < flat.roots().size(); r++) {
      taken.add(RecordTangentWriter.rootName(flat, r, names));
    }
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
    int leafCount = flat.leaves().size();
    List<Integer> columns = new ArrayList<>(); // the differentiated leaves, in column order
    for (int r : flat.apiOrder()) {
      for (FlatParameters.Leaf leaf : flat.leavesOf(flat.roots().get(r))) {
        if (leaf.differentiated()) {
          columns.add(flat.leaves().indexOf(leaf));
        }
      }
    }
    MethodSpec.Builder m = MethodSpec.methodBuilder(method.getSimpleName() + "Jacobian")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addTypeVariables(TangentMethodWriter.typeVariables(method))
        .returns(record)
        .addJavadoc(TangentMethodWriter.doc("Values and dense Jacobian of $L, by forward"
            + " sweeps (one per entry of the differentiated parameters) or reverse sweeps (one"
            + " per value), whichever are fewer. Its columns follow the parameters, the receiver"
            + " first; a record's are its differentiated components, depth-first in declaration"
            + " order.\n\n@return the values and the Jacobian, one row per value\n", link));
    List<CodeBlock> roots = new ArrayList<>();
    for (int r : flat.apiOrder()) {
      String name = RecordTangentWriter.rootName(flat, r, names);
      m.addParameter(ParameterSpec.builder(TypeName.get(flat.rootTypes().get(r)), name).build());
      roots.add(CodeBlock.of("$N", name));
    }
    for (int leaf = 0; leaf < leafCount; leaf++) {
      FlatParameters.Leaf l = flat.leaves().get(leaf);
      if (l.inRecord()) {
        m.addStatement("$T $N = $L", TypeName.get(l.type()), names.get(leaf),
            RecordTangentWriter.read(flat.rootNames().get(l.root()), l, false));
      }
    }
    List<Integer> differentiated = new ArrayList<>(); // in leaf order, as mJvp takes them
    for (int leaf = 0; leaf < leafCount; leaf++) {
      if (flat.leaves().get(leaf).differentiated()) {
        differentiated.add(leaf);
      }
    }
    m.addStatement("double[][] $N = new double[1][]", out);
    m.addComment("the values, from a sweep along zero directions");
    m.addStatement("double[] $N = $N($L)", values, TangentAbi.entryName(method.getSimpleName()),
        jvpArguments(names, leafCount, differentiated,
            leaf -> CodeBlock.of("$T.unit($N, -1)", BASIS, names.get(leaf)), out));
    List<CodeBlock> sizes = new ArrayList<>();
    for (int leaf : columns) {
      sizes.add(CodeBlock.of("$T.size($N)", BASIS, names.get(leaf)));
    }
    m.addStatement("int $N = $L", n, CodeBlock.join(sizes, " + "));
    m.addStatement("double[][] $N = new double[$N.length][$N]", jacobian, values, n);
    m.beginControlFlow("if ($N <= $N.length)", n, values);
    m.addComment("forward: column k is the tangent along the k-th unit direction");
    m.beginControlFlow("for (int $N = 0; $N < $N; $N++)", k, k, n, k);
    m.addStatement("int $N = $N", rest, k);
    for (int leaf : columns) {
      String direction = names.get(leafCount + differentiated.indexOf(leaf));
      m.addStatement("$T $N = $T.unit($N, $N)", TypeName.get(flat.leaves().get(leaf).type()),
          direction, BASIS, names.get(leaf), rest);
      m.addStatement("$N -= $T.size($N)", rest, BASIS, names.get(leaf));
    }
    m.addStatement("$N($L)", TangentAbi.entryName(method.getSimpleName()),
        jvpArguments(names, leafCount, differentiated,
            leaf -> CodeBlock.of("$N", names.get(leafCount + differentiated.indexOf(leaf))),
            out));
    m.addStatement("double[] $N = $N[0]", column, out);
    m.beginControlFlow("for (int $N = 0; $N < $N.length; $N++)", i, i, values, i)
        .addStatement("$N[$N][$N] = $N[$N]", jacobian, i, k, column, i)
        .endControlFlow();
    m.endControlFlow();
    m.nextControlFlow("else");
    m.addComment("reverse: row i is the vector-Jacobian product with the i-th unit seed");
    m.beginControlFlow("for (int $N = 0; $N < $N.length; $N++)", i, i, values, i);
    List<CodeBlock> vjp = new ArrayList<>(roots);
    vjp.add(CodeBlock.of("$T.unit($N, $N)", BASIS, values, i));
    m.addStatement("$T $N = $N($L)", grad.nestedClass(gradientRecord), g,
        method.getSimpleName().toString(), CodeBlock.join(vjp, ", "));
    m.addStatement("int $N = 0", at);
    for (int leaf : columns) {
      FlatParameters.Leaf l = flat.leaves().get(leaf);
      CodeBlock component = CodeBlock.of("$N.$N()", g, flat.rootNames().get(l.root()));
      m.addStatement("$N = $T.put($N[$N], $N, $L)", at, BASIS, jacobian, i, at,
          RecordTangentWriter.read(component.toString(), l, true));
    }
    m.endControlFlow();
    m.endControlFlow();
    m.addStatement("return new $T($N, $N)", record, values, jacobian);
    return new Members(List.of(type), List.of(m.build()));
  }

  private static CodeBlock jvpArguments(List<String> names, int leafCount,
      List<Integer> differentiated, java.util.function.IntFunction<CodeBlock> direction,
      String out) {
    List<CodeBlock> args = new ArrayList<>();
    for (int leaf = 0; leaf < leafCount; leaf++) {
      args.add(CodeBlock.of("$N", names.get(leaf)));
    }
    for (int leaf : differentiated) {
      args.add(direction.apply(leaf));
    }
    args.add(CodeBlock.of("$N", out));
    return CodeBlock.join(args, ", ");
  }
}
