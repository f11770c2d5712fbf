package dev.adjoint.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes into the rows of the parameter matrix {@code m} (issue 13, the {@code paramWrite}
 * feature): directly ({@code m[i][j] = ...}), through a row alias ({@code double[] r = m[i];},
 * {@code var}), through a row chosen by {@code ?:} on the length (so that no perturbation flips
 * it), through rows swapped in time steps, and {@code Arrays.fill} of a row; then the matrix is
 * read back through its own name. Indices stay in range by construction.
 */
final class ParamRowShapes {
  private final ReferenceShapes.Generator g;

  ParamRowShapes(ReferenceShapes.Generator g) {
    this.g = g;
  }

  /** Statements writing into {@code m} ({@code rows} by {@code cols}), then summing it. */
  List<Node> build(String k, String z, int rows, int cols) {
    List<Node> out = new ArrayList<>();
    String i = "zri" + k;
    String j = "zrj" + k;
    switch (g.sr(5)) {
      case 0 -> out.add(loop(i, "m.length", loop(j, "m[" + i + "].length",
          Node.stmt("m[" + i + "][" + j + "] " + g.spick("=", "+=", "*=") + " m[" + i + "]["
              + j + "] * @0@ + 0.25 * Math.sin(m[" + i + "][" + j + "]);",
              g.activeIn(j, 1)))));
      case 1 -> {
        String r = "zrr" + k;
        out.add(loop(i, "m.length", Node.block(List.of(
            Node.stmt(g.spick("double[] ", "var ") + r + " = m[" + i + "];"),
            loop(j, r + ".length", Node.stmt(r + "[" + j + "] = Math.sin(" + r + "[" + j
                + "]) * @0@;", g.activeIn(j, 1)))))));
      }
      case 2 -> {
        String r = "zrr" + k;
        out.add(Node.stmt("double[] " + r + " = m.length " + g.spick("> 1", "> 100") + " ? m["
            + g.sr(rows) + "] : m[" + g.sr(rows) + "];"));
        out.add(loop(j, r + ".length", Node.stmt(r + "[" + j + "] += " + r + "[" + j + "] * "
            + r + "[" + j + "] * @0@;", g.activeIn(j, 1))));
      }
      case 3 -> {
        String a = "zra" + k;
        String b = "zrb" + k;
        String t = "zrt" + k;
        String s = "zrs" + k;
        out.add(Node.stmt("double[] " + a + " = m[0];"));
        out.add(Node.stmt("double[] " + b + " = m[" + (rows - 1) + "];"));
        out.add(loop(s, String.valueOf(1 + g.sr(3)), Node.block(List.of(
            Node.stmt("double[] " + t + " = " + a + ";"),
            Node.stmt(a + " = " + b + ";"),
            Node.stmt(b + " = " + t + ";"),
            Node.stmt(a + "[" + g.sr(cols) + "] = " + a + "[" + g.sr(cols) + "] * 0.5 + "
                + "Math.sin(" + b + "[" + g.sr(cols) + "]) * @0@;", g.active(1))))));
      }
      default -> {
        int from = g.sr(cols);
        out.add(Node.stmt("java.util.Arrays.fill(m[" + g.sr(rows) + "], " + from + ", "
            + (from + 1 + g.sr(cols - from)) + ", @0@);", g.active(2)));
      }
    }
    out.add(Node.stmt("double " + z + " = 0.0;"));
    out.add(loop(i, "m.length", loop(j, "m[" + i + "].length", Node.stmt(z + " += "
        + g.spick("Math.sin(", "Math.tanh(", "0.5 * (") + "m[" + i + "][" + j + "]) * (" + i
        + " + " + j + " + 1);"))));
    return out;
  }

  private static Node loop(String i, String bound, Node body) {
    Node block = body.sort == Node.Sort.BLOCK ? body : Node.block(List.of(body));
    return Node.stmt("for (int " + i + " = 0; " + i + " < " + bound + "; " + i + "++) @0@",
        block);
  }
}
