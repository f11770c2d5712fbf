package dev.adjoint.processor.ir;

/** The target of a {@code break} or {@code continue}: a loop or a labelled block. */
public final class Label {
  private final String sourceName;

  public Label(String sourceName) {
    this.sourceName = sourceName;
  }

  /** The user's label, or a descriptive base for labels the front end introduces. */
  public String sourceName() {
    return sourceName;
  }

  @Override
  public String toString() {
    return sourceName;
  }
}
