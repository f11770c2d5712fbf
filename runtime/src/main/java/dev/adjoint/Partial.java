package dev.adjoint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a public static method as the partial derivative {@code ∂of/∂wrt} of another
 * public static method {@code of} of the same class.
 *
 * <p>The annotated method takes exactly the parameter list of the original and returns
 * {@code double}: the partial derivative at those arguments. The processor discovers partials by
 * scanning the original's class; a parameter of the original without a {@code @Partial} is not
 * differentiable.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Partial {

    /**
     * Name of the original method, declared in the same class.
     *
     * @return the original method's name
     */
    String of();

    /**
     * Name of the original's parameter this method differentiates with respect to.
     *
     * @return the parameter name
     */
    String wrt();
}
