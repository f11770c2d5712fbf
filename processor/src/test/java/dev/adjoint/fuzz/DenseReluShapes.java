package dev.adjoint.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code denseRelu} fuzz feature (issue 15, cause 6): a dense layer of ReLU units,
 * {@code z = b(j); for (i) z += u[i] * u[(i + j) % n]; h[j] = max(z, 0)} (or a select, or
 * {@code Activations.relu(z)}, differentiated from its result), summed with weights.
 * The units that do not fire leave a zero adjoint, so their reverse inner loops are skipped by
 * the guard {@code if (zAdj != 0.0)}; the ones that fire must still get every update. The ReLU is
 * written as {@code Math.max}, as {@code ?:} or as an {@code if}. One shape in two applies the
 * layer to each of a few examples and sums a term of each ({@link #batch}): the loop over the
 * examples fuses (issue 15), and the guard then sits in the fused body, whose forward part resets
 * the counter the skipped loop sets.
 */
final class DenseReluShapes {
  private final ReferenceShapes.Generator g;

  DenseReluShapes(ReferenceShapes.Generator g) {
    this.g = g;
  }

  /** Statements of one shape; the last declares {@code double z<k>}, returned as its name. */
  List<Node> build(String[] resultName) {
    if (g.sr(2) == 0) {
      return batch(resultName);
    }
    String k = g.sfx();
    String z = "z" + k;
    String u = "zu" + k;
    String h = "zh" + k;
    String j = "zj" + k;
    String i = "zi" + k;
    String unit = "zz" + k;
    resultName[0] = z;
    int n = 2 + g.sr(3);
    int hidden = 2 + g.sr(3);
    List<Node> out = new ArrayList<>();
    out.add(Node.stmt("double[] " + u + " = new double[" + n + "];"));
    for (int e = 0; e < n; e++) {
      out.add(Node.stmt(u + "[" + e + "] = @0@ * " + (0.3 + 0.2 * e) + ";", g.active(1)));
    }
    out.add(Node.stmt("double[] " + h + " = new double[" + hidden + "];"));
    List<Node> body = new ArrayList<>();
    body.add(Node.stmt("double " + unit + " = 0.4 * " + j + " - 0.6;"));
    body.add(Node.stmt("for (int " + i + " = 0; " + i + " < " + u + ".length; " + i + "++) @0@",
        Node.block(List.of(Node.stmt(unit + " += " + u + "[" + i + "] * " + u + "[(" + i
            + " + " + j + ") % " + u + ".length]" + g.spick("", " * (" + j + " - 1.5)")
            + ";")))));
    body.add(switch (g.sr(4)) {
      case 0 -> Node.stmt(h + "[" + j + "] = Math.max(" + unit + ", 0.0);");
      case 1 -> Node.stmt(h + "[" + j + "] = " + unit + " > 0 ? " + unit + " : 0.0;");
      // differentiated from its result (OwnElementWrites)
      case 2 -> Node.stmt(h + "[" + j + "] = dev.adjoint.Activations.relu(" + unit + ");");
      default -> Node.stmt("if (" + unit + " > 0) @0@", Node.block(List.of(
          Node.stmt(h + "[" + j + "] = " + unit + ";"))));
    });
    out.add(Node.stmt("for (int " + j + " = 0; " + j + " < " + hidden + "; " + j + "++) @0@",
        Node.block(body)));
    out.add(Node.stmt("double " + z + " = 0.0;"));
    out.add(Node.stmt("for (int " + j + " = 0; " + j + " < " + hidden + "; " + j + "++) @0@",
        Node.block(List.of(Node.stmt(z + " += " + h + "[" + j + "] * (" + j + " + 0.5);")))));
    return out;
  }

  /**
   * {@code for (n) { for (j) { unit = ...; for (i) unit += ...; h[j] = relu(unit); } t = sum of
   * h[j] * c_j; s += t or t * t; }}, then {@code s} or {@code s / examples}, the loops over the
   * units bounded by {@code h.length} (so that {@code h} is seen rewritten by each example). With
   * the ReLU as an {@code if}, it is not (a near miss: not fused).
   */
  private List<Node> batch(String[] resultName) {
    String k = g.sfx();
    String z = "z" + k;
    String u = "zu" + k;
    String h = "zh" + k;
    String j = "zj" + k;
    String i = "zi" + k;
    String n = "zn" + k;
    String s = "zs" + k;
    String t = "zt" + k;
    String unit = "zz" + k;
    resultName[0] = z;
    int width = 2 + g.sr(3);
    int hidden = 2 + g.sr(3);
    int examples = 1 + g.sr(3);
    List<Node> out = new ArrayList<>();
    out.add(Node.stmt("double[] " + u + " = new double[" + width + "];"));
    for (int e = 0; e < width; e++) {
      out.add(Node.stmt(u + "[" + e + "] = @0@ * " + (0.3 + 0.2 * e) + ";", g.active(1)));
    }
    out.add(Node.stmt("double[] " + h + " = new double[" + hidden + "];"));
    out.add(Node.stmt("double " + s + " = 0;"));
    List<Node> layer = new ArrayList<>();
    layer.add(Node.stmt("double " + unit + " = 0.4 * " + j + " - 0.6 + 0.25 * " + n + ";"));
    layer.add(Node.stmt("for (int " + i + " = 0; " + i + " < " + u + ".length; " + i + "++) @0@",
        Node.block(List.of(Node.stmt(unit + " += " + u + "[" + i + "] * " + u + "[(" + i
            + " + " + j + " + " + n + ") % " + u + ".length];")))));
    layer.add(switch (g.sr(7)) {
      case 0, 1 -> Node.stmt(h + "[" + j + "] = Math.max(" + unit + ", 0.0);");
      case 2, 3 -> Node.stmt(h + "[" + j + "] = " + unit + " > 0 ? " + unit + " : 0.0;");
      case 4, 5 -> Node.stmt(h + "[" + j + "] = dev.adjoint.Activations.relu(" + unit + ");");
      default -> Node.stmt("if (" + unit + " > 0) @0@", Node.block(List.of(
          Node.stmt(h + "[" + j + "] = " + unit + ";"))));
    });
    List<Node> example = new ArrayList<>();
    example.add(Node.stmt("for (int " + j + " = 0; " + j + " < " + h + ".length; " + j + "++) @0@",
        Node.block(layer)));
    example.add(Node.stmt("double " + t + " = 0;"));
    example.add(Node.stmt("for (int " + j + " = 0; " + j + " < " + h + ".length; " + j + "++) @0@",
        Node.block(List.of(Node.stmt(t + " += " + h + "[" + j + "] * (" + j + " - 0.5);")))));
    example.add(Node.stmt(g.spick(s + " += " + t + ";", s + " += " + t + " * " + t + ";")));
    out.add(Node.stmt("for (int " + n + " = 0; " + n + " < " + examples + "; " + n + "++) @0@",
        Node.block(example)));
    out.add(Node.stmt(g.spick("double " + z + " = " + s + ";",
        "double " + z + " = " + s + " / " + examples + ";")));
    return out;
  }
}
