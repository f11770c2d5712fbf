package dev.adjoint.forward;

import static dev.adjoint.forward.ForwardCheck.close;
import static dev.adjoint.forward.ForwardCheck.directional;
import static dev.adjoint.forward.ForwardCheck.dot;
import static dev.adjoint.forward.ForwardCheck.exact;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.forward.RecordTangentFx.Layer;
import dev.adjoint.forward.RecordTangentFx.Model;
import dev.adjoint.forward.RecordTangentFx.Net;
import dev.adjoint.forward.RecordTangentFx.P;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * mTangent on records: directions shaped like the parameters (a record, the receiver's record,
 * a class's Gradient), against finite differences of the primal along the direction, against the
 * generated gradient (tangent = gradient · direction) and, for one, against Hipparchus.
 */
class RecordTangentTest {

    static DerivativeStructure norm(DerivativeStructure a, DerivativeStructure b,
            DerivativeStructure s) {
        return s.multiply(a.multiply(b).sin()).add(a.multiply(a)).add(b.exp().multiply(s));
    }

    @ParameterizedTest
    @CsvSource({"0.7, -0.4, 1.3, 0.5, -1.0, 0.25", "-1.2, 0.3, 0.8, 0, 1, 0", "2, 1, -0.5, 1, 1, 1"})
    void recordParameter(double a, double b, double s, double da, double db, double ds) {
        RecordTangentFxGrad.NormTangent t =
                RecordTangentFxGrad.normTangent(new P(a, b), s, new P(da, db), ds);
        assertEquals(RecordTangentFx.norm(new P(a, b), s), t.value(), 0.0, "value()");
        RecordTangentFxGrad.NormGradient g = RecordTangentFxGrad.norm(new P(a, b), s);
        exact(g.p().a() * da + g.p().b() * db + g.s() * ds, t.tangent(), "gradient · v");
        close(directional(x -> RecordTangentFx.norm(new P(x[0], x[1]), x[2]),
                new double[] {a, b, s}, new double[] {da, db, ds}, 1e-3), t.tangent(), "FD");
        ForwardCheck.Second h = ForwardCheck.hipparchus(d -> norm(d[0], d[1], d[2]), a, b, s);
        exact(dot(h.gradient(), new double[] {da, db, ds}), t.tangent(), "Hipparchus");
    }

    private static Net net(double[] v) {
        return new Net(new P(v[1], v[2]), new double[] {v[3], v[4], v[5]}, 3);
    }

    @Test
    void nestedRecordWithAnArrayAndAComponentWithoutDerivative() {
        double[] at = {0.6, 0.4, -0.3, 0.2, -0.5, 0.9};
        double[] dir = {0.3, -1.0, 0.5, 0.7, 0.1, -0.4};
        // the direction's int component is ignored: 99 would run past the array otherwise
        Net d = new Net(new P(dir[1], dir[2]), new double[] {dir[3], dir[4], dir[5]}, 99);
        RecordTangentFxGrad.NetTangent t =
                RecordTangentFxGrad.netTangent(at[0], net(at), dir[0], d);
        assertEquals(RecordTangentFx.net(at[0], net(at)), t.value(), 0.0, "value()");
        RecordTangentFxGrad.NetGradient g = RecordTangentFxGrad.net(at[0], net(at));
        double[] flat = {g.x(), g.q().p().a(), g.q().p().b(), g.q().w()[0], g.q().w()[1],
            g.q().w()[2]};
        exact(dot(flat, dir), t.tangent(), "gradient · v");
        close(directional(v -> RecordTangentFx.net(v[0], net(v)), at, dir, 1e-3), t.tangent(),
                "FD");
    }

    @Test
    void wrtRestrictsTheComponentsTheDirectionMoves() {
        double[] at = {0.6, 0.4, -0.3, 0.2, -0.5, 0.9};
        double[] dir = {0.3, -1.0, 0.5, 0.7, 0.1, -0.4};
        Net d = new Net(new P(dir[1], dir[2]), new double[] {dir[3], dir[4], dir[5]}, 3);
        RecordTangentFxGrad.SomeTangent t =
                RecordTangentFxGrad.someTangent(at[0], net(at), dir[0], d);
        assertEquals(RecordTangentFx.some(at[0], net(at)), t.value(), 0.0, "value()");
        // q.p.b is outside wrt: its direction is ignored
        double[] moved = dir.clone();
        moved[2] = 0;
        RecordTangentFxGrad.SomeGradient g = RecordTangentFxGrad.some(at[0], net(at));
        double[] flat = {g.x(), g.q().p().a(), g.q().p().b(), g.q().w()[0], g.q().w()[1],
            g.q().w()[2]};
        exact(dot(flat, moved), t.tangent(), "gradient · v");
        close(directional(v -> RecordTangentFx.some(v[0], net(v)), at, moved, 1e-3),
                t.tangent(), "FD");
    }

    private static Model model(double[] v) {
        return new Model(v[1], v[2], new double[] {v[3], v[4]});
    }

    @Test
    void instanceMethodOfARecord() {
        double[] at = {0.8, 0.5, -0.2, 1.1, -0.6};
        double[] dir = {-0.4, 0.9, 0.3, -0.2, 0.6};
        RecordTangentFx_ModelGrad.LossTangent t = RecordTangentFx_ModelGrad.lossTangent(
                model(at), at[0], model(dir), dir[0]);
        assertEquals(model(at).loss(at[0]), t.value(), 0.0, "value()");
        RecordTangentFx_ModelGrad.LossGradient g = RecordTangentFx_ModelGrad.loss(model(at), at[0]);
        double[] flat = {g.x(), g.self().w(), g.self().b(), g.self().v()[0], g.self().v()[1]};
        exact(dot(flat, dir), t.tangent(), "gradient · v");
        close(directional(v -> model(v).loss(v[0]), at, dir, 1e-3), t.tangent(), "FD");
    }

    @Test
    void callOfARecordsMethod() {
        double[] at = {0.8, 0.5, -0.2, 1.1, -0.6};
        double[] dir = {-0.4, 0.9, 0.3, -0.2, 0.6};
        RecordTangentFxGrad.ViaModelTangent t = RecordTangentFxGrad.viaModelTangent(model(at),
                at[0], model(dir), dir[0]);
        assertEquals(RecordTangentFx.viaModel(model(at), at[0]), t.value(), 0.0, "value()");
        RecordTangentFxGrad.ViaModelGradient g = RecordTangentFxGrad.viaModel(model(at), at[0]);
        double[] flat = {g.x(), g.m().w(), g.m().b(), g.m().v()[0], g.m().v()[1]};
        exact(dot(flat, dir), t.tangent(), "gradient · v");
        close(directional(v -> RecordTangentFx.viaModel(model(v), v[0]), at, dir, 1e-3),
                t.tangent(), "FD");
    }

    private static Layer layer(double[] v) {
        return new Layer(new double[] {v[1], v[2]}, new P(v[3], v[4]));
    }

    @Test
    void classModelTakesItsGradientAsDirection() {
        double[] at = {0.7, 0.4, -1.3, 0.25, 1.5};
        double[] dir = {0.2, -0.5, 0.8, 1.0, -0.3};
        RecordTangentFx_LayerGrad.Gradient d = new RecordTangentFx_LayerGrad.Gradient(
                new double[] {dir[1], dir[2]}, new P(dir[3], dir[4]));
        RecordTangentFx_LayerGrad.OutTangent t =
                RecordTangentFx_LayerGrad.outTangent(layer(at), at[0], d, dir[0]);
        assertEquals(layer(at).out(at[0]), t.value(), 0.0, "value()");
        RecordTangentFx_LayerGrad.OutGradient g = RecordTangentFx_LayerGrad.out(layer(at), at[0]);
        double[] flat = {g.x(), g.self().w()[0], g.self().w()[1], g.self().bias().a(),
            g.self().bias().b()};
        exact(dot(flat, dir), t.tangent(), "gradient · v");
        close(directional(v -> layer(v).out(v[0]), at, dir, 1e-3), t.tangent(), "FD");
    }

    /** Column j of {@code jacobian} against the 5-point difference along the j-th unit vector. */
    private static void columnsByDifferences(java.util.function.Function<double[], double[]> f,
            double[] at, double[][] jacobian) {
        for (int j = 0; j < at.length; j++) {
            double[] e = new double[at.length];
            e[j] = 1;
            double[] d = ForwardCheck.directionalVector(f, at, e, 1e-3);
            for (int i = 0; i < d.length; i++) {
                close(d[i], jacobian[i][j], "column " + j + " row " + i);
            }
        }
    }

    @Test
    void jacobianOfARecordByForwardSweeps() {
        double[] at = {0.7, -0.4, 1.3, 0.5}; // p.a, p.b, t[0], t[1]
        RecordTangentFxGrad.ResidualsJacobian j = RecordTangentFxGrad.residualsJacobian(
                new P(at[0], at[1]), new double[] {at[2], at[3]});
        java.util.function.Function<double[], double[]> f =
                v -> RecordTangentFx.residuals(new P(v[0], v[1]), new double[] {v[2], v[3]});
        exact(f.apply(at), j.values(), "values()");
        assertEquals(5, j.jacobian().length);
        assertEquals(4, j.jacobian()[0].length);
        columnsByDifferences(f, at, j.jacobian());
        // exact: d r_i / d p.a = exp(p.b i)
        for (int i = 0; i < 5; i++) {
            exact(Math.exp(at[1] * i), j.jacobian()[i][0], "dr" + i + "/da");
        }
    }

    @Test
    void jacobianOfANestedRecordUnderWrtByReverseSweeps() {
        double[] at = {0.6, 0.4, -0.3, 0.2, -0.5, 0.9}; // x, q.p.a, q.p.b, q.w
        RecordTangentFxGrad.FitJacobian j = RecordTangentFxGrad.fitJacobian(net(at), at[0]);
        exact(RecordTangentFx.fit(net(at), at[0]), j.values(), "values()");
        // columns: q.p.b, q.w[0..2], then x (q.p.a is outside wrt)
        assertEquals(5, j.jacobian()[0].length);
        double[] moved = {at[2], at[3], at[4], at[5], at[0]};
        columnsByDifferences(v -> RecordTangentFx.fit(net(new double[] {v[4], at[1], v[0], v[1],
                v[2], v[3]}), v[4]), moved, j.jacobian());
    }

    @Test
    void jacobianOfAClassModelTakesTheReceiverFirst() {
        double[] at = {0.7, 0.4, -1.3, 0.25, 1.5};
        RecordTangentFx_LayerGrad.OutsJacobian j =
                RecordTangentFx_LayerGrad.outsJacobian(layer(at), at[0]);
        exact(layer(at).outs(at[0]), j.values(), "values()");
        double[] moved = {at[1], at[2], at[3], at[4], at[0]};
        columnsByDifferences(v -> layer(new double[] {v[4], v[0], v[1], v[2], v[3]}).outs(v[4]),
                moved, j.jacobian());
    }
}
