package dev.adjoint.processor.frontend;

import com.sun.source.tree.ArrayAccessTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import dev.adjoint.processor.abi.RuntimeTypes;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Looks for writes outside one method's own locals and for calls not known to be pure,
 * following calls of methods with source through {@link CalleeEffects}: the scan behind
 * {@link CalleeEffects#mayHaveEffects}.
 */
final class EffectScan extends WriteScanner {
  /** Static methods of these classes compute functions of their arguments. */
  private static final Set<String> PURE_QUALIFIERS = Set.of("Math", "StrictMath", "Double",
      "Float", "Integer", "Long", "Boolean", "Character", "String", "Objects",
      RuntimeTypes.ACTIVATIONS.simpleName(), RuntimeTypes.LOSSES.simpleName());

  /** Methods of an object that only read it. */
  private static final Set<String> PURE_RECEIVER_METHODS = Set.of("clone", "length", "charAt",
      "equals", "compareTo", "isEmpty", "doubleValue", "intValue", "longValue", "hashCode",
      "toString");

  private final CalleeEffects effects;
  private final ExecutableElement method;
  private final Set<String> visiting;
  private final Set<String> parameters = new HashSet<>();
  private final Set<String> locals = new HashSet<>();
  private boolean found;

  EffectScan(CalleeEffects effects, ExecutableElement method, MethodTree tree,
      Set<String> visiting) {
    this.effects = effects;
    this.method = method;
    this.visiting = visiting;
    for (VariableTree p : tree.getParameters()) {
      parameters.add(p.getName().toString());
    }
    locals.addAll(CalleeEffects.declaredLocals(tree));
    scan(tree.getBody(), null);
  }

  boolean found() {
    return found;
  }

  @Override
  protected void written(ExpressionTree target) {
    ExpressionTree t = target;
    while (t instanceof ArrayAccessTree a) {
      t = a.getExpression();
    }
    if (!(t instanceof IdentifierTree id)) {
      found = true; // a field of something
      return;
    }
    String name = id.getName().toString();
    // Writes into the elements of an array received are followed by every caller
    // (analysis.WritingCalls), whose reverse sweep puts the contents back before this method's
    // adjoint runs it again.
    boolean own = locals.contains(name) || parameters.contains(name);
    found |= !own;
  }

  @Override
  public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
    ExpressionTree select = node.getMethodSelect();
    if (select instanceof IdentifierTree id) {
      found |= !sourceMethodsArePure((TypeElement) method.getEnclosingElement(),
          id.getName().toString());
    } else if (select instanceof MemberSelectTree m) {
      String name = m.getIdentifier().toString();
      String qualifier = m.getExpression().toString();
      String simple = qualifier.substring(qualifier.lastIndexOf('.') + 1);
      TypeElement record = recordTypeOf(m.getExpression());
      if (record != null) {
        // a component's accessor (javac's is pure) or another method of the record
        found |= !sourceMethodsArePure(record, name);
        return super.visitMethodInvocation(node, unused);
      }
      TypeElement owner = qualifier.equals("this")
          && !CalleeEffects.ownComponents(method).isEmpty()
          ? (TypeElement) method.getEnclosingElement()
          : effects.sameCompilationType(method, simple);
      if (owner != null) {
        found |= !sourceMethodsArePure(owner, name);
      } else if (PURE_QUALIFIERS.contains(simple)) {
        found |= name.equals("random");
      } else {
        found |= !PURE_RECEIVER_METHODS.contains(name);
      }
    } else {
      found = true;
    }
    return super.visitMethodInvocation(node, unused);
  }

  /**
   * The record type of a parameter of record type, or a chain of component accessors on one
   * ({@code p}, {@code o.in()}), unless a local hides the parameter; else null.
   */
  private TypeElement recordTypeOf(ExpressionTree tree) {
    if (tree instanceof com.sun.source.tree.ParenthesizedTree p) {
      return recordTypeOf(p.getExpression());
    }
    javax.lang.model.type.TypeMirror type = null;
    if (tree instanceof IdentifierTree id && !locals.contains(id.getName().toString())) {
      for (javax.lang.model.element.VariableElement p : method.getParameters()) {
        if (p.getSimpleName().contentEquals(id.getName())) {
          type = p.asType();
        }
      }
    } else if (tree instanceof MethodInvocationTree call && call.getArguments().isEmpty()
        && call.getMethodSelect() instanceof MemberSelectTree m) {
      TypeElement outer = recordTypeOf(m.getExpression());
      if (outer != null) {
        for (javax.lang.model.element.RecordComponentElement c : outer.getRecordComponents()) {
          if (c.getSimpleName().contentEquals(m.getIdentifier())) {
            type = c.asType();
          }
        }
      }
    }
    return type instanceof javax.lang.model.type.DeclaredType d
        && d.asElement().getKind() == javax.lang.model.element.ElementKind.RECORD
        ? (TypeElement) d.asElement() : null;
  }

  /** Whether every method named {@code name} around {@code owner} has source and is pure. */
  private boolean sourceMethodsArePure(TypeElement owner, String name) {
    for (TypeElement t = owner; t != null; t = CalleeEffects.enclosingType(t)) {
      boolean any = false;
      for (ExecutableElement m : ElementFilter.methodsIn(t.getEnclosedElements())) {
        if (m.getSimpleName().contentEquals(name)) {
          any = true;
          if (effects.mayHaveEffects(m, visiting)) {
            return false;
          }
        }
      }
      if (any) {
        return true;
      }
    }
    return false;
  }
}
