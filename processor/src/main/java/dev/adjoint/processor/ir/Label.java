package dev.adjoint.processor.ir;

/** The target of a {@code break} or {@code continue}: a loop or a labelled block. */
public final class Label {
  private final String sourceName;
  private final boolean userDefined;

  /** A label the user wrote. */
  public static Label user(String name) {
    return new Label(name, true);
  }

  /** A label the front end introduces for a loop or switch the user left unlabelled. */
  public static Label synthetic(String base) {
    return new Label(base, false);
  }

  private Label(String sourceName, boolean userDefined) {
    this.sourceName = sourceName;
    this.userDefined = userDefined;
  }

  /** Whether the user wrote this label, so generated code keeps its name. */
  public boolean isUserDefined() {
    return userDefined;
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
