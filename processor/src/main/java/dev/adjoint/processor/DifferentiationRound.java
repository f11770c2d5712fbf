package dev.adjoint.processor;

import com.palantir.javapoet.CodeBlock;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LabeledStatementTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import dev.adjoint.processor.analysis.Activity;
import dev.adjoint.processor.codegen.GradClassWriter;
import dev.adjoint.processor.codegen.TangentMethodWriter;
import dev.adjoint.processor.diag.Diagnostics;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.frontend.MethodLowering;
import dev.adjoint.processor.frontend.Symbols;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.normalize.EvaluateOnce;
import dev.adjoint.processor.normalize.HoistLoopAllocations;
import dev.adjoint.processor.normalize.ParameterArrayCopies;
import dev.adjoint.processor.normalize.ParameterReferences;
import dev.adjoint.processor.abi.AdjointAbi;
import dev.adjoint.processor.abi.RuntimeTypes;
import dev.adjoint.processor.rules.AdjointCallRule;
import dev.adjoint.processor.rules.AdjointProvider;
import dev.adjoint.processor.rules.DerivativeDeclarations;
import dev.adjoint.processor.rules.RuleTable;
import dev.adjoint.processor.ir.AdjointBody;
import dev.adjoint.processor.ir.MethodBody;
import dev.adjoint.processor.transform.GraphTrace;
import dev.adjoint.processor.transform.ReverseTransform;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * One processing round, as a visible pipeline per method: validate the annotation, lower the
 * tree to IR (front end), analyse activity, transform to forward and reverse sweeps, then
 * generate one class per owner. Callees with source in this compilation join the work list as
 * they are found. An owner's class is generated when all its methods, and every method their
 * generated code calls, were differentiated: a problem in one class never keeps another class from
 * getting its own.
 */
final class DifferentiationRound implements AdjointProvider {
  static final String DIFFERENTIABLE = RuntimeTypes.DIFFERENTIABLE;
  private static final String PARTIAL = RuntimeTypes.PARTIAL;
  private static final String PULLBACK = RuntimeTypes.PULLBACK;
  private static final String USE_DERIVATIVES = RuntimeTypes.USE_DERIVATIVES;
  private static final String NON_DIFFERENTIABLE = RuntimeTypes.NON_DIFFERENTIABLE;
  private static final String CHECKPOINTED = RuntimeTypes.CHECKPOINTED;
  private static final Set<String> RESERVED_ACCESSORS = Set.of("value", "clone", "finalize",
      "getClass", "hashCode", "notify", "notifyAll", "toString", "wait", "equals");

  private final ProcessingEnvironment env;
  private final ProcessorOptions options;
  private final Trees trees;
  private final Elements elements;
  private final Types types;
  private final Diagnostics diagnostics;
  private final DerivativeDeclarations declarations;
  private final RuleTable rules;
  private final Map<ExecutableElement, Plan> plans = new LinkedHashMap<>();
  /** Private static final tables that generated code reads, with their initializers' text. */
  private final Map<VariableElement, String> tableCopies = new LinkedHashMap<>();
  private final dev.adjoint.processor.frontend.CalleeEffects calleeEffects;
  private final dev.adjoint.processor.frontend.PrivateTables privateTables;
  private final Deque<Plan> work = new ArrayDeque<>();
  /** Plans differentiated before a caller found it needs a copy of them (a record's method). */
  private final Deque<Plan> pendingCopies = new ArrayDeque<>();
  private final ForwardModes forward;
  /** Owners (qualified names) with a method that failed validation or differentiation. */
  private final Set<String> failedOwners = new HashSet<>();
  /** The plan being differentiated, whose generated code {@link #require} calls belong to. */
  private Plan current;

  /** One method to differentiate. */
  private static final class Plan {
    final ExecutableElement method;
    final boolean publicApi;
    final Set<String> differentiated;
    final AdjointCallRule rule;
    /** The generated methods of other plans that this plan's generated code calls. */
    final Set<Plan> callees = new LinkedHashSet<>();
    AdjointBody body;
    MethodBody graph;
    boolean queued;
    /** Set when another gradient calls this method's adjoint, which runs it again. */
    boolean calledByGradient;
    /** The first call in the method not known to be pure, and its file. */
    com.sun.source.tree.Tree impureCall;
    CompilationUnitTree unit;
    /** Set for a private method, which generated code calls through a copy of it. */
    boolean needsPrimalCopy;
    /** The body of that copy. */
    MethodBody primal;
    /**
     * The annotation itself is wrong (wrt, say): the body is still checked, so that all its
     * errors are reported in one compilation, but never transformed.
     */
    boolean checkOnly;
    /** What to generate besides the gradient ({@code TANGENT}, {@code HESSIAN}, …). */
    Set<String> modes = Set.of();
    /** The lowered, normalised method and its activity, kept for the forward-mode stage. */
    MethodIr ir;
    Activity activity;
    MethodTree tree;
    /** Set when this method's tangent entry point is generated (its modes or a caller's). */
    boolean wantsJvp;
    boolean forwardDone;
    /** Its forward-mode and second-order members. */
    TangentMethodWriter.Members forward = TangentMethodWriter.Members.none();

    Plan(ExecutableElement method, boolean publicApi, Set<String> differentiated,
        AdjointCallRule rule) {
      this.method = method;
      this.publicApi = publicApi;
      this.differentiated = differentiated;
      this.rule = rule;
    }
  }

  DifferentiationRound(ProcessingEnvironment env) {
    this(env, ProcessorOptions.DEFAULTS);
  }

  DifferentiationRound(ProcessingEnvironment env, ProcessorOptions options) {
    this.env = env;
    this.options = options;
    this.trees = Trees.instance(env);
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.diagnostics = new Diagnostics(trees, env.getMessager());
    this.declarations = new DerivativeDeclarations(types, diagnostics);
    this.rules = new RuleTable(elements, declarations, this);
    this.calleeEffects = new dev.adjoint.processor.frontend.CalleeEffects(trees, elements);
    this.privateTables = new dev.adjoint.processor.frontend.PrivateTables(trees);
    this.forward = new ForwardModes(diagnostics, rules, this::generatedClassOf,
        this::jvpAvailable);
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
    annotated.sort(Comparator.comparing(this::sortKey));
    indexDeclaredDerivatives(round, annotated);
    for (ExecutableElement method : annotated) {
      Validation v = validate(method);
      if (v.ok()) {
        queue(plan(method, true, v.wrt()));
      } else {
        failedOwners.add(ownerName(method));
        if (v.checkBody()) {
          // The parameters wrt names correctly, or every one if it names none.
          Plan plan = plan(method, true,
              v.wrt().isEmpty() ? publicParameters(method) : v.wrt());
          if (v.wrt().isEmpty()
              && dev.adjoint.processor.abi.FlatParameters.selfRecord(method).isPresent()) {
            plan.differentiated.add(dev.adjoint.processor.abi.FlatParameters.SELF);
          }
          plan.checkOnly = true;
          queue(plan);
        }
      }
    }
    for (TypeElement root : rootTypes(round.getRootElements())) {
      replanHelpers(root);
    }
    do {
      differentiateQueued();
      forwardModes();
    } while (!work.isEmpty() || !pendingCopies.isEmpty());
    calleesArePure();
    // A method whose code javac itself rejects fails silently, so that javac's error stands
    // alone; its owner is not generated, nor any class whose code would call it.
    generate();
  }

  /**
   * Differentiates every queued plan, and the callees they find; then copies the methods that a
   * caller found it needs a copy of after they were differentiated.
   */
  private void differentiateQueued() {
    while (!work.isEmpty() || !pendingCopies.isEmpty()) {
      if (work.isEmpty()) {
        Plan plan = pendingCopies.poll();
        current = plan;
        try {
          copyPrimal(plan);
        } finally {
          current = null;
        }
        if (plan.primal == null) {
          failedOwners.add(ownerName(plan.method));
        }
        continue;
      }
      Plan plan = work.poll();
      int errorsBefore = diagnostics.errorCount();
      current = plan;
      try {
        if (returnsDifferentiable(plan.method)) {
          differentiate(plan);
        }
        if (plan.needsPrimalCopy) {
          copyPrimal(plan);
        }
      } finally {
        current = null;
      }
      // Any error reported while differentiating the method (its own, or one on a derivative
      // declaration it uses) keeps its owner from being generated.
      if (returnsDifferentiable(plan.method) && plan.body == null || plan.checkOnly
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
    Deque<Plan> pending = new ArrayDeque<>();
    for (Plan plan : plans.values()) {
      if (plan.publicApi && !plan.modes.isEmpty()) {
        plan.wantsJvp |= plan.modes.contains("TANGENT") || plan.modes.contains("JACOBIAN");
        pending.add(plan);
      } else if (plan.wantsJvp) {
        pending.add(plan);
      }
    }
    while (!pending.isEmpty()) {
      Plan plan = pending.poll();
      if (plan.forwardDone || plan.body == null || plan.ir == null) {
        continue;
      }
      plan.forwardDone = true;
      int errorsBefore = diagnostics.errorCount();
      current = plan;
      try {
        ForwardModes.Result result = forward.generate(plan.method, plan.ir, plan.activity,
            plan.unit, plan.tree, plan.rule, plan.publicApi ? plan.modes : Set.of(),
            plan.wantsJvp, recordNames(plan), checkpointEvery(plan.method),
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
        current = null;
      }
      if (diagnostics.errorCount() > errorsBefore) {
        plan.body = null;
        failedOwners.add(ownerName(plan.method));
      }
    }
  }

  /**
   * Whether {@code callee}'s tangent entry point is generated in this compilation, or exists in
   * its class compiled earlier (another module).
   */
  private boolean jvpAvailable(ExecutableElement callee) {
    Plan plan = plans.get(callee);
    if (plan != null) {
      return !plan.checkOnly;
    }
    TypeElement grad = elements.getTypeElement(generatedClassOf(
        (TypeElement) callee.getEnclosingElement()).canonicalName());
    return grad != null && javax.lang.model.util.ElementFilter.methodsIn(
        grad.getEnclosedElements()).stream().anyMatch(m -> m.getSimpleName().contentEquals(
            dev.adjoint.processor.abi.TangentAbi.entryName(callee.getSimpleName())));
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
   * Keeps the generated class of a type compiled on its own up to date: a helper's adjoint
   * ({@code hAdjoint}) is generated into its owner's class when a differentiable method elsewhere
   * calls it, but when only the owner's file is recompiled (an IDE saving it, say), no
   * {@code @Differentiable} method asks for it. Every helper for which the class generated
   * earlier (on the class path) has an adjoint entry point is differentiated again, so the
   * regenerated class neither keeps a stale body nor drops an entry point other classes call.
   */
  private void replanHelpers(TypeElement type) {
    TypeElement grad = elements.getTypeElement(
        GradClassWriter.gradClassOf(type, options.suffix()).canonicalName());
    if (grad == null || trees.getPath(grad) != null) {
      return;
    }
    List<ClassFileMethods.Method> methods = classFileMethods(grad);
    if (methods == null) {
      return;
    }
    for (ClassFileMethods.Method adjoint : methods) {
      if (!AdjointAbi.isEntryPoint(adjoint.name(), adjoint.descriptor())) {
        continue;
      }
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
            && adjoint.descriptor().startsWith("(" + descriptorOf(helper))) {
          Plan plan = plan(helper, false, helperParameters(helper));
          // a record's method is also called through its copy over the components
          plan.needsPrimalCopy = !helper.getModifiers().contains(Modifier.STATIC);
          queue(plan);
        }
      }
    }
  }

  /** The parameter descriptors of {@code method}, erased: {@code D[DLjava/lang/Object;}. */
  private String descriptorOf(ExecutableElement method) {
    StringBuilder sb = new StringBuilder();
    for (VariableElement p : method.getParameters()) {
      sb.append(descriptor(types.erasure(p.asType())));
    }
    return sb.toString();
  }

  private String descriptor(javax.lang.model.type.TypeMirror t) {
    switch (t.getKind()) {
      case BOOLEAN: return "Z";
      case BYTE: return "B";
      case SHORT: return "S";
      case CHAR: return "C";
      case INT: return "I";
      case LONG: return "J";
      case FLOAT: return "F";
      case DOUBLE: return "D";
      case ARRAY:
        return "[" + descriptor(((javax.lang.model.type.ArrayType) t).getComponentType());
      default:
        TypeElement e = (TypeElement) types.asElement(t);
        return "L" + elements.getBinaryName(e).toString().replace('.', '/') + ";";
    }
  }

  private static String ownerName(ExecutableElement method) {
    return ((TypeElement) method.getEnclosingElement()).getQualifiedName().toString();
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

  private static List<TypeElement> usedDerivatives(TypeElement type) {
    List<TypeElement> classes = new ArrayList<>();
    for (AnnotationMirror a : type.getAnnotationMirrors()) {
      if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(USE_DERIVATIVES)) {
        for (var e : a.getElementValues().entrySet()) {
          @SuppressWarnings("unchecked")
          List<AnnotationValue> values = (List<AnnotationValue>) e.getValue().getValue();
          for (AnnotationValue v : values) {
            if (v.getValue() instanceof javax.lang.model.type.DeclaredType d) {
              classes.add((TypeElement) d.asElement());
            }
          }
        }
      }
    }
    return classes;
  }

  /**
   * Owner, name, then parameter types: generated code depends neither on the order of the files
   * nor on the order of the methods in them.
   */
  private String sortKey(ExecutableElement method) {
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    StringBuilder key = new StringBuilder(owner.getQualifiedName()).append('#')
        .append(method.getSimpleName()).append('(');
    for (VariableElement p : method.getParameters()) {
      key.append(p.asType()).append(',');
    }
    return key.append(')').toString();
  }

  // ---------------------------------------------------------------------------- validation

  /**
   * The outcome of validating the annotation: the differentiated parameters (in parameter
   * order), whether all is well, and, if not, whether the body can still be checked (the
   * problem is in {@code wrt} or the method's names, not its shape).
   */
  private record Validation(Set<String> wrt, boolean ok, boolean checkBody) {}

  private Validation validate(ExecutableElement method) {
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
      diagnostics.error(method, RecordParameters.notStaticMessage(method));
      ok = false;
    }
    if (modifiers.contains(Modifier.ABSTRACT) || modifiers.contains(Modifier.NATIVE)) {
      diagnostics.error(method, "@Differentiable method '" + name + "' must have a body;"
          + " abstract and native methods have no source to differentiate");
      ok = false;
    }
    if (!returnsDifferentiable(method)) {
      diagnostics.error(method, "@Differentiable method '" + name + "' must return double or"
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
      diagnostics.error(method, mirror, wrtValue, "wrt = {} names no parameter to differentiate"
          + " '" + name + "' with respect to; leave wrt out to differentiate with respect to"
          + " every double, double[] and double[][] parameter, or name the parameters:"
          + " wrt = {\"w\", \"b\"}");
      ok = false;
    } else {
      for (AnnotationValue v : wrt) {
        String requested = String.valueOf(v.getValue());
        if (!named.add(requested)) {
          diagnostics.error(method, mirror, v, "wrt names '" + requested + "' more than once;"
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
            diagnostics.error(method, mirror, v, pathProblem.get());
            ok = false;
          } else {
            differentiated.add(requested);
          }
          continue;
        }
        Optional<? extends VariableElement> param = method.getParameters().stream()
            .filter(p -> p.getSimpleName().contentEquals(requested)).findFirst();
        if (param.isEmpty()) {
          diagnostics.error(method, mirror, v, "wrt names '" + requested + "', but '" + name
              + "' has no parameter of that name");
          ok = false;
        } else if (isMarkedNonDifferentiable(param.get())) {
          diagnostics.error(method, mirror, v, "wrt names '" + requested + "', which is marked"
              + " @NonDifferentiable; drop one of the two");
          ok = false;
        } else if (!isDifferentiable(param.get()) && !RecordParameters.isRecord(param.get())) {
          diagnostics.error(method, mirror, v, "wrt names '" + requested + "' of type "
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
        diagnostics.error(p, "a differentiated parameter cannot be named '" + pName + "': the"
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

  private static boolean isMarkedNonDifferentiable(VariableElement p) {
    for (AnnotationMirror a : p.getAnnotationMirrors()) {
      if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(NON_DIFFERENTIABLE)) {
        return true;
      }
    }
    return false;
  }

  private static boolean returnsDifferentiable(ExecutableElement method) {
    String type = method.getReturnType().toString();
    return type.equals("double") || type.equals("double[]");
  }

  private static boolean isDifferentiable(VariableElement p) {
    String type = p.asType().toString();
    return type.equals("double") || type.equals("double[]") || type.equals("double[][]");
  }

  /**
   * What a {@code @Differentiable} method differentiates by default: its double, double[] and
   * double[][] parameters and its differentiable records. (Helpers differentiated on demand
   * leave records alone: their callers pass them as objects.)
   */
  private static Set<String> publicParameters(ExecutableElement method) {
    Set<String> names = new LinkedHashSet<>();
    for (VariableElement p : method.getParameters()) {
      if ((isDifferentiable(p) || RecordParameters.isRecord(p)) && !isMarkedNonDifferentiable(p)) {
        names.add(p.getSimpleName().toString());
      }
    }
    return names;
  }

  private static Set<String> differentiableParameters(ExecutableElement method) {
    Set<String> names = new LinkedHashSet<>();
    for (VariableElement p : method.getParameters()) {
      if (isDifferentiable(p) && !isMarkedNonDifferentiable(p)) {
        names.add(p.getSimpleName().toString());
      }
    }
    return names;
  }

  /**
   * The modes {@code @Differentiable(modes = …)} names, or the compilation's default; only
   * those besides the gradient, which is always generated. The default gives a method only the
   * modes that apply to it (Hessians to methods returning {@code double}, Jacobians to methods
   * returning {@code double[]}); a mode a method names that does not apply is an error later.
   */
  private Set<String> modes(ExecutableElement method) {
    Set<String> modes = new LinkedHashSet<>(options.modes());
    String returned = method.getReturnType().toString();
    if (!returned.equals("double")) {
      modes.remove("HESSIAN");
    }
    if (!returned.equals("double[]")) {
      modes.remove("JACOBIAN");
    }
    AnnotationMirror mirror = differentiableMirror(method);
    if (mirror != null) {
      for (var e : mirror.getElementValues().entrySet()) {
        if (e.getKey().getSimpleName().contentEquals("modes")) {
          modes.clear();
          @SuppressWarnings("unchecked")
          List<AnnotationValue> values = (List<AnnotationValue>) e.getValue().getValue();
          for (AnnotationValue v : values) {
            modes.add(String.valueOf(v.getValue()));
          }
        }
      }
    }
    modes.remove("GRADIENT");
    return modes;
  }

  private AnnotationMirror differentiableMirror(ExecutableElement method) {
    for (AnnotationMirror a : method.getAnnotationMirrors()) {
      if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(DIFFERENTIABLE)) {
        return a;
      }
    }
    return null;
  }

  private static List<AnnotationValue> wrtValues(AnnotationMirror mirror) {
    AnnotationValue wrt = wrtValue(mirror);
    if (wrt == null) {
      return List.of();
    }
    @SuppressWarnings("unchecked")
    List<AnnotationValue> values = (List<AnnotationValue>) wrt.getValue();
    return values;
  }

  /** The {@code wrt} value as written, or null when the annotation leaves it out. */
  private static AnnotationValue wrtValue(AnnotationMirror mirror) {
    if (mirror == null) {
      return null;
    }
    for (var e : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals("wrt")) {
        return e.getValue();
      }
    }
    return null;
  }

  // ------------------------------------------------------------------------------ schedule

  private void queue(Plan plan) {
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

  /**
   * A method whose adjoint another gradient calls runs again inside that adjoint: a call in it
   * that is not pure ({@code Math.random()}, a counter) would give the gradient other values
   * than the original. Reports each such method, whose owner is then not generated.
   */
  private void calleesArePure() {
    for (Plan plan : plans.values()) {
      if (plan.calledByGradient && plan.impureCall != null) {
        diagnostics.error(plan.impureCall, plan.unit, "'" + plan.method.getSimpleName() + "' is"
            + " called from a gradient, whose adjoint runs it again, and this call is not known"
            + " to be pure: it would give the reverse sweep other values than the forward sweep;"
            + " compute the value in the @Differentiable method and pass it in as a parameter");
        plan.body = null;
        failedOwners.add(ownerName(plan.method));
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

  private Plan plan(ExecutableElement method, boolean publicApi, Set<String> wrt) {
    Plan plan = new Plan(method, publicApi, wrt, rule(method, wrt));
    if (publicApi) {
      plan.modes = modes(method);
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
        && returnsDifferentiable(callee);
    if (!eligible) {
      return Optional.empty();
    }
    if (trees.getTree(callee) == null) {
      // compiled earlier, with its adjoint generated beside it (a file recompiled on its own)
      return compiledAdjoint(callee);
    }
    return Optional.of(plan(callee, false, helperParameters(callee)).rule);
  }

  /** What a helper is differentiated with respect to: its doubles and arrays, and self. */
  private static Set<String> helperParameters(ExecutableElement helper) {
    Set<String> names = differentiableParameters(helper);
    if (dev.adjoint.processor.abi.FlatParameters.selfRecord(helper).isPresent()) {
      names.add(dev.adjoint.processor.abi.FlatParameters.SELF);
    }
    return names;
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
    TypeElement owner = (TypeElement) callee.getEnclosingElement();
    TypeElement grad = elements.getTypeElement(
        GradClassWriter.gradClassOf(owner, options.suffix()).canonicalName());
    if (grad == null) {
      return Optional.empty();
    }
    String name = AdjointAbi.entryName(callee.getSimpleName());
    int arity = callee.getParameters().size();
    for (ExecutableElement m : javax.lang.model.util.ElementFilter.methodsIn(
        grad.getEnclosedElements())) {
      if (!m.getSimpleName().contentEquals(name)
          || !AdjointAbi.fitsArity(m.getParameters().size(), arity)) {
        continue;
      }
      boolean same = true;
      for (int i = 0; i < arity; i++) {
        same &= types.isSameType(m.getParameters().get(i).asType(),
            callee.getParameters().get(i).asType());
      }
      if (same) {
        AnnotationMirror mirror = differentiableMirror(callee);
        Set<String> wrt = new LinkedHashSet<>();
        for (AnnotationValue v : wrtValues(mirror)) {
          wrt.add(String.valueOf(v.getValue()));
        }
        return Optional.of(rule(callee, wrt.isEmpty() ? differentiableParameters(callee) : wrt));
      }
    }
    return Optional.empty();
  }

  // ------------------------------------------------------------------------- differentiate

  private void differentiate(Plan plan) {
    ExecutableElement method = plan.method;
    TreePath path = trees.getPath(method);
    if (path == null) {
      diagnostics.error(method, "Adjoint cannot read the source of '" + method.getSimpleName()
          + "'");
      return;
    }
    CompilationUnitTree unit = path.getCompilationUnit();
    MethodTree tree = (MethodTree) path.getLeaf();
    MethodProblems problems = new MethodProblems(diagnostics, unit);
    try {
      TypeElement owner = (TypeElement) method.getEnclosingElement();
      Symbols symbols = new Symbols(elements, types, unit, owner);
      MethodIr ir = new MethodLowering(symbols, problems, method, tree, unit)
          .checkingRecords(r -> RecordParameters.problemWith(r, elements, trees))
          .lower(plan.differentiated);
      if (problems.failedSilently()) {
        return; // javac's own error stands alone
      }
      requirePrimalCopies(ir);
      requireTableCopies(ir, problems);
      if (problems.any() || plan.checkOnly) {
        // The activity analysis still runs, so that its errors are reported in the same
        // compilation; rejected expressions are inactive literals in the IR.
        try {
          Activity.analyze(ir, rules, problems);
        } catch (RuntimeException e) {
          // follow-on trouble from an expression already reported: nothing to add
        }
        return;
      }
      ir = HoistLoopAllocations.apply(ir, elements, problems);
      ir = ParameterArrayCopies.apply(ParameterReferences.apply(ir, problems), elements);
      ir = EvaluateOnce.apply(ir, rules, problems);
      plan.unit = unit;
      plan.impureCall = EvaluateOnce.firstImpureCall(ir, rules).orElse(null);
      Activity activity = Activity.analyze(ir, rules, problems);
      if (problems.any()) {
        return;
      }
      warnAboutDeadParameters(plan, ir, activity);
      plan.ir = ir;
      plan.activity = activity;
      plan.tree = tree;
      plan.body = ReverseTransform.transform(ir, activity, rules, problems, identifiers(tree),
          labels(tree), checkpointEvery(method));
      if (!problems.any()
          && bytecode(plan.body.all()) > GRADIENT_BYTECODE_LIMIT) {
        diagnostics.error(method, "'" + method.getSimpleName() + "' is too large to"
            + " differentiate as one method: its gradient would exceed the JVM's 64 KB limit on"
            + " the bytecode of a method; split it into smaller methods, which Adjoint"
            + " differentiates one by one and calls through their adjoints");
        plan.body = null;
        return;
      }
      if (problems.any()) {
        plan.body = null;
      } else {
        addGraph(plan, ir, unit, tree);
      }
    } catch (StackOverflowError e) {
      plan.body = null;
      diagnostics.error(method, "'" + method.getSimpleName() + "' is nested too deeply for"
          + " Adjoint to differentiate (its stack overflowed); move inner expressions or"
          + " statements into local variables or helper methods");
    } catch (Exception | AssertionError | LinkageError e) {
      plan.body = null;
      diagnostics.error(method, "Adjoint could not differentiate '" + method.getSimpleName()
          + "' because of an internal error (" + e + "); please report it with this method's"
          + " source\n" + stackTrace(e));
    }
  }

  /** The first frames of an internal failure, for the report. */
  static String stackTrace(Throwable e) {
    StringBuilder sb = new StringBuilder();
    StackTraceElement[] frames = e.getStackTrace();
    for (int i = 0; i < Math.min(frames.length, 12); i++) {
      sb.append("\tat ").append(frames[i]).append('\n');
    }
    if (frames.length > 12) {
      sb.append("\t... ").append(frames.length - 12).append(" more\n");
    }
    return sb.toString();
  }

  /**
   * Private methods (or methods of private classes) that {@code ir} calls: generated code cannot
   * call them, so it calls a copy of each, written beside the gradients.
   */
  private void requirePrimalCopies(MethodIr ir) {
    dev.adjoint.processor.ir.IrWalk.statements(ir.body(), s ->
        dev.adjoint.processor.ir.IrWalk.ownExpressions(s, e ->
            dev.adjoint.processor.ir.IrWalk.expressions(e, n -> {
              if (n instanceof dev.adjoint.processor.ir.Expr.Call c && c.receiver() == null) {
                requirePrimalCopy(c.method());
                // a private @Partial is called by the derivatives of its original
                if (rules.ruleFor(c.method()).orElse(null)
                        instanceof dev.adjoint.processor.rules.PartialsRule partials) {
                  for (int i = 0; i < c.args().size(); i++) {
                    if (partials.differentiableIn(i)) {
                      dev.adjoint.processor.ir.IrWalk.expressions(
                          partials.partial(i, c.args()), d -> {
                            if (d instanceof dev.adjoint.processor.ir.Expr.Call p
                                && p.receiver() == null) {
                              requirePrimalCopy(p.method());
                            }
                          });
                    }
                  }
                }
              }
            })));
  }

  /**
   * Generated code calls {@code method}: if it is private (or a record's instance method), it
   * calls a copy of it.
   */
  private void requirePrimalCopy(ExecutableElement method) {
    if ((Symbols.isPrivate(method) || !method.getModifiers().contains(Modifier.STATIC))
        && trees.getTree(method) != null) {
      Plan callee = plans.get(method);
      if (callee == null) {
        callee = plan(method, false, returnsDifferentiable(method)
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
   * Private static final arrays that {@code ir} reads: generated code reads a copy of each, which
   * is right only for a table of literals that nothing changes.
   */
  private void requireTableCopies(MethodIr ir, MethodProblems problems) {
    dev.adjoint.processor.ir.IrWalk.statements(ir.body(), s ->
        dev.adjoint.processor.ir.IrWalk.ownExpressions(s, e ->
            dev.adjoint.processor.ir.IrWalk.expressions(e, n -> {
              if (n instanceof dev.adjoint.processor.ir.Expr.FieldRef f
                  && f.field().getConstantValue() == null && Symbols.isPrivate(f.field())
                  && !tableCopies.containsKey(f.field())) {
                Optional<String> init = privateTables.copyableInitializer(f.field());
                if (init.isPresent()) {
                  tableCopies.put(f.field(), init.get());
                } else {
                  problems.error(f.tree(), "the private table '" + f.field().getSimpleName()
                      + "' can be copied into the generated class only when its initializer"
                      + " lists literal values and nothing in the class writes into it or lets"
                      + " it escape; make it package-private");
                }
              }
            })));
  }

  /** Lowers a private method once more, on its own, and prints it as it is, for its copy. */
  private void copyPrimal(Plan plan) {
    ExecutableElement method = plan.method;
    TreePath path = trees.getPath(method);
    CompilationUnitTree unit = path.getCompilationUnit();
    MethodTree tree = (MethodTree) path.getLeaf();
    MethodProblems problems = new MethodProblems(diagnostics, unit);
    try {
      Symbols symbols = new Symbols(elements, types, unit,
          (TypeElement) method.getEnclosingElement());
      MethodIr ir = new MethodLowering(symbols, problems, method, tree, unit)
          .checkingRecords(r -> RecordParameters.problemWith(r, elements, trees))
          .lower(Set.of());
      requirePrimalCopies(ir);
      requireTableCopies(ir, problems);
      if (!problems.any()) {
        ir = EvaluateOnce.apply(ir, rules, problems);
        MethodBody body = ReverseTransform.primal(ir, rules, problems, identifiers(tree),
            labels(tree));
        plan.primal = problems.any() ? null : body;
      }
    } catch (RuntimeException e) {
      diagnostics.error(method, "Adjoint could not copy the private method '"
          + method.getSimpleName() + "' because of an internal error (" + e + "); please"
          + " report it with this method's source");
    }
  }

  /**
   * Adds the graph method when {@code @Differentiable(graph = true)} or {@code -Aadjoint.graph}
   * asks for one. A method that asks for it by its annotation and cannot have one is an error
   * there: the user would otherwise find a missing {@code mGraph} method at its first call.
   */
  private void addGraph(Plan plan, MethodIr ir, CompilationUnitTree unit, MethodTree tree) {
    AnnotationMirror mirror = differentiableMirror(plan.method);
    AnnotationValue requested = graphRequest(mirror);
    if (plan.publicApi && (options.graph() || requested != null)
        && !dev.adjoint.processor.abi.FlatParameters.of(plan.method, plan.differentiated)
            .hasRecords()) {
      plan.graph = graph(ir, unit, tree);
    }
    if (requested != null && plan.graph == null) {
      diagnostics.error(plan.method, mirror, requested, "'" + plan.method.getSimpleName()
          + "' cannot have a computation graph: graphs record scalar code only (no arrays),"
          + " take every double parameter as an input (each must reach only calls with a"
          + " derivative) and hold at most a few hundred statements; remove graph = true, or"
          + " graph a scalar part of it");
    }
  }

  /** The annotation's {@code graph = true}, or null when it is left out or false. */
  private static AnnotationValue graphRequest(AnnotationMirror mirror) {
    if (mirror == null) {
      return null;
    }
    for (var e : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals("graph")
          && Boolean.TRUE.equals(e.getValue().getValue())) {
        return e.getValue();
      }
    }
    return null;
  }

  /**
   * The body of the method's computation-graph trace, with every double parameter as an input,
   * or null where there is none (arrays, or a parameter outside wrt that reaches a call without
   * a derivative).
   */
  private MethodBody graph(MethodIr ir, CompilationUnitTree unit, MethodTree tree) {
    List<Variable> doubles = ir.parameters().stream()
        .filter(p -> p.type().kind() == dev.adjoint.processor.ir.IrType.Kind.DOUBLE).toList();
    MethodIr everyDouble = new MethodIr(ir.element(), ir.tree(), ir.unit(), ir.parameters(),
        doubles, ir.locals(), ir.result(), ir.body());
    MethodProblems quiet = new MethodProblems(diagnostics, unit);
    quiet.mute();
    Activity activity = Activity.analyze(everyDouble, rules, quiet);
    if (quiet.any()) {
      return null;
    }
    MethodBody body = GraphTrace.graph(everyDouble, activity, rules, quiet,
        identifiers(tree), labels(tree));
    return quiet.any() || body == null || bytecode(body.stmts()) > GRAPH_BYTECODE_LIMIT ? null
        : body;
  }

  /**
   * Limits that keep generated methods within javac's 64 KB limit on a method's bytecode, as
   * {@link dev.adjoint.processor.codegen.BytecodeSize} estimates it from the adjoint IR.
   * Calibrated on straight-line methods of Math calls (HugeInputTest, HugeMain): gradients
   * estimated at 57,500 bytes (680 statements) compile and 58,300 (690) do not; graph traces of
   * 68,000 compile and 68,900 do not. The margins are 4% and 6%.
   */
  static final long GRADIENT_BYTECODE_LIMIT = 55_000;

  private static final long GRAPH_BYTECODE_LIMIT = 64_000;

  /** The estimated bytecode of {@code stmts}, counted on the IR before it is printed. */
  private static long bytecode(List<dev.adjoint.processor.ir.Stmt> stmts) {
    return dev.adjoint.processor.codegen.BytecodeSize.of(stmts);
  }

  /** {@code @Checkpointed(every = k)}'s k, or 0 when the method has none. */
  private int checkpointEvery(ExecutableElement method) {
    for (AnnotationMirror a : method.getAnnotationMirrors()) {
      if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(CHECKPOINTED)) {
        for (var e : a.getElementValues().entrySet()) {
          int every = (Integer) e.getValue().getValue();
          if (every < 1) {
            diagnostics.error(method, a, e.getValue(), "@Checkpointed(every = " + every
                + ") must be at least 1");
            return 0;
          }
          return every;
        }
      }
    }
    return 0;
  }

  private void warnAboutDeadParameters(Plan plan, MethodIr ir, Activity activity) {
    if (!plan.publicApi) {
      return;
    }
    dev.adjoint.processor.abi.FlatParameters flat =
        dev.adjoint.processor.abi.FlatParameters.of(plan.method, plan.differentiated);
    // A record is one parameter: warned about only when none of its differentiated components
    // reaches the result (a loss may well leave some of a model's components alone).
    Set<Integer> liveRoots = new HashSet<>();
    for (Variable p : ir.differentiated()) {
      if (activity.influencesResult(p)) {
        liveRoots.add(flat.leaves().get(ir.parameters().indexOf(p)).root());
      }
    }
    Set<Integer> warned = new HashSet<>();
    for (Variable p : ir.differentiated()) {
      var leaf = flat.leaves().get(ir.parameters().indexOf(p));
      if (!activity.influencesResult(p) && !(leaf.inRecord() && liveRoots.contains(leaf.root()))
          && warned.add(leaf.root())) {
        int declared = flat.parameterIndex(leaf.root());
        Element element = declared < 0 ? plan.method
            : plan.method.getParameters().get(declared);
        diagnostics.warning(element, "the result of '" + plan.method.getSimpleName()
            + "' does not depend on '" + flat.rootNames().get(leaf.root()) + "'; its gradient is"
            + " always 0");
      }
    }
  }

  static Set<String> identifiers(MethodTree tree) {
    Set<String> names = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void unused) {
        names.add(node.getName().toString());
        return null;
      }

      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        names.add(node.getName().toString());
        return super.visitVariable(node, unused);
      }
    }.scan(tree, null);
    return names;
  }

  static Set<String> labels(MethodTree tree) {
    Set<String> names = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitLabeledStatement(LabeledStatementTree node, Void unused) {
        names.add(node.getLabel().toString());
        return super.visitLabeledStatement(node, unused);
      }
    }.scan(tree, null);
    return names;
  }

  // ------------------------------------------------------------------------------ generate

  private void generate() {
    Map<String, List<Plan>> byOwner = new TreeMap<>();
    Map<String, TypeElement> owners = new HashMap<>();
    for (Plan plan : plans.values()) {
      if (!plan.queued) {
        continue;
      }
      byOwner.computeIfAbsent(ownerName(plan.method), k -> new ArrayList<>()).add(plan);
    }
    Map<String, List<GradClassWriter.TableCopy>> tablesByOwner = new HashMap<>();
    tableCopies.forEach((field, init) -> {
      String owner = ((TypeElement) field.getEnclosingElement()).getQualifiedName().toString();
      byOwner.computeIfAbsent(owner, k -> new ArrayList<>());
      tablesByOwner.computeIfAbsent(owner, k -> new ArrayList<>())
          .add(new GradClassWriter.TableCopy(field, init));
    });
    Map<String, TypeElement> gradNames = new HashMap<>();
    Map<String, List<GradClassWriter.Entry>> entriesByOwner = new TreeMap<>();
    for (Map.Entry<String, List<Plan>> owned : byOwner.entrySet()) {
      if (failedOwners.contains(owned.getKey())) {
        continue;
      }
      List<Plan> group = owned.getValue();
      group.sort(Comparator.comparing(p -> sortKey(p.method)));
      TypeElement owner = elements.getTypeElement(owned.getKey());
      List<GradClassWriter.Entry> entries = entries(owner, group);
      if (entries == null || !gradClassNameIsFree(owner, gradNames)) {
        failedOwners.add(owned.getKey());
      } else {
        entriesByOwner.put(owned.getKey(), entries);
      }
    }
    // An owner whose generated code would call into a class that is not generated is not
    // generated either, transitively.
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<String, List<Plan>> e : byOwner.entrySet()) {
        if (!failedOwners.contains(e.getKey()) && e.getValue().stream()
            .flatMap(p -> p.callees.stream())
            .anyMatch(callee -> failedOwners.contains(ownerName(callee.method)))) {
          failedOwners.add(e.getKey());
          changed = true;
        }
      }
    }
    for (Map.Entry<String, List<GradClassWriter.Entry>> owned : entriesByOwner.entrySet()) {
      if (failedOwners.contains(owned.getKey())) {
        continue;
      }
      TypeElement owner = elements.getTypeElement(owned.getKey());
      try {
        GradClassWriter.write(owner, options.suffix(), owned.getValue(),
            tablesByOwner.getOrDefault(owned.getKey(), List.of())).writeTo(env.getFiler());
        if (options.summary()) {
          env.getMessager().printMessage(javax.tools.Diagnostic.Kind.NOTE,
              GradClassWriter.summary(owner, options.suffix(), owned.getValue()), owner);
        }
      } catch (IOException | RuntimeException e) {
        diagnostics.error(owner, "Adjoint could not write "
            + GradClassWriter.gradClassOf(owner, options.suffix())
            + ": " + e);
      }
    }
  }

  /**
   * The members of one owner's generated class, or null (after an error) when two of them would
   * have the same signature. A graph method {@code mGraph} is left out when the owner has a
   * method of that name, whose own gradient method it would collide with or be mistaken for.
   */
  private List<GradClassWriter.Entry> entries(TypeElement owner, List<Plan> group) {
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
        diagnostics.error(plan.method, mirror, requested, "'" + name + "' cannot have a"
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
          diagnostics.error(plan.method, "in " + GradClassWriter.gradClassOf(owner, options.suffix())
              .simpleName() + ", " + what + " would collide with " + other + "; rename one of"
              + " the two methods");
          ok = false;
        }
      }
    }
    for (String algebra : GradClassWriter.recordAlgebraSignatures(entries)) {
      String other = members.get(algebra);
      if (other != null) {
        diagnostics.error(owner, "in " + GradClassWriter.gradClassOf(owner, options.suffix())
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

  /**
   * Whether the generated class's name is free: not the name of a class of the user's (a class
   * Adjoint generated earlier, found on the class path in an incremental build, is regenerated),
   * nor of the class generated for another owner ({@code A.B_C} and {@code A_B.C} both map to
   * {@code A_B_CGrad}). Reports an error on the owner otherwise.
   */
  private boolean gradClassNameIsFree(TypeElement owner, Map<String, TypeElement> gradNames) {
    String grad = GradClassWriter.gradClassOf(owner, options.suffix()).canonicalName();
    TypeElement earlier = gradNames.putIfAbsent(grad, owner);
    if (earlier != null) {
      diagnostics.error(owner, "the class Adjoint generates for " + owner.getQualifiedName()
          + " would be " + grad + ", the same as the one it generates for "
          + earlier.getQualifiedName() + "; rename one of the two classes");
      return false;
    }
    TypeElement existing = elements.getTypeElement(grad);
    if (existing != null && !isGeneratedByAdjoint(existing)) {
      diagnostics.error(owner, "the class Adjoint generates for " + owner.getQualifiedName()
          + " would be " + grad + ", but the class " + existing.getQualifiedName()
          + " already exists; rename one of the two classes");
      return false;
    }
    return true;
  }

  /**
   * Whether {@code type} is a class Adjoint generated: in source, by its {@code @Generated}; in
   * a class file, where that annotation is not kept, by its shape (adjoint entry points taking
   * a {@code Tape} last).
   */
  boolean isGeneratedByAdjoint(TypeElement type) {
    for (AnnotationMirror a : type.getAnnotationMirrors()) {
      if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals("javax.annotation.processing.Generated")) {
        return a.getElementValues().values().stream()
            .anyMatch(v -> v.toString().contains(GENERATOR));
      }
    }
    if (trees.getPath(type) != null) {
      return false; // source without our @Generated: the user's own class
    }
    List<ClassFileMethods.Method> methods = classFileMethods(type);
    return methods == null || methods.stream()
        .anyMatch(m -> AdjointAbi.isScalarEntryPoint(m.name(), m.descriptor()));
  }

  /**
   * The methods of {@code type}'s class file on the class path, or null where it cannot be read.
   * Read from the bytes, never through javac's model: see {@link ClassFileMethods}.
   */
  private List<ClassFileMethods.Method> classFileMethods(TypeElement type) {
    String qualified = type.getQualifiedName().toString();
    String pkg = elements.getPackageOf(type).getQualifiedName().toString();
    String binary = pkg.isEmpty() ? qualified : qualified.substring(pkg.length() + 1);
    try (java.io.InputStream in = env.getFiler().getResource(
        javax.tools.StandardLocation.CLASS_PATH, pkg, binary + ".class").openInputStream()) {
      return ClassFileMethods.read(in);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static final String GENERATOR = "dev.adjoint.processor.AdjointProcessor";

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
