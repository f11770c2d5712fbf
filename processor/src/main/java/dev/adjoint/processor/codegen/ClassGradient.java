package dev.adjoint.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.adjoint.processor.abi.FlatParameters;
import dev.adjoint.processor.abi.ModelClasses;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * The gradient of an instance method of a class with final fields with respect to its receiver
 * ({@link ModelClasses}): a record {@code Gradient} nested in the generated class, one component
 * per field that carries a derivative, in declaration order (what Swift synthesizes as a
 * struct's {@code TangentVector}), and the algebra over it that {@link RecordAlgebra} gives
 * records ({@code add}, {@code scale}, {@code axpy}, {@code squaredNorm}, {@code norm}).
 */
final class ClassGradient {
  /**
   * The generated record, nested in {@code grad}: JavaPoet prints it by its simple name where
   * that means it, and qualifies a user's type of the same name ({@code p.Gradient}) elsewhere.
   */
  static ClassName name(ClassName grad) {
    return grad.nestedClass(ModelClasses.GRADIENT);
  }

  private ClassGradient() {}

  /**
   * Adds {@code Gradient} and its algebra to {@code type} when one of {@code entries} is a
   * public gradient with respect to a class's receiver.
   */
  static void addTo(ClassName grad, TypeSpec.Builder type, List<GradClassWriter.Entry> entries) {
    Optional<TypeElement> owner = owner(entries);
    if (owner.isEmpty()) {
      return;
    }
    List<RecordAlgebra.Component> components = new ArrayList<>();
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    String simple = owner.get().getSimpleName().toString();
    StringBuilder doc = new StringBuilder("The gradient of a method of {@link "
        + owner.get().getQualifiedName() + "} with respect to its fields, one component per"
        + " field that carries a derivative (as Swift's {@code TangentVector}): a class's"
        + " constructor may check or derive its fields, so its gradient is not a value of "
        + simple + " itself. Step a model with {@code axpy} over these components and build the"
        + " next " + simple + " from them.\n\n");
    for (VariableElement f : ModelClasses.fields(owner.get())) {
      if (!ModelClasses.carries(f.asType())) {
        continue;
      }
      String name = f.getSimpleName().toString();
      components.add(new RecordAlgebra.Component(name, f.asType()));
      constructor.addParameter(TypeName.get(f.asType()), name);
      doc.append("@param ").append(name).append(" the gradient with respect to field {@code ")
          .append(name).append("}\n");
    }
    type.addType(TypeSpec.recordBuilder(ModelClasses.GRADIENT)
        .addModifiers(Modifier.PUBLIC)
        .recordConstructor(constructor.build())
        .addJavadoc("$L", Javadocs.reflow(doc.toString(), Javadocs.MEMBER_DOC_WIDTH))
        .build());
    RecordAlgebra.methods(name(grad), ModelClasses.GRADIENT, components).forEach(type::addMethod);
  }

  /** The class whose receiver a public gradient of {@code entries} differentiates, if any. */
  static Optional<TypeElement> owner(List<GradClassWriter.Entry> entries) {
    for (GradClassWriter.Entry e : entries) {
      if (!e.publicApi() || e.body() == null || !RecordApi.applies(e) || !e.flat().hasSelf()) {
        continue;
      }
      FlatParameters.Node self = e.flat().roots().get(e.flat().roots().size() - 1);
      if (self instanceof FlatParameters.RecordNode r && RecordApi.isClass(r)
          && e.flat().anyDifferentiated(r)) {
        return Optional.of(r.type());
      }
    }
    return Optional.empty();
  }
}
