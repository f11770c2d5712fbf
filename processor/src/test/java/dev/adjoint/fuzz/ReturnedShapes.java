package dev.adjoint.fuzz;

/**
 * Calls of helpers that write into the array they receive and return it (issue 13, the
 * {@code alias} feature): a row at a computed index ({@code zscl(q[q.length - 1], s)}, an
 * index with an increment {@code q[zj++]}, an index argument {@code zsqr(q, q.length - 1)}),
 * such calls inside larger expressions (an operand read before the call, a compound write into
 * the call's result, an {@code if} condition), and a helper writing through an alias of its
 * parameter; a helper returning its argument or a modified copy, whose result the caller
 * chooses by reference identity. Chosen on a random stream of its own, so that the other shapes' seeds stay as they
 * were. Every statement leaves {@code y} an array of the length the caller expects.
 */
final class ReturnedShapes {
  private ReturnedShapes() {}

  /**
   * Statements ending with {@code double[] y} of length {@code len} aliasing the local array
   * {@code h} (of that length, at least 2).
   *
   * @param scl a helper {@code double[] scl(double[] v, double s)} writing into v, returning it
   * @param sca a helper {@code void sca(double[] v, double s)} writing through an alias of v
   * @param mc a helper {@code double[] mc(double[] v, boolean copy)} returning v or a modified
   *     copy (variants 4 and up)
   */
  static String oneDim(int variant, String h, String y, int len, String scl, String sca,
      java.util.function.Supplier<String> mc) {
    if (variant >= 4) { // the result chosen by identity: h itself or a new array
      return "double[] " + y + " = " + mc.get() + "(" + h + ", " + h + "[0] > 0.25);\n" + y
          + "[" + (len - 1) + "] += " + h + "[0] * " + y + "[0];";
    }
    return switch (variant % 4) {
      case 0 -> sca + "(" + h + ", 0.5);\ndouble[] " + y + " = " + h + ";";
      case 1 -> "double[] " + y + " = " + h + ";\n" + y + "[0] += " + h + "[1] * " + scl + "("
          + h + ", 0.75)[" + (len - 1) + "];";
      case 2 -> scl + "(" + h + ", 1.5)[1] *= " + h + "[0];\ndouble[] " + y + " = " + h + ";";
      default -> "double[] " + y + " = " + h + ";\nif (" + scl + "(" + y + ", 0.5)[0] > -100) {\n"
          + "  " + y + "[1] += 0.25;\n}";
    };
  }

  /**
   * Statements ending with {@code double[] y}, a row of the local matrix {@code q} (2 rows of
   * {@code cols} elements, at least 2), {@code r} 0 or 1.
   *
   * @param sqr a helper {@code double[] sqr(double[][] mm, int i)} writing into row i and
   *     returning it
   */
  static String twoDim(int variant, String k, String q, String y, int r, int cols,
      String scl, String sqr) {
    String j = "zj" + k;
    return switch (variant % 4) {
      case 0 -> "double[] " + y + " = " + scl + "(" + q + "[" + q + ".length - " + (1 + r)
          + "], 0.5);";
      case 1 -> "int " + j + " = 0;\ndouble[] " + y + " = " + scl + "(" + q + "[" + j
          + "++], 0.5 + " + j + ");\n" + q + "[" + j + "][0] += " + y + "[1];";
      case 2 -> "double[] " + y + " = " + q + "[" + r + "];\n" + y + "[0] += " + scl + "(" + q
          + "[" + q + ".length - 1], 0.5)[" + (cols - 1) + "] * " + y + "[1];";
      default -> "double[] " + y + " = " + sqr + "(" + q + ", " + q + ".length - " + (1 + r)
          + ");";
    };
  }
}
