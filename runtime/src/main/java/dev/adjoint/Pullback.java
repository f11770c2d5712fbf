package dev.adjoint;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a public static {@code void} method as the pullback (vector-Jacobian product) of
 * another public static method {@code of} of the same class; used for helpers taking arrays.
 *
 * <p>Signature: the original's parameters, then {@code double seed}, then one {@code double[]}
 * adjoint array for each {@code double[]} parameter of the original, in order. The pullback
 * <em>adds</em> {@code seed·∂of/∂p[i]} into each adjoint array; a {@code null} adjoint array
 * means that adjoint is not needed and is skipped.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Pullback {

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
