package dev.adjoint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stops derivatives. On a parameter of a {@code @Differentiable} method: the parameter is not
 * differentiated, as if it were left out of {@code wrt}. On a static method: its result carries
 * no derivative, whatever its arguments (a stop-gradient, as JAX's {@code stop_gradient} or
 * Swift's {@code withoutDerivative(at:)}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.PARAMETER})
public @interface NonDifferentiable {}
