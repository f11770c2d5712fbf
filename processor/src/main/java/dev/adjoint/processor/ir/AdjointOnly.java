package dev.adjoint.processor.ir;

/** The failure of a stage over the original's IR that meets a node only the adjoint IR has. */
public final class AdjointOnly {
  private AdjointOnly() {}

  public static IllegalStateException in(String stage, Object node) {
    return new IllegalStateException(stage + " met " + node + ", a node of the adjoint IR only");
  }
}
