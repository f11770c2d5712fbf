package dev.adjoint.processor.abi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Classes (not records) whose instance methods Adjoint differentiates with respect to the
 * receiver: a class with at least one instance field of type {@code double}, {@code double[]},
 * {@code double[][]} or a differentiable record. Its instance fields, in declaration order, are
 * its components, flattened like a record's ({@link FlatParameters}) and read as fields
 * ({@code self.w}) by generated code.
 *
 * <p>Its gradient cannot be a value of the class itself: a constructor may validate, normalise
 * or derive fields from others, and which constructor parameter feeds which field is not known.
 * So, as Swift synthesizes a separate {@code TangentVector} for a struct (one stored property per
 * differentiable property, {@code @noDerivative} ones left out), the generated class gets a
 * record {@code Gradient} with one component per field that carries a derivative.
 *
 * <p>{@link #problemWith} says what a class must also be for that to be exact: final (no
 * subclass can override a method its gradient calls), every instance field final (Adjoint does
 * not follow mutable state) and visible to the generated class. A class that inherits fields is
 * not one ({@link #inheritsFieldsFrom}).
 */
public final class ModelClasses {
  /** The simple name of the generated record that holds a class's gradient. */
  public static final String GRADIENT = "Gradient";

  private ModelClasses() {}

  /**
   * Whether {@code owner} is a class whose receiver Adjoint flattens: a top-level or static
   * member class, not generic, with an instance field that carries derivatives.
   */
  public static boolean isModelClass(TypeElement owner) {
    if (owner.getKind() != ElementKind.CLASS || !owner.getTypeParameters().isEmpty()
        || owner.getNestingKind() == NestingKind.LOCAL
        || owner.getNestingKind() == NestingKind.ANONYMOUS
        || owner.getNestingKind() == NestingKind.MEMBER
            && !owner.getModifiers().contains(Modifier.STATIC)) {
      return false;
    }
    return inheritsFieldsFrom(owner).isEmpty()
        && fields(owner).stream().anyMatch(f -> carries(f.asType()));
  }

  /** The superclass {@code owner} inherits instance fields from, if any. */
  public static Optional<TypeElement> inheritsFieldsFrom(TypeElement owner) {
    for (TypeMirror s = owner.getSuperclass(); s.getKind() == TypeKind.DECLARED;
        s = ((TypeElement) ((DeclaredType) s).asElement()).getSuperclass()) {
      TypeElement sup = (TypeElement) ((DeclaredType) s).asElement();
      if (!fields(sup).isEmpty()) {
        return Optional.of(sup);
      }
    }
    return Optional.empty();
  }

  /**
   * The error for an instance method of {@code owner}, a class Adjoint does not differentiate
   * with respect to its receiver.
   */
  public static String notAModelMessage(String method, TypeElement owner) {
    String name = owner.getSimpleName().toString();
    Optional<TypeElement> sup = inheritsFieldsFrom(owner);
    if (sup.isPresent()) {
      return "@Differentiable method '" + method + "' is an instance method of class " + name
          + ", which inherits fields from " + sup.get().getSimpleName() + ", and Adjoint follows"
          + " only the fields a class declares itself; declare them in " + name + " (or use a"
          + " record), or make the method static";
    }
    return "@Differentiable method '" + method + "' must be static, or an instance method of a"
        + " record of doubles, double[] and double[][] (or of a final class whose fields are"
        + " final, one of them such a value; top-level or static, not generic); " + name
        + " is not one, so make the method static or pass the object's state in as"
        + " parameters";
  }

  /** The instance fields of {@code owner}, in declaration order. */
  public static List<VariableElement> fields(TypeElement owner) {
    List<VariableElement> out = new ArrayList<>();
    for (VariableElement f : ElementFilter.fieldsIn(owner.getEnclosedElements())) {
      if (!f.getModifiers().contains(Modifier.STATIC)) {
        out.add(f);
      }
    }
    return out;
  }

  /** Whether a field of this type has a component in the class's {@code Gradient}. */
  public static boolean carries(TypeMirror type) {
    return FlatParameters.carriesDerivative(type)
        || FlatParameters.differentiableRecord(type).isPresent();
  }

  /**
   * Why the gradient of an instance method of {@code owner} with respect to its receiver would
   * not be exact, or empty when it is.
   */
  public static Optional<String> problemWith(TypeElement owner) {
    String name = owner.getSimpleName().toString();
    if (!owner.getModifiers().contains(Modifier.FINAL)) {
      return Optional.of("class " + name + " must be final for Adjoint to differentiate its"
          + " instance methods with respect to its fields: a subclass could override a method"
          + " the gradient calls, or add state it does not see; declare it final class " + name);
    }
    for (javax.lang.model.element.Element e = owner; e instanceof TypeElement t;
        e = t.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        return Optional.of("class " + name + " is private (or inside a private class), and the"
            + " generated class cannot see it; make it package-private");
      }
    }
    for (VariableElement f : fields(owner)) {
      if (!f.getModifiers().contains(Modifier.FINAL)) {
        return Optional.of("field '" + f.getSimpleName() + "' of " + name + " is not final,"
            + " and Adjoint differentiates an instance method of a class only when every field"
            + " of it is final (it does not follow mutable state); make it final, or pass the"
            + " value in as a parameter of a static method");
      }
      if (f.getModifiers().contains(Modifier.PRIVATE)) {
        return Optional.of("field '" + f.getSimpleName() + "' of " + name + " is private, and"
            + " the gradient reads the receiver's fields from the generated class; make it"
            + " package-private");
      }
    }
    return Optional.empty();
  }

  /** The names of the components of a flattened receiver: a record's components, or fields. */
  public static List<String> componentNames(TypeElement type) {
    List<String> names = new ArrayList<>();
    if (type.getKind() == ElementKind.RECORD) {
      type.getRecordComponents().forEach(c -> names.add(c.getSimpleName().toString()));
    } else {
      fields(type).forEach(f -> names.add(f.getSimpleName().toString()));
    }
    return names;
  }
}
