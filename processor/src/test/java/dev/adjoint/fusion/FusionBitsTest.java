package dev.adjoint.fusion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fused loops' values and gradients, bit for bit, as the code generated before the fused
 * bodies stopped recomputing (commit dd3e739) computed them (the scratch loops' entries: as
 * before the fused bodies stopped saving their counter and recording dead scratch values,
 * commit 54cd45e): dropping a recomputation, calling
 * a callee's adjoint instead of its primal and then its adjoint, and folding {@code tAdj += a;
 * tAdj += a} change no bit. {@link #main} prints the table from the code under test.
 * Re-pinned since: gmmLike[7], [9], [11] (4, 1 and 1 ulps; issue 15's {@code cleanup.PartialProducts} multiplies the
 * partials of a chain before the adjoint, {@code a * (p * q)} for {@code (a * p) * q});
 * batchLoss[1], [3], [4], [5] (1 to 4 ulps; transform/Squares: {@code r * r}'s adjoint is the
 * one product {@code valueAdj * (r + r)}, not the sum {@code valueAdj * r + valueAdj * r}, so
 * PartialsFirst now multiplies {@code (r + r) * (1.0 - tanh * tanh)} before the adjoint).
 */
class FusionBitsTest {
  /** Value, then gradient, of each workload on fixed inputs, as {@code Double} bits. */
  private static final Map<String, long[]> BEFORE = Map.ofEntries(
      Map.entry("plainSum", new long[] {
          0x408467c88c9b02eaL, 0x403bce98694c3c48L, 0xc05fd4e9027b07eaL, 0x4017fb5bb86c3b13L,
          0x40619e7f42d0f19dL, 0x407085c10a3cd3d2L, 0xc05a6893a5374923L, 0x40737d5f6dd22c4eL,
          0x4065d897cf2f2c38L, 0xc08a92b088492a62L, 0xc07a7cadccbfcbdbL, 0x0L}),
      Map.entry("meanOfCalls", new long[] {
          0x406cc297932ba0d2L, 0xc0263de98cc4678eL, 0x4041cd87b0045bc0L, 0xc05c823e80d1141dL,
          0x40764e7723692a8fL}),
      Map.entry("affineAfter", new long[] {
          0x4004b7f2e4888c79L, 0x3fefe4ddbe94f32aL, 0x3fb87439459b0a7bL, 0xbf923aeed7df2800L,
          0xbfbb4235f06416d0L, 0x3f71a81b2a9d59edL, 0xbfbaea5739b322f5L, 0xbfc04aa89077a4c1L,
          0xbfd9a107a2ecbcffL, 0x3fcb667c820b2dafL, 0x3fbec8c93db03373L, 0x3fbb662dc239ed89L,
          0x0L}),
      Map.entry("nested", new long[] {
          0xc03f71606b46170cL, 0x401fda4cdd80644cL, 0xc021efdcf182138aL, 0x400d67dcfb4f04abL,
          0x402c4a58face552eL}),
      Map.entry("branchy", new long[] {
          0x4032f2632a24adadL, 0x0L, 0x3fe2acca46deae4bL, 0x3f9d3f1414a39459L,
          0x4006941edd0024acL, 0x4013fbabc651ac62L, 0x401081cc295542f0L, 0x3fe92067c31b3317L,
          0x40244589bbe80bd2L, 0x3feae6d14d08251dL, 0x3fecd4639158987fL, 0x400eac5c498b81c9L}),
      Map.entry("llsq", new long[] {
          0x40302b4416d52b19L, 0x40374a0bde32493fL, 0xc018dcc691796ef2L, 0x4021347683064d8eL,
          0xc007c96cf71b4a69L, 0x401627bd81547482L}),
      Map.entry("batchLoss", new long[] {
          0x4018190ba480071fL, 0x3fc72f41676d7f57L, 0xbfb837f36361ca6eL, 0x3fbfed44be76f35dL,
          0xbf88c23812aab790L, 0xbfcfd6e49160526aL}),
      Map.entry("scratchVector", new long[] {
          0x4021446ccaa8d7b1L, 0xc003a2ffcfb01cc0L, 0x3fd2bdd68a198020L, 0x3fdfb517080885ffL}),
      Map.entry("withPrior", new long[] {
          0xc0739d4c6247e5edL, 0x406a9025b67f41c7L, 0xbfb67c711653106bL, 0xc0088734eaad32aeL,
          0xc08377d97cc7b4b1L, 0x401187517469cf8fL, 0x3fe6625ed72cc6b4L}),
      Map.entry("gmmLike", new long[] {
          0xc01bdd4bd0aeba46L, 0xbff5d340ea15a76eL, 0x3ff5d340ea15a76eL, 0x4015db0d9c3f20fbL,
          0x3fc217a4283f5628L, 0xbfb5357eba1d5946L, 0x3fd530ae27316ac2L, 0xbfcfe324fc1b81e0L,
          0x3fd40ddc8d70f508L, 0x3fc614d58cb3454eL, 0x40066938e1d07dc9L, 0xc01fc7de10afe111L,
          0xc00e8a1310e22bacL}),
      Map.entry("mlpLike", new long[] {
          0x400bb783bfc5fc80L, 0x0L, 0x3fd61fab249918a3L, 0x3fca49cbebb7aadbL, 0x3fb0a4471f0ea94eL,
          0x3fd71be37fcbb887L, 0x3fc7cc2458847454L, 0xbfc1565aba9090d0L, 0xbfa9d72677cf8e08L,
          0xbf93e1c6b183878dL, 0x3fb49d2b2a726b18L, 0x3fd6dcb334a8afebL, 0xbfb0d4bb1febd3e4L, 0x0L,
          0xbfe0ed673e4a1d59L, 0x3fc62eea2667d8ebL, 0x3fea532bc1386317L, 0xbff96e2928eb69a3L})
  );

  @Test
  void valuesAndGradientsAreBitForBitThoseOfTheCodeBefore() {
    Map<String, double[]> now = results();
    assertEquals(BEFORE.keySet(), now.keySet());
    for (Map.Entry<String, double[]> e : now.entrySet()) {
      long[] expected = BEFORE.get(e.getKey());
      assertEquals(expected.length, e.getValue().length, e.getKey());
      for (int i = 0; i < expected.length; i++) {
        assertEquals(expected[i], Double.doubleToRawLongBits(e.getValue()[i]),
            e.getKey() + "[" + i + "] = " + e.getValue()[i]);
      }
    }
  }

  static Map<String, double[]> results() {
    Random random = new Random(20261129);
    Map<String, double[]> out = new LinkedHashMap<>();
    double[] x = gaussians(random, 11);
    var rosenbrock = FusionFxGrad.plainSum(x);
    out.put("plainSum", join(rosenbrock.value(), rosenbrock.x()));
    double[] c = gaussians(random, 4);
    double[] ts = gaussians(random, 7);
    double[] ys = gaussians(random, 7);
    var calls = FusionFxGrad.meanOfCalls(c, ts, ys);
    out.put("meanOfCalls", join(calls.value(), calls.c()));
    var affine = FusionFxGrad.affineAfter(x, 0.3);
    out.put("affineAfter", join(affine.value(), join(affine.a(), affine.x())));
    double[][] xs = {gaussians(random, 4), gaussians(random, 4), gaussians(random, 4)};
    double[] w = gaussians(random, 4);
    var nested = FusionFxGrad.nested(xs, w);
    out.put("nested", join(nested.value(), nested.w()));
    var branchy = FusionFxGrad.branchy(x);
    out.put("branchy", join(branchy.value(), branchy.x()));
    var llsq = FusionFxGrad.llsq(gaussians(random, 5), 23);
    out.put("llsq", join(llsq.value(), llsq.x()));
    double[] labels = gaussians(random, 3);
    var net = NetFxGrad.batchLoss(new NetFx(w, 0.2), xs, labels);
    out.put("batchLoss", join(net.value(), join(net.self().b(), net.self().w())));
    scratch(random, out);
    return out;
  }

  /** The loops with scratch arrays ({@link ScratchFx}), whose records of them were dropped. */
  private static void scratch(Random random, Map<String, double[]> out) {
    double[][] xs = {gaussians(random, 3), gaussians(random, 3), gaussians(random, 3),
        gaussians(random, 3)};
    double[] mu = gaussians(random, 3);
    var vector = ScratchFxGrad.scratchVector(xs, mu);
    out.put("scratchVector", join(vector.value(), vector.mu()));
    double[] logDiag = gaussians(random, 3);
    var prior = ScratchFxGrad.withPrior(xs, mu, logDiag);
    out.put("withPrior", join(prior.value(), join(prior.mu(), prior.logDiag())));
    double[] alphas = gaussians(random, 2);
    double[][] means = {gaussians(random, 3), gaussians(random, 3)};
    double[][] q = {gaussians(random, 3), gaussians(random, 3)};
    var gmm = ScratchFxGrad.gmmLike(alphas, means, q, xs);
    out.put("gmmLike", join(gmm.value(), join(gmm.alphas(), join(gmm.means()[0],
        join(gmm.means()[1][0], join(gmm.logDiag()[0], gmm.logDiag()[1]))))));
    double[][] inputs = {gaussians(random, 4), gaussians(random, 4), gaussians(random, 4)};
    double[][] w1 = {gaussians(random, 4), gaussians(random, 4), gaussians(random, 4),
        gaussians(random, 4), gaussians(random, 4)};
    double[][] w2 = {gaussians(random, 5), gaussians(random, 5), gaussians(random, 5)};
    var mlp = ScratchFxGrad.mlpLike(inputs, new int[] {1, 0, 2}, w1, gaussians(random, 5), w2,
        gaussians(random, 3));
    out.put("mlpLike", join(mlp.value(), join(mlp.b1(), join(mlp.b2(), join(mlp.w1()[3],
        mlp.w2()[2])))));
  }

  private static double[] join(double[] first, double[] rest) {
    double[] out = new double[first.length + rest.length];
    System.arraycopy(first, 0, out, 0, first.length);
    System.arraycopy(rest, 0, out, first.length, rest.length);
    return out;
  }

  private static double[] gaussians(Random random, int n) {
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = random.nextGaussian();
    }
    return out;
  }

  private static double[] join(double first, double[] rest) {
    double[] out = new double[rest.length + 1];
    out[0] = first;
    System.arraycopy(rest, 0, out, 1, rest.length);
    return out;
  }

  /** Prints {@link #BEFORE}'s entries as the code under test computes them. */
  public static void main(String[] args) {
    System.out.print(BitPins.entries(results()));
  }
}
