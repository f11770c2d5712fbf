package dev.adjoint.processor;

import dev.adjoint.processor.abi.FlatParameters;
import dev.adjoint.processor.diag.Diagnostics;
import dev.adjoint.processor.diag.Problem;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.util.Trees;

/**
 * The record bits of validating a {@code @Differentiable} method: which parameters are
 * differentiable records, {@code wrt} component paths ({@code "model.w1"}), and records that
 * generated code cannot flatten or build back (see {@link FlatParameters}).
 */
final class RecordParameters {
  private RecordParameters() {}

  /** Whether {@code p} is a differentiable record. */
  static boolean isRecord(VariableElement p) {
    return FlatParameters.differentiableRecord(p.asType()).isPresent();
  }

  /**
   * What is wrong with a {@code wrt} entry that names a component path, or empty when it names
   * a component that carries derivatives (a double, an array of them, a record of them).
   */
  static Optional<String> wrtPathProblem(ExecutableElement method, String path) {
    String root = path.substring(0, path.indexOf('.'));
    Set<String> records = method.getParameters().stream().filter(RecordParameters::isRecord)
        .map(p -> p.getSimpleName().toString())
        .collect(Collectors.toCollection(java.util.HashSet::new));
    if (FlatParameters.selfRecord(method).isPresent()) {
      records.add(FlatParameters.SELF);
    }
    if (!records.contains(root)) {
      boolean exists = method.getParameters().stream()
          .anyMatch(p -> p.getSimpleName().contentEquals(root));
      return Optional.of(exists
          ? "wrt names '" + path + "', but '" + root + "' is not a record of doubles, double[]"
              + " or double[][]; a component path can only start at such a record parameter"
          : "wrt names '" + path + "', but '" + method.getSimpleName() + "' has no parameter"
              + " named '" + root + "'");
    }
    FlatParameters flat = FlatParameters.of(method, records);
    Optional<FlatParameters.Node> node = flat.resolve(path);
    if (node.isEmpty()) {
      return Optional.of("wrt names '" + path + "', but the record has no component at that"
          + " path; name a component as the record declares it: \"" + root + ".w\"");
    }
    boolean carries = flat.leavesOf(node.get()).stream()
        .anyMatch(l -> FlatParameters.carriesDerivative(l.type()));
    return carries ? Optional.empty() : Optional.of("wrt names '" + path + "', which cannot be"
        + " differentiated; only components of type double, double[] or double[][] (or records"
        + " of them) can");
  }

  /**
   * Reports each differentiated record parameter that generated code cannot flatten or build
   * back, at the parameter. Returns whether all is well.
   */
  static boolean checkRecords(ExecutableElement method, Set<String> differentiated,
      Elements elements, Trees trees, Diagnostics diagnostics) {
    boolean ok = true;
    Optional<TypeElement> self = FlatParameters.selfRecord(method);
    if (self.isPresent()) {
      Optional<String> problem = problemWith(self.get(), elements, trees);
      if (problem.isPresent()) {
        diagnostics.error(method, Problem.UNSUPPORTED_RECORD, problem.get());
        ok = false;
      }
      for (VariableElement p : method.getParameters()) {
        if (p.getSimpleName().contentEquals(FlatParameters.SELF)) {
          diagnostics.error(p, Problem.RESERVED_NAME,
              "a parameter of an instance method of a record cannot be named"
              + " 'self': the generated gradient method takes the record under that name");
          ok = false;
        }
      }
    }
    for (VariableElement p : method.getParameters()) {
      String name = p.getSimpleName().toString();
      Optional<TypeElement> record = FlatParameters.differentiableRecord(p.asType());
      if (record.isEmpty() || differentiated.stream()
          .noneMatch(d -> d.equals(name) || d.startsWith(name + "."))) {
        continue;
      }
      Optional<String> problem = problemWith(record.get(), elements, trees);
      if (problem.isPresent()) {
        diagnostics.error(p, Problem.UNSUPPORTED_RECORD, problem.get());
        ok = false;
      }
    }
    return ok;
  }

  /** The error for an instance method Adjoint cannot differentiate. */
  static String notStaticMessage(ExecutableElement method) {
    String name = method.getSimpleName().toString();
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    if (owner.getKind() == javax.lang.model.element.ElementKind.RECORD) {
      return "@Differentiable method '" + name + "' is an instance method of record "
          + owner.getSimpleName() + ", which has no double, double[] or double[][] component"
          + " (nor a record of them) to differentiate; make it static";
    }
    return dev.adjoint.processor.abi.ModelClasses.notAModelMessage(name, owner);
  }

  /** What keeps the receiver of a class's instance method from being differentiated. */
  private static Optional<String> classProblem(TypeElement type, Elements elements,
      Trees trees) {
    Optional<String> own = dev.adjoint.processor.abi.ModelClasses.problemWith(type);
    if (own.isPresent()) {
      return own;
    }
    for (VariableElement f : dev.adjoint.processor.abi.ModelClasses.fields(type)) {
      Optional<TypeElement> nested = FlatParameters.differentiableRecord(f.asType());
      if (nested.isPresent()) {
        Optional<String> inner = problemWith(nested.get(), elements, trees);
        if (inner.isPresent()) {
          return inner;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Why generated code cannot flatten {@code record} and build its gradient (it is private, an
   * accessor of its own returns something other than its field, it declares a canonical
   * constructor of its own), or empty when it can; nested records included.
   */
  static Optional<String> problemWith(TypeElement record, Elements elements, Trees trees) {
    if (record.getKind() == javax.lang.model.element.ElementKind.CLASS) {
      return classProblem(record, elements, trees);
    }
    for (javax.lang.model.element.Element e = record; e instanceof TypeElement t;
        e = t.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        return Optional.of("record " + record.getSimpleName() + " is private (or inside a"
            + " private class), and the generated class cannot see it; make it package-private");
      }
    }
    for (RecordComponentElement c : record.getRecordComponents()) {
      if (!returnsItsField(c, trees)) {
        return Optional.of("record " + record.getSimpleName() + " declares its own accessor "
            + c.getSimpleName() + "(), which returns something other than the component, and"
            + " Adjoint reads a record's components as the values it holds; remove the accessor"
            + " (or give the computed value a method of another name)");
      }
    }
    for (ExecutableElement ctor : ElementFilter.constructorsIn(record.getEnclosedElements())) {
      if (isCanonical(record, ctor)
          && elements.getOrigin(ctor) == Elements.Origin.EXPLICIT) {
        return Optional.of("record " + record.getSimpleName() + " declares its own canonical"
            + " constructor, which would also run on the gradient Adjoint builds as a "
            + record.getSimpleName() + " (a gradient need not pass a validation, and must not"
            + " be normalised); move the checks into a static factory method");
      }
    }
    for (RecordComponentElement c : record.getRecordComponents()) {
      Optional<TypeElement> nested = FlatParameters.differentiableRecord(c.asType());
      if (nested.isPresent()) {
        Optional<String> inner = problemWith(nested.get(), elements, trees);
        if (inner.isPresent()) {
          return inner;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the component's accessor returns the component's field: javac's own, or one
   * written as {@code return w;} / {@code return this.w;}. Without source, assumed.
   */
  private static boolean returnsItsField(RecordComponentElement c, Trees trees) {
    ExecutableElement accessor = c.getAccessor();
    MethodTree tree = accessor == null ? null : trees.getTree(accessor);
    if (tree == null || tree.getBody() == null) {
      return true;
    }
    if (tree.getBody().getStatements().size() != 1
        || !(tree.getBody().getStatements().get(0) instanceof ReturnTree r)) {
      return false;
    }
    ExpressionTree e = r.getExpression();
    String name = c.getSimpleName().toString();
    return e instanceof IdentifierTree id && id.getName().contentEquals(name)
        || e instanceof MemberSelectTree s && s.getIdentifier().contentEquals(name)
            && s.getExpression() instanceof IdentifierTree self
            && self.getName().contentEquals("this");
  }

  private static boolean isCanonical(TypeElement record, ExecutableElement ctor) {
    List<? extends RecordComponentElement> components = record.getRecordComponents();
    if (ctor.getParameters().size() != components.size()) {
      return false;
    }
    for (int i = 0; i < components.size(); i++) {
      if (!ctor.getParameters().get(i).asType().toString()
          .equals(components.get(i).asType().toString())) {
        return false;
      }
    }
    return true;
  }
}
