package dev.adjoint.processor.rules;

import dev.adjoint.processor.abi.RuntimeTypes;
import dev.adjoint.processor.diag.Diagnostics;
import dev.adjoint.processor.diag.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Derivatives declared in code with {@code @Partial} and {@code @Pullback}: the runtime's helpers
 * and users' own, beside the original or in a rules class of their own ({@code in = C.class}).
 * Rules classes are indexed when first seen; declarations compiled in this round are also checked,
 * and errors reported at the declaration.
 */
public final class DerivativeDeclarations {
  static final String PARTIAL = RuntimeTypes.PARTIAL;
  static final String PULLBACK = RuntimeTypes.PULLBACK;
  static final String TANGENT = RuntimeTypes.TANGENT;

  private final Types types;
  private final Diagnostics diagnostics;
  private final Set<TypeElement> indexed = new HashSet<>();
  private final Map<ExecutableElement, Map<Integer, ExecutableElement>> partials =
      new LinkedHashMap<>();
  private final Map<ExecutableElement, ExecutableElement> pullbacks = new HashMap<>();
  private final Map<ExecutableElement, ExecutableElement> tangents = new HashMap<>();

  public DerivativeDeclarations(Types types, Diagnostics diagnostics) {
    this.types = types;
    this.diagnostics = diagnostics;
  }

  /** The declared rule for {@code original}, if any. */
  Optional<DerivativeRule> ruleFor(ExecutableElement original) {
    index((TypeElement) original.getEnclosingElement(), false);
    Map<Integer, ExecutableElement> declared = partials.get(original);
    if (declared != null) {
      return Optional.of(new DeclaredPartials(declared));
    }
    ExecutableElement pullback = pullbacks.get(original);
    if (pullback != null) {
      return Optional.of(new PullbackRule(pullback, arrayParameters(original)));
    }
    return Optional.empty();
  }

  /** The method whose {@code @Pullback} {@code pullback} is, among those indexed, if any. */
  Optional<ExecutableElement> originalOfPullback(ExecutableElement pullback) {
    return pullbacks.entrySet().stream().filter(e -> e.getValue().equals(pullback))
        .map(Map.Entry::getKey).findFirst();
  }

  /** The {@code @Tangent} declared for {@code original}, if any. */
  Optional<ExecutableElement> tangentFor(ExecutableElement original) {
    index((TypeElement) original.getEnclosingElement(), false);
    return Optional.ofNullable(tangents.get(original));
  }

  /**
   * Reads every declaration in {@code rules}. With {@code report}, a declaration that matches no
   * method, or repeats one already declared, is an error at the declaration; otherwise it is
   * skipped (a class from a jar was checked when it was compiled).
   */
  public void index(TypeElement rules, boolean report) {
    if (!indexed.add(rules)) {
      return;
    }
    for (ExecutableElement m : ElementFilter.methodsIn(rules.getEnclosedElements())) {
      AnnotationMirror partial = annotation(m, PARTIAL);
      if (partial != null) {
        declarePartial(rules, m, partial, report);
      }
      AnnotationMirror pullback = annotation(m, PULLBACK);
      if (pullback != null) {
        declarePullback(rules, m, pullback, report);
      }
      AnnotationMirror tangent = annotation(m, TANGENT);
      if (tangent != null) {
        declareTangent(rules, m, tangent, report);
      }
    }
  }

  private void declarePartial(TypeElement rules, ExecutableElement m, AnnotationMirror a,
      boolean report) {
    String of = String.valueOf(value(a, "of"));
    String wrt = String.valueOf(value(a, "wrt"));
    TypeElement owner = owner(rules, a);
    ExecutableElement original = findOriginal(owner, of, m.getParameters());
    if (original == null) {
      fail(report, m, a, Problem.INVALID_DERIVATIVE,
          "@Partial(of = \"" + of + "\") matches no static method " + of
          + parametersOf(m) + " in " + owner.getQualifiedName() + "; a partial takes exactly"
          + " the original's parameters");
      return;
    }
    if (!checkShape(m, a, report, TypeKind.DOUBLE, "a partial derivative returns double")) {
      return;
    }
    int index = parameterIndex(original, wrt);
    if (index < 0) {
      fail(report, m, a, Problem.INVALID_DERIVATIVE,
          "@Partial(wrt = \"" + wrt + "\") names no parameter of "
          + owner.getSimpleName() + "." + of);
      return;
    }
    Map<Integer, ExecutableElement> byParameter =
        partials.computeIfAbsent(original, k -> new LinkedHashMap<>());
    ExecutableElement previous = byParameter.putIfAbsent(index, m);
    if (previous != null && !previous.equals(m)) {
      fail(report, m, a, Problem.DUPLICATE_DERIVATIVE,
          "the derivative of " + owner.getSimpleName() + "." + of
          + " with respect to '" + wrt + "' is already declared by "
          + ((TypeElement) previous.getEnclosingElement()).getSimpleName() + "."
          + previous.getSimpleName());
    }
  }

  private void declarePullback(TypeElement rules, ExecutableElement m, AnnotationMirror a,
      boolean report) {
    String of = String.valueOf(value(a, "of"));
    TypeElement owner = owner(rules, a);
    List<? extends VariableElement> params = m.getParameters();
    ExecutableElement original = null;
    for (ExecutableElement candidate : ElementFilter.methodsIn(owner.getEnclosedElements())) {
      if (candidate.getSimpleName().contentEquals(of)
          && pullbackMatches(candidate, params)) {
        original = candidate;
      }
    }
    if (original == null) {
      fail(report, m, a, Problem.INVALID_DERIVATIVE,
          "@Pullback(of = \"" + of + "\") matches no static method " + of
          + " in " + owner.getQualifiedName() + "; a pullback takes the original's parameters,"
          + " then double seed, then one double[] adjoint per double[] parameter");
      return;
    }
    if (!checkShape(m, a, report, TypeKind.VOID, "a pullback returns void")) {
      return;
    }
    ExecutableElement previous = pullbacks.putIfAbsent(original, m);
    if (previous != null && !previous.equals(m)) {
      fail(report, m, a, Problem.DUPLICATE_DERIVATIVE,
          "a pullback of " + owner.getSimpleName() + "." + of
          + " is already declared by "
          + ((TypeElement) previous.getEnclosingElement()).getSimpleName() + "."
          + previous.getSimpleName());
    }
  }

  private void declareTangent(TypeElement rules, ExecutableElement m, AnnotationMirror a,
      boolean report) {
    String of = String.valueOf(value(a, "of"));
    TypeElement owner = owner(rules, a);
    ExecutableElement original = null;
    for (ExecutableElement candidate : ElementFilter.methodsIn(owner.getEnclosedElements())) {
      if (candidate.getSimpleName().contentEquals(of)
          && tangentMatches(candidate, m.getParameters())) {
        original = candidate;
      }
    }
    if (original == null) {
      fail(report, m, a, Problem.INVALID_DERIVATIVE,
          "@Tangent(of = \"" + of + "\") matches no static method " + of
          + " in " + owner.getQualifiedName() + "; a tangent takes the original's parameters,"
          + " then one double[] direction per double[] parameter, and returns the original's"
          + " type");
      return;
    }
    if (!checkShape(m, a, report, original.getReturnType().getKind(),
        "a tangent returns what the original returns")
        || !types.isSameType(m.getReturnType(), original.getReturnType())) {
      return;
    }
    ExecutableElement previous = tangents.putIfAbsent(original, m);
    if (previous != null && !previous.equals(m)) {
      fail(report, m, a, Problem.DUPLICATE_DERIVATIVE,
          "a tangent of " + owner.getSimpleName() + "." + of
          + " is already declared by "
          + ((TypeElement) previous.getEnclosingElement()).getSimpleName() + "."
          + previous.getSimpleName());
    }
  }

  private boolean tangentMatches(ExecutableElement original,
      List<? extends VariableElement> tangent) {
    List<? extends VariableElement> params = original.getParameters();
    List<Integer> arrays = arrayParameters(original);
    if (tangent.size() != params.size() + arrays.size()) {
      return false;
    }
    for (int i = 0; i < params.size(); i++) {
      if (!types.isSameType(params.get(i).asType(), tangent.get(i).asType())) {
        return false;
      }
    }
    for (int k = 0; k < arrays.size(); k++) {
      if (!tangent.get(params.size() + k).asType().toString().equals("double[]")) {
        return false;
      }
    }
    return true;
  }

  private boolean checkShape(ExecutableElement m, AnnotationMirror a, boolean report,
      TypeKind returns, String rule) {
    if (!m.getModifiers().contains(Modifier.STATIC)) {
      fail(report, m, a, Problem.INVALID_DERIVATIVE, "a declared derivative must be static");
      return false;
    }
    if (m.getReturnType().getKind() != returns) {
      fail(report, m, a, Problem.INVALID_DERIVATIVE, rule + ", not " + m.getReturnType());
      return false;
    }
    return true;
  }

  private boolean pullbackMatches(ExecutableElement original,
      List<? extends VariableElement> pullback) {
    List<? extends VariableElement> params = original.getParameters();
    List<Integer> arrays = arrayParameters(original);
    if (pullback.size() != params.size() + 1 + arrays.size()) {
      return false;
    }
    for (int i = 0; i < params.size(); i++) {
      if (!types.isSameType(params.get(i).asType(), pullback.get(i).asType())) {
        return false;
      }
    }
    if (pullback.get(params.size()).asType().getKind() != TypeKind.DOUBLE) {
      return false;
    }
    for (int k = 0; k < arrays.size(); k++) {
      if (!pullback.get(params.size() + 1 + k).asType().toString().equals("double[]")) {
        return false;
      }
    }
    return true;
  }

  private ExecutableElement findOriginal(TypeElement owner, String name,
      List<? extends VariableElement> params) {
    for (ExecutableElement candidate : ElementFilter.methodsIn(owner.getEnclosedElements())) {
      if (candidate.getSimpleName().contentEquals(name)
          && candidate.getModifiers().contains(Modifier.STATIC)
          && sameParameterTypes(candidate.getParameters(), params)) {
        return candidate;
      }
    }
    return null;
  }

  private boolean sameParameterTypes(List<? extends VariableElement> a,
      List<? extends VariableElement> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!types.isSameType(a.get(i).asType(), b.get(i).asType())) {
        return false;
      }
    }
    return true;
  }

  private static int parameterIndex(ExecutableElement method, String name) {
    List<? extends VariableElement> params = method.getParameters();
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).getSimpleName().contentEquals(name)) {
        return i;
      }
    }
    return -1;
  }

  static List<Integer> arrayParameters(ExecutableElement method) {
    List<Integer> arrays = new ArrayList<>();
    List<? extends VariableElement> params = method.getParameters();
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).asType().toString().equals("double[]")) {
        arrays.add(i);
      }
    }
    return arrays;
  }

  private static String parametersOf(ExecutableElement m) {
    List<String> types = new ArrayList<>();
    for (VariableElement p : m.getParameters()) {
      types.add(p.asType().toString());
    }
    return "(" + String.join(", ", types) + ")";
  }

  /** The class named by {@code in}, or the declaring class when {@code in} is left out. */
  private static TypeElement owner(TypeElement rules, AnnotationMirror a) {
    Object in = value(a, "in");
    if (in instanceof TypeMirror t && t instanceof DeclaredType d) {
      return (TypeElement) d.asElement();
    }
    return rules;
  }

  private void fail(boolean report, ExecutableElement m, AnnotationMirror a, Problem problem,
      String message) {
    if (report) {
      diagnostics.error(m, a, null, problem, message);
    }
  }

  static AnnotationMirror annotation(javax.lang.model.element.Element element,
      String qualifiedName) {
    for (AnnotationMirror a : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) a.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return a;
      }
    }
    return null;
  }

  static Object value(AnnotationMirror annotation, String member) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
        : annotation.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(member)) {
        return e.getValue().getValue();
      }
    }
    return null;
  }

  /**
   * Partials read from {@code @Partial} declarations: each is a call with the same arguments, but
   * the runtime's piecewise ones, which are written out as selects ({@link RuntimeSelects}).
   */
  private record DeclaredPartials(Map<Integer, ExecutableElement> partials)
      implements PartialsRule {
    @Override
    public boolean differentiableIn(int index) {
      return partials.containsKey(index);
    }

    @Override
    public dev.adjoint.processor.ir.Expr partial(int index,
        List<dev.adjoint.processor.ir.Expr> args) {
      ExecutableElement partial = partials.get(index);
      return RuntimeSelects.inline(partial, args).orElseGet(() ->
          new dev.adjoint.processor.ir.Expr.Call(partial, null, new ArrayList<>(args),
              dev.adjoint.processor.ir.IrType.DOUBLE, null));
    }
  }
}
