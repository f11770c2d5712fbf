package dev.adjoint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a static method as the tangent (Jacobian-vector product, forward-mode rule) of another
 * static method {@code of}: of the same class, or of class {@link #in()}. It is the forward-mode
 * counterpart of {@link Pullback}, for helpers over arrays that have no {@link Partial}
 * declarations: forward mode ({@code mTangent}) and second order ({@code mHvp},
 * {@code mHessian}) need it.
 *
 * <p>Signature: the original's parameters, then one {@code double[]} direction for each
 * {@code double[]} parameter of the original, in order; it returns the directional derivative
 * {@code Σᵢ ∂of/∂p[i] · dp[i]} as a {@code double}. A {@code null} direction means zero. For
 * second order, the tangent method itself needs a derivative: give it a {@link Pullback}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Tangent {

    /**
     * Name of the original method.
     *
     * @return the original method's name
     */
    String of();

    /**
     * The class declaring the original; {@code void.class}, the default, means this class.
     *
     * @return the original's class
     */
    Class<?> in() default void.class;
}
