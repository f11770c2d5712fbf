package dev.adjoint.gradients;

import static dev.adjoint.gradients.Check.v;

import java.util.Arrays;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesTest {

    @Test
    void paramsLikeGenerated() {
        double[] p = v(0.3, -0.7, 1.1, 0.9, -1.3, 0.5, 0.8, -0.6, 1.4, 0.45, -0.35, 1.7, 0.25);
        String[] names = {"wAdj", "valueAdj", "adj", "seed", "tape", "result", "t", "saved", "trips",
            "position", "branch", "adjoints", "iteration"};
        Object[] args = Arrays.stream(p).boxed().toArray();
        double[] g = Check.gradient(NamesFxGrad.class, "paramsLikeGenerated", names, args);
        java.util.function.ToDoubleFunction<double[]> f = q -> NamesFx.paramsLikeGenerated(q[0], q[1],
                q[2], q[3], q[4], q[5], q[6], q[7], q[8], q[9], q[10], q[11], q[12]);
        Check.sameValue(f.applyAsDouble(p), g[0]);
        double[] grad = Arrays.copyOfRange(g, 1, g.length);
        double b = p[10];
        double[] expected = v(p[1], p[0], p[3], p[2], -p[5], -p[4], p[7] * p[8], p[6] * p[8], p[6] * p[7],
                1 / (1 + b * b), -p[9] * 2 * b / ((1 + b * b) * (1 + b * b)), p[12], p[11]);
        Check.exact(expected, grad, "paramsLikeGenerated");
        Check.fd(f, p, grad, names);
    }

    @ParameterizedTest
    @CsvSource({"0.6, 1.2", "-0.6, 1.2"})
    void localsLikeGenerated(double w, double x) {
        NamesFxGrad.LocalsLikeGeneratedGradient g = NamesFxGrad.localsLikeGenerated(w, x);
        Check.sameValue(NamesFx.localsLikeGenerated(w, x), g.value());
        Check.fd(p -> NamesFx.localsLikeGenerated(p[0], p[1]), v(w, x), v(g.w(), g.x()));
        Check.hipparchus(d -> {
            DerivativeStructure wv = d[0], xv = d[1];
            DerivativeStructure valueAdj = wv.multiply(xv).add(wv);
            DerivativeStructure t = valueAdj.multiply(valueAdj).subtract(xv).multiply(wv).add(1)
                    .multiply(xv).divide(2);
            DerivativeStructure adjoints = t.add(wv).multiply(3);
            for (int i = 0; i < 3; i++) {
                adjoints = adjoints.multiply(0.5).add(wv);
            }
            return w > 0 ? adjoints.multiply(2).add(t) : adjoints;
        }, v(w, x), v(g.w(), g.x()), "localsLikeGenerated");
    }

    @Test
    void localsLikeGenerated2() {
        double u = 0.7, w = -0.4;
        NamesFxGrad.LocalsLikeGenerated2Gradient g = NamesFxGrad.localsLikeGenerated2(u, w);
        Check.sameValue(NamesFx.localsLikeGenerated2(u, w), g.value());
        Check.fd(p -> NamesFx.localsLikeGenerated2(p[0], p[1]), v(u, w), v(g.u(), g.v()));
        Check.hipparchus(d -> {
            DerivativeStructure uAdj = d[0].multiply(d[1]);
            DerivativeStructure tAdj = uAdj.multiply(d[0]).add(d[1]);
            DerivativeStructure dV2 = tAdj.multiply(tAdj).subtract(d[0]).multiply(d[1]).add(d[0]);
            DerivativeStructure callAdjoints = dV2.multiply(2).add(d[0].multiply(d[1]).add(d[0]));
            return callAdjoints.multiply(uAdj);
        }, v(u, w), v(g.u(), g.v()), "localsLikeGenerated2");
    }

    @ParameterizedTest
    @CsvSource({"0, 0.8, 7.68", "1, 0.8, 6.4", "1, -0.8, -3.2"})
    void switchValueName(int k, double x, double dx) {
        NamesFxGrad.SwitchValueNameGradient g = NamesFxGrad.switchValueName(x, k);
        Check.sameValue(NamesFx.switchValueName(x, k), g.value());
        Check.exact(dx, g.x(), "dx");
        Check.fd(p -> NamesFx.switchValueName(p[0], k), v(x), v(g.x()));
    }

    @Test
    void valueAsNonDifferentiatedParameter() {
        double[] g = Check.gradient(NamesFxGrad.class, "valueNotDifferentiated", new String[] {"x"}, 1.5, 4);
        Check.sameValue(NamesFx.valueNotDifferentiated(1.5, 4), g[0]);
        Check.exact(4, g[1], "dx");
        double[] h = Check.gradient(NamesFxGrad.class, "doubleValueExcluded", new String[] {"x"}, 1.5, 0.3);
        Check.sameValue(NamesFx.doubleValueExcluded(1.5, 0.3), h[0]);
        Check.exact(2 * 1.5 * 0.3, h[1], "dx");
        Check.fd(p -> NamesFx.doubleValueExcluded(p[0], 0.3), v(1.5), v(h[1]));
    }

    @Test
    void paramsNamedLikePackagesAndTypes() {
        NamesFxGrad.ParamNamedDevGradient d = NamesFxGrad.paramNamedDev(0.4, 2.0);
        Check.sameValue(NamesFx.paramNamedDev(0.4, 2.0), d.value());
        Check.exact(2.0 + Math.cos(0.4), d.dev(), "ddev");
        Check.exact(0.4, d.java(), "djava");
        double tp = 1.3, y = -0.6;
        NamesFxGrad.ParamNamedTapeGradient t = NamesFxGrad.paramNamedTape(tp, y);
        Check.sameValue(NamesFx.paramNamedTape(tp, y), t.value());
        Check.exact(2 * y * tp + y, t.Tape(), "dTape");
        Check.exact(tp * tp + tp, t.y(), "dy");
        Check.fd(p -> NamesFx.paramNamedTape(p[0], p[1]), v(tp, y), v(t.Tape(), t.y()));
        NamesFxGrad.ParamNamedAdjPrefixGradient a = NamesFxGrad.paramNamedAdjPrefix(1.5, -2.0);
        Check.sameValue(NamesFx.paramNamedAdjPrefix(1.5, -2.0), a.value());
        Check.exact(2 * 1.5 * -2.0, a.w(), "dw");
        Check.exact(2.25, a.wAdj(), "dwAdj");
        double[] adj = new double[2];
        NamesFxGrad.paramNamedAdjPrefixAdjoint(1.5, -2.0, 1.0, adj, null);
        Check.exact(v(-6.0, 2.25), adj, "adjoint");
    }
}
