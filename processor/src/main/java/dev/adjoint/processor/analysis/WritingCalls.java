package dev.adjoint.processor.analysis;

import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.AdjointCallRule;
import dev.adjoint.processor.rules.RuleTable;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Calls of helpers that may write into the arrays they receive ({@code rhs(y, dydt)},
 * {@code axpy(a, x, y)}): for the caller, such a call is a definition of every array argument
 * the callee may write. It stands as a statement of its own or as the whole value of an
 * assignment ({@code double r = f(x, out);}); the caller saves the contents of each written
 * argument before the call and puts them back before it calls the callee's adjoint, which runs
 * the callee again, propagates the adjoints of the arrays' new contents back to their old ones,
 * and leaves the arrays as it found them.
 */
public final class WritingCalls {
  private WritingCalls() {}

  /** The call statement {@code s} makes that may write into an array argument, or null. */
  public static Expr.Call of(Stmt s, RuleTable rules) {
    Expr value = s instanceof Stmt.Eval e ? e.expr()
        : s instanceof Stmt.Assign a ? a.value() : null;
    return value instanceof Expr.Call c && writes(c, rules) ? c : null;
  }

  /** Whether {@code c} calls a helper whose adjoint Adjoint generates and which may write. */
  public static boolean writes(Expr.Call c, RuleTable rules) {
    return !written(c, rules).isEmpty();
  }

  /** The indices of the array arguments {@code c} may write into. */
  public static List<Integer> written(Expr.Call c, RuleTable rules) {
    List<Integer> out = new ArrayList<>();
    ExecutableElement m = c.method();
    if (c.receiver() != null || c.args().size() != m.getParameters().size()
        || !(rules.ruleFor(m).orElse(null) instanceof AdjointCallRule)) {
      return out;
    }
    for (int i = 0; i < c.args().size(); i++) {
      if (c.args().get(i).type().isArray() && rules.mayWriteArrayArgument(m, i)) {
        out.add(i);
      }
    }
    return out;
  }

  /** The arrays (variables or rows of them) that {@code c} may write into. */
  public static List<Expr> writtenArrays(Expr.Call c, RuleTable rules) {
    List<Expr> out = new ArrayList<>();
    for (int i : written(c, rules)) {
      out.add(c.args().get(i));
    }
    return out;
  }

  /** The variables whose arrays {@code c} may write into. */
  public static List<Variable> writtenRoots(Expr.Call c, RuleTable rules) {
    List<Variable> out = new ArrayList<>();
    for (Expr e : writtenArrays(c, rules)) {
      Variable root = IrWalk.root(e);
      if (root != null && !out.contains(root)) {
        out.add(root);
      }
    }
    return out;
  }

  /** Whether {@code e} is annotated {@code @Differentiable}. */
  public static boolean isDifferentiable(Element e) {
    for (AnnotationMirror a : e.getAnnotationMirrors()) {
      if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName()
          .contentEquals("dev.adjoint.Differentiable")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code m} is a void method with an array parameter: a helper whose effect is what
   * it writes into its arrays, differentiated like a helper returning double (its adjoint entry
   * point returns 0).
   */
  public static boolean isVoidWithArrays(ExecutableElement m) {
    return m.getReturnType().getKind() == javax.lang.model.type.TypeKind.VOID
        && m.getParameters().stream().anyMatch(p -> p.asType().getKind()
            == javax.lang.model.type.TypeKind.ARRAY);
  }

  /**
   * Whether a helper {@code m} gets an adjoint entry point: it returns double or double[], or
   * is void with an array parameter.
   */
  public static boolean hasAdjoint(ExecutableElement m) {
    String type = m.getReturnType().toString();
    return type.equals("double") || type.equals("double[]") || isVoidWithArrays(m);
  }
}
