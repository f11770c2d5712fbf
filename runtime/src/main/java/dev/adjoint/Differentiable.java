package dev.adjoint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method whose reverse-mode gradient is generated, at compile time, into the
 * companion class {@code <Class>Grad}.
 *
 * <p>By default every {@code double}, {@code double[]} and {@code double[][]} parameter is
 * differentiated; {@link #wrt()} restricts the gradient to the named parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Differentiable {

    /**
     * Names of the parameters to differentiate with respect to.
     *
     * @return the parameter names, or an empty array (the default) for every {@code double},
     *     {@code double[]} and {@code double[][]} parameter
     */
    String[] wrt() default {};

    /**
     * Whether the generated class also gets {@code mGraph(…)}, which returns the
     * {@link ComputationGraph} of one evaluation (for inspection and teaching). Graphs exist for
     * methods over scalars only; asking for one of a method with arrays is a compile error.
     * {@code -Aadjoint.graph=true} gives every such method one.
     *
     * @return {@code true} to generate the graph method; {@code false} (the default) to leave it
     *     out, which keeps the generated class smaller and faster to compile
     */
    boolean graph() default false;

    /**
     * What to generate besides the gradient: {@link Mode#TANGENT} adds {@code mTangent},
     * {@link Mode#HESSIAN} adds {@code mHvp} and {@code mHessian}, {@link Mode#JACOBIAN} adds
     * {@code mJacobian}. Empty, the default, means the compilation's default, set with the
     * processor option {@code -Aadjoint.modes=gradient,tangent,hessian,jacobian} (gradient only
     * when it is not given).
     *
     * @return the modes to generate, or an empty array for the compilation's default
     */
    Mode[] modes() default {};
}
