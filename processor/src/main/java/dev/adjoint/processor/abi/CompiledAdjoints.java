package dev.adjoint.processor.abi;

import com.sun.source.util.Trees;
import java.io.IOException;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The generated classes of an earlier compilation, found on the class path (another module, a
 * jar, the output of a build in which only some files are recompiled): which entry points they
 * hold, matched to the methods they belong to by {@link AdjointAbi}'s and {@link TangentAbi}'s
 * conventions, and whether a class is Adjoint's at all. Their members are read from the class
 * file where javac's model must not be completed: see {@link ClassFileMethods}.
 */
public final class CompiledAdjoints {
  private final Trees trees;
  private final Elements elements;
  private final Types types;
  private final Filer filer;
  private final String suffix;

  /**
   * @param suffix the generated classes' suffix ({@link AdjointAbi#generatedClassOf})
   */
  public CompiledAdjoints(Trees trees, Elements elements, Types types, Filer filer,
      String suffix) {
    this.trees = trees;
    this.elements = elements;
    this.types = types;
    this.filer = filer;
    this.suffix = suffix;
  }

  /** The class generated for {@code owner}, compiled earlier or being compiled, or null. */
  private TypeElement generatedClass(TypeElement owner) {
    return elements.getTypeElement(AdjointAbi.generatedClassOf(owner, suffix).canonicalName());
  }

  /**
   * Whether the class generated for {@code callee}'s owner, compiled earlier, has the adjoint
   * entry point of {@code callee}.
   */
  public boolean hasAdjointEntryPoint(ExecutableElement callee) {
    TypeElement owner = (TypeElement) callee.getEnclosingElement();
    TypeElement grad = generatedClass(owner);
    if (grad == null) {
      return false;
    }
    for (ExecutableElement m : ElementFilter.methodsIn(grad.getEnclosedElements())) {
      if (AdjointAbi.isEntryPointOf(m, callee, types)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the class generated for {@code callee}'s owner, compiled earlier, has the tangent
   * entry point of {@code callee}.
   */
  public boolean hasTangentEntryPoint(ExecutableElement callee) {
    TypeElement grad = generatedClass((TypeElement) callee.getEnclosingElement());
    return grad != null && ElementFilter.methodsIn(
        grad.getEnclosedElements()).stream().anyMatch(m -> m.getSimpleName().contentEquals(
            TangentAbi.entryName(callee.getSimpleName())));
  }

  /**
   * Whether the class generated for {@code callee}'s owner, compiled earlier, has the tangent
   * of {@code callee}'s adjoint entry point (made for {@code Mode.HESSIAN}).
   */
  public boolean hasAdjointTangentEntryPoint(ExecutableElement callee) {
    TypeElement grad = generatedClass((TypeElement) callee.getEnclosingElement());
    return grad != null && ElementFilter.methodsIn(
        grad.getEnclosedElements()).stream().anyMatch(m -> m.getSimpleName().contentEquals(
            TangentAbi.adjointEntryName(callee.getSimpleName())));
  }

  /**
   * The adjoint entry points of the class generated for {@code type} in an earlier compilation,
   * read from its class file; none when there is no such class, when it is being compiled from
   * source, or when its class file cannot be read.
   */
  public List<ClassFileMethods.Method> adjointEntryPoints(TypeElement type) {
    TypeElement grad = generatedClass(type);
    if (grad == null || trees.getPath(grad) != null) {
      return List.of();
    }
    List<ClassFileMethods.Method> methods = classFileMethods(grad);
    if (methods == null) {
      return List.of();
    }
    return methods.stream()
        .filter(adjoint -> AdjointAbi.isEntryPoint(adjoint.name(), adjoint.descriptor()))
        .toList();
  }

  /**
   * Whether the entry point {@code adjoint} found by {@link #adjointEntryPoints} takes
   * {@code method}'s parameters first (its name is for the caller to match).
   */
  public boolean takesParametersOf(ClassFileMethods.Method adjoint, ExecutableElement method) {
    return AdjointAbi.takesFirst(adjoint.descriptor(), descriptorOf(method));
  }

  /** The parameter descriptors of {@code method}, erased: {@code D[DLjava/lang/Object;}. */
  private String descriptorOf(ExecutableElement method) {
    StringBuilder sb = new StringBuilder();
    for (VariableElement p : method.getParameters()) {
      sb.append(descriptor(types.erasure(p.asType())));
    }
    return sb.toString();
  }

  private String descriptor(javax.lang.model.type.TypeMirror t) {
    switch (t.getKind()) {
      case BOOLEAN: return "Z";
      case BYTE: return "B";
      case SHORT: return "S";
      case CHAR: return "C";
      case INT: return "I";
      case LONG: return "J";
      case FLOAT: return "F";
      case DOUBLE: return "D";
      case ARRAY:
        return "[" + descriptor(((javax.lang.model.type.ArrayType) t).getComponentType());
      default:
        TypeElement e = (TypeElement) types.asElement(t);
        return "L" + elements.getBinaryName(e).toString().replace('.', '/') + ";";
    }
  }

  /**
   * Whether {@code type} is a class Adjoint generated: in source, by its {@code @Generated}; in
   * a class file, where that annotation is not kept, by its shape (adjoint entry points taking
   * a {@code Tape} last).
   */
  public boolean isGeneratedByAdjoint(TypeElement type) {
    if (carriesAdjointGenerated(type)) {
      return true;
    }
    if (trees.getPath(type) != null) {
      return false; // source without our @Generated: the user's own class
    }
    List<ClassFileMethods.Method> methods = classFileMethods(type);
    return methods == null || methods.stream()
        .anyMatch(m -> AdjointAbi.isScalarEntryPoint(m.name(), m.descriptor()));
  }

  /**
   * Whether {@code e} carries {@code @Generated("dev.adjoint.processor.AdjointProcessor")}, the
   * mark of Adjoint's output in source.
   */
  public static boolean carriesAdjointGenerated(Element e) {
    for (AnnotationMirror a : e.getAnnotationMirrors()) {
      if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(RuntimeTypes.GENERATED)) {
        return a.getElementValues().values().stream()
            .anyMatch(v -> v.toString().contains(RuntimeTypes.GENERATOR));
      }
    }
    return false;
  }

  /**
   * The methods of {@code type}'s class file on the class path, or null where it cannot be read.
   * Read from the bytes, never through javac's model: see {@link ClassFileMethods}.
   */
  private List<ClassFileMethods.Method> classFileMethods(TypeElement type) {
    String qualified = type.getQualifiedName().toString();
    String pkg = elements.getPackageOf(type).getQualifiedName().toString();
    String binary = pkg.isEmpty() ? qualified : qualified.substring(pkg.length() + 1);
    try (java.io.InputStream in = filer.getResource(
        javax.tools.StandardLocation.CLASS_PATH, pkg, binary + ".class").openInputStream()) {
      return ClassFileMethods.read(in);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
