package dev.adjoint.processor.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import dev.adjoint.processor.abi.AdjointAbi;
import dev.adjoint.processor.abi.RuntimeTypes;
import dev.adjoint.processor.cleanup.ZeroAdjointGuard;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.ir.AdjointBody;
import dev.adjoint.processor.ir.MethodBody;
import dev.adjoint.processor.ir.TapeUse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Code generation: one {@code <Class>Grad} per class with differentiated methods. Each public
 * method gets a result record and a gradient method; every differentiated method gets the
 * low-level adjoint entry point that generated callers use.
 */
public final class GradClassWriter {
  private static final ClassName GENERATED = RuntimeTypes.GENERATED_TYPE;
  private static final String PROCESSOR = RuntimeTypes.GENERATOR;

  /**
   * One method to write: its generated body, and whether users see its gradient API;
   * {@code forward} holds its forward-mode and second-order members ({@code mJvp},
   * {@code mTangent}, {@code mHvp}, …), empty unless its modes or a caller's ask for them.
   */
  public record Entry(ExecutableElement method, AdjointBody body, boolean publicApi,
      String resultName, AdjointAbi abi, List<String> differentiatedNames,
      MethodBody graph, MethodBody primal, dev.adjoint.processor.abi.FlatParameters flat,
      TangentMethodWriter.Members forward) {
    /** The name of the method's adjoint entry point. */
    public String adjointName() {
      return AdjointAbi.entryName(method.getSimpleName());
    }
  }

  /**
   * The signatures ({@code add(p.Mlp, p.Mlp)}) of the record algebra the class for
   * {@code entries} gets: {@code add}, {@code scale}, {@code axpy}, {@code squaredNorm} and
   * {@code norm} for each record type its gradients return.
   */
  public static List<String> recordAlgebraSignatures(List<Entry> entries) {
    List<String> out = new ArrayList<>();
    for (TypeElement record : RecordAlgebra.recordTypes(entries)) {
      String r = record.getQualifiedName().toString();
      out.add("add(" + r + ", " + r + ")");
      out.add("scale(" + r + ", double)");
      out.add("axpy(double, " + r + ", " + r + ")");
      out.add("squaredNorm(" + r + ")");
      out.add("norm(" + r + ")");
    }
    return out;
  }

  /** A copy of a private static final table of literals that generated code reads. */
  public record TableCopy(VariableElement field, String initializer) {}

  /** Javadoc lines end by column 100: the class's after " * ", a member's after "   * ". */
  private static final int CLASS_DOC_WIDTH = 97;
  private static final int MEMBER_DOC_WIDTH = 95;

  private GradClassWriter() {}

  /** A member's Javadoc from a JavaPoet format, reflowed: no line break but between words. */
  private static CodeBlock javadoc(String format, Object... args) {
    return CodeBlock.of("$L", reflow(CodeBlock.of(format, args).toString(), MEMBER_DOC_WIDTH));
  }

  /**
   * Fills each paragraph (separated by a blank line) and each block tag ({@code @param} …) to
   * {@code width}, never breaking inside an inline tag such as {@code {@link a.B#m(double, int)}}.
   */
  static String reflow(String text, int width) {
    StringBuilder out = new StringBuilder();
    for (String paragraph : text.strip().split("\n\\s*\n")) {
      if (out.length() > 0) {
        out.append('\n');
      }
      // Block tags start lines of their own; other line breaks are just spaces.
      for (String block : paragraph.split("\n(?=@)")) {
        fill(block.replace('\n', ' ').strip(), width, out);
      }
    }
    return out.toString();
  }

  private static void fill(String block, int width, StringBuilder out) {
    List<String> words = new ArrayList<>();
    int depth = 0;
    StringBuilder word = new StringBuilder();
    for (char c : block.toCharArray()) {
      if (c == ' ' && depth == 0) {
        if (word.length() > 0) {
          words.add(word.toString());
          word.setLength(0);
        }
        continue;
      }
      depth += c == '{' ? 1 : c == '}' && depth > 0 ? -1 : 0;
      word.append(c);
    }
    if (word.length() > 0) {
      words.add(word.toString());
    }
    int column = 0;
    for (String w : words) {
      if (column > 0 && column + 1 + w.length() > width) {
        out.append('\n');
        column = 0;
      } else if (column > 0) {
        out.append(' ');
        column++;
      }
      out.append(w);
      column += w.length();
    }
    out.append('\n');
  }

  /**
   * The generated class for {@code owner} with the given suffix ({@code -Aadjoint.suffix},
   * {@code Grad} by default): {@code Outer.Inner} becomes {@code Outer_InnerGrad}.
   */
  public static ClassName gradClassOf(TypeElement owner, String suffix) {
    return AdjointAbi.generatedClassOf(owner, suffix);
  }

  /**
   * One line for {@code -Aadjoint.summary}: the generated class, then each method with its entry
   * points and whether its gradient uses a tape.
   */
  public static String summary(TypeElement owner, String suffix, List<Entry> entries) {
    StringBuilder line = new StringBuilder("Adjoint generated ")
        .append(gradClassOf(owner, suffix).canonicalName()).append(" (")
        .append(entries.size()).append(entries.size() == 1 ? " method): " : " methods): ");
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      if (i > 0) {
        line.append("; ");
      }
      line.append(e.method().getSimpleName()).append('(')
          .append(e.method().getParameters().stream().map(GradClassWriter::erasureText)
              .map(t -> t.substring(t.lastIndexOf('.') + 1))
              .collect(Collectors.joining(", ")))
          .append(") ");
      if (e.body() == null) {
        line.append("copied (private)");
        continue;
      }
      line.append(switch (e.body().tapeUse()) {
        case RECORDS -> "records on a tape";
        case PASSES_ON -> "passes a tape to its callees";
        case NONE -> "no tape";
      });
      if (!e.publicApi()) {
        line.append(", adjoint entry point only");
      } else if (e.graph() != null) {
        line.append(", graph");
      }
    }
    return line.toString();
  }

  public static JavaFile write(TypeElement owner, String suffix, List<Entry> entries,
      List<TableCopy> tables) {
    ClassName grad = gradClassOf(owner, suffix);
    Function<TypeElement, ClassName> generated = o -> gradClassOf(o, suffix);
    TypeSpec.Builder type = TypeSpec.classBuilder(grad)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(AnnotationSpec.builder(GENERATED)
            .addMember("value", "$S", PROCESSOR).build())
        .addJavadoc("Gradients of the differentiable methods of {@link $T}, generated by Adjoint."
            + "\n\n$L", ClassName.get(owner), reflow("<p>Each method runs a forward sweep (the"
            + " original computation, recording what the reverse sweep needs) and a reverse sweep"
            + " that propagates adjoints back to the inputs. Stateless and thread-safe.\n",
            CLASS_DOC_WIDTH))
        .addOriginatingElement(owner)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (TableCopy t : tables) {
      type.addField(com.palantir.javapoet.FieldSpec.builder(TypeName.get(t.field().asType()),
              t.field().getSimpleName().toString(), Modifier.STATIC, Modifier.FINAL)
          .addJavadoc(javadoc("A copy of the private table {@code $L} of {@link $T}, which"
              + " generated code cannot see.\n", t.field().getSimpleName(), ClassName.get(owner)))
          .initializer("$L", t.initializer())
          .build());
    }
    for (Entry e : entries) {
      if (e.publicApi() && RecordApi.applies(e)) {
        type.addType(RecordApi.resultRecord(e, link(e.method())));
        type.addMethod(RecordApi.gradientMethod(grad, e, gradientJavadoc(e)));
      } else if (e.publicApi()) {
        type.addType(resultRecord(owner, e));
        type.addMethod(gradientMethod(grad, e, generated));
        if (e.graph() != null) {
          type.addMethod(graphMethod(e, generated));
        }
      }
      e.forward().types().forEach(type::addType);
      e.forward().methods().forEach(type::addMethod);
    }
    for (Entry e : entries) {
      if (e.body() != null) {
        type.addMethod(adjointMethod(e, generated));
      }
    }
    for (Entry e : entries) {
      if (e.primal() != null) {
        type.addMethod(primalCopy(e, generated));
      }
    }
    for (TypeElement record : RecordAlgebra.recordTypes(entries)) {
      RecordAlgebra.methods(record).forEach(type::addMethod);
    }
    ClassGradient.addTo(type, entries);

    return JavaFile.builder(grad.packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }

  /**
   * A copy of a private method, which generated code calls in its place: the same parameters,
   * result and computation.
   */
  private static MethodSpec primalCopy(Entry e, Function<TypeElement, ClassName> generated) {
    if (RecordApi.applies(e)) {
      return RecordApi.primalCopy(e, typeVariables(e), link(e.method()), generated);
    }
    MethodSpec.Builder m = MethodSpec.methodBuilder(JavaExpressions.primalCopyName(e.method()))
        .addModifiers(Modifier.STATIC)
        .addTypeVariables(typeVariables(e))
        .returns(TypeName.get(e.method().getReturnType()))
        .addJavadoc(javadoc("A copy of the private method $L, which generated code cannot"
            + " call.\n", link(e.method())));
    for (VariableElement p : e.method().getParameters()) {
      m.addParameter(TypeName.get(p.asType()), p.getSimpleName().toString());
    }
    return m.addCode(VoidPrimalCopies.body(e.method(), e.primal(), generated)).build();
  }

  private static String link(ExecutableElement method) {
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    String params = method.getParameters().stream()
        .map(p -> erasureText(p))
        .collect(Collectors.joining(", "));
    return "{@link " + owner.getQualifiedName() + "#" + method.getSimpleName() + "(" + params
        + ")}";
  }

  private static String erasureText(VariableElement p) {
    javax.lang.model.type.TypeMirror type = p.asType();
    while (type instanceof javax.lang.model.type.TypeVariable v) {
      type = v.getUpperBound();
      if (type instanceof javax.lang.model.type.IntersectionType i) {
        type = i.getBounds().get(0);
      }
    }
    String text = type.toString();
    int generic = text.indexOf('<');
    return generic < 0 ? text : text.substring(0, generic);
  }

  private static TypeSpec resultRecord(TypeElement owner, Entry e) {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addParameter(JavaExpressions.typeName(e.body().result().type()), "value");
    StringBuilder doc = new StringBuilder("Value and gradient of " + link(e.method()) + ".\n\n"
        + "@param value the value of the original method\n");
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
        .addJavadoc("$L", reflow(doc.toString(), MEMBER_DOC_WIDTH))
        .build();
  }

  /** The original's type variables, with their bounds, for every method with its signature. */
  private static List<TypeVariableName> typeVariables(Entry e) {
    return e.method().getTypeParameters().stream().map(TypeVariableName::get).toList();
  }

  /** The original's parameters, with the names the generated body uses for them. */
  private static List<ParameterSpec> originalParameters(Entry e) {
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

  private static MethodSpec gradientMethod(ClassName grad, Entry e,
      Function<TypeElement, ClassName> generated) {
    AdjointBody body = e.body();
    ClassName result = grad.nestedClass(e.resultName());
    boolean vector = body.result().type().isArray();
    MethodSpec.Builder m = MethodSpec.methodBuilder(e.method().getSimpleName().toString())
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(result)
        .addTypeVariables(typeVariables(e))
        .addParameters(originalParameters(e));
    if (vector) {
      m.addParameter(ArrayTypeName.of(TypeName.DOUBLE), body.seedName())
          .addJavadoc(javadoc("Value and vector-Jacobian product of $L, by reverse-mode"
              + " differentiation: the gradient of {@code $N · value} with respect to $L.\n\n"
              + "@param $N the adjoint of the result, one entry per element\n"
              + "@return the value and the products with respect to $L\n",
              link(e.method()), body.seedName(), describeParameters(e.differentiatedNames()),
              body.seedName(), describeParameters(e.differentiatedNames())));
    } else {
      m.addJavadoc(javadoc("Value and gradient of $L, by reverse-mode differentiation.\n\n"
          + "@return the value and its partial derivatives with respect to $L\n",
          link(e.method()), describeParameters(e.differentiatedNames())));
    }
    if (allocatesAnyway(body)) {
      delegateToAdjoint(m, e, result, vector);
      return m.build();
    }
    // Scalar, loop-free or tape-free: the sweeps inline, allocating nothing but the result.
    if (body.tapeUse() == TapeUse.PASSES_ON) {
      m.addStatement("$T $N = null", RuntimeTypes.TAPE, body.tapeName());
    }
    addSweeps(m, body, CodeBlock.of("1.0"), generated);
    CodeBlock.Builder args = CodeBlock.builder().add("$N", body.nameOf(body.result()));
    for (Variable adjoint : body.parameterAdjoints()) {
      args.add(", $L", adjoint != null ? CodeBlock.of("$N", body.nameOf(adjoint)) : "0.0");
    }
    m.addStatement("return new $T($L)", result, args.build());
    return m.build();
  }

  /** The gradient method's Javadoc for a method with records (scalar or vector result). */
  private static CodeBlock gradientJavadoc(Entry e) {
    AdjointBody body = e.body();
    if (body.result().type().isArray()) {
      return javadoc("Value and vector-Jacobian product of $L, by reverse-mode"
          + " differentiation: the gradient of {@code $N · value} with respect to $L.\n\n"
          + "@param $N the adjoint of the result, one entry per element\n"
          + "@return the value and the products with respect to $L\n",
          link(e.method()), body.seedName(), describeParameters(e.differentiatedNames()),
          body.seedName(), describeParameters(e.differentiatedNames()));
    }
    return javadoc("Value and gradient of $L, by reverse-mode differentiation.\n\n"
        + "@return the value and its partial derivatives with respect to $L\n",
        link(e.method()), describeParameters(e.differentiatedNames()));
  }

  private static MethodSpec graphMethod(Entry e, Function<TypeElement, ClassName> generated) {
    return MethodSpec.methodBuilder(e.method().getSimpleName() + "Graph")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(RuntimeTypes.COMPUTATION_GRAPH)
        .addTypeVariables(typeVariables(e))
        .addParameters(originalParameters(e))
        .addJavadoc(javadoc("The computation graph of one evaluation of $L: a node per parameter"
            + " and per executed assignment, with its value and its adjoint, and the local partial"
            + " derivative on each edge. Render it with {@code toDot()}, {@code toMermaid()} or"
            + " {@code toTable()}.\n\n@return the evaluated graph, adjoints included\n",
            link(e.method())))
        .addCode(print(e.graph(), generated))
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

  private static void delegateToAdjoint(MethodSpec.Builder m, Entry e, ClassName result,
      boolean vector) {
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
        i -> CodeBlock.of("$N", body.nameOf(adjointOfParameter(body, i))), CodeBlock.of("null"));
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

  private static String describeParameters(List<String> names) {
    if (names.isEmpty()) {
      return "no parameter";
    }
    return names.stream().map(n -> "{@code " + n + "}").collect(Collectors.joining(", "));
  }

  private static MethodSpec adjointMethod(Entry e, Function<TypeElement, ClassName> generated) {
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
        .addJavadoc(javadoc("Adjoint entry point of $L, for generated code and other modules.\n\n"
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
            link(e.method()), body.seedName(), describeParameters(e.differentiatedNames()),
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
  private static Variable adjointOfParameter(AdjointBody body, int index) {
    return body.parameterAdjoints().get(
        body.differentiated().indexOf(body.parameters().get(index)));
  }

  private static void addSweeps(MethodSpec.Builder m, AdjointBody body, CodeBlock seed,
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

  /** A whole method body: its statements, then the return of its value. */
  static CodeBlock print(MethodBody body, Function<TypeElement, ClassName> generated) {
    JavaExpressions expressions = JavaExpressions.plain(body.names(), generated);
    return CodeBlock.builder()
        .add(new JavaStatements(expressions, body.names()).print(body.stmts()))
        .addStatement("return $L", expressions.print(body.returned()))
        .build();
  }
}
