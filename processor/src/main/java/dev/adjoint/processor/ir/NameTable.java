package dev.adjoint.processor.ir;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The names generated code gives a method's variables and labels, kept beside the IR, which is
 * never renamed: several transformations of one method (its gradient, its graph trace, a copy of a
 * private method) can each name it their own way. The variables of the original computation
 * ({@link Variable.Origin#isPrimal()}) are named by a naming pass; a variable a transformation
 * introduces is created with a unique name of its own, which the table gives back. Labels are
 * named as the transformation that prints them first uses them ({@link #withLabels}).
 */
public final class NameTable {
  private final Map<Variable, String> primal;
  private final Map<Label, String> labels;

  public NameTable(Map<Variable, String> primal) {
    this(primal, Map.of());
  }

  private NameTable(Map<Variable, String> primal, Map<Label, String> labels) {
    this.primal = Collections.unmodifiableMap(new IdentityHashMap<>(primal));
    this.labels = Collections.unmodifiableMap(new IdentityHashMap<>(labels));
  }

  /** This table, naming labels as {@code labels} does. */
  public NameTable withLabels(Map<Label, String> labels) {
    return new NameTable(primal, labels);
  }

  /** The name of {@code v} in generated code. */
  public String of(Variable v) {
    if (!v.origin().isPrimal()) {
      return introduced(v);
    }
    String name = primal.get(v);
    if (name == null) {
      throw new IllegalStateException("variable '" + v.sourceName() + "' has no generated name");
    }
    return name;
  }

  /** The name of {@code label} in generated code. */
  public String of(Label label) {
    String name = labels.get(label);
    if (name == null) {
      throw new IllegalStateException("label '" + label.sourceName() + "' has no generated name");
    }
    return name;
  }

  /** The name of a variable a transformation introduced, unique from its creation. */
  public static String introduced(Variable v) {
    if (v.origin().isPrimal()) {
      throw new IllegalStateException("'" + v.sourceName() + "' is named by a name table");
    }
    return v.sourceName();
  }
}
