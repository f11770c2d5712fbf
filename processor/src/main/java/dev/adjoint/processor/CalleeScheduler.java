package dev.adjoint.processor;

import static dev.adjoint.processor.DifferentiableAnnotations.differentiableMirror;
import static dev.adjoint.processor.DifferentiableAnnotations.modes;
import static dev.adjoint.processor.DifferentiableAnnotations.wrtValues;
import static dev.adjoint.processor.ParameterSelection.differentiableParameters;
import static dev.adjoint.processor.ParameterSelection.helperParameters;
import static dev.adjoint.processor.ParameterSelection.returnsDifferentiable;

import com.sun.source.util.Trees;
import dev.adjoint.processor.analysis.WritingCalls;
import dev.adjoint.processor.abi.AdjointAbi;
import dev.adjoint.processor.abi.ClassFileMethods;
import dev.adjoint.processor.abi.CompiledAdjoints;
import dev.adjoint.processor.codegen.GradClassWriter;
import dev.adjoint.processor.frontend.CalleeEffects;
import dev.adjoint.processor.frontend.Symbols;
import dev.adjoint.processor.rules.AdjointCallRule;
import dev.adjoint.processor.rules.AdjointProvider;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/**
 * The round's plans and its work list: a plan for every method differentiated, and the queue of
 * those still to do. Callees join it as the rule table meets them ({@link AdjointProvider}):
 * a helper with source here is planned when a gradient first calls it and queued when its
 * adjoint is required; a {@code @Differentiable} method compiled elsewhere is called through the
 * entry point on the class path ({@link CompiledAdjoints}). A private method generated code
 * calls is queued for a copy.
 */
final class CalleeScheduler implements AdjointProvider {
  private final ProcessorOptions options;
  private final Trees trees;
  private final CalleeEffects calleeEffects;
  private final CompiledAdjoints compiled;
  private final Map<ExecutableElement, Plan> plans = new LinkedHashMap<>();
  private final Deque<Plan> work = new ArrayDeque<>();
  /** Plans differentiated before a caller found it needs a copy of them (a record's method). */
  private final Deque<Plan> pendingCopies = new ArrayDeque<>();
  /** The plan being differentiated, whose generated code {@link #require} calls belong to. */
  private Plan current;

  CalleeScheduler(ProcessorOptions options, Trees trees, CalleeEffects calleeEffects,
      CompiledAdjoints compiled) {
    this.options = options;
    this.trees = trees;
    this.calleeEffects = calleeEffects;
    this.compiled = compiled;
  }

  /** Every plan of the round, by method, in the order they were made. */
  Map<ExecutableElement, Plan> plans() {
    return plans;
  }

  /** The plans queued and not differentiated yet. */
  Deque<Plan> work() {
    return work;
  }

  /** The plans differentiated already that a caller found later it needs a copy of. */
  Deque<Plan> pendingCopies() {
    return pendingCopies;
  }

  /** Sets the plan being differentiated (null when none is). */
  void setCurrent(Plan plan) {
    current = plan;
  }

  @Override
  public boolean mayWriteArrayArgument(ExecutableElement method, int index) {
    return calleeEffects.mayWrite(method, index);
  }

  @Override
  public com.palantir.javapoet.ClassName generatedClassOf(TypeElement owner) {
    return GradClassWriter.gradClassOf(owner, options.suffix());
  }

  @Override
  public boolean readsMutableState(ExecutableElement method) {
    return calleeEffects.readsMutableState(method);
  }

  @Override
  public boolean mayHaveEffects(ExecutableElement method) {
    return calleeEffects.mayHaveEffects(method);
  }

  @Override
  public boolean mayReturnArrayArgument(ExecutableElement method) {
    return calleeEffects.mayReturnParameter(method);
  }

  @Override
  public java.util.Optional<dev.adjoint.processor.rules.ReturnedArgument> returnedArgument(
      ExecutableElement method) {
    return dev.adjoint.processor.frontend.ReturnedArguments.of(method, trees.getTree(method));
  }

  void queue(Plan plan) {
    if (!plan.queued) {
      plan.queued = true;
      work.add(plan);
    }
  }

  @Override
  public void require(AdjointCallRule rule) {
    Plan plan = plans.get(rule.method());
    if (plan != null) {
      plan.calledByGradient = true;
      queue(plan);
      if (current != null) {
        current.callees.add(plan);
      }
    }
  }

  private AdjointCallRule rule(ExecutableElement method, Set<String> wrt) {
    dev.adjoint.processor.abi.FlatParameters flat =
        dev.adjoint.processor.abi.FlatParameters.of(method, wrt);
    if (flat.hasRecords()) {
      return new AdjointCallRule(method, GradClassWriter.gradClassOf(
          (TypeElement) method.getEnclosingElement(), options.suffix()), flat.abi());
    }
    List<Boolean> differentiated = new ArrayList<>();
    List<Boolean> arrays = new ArrayList<>();
    for (VariableElement p : method.getParameters()) {
      differentiated.add(wrt.contains(p.getSimpleName().toString()));
      arrays.add(p.asType().getKind() == TypeKind.ARRAY);
    }
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    return new AdjointCallRule(method, GradClassWriter.gradClassOf(owner, options.suffix()),
        new AdjointAbi(differentiated, arrays));
  }

  Plan plan(ExecutableElement method, boolean publicApi, Set<String> wrt) {
    Plan plan = new Plan(method, publicApi, wrt, rule(method, wrt));
    if (publicApi) {
      plan.modes = modes(method, options);
    }
    plans.put(method, plan);
    return plan;
  }

  /** Callees with source here are differentiated too, with respect to every double parameter. */
  @Override
  public Optional<AdjointCallRule> adjointOf(ExecutableElement callee) {
    Plan known = plans.get(callee);
    if (known != null) {
      return Optional.of(known.rule);
    }
    if (differentiableMirror(callee) != null) {
      return trees.getTree(callee) == null ? compiledAdjoint(callee) : Optional.empty();
    }
    boolean eligible = (callee.getModifiers().contains(Modifier.STATIC)
            || dev.adjoint.processor.abi.FlatParameters.selfRecord(callee).isPresent())
        && !callee.getModifiers().contains(Modifier.ABSTRACT)
        && !callee.getModifiers().contains(Modifier.NATIVE) // no body to differentiate
        && WritingCalls.hasAdjoint(callee);
    if (!eligible) {
      return Optional.empty();
    }
    if (trees.getTree(callee) == null) {
      // compiled earlier, with its adjoint generated beside it (a file recompiled on its own)
      return compiledAdjoint(callee);
    }
    return Optional.of(plan(callee, false, helperParameters(callee)).rule);
  }

  /**
   * A {@code @Differentiable} method compiled elsewhere (another module, a jar): its generated
   * adjoint entry point is on the class path, and is called as it is, not derived again.
   */
  private Optional<AdjointCallRule> compiledAdjoint(ExecutableElement callee) {
    if (!callee.getModifiers().contains(Modifier.STATIC)) {
      // A record's method compiled elsewhere: its entry point's layout (the receiver's
      // components, which of them are differentiated) and its copy are not known here.
      return Optional.empty();
    }
    if (compiled.hasAdjointEntryPoint(callee)) {
      AnnotationMirror mirror = differentiableMirror(callee);
      Set<String> wrt = new LinkedHashSet<>();
      for (AnnotationValue v : wrtValues(mirror)) {
        wrt.add(String.valueOf(v.getValue()));
      }
      return Optional.of(rule(callee, wrt.isEmpty() ? differentiableParameters(callee) : wrt));
    }
    return Optional.empty();
  }

  /**
   * Whether {@code callee}'s tangent entry point is generated in this compilation, or exists in
   * its class compiled earlier (another module).
   */
  boolean jvpAvailable(ExecutableElement callee) {
    Plan plan = plans.get(callee);
    if (plan != null) {
      return !plan.checkOnly;
    }
    return compiled.hasTangentEntryPoint(callee);
  }

  /**
   * Whether {@code callee}'s tangent of the adjoint entry point can be called: generated in this
   * compilation when a second-order body calls it, or present in its class compiled earlier.
   */
  boolean adjointJvpAvailable(ExecutableElement callee) {
    Plan plan = plans.get(callee);
    if (plan != null) {
      return !plan.checkOnly;
    }
    return compiled.hasAdjointTangentEntryPoint(callee);
  }

  /**
   * Generated code calls {@code method}: if it is private (or a record's instance method, or
   * takes records as their leaves), it calls a copy of it.
   */
  void requirePrimalCopy(ExecutableElement method) {
    if ((Symbols.isPrivate(method) || !method.getModifiers().contains(Modifier.STATIC)
        || dev.adjoint.processor.abi.CalleeRecords.flattensArguments(method))
        && trees.getTree(method) != null) {
      Plan callee = plans.get(method);
      if (callee == null) {
        callee = plan(method, false, WritingCalls.hasAdjoint(method)
            ? helperParameters(method) : Set.of());
      }
      if (!callee.needsPrimalCopy && callee.queued && callee != current
          && !work.contains(callee)) {
        // already differentiated: its copy is written after the work list
        pendingCopies.add(callee);
      }
      callee.needsPrimalCopy = true;
      queue(callee);
    }
  }

  /**
   * Keeps the generated class of a type compiled on its own up to date: a helper's adjoint
   * ({@code hAdjoint}) is generated into its owner's class when a differentiable method elsewhere
   * calls it, but when only the owner's file is recompiled (an IDE saving it, say), no
   * {@code @Differentiable} method asks for it. Every helper for which the class generated
   * earlier (on the class path) has an adjoint entry point is differentiated again, so the
   * regenerated class neither keeps a stale body nor drops an entry point other classes call.
   */
  void replanHelpers(TypeElement type) {
    for (ClassFileMethods.Method adjoint : compiled.adjointEntryPoints(type)) {
      String helperName = AdjointAbi.methodOf(adjoint.name());
      for (ExecutableElement helper : javax.lang.model.util.ElementFilter.methodsIn(
          type.getEnclosedElements())) {
        if (helper.getSimpleName().contentEquals(helperName) && !plans.containsKey(helper)
            && differentiableMirror(helper) == null
            && (helper.getModifiers().contains(Modifier.STATIC)
                || dev.adjoint.processor.abi.FlatParameters.selfRecord(helper).isPresent())
            && !helper.getModifiers().contains(Modifier.ABSTRACT)
            && !helper.getModifiers().contains(Modifier.NATIVE)
            && returnsDifferentiable(helper) && trees.getTree(helper) != null
            && compiled.takesParametersOf(adjoint, helper)) {
          Plan plan = plan(helper, false, helperParameters(helper));
          // a record's method is also called through its copy over the components
          plan.needsPrimalCopy = !helper.getModifiers().contains(Modifier.STATIC);
          queue(plan);
        }
      }
    }
  }
}
