package dev.adjoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The computation graph of one evaluation of a {@code @Differentiable} method: one node per
 * parameter and per executed assignment, each with its value and its adjoint ∂result/∂node, and
 * one edge per input with the local partial derivative on it. Generated {@code mGraph} methods
 * build it; it renders as Graphviz DOT, Mermaid or a plain-text table.
 *
 * <p>A loop contributes one node per iteration, so keep evaluations small when rendering.
 */
public final class ComputationGraph {

  /**
   * One node.
   *
   * @param id position in evaluation order, from 0
   * @param name the variable assigned, or the parameter
   * @param operation the expression evaluated, or "input"
   * @param value the value computed
   * @param adjoint ∂result/∂(this node): how much the result moves per unit change here
   * @param inputs ids of the nodes this one reads
   * @param partials ∂(this node)/∂(input), one per input
   */
  public record Node(int id, String name, String operation, double value, double adjoint,
      int[] inputs, double[] partials) {
    /** Whether this node is a parameter of the method. */
    public boolean isInput() {
      return inputs.length == 0 && operation.equals(INPUT);
    }
  }

  private static final String INPUT = "input";

  private final String method;
  private final List<String> names = new ArrayList<>();
  private final List<String> operations = new ArrayList<>();
  private final List<int[]> inputs = new ArrayList<>();
  private final List<double[]> partials = new ArrayList<>();
  private double[] values = new double[16];
  private double[] adjoints;
  private int output = -1;

  /**
   * An empty graph.
   *
   * @param method the method evaluated, for titles
   */
  public ComputationGraph(String method) {
    this.method = method;
  }

  /**
   * Adds a parameter.
   *
   * @param name the parameter's name
   * @param value its value
   * @return the node's id
   */
  public int input(String name, double value) {
    return node(name, INPUT, value, new int[0], new double[0]);
  }

  /**
   * Adds an executed assignment. Inputs with a negative id (constants, values without a node)
   * are left out.
   *
   * @param name the variable assigned
   * @param operation the expression evaluated
   * @param value the value assigned
   * @param inputIds ids of the nodes read
   * @param localPartials ∂value/∂input for each input
   * @return the node's id
   */
  public int node(String name, String operation, double value, int[] inputIds,
      double[] localPartials) {
    if (inputIds.length != localPartials.length) {
      throw new IllegalArgumentException("one partial per input");
    }
    int kept = 0;
    for (int id : inputIds) {
      if (id >= 0) {
        kept++;
      }
    }
    int[] in = new int[kept];
    double[] p = new double[kept];
    for (int i = 0, k = 0; i < inputIds.length; i++) {
      if (inputIds[i] >= 0) {
        in[k] = inputIds[i];
        p[k++] = localPartials[i];
      }
    }
    int id = names.size();
    names.add(name);
    operations.add(operation);
    inputs.add(in);
    partials.add(p);
    if (id == values.length) {
      values = Arrays.copyOf(values, 2 * id);
    }
    values[id] = value;
    adjoints = null;
    return id;
  }

  /**
   * Marks the node holding the method's result and propagates adjoints back from it, seeded
   * with 1: each node's adjoint is the sum over its uses of the user's adjoint times the local
   * partial on the edge.
   *
   * @param resultId the result's node
   * @return this graph
   */
  public ComputationGraph backward(int resultId) {
    output = resultId;
    adjoints = new double[names.size()];
    if (resultId < 0) {
      return this;
    }
    adjoints[resultId] = 1.0;
    for (int id = resultId; id >= 0; id--) {
      int[] in = inputs.get(id);
      double[] p = partials.get(id);
      for (int k = 0; k < in.length; k++) {
        adjoints[in[k]] += adjoints[id] * p[k];
      }
    }
    return this;
  }

  /**
   * The nodes, in evaluation order.
   *
   * @return the nodes
   */
  public List<Node> nodes() {
    List<Node> out = new ArrayList<>();
    for (int id = 0; id < names.size(); id++) {
      out.add(new Node(id, names.get(id), operations.get(id), values[id],
          adjoints == null ? Double.NaN : adjoints[id], inputs.get(id).clone(),
          partials.get(id).clone()));
    }
    return Collections.unmodifiableList(out);
  }

  /**
   * The node of the parameter or the latest assignment with this name.
   *
   * @param name a parameter or variable name
   * @return the node
   * @throws IllegalArgumentException if there is none
   */
  public Node last(String name) {
    for (int id = names.size() - 1; id >= 0; id--) {
      if (names.get(id).equals(name)) {
        return nodes().get(id);
      }
    }
    throw new IllegalArgumentException("no node named " + name);
  }

  /**
   * The id of the result's node, or -1 before {@link #backward(int)}.
   *
   * @return the output id
   */
  public int output() {
    return output;
  }

  /**
   * An aligned plain-text table: one row per node with its value, adjoint and inputs.
   *
   * @return the table
   */
  public String toTable() {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"#", "node", "operation", "value", "adjoint d" + method + "/dnode",
        "inputs (local partial)"});
    for (Node n : nodes()) {
      StringBuilder in = new StringBuilder();
      for (int k = 0; k < n.inputs().length; k++) {
        in.append(k == 0 ? "" : ", ").append('#').append(n.inputs()[k]).append(" (")
            .append(number(n.partials()[k])).append(')');
      }
      rows.add(new String[] {Integer.toString(n.id()), n.name(), n.operation(),
          number(n.value()), number(n.adjoint()), in.toString()});
    }
    int[] widths = new int[rows.get(0).length];
    for (String[] r : rows) {
      for (int c = 0; c < r.length; c++) {
        widths[c] = Math.max(widths[c], r[c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.length; c++) {
        String cell = row[c];
        boolean numeric = r > 0 && (c == 0 || c == 3 || c == 4);
        String pad = " ".repeat(widths[c] - cell.length());
        line.append(numeric ? pad + cell : cell + pad).append("  ");
      }
      out.append(line.toString().stripTrailing()).append('\n');
      if (r == 0) {
        for (int c = 0; c < widths.length; c++) {
          out.append("-".repeat(widths[c])).append(c == widths.length - 1 ? "" : "  ");
        }
        out.append('\n');
      }
    }
    return out.toString();
  }

  /**
   * Graphviz DOT: inputs as boxes, the result double-circled, edges labelled with their local
   * partial derivatives. Render with {@code dot -Tsvg}.
   *
   * @return the DOT source
   */
  public String toDot() {
    StringBuilder out = new StringBuilder();
    out.append("digraph ").append(quote(method)).append(" {\n");
    out.append("  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n");
    for (Node n : nodes()) {
      String shape = n.isInput() ? "box" : n.id() == output ? "doublecircle" : "ellipse";
      out.append("  n").append(n.id()).append(" [shape=").append(shape).append(", label=")
          .append(quote(label(n, "\\n"))).append("];\n");
    }
    for (Node n : nodes()) {
      for (int k = 0; k < n.inputs().length; k++) {
        out.append("  n").append(n.inputs()[k]).append(" -> n").append(n.id())
            .append(" [label=").append(quote(number(n.partials()[k]))).append("];\n");
      }
    }
    return out.append("}\n").toString();
  }

  /**
   * A Mermaid flowchart, for Markdown that renders Mermaid (GitHub, GitLab).
   *
   * @return the Mermaid source
   */
  public String toMermaid() {
    StringBuilder out = new StringBuilder("flowchart LR\n");
    for (Node n : nodes()) {
      String text = label(n, "<br/>").replace("\"", "'");
      String open = n.isInput() ? "[\"" : n.id() == output ? "((\"" : "(\"";
      String close = n.isInput() ? "\"]" : n.id() == output ? "\"))" : "\")";
      out.append("  n").append(n.id()).append(open).append(text).append(close).append('\n');
    }
    for (Node n : nodes()) {
      for (int k = 0; k < n.inputs().length; k++) {
        out.append("  n").append(n.inputs()[k]).append(" -- \"")
            .append(number(n.partials()[k])).append("\" --> n").append(n.id()).append('\n');
      }
    }
    return out.toString();
  }

  private String label(Node n, String newline) {
    String head = n.isInput() ? n.name() : assignment(n.name(), n.operation());
    return head + newline + "value " + number(n.value()) + newline + "d" + method + "/d"
        + n.name() + " " + number(n.adjoint());
  }

  /**
   * A node's assignment, its variable named once: the operation may be an expression
   * ({@code w * x}) or the statement it came from ({@code double c = w * x}, {@code c += x},
   * {@code return 0.5 * d * d}).
   */
  static String assignment(String name, String operation) {
    String op = operation.strip();
    if (op.startsWith("return ")) {
      return name + " = " + op.substring("return ".length()).strip();
    }
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "(?:[\\w.$<>,\\[\\] ]+\\s+)?" + java.util.regex.Pattern.quote(name)
            + "\\s*([-+*/%]?=)(?!=)\\s*(.*)", java.util.regex.Pattern.DOTALL).matcher(op);
    if (m.matches()) {
      return name + " " + m.group(1) + " " + m.group(2);
    }
    if (op.equals(name + "++") || op.equals(name + "--") || op.equals("++" + name)
        || op.equals("--" + name)) {
      return op;
    }
    return name + " = " + op;
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\\\\n", "\\n") + "\"";
  }

  private static String number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    double magnitude = Math.abs(v);
    if (magnitude >= 1e-4 && magnitude < 1e9) {
      return new java.math.BigDecimal(v).round(new java.math.MathContext(6))
          .stripTrailingZeros().toPlainString();
    }
    return String.format(Locale.ROOT, "%.6g", v);
  }
}
