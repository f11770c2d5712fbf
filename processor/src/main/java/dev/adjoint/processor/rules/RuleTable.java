package dev.adjoint.processor.rules;

import dev.adjoint.processor.abi.RuntimeTypes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;

/**
 * The one place that decides how a called method is differentiated, in this order: a
 * {@code @NonDifferentiable} method has none (a stop-gradient); the Math table; derivatives
 * declared with {@code @Partial} or {@code @Pullback} (how the runtime's helpers, and users' own,
 * bring theirs; a declaration replaces the adjoint Adjoint would generate); an adjoint Adjoint
 * generates; otherwise none.
 */
public final class RuleTable {
  static final String NON_DIFFERENTIABLE = RuntimeTypes.NON_DIFFERENTIABLE;

  private final MathRules math;
  private final DerivativeDeclarations declarations;
  private final AdjointProvider adjoints;
  private final Map<ExecutableElement, Optional<DerivativeRule>> cache = new HashMap<>();

  private final LogisticHelpers logistic;

  public RuleTable(Elements elements, DerivativeDeclarations declarations,
      AdjointProvider adjoints) {
    this(elements, declarations, adjoints, LogisticHelpers.NONE);
  }

  public RuleTable(Elements elements, DerivativeDeclarations declarations,
      AdjointProvider adjoints, LogisticHelpers logistic) {
    this.declarations = declarations;
    this.math = new MathRules(new MathCalls(elements));
    this.adjoints = adjoints;
    this.logistic = logistic;
  }

  /**
   * Whether calls of {@code method} may be differentiated from their result as the logistic
   * function's, {@code s (1 - s)}: a helper recognized by {@link LogisticHelpers} that is
   * differentiated here (no declared derivative of the user's to honour).
   */
  public boolean isLogistic(ExecutableElement method) {
    return logistic.isLogistic(method)
        && ruleFor(method).filter(r -> r instanceof AdjointCallRule).isPresent();
  }

  /** Classes all of whose methods are functions of their arguments (and receiver). */
  private static final java.util.Set<String> PURE_CLASSES = java.util.Set.of(
      "java.lang.Double", "java.lang.Float", "java.lang.Integer", "java.lang.Long",
      "java.lang.Short", "java.lang.Byte", "java.lang.Character", "java.lang.Boolean",
      "java.lang.String", "java.lang.Number", "java.util.Objects");

  /**
   * Whether a call to {@code method} may be evaluated again, in the reverse sweep, with the same
   * result: the methods of {@code Math} and {@code StrictMath} but {@code random}, and those of
   * the boxes, {@code String} and {@code Objects}. Any other call without a derivative rule is
   * evaluated exactly once, where the original evaluates it.
   */
  public static boolean isPure(ExecutableElement method) {
    if (!(method.getEnclosingElement() instanceof TypeElement owner)) {
      return false;
    }
    String ownerName = owner.getQualifiedName().toString();
    if (ownerName.equals("java.lang.Math") || ownerName.equals("java.lang.StrictMath")) {
      return method.getModifiers().contains(Modifier.STATIC)
          && !method.getSimpleName().contentEquals("random");
    }
    return PURE_CLASSES.contains(ownerName);
  }

  /**
   * Whether a call of {@code method} may write into the array it receives as argument
   * {@code index}: a method with source here that stores into it, a row of it or an alias.
   */
  public boolean mayWriteArrayArgument(ExecutableElement method, int index) {
    return adjoints.mayWriteArrayArgument(method, index);
  }

  /** Whether a call of {@code method} may return an array it received, or a row of one. */
  public boolean mayReturnArrayArgument(ExecutableElement method) {
    return adjoints.mayReturnArrayArgument(method);
  }

  /** The argument a call of {@code method} provably returns (or the row of one), if any. */
  public java.util.Optional<ReturnedArgument> returnedArgument(ExecutableElement method) {
    return adjoints.returnedArgument(method);
  }

  /**
   * Whether running {@code method}, a method whose adjoint Adjoint generates, may do more than
   * compute its result (write a field, call {@code Math.random()}): then it must run only once.
   */
  public boolean mayHaveEffects(ExecutableElement method) {
    return adjoints.mayHaveEffects(method);
  }

  /** The class generated for {@code owner}: its gradients and copies of its private members. */
  public com.palantir.javapoet.ClassName generatedClassOf(TypeElement owner) {
    return adjoints.generatedClassOf(owner);
  }

  /**
   * Whether running {@code method}, a method with source, may read a field that is not final or
   * that holds an array: state that a call elsewhere could change.
   */
  public boolean readsMutableState(ExecutableElement method) {
    return adjoints.readsMutableState(method);
  }

  /** Records that generated code calls {@code rule}'s adjoint entry point. */
  public void require(AdjointCallRule rule) {
    adjoints.require(rule);
  }

  /**
   * The forward-mode rule declared with {@code @Tangent} for {@code method}, a helper over
   * arrays whose rule is a {@link PullbackRule}: called with the helper's arguments and one
   * direction per {@code double[]} parameter, it returns the directional derivative.
   */
  public Optional<ExecutableElement> tangentOf(ExecutableElement method) {
    return declarations.tangentFor(method);
  }

  /**
   * The helper whose {@code @Pullback} {@code pullback} is, when the helper's rule was looked up
   * already (as the reverse sweep that calls the pullback did).
   */
  public Optional<ExecutableElement> originalOfPullback(ExecutableElement pullback) {
    return declarations.originalOfPullback(pullback);
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
      // An instance method of a record is called on its leaves (FlatParameters), through its
      // adjoint; any other instance method has no derivative.
      return dev.adjoint.processor.abi.FlatParameters.selfRecord(method).isPresent()
          && !isAccessor(method) ? adjoints.adjointOf(method).map(r -> r) : Optional.empty();
    }
    if (DerivativeDeclarations.annotation(method, NON_DIFFERENTIABLE) != null) {
      return Optional.of(new ZeroDerivativeRule());
    }
    String returned = method.getReturnType().toString();
    if (!returned.equals("double") && !returned.equals("double[]")
        && !dev.adjoint.processor.analysis.WritingCalls.isVoidWithArrays(method)) {
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
    Optional<DerivativeRule> declared = declarations.ruleFor(method);
    if (declared.isPresent()) {
      return declared;
    }
    return adjoints.adjointOf(method).map(r -> r);
  }

  private static boolean isAccessor(ExecutableElement method) {
    return ((TypeElement) method.getEnclosingElement()).getRecordComponents().stream()
        .anyMatch(c -> method.equals(c.getAccessor()));
  }
}
