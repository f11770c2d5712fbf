package dev.adjoint.fuzz;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code reference} fuzz feature (issue 13): local arrays used as references. Aliases
 * ({@code double[] b = a;}, {@code var}), reassignment in loops and branches (also to a
 * {@code clone()}), arrays chosen by {@code ?:}, swaps of arrays of different lengths, ragged
 * matrices whose rows are assigned and moved, row aliases that outlive a row assignment,
 * allocations whose size changes in the loop; with writes through every name afterwards.
 * Indices stay in range by construction (literals below every length, or {@code % a.length}).
 */
final class ReferenceShapes {
  /** What a shape needs of the generator: its shape random stream and expressions. */
  interface Generator {
    int sr(int n);

    String sfx();

    String spick(String... options);

    /** An expression reading an active value, in the enclosing scope. */
    Node active(int depth);

    /** An expression that may read the int counter {@code counter} of an enclosing loop. */
    Node activeIn(String counter, int depth);

    /**
     * The name of a new static helper {@code double h(double a, double b)} returning an
     * expression over its parameters; for the feature {@code feature}.
     */
    String scalarHelper(String feature);
  }

  private final Generator g;

  ReferenceShapes(Generator g) {
    this.g = g;
  }

  /** Statements of one shape; the last declares {@code double z<k>}, returned as its name. */
  List<Node> build(String[] resultName) {
    String k = g.sfx();
    String z = "z" + k;
    resultName[0] = z;
    List<Node> out = new ArrayList<>();
    int lu = 2 + g.sr(3);
    int lw = 2 + g.sr(3);
    String u = "zru" + k;
    String w = "zrw" + k;
    out.add(Node.stmt("double[] " + u + " = new double[" + lu + "];"));
    out.add(Node.stmt(u + "[" + g.sr(lu) + "] = @0@;", g.active(2)));
    out.add(Node.stmt("double[] " + w + " = {@0@, @1@" + ", 0.5".repeat(lw - 2) + "};",
        g.active(1), g.active(1)));
    String t = "zrt" + k;
    List<Node> body = new ArrayList<>();
    String y = "zry" + k;
    switch (g.sr(7)) {
      case 0 -> {
        // aliases, written through every name
        out.add(Node.stmt(g.spick("double[] ", "var ") + y + " = " + u + ";"));
        out.add(Node.stmt(y + "[" + g.sr(lu) + "] " + g.spick("=", "+=", "*=") + " @0@;",
            g.active(2)));
        out.add(Node.stmt(u + "[" + g.sr(lu) + "] += " + y + "[" + g.sr(lu) + "] * @0@;",
            g.active(1)));
      }
      case 1 -> {
        // reassignment in a loop, in branches or by ?:, with writes through the chosen name
        out.add(Node.stmt("double[] " + y + " = " + u + ";"));
        Node pick = g.sr(2) == 0
            ? Node.stmt(y + " = " + t + " % 2 == " + g.sr(2) + " ? " + u + " : " + w + ";")
            : Node.stmt("if (" + t + " % 3 == " + g.sr(3) + ") @0@ else @1@",
                Node.block(List.of(Node.stmt(y + " = " + w + g.spick("", ".clone()") + ";"))),
                Node.block(List.of(Node.stmt(y + " = " + u + ";"))));
        body.add(pick);
        body.add(Node.stmt(y + "[" + t + " % " + y + ".length] = " + g.spick("Math.sin(",
            "Math.tanh(", "0.5 * (") + y + "[(" + t + " + 1) % " + y + ".length]) + @0@;",
            g.activeIn(t, 1)));
        body.add(Node.stmt(w + "[" + g.sr(2) + "] += " + u + "[" + g.sr(lu) + "] * 0.5;"));
      }
      case 2 -> {
        // a swap of arrays of different lengths, or a hand-over of a fresh array
        out.add(Node.stmt("double[] " + y + " = " + w + ";"));
        if (g.sr(2) == 0) {
          body.add(Node.stmt("double[] zrs" + k + " = " + u + ";"));
          body.add(Node.stmt(u + " = " + w + ";"));
          body.add(Node.stmt(w + " = zrs" + k + ";"));
        } else {
          body.add(Node.stmt("double[] zrn" + k + " = new double[" + u + ".length];"));
          body.add(Node.stmt("zrn" + k + "[" + t + " % " + u + ".length] = " + u + "[0] * @0@;",
              g.activeIn(t, 1)));
          body.add(Node.stmt(u + " = zrn" + k + ";"));
          body.add(Node.stmt("zrn" + k + "[0] += " + u + "[" + u + ".length - 1];"));
        }
        body.add(Node.stmt(u + "[0] += " + w + "[" + w + ".length - 1] * @0@;", g.activeIn(t, 1)));
      }
      case 3 -> {
        // a ragged matrix: rows assigned, shared, moved, written through
        String m = "zrm" + k;
        out.add(Node.stmt("double[][] " + m + " = new double[2][];"));
        out.add(Node.stmt(m + "[0] = " + u + ";"));
        out.add(Node.stmt(m + "[1] = " + g.spick(w, "new double[" + lw + "]") + ";"));
        out.add(Node.stmt(m + "[1][" + g.sr(lw) + "] += " + m + "[0][" + g.sr(lu) + "] * @0@;",
            g.active(1)));
        out.add(Node.stmt("double[] " + y + " = " + m + "[" + g.sr(2) + "];"));
        out.add(Node.stmt(m + "[" + g.sr(2) + "] = " + m + "[" + g.sr(2) + "];"));
        out.add(Node.stmt(m + "[0][0] = " + y + "[1] * @0@;", g.active(1)));
        out.add(Node.stmt(y + "[0] += " + m + "[1][1];"));
      }
      case 4 -> {
        // an allocation whose size the loop changes, handed over to the next iteration
        out.add(Node.stmt("double[] " + y + " = " + w + ";"));
        String p = "zrp" + k;
        body.add(Node.stmt("double[] " + p + " = new double[" + t + " + 2];"));
        body.add(Node.stmt(p + "[" + t + " + 1] = " + y + "[" + y + ".length - 1] * @0@;",
            g.activeIn(t, 1)));
        body.add(Node.stmt(p + "[0] = " + g.spick("Math.sin(", "Math.tanh(", "0.5 * (") + y
            + "[0]);"));
        body.add(Node.stmt(y + " = " + p + ";"));
      }
      case 6 -> unallocated(out, u, w, y, t, lu, lw);
      default -> {
        // rows of a ragged matrix filled in a loop from a conditional, then read
        String m = "zrm" + k;
        out.add(Node.stmt("double[][] " + m + " = new double[3][];"));
        body.add(Node.stmt(m + "[" + t + " % 3] = " + t + " % 2 == 0 ? " + u + " : " + w + ";"));
        body.add(Node.stmt(m + "[" + t + " % 3][1] += " + m + "[" + t + " % 3][0] * @0@;",
            g.activeIn(t, 1)));
        out.add(Node.stmt("double[] " + y + " = " + w + ";"));
        int trips = 3;
        out.add(Node.stmt("for (int " + t + " = 0; " + t + " < " + trips + "; " + t + "++) @0@",
            Node.block(body)));
        body = new ArrayList<>();
        out.add(Node.stmt(y + "[1] += " + m + "[2][0] * " + m + "[0][1];"));
      }
    }
    if (!body.isEmpty()) {
      out.add(Node.stmt("for (int " + t + " = 0; " + t + " < " + (1 + g.sr(4)) + "; " + t
          + "++) @0@", Node.block(body)));
    }
    out.add(Node.stmt("double " + z + " = " + y + "[0] * " + u + "[1] + " + w + "[0] + "
        + y + "[" + y + ".length - 1];"));
    return out;
  }

  /**
   * {@code double[] y;} declared without allocation and assigned later: in both branches of an
   * if/else (an initializer, or new + a loop), in a switch, or in a do-while before use. Every
   * value of {@code y} has at least two elements.
   */
  private void unallocated(List<Node> out, String u, String w, String y, String t, int lu,
      int lw) {
    out.add(Node.stmt("double[] " + y + ";"));
    switch (g.sr(3)) {
      case 0 -> out.add(Node.stmt("if (" + w + ".length " + g.spick("==", ">", "<") + " "
          + (2 + g.sr(3)) + ") @0@ else @1@",
          Node.block(List.of(Node.stmt(y + " = new double[] {@0@, " + u + "[0]};",
              g.active(2)))),
          Node.block(List.of(Node.stmt(y + " = new double[" + u + ".length];"),
              Node.stmt("for (int " + t + " = 0; " + t + " < " + y + ".length; " + t
                  + "++) @0@", Node.block(List.of(Node.stmt(y + "[" + t + "] = " + u + "["
                  + t + "] * @0@;", g.activeIn(t, 1)))))))));
      case 1 -> out.add(Node.stmt("switch (" + w + ".length) @0@", Node.block(List.of(
          Node.stmt("case " + lw + " -> " + y + " = " + g.spick(u, w + ".clone()") + ";"),
          Node.stmt("case " + (lw + 1) + " -> " + y + " = " + u + ";"),
          Node.stmt("default -> @0@", Node.block(List.of(
              Node.stmt(y + " = new double[2];"),
              Node.stmt(y + "[0] = @0@;", g.active(1)),
              Node.stmt(y + "[1] = " + w + "[0];"))))))));
      default -> {
        out.add(Node.stmt("int " + t + " = 0;"));
        out.add(Node.stmt("do @0@ while (" + t + " < " + (1 + g.sr(3)) + ");",
            Node.block(List.of(
                Node.stmt(y + " = new double[] {" + u + "[" + t + " % " + lu + "] * @0@, "
                    + w + "[1]};", g.activeIn(t, 1)),
                Node.stmt(t + "++;")))));
      }
    }
    out.add(Node.stmt(y + "[1] += " + u + "[" + g.sr(lu) + "] * 0.5;"));
  }
}
