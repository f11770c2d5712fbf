package dev.adjoint.processor;

import java.lang.annotation.Annotation;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * A round as {@link Deferral} hands it to the pipeline: javac's round without the top-level
 * classes that wait for a type, plus the classes of earlier rounds whose wait is over.
 */
final class DeferredRound implements RoundEnvironment {
  private final RoundEnvironment round;
  private final Elements elements;
  /** Qualified names of the top-level classes left for a later round. */
  private final Set<String> excluded;
  /** Top-level classes deferred by an earlier round and differentiated in this one. */
  private final List<TypeElement> added;

  DeferredRound(RoundEnvironment round, Elements elements, Set<String> excluded,
      List<TypeElement> added) {
    this.round = round;
    this.elements = elements;
    this.excluded = Set.copyOf(excluded);
    this.added = List.copyOf(added);
  }

  @Override
  public boolean processingOver() {
    return round.processingOver();
  }

  @Override
  public boolean errorRaised() {
    return round.errorRaised();
  }

  @Override
  public Set<? extends Element> getRootElements() {
    Set<Element> roots = new LinkedHashSet<>();
    for (Element e : round.getRootElements()) {
      if (!isExcluded(e)) {
        roots.add(e);
      }
    }
    for (TypeElement t : added) {
      if (!containsByName(roots, t)) {
        roots.add(t);
      }
    }
    return roots;
  }

  @Override
  public Set<? extends Element> getElementsAnnotatedWith(TypeElement annotation) {
    Set<Element> found = new LinkedHashSet<>();
    for (Element e : round.getElementsAnnotatedWith(annotation)) {
      if (!isExcluded(e)) {
        found.add(e);
      }
    }
    for (TypeElement t : added) {
      if (!containsByName(round.getRootElements(), t)) {
        collect(t, annotation, found);
      }
    }
    return found;
  }

  @Override
  public Set<? extends Element> getElementsAnnotatedWith(Class<? extends Annotation> a) {
    TypeElement annotation = elements.getTypeElement(a.getCanonicalName());
    return annotation == null ? Set.of() : getElementsAnnotatedWith(annotation);
  }

  private boolean isExcluded(Element e) {
    TypeElement top = Deferral.topLevel(e);
    return top != null && excluded.contains(top.getQualifiedName().toString());
  }

  private static boolean containsByName(Set<? extends Element> elements, TypeElement t) {
    for (Element e : elements) {
      if (e instanceof TypeElement other && other.getQualifiedName()
          .contentEquals(t.getQualifiedName())) {
        return true;
      }
    }
    return false;
  }

  /** {@code e} and the elements inside it that carry {@code annotation}. */
  private static void collect(Element e, TypeElement annotation, Set<Element> found) {
    boolean annotated = e.getAnnotationMirrors().stream().anyMatch(m ->
        m.getAnnotationType().asElement().equals(annotation));
    if (annotated) {
      found.add(e);
    }
    for (Element inner : e.getEnclosedElements()) {
      collect(inner, annotation, found);
    }
    if (e instanceof ExecutableElement m) {
      for (Element p : m.getParameters()) {
        collect(p, annotation, found);
      }
    }
  }
}
