package dev.adjoint.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Part of the {@code sumTerms} fuzz feature (issue 15): a sum of independent terms whose
 * iterations write a scratch array allocated before the loop (GMM's {@code xc}, the MLP's
 * {@code h}), rewritten in full by each iteration before it is read (bounded by its length or
 * by the variable it was allocated with), then read element by element, whole, or updated in
 * place ({@code sc[j] += e}): fused into one sweep. As near misses, which keep two sweeps: a
 * read before the rewrite, a rewrite of all but the first element, a value carried to the next
 * iteration through an element, the rewrite behind a branch, a break in the rewrite, a read
 * after the loop.
 */
final class ScratchSumShapes {
  private final ReferenceShapes.Generator g;

  ScratchSumShapes(ReferenceShapes.Generator g) {
    this.g = g;
  }

  /** Statements of one shape; the last declares {@code double z<k>}, returned as its name. */
  List<Node> build(String[] resultName) {
    String k = g.sfx();
    String z = "z" + k;
    String s = "zs" + k;
    String i = "zi" + k;
    String j = "zj" + k;
    String u = "zu" + k;
    String v = "zv" + k;
    String sc = "zsc" + k;
    resultName[0] = z;
    int trips = 1 + g.sr(4);
    int width = 1 + g.sr(3);
    int near = g.sr(12);
    List<Node> out = new ArrayList<>();
    out.add(g.sr(2) == 0 ? Node.stmt("double " + s + " = 0;")
        : Node.stmt("double " + s + " = @0@;", g.active(1)));
    String bound = sc + ".length";
    if (g.sr(2) == 0) {
      bound = "zn" + k;
      out.add(Node.stmt("int " + bound + " = " + width + ";"));
      out.add(Node.stmt("double[] " + sc + " = new double[" + bound + "];"));
    } else {
      out.add(Node.stmt("double[] " + sc + " = new double[" + width + "];"));
    }
    List<Node> body = new ArrayList<>();
    body.add(Node.stmt("double " + u + " = @0@;", g.activeIn(i, 2)));
    if (near == 0) {
      body.add(Node.stmt("double " + v + "0 = " + sc + "[" + g.sr(width) + "];"));
    }
    List<Node> fill = new ArrayList<>();
    fill.add(Node.stmt(sc + "[" + j + "] = " + g.spick(u + " * @0@", "Math.sin(@0@) + " + u,
        "@0@ - " + u) + ";", g.activeIn(j, 1)));
    if (g.sr(3) == 0) {
      fill.add(Node.stmt(s + " += 0.5 * " + sc + "[" + j + "];"));
    }
    if (near == 4) {
      fill.add(Node.stmt("if (" + sc + "[" + j + "] > 3) { break; }"));
    }
    Node fillLoop = Node.stmt("for (int " + j + " = " + (near == 1 ? 1 : 0) + "; " + j + " < "
        + bound + "; " + j + "++) @0@", Node.block(fill));
    body.add(near == 3 ? Node.stmt("if (" + u + " > 0.25) @0@", Node.block(List.of(fillLoop)))
        : fillLoop);
    if (g.sr(3) == 0) {
      body.add(Node.stmt("for (int " + j + " = 0; " + j + " < " + sc + ".length; " + j
          + "++) { " + sc + "[" + j + "] += 0.25 * " + sc + "[" + j + "] * " + u + "; }"));
    }
    switch (g.sr(3)) {
      case 0 -> {
        body.add(Node.stmt("double " + v + " = 0;"));
        body.add(Node.stmt("for (int " + j + " = 0; " + j + " < " + bound + "; " + j + "++) { "
            + v + " += " + sc + "[" + j + "] * " + sc + "[" + j + "]; }"));
      }
      case 1 -> body.add(Node.stmt("double " + v + " = " + sc + "[0] * " + sc + "["
          + (width - 1) + "];"));
      default -> body.add(Node.stmt("double " + v + " = " + sc + "[" + g.sr(width) + "] + "
          + u + ";"));
    }
    String term = g.spick(u + " * " + v, "Math.sin(" + v + ") + " + u, v + " * " + v);
    if (near == 0) {
      term += " + " + v + "0 * " + u;
    }
    body.add(Node.stmt(g.spick(s + " += " + term + ";", s + " = " + s + " + " + term + ";")));
    if (near == 2) {
      body.add(Node.stmt(sc + "[0] = " + sc + "[0] * 0.5 + " + u + ";"));
    }
    out.add(Node.stmt("for (int " + i + " = 0; " + i + " < " + trips + "; " + i + "++) @0@",
        Node.block(body)));
    out.add(near == 5 ? Node.stmt("double " + z + " = " + s + " + " + sc + "[0];")
        : g.sr(2) == 0 ? Node.stmt("double " + z + " = " + s + ";")
        : Node.stmt("double " + z + " = " + s + " / " + trips + ";"));
    return out;
  }
}
