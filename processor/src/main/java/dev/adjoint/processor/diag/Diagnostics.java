package dev.adjoint.processor.diag;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.Trees;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports problems at the exact source position: an expression or statement when there is a tree,
 * an annotation value or element otherwise. Counts errors so callers can skip generating code
 * that would not be right.
 */
public final class Diagnostics {
  private final Trees trees;
  private final Messager messager;
  private int errorCount;

  public Diagnostics(Trees trees, Messager messager) {
    this.trees = trees;
    this.messager = messager;
  }

  public void error(Tree tree, CompilationUnitTree unit, String message) {
    errorCount++;
    trees.printMessage(Diagnostic.Kind.ERROR, message, tree, unit);
  }

  public void error(Element element, String message) {
    errorCount++;
    messager.printMessage(Diagnostic.Kind.ERROR, message, element);
  }

  public void error(Element element, AnnotationMirror annotation, AnnotationValue value,
      String message) {
    errorCount++;
    messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation, value);
  }

  public void warning(Element element, String message) {
    messager.printMessage(Diagnostic.Kind.WARNING, message, element);
  }

  public void warning(Tree tree, CompilationUnitTree unit, String message) {
    trees.printMessage(Diagnostic.Kind.WARNING, message, tree, unit);
  }

  public int errorCount() {
    return errorCount;
  }
}
