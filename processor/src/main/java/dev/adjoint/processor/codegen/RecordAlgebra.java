package dev.adjoint.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import dev.adjoint.processor.abi.FlatParameters;
import dev.adjoint.processor.abi.RuntimeTypes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;

/**
 * What users need to step with a record's gradient, without reflection: for each record type a
 * generated class's methods take or return as a gradient (nested records included), static
 * {@code add(x, y)}, {@code scale(x, k)}, {@code axpy(alpha, x, y)} ({@code alpha x + y}),
 * {@code squaredNorm(x)} and {@code norm(x)} over its differentiable components. Results are
 * fresh records; components that carry no derivative are copied from {@code x}.
 */
final class RecordAlgebra {
  /** The names of the generated methods, which the collision check of generated members uses. */
  static final List<String> NAMES = List.of("add", "scale", "axpy", "squaredNorm", "norm");

  private RecordAlgebra() {}

  /**
   * The record types {@code entries} take as gradients (differentiated record parameters and
   * receivers, and the records nested in them), sorted by name.
   */
  static List<TypeElement> recordTypes(List<GradClassWriter.Entry> entries) {
    Map<String, TypeElement> found = new TreeMap<>();
    for (GradClassWriter.Entry e : entries) {
      if (!e.publicApi() || e.body() == null || !RecordApi.applies(e)) {
        continue;
      }
      FlatParameters flat = e.flat();
      for (FlatParameters.Node root : flat.roots()) {
        if (root instanceof FlatParameters.RecordNode r && flat.anyDifferentiated(r)) {
          collect(r, found);
        }
      }
    }
    List<TypeElement> types = new ArrayList<>(found.values());
    types.sort(Comparator.comparing(t -> t.getQualifiedName().toString()));
    return types;
  }

  private static void collect(FlatParameters.RecordNode node, Map<String, TypeElement> found) {
    if (!RecordApi.isClass(node)) { // a class's gradient is its Gradient (ClassGradient)
      found.put(node.type().getQualifiedName().toString(), node.type());
    }
    for (FlatParameters.Node c : node.components()) {
      if (c instanceof FlatParameters.RecordNode r) {
        collect(r, found);
      }
    }
  }

  /** A component of a record the algebra works on: its name and type. */
  record Component(String name, javax.lang.model.type.TypeMirror type) {}

  /** The five methods for {@code record}. */
  static List<MethodSpec> methods(TypeElement record) {
    List<Component> components = new ArrayList<>();
    for (RecordComponentElement c : record.getRecordComponents()) {
      components.add(new Component(c.getSimpleName().toString(), c.asType()));
    }
    return methods(ClassName.get(record), record.getSimpleName().toString(), components);
  }

  /** The signatures of the five methods for the type named {@code r} (qualified), as javac's. */
  static List<String> signatures(String r) {
    return List.of("add(" + r + ", " + r + ")", "scale(" + r + ", double)",
        "axpy(double, " + r + ", " + r + ")", "squaredNorm(" + r + ")", "norm(" + r + ")");
  }

  /** The five methods for a record of type {@code type}, named {@code name} in their docs. */
  static List<MethodSpec> methods(TypeName type, String name, List<Component> record) {
    List<MethodSpec> out = new ArrayList<>();
    out.add(MethodSpec.methodBuilder("add")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(type)
        .addParameter(type, "x")
        .addParameter(type, "y")
        .addJavadoc(doc("The sum {@code x + y} of two " + name + " gradients, component by"
            + " component.\n\n@param x the first gradient, whose components that carry no"
            + " derivative are copied\n@param y the second gradient, of the same shapes\n"
            + "@return a new " + name + "\n"))
        .addStatement("return axpy(1.0, x, y)")
        .build());
    out.add(MethodSpec.methodBuilder("scale")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(type)
        .addParameter(type, "x")
        .addParameter(TypeName.DOUBLE, "k")
        .addJavadoc(doc("The product {@code k x} of a " + name + " gradient and a scalar.\n\n"
            + "@param x the gradient, whose components that carry no derivative are copied\n"
            + "@param k the factor\n@return a new " + name + "\n"))
        .addStatement("return new $T($L)", type, components(record, "scale"))
        .build());
    out.add(MethodSpec.methodBuilder("axpy")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(type)
        .addParameter(TypeName.DOUBLE, "alpha")
        .addParameter(type, "x")
        .addParameter(type, "y")
        .addJavadoc(doc("{@code alpha x + y} for " + name + " gradients (a descent step is"
            + " {@code axpy(-rate, gradient, model)}).\n\n@param alpha the factor of {@code x}\n"
            + "@param x the scaled gradient, whose components that carry no derivative are"
            + " copied\n@param y the gradient added, of the same shapes\n@return a new " + name
            + "\n"))
        .addStatement("return new $T($L)", type, components(record, "axpy"))
        .build());
    out.add(MethodSpec.methodBuilder("squaredNorm")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(TypeName.DOUBLE)
        .addParameter(type, "x")
        .addJavadoc(doc("The sum of the squares of the differentiable components of a " + name
            + ".\n\n@param x the gradient\n@return its squared Euclidean norm\n"))
        .addStatement("return $L", squares(record))
        .build());
    out.add(MethodSpec.methodBuilder("norm")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(TypeName.DOUBLE)
        .addParameter(type, "x")
        .addJavadoc(doc("The Euclidean norm of the differentiable components of a " + name
            + ".\n\n@param x the gradient\n@return {@code sqrt(squaredNorm(x))}\n"))
        .addStatement("return Math.sqrt(squaredNorm(x))")
        .build());
    return out;
  }

  private static CodeBlock doc(String text) {
    return CodeBlock.of("$L", Javadocs.reflow(text, Javadocs.MEMBER_DOC_WIDTH));
  }

  /** The canonical constructor's arguments of {@code scale} or {@code axpy}. */
  private static CodeBlock components(List<Component> record, String op) {
    List<CodeBlock> parts = new ArrayList<>();
    for (Component c : record) {
      String get = c.name() + "()";
      String t = c.type().toString();
      Optional<TypeElement> nested = FlatParameters.differentiableRecord(c.type());
      boolean scale = op.equals("scale");
      if (nested.isPresent()) {
        parts.add(scale ? CodeBlock.of("scale(x.$L, k)", get)
            : CodeBlock.of("axpy(alpha, x.$L, y.$L)", get, get));
      } else if (t.equals("double")) {
        parts.add(scale ? CodeBlock.of("k * x.$L", get)
            : CodeBlock.of("alpha * x.$L + y.$L", get, get));
      } else if (FlatParameters.carriesDerivative(c.type())) {
        parts.add(scale ? CodeBlock.of("$T.scale(k, x.$L)", RuntimeTypes.GRADIENT_ALGEBRA, get)
            : CodeBlock.of("$T.axpy(alpha, x.$L, y.$L)", RuntimeTypes.GRADIENT_ALGEBRA, get,
                get));
      } else {
        parts.add(CodeBlock.of("x.$L", get)); // carries no derivative: copied
      }
    }
    return CodeBlock.join(parts, ", ");
  }

  /** The sum of squares of a record's differentiable components. */
  private static CodeBlock squares(List<Component> record) {
    List<CodeBlock> parts = new ArrayList<>();
    for (Component c : record) {
      String get = c.name() + "()";
      if (FlatParameters.differentiableRecord(c.type()).isPresent()) {
        parts.add(CodeBlock.of("squaredNorm(x.$L)", get));
      } else if (c.type().toString().equals("double")) {
        parts.add(CodeBlock.of("x.$L * x.$L", get, get));
      } else if (FlatParameters.carriesDerivative(c.type())) {
        parts.add(CodeBlock.of("$T.sumOfSquares(x.$L)", RuntimeTypes.GRADIENT_ALGEBRA, get));
      }
    }
    return CodeBlock.join(parts, " + ");
  }
}
