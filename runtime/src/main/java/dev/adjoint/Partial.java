package dev.adjoint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a static method as the partial derivative {@code ∂of/∂wrt} of another static method
 * {@code of}: of the same class, or of class {@link #in()} (a library's method without source,
 * say).
 *
 * <p>The annotated method takes exactly the parameter list of the original and returns
 * {@code double}: the partial derivative at those arguments. The processor finds partials
 * declared beside the original by scanning the original's class, and partials declared elsewhere
 * in classes named by {@link UseDerivatives} on the calling class (or compiled together with
 * it). A parameter of the original without a {@code @Partial} is not differentiable. A declared
 * derivative takes precedence over the one Adjoint would generate.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Partial {

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

    /**
     * Name of the original's parameter this method differentiates with respect to.
     *
     * @return the parameter name
     */
    String wrt();
}
