package dev.adjoint.processor;

import com.sun.source.util.Trees;
import dev.adjoint.processor.abi.RuntimeTypes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Per-class generation with deferral, as AutoValue does it: a class whose
 * {@code @Differentiable} methods use a type that does not exist yet (one another annotation
 * processor generates in a later round) is left for the next round rather than reported, and
 * generated in the round where its types are complete. Deferred classes are remembered by name,
 * since javac's elements of one round are not those of the next.
 *
 * <p>A class that mentions a deferred class by name (it may call its methods, whose adjoints
 * come with it) waits with it. On the last round every class still deferred goes through the
 * pipeline as it is: a type that never appeared is javac's "cannot find symbol", which the
 * pipeline leaves standing alone, as it does for any name that exists nowhere.
 */
final class Deferral {
  /** The top-level classes waiting for a type, by qualified name, with the type's name. */
  private final Map<String, String> waiting = new LinkedHashMap<>();

  /** Whether some class is waiting for a later round. */
  boolean hasWaiting() {
    return !waiting.isEmpty();
  }

  /** The classes waiting, by qualified name, with the name of the type each waits for. */
  Map<String, String> waiting() {
    return Map.copyOf(waiting);
  }

  /**
   * The part of {@code round} to differentiate now: the round's classes and the earlier
   * deferred ones, but for those still waiting for a type, which are remembered for the next
   * round (unless this is the last).
   */
  RoundEnvironment ready(ProcessingEnvironment env, RoundEnvironment round, String suffix) {
    Elements elements = env.getElementUtils();
    TypeElement annotation = elements.getTypeElement(RuntimeTypes.DIFFERENTIABLE);
    Map<String, TypeElement> candidates = new LinkedHashMap<>();
    for (String name : waiting.keySet()) {
      TypeElement type = elements.getTypeElement(name);
      if (type != null) {
        candidates.put(name, type);
      }
    }
    List<TypeElement> earlier = new ArrayList<>(candidates.values());
    if (annotation != null) {
      for (Element e : round.getElementsAnnotatedWith(annotation)) {
        TypeElement top = topLevel(e);
        if (top != null) {
          candidates.putIfAbsent(top.getQualifiedName().toString(), top);
        }
      }
    }
    waiting.clear();
    if (round.processingOver()) {
      return new DeferredRound(round, elements, Set.of(), earlier);
    }
    MissingTypes missing = new MissingTypes(elements, env.getTypeUtils(), Trees.instance(env),
        suffix);
    for (Map.Entry<String, TypeElement> c : candidates.entrySet()) {
      Optional<String> type = missing.in(c.getValue());
      type.ifPresent(t -> waiting.put(c.getKey(), t));
    }
    waitWithCallees(candidates, missing);
    Set<String> excluded = new LinkedHashSet<>(waiting.keySet());
    List<TypeElement> added = new ArrayList<>();
    for (TypeElement type : earlier) {
      if (!excluded.contains(type.getQualifiedName().toString())) {
        added.add(type);
      }
    }
    return new DeferredRound(round, elements, excluded, added);
  }

  /** Makes every candidate that mentions a waiting class by its simple name wait too. */
  private void waitWithCallees(Map<String, TypeElement> candidates, MissingTypes missing) {
    if (waiting.isEmpty()) {
      return;
    }
    Map<String, Set<String>> mentioned = new LinkedHashMap<>();
    boolean grew = true;
    while (grew) {
      grew = false;
      for (Map.Entry<String, TypeElement> c : candidates.entrySet()) {
        if (waiting.containsKey(c.getKey())) {
          continue;
        }
        Set<String> names = mentioned.computeIfAbsent(c.getKey(),
            k -> missing.namesMentioned(c.getValue()));
        for (String w : new ArrayList<>(waiting.keySet())) {
          if (names.contains(simpleName(w))) {
            waiting.put(c.getKey(), waiting.get(w));
            grew = true;
            break;
          }
        }
      }
    }
  }

  private static String simpleName(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }

  /** The top-level class around {@code e}, or null for an element outside any class. */
  static TypeElement topLevel(Element e) {
    TypeElement top = null;
    for (Element x = e; x != null; x = x.getEnclosingElement()) {
      if (x instanceof TypeElement t && (x.getKind().isClass() || x.getKind().isInterface()
          || x.getKind() == ElementKind.ENUM || x.getKind() == ElementKind.RECORD)) {
        top = t;
      }
      if (x.getKind() == ElementKind.PACKAGE) {
        break;
      }
    }
    return top;
  }
}
