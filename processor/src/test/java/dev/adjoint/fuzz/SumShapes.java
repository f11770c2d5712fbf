package dev.adjoint.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code sumTerms} fuzz feature (issue 15): a loop that sums independent terms, which the
 * adjoint runs in one fused sweep. Each iteration computes locals from the counter and the
 * active values before the loop (sometimes through a nested loop), then adds a term to the sum
 * ({@code s += e}, {@code s = s + e}, {@code s = e + s}, {@code s -= e}, in a branch or not);
 * after the loop the sum is used linearly ({@code s}, {@code s / n}, {@code 0.5 * s + e}). A
 * term may be a helper's value ({@code s += h(u, v)}), which the fused loop gets from the
 * helper's adjoint entry point, called once.
 * As near misses, which must keep two sweeps: a term reading the sum, a break, a non-linear
 * use after the loop. One shape in six writes a scratch array instead
 * ({@link ScratchSumShapes}), one in three does per component of each term
 * ({@link ComponentRowShapes}), and of the rest one in four reads elements several times
 * ({@link RepeatedReadSumShapes}).
 */
final class SumShapes {
  private final ReferenceShapes.Generator g;

  SumShapes(ReferenceShapes.Generator g) {
    this.g = g;
  }

  /** Statements of one shape; the last declares {@code double z<k>}, returned as its name. */
  List<Node> build(String[] resultName) {
    switch (g.sr(6)) {
      case 0, 1 -> {
        return new ComponentRowShapes(g).build(resultName);
      }
      case 2 -> {
        return new ScratchSumShapes(g).build(resultName);
      }
      default -> { }
    }
    if (g.sr(4) == 0) {
      return new RepeatedReadSumShapes(g).build(resultName);
    }
    String k = g.sfx();
    String z = "z" + k;
    String s = "zs" + k;
    String i = "zi" + k;
    String u = "zu" + k;
    String v = "zv" + k;
    resultName[0] = z;
    int trips = 1 + g.sr(4);
    List<Node> out = new ArrayList<>();
    out.add(g.sr(2) == 0 ? Node.stmt("double " + s + " = 0;")
        : Node.stmt("double " + s + " = @0@;", g.active(1)));
    List<Node> body = new ArrayList<>();
    body.add(Node.stmt("double " + u + " = @0@;", g.activeIn(i, 2)));
    if (g.sr(2) == 0) {
      String j = "zj" + k;
      body.add(Node.stmt("double " + v + " = 0;"));
      body.add(Node.stmt("for (int " + j + " = 0; " + j + " < " + (1 + g.sr(3)) + "; " + j
          + "++) @0@", Node.block(List.of(Node.stmt(v + " += " + u + " * @0@;",
              g.activeIn(j, 1))))));
    } else {
      body.add(Node.stmt("double " + v + " = @0@;", g.activeIn(i, 1)));
    }
    String e = g.spick(u + " * " + v, "Math.sin(" + u + ") * " + v, u + " * " + u + " + " + v);
    if (g.sr(4) == 0) {
      // a term computed by a helper: the fused loop calls its adjoint alone, once
      e = g.scalarHelper("sumTerms") + "(" + u + ", " + v + ")";
    }
    body.add(switch (g.sr(5)) {
      case 0 -> Node.stmt(s + " += " + e + ";");
      case 1 -> Node.stmt(s + " = " + s + " + " + e + ";");
      case 2 -> Node.stmt(s + " = " + e + " + " + s + ";");
      case 3 -> Node.stmt(s + " -= " + e + ";");
      default -> Node.stmt("if (" + u + " > 0.25) { " + s + " += " + u + " * " + u
          + "; } else { " + s + " -= " + v + "; }");
    });
    switch (g.sr(8)) {
      case 0 -> body.add(Node.stmt(s + " += 0.125 * " + s + " * " + u + ";"));
      case 1 -> body.add(0, Node.stmt("if (" + i + " * " + i + " > " + trips + ") { break; }"));
      default -> { }
    }
    out.add(Node.stmt("for (int " + i + " = 0; " + i + " < " + trips + "; " + i + "++) @0@",
        Node.block(body)));
    out.add(switch (g.sr(7)) {
      case 0, 1 -> Node.stmt("double " + z + " = " + s + ";");
      case 2, 3 -> Node.stmt("double " + z + " = " + s + " / " + trips + ";");
      case 4, 5 -> Node.stmt("double " + z + " = 0.5 * " + s + " + @0@;", g.active(1));
      default -> Node.stmt("double " + z + " = Math.log(1 + " + s + " * " + s + ");");
    });
    return out;
  }
}
