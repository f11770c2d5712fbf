package dev.adjoint.processor.frontend;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import dev.adjoint.processor.abi.FlatParameters;
import dev.adjoint.processor.abi.RuntimeTypes;
import dev.adjoint.processor.diag.MethodProblems;
import dev.adjoint.processor.diag.Problem;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Front end for flattened record parameters ({@link FlatParameters}): a read of a component,
 * {@code model.w1()}, {@code model.w1} or {@code model.inner().a()}, is the leaf's variable; the
 * record itself, or a nested record, used otherwise (passed on, its methods called) is an error
 * at the expression, since its derivative would have nowhere to go.
 */
final class RecordLowering {
  private static final String THIS = "this";

  private final MethodProblems problems;
  private final Scope scope;
  private final Map<String, FlatParameters.Node> roots = new HashMap<>();
  private final Map<Integer, Variable> leafVariables = new HashMap<>();
  /** The receiver of an instance method of a record, flattened; null in a static method. */
  private FlatParameters.RecordNode self;

  RecordLowering(MethodProblems problems, Scope scope) {
    this.problems = problems;
    this.scope = scope;
  }

  /**
   * Declares the receiver of an instance method of a record: {@code this.w}, {@code w},
   * {@code w()} and {@code this.w()} read its leaves.
   */
  void declareSelf(FlatParameters.RecordNode node, Map<Integer, Variable> variables) {
    self = node;
    declare(THIS, node, variables);
  }

  /** Declares a flattened record parameter, whose leaves are {@code variables} (by leaf index). */
  void declare(String name, FlatParameters.Node node, Map<Integer, Variable> variables) {
    roots.put(name, node);
    leafVariables.putAll(variables);
  }

  /**
   * Hides the records named {@code names} (an inlined helper's parameters, which may reuse the
   * caller's names) and returns what {@link #restoreRoots} needs to bring them back.
   */
  Map<String, FlatParameters.Node> saveRoots(List<String> names) {
    Map<String, FlatParameters.Node> saved = new HashMap<>();
    for (String name : names) {
      saved.put(name, roots.remove(name));
    }
    return saved;
  }

  /** Undoes {@link #saveRoots}: the names mean again what they meant before. */
  void restoreRoots(Map<String, FlatParameters.Node> saved) {
    saved.forEach((name, node) -> {
      if (node == null) {
        roots.remove(name);
      } else {
        roots.put(name, node);
      }
    });
  }

  /** A flattened record a method is called on: its type and its leaves, in order. */
  record Receiver(TypeElement type, List<Expr> leaves) {}

  private java.util.function.Function<TypeElement, Optional<String>> check = r -> Optional.empty();

  void checkingRecords(java.util.function.Function<TypeElement, Optional<String>> check) {
    this.check = check;
  }

  private java.util.function.Predicate<ExecutableElement> hasSource = m -> false;

  void sourcesOf(java.util.function.Predicate<ExecutableElement> hasSource) {
    this.hasSource = hasSource;
  }

  /**
   * Whether {@code method} is differentiated in this compilation, so that a call can pass its
   * records' leaves ({@link RecordArguments}); a callee compiled elsewhere takes them as it was
   * compiled, which is not known here.
   */
  boolean hasSource(ExecutableElement method) {
    return hasSource.test(method);
  }

  /** What is wrong with flattening {@code record} in the body, or empty. */
  Optional<String> problemWith(TypeElement record) {
    return check.apply(record);
  }

  /** The receiver of the method being lowered, when it is an instance method of a record. */
  Optional<Receiver> self(Tree at) {
    return self == null ? Optional.empty() : Optional.of(receiverOf(self, at));
  }

  /**
   * The flattened record {@code tree} names ({@code this}, {@code m}, {@code m.hidden()}), as the
   * receiver of a call; empty when it names none.
   */
  Optional<Receiver> receiver(ExpressionTree tree) {
    List<String> path = path(tree);
    if (path == null || !roots.containsKey(path.get(0))) {
      return Optional.empty();
    }
    FlatParameters.Node node = roots.get(path.get(0));
    for (int i = 1; i < path.size(); i++) {
      if (!(node instanceof FlatParameters.RecordNode r)
          || r.component(path.get(i)).isEmpty()) {
        return Optional.empty();
      }
      node = r.component(path.get(i)).get();
    }
    return node instanceof FlatParameters.RecordNode r ? Optional.of(receiverOf(r, tree))
        : Optional.empty();
  }

  private Receiver receiverOf(FlatParameters.RecordNode node, Tree at) {
    List<Expr> leaves = new ArrayList<>();
    collectLeaves(node, at, leaves);
    return new Receiver(node.type(), leaves);
  }

  private void collectLeaves(FlatParameters.Node node, Tree at, List<Expr> out) {
    if (node instanceof FlatParameters.LeafNode l) {
      out.add(new Expr.VarRef(leafVariables.get(l.leaf()), at));
    } else {
      for (FlatParameters.Node c : ((FlatParameters.RecordNode) node).components()) {
        collectLeaves(c, at, out);
      }
    }
  }

  /**
   * Whether {@code method} is an instance method of a differentiable record returning double or
   * double[], other than a component's accessor: a call to it passes the receiver's leaves after
   * its arguments, and calls the method's adjoint (and, for its value, a copy of it over the
   * leaves).
   */
  static boolean isRecordMethod(ExecutableElement method) {
    if (FlatParameters.selfRecord(method).isEmpty()) {
      return false;
    }
    String returned = method.getReturnType().toString();
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    return (returned.equals("double") || returned.equals("double[]"))
        && owner.getRecordComponents().stream().noneMatch(c -> method.equals(c.getAccessor()));
  }

  /**
   * Whether a call of {@code method} on a value Adjoint does not flatten is an error: a record's
   * method (a class's method called on another object is evaluated as is, a method of an
   * object).
   */
  static boolean isOpaqueRecordMethod(ExecutableElement method) {
    return isRecordMethod(method) && method.getEnclosingElement().getKind()
        == javax.lang.model.element.ElementKind.RECORD;
  }

  /**
   * Reports a call of a record's method on a value Adjoint does not flatten (a record parameter
   * outside wrt, a field, a local).
   */
  void opaqueReceiver(Tree tree, ExecutableElement method) {
    problems.error(tree, Problem.RECORD_USE,
        "'" + method.getSimpleName() + "' is a method of record "
        + method.getEnclosingElement().getSimpleName() + ", and Adjoint differentiates such a"
        + " call only on a record parameter (or a component of one) or on 'this'; pass the"
        + " record in as a parameter, or call a static method with its components");
  }

  /** A variable's name as the user wrote it: a record leaf's path, {@code model.w1}. */
  static String displayName(Variable v) {
    return v.origin() == Variable.Origin.PARAMETER ? v.sourceName().replace('$', '.')
        : v.sourceName();
  }

  /** Whether {@code name} is a flattened record parameter. */
  boolean isRecord(String name) {
    return roots.containsKey(name);
  }

  /** The error for a flattened record parameter used as a value, at {@code tree}. */
  void recordAsValue(Tree tree, String what) {
    if (what.equals(THIS)) {
      problems.error(tree, Problem.RECORD_USE,
          "'this' can be used in a @Differentiable method only through the"
          + " record's components (this.w, w, w()), where the derivative can follow them;"
          + " passing it on, comparing it or calling its other methods is not supported: pass"
          + " the components you need instead");
      return;
    }
    problems.error(tree, Problem.RECORD_USE,
        "the record " + what + " can be used in a @Differentiable method"
        + " only through its components (" + what + ".w(), " + what + ".w()[i]), where the"
        + " derivative can follow them; passing it on, comparing it or calling its other methods"
        + " is not supported: pass the components you need instead");
  }

  /**
   * The lowering of {@code tree} when it reads a component of a flattened record (the leaf's
   * variable, or poison after an error for a nested record used as a value), or empty when it
   * is no such read.
   */
  Optional<Expr> component(ExpressionTree tree) {
    List<String> path = path(tree);
    if (path == null || path.size() < 2) {
      return Optional.empty();
    }
    FlatParameters.Node node = roots.get(path.get(0));
    for (int i = 1; i < path.size(); i++) {
      if (!(node instanceof FlatParameters.RecordNode r)) {
        return Optional.empty();
      }
      Optional<FlatParameters.Node> next = r.component(path.get(i));
      if (next.isEmpty()) {
        return Optional.empty(); // model.toString(): the receiver is reported as a value
      }
      node = next.get();
    }
    if (node instanceof FlatParameters.LeafNode l) {
      return Optional.of(new Expr.VarRef(leafVariables.get(l.leaf()), tree));
    }
    recordAsValue(tree, String.join(".", path));
    return Optional.of(ExpressionLowering.poison(tree));
  }

  /**
   * {@code double[][] w = model.w1();}: {@code w} is another name for the component, which
   * never changes (writing into it is an error, as into any parameter array). Returns whether
   * the declaration was such an alias (and is handled).
   */
  boolean aliasComponent(com.sun.source.tree.VariableTree v, Expr lowered,
      ExpressionTree initTree, Scope scope) {
    Expr component;
    if (lowered != null) {
      if (!(lowered instanceof Expr.VarRef r && leafVariables.containsValue(r.variable()))) {
        return false;
      }
      component = lowered;
    } else {
      Optional<Expr> read = initTree == null ? Optional.empty() : component(initTree);
      if (read.isEmpty()) {
        return false;
      }
      component = read.get();
    }
    if (!ExpressionLowering.isPoison(component)) {
      scope.declareSynonym(v.getName().toString(), component);
    }
    return true;
  }

  /**
   * The component path {@code tree} reads, {@code [model, inner, a]}, when it is a chain of
   * accessor calls and field reads on a flattened record parameter; else null.
   */
  private List<String> path(ExpressionTree tree) {
    if (tree instanceof ParenthesizedTree p) {
      return path(p.getExpression());
    }
    if (tree instanceof IdentifierTree id) {
      String name = id.getName().toString();
      List<String> path = new ArrayList<>();
      if (roots.containsKey(name)) {
        path.add(name);
        return path;
      }
      if (isOwnComponent(name)) {
        path.add(THIS); // a field of the receiver, read by its simple name
        path.add(name);
        return path;
      }
      return null;
    }
    ExpressionTree select = tree;
    if (tree instanceof MethodInvocationTree call) {
      if (!call.getArguments().isEmpty() || !call.getTypeArguments().isEmpty()) {
        return null;
      }
      select = call.getMethodSelect();
      if (select instanceof IdentifierTree accessor && self != null && isRecord(self)
          && self.component(accessor.getName().toString()).isPresent()) {
        List<String> path = new ArrayList<>();
        path.add(THIS); // w(): the receiver's accessor
        path.add(accessor.getName().toString());
        return path;
      }
    }
    if (select instanceof MemberSelectTree member) {
      List<String> path = path(member.getExpression());
      if (path != null && select != tree && !selectsRecord(path)) {
        return null; // this.w() on a class: a method, not a component's accessor
      }
      if (path != null) {
        path.add(member.getIdentifier().toString());
      }
      return path;
    }
    return null;
  }

  private static boolean isRecord(FlatParameters.RecordNode node) {
    return node.type().getKind() == javax.lang.model.element.ElementKind.RECORD;
  }

  /** Whether {@code path} names a flattened record (not a class's receiver) or a leaf. */
  private boolean selectsRecord(List<String> path) {
    FlatParameters.Node node = roots.get(path.get(0));
    for (int i = 1; i < path.size() && node instanceof FlatParameters.RecordNode r; i++) {
      node = r.component(path.get(i)).orElse(null);
    }
    return !(node instanceof FlatParameters.RecordNode r) || isRecord(r);
  }

  /** Whether {@code name} is a component of the receiver that no local or parameter hides. */
  private boolean isOwnComponent(String name) {
    return self != null && self.component(name).isPresent() && scope.lookup(name) == null
        && scope.synonym(name) == null && !roots.containsKey(name);
  }

  /**
   * Reports a call to a {@code @Differentiable} method compiled elsewhere that takes a
   * differentiable record: how its adjoint entry point takes the record's components is not
   * known here. Returns whether it reported.
   */
  boolean rejectedCall(ExecutableElement method, Tree tree) {
    if (!isDifferentiable(method) || hasSource(method)) {
      return false;
    }
    for (VariableElement p : method.getParameters()) {
      Optional<TypeElement> record = FlatParameters.differentiableRecord(p.asType());
      if (record.isPresent()) {
        problems.error(tree, Problem.RECORD_USE,
            "'" + method.getSimpleName() + "' takes the record "
            + record.get().getSimpleName() + " ('" + p.getSimpleName() + "') and is compiled"
            + " elsewhere, and calls from one @Differentiable method to one compiled elsewhere"
            + " that takes a record are not supported; move the shared computation into a"
            + " static helper that takes the components");
        return true;
      }
    }
    return false;
  }

  private static boolean isDifferentiable(ExecutableElement method) {
    for (AnnotationMirror a : method.getAnnotationMirrors()) {
      if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals(RuntimeTypes.DIFFERENTIABLE)) {
        return true;
      }
    }
    return false;
  }
}
