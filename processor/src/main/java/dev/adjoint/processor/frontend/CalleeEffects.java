package dev.adjoint.processor.frontend;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.TypeCastTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import dev.adjoint.processor.abi.RuntimeTypes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * What a method with source may do with the arrays it receives: write into their elements
 * (directly, through a local alias or a row of one, or by passing them on to a method that may),
 * and return one of them or a row of one. Read from the source tree, without attribution, and
 * conservatively: passing the array to a method whose source is not in the compilation counts
 * as a write, but for a few well-known readers.
 */
public final class CalleeEffects {
  /** Library methods known to only read the arrays they receive. */
  private static final Set<String> READERS = Set.of("Arrays.copyOf", "Arrays.copyOfRange",
      "Arrays.toString", "Arrays.deepToString", "Arrays.equals", "Arrays.deepEquals",
      "Arrays.hashCode", "Arrays.stream", RuntimeTypes.LOSSES.simpleName() + ".mse",
      RuntimeTypes.LOSSES.simpleName() + ".softmaxCrossEntropy",
      RuntimeTypes.ACTIVATIONS.simpleName() + ".softmax",
      RuntimeTypes.ADJOINT_ARRAYS.simpleName() + ".dot");

  private final Trees trees;
  private final javax.lang.model.util.Elements elements;
  private final Map<String, Boolean> cache = new HashMap<>();

  public CalleeEffects(Trees trees, javax.lang.model.util.Elements elements) {
    this.trees = trees;
    this.elements = elements;
  }

  /**
   * A cached answer about a method, computed once; a query that reaches itself again through
   * recursion answers false there and leaves the decision to the other paths.
   */
  private boolean cached(String key, Set<String> visiting,
      java.util.function.BooleanSupplier compute) {
    Boolean known = cache.get(key);
    if (known != null) {
      return known;
    }
    if (!visiting.add(key)) {
      return false;
    }
    boolean answer = compute.getAsBoolean();
    visiting.remove(key);
    cache.put(key, answer);
    return answer;
  }

  /**
   * Whether running {@code method} may do anything but compute its result and write into the
   * arrays it received (which callers follow, see {@link #mayWrite}): write a field, or call a
   * method not known to be pure ({@code Math.random()}, a method of an object, a method without
   * source). Such a method must not be run twice for one call.
   */
  public boolean mayHaveEffects(ExecutableElement method) {
    return mayHaveEffects(method, new HashSet<>());
  }

  boolean mayHaveEffects(ExecutableElement method, Set<String> visiting) {
    return cached(method.getEnclosingElement() + "#" + method + "#effects", visiting, () -> {
      MethodTree tree = trees.getTree(method);
      if (tree == null && isRecordAccessor(method)) {
        return false; // javac's own accessor returns its field
      }
      return tree == null || tree.getBody() == null
          || new EffectScan(this, method, tree, visiting).found();
    });
  }

  /** Whether {@code method} is the accessor of a record component. */
  private static boolean isRecordAccessor(ExecutableElement method) {
    return method.getEnclosingElement() instanceof TypeElement owner
        && owner.getRecordComponents().stream().anyMatch(c -> method.equals(c.getAccessor()));
  }

  /**
   * The component names of the differentiable record whose instance method {@code method} is,
   * or none.
   */
  static Set<String> ownComponents(ExecutableElement method) {
    Set<String> names = new HashSet<>();
    dev.adjoint.processor.abi.FlatParameters.selfRecord(method).ifPresent(r ->
        names.addAll(dev.adjoint.processor.abi.ModelClasses.componentNames(r)));
    return names;
  }

  /**
   * Whether running {@code method} may read state a call elsewhere could change: a field that is
   * not final, or any array held in a field, directly or through a helper with source.
   */
  public boolean readsMutableState(ExecutableElement method) {
    return readsMutableState(method, new HashSet<>());
  }

  boolean readsMutableState(ExecutableElement method, Set<String> visiting) {
    return cached(method.getEnclosingElement() + "#" + method + "#reads", visiting, () -> {
      MethodTree tree = trees.getTree(method);
      return tree != null && tree.getBody() != null
          && new StateReadScan(this, method, tree, visiting).found();
    });
  }

  /** The names of the variables a method's body declares. */
  static Set<String> declaredLocals(MethodTree tree) {
    Set<String> names = new HashSet<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitVariable(VariableTree node, Void unused) {
        names.add(node.getName().toString());
        return super.visitVariable(node, unused);
      }
    }.scan(tree.getBody(), null);
    return names;
  }

  /** Whether {@code method} may return an array it received, or a row of one. */
  public boolean mayReturnParameter(ExecutableElement method) {
    return mayReturnParameter(method, new HashSet<>());
  }

  private boolean mayReturnParameter(ExecutableElement method, Set<String> visiting) {
    return cached(method.getEnclosingElement() + "#" + method + "#return", visiting, () -> {
      MethodTree tree = trees.getTree(method);
      if (tree == null || tree.getBody() == null
          || !(method.getReturnType() instanceof ArrayType)) {
        return false;
      }
      Scan scan = new Scan(method, visiting);
      for (var p : method.getParameters()) {
        if (p.asType() instanceof ArrayType) {
          scan.aliases.put(p.getSimpleName().toString(), dims(p.asType()));
        }
      }
      return scan.returnsAlias(tree);
    });
  }


  /** Whether {@code method} may write into the array passed as parameter {@code index}. */
  public boolean mayWrite(ExecutableElement method, int index) {
    return mayWrite(method, index, new HashSet<>());
  }

  private boolean mayWrite(ExecutableElement method, int index, Set<String> visiting) {
    return cached(method.getEnclosingElement() + "#" + method + "#" + index, visiting, () -> {
      MethodTree tree = trees.getTree(method);
      TypeMirror type = method.getParameters().get(index).asType();
      if (tree == null && type instanceof ArrayType) {
        // A helper compiled elsewhere (its adjoint on the class path): it may write, and its
        // adjoint then restores what it wrote; the gradient saves and restores the argument.
        // A @Differentiable method's gradient works on a copy of an array it writes.
        return !dev.adjoint.processor.analysis.WritingCalls.isDifferentiable(method);
      }
      return tree != null && tree.getBody() != null && type instanceof ArrayType
          && new Scan(method, visiting).writes(
              method.getParameters().get(index).getSimpleName().toString(), dims(type), tree);
    });
  }


  private static int dims(TypeMirror type) {
    int d = 0;
    for (TypeMirror t = type; t instanceof ArrayType a; t = a.getComponentType()) {
      d++;
    }
    return d;
  }

  /** One pass over a body with the names that may refer to the array (or a row of it). */
  private final class Scan extends WriteScanner {
    private final ExecutableElement method;
    private final Set<String> visiting;
    private final Map<String, Integer> aliases = new HashMap<>();
    private boolean writes;
    private boolean returnsAlias;
    private boolean grew;

    Scan(ExecutableElement method, Set<String> visiting) {
      this.method = method;
      this.visiting = visiting;
    }

    boolean writes(String parameter, int dims, MethodTree tree) {
      aliases.put(parameter, dims);
      do {
        grew = false;
        scan(tree.getBody(), null);
      } while (grew && !writes);
      return writes;
    }

    boolean returnsAlias(MethodTree tree) {
      do {
        grew = false;
        scan(tree.getBody(), null);
      } while (grew && !returnsAlias);
      return returnsAlias;
    }

    @Override
    public Void visitReturn(com.sun.source.tree.ReturnTree node, Void unused) {
      ExpressionTree e = node.getExpression();
      if (e != null && aliasDims(e) > 0) {
        returnsAlias = true;
      } else if (e instanceof MethodInvocationTree call) {
        for (ExpressionTree arg : call.getArguments()) {
          if (aliasDims(arg) > 0) {
            returnsAlias |= calleeMay(call, -1);
          }
        }
      }
      return super.visitReturn(node, unused);
    }

    /** Array dimensions left when {@code e} reads an alias, or -1. */
    private int aliasDims(ExpressionTree e) {
      if (e instanceof ParenthesizedTree p) {
        return aliasDims(p.getExpression());
      }
      if (e instanceof TypeCastTree c) {
        return aliasDims(c.getExpression());
      }
      if (e instanceof ConditionalExpressionTree c) {
        return Math.max(aliasDims(c.getTrueExpression()), aliasDims(c.getFalseExpression()));
      }
      if (e instanceof IdentifierTree id) {
        return aliases.getOrDefault(id.getName().toString(), -1);
      }
      if (e instanceof ArrayAccessTree a) {
        int d = aliasDims(a.getExpression());
        return d > 0 ? d - 1 : -1;
      }
      return -1;
    }

    private void alias(String name, ExpressionTree value) {
      int d = value == null ? -1 : aliasDims(value);
      if (d > 0 && aliases.getOrDefault(name, -1) < d) {
        aliases.put(name, d);
        grew = true;
      }
    }

    @Override
    protected void written(ExpressionTree target) {
      if (target instanceof ArrayAccessTree a && aliasDims(a.getExpression()) > 0) {
        writes = true;
      }
    }

    @Override
    public Void visitVariable(VariableTree node, Void unused) {
      alias(node.getName().toString(), node.getInitializer());
      return super.visitVariable(node, unused);
    }

    @Override
    public Void visitEnhancedForLoop(com.sun.source.tree.EnhancedForLoopTree node, Void unused) {
      // for (double[] r : m): r is a row of m (missed once: a helper writing rows this way
      // was taken for one that writes nothing, and its callers' gradients were wrong)
      int d = aliasDims(node.getExpression());
      String name = node.getVariable().getName().toString();
      if (d > 1 && aliases.getOrDefault(name, -1) < d - 1) {
        aliases.put(name, d - 1);
        grew = true;
      }
      return super.visitEnhancedForLoop(node, unused);
    }

    @Override
    public Void visitAssignment(AssignmentTree node, Void unused) {
      if (node.getVariable() instanceof IdentifierTree id) {
        alias(id.getName().toString(), node.getExpression());
      }
      return super.visitAssignment(node, unused);
    }

    @Override
    public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
      List<? extends ExpressionTree> args = node.getArguments();
      for (int k = 0; k < args.size() && !writes; k++) {
        if (aliasDims(args.get(k)) > 0) {
          writes = calleeMay(node, k);
        }
      }
      return super.visitMethodInvocation(node, unused);
    }

    /**
     * Whether the callee may write into argument {@code k}, or, with {@code k} negative, return
     * an array it received.
     */
    private boolean calleeMay(MethodInvocationTree call, int k) {
      ExpressionTree select = call.getMethodSelect();
      String name;
      TypeElement owner;
      if (select instanceof IdentifierTree id) {
        name = id.getName().toString();
        owner = (TypeElement) method.getEnclosingElement();
      } else if (select instanceof MemberSelectTree m) {
        name = m.getIdentifier().toString();
        String qualifier = m.getExpression().toString();
        String simple = qualifier.substring(qualifier.lastIndexOf('.') + 1);
        if (READERS.contains(simple + "." + name)) {
          return false;
        }
        owner = sameCompilationType(method, simple);
        if (owner == null) {
          return true;
        }
      } else {
        return true;
      }
      boolean found = false;
      for (TypeElement t = owner; t != null; t = enclosingType(t)) {
        for (ExecutableElement m : ElementFilter.methodsIn(t.getEnclosedElements())) {
          if (m.getSimpleName().contentEquals(name)
              && (m.getParameters().size() == call.getArguments().size() || m.isVarArgs())) {
            found = true;
            int index = Math.min(k, m.getParameters().size() - 1);
            if (trees.getTree(m) == null || (k < 0 ? mayReturnParameter(m, visiting)
                : mayWrite(m, index, visiting))) {
              return true;
            }
          }
        }
        if (found) {
          return false;
        }
      }
      return true;
    }
  }

  /** A type named {@code simple} beside or around the method's class, or null. */
  TypeElement sameCompilationType(ExecutableElement method, String simple) {
    TypeElement own = (TypeElement) method.getEnclosingElement();
    for (TypeElement t = own; t != null; t = enclosingType(t)) {
      if (t.getSimpleName().contentEquals(simple)) {
        return t;
      }
      for (TypeElement member : ElementFilter.typesIn(t.getEnclosedElements())) {
        if (member.getSimpleName().contentEquals(simple)) {
          return member;
        }
      }
    }
    // Look the name up, never list the package: listing would load every class file in it.
    Element pkg = own;
    while (pkg != null && !(pkg instanceof javax.lang.model.element.PackageElement)) {
      pkg = pkg.getEnclosingElement();
    }
    if (pkg instanceof javax.lang.model.element.PackageElement p) {
      String prefix = p.isUnnamed() ? "" : p.getQualifiedName() + ".";
      TypeElement t = elements.getTypeElement(prefix + simple);
      if (t != null && trees.getTree(t) != null) {
        return t;
      }
    }
    return null;
  }

  static TypeElement enclosingType(TypeElement t) {
    Element e = t.getEnclosingElement();
    return e instanceof TypeElement outer ? outer : null;
  }
}
