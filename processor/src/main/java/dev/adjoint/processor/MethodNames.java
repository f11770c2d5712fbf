package dev.adjoint.processor;

import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/** Keys and names derived from a method: its owner's name, its sort key, capitalised names. */
final class MethodNames {
  private MethodNames() {}

  static String ownerName(ExecutableElement method) {
    return ((TypeElement) method.getEnclosingElement()).getQualifiedName().toString();
  }

  /**
   * Owner, name, then parameter types: generated code depends neither on the order of the files
   * nor on the order of the methods in them.
   */
  static String sortKey(ExecutableElement method) {
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    StringBuilder key = new StringBuilder(owner.getQualifiedName()).append('#')
        .append(method.getSimpleName()).append('(');
    for (VariableElement p : method.getParameters()) {
      key.append(p.asType()).append(',');
    }
    return key.append(')').toString();
  }

  static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
