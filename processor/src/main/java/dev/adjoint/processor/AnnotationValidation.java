package dev.adjoint.processor;

import static dev.adjoint.processor.DifferentiableAnnotations.differentiableMirror;
import static dev.adjoint.processor.DifferentiableAnnotations.isMarkedNonDifferentiable;
import static dev.adjoint.processor.DifferentiableAnnotations.wrtValue;
import static dev.adjoint.processor.DifferentiableAnnotations.wrtValues;
import static dev.adjoint.processor.ParameterSelection.isDifferentiable;
import static dev.adjoint.processor.ParameterSelection.publicParameters;
import static dev.adjoint.processor.ParameterSelection.returnsDifferentiable;

import com.sun.source.util.Trees;
import dev.adjoint.processor.diag.Diagnostics;
import dev.adjoint.processor.diag.Problem;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;

/**
 * Checks a {@code @Differentiable} method and its annotation before anything is lowered: its
 * shape (static or a record's, a body, a differentiable result), its {@code wrt} names, and its
 * differentiated parameters' names and records. Each problem is an error at the annotation
 * value or parameter it is about.
 */
final class AnnotationValidation {
  private static final Set<String> RESERVED_ACCESSORS = Set.of("value", "clone", "finalize",
      "getClass", "hashCode", "notify", "notifyAll", "toString", "wait", "equals");

  private final Trees trees;
  private final Elements elements;
  private final Diagnostics diagnostics;

  AnnotationValidation(Trees trees, Elements elements, Diagnostics diagnostics) {
    this.trees = trees;
    this.elements = elements;
    this.diagnostics = diagnostics;
  }

  /**
   * The outcome of validating the annotation: the differentiated parameters (in parameter
   * order), whether all is well, and, if not, whether the body can still be checked (the
   * problem is in {@code wrt} or the method's names, not its shape).
   */
  record Validation(Set<String> wrt, boolean ok, boolean checkBody) {}

  Validation validate(ExecutableElement method) {
    boolean ok = true;
    boolean shapeOk = true;
    for (VariableElement p : method.getParameters()) {
      if (p.asType().getKind() == TypeKind.ERROR) {
        // javac reports the unknown type; nothing to add
        return new Validation(Set.of(), false, false);
      }
    }
    Set<Modifier> modifiers = method.getModifiers();
    String name = method.getSimpleName().toString();
    if (!modifiers.contains(Modifier.STATIC)
        && dev.adjoint.processor.abi.FlatParameters.selfRecord(method).isEmpty()) {
      diagnostics.error(method, Problem.NOT_STATIC, RecordParameters.notStaticMessage(method));
      ok = false;
    }
    if (modifiers.contains(Modifier.ABSTRACT) || modifiers.contains(Modifier.NATIVE)) {
      diagnostics.error(method, Problem.NO_BODY,
          "@Differentiable method '" + name + "' must have a body;"
          + " abstract and native methods have no source to differentiate");
      ok = false;
    }
    if (!returnsDifferentiable(method)) {
      diagnostics.error(method, Problem.RETURN_TYPE,
          "@Differentiable method '" + name + "' must return double or"
          + " double[], not " + method.getReturnType() + "; return the scalar you want the"
          + " gradient of");
      ok = false;
    }
    shapeOk = ok;
    Set<String> differentiated = new LinkedHashSet<>();
    AnnotationMirror mirror = differentiableMirror(method);
    AnnotationValue wrtValue = wrtValue(mirror);
    List<AnnotationValue> wrt = wrtValues(mirror);
    Set<String> named = new HashSet<>();
    if (wrtValue == null) {
      differentiated.addAll(publicParameters(method));
      if (dev.adjoint.processor.abi.FlatParameters.selfRecord(method).isPresent()) {
        differentiated.add(dev.adjoint.processor.abi.FlatParameters.SELF);
      }
    } else if (wrt.isEmpty()) {
      diagnostics.error(method, mirror, wrtValue, Problem.INVALID_WRT,
          "wrt = {} names no parameter to differentiate"
          + " '" + name + "' with respect to; leave wrt out to differentiate with respect to"
          + " every double, double[] and double[][] parameter, or name the parameters:"
          + " wrt = {\"w\", \"b\"}");
      ok = false;
    } else {
      for (AnnotationValue v : wrt) {
        String requested = String.valueOf(v.getValue());
        if (!named.add(requested)) {
          diagnostics.error(method, mirror, v, Problem.INVALID_WRT,
              "wrt names '" + requested + "' more than once;"
              + " name each parameter once");
          ok = false;
          continue;
        }
        if (requested.equals(dev.adjoint.processor.abi.FlatParameters.SELF)
            && dev.adjoint.processor.abi.FlatParameters.selfRecord(method).isPresent()) {
          differentiated.add(requested);
          continue;
        }
        if (requested.contains(".")) {
          Optional<String> pathProblem = RecordParameters.wrtPathProblem(method, requested);
          if (pathProblem.isPresent()) {
            diagnostics.error(method, mirror, v, Problem.INVALID_WRT, pathProblem.get());
            ok = false;
          } else {
            differentiated.add(requested);
          }
          continue;
        }
        Optional<? extends VariableElement> param = method.getParameters().stream()
            .filter(p -> p.getSimpleName().contentEquals(requested)).findFirst();
        if (param.isEmpty()) {
          diagnostics.error(method, mirror, v, Problem.INVALID_WRT,
              "wrt names '" + requested + "', but '" + name
              + "' has no parameter of that name");
          ok = false;
        } else if (isMarkedNonDifferentiable(param.get())) {
          diagnostics.error(method, mirror, v, Problem.INVALID_WRT,
              "wrt names '" + requested + "', which is marked"
              + " @NonDifferentiable; drop one of the two");
          ok = false;
        } else if (!isDifferentiable(param.get()) && !RecordParameters.isRecord(param.get())) {
          diagnostics.error(method, mirror, v, Problem.INVALID_WRT,
              "wrt names '" + requested + "' of type "
              + param.get().asType() + ", which cannot be differentiated; only double, double[]"
              + " and double[][] parameters and records of them can");
          ok = false;
        } else {
          differentiated.add(requested);
        }
      }
    }
    for (VariableElement p : method.getParameters()) {
      String pName = p.getSimpleName().toString();
      if (differentiated.contains(pName) && RESERVED_ACCESSORS.contains(pName)) {
        diagnostics.error(p, Problem.RESERVED_NAME,
            "a differentiated parameter cannot be named '" + pName + "': the"
            + " result's accessor " + pName + "() is taken; rename it or leave it out of wrt");
        ok = false;
      }
    }
    ok &= RecordParameters.checkRecords(method, differentiated, elements, trees,
        diagnostics);
    // Parameter order, whatever the order of wrt: accessors and adjoint slots follow it.
    Set<String> inParameterOrder = new LinkedHashSet<>();
    String self = dev.adjoint.processor.abi.FlatParameters.SELF;
    if (differentiated.contains(self)) {
      inParameterOrder.add(self);
    }
    differentiated.stream().filter(d -> d.startsWith(self + ".")).forEach(inParameterOrder::add);
    for (VariableElement p : method.getParameters()) {
      String pName = p.getSimpleName().toString();
      if (differentiated.contains(pName)) {
        inParameterOrder.add(pName);
      }
      differentiated.stream().filter(d -> d.startsWith(pName + "."))
          .forEach(inParameterOrder::add);
    }
    return new Validation(inParameterOrder, ok, !ok && shapeOk && hasBody(method));
  }

  private boolean hasBody(ExecutableElement method) {
    return trees.getTree(method) != null && trees.getTree(method).getBody() != null;
  }
}
