package dev.adjoint.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes into the parameter array {@code x} through other names (issue 13, the
 * {@code paramWrite} feature): an alias ({@code double[] y = x;} or {@code var}), the parameter
 * or a local buffer chosen by {@code ?:} (on the length, so that no perturbation flips it), and
 * time stepping that swaps the parameter with a fresh buffer. Indices stay in range by
 * construction.
 */
final class ParamAliasShapes {
  private final ReferenceShapes.Generator g;

  ParamAliasShapes(ReferenceShapes.Generator g) {
    this.g = g;
  }

  /** Statements writing into {@code x} (of length {@code len}) through another name. */
  List<Node> build(String k, int len) {
    List<Node> out = new ArrayList<>();
    String i = "zai" + k;
    switch (g.sr(3)) {
      case 0 -> {
        String y = "zay" + k;
        out.add(Node.stmt(g.spick("double[] ", "var ") + y + " = x;"));
        out.add(Node.stmt("for (int " + i + " = 0; " + i + " < " + y + ".length; " + i
            + "++) @0@", Node.block(List.of(Node.stmt(y + "[" + i + "] = " + y + "[" + i
            + "] * @0@ + 0.25 * Math.sin(" + y + "[" + i + "]);", g.activeIn(i, 1))))));
      }
      case 1 -> {
        String b = "zab" + k;
        String t = "zat" + k;
        out.add(Node.stmt("double[] " + b + " = new double[" + len + "];"));
        out.add(Node.stmt("double[] " + t + " = x.length " + g.spick("> 1", "> 100") + " ? "
            + g.spick("x : " + b, b + " : x") + ";"));
        out.add(Node.stmt("for (int " + i + " = 0; " + i + " < " + t + ".length; " + i
            + "++) @0@", Node.block(List.of(Node.stmt(t + "[" + i + "] = " + t + "[" + i
            + "] * 0.5 + @0@;", g.activeIn(i, 1))))));
        out.add(Node.stmt("x[" + g.sr(len) + "] += " + b + "[" + g.sr(len) + "] * 0.5;"));
      }
      default -> {
        String c = "zac" + k;
        String n = "zan" + k;
        String s = "zas" + k;
        String t = "zat" + k;
        out.add(Node.stmt("double[] " + c + " = x;"));
        out.add(Node.stmt("double[] " + n + " = new double[" + len + "];"));
        List<Node> body = new ArrayList<>();
        body.add(Node.stmt("for (int " + i + " = 0; " + i + " < " + len + "; " + i + "++) @0@",
            Node.block(List.of(Node.stmt(n + "[" + i + "] = " + c + "[" + i + "] + 0.1 * Math.sin("
                + c + "[(" + i + " + 1) % " + len + "]) * @0@;", g.activeIn(i, 1))))));
        body.add(Node.stmt("double[] " + t + " = " + c + ";"));
        body.add(Node.stmt(c + " = " + n + ";"));
        body.add(Node.stmt(n + " = " + t + ";"));
        out.add(Node.stmt("for (int " + s + " = 0; " + s + " < " + (1 + g.sr(3)) + "; " + s
            + "++) @0@", Node.block(body)));
        out.add(Node.stmt("x[" + g.sr(len) + "] += " + c + "[" + g.sr(len) + "] * " + n + "["
            + g.sr(len) + "];"));
      }
    }
    return out;
  }
}
