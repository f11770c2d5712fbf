package dev.adjoint.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * Part of the {@code sumTerms} fuzz feature (issue 15, cause 2): a fused sum whose iterations
 * read the same elements of an array of active values several times, Rosenbrock's way
 * ({@code 10 * (a[i + 1] - a[i] * a[i])}), with the adjoint's stores into the pair in between,
 * so the clean-up holds each element in a local. Sometimes the iteration also writes a second
 * local array between the reads (the element must then be read again).
 */
final class RepeatedReadSumShapes {
  private final ReferenceShapes.Generator g;

  RepeatedReadSumShapes(ReferenceShapes.Generator g) {
    this.g = g;
  }

  /** Statements of one shape; the last declares {@code double z<k>}, returned as its name. */
  List<Node> build(String[] resultName) {
    String k = g.sfx();
    String z = "z" + k;
    String a = "zpa" + k;
    String s = "zps" + k;
    String i = "zpi" + k;
    resultName[0] = z;
    int trips = 1 + g.sr(4);
    List<Node> out = new ArrayList<>();
    List<Node> values = new ArrayList<>();
    StringBuilder init = new StringBuilder("double[] " + a + " = {");
    for (int e = 0; e <= trips; e++) {
      init.append(e == 0 ? "" : ", ").append("@").append(e).append("@");
      values.add(g.active(1));
    }
    out.add(Node.stmt(init.append("};").toString(), values.toArray(Node[]::new)));
    out.add(Node.stmt("double " + s + " = 0;"));
    String at = a + "[" + i + "]";
    String next = a + "[" + i + " + 1]";
    List<Node> body = new ArrayList<>();
    String t1 = "zpt" + k;
    String t2 = "zpu" + k;
    body.add(Node.stmt("double " + t1 + " = " + g.spick("10", "0.5", "-2") + " * (" + next
        + " - " + at + " * " + at + ");"));
    switch (g.sr(3)) {
      case 0 -> {
        // a write into another array between the reads: the element is read again after it
        String w = "zpw" + k;
        out.add(Node.stmt("double[] " + w + " = new double[" + (trips + 1) + "];"));
        body.add(Node.stmt(w + "[" + i + "] = " + at + " * " + t1 + ";"));
        body.add(Node.stmt("double " + t2 + " = 1 - " + at + " + " + w + "[" + i + "];"));
      }
      case 1 -> body.add(Node.stmt("double " + t2 + " = "
          + g.spick("1 - " + at, "Math.sin(" + at + ") * " + at) + " * " + next + ";"));
      default -> body.add(Node.stmt("double " + t2 + " = 1 - " + at + ";"));
    }
    body.add(Node.stmt(s + " += " + t1 + " * " + t1 + " + " + t2 + " * " + t2
        + g.spick("", " * " + at, " + " + next + " * " + at) + ";"));
    out.add(Node.stmt("for (int " + i + " = 0; " + i + " < " + trips + "; " + i + "++) @0@",
        Node.block(body)));
    out.add(Node.stmt("double " + z + " = " + g.spick(s, s + " / " + trips, "0.5 * " + s)
        + ";"));
    return out;
  }
}
