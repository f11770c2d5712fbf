package dev.adjoint.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Part of the {@code sumTerms} fuzz feature (issue 15, {@code transform.ScratchRows}): GMM's
 * loop over components inside the fused loop over points. Each component rewrites a scratch
 * array in full ({@code sc[j] = e}, bounded by its length or by the variable it was allocated
 * with), sometimes a second one from it, sometimes walks a running int index over the strict
 * upper triangle ({@code l = c0; ... l++}, GMM's {@code l}), then adds a term read from the
 * arrays to the sum. The number of components is a literal, the point's counter (0, 1, 2, ...:
 * rows grown) or one more. As near misses, which keep the whole-array records: the rewrite
 * behind a branch, a read of the array before the rewrite.
 */
final class ComponentRowShapes {
  private final ReferenceShapes.Generator g;

  ComponentRowShapes(ReferenceShapes.Generator g) {
    this.g = g;
  }

  /** Statements of one shape; the last declares {@code double z<k>}, returned as its name. */
  List<Node> build(String[] resultName) {
    String k = g.sfx();
    String z = "z" + k;
    String s = "zs" + k;
    String i = "zi" + k;
    String c = "zc" + k;
    String j = "zj" + k;
    String q = "zq" + k;
    String l = "zl" + k;
    String u = "zu" + k;
    String v = "zv" + k;
    String sc = "zsc" + k;
    String lc = "zlc" + k;
    resultName[0] = z;
    int trips = 1 + g.sr(4);
    int width = 1 + g.sr(4);
    int near = g.sr(10);
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
    boolean second = g.sr(2) == 0;
    if (second) {
      out.add(Node.stmt("double[] " + lc + " = new double[" + width + "];"));
    }
    List<Node> component = new ArrayList<>();
    if (near == 0) {
      component.add(Node.stmt("double " + v + "0 = " + sc + "[" + g.sr(width) + "];"));
    }
    Node fill = Node.stmt("for (int " + j + " = 0; " + j + " < " + bound + "; " + j + "++) @0@",
        Node.block(List.of(Node.stmt(sc + "[" + j + "] = " + g.spick(u + " * @0@",
            "Math.sin(@0@) + " + u, "@0@ - " + u + " * " + c) + ";", g.activeIn(j, 1)))));
    component.add(near == 1 ? Node.stmt("if (" + u + " > 0.25) @0@", Node.block(List.of(fill)))
        : fill);
    String read = sc;
    if (second) {
      component.add(Node.stmt("for (int " + j + " = 0; " + j + " < " + lc + ".length; " + j
          + "++) @0@", Node.block(List.of(Node.stmt(lc + "[" + j + "] = " + g.spick(
              "Math.exp(@0@) * " + sc + "[" + j + "]", sc + "[" + j + "] * " + sc + "[" + j
              + "] + @0@") + ";", g.activeIn(c, 1))))));
      read = lc;
    }
    if (g.sr(2) == 0) {
      // GMM's triangular walk: l set per component, stepped in the inner loop
      component.add(Node.stmt("int " + l + " = " + g.sr(3) + ";"));
      component.add(Node.stmt("for (int " + j + " = 0; " + j + " < " + width + "; " + j
          + "++) { for (int " + q + " = " + j + " + 1; " + q + " < " + width + "; " + q + "++) { "
          + read + "[" + q + "] += 0.5 * " + sc + "[" + j + "] * (" + l + " % 3 + 1); "
          + g.spick(l + "++;", l + " += 2;") + " } }"));
    }
    component.add(Node.stmt("double " + v + " = 0;"));
    component.add(Node.stmt("for (int " + j + " = 0; " + j + " < " + width + "; " + j + "++) { "
        + v + " += " + g.spick("Math.sin(" + read + "[" + j + "]) * " + read + "[" + j + "]",
            read + "[" + j + "] * " + read + "[" + j + "] * " + u) + "; }"));
    String term = g.spick(v + " * " + v, "Math.sin(" + v + ") * " + u, v + " + " + u);
    if (near == 0) {
      term += " + " + v + "0 * " + u;
    }
    component.add(Node.stmt(s + " += " + term + ";"));
    String comps = g.spick(String.valueOf(1 + g.sr(3)), i, i + " + 1");
    List<Node> body = new ArrayList<>();
    body.add(Node.stmt("double " + u + " = @0@;", g.activeIn(i, 2)));
    body.add(Node.stmt("for (int " + c + " = 0; " + c + " < " + comps + "; " + c + "++) @0@",
        Node.block(component)));
    out.add(Node.stmt("for (int " + i + " = 0; " + i + " < " + trips + "; " + i + "++) @0@",
        Node.block(body)));
    out.add(g.sr(2) == 0 ? Node.stmt("double " + z + " = " + s + ";")
        : Node.stmt("double " + z + " = " + s + " / " + trips + ";"));
    return out;
  }
}
