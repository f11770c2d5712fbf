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
}
