package dev.adjoint.processor;

import static dev.adjoint.processor.DifferentiableAnnotations.isMarkedNonDifferentiable;

import java.util.LinkedHashSet;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/**
 * Which methods can be differentiated and with respect to which parameters, by their types: what
 * a {@code @Differentiable} method differentiates by default, and what a helper differentiated on
 * demand does.
 */
final class ParameterSelection {
  private ParameterSelection() {}

  static boolean returnsDifferentiable(ExecutableElement method) {
    String type = method.getReturnType().toString();
    return type.equals("double") || type.equals("double[]");
  }

  static boolean isDifferentiable(VariableElement p) {
    String type = p.asType().toString();
    return type.equals("double") || type.equals("double[]") || type.equals("double[][]");
  }

  /**
   * What a {@code @Differentiable} method differentiates by default: its double, double[] and
   * double[][] parameters and its differentiable records. (Helpers differentiated on demand
   * leave records alone: their callers pass them as objects.)
   */
  static Set<String> publicParameters(ExecutableElement method) {
    Set<String> names = new LinkedHashSet<>();
    for (VariableElement p : method.getParameters()) {
      if ((isDifferentiable(p) || RecordParameters.isRecord(p)) && !isMarkedNonDifferentiable(p)) {
        names.add(p.getSimpleName().toString());
      }
    }
    return names;
  }

  static Set<String> differentiableParameters(ExecutableElement method) {
    Set<String> names = new LinkedHashSet<>();
    for (VariableElement p : method.getParameters()) {
      if (isDifferentiable(p) && !isMarkedNonDifferentiable(p)) {
        names.add(p.getSimpleName().toString());
      }
    }
    return names;
  }

  /** What a helper is differentiated with respect to: its doubles and arrays, and self. */
  static Set<String> helperParameters(ExecutableElement helper) {
    Set<String> names = differentiableParameters(helper);
    if (dev.adjoint.processor.abi.FlatParameters.selfRecord(helper).isPresent()) {
      names.add(dev.adjoint.processor.abi.FlatParameters.SELF);
    }
    return names;
  }
}
