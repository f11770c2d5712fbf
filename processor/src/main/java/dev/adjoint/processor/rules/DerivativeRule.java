package dev.adjoint.processor.rules;

/**
 * How a call is differentiated. The front end only resolves which method a call reaches; this
 * stage decides what its derivative is.
 */
public sealed interface DerivativeRule
    permits PartialsRule, PullbackRule, ZeroDerivativeRule, AdjointCallRule {

  /** Whether a derivative flows from argument {@code index} into the call's result. */
  boolean differentiableIn(int index);
}
