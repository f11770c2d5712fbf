package dev.adjoint.issue14;

import dev.adjoint.Differentiable;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders fixture templates. A template writes {@code @Differentiable(MODES)} or
 * {@code @Differentiable(wrt = {...}, MODES)}; {@link #render} puts the issue's
 * {@code modes = {...}} element there, or removes it (for the {@code -Aadjoint.modes} variant and
 * for the oracle checks, which compile without the processor).
 *
 * <p>The issue names the attribute ({@code modes = {…}}) but not its element type. The rendering
 * follows the annotation on the class path: quoted lower-case names for a {@code String[]}
 * element, the constants of an enum element otherwise ({@code Differentiable.Mode.TANGENT}). Until
 * the attribute exists it renders strings, which javac rejects: the tests then fail, as they
 * should before the feature is built.
 */
final class Modes14 {
  private Modes14() {}

  /** Gradient, tangent and Hessian (mHvp, mHessian). */
  static final String[] SECOND_ORDER = {"gradient", "tangent", "hessian"};
  /** Gradient and Jacobian. */
  static final String[] JACOBIAN = {"gradient", "jacobian"};
  /** The -A option that turns every mode on for a whole compilation. */
  static final String ALL_OPTION = "-Aadjoint.modes=gradient,tangent,hessian,jacobian";

  /** The template with {@code modes = {…}} for {@code modes}, or without it when empty. */
  static String render(String template, String... modes) {
    return render(template, elementType(), modes);
  }

  /** As {@link #render(String, String...)} for a given element type (null: strings). */
  static String render(String template, Class<?> type, String... modes) {
    if (modes.length == 0) {
      return template.replace(", MODES)", ")").replace("(MODES)", "");
    }
    String element = "modes = {" + String.join(", ", literals(type, modes)) + "}";
    return template.replace("MODES", element);
  }

  private static List<String> literals(Class<?> type, String[] modes) {
    List<String> out = new ArrayList<>();
    for (String m : modes) {
      if (type != null && type.isEnum()) {
        String constant = enumConstant(type, m);
        // an enum without a GRADIENT constant (the gradient is always generated) needs none
        if (constant != null) {
          out.add(type.getCanonicalName() + "." + constant);
        } else if (!m.equals("gradient")) {
          out.add(type.getCanonicalName() + "." + m.toUpperCase(Locale.ROOT));
        }
      } else {
        out.add('"' + m + '"');
      }
    }
    return out;
  }

  private static String enumConstant(Class<?> type, String mode) {
    for (Object c : type.getEnumConstants()) {
      String name = ((Enum<?>) c).name();
      if (name.equalsIgnoreCase(mode)) {
        return name;
      }
    }
    return null;
  }

  /** The component type of {@code Differentiable.modes()}, or null while it does not exist. */
  private static Class<?> elementType() {
    for (Method m : Differentiable.class.getDeclaredMethods()) {
      if (m.getName().equals("modes") && m.getReturnType().isArray()) {
        return m.getReturnType().getComponentType();
      }
    }
    return null;
  }
}
