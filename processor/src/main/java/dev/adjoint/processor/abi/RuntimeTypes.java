package dev.adjoint.processor.abi;

import com.palantir.javapoet.ClassName;

/**
 * The one place that names the runtime library's types ({@code dev.adjoint}): the annotations the
 * processor reads and the classes generated code uses; and the {@code @Generated} it writes.
 */
public final class RuntimeTypes {
  private RuntimeTypes() {}

  public static final String PACKAGE = "dev.adjoint";

  public static final String DIFFERENTIABLE = PACKAGE + ".Differentiable";
  public static final String PARTIAL = PACKAGE + ".Partial";
  public static final String PULLBACK = PACKAGE + ".Pullback";
  public static final String TANGENT = PACKAGE + ".Tangent";
  public static final String MODE = PACKAGE + ".Mode";
  public static final String USE_DERIVATIVES = PACKAGE + ".UseDerivatives";
  public static final String NON_DIFFERENTIABLE = PACKAGE + ".NonDifferentiable";
  public static final String CHECKPOINTED = PACKAGE + ".Checkpointed";

  /** The annotation on every generated class (not the runtime's: the JDK's). */
  public static final String GENERATED = "javax.annotation.processing.Generated";
  /** The {@code value} of {@link #GENERATED} on Adjoint's output: its processor's name. */
  public static final String GENERATOR = "dev.adjoint.processor.AdjointProcessor";
  /** {@link #GENERATED} as generated code names it. */
  public static final ClassName GENERATED_TYPE = ClassName.bestGuess(GENERATED);

  /** The tape generated code records on; the last parameter of every adjoint entry point. */
  public static final ClassName TAPE = ClassName.get(PACKAGE, "Tape");
  /** Helpers over adjoint arrays: {@code addInto}, {@code zerosLike}, {@code NO_SCALARS}. */
  public static final ClassName ADJOINT_ARRAYS = ClassName.get(PACKAGE, "AdjointArrays");
  /** Vector operations on gradients' array components, for records' generated algebra. */
  public static final ClassName GRADIENT_ALGEBRA = ClassName.get(PACKAGE, "GradientAlgebra");
  /** Loss functions with derivatives of their own, which only read the arrays they receive. */
  public static final ClassName LOSSES = ClassName.get(PACKAGE, "Losses");
  /** Activation functions with derivatives of their own. */
  public static final ClassName ACTIVATIONS = ClassName.get(PACKAGE, "Activations");
  /** What a graph method returns. */
  public static final ClassName COMPUTATION_GRAPH = ClassName.get(PACKAGE, "ComputationGraph");

  /** The JVM descriptor of {@code type}, a class of the runtime library. */
  static String descriptor(ClassName type) {
    return "L" + type.reflectionName().replace('.', '/') + ";";
  }
}
