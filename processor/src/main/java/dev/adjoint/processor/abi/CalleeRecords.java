package dev.adjoint.processor.abi;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * How a call passes the records a {@code @Differentiable} callee takes: its adjoint entry point
 * (and the copy of it that computes its value) takes each record its {@code wrt} names, or a
 * component path under, flattened into leaves ({@link FlatParameters}), so a caller passes the
 * leaves in the record's place. The front end lays the arguments out by it, and the code
 * generator calls the copy for such a call's value; both read the annotation the way the
 * callee's own plan does (wrt as written, or every differentiable record not marked
 * {@code @NonDifferentiable}).
 */
public final class CalleeRecords {
  private CalleeRecords() {}

  /**
   * The flattening of {@code callee}'s parameters when it is a {@code @Differentiable} method
   * that flattens a record parameter (the receiver aside); empty for any other method.
   */
  public static Optional<FlatParameters> flattening(ExecutableElement callee) {
    AnnotationMirror mirror = annotation(callee, RuntimeTypes.DIFFERENTIABLE);
    if (mirror == null) {
      return Optional.empty();
    }
    Set<String> wrt = new LinkedHashSet<>();
    AnnotationValue written = null;
    for (var e : mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals("wrt")) {
        written = e.getValue();
      }
    }
    if (written != null) {
      @SuppressWarnings("unchecked")
      List<AnnotationValue> values = (List<AnnotationValue>) written.getValue();
      values.forEach(v -> wrt.add(String.valueOf(v.getValue())));
    } else {
      for (VariableElement p : callee.getParameters()) {
        if (FlatParameters.differentiableRecord(p.asType()).isPresent()
            && annotation(p, RuntimeTypes.NON_DIFFERENTIABLE) == null) {
          wrt.add(p.getSimpleName().toString());
        }
      }
    }
    FlatParameters flat = FlatParameters.of(callee, wrt);
    for (int i = 0; i < callee.getParameters().size(); i++) {
      if (flat.roots().get(i) instanceof FlatParameters.RecordNode) {
        return Optional.of(flat);
      }
    }
    return Optional.empty();
  }

  /** Whether a call of {@code callee} passes some record argument as its leaves. */
  public static boolean flattensArguments(ExecutableElement callee) {
    return flattening(callee).isPresent();
  }

  /**
   * A name for what a call passes as its {@code i}-th argument: the parameter's, the leaf's
   * ({@code p$w}) when the callee takes records as leaves, {@code self} for the receiver's
   * components (which a record's method takes after its parameters).
   */
  public static String argumentName(ExecutableElement callee, int i) {
    Optional<FlatParameters> flat = flattening(callee);
    if (flat.isEmpty()) {
      return i < callee.getParameters().size()
          ? callee.getParameters().get(i).getSimpleName().toString() : FlatParameters.SELF;
    }
    List<FlatParameters.Leaf> leaves = flat.get().leaves();
    return i < leaves.size() && flat.get().parameterIndex(leaves.get(i).root()) >= 0
        ? leaves.get(i).variableName() : FlatParameters.SELF;
  }

  private static AnnotationMirror annotation(javax.lang.model.element.Element e, String name) {
    for (AnnotationMirror a : e.getAnnotationMirrors()) {
      if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(name)) {
        return a;
      }
    }
    return null;
  }
}
