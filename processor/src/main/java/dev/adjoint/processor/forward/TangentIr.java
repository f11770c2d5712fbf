package dev.adjoint.processor.forward;

import com.sun.source.tree.Tree;
import dev.adjoint.processor.ir.Expr;
import dev.adjoint.processor.ir.MethodIr;
import dev.adjoint.processor.ir.Variable;
import dev.adjoint.processor.rules.AdjointCallRule;
import java.util.ArrayList;
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
 * differentiates. {@link #entryPoint()} is the same body as the tangent entry point runs it.
 *
 * @param ir the tangent method
 * @param directions one per differentiated parameter of the original, in order
 * @param out the tangent entry point's last parameter, a one-element array that receives the
 *     tangent of the result
 * @param primalResult the original's result variable, holding the value at every return
 * @param tangentResult the variable holding the tangent of the result at every return
 * @param callees the methods whose tangent entry points the IR calls (through
 *     {@link Expr.TangentCall} nodes naming the callee)
 * @param origins for each call the transformation built, the source call it comes from, where
 *     errors about it are reported
 */
public record TangentIr(MethodIr ir, List<Variable> directions, Variable out,
    Variable primalResult, Variable tangentResult, List<AdjointCallRule> callees,
    Map<Expr, Tree> origins) {

  /**
   * The tangent entry point's method: parameters and directions then {@link #out()}, the
   * original's result as its result, the tangent a local; nothing differentiated.
   */
  public MethodIr entryPoint() {
    List<Variable> parameters = new ArrayList<>(ir.parameters());
    parameters.add(out);
    List<Variable> locals = new ArrayList<>(ir.locals());
    locals.remove(primalResult);
    locals.add(tangentResult);
    return new MethodIr(ir.element(), ir.tree(), ir.unit(), parameters, List.of(), locals,
        primalResult, ir.body());
  }
}
