package dev.adjoint.processor.rules;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The one place that decides how a called method is differentiated, in this order: the Math
 * table; {@code @Partial} methods declared beside the callee (how the runtime's helpers, and
 * users' own, bring their derivatives); an adjoint Adjoint generates; otherwise none.
 */
public final class RuleTable {
  private static final String PARTIAL = "dev.adjoint.Partial";
  private static final String PULLBACK = "dev.adjoint.Pullback";

  private final Types types;
  private final MathRules math;
  private final AdjointProvider adjoints;
  private final Map<ExecutableElement, Optional<DerivativeRule>> cache = new HashMap<>();

  public RuleTable(Elements elements, Types types, AdjointProvider adjoints) {
    this.types = types;
    this.math = new MathRules(new MathCalls(elements));
    this.adjoints = adjoints;
  }

  /** The rule for {@code method}, or empty when no derivative is known. */
  public Optional<DerivativeRule> ruleFor(ExecutableElement method) {
    Optional<DerivativeRule> cached = cache.get(method);
    if (cached != null) {
      return cached;
    }
    Optional<DerivativeRule> rule = compute(method);
    cache.put(method, rule);
    return rule;
  }

  private Optional<DerivativeRule> compute(ExecutableElement method) {
    if (!method.getModifiers().contains(Modifier.STATIC)) {
      return Optional.empty();
    }
    if (method.getReturnType().getKind() != TypeKind.DOUBLE) {
      return Optional.of(new ZeroDerivativeRule());
    }
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    String ownerName = owner.getQualifiedName().toString();
    if (ownerName.equals("java.lang.Math") || ownerName.equals("java.lang.StrictMath")) {
      boolean overDoubles = method.getParameters().stream()
          .allMatch(p -> p.asType().getKind() == TypeKind.DOUBLE);
      return overDoubles
          ? math.lookup(method.getSimpleName().toString(), method.getParameters().size())
          : Optional.empty();
    }
    Optional<DerivativeRule> declared = declaredPartials(method, owner);
    if (declared.isPresent()) {
      return declared;
    }
    Optional<DerivativeRule> pullback = declaredPullback(method, owner);
    if (pullback.isPresent()) {
      return pullback;
    }
    return adjoints.adjointOf(method).map(r -> r);
  }

  /** {@code @Partial(of = name, wrt = parameter)} methods in the callee's own class. */
  private Optional<DerivativeRule> declaredPartials(ExecutableElement method, TypeElement owner) {
    String name = method.getSimpleName().toString();
    List<? extends VariableElement> params = method.getParameters();
    Map<Integer, ExecutableElement> partials = new HashMap<>();
    for (ExecutableElement candidate : ElementFilter.methodsIn(owner.getEnclosedElements())) {
      AnnotationMirror partial = annotation(candidate, PARTIAL);
      if (partial == null || !name.equals(value(partial, "of"))
          || !sameParameterTypes(candidate, method)) {
        continue;
      }
      String wrt = value(partial, "wrt");
      for (int i = 0; i < params.size(); i++) {
        if (params.get(i).getSimpleName().contentEquals(wrt)) {
          partials.put(i, candidate);
        }
      }
    }
    if (partials.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new DeclaredPartials(partials));
  }

  /** A {@code @Pullback(of = name)} method in the callee's own class, matching its shape. */
  private Optional<DerivativeRule> declaredPullback(ExecutableElement method, TypeElement owner) {
    List<Integer> arrays = new ArrayList<>();
    List<? extends VariableElement> params = method.getParameters();
    for (int i = 0; i < params.size(); i++) {
      if (params.get(i).asType().toString().equals("double[]")) {
        arrays.add(i);
      }
    }
    for (ExecutableElement candidate : ElementFilter.methodsIn(owner.getEnclosedElements())) {
      AnnotationMirror pullback = annotation(candidate, PULLBACK);
      if (pullback == null || !method.getSimpleName().contentEquals(value(pullback, "of"))) {
        continue;
      }
      List<? extends VariableElement> p = candidate.getParameters();
      if (p.size() != params.size() + 1 + arrays.size()) {
        continue;
      }
      boolean matches = true;
      for (int i = 0; i < params.size(); i++) {
        matches &= types.isSameType(p.get(i).asType(), params.get(i).asType());
      }
      if (matches) {
        return Optional.of(new PullbackRule(candidate, arrays));
      }
    }
    return Optional.empty();
  }

  private boolean sameParameterTypes(ExecutableElement a, ExecutableElement b) {
    if (a.getParameters().size() != b.getParameters().size()) {
      return false;
    }
    for (int i = 0; i < a.getParameters().size(); i++) {
      if (!types.isSameType(a.getParameters().get(i).asType(),
          b.getParameters().get(i).asType())) {
        return false;
      }
    }
    return true;
  }

  static AnnotationMirror annotation(ExecutableElement element, String qualifiedName) {
    for (AnnotationMirror a : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) a.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return a;
      }
    }
    return null;
  }

  static String value(AnnotationMirror annotation, String member) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
        : annotation.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(member)) {
        return String.valueOf(e.getValue().getValue());
      }
    }
    return null;
  }

  /** Partials read from {@code @Partial} declarations: each is a call with the same arguments. */
  private record DeclaredPartials(Map<Integer, ExecutableElement> partials)
      implements PartialsRule {
    @Override
    public boolean differentiableIn(int index) {
      return partials.containsKey(index);
    }

    @Override
    public Expr partial(int index, List<Expr> args) {
      return new Expr.Call(partials.get(index), null, new ArrayList<>(args), IrType.DOUBLE, null);
    }
  }
}
