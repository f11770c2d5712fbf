package dev.adjoint.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code denseRelu} fuzz feature (issue 15, cause 6): a dense layer of ReLU units,
 * {@code z = b(j); for (i) z += u[i] * u[(i + j) % n]; h[j] = max(z, 0)}, summed with weights.
 * The units that do not fire leave a zero adjoint, so their reverse inner loops are skipped by
 * the guard {@code if (zAdj != 0.0)}; the ones that fire must still get every update. The ReLU is
 * written as {@code Math.max}, as {@code ?:} or as an {@code if}.
 */
final class DenseReluShapes {
  private final ReferenceShapes.Generator g;

  DenseReluShapes(ReferenceShapes.Generator g) {
    this.g = g;
  }

  /** Statements of one shape; the last declares {@code double z<k>}, returned as its name. */
  List<Node> build(String[] resultName) {
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
    body.add(switch (g.sr(3)) {
      case 0 -> Node.stmt(h + "[" + j + "] = Math.max(" + unit + ", 0.0);");
      case 1 -> Node.stmt(h + "[" + j + "] = " + unit + " > 0 ? " + unit + " : 0.0;");
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
}
