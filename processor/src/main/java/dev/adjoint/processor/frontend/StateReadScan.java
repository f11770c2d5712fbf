package dev.adjoint.processor.frontend;

import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.util.ElementFilter;

/**
 * Looks for reads of fields that are not final, or that hold arrays, in one method's body,
 * following calls of methods with source through {@link CalleeEffects}: the scan behind
 * {@link CalleeEffects#readsMutableState}.
 */
final class StateReadScan extends TreeScanner<Void, Void> {
  private final CalleeEffects effects;
  private final ExecutableElement method;
  private final Set<String> visiting;
  private final Set<String> locals = new HashSet<>();
  private boolean found;

  StateReadScan(CalleeEffects effects, ExecutableElement method, MethodTree tree,
      Set<String> visiting) {
    this.effects = effects;
    this.method = method;
    this.visiting = visiting;
    for (VariableTree p : tree.getParameters()) {
      locals.add(p.getName().toString());
    }
    locals.addAll(CalleeEffects.declaredLocals(tree));
    // The fields of a record whose instance method this is are its receiver's components,
    // which the method's gradient takes as parameters (FlatParameters), not state.
    locals.addAll(CalleeEffects.ownComponents(method));
    scan(tree.getBody(), null);
  }

  boolean found() {
    return found;
  }

  private void field(TypeElement owner, String name) {
    for (TypeElement t = owner; t != null && !found; t = CalleeEffects.enclosingType(t)) {
      for (VariableElement f
          : ElementFilter.fieldsIn(t.getEnclosedElements())) {
        if (f.getSimpleName().contentEquals(name)) {
          found = !f.getModifiers().contains(Modifier.FINAL)
              || f.asType() instanceof ArrayType;
          return;
        }
      }
    }
  }

  @Override
  public Void visitIdentifier(IdentifierTree node, Void unused) {
    if (!locals.contains(node.getName().toString())) {
      field((TypeElement) method.getEnclosingElement(), node.getName().toString());
    }
    return null;
  }

  @Override
  public Void visitMemberSelect(MemberSelectTree node, Void unused) {
    String qualifier = node.getExpression().toString();
    TypeElement owner = effects.sameCompilationType(method,
        qualifier.substring(qualifier.lastIndexOf('.') + 1));
    if (owner != null) {
      field(owner, node.getIdentifier().toString());
      return null;
    }
    return super.visitMemberSelect(node, unused);
  }

  @Override
  public Void visitMethodInvocation(MethodInvocationTree node, Void unused) {
    ExpressionTree select = node.getMethodSelect();
    TypeElement owner = null;
    String name = null;
    if (select instanceof IdentifierTree id) {
      owner = (TypeElement) method.getEnclosingElement();
      name = id.getName().toString();
    } else if (select instanceof MemberSelectTree m) {
      String qualifier = m.getExpression().toString();
      owner = effects.sameCompilationType(method,
          qualifier.substring(qualifier.lastIndexOf('.') + 1));
      name = m.getIdentifier().toString();
      if (owner == null) {
        scan(m.getExpression(), null);
      }
    }
    for (TypeElement t = owner; t != null && !found; t = CalleeEffects.enclosingType(t)) {
      for (ExecutableElement m : ElementFilter.methodsIn(t.getEnclosedElements())) {
        if (m.getSimpleName().contentEquals(name) && effects.readsMutableState(m, visiting)) {
          found = true;
        }
      }
    }
    scan(node.getArguments(), null);
    return null;
  }
}
