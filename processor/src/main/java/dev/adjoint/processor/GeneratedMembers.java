package dev.adjoint.processor;

import static dev.adjoint.processor.DifferentiableAnnotations.differentiableMirror;
import static dev.adjoint.processor.DifferentiableAnnotations.graphRequest;
import static dev.adjoint.processor.MethodNames.capitalize;
import static dev.adjoint.processor.ParameterSelection.returnsDifferentiable;

import dev.adjoint.processor.abi.RuntimeTypes;
import dev.adjoint.processor.codegen.GradClassWriter;
import dev.adjoint.processor.diag.Diagnostics;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.ir.MethodBody;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Types;

/**
 * The members of one owner's generated class, one {@link GradClassWriter.Entry} per planned
 * method, and the check that no two of them (gradient and graph methods, adjoint entry points,
 * forward-mode members, records' algebra) have the same signature.
 */
final class GeneratedMembers {
  private final ProcessorOptions options;
  private final Types types;
  private final Diagnostics diagnostics;

  GeneratedMembers(ProcessorOptions options, Types types, Diagnostics diagnostics) {
    this.options = options;
    this.types = types;
    this.diagnostics = diagnostics;
  }

  /**
   * The members of one owner's generated class, or null (after an error) when two of them would
   * have the same signature. A graph method {@code mGraph} is left out when the owner has a
   * method of that name, whose own gradient method it would collide with or be mistaken for.
   */
  List<GradClassWriter.Entry> entries(TypeElement owner, List<Plan> group) {
    Set<String> ownerMethods = new HashSet<>();
    for (Element e : owner.getEnclosedElements()) {
      if (e.getKind() == ElementKind.METHOD) {
        ownerMethods.add(e.getSimpleName().toString());
      }
    }
    Map<String, Integer> resultNames = new HashMap<>();
    List<GradClassWriter.Entry> entries = new ArrayList<>();
    Map<String, String> members = new HashMap<>();
    boolean ok = true;
    for (Plan plan : group) {
      String name = plan.method.getSimpleName().toString();
      String base = capitalize(name) + "Gradient";
      int n = resultNames.merge(base, 1, Integer::sum);
      MethodBody graph = ownerMethods.contains(name + "Graph") ? null : plan.graph;
      AnnotationMirror mirror = differentiableMirror(plan.method);
      AnnotationValue requested = graphRequest(mirror);
      if (graph == null && plan.graph != null && requested != null) {
        diagnostics.error(plan.method, mirror, requested, Problem.NAME_COLLISION,
            "'" + name + "' cannot have a"
            + " computation graph: its class already has a method '" + name + "Graph'; rename"
            + " that method, or remove graph = true");
        ok = false;
      }
      entries.add(new GradClassWriter.Entry(plan.method, plan.body, plan.publicApi,
          n == 1 ? base : base + n, plan.rule.abi(),
          List.copyOf(plan.differentiated), graph, plan.primal,
          dev.adjoint.processor.abi.FlatParameters.of(plan.method, plan.differentiated),
          plan.forward));
      List<String> params = new ArrayList<>();
      for (VariableElement p : plan.method.getParameters()) {
        params.add(types.erasure(p.asType()).toString());
      }
      if (entries.get(entries.size() - 1).flat().hasSelf()) {
        params.add(0, types.erasure(owner.asType()).toString()); // the receiver, self
      }
      List<String> leafParams = new ArrayList<>();
      for (var leaf : entries.get(entries.size() - 1).flat().leaves()) {
        leafParams.add(types.erasure(leaf.type()).toString());
      }
      Map<String, String> mine = new LinkedHashMap<>();
      if (plan.publicApi) {
        mine.put(signature(name, params), "gradient method");
        if (graph != null) {
          mine.put(signature(name + "Graph", params), "graph method");
        }
      }
      List<String> adjointParams = plan.rule.abi().layout(leafParams,
          returnsDifferentiable(plan.method)
              ? types.erasure(plan.method.getReturnType()).toString() : "double",
          "double[]", leafParams::get, RuntimeTypes.TAPE.toString());
      mine.put(signature(plan.rule.adjointName(), adjointParams), "adjoint entry point");
      ForwardModes.signatures(plan.forward).forEach((k, v) -> mine.put(k, v));
      for (Map.Entry<String, String> m : mine.entrySet()) {
        String what = "the " + m.getValue() + " " + m.getKey() + " of '" + name + "'";
        String other = members.putIfAbsent(m.getKey(), what);
        if (other != null) {
          diagnostics.error(plan.method, Problem.NAME_COLLISION,
              "in " + GradClassWriter.gradClassOf(owner, options.suffix())
              .simpleName() + ", " + what + " would collide with " + other + "; rename one of"
              + " the two methods");
          ok = false;
        }
      }
    }
    for (String algebra : GradClassWriter.recordAlgebraSignatures(
        GradClassWriter.gradClassOf(owner, options.suffix()), entries)) {
      String other = members.get(algebra);
      if (other != null) {
        diagnostics.error(owner, Problem.NAME_COLLISION,
            "in " + GradClassWriter.gradClassOf(owner, options.suffix())
            .simpleName() + ", the generated record helper " + algebra + " would collide with "
            + other + "; rename that method");
        ok = false;
      }
    }
    return ok ? entries : null;
  }

  private static String signature(String name, List<String> parameterTypes) {
    return name + "(" + String.join(", ", parameterTypes) + ")";
  }
}
