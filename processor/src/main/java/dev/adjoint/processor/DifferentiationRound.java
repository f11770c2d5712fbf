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
import dev.adjoint.processor.diag.Diagnostics;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.frontend.MethodLowering;
import dev.adjoint.processor.frontend.Symbols;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.normalize.EvaluateOnce;
import dev.adjoint.processor.rules.AdjointCallRule;
import dev.adjoint.processor.rules.AdjointProvider;
import dev.adjoint.processor.rules.DerivativeDeclarations;
import dev.adjoint.processor.rules.RuleTable;
import dev.adjoint.processor.transform.AdjointBody;
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
 * they are found. Nothing is generated if any error was reported.
 */
final class DifferentiationRound implements AdjointProvider {
  static final String DIFFERENTIABLE = "dev.adjoint.Differentiable";
  private static final String PARTIAL = "dev.adjoint.Partial";
  private static final String PULLBACK = "dev.adjoint.Pullback";
  private static final String USE_DERIVATIVES = "dev.adjoint.UseDerivatives";
  private static final String NON_DIFFERENTIABLE = "dev.adjoint.NonDifferentiable";
  private static final String CHECKPOINTED = "dev.adjoint.Checkpointed";
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

  /** One method to differentiate. */
  private static final class Plan {
    final ExecutableElement method;
    final boolean publicApi;
    final Set<String> differentiated;
    final AdjointCallRule rule;
    AdjointBody body;
    CodeBlock graph;
    boolean queued;
    /** Set when another gradient calls this method's adjoint, which runs it again. */
    boolean calledByGradient;
    /** The first call in the method not known to be pure, and its file. */
    com.sun.source.tree.Tree impureCall;
    CompilationUnitTree unit;
    /** Set for a private method, which generated code calls through a copy of it. */
    boolean needsPrimalCopy;
    /** The body of that copy. */
    CodeBlock primal;

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
    for (Element e : round.getElementsAnnotatedWith(annotation)) {
      if (e.getKind() == ElementKind.METHOD) {
        annotated.add((ExecutableElement) e);
      }
    }
    annotated.sort(Comparator.comparing(this::sortKey));
    indexDeclaredDerivatives(round, annotated);
    boolean valid = true;
    for (ExecutableElement method : annotated) {
      Optional<Set<String>> wrt = validate(method);
      if (wrt.isPresent()) {
        queue(plan(method, true, wrt.get()));
      } else {
        valid = false;
      }
    }
    while (!work.isEmpty()) {
      Plan plan = work.poll();
      if (returnsDifferentiable(plan.method)) {
        differentiate(plan);
        valid &= plan.body != null;
      }
      if (plan.needsPrimalCopy) {
        copyPrimal(plan);
        valid &= plan.primal != null;
      }
    }
    valid &= calleesArePure();
    // A method whose code javac itself rejects fails silently, so that javac's error stands
    // alone: then nothing is generated either.
    if (valid && diagnostics.errorCount() == 0) {
      generate();
    }
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
    for (String name : List.of(PARTIAL, PULLBACK)) {
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

  private Optional<Set<String>> validate(ExecutableElement method) {
    boolean ok = true;
    for (VariableElement p : method.getParameters()) {
      if (p.asType().getKind() == TypeKind.ERROR) {
        return Optional.empty(); // javac reports the unknown type; nothing to add
      }
    }
    Set<Modifier> modifiers = method.getModifiers();
    String name = method.getSimpleName().toString();
    if (!modifiers.contains(Modifier.STATIC)) {
      diagnostics.error(method, "@Differentiable method '" + name + "' must be static; Adjoint"
          + " differentiates static methods, so pass the object's state in as parameters");
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
    Set<String> differentiated = new LinkedHashSet<>();
    AnnotationMirror mirror = differentiableMirror(method);
    List<AnnotationValue> wrt = wrtValues(mirror);
    if (wrt.isEmpty()) {
      differentiated.addAll(differentiableParameters(method));
    } else {
      for (AnnotationValue v : wrt) {
        String requested = String.valueOf(v.getValue());
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
        } else if (!isDifferentiable(param.get())) {
          diagnostics.error(method, mirror, v, "wrt names '" + requested + "' of type "
              + param.get().asType() + ", which cannot be differentiated; only double, double[]"
              + " and double[][] parameters can");
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
    // Parameter order, whatever the order of wrt: accessors and adjoint slots follow it.
    Set<String> inParameterOrder = new LinkedHashSet<>();
    for (VariableElement p : method.getParameters()) {
      if (differentiated.contains(p.getSimpleName().toString())) {
        inParameterOrder.add(p.getSimpleName().toString());
      }
    }
    return ok ? Optional.of(inParameterOrder) : Optional.empty();
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

  private static Set<String> differentiableParameters(ExecutableElement method) {
    Set<String> names = new LinkedHashSet<>();
    for (VariableElement p : method.getParameters()) {
      if (isDifferentiable(p) && !isMarkedNonDifferentiable(p)) {
        names.add(p.getSimpleName().toString());
      }
    }
    return names;
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
    if (mirror == null) {
      return List.of();
    }
    for (var e : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals("wrt")) {
        @SuppressWarnings("unchecked")
        List<AnnotationValue> values = (List<AnnotationValue>) e.getValue().getValue();
        return values;
      }
    }
    return List.of();
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
    }
  }

  /**
   * A method whose adjoint another gradient calls runs again inside that adjoint: a call in it
   * that is not pure ({@code Math.random()}, a counter) would give the gradient other values
   * than the original. Reports each such method; false if there was one.
   */
  private boolean calleesArePure() {
    boolean ok = true;
    for (Plan plan : plans.values()) {
      if (plan.calledByGradient && plan.impureCall != null) {
        diagnostics.error(plan.impureCall, plan.unit, "'" + plan.method.getSimpleName() + "' is"
            + " called from a gradient, whose adjoint runs it again, and this call is not known"
            + " to be pure: it would give the reverse sweep other values than the forward sweep;"
            + " compute the value in the @Differentiable method and pass it in as a parameter");
        plan.body = null;
        ok = false;
      }
    }
    return ok;
  }

  private AdjointCallRule rule(ExecutableElement method, Set<String> wrt) {
    List<Boolean> differentiated = new ArrayList<>();
    List<Boolean> arrays = new ArrayList<>();
    for (VariableElement p : method.getParameters()) {
      differentiated.add(wrt.contains(p.getSimpleName().toString()));
      arrays.add(p.asType().getKind() == TypeKind.ARRAY);
    }
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    return new AdjointCallRule(method, GradClassWriter.gradClassOf(owner, options.suffix()),
        method.getSimpleName() + "Adjoint", differentiated, arrays);
  }

  private Plan plan(ExecutableElement method, boolean publicApi, Set<String> wrt) {
    Plan plan = new Plan(method, publicApi, wrt, rule(method, wrt));
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
    boolean eligible = callee.getModifiers().contains(Modifier.STATIC)
        && !callee.getModifiers().contains(Modifier.ABSTRACT)
        && returnsDifferentiable(callee)
        && trees.getTree(callee) != null;
    if (!eligible) {
      return Optional.empty();
    }
    return Optional.of(plan(callee, false, differentiableParameters(callee)).rule);
  }

  /**
   * A {@code @Differentiable} method compiled elsewhere (another module, a jar): its generated
   * adjoint entry point is on the class path, and is called as it is, not derived again.
   */
  private Optional<AdjointCallRule> compiledAdjoint(ExecutableElement callee) {
    TypeElement owner = (TypeElement) callee.getEnclosingElement();
    TypeElement grad = elements.getTypeElement(
        GradClassWriter.gradClassOf(owner, options.suffix()).canonicalName());
    if (grad == null) {
      return Optional.empty();
    }
    String name = callee.getSimpleName() + "Adjoint";
    int arity = callee.getParameters().size();
    for (ExecutableElement m : javax.lang.model.util.ElementFilter.methodsIn(
        grad.getEnclosedElements())) {
      if (!m.getSimpleName().contentEquals(name) || m.getParameters().size() < arity + 3) {
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
          .lower(plan.differentiated);
      requirePrimalCopies(ir);
      requireTableCopies(ir, problems);
      if (problems.any()) {
        return;
      }
      ir = EvaluateOnce.apply(ir, rules, problems);
      plan.unit = unit;
      plan.impureCall = EvaluateOnce.firstImpureCall(ir, rules).orElse(null);
      Activity activity = Activity.analyze(ir, rules, problems);
      if (problems.any()) {
        return;
      }
      warnAboutDeadParameters(plan, ir, activity);
      plan.body = ReverseTransform.transform(ir, activity, rules, problems, identifiers(tree),
          labels(tree), checkpointEvery(method));
      if (!problems.any() && isTooLarge(plan.body.forward(), plan.body.reverse())) {
        diagnostics.error(method, "'" + method.getSimpleName() + "' is too large to"
            + " differentiate as one method: its gradient would exceed the JVM's 64 KB limit on"
            + " the bytecode of a method; split it into smaller methods, which Adjoint"
            + " differentiates one by one and calls through their adjoints");
        plan.body = null;
        return;
      }
      if (problems.any()) {
        plan.body = null;
      } else if (plan.publicApi && options.graph()) {
        plan.graph = graph(ir, unit, tree);
      }
    } catch (RuntimeException e) {
      diagnostics.error(method, "Adjoint could not differentiate '" + method.getSimpleName()
          + "' because of an internal error (" + e + "); please report it with this method's"
          + " source");
    }
  }

  /**
   * Private methods (or methods of private classes) that {@code ir} calls: generated code cannot
   * call them, so it calls a copy of each, written beside the gradients.
   */
  private void requirePrimalCopies(MethodIr ir) {
    dev.adjoint.processor.analysis.IrWalk.statements(ir.body(), s ->
        dev.adjoint.processor.analysis.IrWalk.ownExpressions(s, e ->
            dev.adjoint.processor.analysis.IrWalk.expressions(e, n -> {
              if (n instanceof dev.adjoint.processor.ir.Expr.Call c && c.receiver() == null
                  && Symbols.isPrivate(c.method()) && trees.getTree(c.method()) != null) {
                Plan callee = plans.get(c.method());
                if (callee == null) {
                  callee = plan(c.method(), false, returnsDifferentiable(c.method())
                      ? differentiableParameters(c.method()) : Set.of());
                }
                callee.needsPrimalCopy = true;
                queue(callee);
              }
            })));
  }

  /**
   * Private static final arrays that {@code ir} reads: generated code reads a copy of each, which
   * is right only for a table of literals that nothing changes.
   */
  private void requireTableCopies(MethodIr ir, MethodProblems problems) {
    dev.adjoint.processor.analysis.IrWalk.statements(ir.body(), s ->
        dev.adjoint.processor.analysis.IrWalk.ownExpressions(s, e ->
            dev.adjoint.processor.analysis.IrWalk.expressions(e, n -> {
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
          .lower(Set.of());
      requirePrimalCopies(ir);
      requireTableCopies(ir, problems);
      if (!problems.any()) {
        ir = EvaluateOnce.apply(ir, rules, problems);
        CodeBlock body = ReverseTransform.primal(ir, rules, problems, identifiers(tree),
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
   * The body of the method's computation-graph trace, with every double parameter as an input,
   * or null where there is none (arrays, or a parameter outside wrt that reaches a call without
   * a derivative).
   */
  private CodeBlock graph(MethodIr ir, CompilationUnitTree unit, MethodTree tree) {
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
    CodeBlock body = ReverseTransform.graph(everyDouble, activity, rules, quiet,
        identifiers(tree), labels(tree));
    return quiet.any() || body == null || isTooLarge(body) ? null : body;
  }

  /**
   * Whether generated code risks javac's 64 KB limit on a method's bytecode. Measured on
   * straight-line methods of Math calls (HugeInputTest): gradients of 122,000 characters and
   * graph traces of 113,000 compile; 145,000 and more do not.
   */
  private static boolean isTooLarge(CodeBlock... parts) {
    long size = 0;
    for (CodeBlock part : parts) {
      size += part.toString().length();
    }
    return size > 120_000;
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
    for (Variable p : ir.differentiated()) {
      if (!activity.influencesResult(p)) {
        VariableElement element = plan.method.getParameters().get(ir.parameters().indexOf(p));
        diagnostics.warning(element, "the result of '" + plan.method.getSimpleName()
            + "' does not depend on '" + p.sourceName() + "'; its gradient is always 0");
      }
    }
  }

  private static Set<String> identifiers(MethodTree tree) {
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

  private static Set<String> labels(MethodTree tree) {
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
      TypeElement owner = (TypeElement) plan.method.getEnclosingElement();
      owners.put(owner.getQualifiedName().toString(), owner);
      byOwner.computeIfAbsent(owner.getQualifiedName().toString(), k -> new ArrayList<>())
          .add(plan);
    }
    Map<String, List<GradClassWriter.TableCopy>> tablesByOwner = new HashMap<>();
    tableCopies.forEach((field, init) -> {
      TypeElement owner = (TypeElement) field.getEnclosingElement();
      owners.put(owner.getQualifiedName().toString(), owner);
      byOwner.computeIfAbsent(owner.getQualifiedName().toString(), k -> new ArrayList<>());
      tablesByOwner.computeIfAbsent(owner.getQualifiedName().toString(), k -> new ArrayList<>())
          .add(new GradClassWriter.TableCopy(field, init));
    });
    for (Map.Entry<String, List<Plan>> ownerPlans : byOwner.entrySet()) {
      List<Plan> group = ownerPlans.getValue();
      group.sort(Comparator.comparing(p -> sortKey(p.method)));
      TypeElement owner = owners.get(ownerPlans.getKey());
      Map<String, Integer> resultNames = new HashMap<>();
      List<GradClassWriter.Entry> entries = new ArrayList<>();
      for (Plan plan : group) {
        String base = capitalize(plan.method.getSimpleName().toString()) + "Gradient";
        int n = resultNames.merge(base, 1, Integer::sum);
        entries.add(new GradClassWriter.Entry(plan.method, plan.body, plan.publicApi,
            n == 1 ? base : base + n, plan.rule.adjointName(),
            List.copyOf(plan.differentiated), plan.graph, plan.primal));
      }
      try {
        GradClassWriter.write(owner, options.suffix(), entries,
            tablesByOwner.getOrDefault(ownerPlans.getKey(), List.of())).writeTo(env.getFiler());
        if (options.summary()) {
          env.getMessager().printMessage(javax.tools.Diagnostic.Kind.NOTE,
              GradClassWriter.summary(owner, options.suffix(), entries), owner);
        }
      } catch (IOException | RuntimeException e) {
        diagnostics.error(owner, "Adjoint could not write "
            + GradClassWriter.gradClassOf(owner, options.suffix())
            + ": " + e);
      }
    }
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
