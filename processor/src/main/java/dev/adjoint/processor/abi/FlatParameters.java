package dev.adjoint.processor.abi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * A method's parameters as the adjoint entry point takes them: a record parameter with a
 * differentiated component is flattened into its <em>leaves</em>, one per component path
 * ({@code model.w1}, {@code model.inner.a}), as Swift's synthesized {@code TangentVector} or a
 * JAX pytree; any other parameter is a leaf of its own. The front end reads {@code model.w1()}
 * as the leaf's variable, the entry point takes the leaves, and the gradient method unpacks the
 * record into them and builds the gradient back as a value of the record type.
 *
 * <p>A record is differentiable when it is not generic, its components are {@code double},
 * {@code double[]}, {@code double[][]}, differentiable records, or values that carry no
 * derivative (copied through), at least one of them carries derivatives, it declares neither
 * its own accessors nor its own canonical constructor, and generated code can see it.
 */
public final class FlatParameters {

  /**
   * One leaf.
   *
   * @param root the index of the parameter it belongs to
   * @param path the component path, {@code model.w1} (the parameter's name for a plain one)
   * @param variableName the leaf's variable name in generated code, {@code model$w1}
   * @param type the leaf's type
   * @param accessors the accessors that read it from the parameter, outermost first
   * @param differentiated whether the entry point differentiates it
   * @param field the field of a class's receiver it is read from before {@code accessors}
   *     ({@code self.w}, see {@link ModelClasses}), or null
   */
  public record Leaf(int root, String path, String variableName, TypeMirror type,
      List<ExecutableElement> accessors, boolean differentiated, VariableElement field) {
    /** A leaf of a record parameter, or a parameter of its own. */
    public Leaf(int root, String path, String variableName, TypeMirror type,
        List<ExecutableElement> accessors, boolean differentiated) {
      this(root, path, variableName, type, accessors, differentiated, null);
    }

    /** Whether the leaf belongs to a record parameter (or a class's receiver). */
    public boolean inRecord() {
      return !accessors.isEmpty() || field != null;
    }
  }

  /** A parameter, or a component of one, as a tree over the leaves. */
  public sealed interface Node permits LeafNode, RecordNode {}

  /** A leaf, by its index in {@link #leaves()}. */
  public record LeafNode(int leaf) implements Node {}

  /** A flattened record: its type and its components, in declaration order. */
  public record RecordNode(TypeElement type, List<String> names, List<Node> components)
      implements Node {
    /** The component named {@code name}, if the record has one. */
    public Optional<Node> component(String name) {
      int i = names.indexOf(name);
      return i < 0 ? Optional.empty() : Optional.of(components.get(i));
    }
  }

  /** The name of the receiver of an instance method of a record, as the generated API calls it. */
  public static final String SELF = "self";

  private final List<String> rootNames;
  private final List<TypeMirror> rootTypes;
  private final List<Node> roots;
  private final List<Leaf> leaves;
  private final boolean hasSelf;

  private FlatParameters(List<String> rootNames, List<TypeMirror> rootTypes, List<Node> roots,
      List<Leaf> leaves, boolean hasSelf) {
    this.rootNames = List.copyOf(rootNames);
    this.rootTypes = List.copyOf(rootTypes);
    this.roots = List.copyOf(roots);
    this.leaves = List.copyOf(leaves);
    this.hasSelf = hasSelf;
  }

  /**
   * The record whose instance method {@code method} is, when that record is differentiable: its
   * receiver is then flattened as a last parameter, {@link #SELF} (the gradient method takes it
   * first).
   */
  public static Optional<TypeElement> selfRecord(ExecutableElement method) {
    if (method.getModifiers().contains(javax.lang.model.element.Modifier.STATIC)
        || !(method.getEnclosingElement() instanceof TypeElement owner)) {
      return Optional.empty();
    }
    Optional<TypeElement> differentiable = differentiableRecord(owner.asType());
    if (differentiable.isPresent()) {
      return differentiable;
    }
    if (ModelClasses.isModelClass(owner)) {
      return Optional.of(owner); // a class of final fields (ModelClasses)
    }
    // A record of a sealed interface, whose methods a dispatched call reaches, even without a
    // component that carries derivatives (record Relu() implements Activation).
    boolean ofSealed = owner.getKind() == ElementKind.RECORD && owner.getTypeParameters().isEmpty()
        && owner.getInterfaces().stream().anyMatch(i -> i instanceof DeclaredType d
            && d.asElement().getModifiers().contains(javax.lang.model.element.Modifier.SEALED));
    return ofSealed ? Optional.of(owner) : Optional.empty();
  }

  /**
   * The flattening of {@code method}'s parameters: a differentiable record parameter is
   * flattened when {@code differentiated} names it or a component path under it.
   */
  public static FlatParameters of(ExecutableElement method, Set<String> differentiated) {
    List<String> names = new ArrayList<>();
    List<TypeMirror> types = new ArrayList<>();
    List<Node> roots = new ArrayList<>();
    List<Leaf> leaves = new ArrayList<>();
    Optional<TypeElement> self = selfRecord(method);
    List<? extends VariableElement> params = method.getParameters();
    for (int i = 0; i < params.size(); i++) {
      VariableElement p = params.get(i);
      String name = p.getSimpleName().toString();
      names.add(name);
      types.add(p.asType());
      Optional<TypeElement> record = differentiableRecord(p.asType());
      boolean flatten = record.isPresent() && (differentiated.contains(name)
          || differentiated.stream().anyMatch(d -> d.startsWith(name + ".")));
      if (flatten) {
        roots.add(flatten(i, record.get(), name, List.of(), differentiated.contains(name),
            differentiated, leaves));
      } else {
        leaves.add(new Leaf(i, name, name, p.asType(), List.of(), differentiated.contains(name)
            && carriesDerivative(p.asType())));
        roots.add(new LeafNode(leaves.size() - 1));
      }
    }
    if (self.isPresent()) {
      // The receiver comes last, so that a call's arguments keep the indices of the callee's
      // parameters; its fields are read as leaves whatever wrt says: it is always flattened.
      names.add(SELF);
      types.add(self.get().asType());
      roots.add(self.get().getKind() == ElementKind.CLASS
          ? flattenClass(params.size(), self.get(), differentiated, leaves)
          : flatten(params.size(), self.get(), SELF, List.of(), differentiated.contains(SELF),
              differentiated, leaves));
    }
    return new FlatParameters(names, types, roots, leaves, self.isPresent());
  }

  private static Node flatten(int root, TypeElement record, String path,
      List<ExecutableElement> accessors, boolean all, Set<String> differentiated,
      List<Leaf> leaves) {
    List<String> names = new ArrayList<>();
    List<Node> components = new ArrayList<>();
    for (RecordComponentElement c : record.getRecordComponents()) {
      String name = c.getSimpleName().toString();
      String childPath = path + "." + name;
      boolean childAll = all || differentiated.contains(childPath);
      List<ExecutableElement> childAccessors = new ArrayList<>(accessors);
      childAccessors.add(c.getAccessor());
      names.add(name);
      Optional<TypeElement> nested = differentiableRecord(c.asType());
      if (nested.isPresent()) {
        components.add(flatten(root, nested.get(), childPath, childAccessors, childAll,
            differentiated, leaves));
      } else {
        leaves.add(new Leaf(root, childPath, childPath.replace('.', '$'), c.asType(),
            List.copyOf(childAccessors), childAll && carriesDerivative(c.asType())));
        components.add(new LeafNode(leaves.size() - 1));
      }
    }
    return new RecordNode(record, names, components);
  }

  /** The receiver of an instance method of a class ({@link ModelClasses}): one node per field. */
  private static Node flattenClass(int root, TypeElement type, Set<String> differentiated,
      List<Leaf> leaves) {
    boolean all = differentiated.contains(SELF);
    List<String> names = new ArrayList<>();
    List<Node> components = new ArrayList<>();
    for (VariableElement f : ModelClasses.fields(type)) {
      String name = f.getSimpleName().toString();
      String path = SELF + "." + name;
      boolean childAll = all || differentiated.contains(path);
      names.add(name);
      Optional<TypeElement> nested = differentiableRecord(f.asType());
      List<Leaf> inner = new ArrayList<>();
      Node node = nested.isPresent()
          ? flatten(root, nested.get(), path, List.of(), childAll, differentiated, inner)
          : null;
      if (node == null) {
        leaves.add(new Leaf(root, path, path.replace('.', '$'), f.asType(), List.of(),
            childAll && carriesDerivative(f.asType()), f));
        components.add(new LeafNode(leaves.size() - 1));
        continue;
      }
      // The nested record's leaves, renumbered after the ones already taken, read from the field.
      int offset = leaves.size();
      for (Leaf l : inner) {
        leaves.add(new Leaf(l.root(), l.path(), l.variableName(), l.type(), l.accessors(),
            l.differentiated(), f));
      }
      components.add(shift(node, offset));
    }
    return new RecordNode(type, names, components);
  }

  private static Node shift(Node node, int offset) {
    if (node instanceof LeafNode l) {
      return new LeafNode(l.leaf() + offset);
    }
    RecordNode r = (RecordNode) node;
    return new RecordNode(r.type(), r.names(),
        r.components().stream().map(c -> shift(c, offset)).toList());
  }

  /** Whether a value of this type is a {@code double}, {@code double[]} or {@code double[][]}. */
  public static boolean carriesDerivative(TypeMirror type) {
    String t = type.toString();
    return t.equals("double") || t.equals("double[]") || t.equals("double[][]");
  }

  /** The record type of {@code type} when it is a differentiable record (see the class doc). */
  public static Optional<TypeElement> differentiableRecord(TypeMirror type) {
    return recordWithDerivatives(type, new ArrayList<>());
  }

  private static Optional<TypeElement> recordWithDerivatives(TypeMirror type,
      List<TypeElement> enclosing) {
    if (type.getKind() != TypeKind.DECLARED
        || !(((DeclaredType) type).asElement() instanceof TypeElement t)
        || t.getKind() != ElementKind.RECORD || !t.getTypeParameters().isEmpty()
        || enclosing.contains(t)) {
      return Optional.empty();
    }
    enclosing.add(t);
    boolean any = false;
    for (RecordComponentElement c : t.getRecordComponents()) {
      any |= carriesDerivative(c.asType()) || recordWithDerivatives(c.asType(), enclosing)
          .isPresent();
    }
    enclosing.remove(enclosing.size() - 1);
    return any ? Optional.of(t) : Optional.empty();
  }

  /** Whether some parameter (or the receiver) is flattened. */
  public boolean hasRecords() {
    return roots.stream().anyMatch(r -> r instanceof RecordNode);
  }

  public List<Leaf> leaves() {
    return leaves;
  }

  /** One node per parameter, in order. */
  public List<Node> roots() {
    return roots;
  }

  public List<String> rootNames() {
    return rootNames;
  }

  /** The type of each root: the receiver's record, then the parameters' types. */
  public List<TypeMirror> rootTypes() {
    return rootTypes;
  }

  /** Whether the last root is the receiver of an instance method. */
  public boolean hasSelf() {
    return hasSelf;
  }

  /** The index among the method's declared parameters of root {@code root}, or -1 for self. */
  public int parameterIndex(int root) {
    return hasSelf && root == roots.size() - 1 ? -1 : root;
  }

  /** The roots in the order of the gradient method's parameters: self first, then the rest. */
  public List<Integer> apiOrder() {
    List<Integer> order = new ArrayList<>();
    if (hasSelf) {
      order.add(roots.size() - 1);
    }
    for (int i = 0; i < roots.size() - (hasSelf ? 1 : 0); i++) {
      order.add(i);
    }
    return order;
  }

  /** The leaves under {@code node}, in order. */
  public List<Leaf> leavesOf(Node node) {
    List<Leaf> out = new ArrayList<>();
    collect(node, out);
    return out;
  }

  private void collect(Node node, List<Leaf> out) {
    if (node instanceof LeafNode l) {
      out.add(leaves.get(l.leaf()));
    } else {
      for (Node c : ((RecordNode) node).components()) {
        collect(c, out);
      }
    }
  }

  /**
   * The node a component path names ({@code model}, {@code model.inner.a}), if it names one.
   */
  public Optional<Node> resolve(String path) {
    String[] parts = path.split("\\.", -1);
    int root = rootNames.indexOf(parts[0]);
    if (root < 0) {
      return Optional.empty();
    }
    Node node = roots.get(root);
    for (int i = 1; i < parts.length; i++) {
      if (!(node instanceof RecordNode r)) {
        return Optional.empty();
      }
      Optional<Node> next = r.component(parts[i]);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      node = next.get();
    }
    return Optional.of(node);
  }

  /** Whether any leaf under {@code node} is differentiated. */
  public boolean anyDifferentiated(Node node) {
    return leavesOf(node).stream().anyMatch(Leaf::differentiated);
  }

  /** The ABI over the leaves: which are differentiated, and which are arrays. */
  public AdjointAbi abi() {
    List<Boolean> differentiated = new ArrayList<>();
    List<Boolean> arrays = new ArrayList<>();
    for (Leaf l : leaves) {
      differentiated.add(l.differentiated());
      arrays.add(l.type().getKind() == TypeKind.ARRAY);
    }
    return new AdjointAbi(differentiated, arrays);
  }
}
