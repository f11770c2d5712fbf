package dev.adjoint.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.fuzz.GradientOracle.Report;
import dev.adjoint.fuzz.GradientOracle.Verdict;
import java.lang.reflect.Method;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The {@code model} shape's oracle can fail: it passes the generated {@code M_MdlGrad.h} of a
 * body that reads every field, and catches a gradient whose {@code self()} or value is wrong.
 */
class ModelOracleSelfTest {
  private static final String BODY = "double s = m0 * u + Math.sin(this.m1 * x[0]);"
      + " for (int i = 0; i < mv.length; i++) { s += mv[i] * x[i % x.length]; }"
      + " return s + this.lin(x[2]) * mn;";

  private static Class<?> compiled(ClassLoader[] loaderOut) throws Exception {
    String src = "package fz;\n\nimport dev.adjoint.Differentiable;\n\nfinal class M {\n  "
        + ModelArgs.declaration(BODY) + "\n}\n";
    InMemoryCompiler.Result r = InMemoryCompiler.compile(Map.of("fz.M", src));
    assertTrue(r.success, () -> "compiles: " + r.diagnostics);
    loaderOut[0] = r.loader();
    return Class.forName("fz.M$" + ModelArgs.TYPE, true, loaderOut[0]);
  }

  @Test
  void passesTheGeneratedGradientAndComparesEveryCoordinate() throws Exception {
    ClassLoader[] loader = new ClassLoader[1];
    compiled(loader);
    Report report = ModelArgs.check(loader[0], "fz.M", 42, 6);
    assertEquals(Verdict.OK, report.verdict, report.detail);
    assertEquals(6, report.pointsCompared);
    // m0, m1, mv[0..2], u, x[0..2]: a smooth body, so every coordinate at every point
    assertEquals(6 * (3 + 2 * ModelArgs.LEN), report.coordinatesCompared);
  }

  @Test
  void catchesAWrongFieldGradientAndAWrongValue() throws Exception {
    ClassLoader[] loader = new ClassLoader[1];
    Class<?> mdl = compiled(loader);
    Method h = mdl.getDeclaredMethod("h", double.class, double[].class);
    h.setAccessible(true);
    Method grad = Class.forName("fz.M_MdlGrad", true, loader[0])
        .getMethod("h", mdl, double.class, double[].class);
    ModelArgs.Gradient right = (self, u, x) -> {
      Object rec = grad.invoke(null, self, u, x);
      Object g = GradientOracle.component(rec, "self");
      double[] mv = (double[]) GradientOracle.component(g, "mv");
      double[] gx = (double[]) GradientOracle.component(rec, "x");
      return new double[] {(double) GradientOracle.component(rec, "value"),
          (double) GradientOracle.component(g, "m0"), (double) GradientOracle.component(g, "m1"),
          mv[0], mv[1], mv[2], (double) GradientOracle.component(rec, "u"), gx[0], gx[1], gx[2]};
    };
    assertEquals(Verdict.OK, ModelArgs.check(mdl, h, right, 7, 4).verdict);
    Report wrongM1 = ModelArgs.check(mdl, h, (self, u, x) -> {
      double[] g = right.at(self, u, x);
      g[2] *= 1.01; // d/d self.m1, one percent off
      return g;
    }, 7, 4);
    assertEquals(Verdict.GRADIENT_MISMATCH, wrongM1.verdict);
    assertTrue(wrongM1.detail.contains("d/dself.m1"), wrongM1.detail);
    Report wrongMv = ModelArgs.check(mdl, h, (self, u, x) -> {
      double[] g = right.at(self, u, x);
      g[5] += 1e-3; // d/d self.mv[2]
      return g;
    }, 7, 4);
    assertEquals(Verdict.GRADIENT_MISMATCH, wrongMv.verdict);
    assertTrue(wrongMv.detail.contains("d/dself.mv[2]"), wrongMv.detail);
    Report wrongValue = ModelArgs.check(mdl, h, (self, u, x) -> {
      double[] g = right.at(self, u, x);
      g[0] = Math.nextUp(g[0]);
      return g;
    }, 7, 4);
    assertEquals(Verdict.VALUE_MISMATCH, wrongValue.verdict);
  }

  @Test
  void theModelsHvpCheckPassesTheGeneratedOneAndCatchesAWrongProduct() throws Exception {
    ClassLoader[] loader = new ClassLoader[1];
    Class<?> mdl = compiled(loader);
    Report report = new Report();
    assertNull(ModelHvp.check(loader[0], "fz.M", 11, 5, report), () -> report.detail);
    assertEquals(5, report.hvpsCompared, "a smooth body: every point compared");
    Method h = mdl.getDeclaredMethod("h", double.class, double[].class);
    h.setAccessible(true);
    Class<?> g = Class.forName("fz.M_MdlGrad", true, loader[0]);
    Method grad = g.getMethod("h", mdl, double.class, double[].class);
    Class<?> d = Class.forName("fz.M_MdlGrad$Gradient", true, loader[0]);
    Method hvp = g.getMethod("hHvp", mdl, double.class, double[].class, d, double.class,
        double[].class);
    java.lang.reflect.Constructor<?> direction =
        d.getDeclaredConstructor(double.class, double.class, double[].class);
    ModelArgs.Gradient gradient = (self, u, x) -> ModelArgs.flat(grad.invoke(null, self, u, x));
    int len = ModelArgs.LEN;
    ModelHvp.Hvp right = (self, u, x, v) -> {
      Object r = hvp.invoke(null, self, u, x, direction.newInstance(v[0], v[1],
          java.util.Arrays.copyOfRange(v, 2, 2 + len)), v[2 + len],
          java.util.Arrays.copyOfRange(v, 3 + len, v.length));
      return new double[][] {ModelArgs.flat(r), ModelArgs.flat(r, "Hvp")};
    };
    assertNull(ModelHvp.check(mdl, h, gradient, right, 3, 4, new Report()));
    Report wrongProduct = ModelHvp.check(mdl, h, gradient, (self, u, x, v) -> {
      double[][] r = right.at(self, u, x, v);
      r[1][4] += 1e-3; // (H·v) for self.mv[1]
      return r;
    }, 3, 4, new Report());
    assertEquals(Verdict.HVP_MISMATCH, wrongProduct.verdict);
    assertTrue(wrongProduct.detail.contains("H·v for self.mv[1]"), wrongProduct.detail);
    Report wrongGradient = ModelHvp.check(mdl, h, gradient, (self, u, x, v) -> {
      double[][] r = right.at(self, u, x, v);
      r[0][7] *= 1.01; // d/d x[0]
      return r;
    }, 3, 4, new Report());
    assertEquals(Verdict.HVP_MISMATCH, wrongGradient.verdict);
    assertTrue(wrongGradient.detail.contains("d/dx[0]"), wrongGradient.detail);
  }
}
