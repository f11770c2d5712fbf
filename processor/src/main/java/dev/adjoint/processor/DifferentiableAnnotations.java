package dev.adjoint.processor;

import dev.adjoint.processor.abi.RuntimeTypes;
import dev.adjoint.processor.diag.Diagnostics;
import dev.adjoint.processor.diag.Problem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Reads Adjoint's annotations on the user's code: {@code @Differentiable} (its {@code wrt},
 * {@code modes} and {@code graph}), {@code @NonDifferentiable}, {@code @Checkpointed} and
 * {@code @UseDerivatives}. Checking them is {@link AnnotationValidation}'s.
 */
final class DifferentiableAnnotations {
  static final String DIFFERENTIABLE = RuntimeTypes.DIFFERENTIABLE;
  private static final String USE_DERIVATIVES = RuntimeTypes.USE_DERIVATIVES;
  private static final String NON_DIFFERENTIABLE = RuntimeTypes.NON_DIFFERENTIABLE;
  private static final String CHECKPOINTED = RuntimeTypes.CHECKPOINTED;

  private DifferentiableAnnotations() {}

  static AnnotationMirror differentiableMirror(ExecutableElement method) {
    for (AnnotationMirror a : method.getAnnotationMirrors()) {
      if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(DIFFERENTIABLE)) {
        return a;
      }
    }
    return null;
  }

  static List<AnnotationValue> wrtValues(AnnotationMirror mirror) {
    AnnotationValue wrt = wrtValue(mirror);
    if (wrt == null) {
      return List.of();
    }
    @SuppressWarnings("unchecked")
    List<AnnotationValue> values = (List<AnnotationValue>) wrt.getValue();
    return values;
  }

  /** The {@code wrt} value as written, or null when the annotation leaves it out. */
  static AnnotationValue wrtValue(AnnotationMirror mirror) {
    if (mirror == null) {
      return null;
    }
    for (var e : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals("wrt")) {
        return e.getValue();
      }
    }
    return null;
  }

  /** The annotation's {@code graph = true}, or null when it is left out or false. */
  static AnnotationValue graphRequest(AnnotationMirror mirror) {
    if (mirror == null) {
      return null;
    }
    for (var e : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals("graph")
          && Boolean.TRUE.equals(e.getValue().getValue())) {
        return e.getValue();
      }
    }
    return null;
  }

  static boolean isMarkedNonDifferentiable(VariableElement p) {
    for (AnnotationMirror a : p.getAnnotationMirrors()) {
      if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(NON_DIFFERENTIABLE)) {
        return true;
      }
    }
    return false;
  }

  static List<TypeElement> usedDerivatives(TypeElement type) {
    List<TypeElement> classes = new ArrayList<>();
    for (AnnotationMirror a : type.getAnnotationMirrors()) {
      if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(USE_DERIVATIVES)) {
        for (var e : a.getElementValues().entrySet()) {
          @SuppressWarnings("unchecked")
          List<AnnotationValue> values = (List<AnnotationValue>) e.getValue().getValue();
          for (AnnotationValue v : values) {
            if (v.getValue() instanceof javax.lang.model.type.DeclaredType d) {
              classes.add((TypeElement) d.asElement());
            }
          }
        }
      }
    }
    return classes;
  }

  /**
   * The modes {@code @Differentiable(modes = …)} names, or the compilation's default; only
   * those besides the gradient, which is always generated. The default gives a method only the
   * modes that apply to it (Hessians to methods returning {@code double}, Jacobians to methods
   * returning {@code double[]}); a mode a method names that does not apply is an error later.
   */
  static Set<String> modes(ExecutableElement method, ProcessorOptions options) {
    Set<String> modes = new LinkedHashSet<>(options.modes());
    String returned = method.getReturnType().toString();
    if (!returned.equals("double")) {
      modes.remove("HESSIAN");
    }
    if (!returned.equals("double[]")) {
      modes.remove("JACOBIAN");
    }
    AnnotationMirror mirror = differentiableMirror(method);
    if (mirror != null) {
      for (var e : mirror.getElementValues().entrySet()) {
        if (e.getKey().getSimpleName().contentEquals("modes")) {
          modes.clear();
          @SuppressWarnings("unchecked")
          List<AnnotationValue> values = (List<AnnotationValue>) e.getValue().getValue();
          for (AnnotationValue v : values) {
            modes.add(String.valueOf(v.getValue()));
          }
        }
      }
    }
    modes.remove("GRADIENT");
    return modes;
  }

  /** {@code @Checkpointed(every = k)}'s k, or 0 when the method has none. */
  static int checkpointEvery(ExecutableElement method, Diagnostics diagnostics) {
    for (AnnotationMirror a : method.getAnnotationMirrors()) {
      if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(CHECKPOINTED)) {
        for (var e : a.getElementValues().entrySet()) {
          int every = (Integer) e.getValue().getValue();
          if (every < 1) {
            diagnostics.error(method, a, e.getValue(), Problem.CHECKPOINT_INTERVAL,
                "@Checkpointed(every = " + every
                + ") must be at least 1");
            return 0;
          }
          return every;
        }
      }
    }
    return 0;
  }
}
