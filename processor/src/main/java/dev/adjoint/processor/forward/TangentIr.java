package dev.adjoint.processor.forward;

import com.sun.source.tree.Tree;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.AdjointCallRule;
import java.util.List;
import java.util.Map;

/**
 * A method's tangent (forward-mode) IR: ordinary IR over the original's parameters followed by
 * one direction per differentiated parameter. Every active assignment is preceded by the
 * assignment of its tangent; control flow is the original's.
 *
 * <p>In {@link #ir()}, {@code parameters} are the original's then the directions,
 * {@code differentiated} the original's differentiated parameters then the directions (what
 * reverse-over-forward differentiates), {@code locals} the original's, its result variable (now
 * an ordinary variable holding the primal value), the tangents and temporaries, and
 * {@code result} the tangent of the original's result: the method reverse-over-forward
 * differentiates. {@link #printable()} is the same body with the original's result as result.
 *
 * @param ir the tangent method
 * @param directions one per differentiated parameter of the original, in order
 * @param primalResult the original's result variable, holding the value at every return
 * @param tangentResult the variable holding the tangent of the result at every return
 * @param callees the methods whose tangent entry points the IR calls (through
 *     {@link Expr.AdjointCall} nodes naming the callee)
 * @param origins for each call the transformation built, the source call it comes from, where
 *     errors about it are reported
 */
public record TangentIr(MethodIr ir, List<Variable> directions, Variable primalResult,
    Variable tangentResult, List<AdjointCallRule> callees, Map<Expr, Tree> origins) {

  /** The tangent method with the original's result as its result, the tangent as a local. */
  public MethodIr printable() {
    List<Variable> locals = new java.util.ArrayList<>(ir.locals());
    locals.remove(primalResult);
    locals.add(tangentResult);
    return new MethodIr(ir.element(), ir.tree(), ir.unit(), ir.parameters(), ir.differentiated(),
        locals, primalResult, ir.body());
  }
}
