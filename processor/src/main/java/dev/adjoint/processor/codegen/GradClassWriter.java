package dev.adjoint.processor.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.adjoint.processor.abi.AdjointAbi;
import dev.adjoint.processor.abi.FlatParameters;
import dev.adjoint.processor.abi.RuntimeTypes;
import dev.adjoint.processor.ir.AdjointBody;
import dev.adjoint.processor.ir.MethodBody;
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
      MethodBody graph, MethodBody primal, FlatParameters flat,
      TangentMethodWriter.Members forward) {
    /** The name of the method's adjoint entry point. */
    public String adjointName() {
      return AdjointAbi.entryName(method.getSimpleName());
    }
  }

  /**
   * The signatures ({@code add(p.Mlp, p.Mlp)}) of the record algebra the class for
   * {@code entries} gets: {@code add}, {@code scale}, {@code axpy}, {@code squaredNorm} and
   * {@code norm} for each record type its gradients return, and for the {@code Gradient} of a
   * class's receiver nested in {@code grad}.
   */
  public static List<String> recordAlgebraSignatures(ClassName grad, List<Entry> entries) {
    List<String> out = new ArrayList<>();
    for (TypeElement record : RecordAlgebra.recordTypes(entries)) {
      out.addAll(RecordAlgebra.signatures(record.getQualifiedName().toString()));
    }
    ClassGradient.owner(entries).ifPresent(c ->
        out.addAll(RecordAlgebra.signatures(ClassGradient.name(grad).canonicalName())));
    return out;
  }

  /** A copy of a private static final table of literals that generated code reads. */
  public record TableCopy(VariableElement field, String initializer) {}

  private GradClassWriter() {}

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
          .append(e.method().getParameters().stream().map(Javadocs::erasureText)
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

  /**
   * The generated class for {@code owner}: copies of its private tables, then per method its
   * gradient API and forward-mode members, the adjoint entry points, copies of private methods,
   * the record algebra and the class gradient.
   */
  public static JavaFile write(TypeElement owner, String suffix, List<Entry> entries,
      List<TableCopy> tables) {
    ClassName grad = gradClassOf(owner, suffix);
    Function<TypeElement, ClassName> generated = o -> gradClassOf(o, suffix);
    TypeSpec.Builder type = TypeSpec.classBuilder(grad)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(AnnotationSpec.builder(GENERATED)
            .addMember("value", "$S", PROCESSOR).build())
        .addJavadoc("Gradients of the differentiable methods of {@link $T}, generated by Adjoint."
            + "\n\n$L", ClassName.get(owner), Javadocs.reflow("<p>Each method runs a forward"
            + " sweep (the original computation, recording what the reverse sweep needs) and a"
            + " reverse sweep that propagates adjoints back to the inputs. Stateless and"
            + " thread-safe.\n", Javadocs.CLASS_DOC_WIDTH))
        .addOriginatingElement(owner)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    for (TableCopy t : tables) {
      type.addField(FieldSpec.builder(TypeName.get(t.field().asType()),
              t.field().getSimpleName().toString(), Modifier.STATIC, Modifier.FINAL)
          .addJavadoc(Javadocs.member("A copy of the private table {@code $L} of {@link $T},"
              + " which generated code cannot see.\n", t.field().getSimpleName(),
              ClassName.get(owner)))
          .initializer("$L", t.initializer())
          .build());
    }
    for (Entry e : entries) {
      if (e.publicApi() && RecordApi.applies(e)) {
        type.addType(RecordApi.resultRecord(grad, e, Javadocs.link(e.method())));
        type.addMethod(RecordApi.gradientMethod(grad, e,
            GradientMethodWriter.gradientJavadoc(e)));
      } else if (e.publicApi()) {
        type.addType(GradientMethodWriter.resultRecord(e));
        type.addMethod(GradientMethodWriter.gradientMethod(grad, e, generated));
        if (e.graph() != null) {
          type.addMethod(GradientMethodWriter.graphMethod(e, generated));
        }
      }
      e.forward().types().forEach(type::addType);
      e.forward().methods().forEach(type::addMethod);
    }
    for (Entry e : entries) {
      if (e.body() != null) {
        type.addMethod(AdjointEntryWriter.adjointMethod(e, generated));
      }
    }
    for (Entry e : entries) {
      if (e.primal() != null) {
        type.addMethod(MethodBodies.primalCopy(e, generated));
      }
    }
    for (TypeElement record : RecordAlgebra.recordTypes(entries)) {
      RecordAlgebra.methods(record).forEach(type::addMethod);
    }
    ClassGradient.addTo(grad, type, entries);

    return JavaFile.builder(grad.packageName(), type.build())
        .skipJavaLangImports(true)
        .indent("  ")
        .build();
  }
}
