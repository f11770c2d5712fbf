package dev.adjoint.loads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.GradientCheck;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Gradients of bodies that read one primal element several times ({@link LoadsFx}; the shape of
 * the generated code: {@code ElementLoadsSourceTest}): finite differences (5-point), exact values
 * where known, and values and gradients bit for bit as the code generated before elements were
 * held in locals (commit 3c09235) computed them, re-pinned where a square of an element
 * ({@code x[i] * x[i]}) now gives the element one share {@code adj * (x[i] + x[i])} instead of two
 * shares {@code adj * x[i]} added one after the other (transform/Squares: one rounding fewer):
 * pairs[7], written[2, 4, 5, 6], movingIndex[3, 5], halving[6] and called[1] moved by 1 or 2
 * ulp. {@link #main} prints the table from the code under test.
 */
class LoadsTest {
  private static final double TOL = 1e-6;

  /** Value, then gradient, of each body on fixed inputs, as {@code Double} bits. */
  private static final Map<String, long[]> BEFORE = Map.ofEntries(
      Map.entry("pairs", new long[] {
          0x406928f3584ac13eL, 0x403bbab6bf02fdc8L, 0xc05fe3a126b5a561L, 0x4017956651af9346L,
          0x4061a83c74e1d762L, 0x40708259192e3cfeL, 0xc05a6c572917b567L, 0x4073743da460fb11L,
          0x406607e9ba61e19aL, 0x0L}),
      Map.entry("rows", new long[] {
          0x3ff817812bbea4fcL, 0xbffac35821094147L, 0x4008775ddb957d6aL, 0x3fe4155250c9cd47L,
          0x3fd392dae7b49008L, 0xc00d2d2eff459fa7L, 0x3fcfcf546aa25d7bL, 0xbfeb09e5e210c4b0L,
          0x3fc6111d8109ccb9L, 0xc00122f2b3a0d87eL, 0x3fe265fd02fa775cL, 0x3fd254012e938fb6L,
          0x3fb92439358762e0L, 0x3feb4a88eda294d6L, 0x3fedc12163cc17d8L, 0xbff61d4a436a5f32L,
          0x3fd8ebb35a3791ccL}),
      Map.entry("written", new long[] {
          0xc001c65895838438L, 0x3fc7e757f1797070L, 0x3fc8314bc2c7406fL, 0x3f807596ae35fdd0L,
          0x4023173ad9373856L, 0x3fc1a4390921367fL, 0x3f2aacbe7704aff2L}),
      Map.entry("branches", new long[] {
          0x3fdc76f3aa48c9beL, 0x3fe118b075142c34L, 0x3fdb60a9866a11ffL, 0x3ff8eeabbd8046deL,
          0xbfde204bc424cb87L, 0xbfd1517f6e500ca9L, 0x3f60b2b31a3499e0L}),
      Map.entry("product", new long[] {
          0x4059b087ecc3b8e9L, 0x4036378804e03931L, 0x4036480e6d3034fbL, 0x40248198561f1bc3L,
          0xc04a84b8838441f0L, 0xc034a41fdbfcec10L, 0x4010681cf5509938L}),
      Map.entry("movingIndex", new long[] {
          0x3ff50df33ddcb6c1L, 0x3fd8cfcc1d8eb77dL, 0x3ff406ffcb95030eL, 0x3fbfc9196936d02cL,
          0xbff5a581a206d6d4L, 0x3fe00db6224667ccL, 0x3fd4d97d74c9ab30L}),
      Map.entry("halving", new long[] {
          0xbfd0b0f7cddccf57L, 0x3fe04f706f7a56f5L, 0x3fe06329594023dcL, 0x3fc4832799bbb4daL,
          0x3ff7c1c9e176c836L, 0x3fa7329fa92235f8L, 0x3fa958f3193ea579L}),
      Map.entry("called", new long[] {
          0xc06b1a739a840f27L, 0x4006b019f9100e87L, 0x402141912a6c3cfbL, 0x401a9abf2d32bb9aL,
          0x407ff07c27e54852L, 0x4068a70db7bcc8d4L, 0x4042bfc04c41a063L})
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

  @Test
  void pairsIsItsHandWrittenGradient() {
    double[] x = {-1.2, 1.0, 0.5, -0.3, 2.0, 3.9, 0.7};
    var g = LoadsFxGrad.pairs(x);
    assertEquals(LoadsFx.pairs(x), g.value(), 0.0);
    double[] hand = new double[x.length];
    for (int i = 0; i < x.length / 2; i++) {
      double x0 = x[2 * i];
      double x1 = x[2 * i + 1];
      double t1 = 10 * (x1 - x0 * x0);
      double t2 = 1 - x0 + 0.1 * x1 * x1;
      hand[2 * i] = -40 * x0 * t1 - 2 * t2;
      hand[2 * i + 1] = 20 * t1 + 0.4 * x1 * t2;
    }
    for (int i = 0; i < x.length; i++) {
      assertEquals(hand[i], g.x()[i], 1e-12 * Math.max(1, Math.abs(hand[i])), "x[" + i + "]");
    }
    fd(LoadsFx::pairs, x, g.x());
  }

  @Test
  void rowsIsItsHandWrittenGradient() {
    double[][] w = {{0.3, -0.7, 1.1}, {0.9, 0.2, -0.4}};
    double[] v = {0.5, -1.3, 0.8};
    var g = LoadsFxGrad.rows(w, v);
    assertEquals(LoadsFx.rows(w, v), g.value(), 0.0);
    double[] hv = new double[v.length];
    for (int j = 0; j < w.length; j++) {
      for (int k = 0; k < v.length; k++) {
        double u = w[j][k] * v[k];
        double hw = Math.cos(u) * v[k] * w[j][k] + Math.sin(u);
        assertEquals(hw, g.w()[j][k], 1e-12, "w[" + j + "][" + k + "]");
        hv[k] += Math.cos(u) * w[j][k] * w[j][k];
      }
    }
    for (int k = 0; k < v.length; k++) {
      assertEquals(hv[k], g.v()[k], 1e-12, "v[" + k + "]");
    }
    fd(u -> LoadsFx.rows(w, u), v, g.v());
    for (int j = 0; j < w.length; j++) {
      int row = j;
      fd(u -> LoadsFx.rows(replaced(w, row, u), v), w[j], g.w()[j]);
    }
  }

  @Test
  void writesAndMovesBetweenReadsAreFollowed() {
    double[] x = {0.4, -0.9, 1.3, 0.2, -0.5};
    check(LoadsFx::written, x, LoadsFxGrad.written(x).x(), LoadsFxGrad.written(x).value());
    check(LoadsFx::branches, x, LoadsFxGrad.branches(x).x(), LoadsFxGrad.branches(x).value());
    check(LoadsFx::product, x, LoadsFxGrad.product(x).x(), LoadsFxGrad.product(x).value());
    check(LoadsFx::movingIndex, x, LoadsFxGrad.movingIndex(x).x(),
        LoadsFxGrad.movingIndex(x).value());
    check(LoadsFx::called, x, LoadsFxGrad.called(x).x(), LoadsFxGrad.called(x).value());
    double[] copy = x.clone();
    var halving = LoadsFxGrad.halving(copy);
    assertEquals(LoadsFx.halving(x.clone()), halving.value(), 0.0);
    fd(u -> LoadsFx.halving(u.clone()), x, halving.x());
  }

  @Test
  void exactValuesOfTheMovingIndexAndTheProduct() {
    double[] x = {0.4, -0.9, 1.3};
    // s = x0^2 x1 + x1^2 + x1^2 x2 + x2^2
    double[] expected = {2 * x[0] * x[1], x[0] * x[0] + 2 * x[1] + 2 * x[1] * x[2],
        x[1] * x[1] + 2 * x[2]};
    double[] g = LoadsFxGrad.movingIndex(x).x();
    for (int i = 0; i < x.length; i++) {
      assertEquals(expected[i], g[i], 1e-12, "x[" + i + "]");
    }
    double[] p = LoadsFxGrad.product(x).x();
    double value = LoadsFx.product(x);
    for (int i = 0; i < x.length; i++) {
      double factor = 1 + x[i] * x[i] + Math.cos(x[i]);
      assertEquals(value / factor * (2 * x[i] - Math.sin(x[i])), p[i], 1e-12, "x[" + i + "]");
    }
  }

  private static void check(ToDoubleFunction<double[]> f, double[] x, double[] gradient,
      double value) {
    assertEquals(f.applyAsDouble(x), value, 0.0);
    fd(f, x, gradient);
  }

  private static void fd(ToDoubleFunction<double[]> f, double[] x, double[] gradient) {
    GradientCheck.compare(f, x, gradient).assertWithin(TOL);
  }

  private static double[][] replaced(double[][] w, int row, double[] values) {
    double[][] out = w.clone();
    out[row] = values;
    return out;
  }

  static Map<String, double[]> results() {
    Random random = new Random(20261129);
    Map<String, double[]> out = new LinkedHashMap<>();
    double[] x = gaussians(random, 9);
    var pairs = LoadsFxGrad.pairs(x);
    out.put("pairs", join(pairs.value(), pairs.x()));
    double[][] w = {gaussians(random, 4), gaussians(random, 4), gaussians(random, 4)};
    double[] v = gaussians(random, 4);
    var rows = LoadsFxGrad.rows(w, v);
    out.put("rows", join(rows.value(), join(rows.v(), join(rows.w()[0], join(rows.w()[1],
        rows.w()[2])))));
    double[] y = gaussians(random, 6);
    var written = LoadsFxGrad.written(y);
    out.put("written", join(written.value(), written.x()));
    var branches = LoadsFxGrad.branches(y);
    out.put("branches", join(branches.value(), branches.x()));
    var product = LoadsFxGrad.product(y);
    out.put("product", join(product.value(), product.x()));
    var moving = LoadsFxGrad.movingIndex(y);
    out.put("movingIndex", join(moving.value(), moving.x()));
    var halving = LoadsFxGrad.halving(y.clone());
    out.put("halving", join(halving.value(), halving.x()));
    var called = LoadsFxGrad.called(y);
    out.put("called", join(called.value(), called.x()));
    return out;
  }

  private static double[] join(double first, double[] rest) {
    double[] out = new double[rest.length + 1];
    out[0] = first;
    System.arraycopy(rest, 0, out, 1, rest.length);
    return out;
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

  /** Prints {@link #BEFORE}'s entries as the code under test computes them. */
  public static void main(String[] args) {
    System.out.print(dev.adjoint.fusion.BitPins.entries(results()));
  }
}
