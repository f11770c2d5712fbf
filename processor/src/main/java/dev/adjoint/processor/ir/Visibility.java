package dev.adjoint.processor.ir;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;

/** What generated code, in the same package but another class, can see. */
public final class Visibility {
  private Visibility() {}

  /** Whether {@code element}, or a class around it, is private. */
  public static boolean isPrivate(Element element) {
    for (Element e = element; e != null && e.getKind() != ElementKind.PACKAGE;
        e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }
}
