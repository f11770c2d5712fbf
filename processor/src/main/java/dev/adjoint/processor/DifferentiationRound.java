package dev.adjoint.processor;

import static dev.adjoint.processor.DifferentiableAnnotations.checkpointEvery;
import static dev.adjoint.processor.DifferentiableAnnotations.usedDerivatives;
import static dev.adjoint.processor.MethodNames.capitalize;
import static dev.adjoint.processor.MethodNames.ownerName;
import static dev.adjoint.processor.MethodNames.sortKey;
import static dev.adjoint.processor.ParameterSelection.publicParameters;
import static dev.adjoint.processor.ParameterSelection.returnsDifferentiable;

import com.sun.source.util.Trees;
import dev.adjoint.processor.analysis.WritingCalls;
import dev.adjoint.processor.abi.CompiledAdjoints;
import dev.adjoint.processor.abi.RuntimeTypes;
import dev.adjoint.processor.diag.Diagnostics;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.frontend.CalleeEffects;
import dev.adjoint.processor.rules.AdjointCallRule;
import dev.adjoint.processor.rules.DerivativeDeclarations;
import dev.adjoint.processor.rules.RuleTable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * One processing round, as a visible pipeline per method: validate the annotation, lower the
 * tree to IR (front end), analyse activity, transform to forward and reverse sweeps, then
 * generate one class per owner. Callees with source in this compilation join the work list as
 * they are found. An owner's class is generated when all its methods, and every method their
 * generated code calls, were differentiated: a problem in one class never keeps another class from
 * getting its own.
 *
 * <p>The stages are classes of their own: {@link AnnotationValidation}, {@link CalleeScheduler}
 * (plans and the work list), {@link MethodDifferentiation} (front end to adjoint IR),
 * {@link PrimalCopies}, {@link ForwardModes} and {@link ClassAssembly}; this class drives them.
 */
final class DifferentiationRound {
  static final String DIFFERENTIABLE = RuntimeTypes.DIFFERENTIABLE;
  private static final String PARTIAL = RuntimeTypes.PARTIAL;
  private static final String PULLBACK = RuntimeTypes.PULLBACK;

  private final Elements elements;
  private final Diagnostics diagnostics;
  private final DerivativeDeclarations declarations;
  private final CalleeScheduler schedule;
  private final Map<ExecutableElement, Plan> plans;
  private final Deque<Plan> work;
  /** Plans differentiated before a caller found it needs a copy of them (a record's method). */
  private final Deque<Plan> pendingCopies;
  private final AnnotationValidation validation;
  private final MethodDifferentiation differentiation;
  private final PrimalCopies copies;
  private final ForwardModes forward;
  private final ClassAssembly assembly;
  /** Owners (qualified names) with a method that failed validation or differentiation. */
  private final Set<String> failedOwners = new HashSet<>();
  private final RoundFailures failures;

  /** @param failures where the round says what it works on, for its guard */
  DifferentiationRound(ProcessingEnvironment env, ProcessorOptions options,
      RoundFailures failures) {
    this.failures = failures;
    Trees trees = Trees.instance(env);
    this.elements = env.getElementUtils();
    this.diagnostics = new Diagnostics(trees, env.getMessager());
    this.declarations = new DerivativeDeclarations(env.getTypeUtils(), diagnostics);
    CompiledAdjoints compiled = new CompiledAdjoints(trees, elements, env.getTypeUtils(),
        env.getFiler(), options.suffix());
    this.schedule = new CalleeScheduler(options, trees, new CalleeEffects(trees, elements),
        compiled);
    this.plans = schedule.plans();
    this.work = schedule.work();
    this.pendingCopies = schedule.pendingCopies();
    RuleTable rules = new RuleTable(elements, declarations, schedule,
        new dev.adjoint.processor.rules.LogisticHelpers(trees));
    this.validation = new AnnotationValidation(trees, elements, diagnostics);
    this.copies = new PrimalCopies(trees, elements, env.getTypeUtils(), diagnostics, rules,
        schedule);
    this.differentiation = new MethodDifferentiation(options, trees, elements,
        env.getTypeUtils(), diagnostics, rules, copies);
    this.forward = new ForwardModes(diagnostics, rules, schedule::generatedClassOf,
        schedule::jvpAvailable, schedule::adjointJvpAvailable);
    this.assembly = new ClassAssembly(env, options, diagnostics, compiled, plans,
        copies.tableCopies(), failedOwners, failures);
  }

  void run(RoundEnvironment round) {
    TypeElement annotation = elements.getTypeElement(DIFFERENTIABLE);
    List<ExecutableElement> annotated = new ArrayList<>();
    if (annotation == null) {
      return; // the runtime is not on the class path: nothing of ours here
    }
    for (Element e : round.getElementsAnnotatedWith(annotation)) {
      if (e.getKind() == ElementKind.METHOD) {
        annotated.add((ExecutableElement) e);
      }
    }
    annotated.sort(Comparator.comparing(MethodNames::sortKey));
    indexDeclaredDerivatives(round, annotated);
    for (ExecutableElement method : annotated) {
      failures.at(method);
      AnnotationValidation.Validation v = validation.validate(method);
      if (v.ok()) {
        schedule.queue(schedule.plan(method, true, v.wrt()));
      } else {
        failedOwners.add(ownerName(method));
        if (v.checkBody()) {
          // The parameters wrt names correctly, or every one if it names none.
          Plan plan = schedule.plan(method, true,
              v.wrt().isEmpty() ? publicParameters(method) : v.wrt());
          if (v.wrt().isEmpty()
              && dev.adjoint.processor.abi.FlatParameters.selfRecord(method).isPresent()) {
            plan.differentiated.add(dev.adjoint.processor.abi.FlatParameters.SELF);
          }
          plan.checkOnly = true;
          schedule.queue(plan);
        }
      }
    }
    failures.at(null);
    for (TypeElement root : rootTypes(round.getRootElements())) {
      failures.at(root);
      schedule.replanHelpers(root);
    }
    do {
      differentiateQueued();
      forwardModes();
    } while (!work.isEmpty() || !pendingCopies.isEmpty());
    failures.at(null);
    calleesArePure();
    // A method whose code javac itself rejects fails silently, so that javac's error stands
    // alone; its owner is not generated, nor any class whose code would call it.
    assembly.generate();
  }

  /**
   * Differentiates every queued plan, and the callees they find; then copies the methods that a
   * caller found it needs a copy of after they were differentiated.
   */
  private void differentiateQueued() {
    while (!work.isEmpty() || !pendingCopies.isEmpty()) {
      if (work.isEmpty()) {
        Plan plan = pendingCopies.poll();
        failures.at(plan.method);
        schedule.setCurrent(plan);
        try {
          copies.copyPrimal(plan);
        } finally {
          schedule.setCurrent(null);
        }
        if (plan.primal == null) {
          failedOwners.add(ownerName(plan.method));
        }
        continue;
      }
      Plan plan = work.poll();
      failures.at(plan.method);
      int errorsBefore = diagnostics.errorCount();
      schedule.setCurrent(plan);
      try {
        if (WritingCalls.hasAdjoint(plan.method)) {
          differentiation.differentiate(plan);
        }
        if (plan.needsPrimalCopy) {
          copies.copyPrimal(plan);
        }
      } finally {
        schedule.setCurrent(null);
      }
      // Any error reported while differentiating the method (its own, or one on a derivative
      // declaration it uses) keeps its owner from being generated.
      if (WritingCalls.hasAdjoint(plan.method) && plan.body == null || plan.checkOnly
          || plan.needsPrimalCopy && plan.primal == null
          || diagnostics.errorCount() > errorsBefore) {
        plan.body = null;
        failedOwners.add(ownerName(plan.method));
      }
    }
  }

  /**
   * Generates the forward-mode and second-order members that plans' modes ask for, and the
   * tangent entry points of the methods their tangents call (transitively; recursion included).
   */
  private void forwardModes() {
    failures.at(null);
    Deque<Plan> pending = new ArrayDeque<>();
    for (Plan plan : plans.values()) {
      if (plan.publicApi && !plan.modes.isEmpty()) {
        plan.wantsJvp |= plan.modes.contains("TANGENT") || plan.modes.contains("JACOBIAN");
        pending.add(plan);
      } else if (plan.wantsJvp) {
        pending.add(plan);
      }
    }
    while (!pending.isEmpty() || lateAdjointTangents(pending)) {
      Plan plan = pending.poll();
      failures.at(plan.method);
      if (plan.forwardDone || plan.body == null || plan.ir == null) {
        continue;
      }
      plan.forwardDone = true;
      int errorsBefore = diagnostics.errorCount();
      schedule.setCurrent(plan);
      try {
        ForwardModes.Result result = forward.generate(plan.method, plan.ir, plan.activity,
            plan.unit, plan.tree, plan.rule, plan.publicApi ? plan.modes : Set.of(),
            plan.wantsJvp, recordNames(plan), checkpointEvery(plan.method, diagnostics),
            List.copyOf(plan.differentiated));
        plan.forward = result.members();
        for (AdjointCallRule callee : result.callees()) {
          Plan target = plans.get(callee.method());
          if (target != null) {
            target.wantsJvp = true;
            pending.add(target);
            plan.callees.add(target);
          }
        }
      } finally {
        schedule.setCurrent(null);
      }
      if (diagnostics.errorCount() > errorsBefore) {
        plan.body = null;
        failedOwners.add(ownerName(plan.method));
      }
    }
  }

  /**
   * Adds the tangents of adjoint entry points that second-order bodies call, made after their
   * methods' stage, and queues the callees they call; whether any is queued.
   */
  private boolean lateAdjointTangents(Deque<Plan> pending) {
    for (ForwardModes.Late late : forward.lateAdjointTangents()) {
      Plan plan = plans.get(late.method());
      if (late.members() == null) {
        plan.body = null;
        failedOwners.add(ownerName(plan.method));
        continue;
      }
      plan.forward = plan.forward.plus(late.members());
      for (AdjointCallRule callee : late.callees()) {
        Plan target = plans.get(callee.method());
        if (target != null) {
          target.wantsJvp = true;
          pending.add(target);
          plan.callees.add(target);
        }
      }
    }
    return !pending.isEmpty();
  }

  /**
   * Names {@code plan}'s result records as its gradient's is named: {@code MGradient},
   * {@code MTangent}, … for {@code m}, with the same number for the n-th overload.
   */
  private java.util.function.Function<String, String> recordNames(Plan plan) {
    String name = plan.method.getSimpleName().toString();
    int overload = 0;
    for (Plan other : plans.values()) {
      if (other.queued
          && other.method.getEnclosingElement().equals(plan.method.getEnclosingElement())
          && other.method.getSimpleName().contentEquals(name)
          && sortKey(other.method).compareTo(sortKey(plan.method)) <= 0) {
        overload++;
      }
    }
    String number = overload > 1 ? String.valueOf(overload) : "";
    return kind -> capitalize(name) + kind + number;
  }

  private static List<TypeElement> rootTypes(Iterable<? extends Element> elements) {
    List<TypeElement> found = new ArrayList<>();
    for (Element e : elements) {
      if (e instanceof TypeElement t) {
        found.add(t);
        found.addAll(rootTypes(t.getEnclosedElements()));
      }
    }
    return found;
  }

  /**
   * Derivatives declared in this compilation are checked and indexed first, then the rules
   * classes that {@code @UseDerivatives} imports; a declaration beside its original (the
   * runtime's helpers) is read when the original is first called.
   */
  private void indexDeclaredDerivatives(RoundEnvironment round,
      List<ExecutableElement> annotated) {
    Set<TypeElement> local = new java.util.TreeSet<>(
        Comparator.comparing(t -> t.getQualifiedName().toString()));
    for (String name : List.of(PARTIAL, PULLBACK, RuntimeTypes.TANGENT)) {
      TypeElement annotation = elements.getTypeElement(name);
      if (annotation != null) {
        for (Element e : round.getElementsAnnotatedWith(annotation)) {
          local.add((TypeElement) e.getEnclosingElement());
        }
      }
    }
    local.forEach(t -> declarations.index(t, true));
    for (ExecutableElement method : annotated) {
      for (Element e = method.getEnclosingElement(); e instanceof TypeElement t;
          e = t.getEnclosingElement()) {
        for (TypeElement imported : usedDerivatives(t)) {
          declarations.index(imported, false);
        }
      }
    }
  }

  /**
   * A method whose adjoint another gradient calls runs again inside that adjoint: a call in it
   * that is not pure ({@code Math.random()}, a counter) would give the gradient other values
   * than the original. Reports each such method, whose owner is then not generated.
   */
  private void calleesArePure() {
    for (Plan plan : plans.values()) {
      if (plan.calledByGradient && plan.impureCall != null) {
        diagnostics.error(plan.impureCall, plan.unit, Problem.IMPURE_CALL,
            "'" + plan.method.getSimpleName() + "' is"
            + " called from a gradient, whose adjoint runs it again, and this call is not known"
            + " to be pure: it would give the reverse sweep other values than the forward sweep;"
            + " compute the value in the @Differentiable method and pass it in as a parameter");
        plan.body = null;
        failedOwners.add(ownerName(plan.method));
      }
    }
  }
}
