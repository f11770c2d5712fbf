package dev.adjoint.fusion;

import java.util.Map;

/**
 * Bit patterns pinned in bit-identity tests ({@code FusionBitsTest}, {@code loads/LoadsTest}):
 * prints results as the {@code Map.entry("name", new long[] {0x…L, …})} lines of a test's
 * {@code BEFORE} table, for the test's {@code main} to regenerate it.
 */
public final class BitPins {
  private BitPins() {}

  /** The entries of {@code results}, one source line each. */
  public static String entries(Map<String, double[]> results) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, double[]> e : results.entrySet()) {
      b.append("      Map.entry(\"").append(e.getKey()).append("\", new long[] {");
      double[] v = e.getValue();
      for (int i = 0; i < v.length; i++) {
        b.append(i == 0 ? "" : ", ").append("0x")
            .append(Long.toHexString(Double.doubleToRawLongBits(v[i]))).append("L");
      }
      b.append("}),\n");
    }
    return b.toString();
  }
}
