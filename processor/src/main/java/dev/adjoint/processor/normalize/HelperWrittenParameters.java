package dev.adjoint.processor.normalize;

import dev.adjoint.processor.analysis.WritingCalls;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.IrWalk;
import dev.adjoint.processor.ir.Stmt;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.RuleTable;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/**
 * Parameters whose arrays a helper called by statement {@code s} may write, passed by the
 * parameter's own name ({@code scale(x, c)}) or as a row of a parameter matrix
 * ({@code scale(m[1], c)}): a write into the method's own parameter array as much as
 * {@code x[0] = a} is, so {@link ParameterArrayCopies} copies them on entry too, and
 * {@link CopiedParameterCalls} writes the helper's writes through to the caller. Only in a method
 * that is not public or protected (a gradient compiled elsewhere could not see the write; the
 * call's own error says so there), and not for a record's component (its own error).
 */
final class HelperWrittenParameters {
  private HelperWrittenParameters() {}

  static List<Variable> of(Stmt s, ExecutableElement method, RuleTable rules) {
    List<Variable> out = new ArrayList<>();
    if (method.getModifiers().contains(Modifier.PUBLIC)
        || method.getModifiers().contains(Modifier.PROTECTED)) {
      return out;
    }
    Expr.Call call = WritingCalls.of(s, rules);
    if (call == null) {
      return out;
    }
    for (Expr arg : WritingCalls.writtenArrays(call, rules)) {
      boolean direct = arg instanceof Expr.VarRef
          || arg instanceof Expr.ArrayRead r && r.array() instanceof Expr.VarRef;
      Variable root = IrWalk.root(arg);
      if (direct && root != null && root.origin() == Variable.Origin.PARAMETER
          && root.sourceName().indexOf('$') < 0 && !out.contains(root)) {
        out.add(root);
      }
    }
    return out;
  }
}
