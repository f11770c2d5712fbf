package dev.adjoint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes the {@link Partial} and {@link Pullback} declarations of the named classes visible to the
 * {@code @Differentiable} methods of the annotated class, as an import would. Needed for rule
 * classes that come from a jar; rule classes compiled together with their users are found
 * without it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface UseDerivatives {

    /**
     * Classes declaring derivatives of other classes' methods.
     *
     * @return the rule classes
     */
    Class<?>[] value();
}
