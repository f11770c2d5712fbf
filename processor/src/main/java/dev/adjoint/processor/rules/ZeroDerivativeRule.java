package dev.adjoint.processor.rules;

/** A function whose derivative is zero wherever it exists: floor, round, signum, ... */
public record ZeroDerivativeRule() implements DerivativeRule {
  @Override
  public boolean differentiableIn(int index) {
    return true;
  }
}
