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
 * that would not be right. Every message starts with its {@link Problem} identifier.
 */
public final class Diagnostics {
  private final Trees trees;
  private final Messager messager;
  private int errorCount;

  public Diagnostics(Trees trees, Messager messager) {
    this.trees = trees;
    this.messager = messager;
  }

  public void error(Tree tree, CompilationUnitTree unit, Problem problem, String message) {
    errorCount++;
    trees.printMessage(Diagnostic.Kind.ERROR, problem.format(message), tree, unit);
  }

  public void error(Element element, Problem problem, String message) {
    errorCount++;
    messager.printMessage(Diagnostic.Kind.ERROR, problem.format(message), element);
  }

  public void error(Element element, AnnotationMirror annotation, AnnotationValue value,
      Problem problem, String message) {
    errorCount++;
    messager.printMessage(Diagnostic.Kind.ERROR, problem.format(message), element, annotation,
        value);
  }

  public void warning(Element element, Problem problem, String message) {
    messager.printMessage(Diagnostic.Kind.WARNING, problem.format(message), element);
  }

  public void warning(Tree tree, CompilationUnitTree unit, Problem problem, String message) {
    trees.printMessage(Diagnostic.Kind.WARNING, problem.format(message), tree, unit);
  }

  /**
   * Reports an error that belongs to no element, through {@code messager}: for problems found
   * before a round (and its reporter) exists, such as a malformed processor option.
   */
  public static void error(Messager messager, Problem problem, String message) {
    messager.printMessage(Diagnostic.Kind.ERROR, problem.format(message));
  }

  public int errorCount() {
    return errorCount;
  }
}
