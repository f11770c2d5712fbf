package dev.adjoint.forward;

import static dev.adjoint.forward.ForwardCheck.close;
import static dev.adjoint.forward.ForwardCheck.directionalVector;
import static dev.adjoint.forward.ForwardCheck.exact;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.forward.RecordHessianFx.Layer;
import dev.adjoint.forward.RecordHessianFx.Model;
import dev.adjoint.forward.RecordHessianFx.Net;
import dev.adjoint.forward.RecordHessianFx.P;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * mHvp and mHessian on records (a record parameter, a nested record, wrt restricting
 * components, a record's instance method, a class model) and through calls of record-taking and
 * instance helpers: the value is the original's, the gradient accessors are the gradient's, the
 * Hessian-vector product matches finite differences of the generated gradient along the vector,
 * the Hessian is symmetric, its rows are the products with the unit vectors and it times the
 * vector is the product; for some, Hipparchus DerivativeStructure of order 2 as a second oracle.
 * Each case is flattened into the Hessian's order: the receiver first, then the parameters, a
 * record's differentiated components depth-first in declaration order.
 */
class RecordHessianTest {

    /** What mHvp and mHessian return, flattened in the Hessian's order. */
    record Flat(double value, double[] gradient, double[] product, double[][] hessian) {
    }

    /**
     * Checks {@code hvp} at {@code at} along {@code dir} against {@code primal} and the generated
     * {@code gradient} (both over the flat point), and {@code hessian} against {@code hvp}.
     */
    private static Flat check(double[] at, double[] dir, ToDoubleFunction<double[]> primal,
            Function<double[], double[]> gradient, BiFunction<double[], double[], Flat> hvp,
            Function<double[], Flat> hessian) {
        Flat h = hvp.apply(at, dir);
        assertEquals(primal.applyAsDouble(at), h.value(), 0.0, "value() is the original's");
        exact(gradient.apply(at), h.gradient(), "the gradient accessors are the gradient's");
        close(directionalVector(gradient, at, dir, 1e-4), h.product(), "FD of ∇ along v");
        Flat full = hessian.apply(at);
        assertEquals(h.value(), full.value(), 0.0, "mHessian value()");
        exact(h.gradient(), full.gradient(), "mHessian gradient");
        double[][] m = full.hessian();
        assertEquals(at.length, m.length, "rows");
        double[] times = new double[at.length];
        for (int i = 0; i < at.length; i++) {
            assertEquals(at.length, m[i].length, "columns");
            double[] unit = new double[at.length];
            unit[i] = 1;
            exact(hvp.apply(at, unit).product(), m[i], "row " + i + " is H·e" + i);
            for (int j = 0; j < at.length; j++) {
                assertEquals(m[j][i], m[i][j], 1e-9 * Math.max(1, Math.abs(m[i][j])),
                        "symmetric at " + i + ", " + j);
                times[i] += m[i][j] * dir[j];
            }
        }
        close(times, h.product(), "H · v");
        return h;
    }

    private static void hipparchus(Function<DerivativeStructure[], DerivativeStructure> f,
            double[] at, Flat h) {
        ForwardCheck.Second ds = ForwardCheck.hipparchus(f, at);
        assertEquals(ds.value(), h.value(), 1e-12 * Math.max(1, Math.abs(ds.value())),
                "Hipparchus value");
        for (int i = 0; i < at.length; i++) {
            for (int j = 0; j < at.length; j++) {
                assertEquals(ds.hessian()[i][j], h.hessian()[i][j],
                        1e-9 * Math.max(1, Math.abs(ds.hessian()[i][j])),
                        "Hipparchus H[" + i + "][" + j + "]");
            }
        }
    }

    static DerivativeStructure norm(DerivativeStructure a, DerivativeStructure b,
            DerivativeStructure s) {
        return s.multiply(a.multiply(b).sin()).add(a.multiply(a)).add(b.exp().multiply(s));
    }

    @ParameterizedTest
    @CsvSource({"0.7, -0.4, 1.3, 0.5, -1.0, 0.25", "-1.2, 0.3, 0.8, 0, 1, 0", "2, 1, -0.5, 1, 1, 1"})
    void recordParameter(double a, double b, double s, double da, double db, double ds) {
        Flat h = check(new double[] {a, b, s}, new double[] {da, db, ds},
                v -> RecordHessianFx.norm(new P(v[0], v[1]), v[2]),
                v -> {
                    RecordHessianFxGrad.NormGradient g =
                            RecordHessianFxGrad.norm(new P(v[0], v[1]), v[2]);
                    return new double[] {g.p().a(), g.p().b(), g.s()};
                },
                (v, d) -> {
                    RecordHessianFxGrad.NormHvp r = RecordHessianFxGrad.normHvp(
                            new P(v[0], v[1]), v[2], new P(d[0], d[1]), d[2]);
                    return new Flat(r.value(), new double[] {r.p().a(), r.p().b(), r.s()},
                            new double[] {r.pHvp().a(), r.pHvp().b(), r.sHvp()}, null);
                },
                v -> {
                    RecordHessianFxGrad.NormHessian r =
                            RecordHessianFxGrad.normHessian(new P(v[0], v[1]), v[2]);
                    return new Flat(r.value(), new double[] {r.p().a(), r.p().b(), r.s()},
                            null, r.hessian());
                });
        hipparchus(d -> norm(d[0], d[1], d[2]), new double[] {a, b, s},
                new Flat(h.value(), null, null,
                        RecordHessianFxGrad.normHessian(new P(a, b), s).hessian()));
    }

    private static Net net(double[] v) {
        return new Net(new P(v[1], v[2]), new double[] {v[3], v[4], v[5]}, 3);
    }

    private static double[] flat(double x, Net q) {
        return new double[] {x, q.p().a(), q.p().b(), q.w()[0], q.w()[1], q.w()[2]};
    }

    static DerivativeStructure net(DerivativeStructure[] d) {
        DerivativeStructure x = d[0];
        DerivativeStructure s = d[1].multiply(x);
        for (int i = 0; i < 3; i++) {
            s = s.add(d[3 + i].multiply(x).add(d[2]).tanh().multiply(s));
        }
        return s.multiply(s).add(d[2].multiply(d[2]).log1p());
    }

    @Test
    void nestedRecordWithAnArrayAndAComponentWithoutDerivative() {
        double[] at = {0.6, 0.4, -0.3, 0.2, -0.5, 0.9};
        double[] dir = {0.3, -1.0, 0.5, 0.7, 0.1, -0.4};
        Flat h = check(at, dir, v -> RecordHessianFx.net(v[0], net(v)),
                v -> {
                    RecordHessianFxGrad.NetGradient g = RecordHessianFxGrad.net(v[0], net(v));
                    return flat(g.x(), g.q());
                },
                (v, d) -> {
                    // the direction's int component is ignored: 99 would run past the array
                    Net dq = new Net(new P(d[1], d[2]), new double[] {d[3], d[4], d[5]}, 99);
                    RecordHessianFxGrad.NetHvp r =
                            RecordHessianFxGrad.netHvp(v[0], net(v), d[0], dq);
                    assertEquals(3, r.q().n(), "an int component is copied into the gradient");
                    assertEquals(3, r.qHvp().n(), "and into the product");
                    return new Flat(r.value(), flat(r.x(), r.q()), flat(r.xHvp(), r.qHvp()),
                            null);
                },
                v -> {
                    RecordHessianFxGrad.NetHessian r = RecordHessianFxGrad.netHessian(v[0], net(v));
                    return new Flat(r.value(), flat(r.x(), r.q()), null, r.hessian());
                });
        hipparchus(RecordHessianTest::net, at, new Flat(h.value(), null, null,
                RecordHessianFxGrad.netHessian(at[0], net(at)).hessian()));
    }

    /** x, q.p.a, q.w (q.p.b is outside wrt: no row, no column, held at -0.3). */
    private static Net some(double[] v) {
        return new Net(new P(v[1], -0.3), new double[] {v[2], v[3], v[4]}, 3);
    }

    @Test
    void wrtRestrictsTheComponents() {
        double[] at = {0.6, 0.4, 0.2, -0.5, 0.9};
        double[] dir = {0.3, -1.0, 0.7, 0.1, -0.4};
        check(at, dir, v -> RecordHessianFx.some(v[0], some(v)),
                v -> {
                    RecordHessianFxGrad.SomeGradient g = RecordHessianFxGrad.some(v[0], some(v));
                    return new double[] {g.x(), g.q().p().a(), g.q().w()[0], g.q().w()[1],
                        g.q().w()[2]};
                },
                (v, d) -> {
                    // q.p.b's direction (5.0) is ignored: it is outside wrt
                    Net dq = new Net(new P(d[1], 5.0), new double[] {d[2], d[3], d[4]}, 3);
                    RecordHessianFxGrad.SomeHvp r =
                            RecordHessianFxGrad.someHvp(v[0], some(v), d[0], dq);
                    assertEquals(0.0, r.q().p().b(), 0.0, "outside wrt: a zero gradient");
                    assertEquals(0.0, r.qHvp().p().b(), 0.0, "outside wrt: a zero product");
                    return new Flat(r.value(), new double[] {r.x(), r.q().p().a(), r.q().w()[0],
                        r.q().w()[1], r.q().w()[2]}, new double[] {r.xHvp(), r.qHvp().p().a(),
                            r.qHvp().w()[0], r.qHvp().w()[1], r.qHvp().w()[2]}, null);
                },
                v -> {
                    RecordHessianFxGrad.SomeHessian r =
                            RecordHessianFxGrad.someHessian(v[0], some(v));
                    return new Flat(r.value(), new double[] {r.x(), r.q().p().a(), r.q().w()[0],
                        r.q().w()[1], r.q().w()[2]}, null, r.hessian());
                });
    }

    /** The receiver (w, b, v[0], v[1]) first, then x. */
    private static Model model(double[] v) {
        return new Model(v[0], v[1], new double[] {v[2], v[3]});
    }

    private static double[] flat(Model m, double x) {
        return new double[] {m.w(), m.b(), m.v()[0], m.v()[1], x};
    }

    static DerivativeStructure loss(DerivativeStructure[] d) {
        DerivativeStructure w = d[0];
        DerivativeStructure b = d[1];
        DerivativeStructure x = d[4];
        DerivativeStructure s = w.multiply(x).add(b);
        for (int i = 2; i < 4; i++) {
            DerivativeStructure e = d[i];
            DerivativeStructure shift = b.multiply(e).multiply(e).add(w.multiply(e).sin());
            s = s.multiply(e).add(x.multiply(e).cos()).add(shift);
        }
        return s.multiply(s);
    }

    @Test
    void instanceMethodOfARecordThroughItsOtherMethod() {
        double[] at = {0.5, -0.2, 1.1, -0.6, 0.8};
        double[] dir = {0.9, 0.3, -0.2, 0.6, -0.4};
        Flat h = check(at, dir, v -> model(v).loss(v[4]),
                v -> {
                    RecordHessianFx_ModelGrad.LossGradient g =
                            RecordHessianFx_ModelGrad.loss(model(v), v[4]);
                    return flat(g.self(), g.x());
                },
                (v, d) -> {
                    RecordHessianFx_ModelGrad.LossHvp r = RecordHessianFx_ModelGrad.lossHvp(
                            model(v), v[4], model(d), d[4]);
                    return new Flat(r.value(), flat(r.self(), r.x()),
                            flat(r.selfHvp(), r.xHvp()), null);
                },
                v -> {
                    RecordHessianFx_ModelGrad.LossHessian r =
                            RecordHessianFx_ModelGrad.lossHessian(model(v), v[4]);
                    return new Flat(r.value(), flat(r.self(), r.x()), null, r.hessian());
                });
        hipparchus(RecordHessianTest::loss, at, new Flat(h.value(), null, null,
                RecordHessianFx_ModelGrad.lossHessian(model(at), at[4]).hessian()));
    }

    /** The receiver (w[0], w[1], c) first, then x. */
    private static Layer layer(double[] v) {
        return new Layer(new double[] {v[0], v[1]}, v[2]);
    }

    private static double[] flat(RecordHessianFx_LayerGrad.Gradient g, double x) {
        return new double[] {g.w()[0], g.w()[1], g.c(), x};
    }

    @Test
    void classModelTakesAndReturnsItsGradient() {
        double[] at = {0.4, -1.3, 0.7, 0.9};
        double[] dir = {-0.5, 0.8, 0.2, 1.0};
        check(at, dir, v -> layer(v).out(v[3]),
                v -> {
                    RecordHessianFx_LayerGrad.OutGradient g =
                            RecordHessianFx_LayerGrad.out(layer(v), v[3]);
                    return flat(g.self(), g.x());
                },
                (v, d) -> {
                    RecordHessianFx_LayerGrad.Gradient dl = new RecordHessianFx_LayerGrad.Gradient(
                            new double[] {d[0], d[1]}, d[2]);
                    RecordHessianFx_LayerGrad.OutHvp r =
                            RecordHessianFx_LayerGrad.outHvp(layer(v), v[3], dl, d[3]);
                    return new Flat(r.value(), flat(r.self(), r.x()),
                            flat(r.selfHvp(), r.xHvp()), null);
                },
                v -> {
                    RecordHessianFx_LayerGrad.OutHessian r =
                            RecordHessianFx_LayerGrad.outHessian(layer(v), v[3]);
                    return new Flat(r.value(), flat(r.self(), r.x()), null, r.hessian());
                });
    }

    /** m (w, b, v[0], v[1]), p (a, b), x. */
    private static double[] flat(Model m, P p, double x) {
        return new double[] {m.w(), m.b(), m.v()[0], m.v()[1], p.a(), p.b(), x};
    }

    static DerivativeStructure energy(DerivativeStructure a, DerivativeStructure b,
            DerivativeStructure t) {
        return a.multiply(b.multiply(t).exp()).add(b.multiply(b).multiply(t));
    }

    static DerivativeStructure through(DerivativeStructure[] d) {
        DerivativeStructure x = d[6];
        DerivativeStructure[] l = {d[0], d[1], d[2], d[3], x};
        DerivativeStructure shift = d[1].multiply(x).multiply(x).add(d[0].multiply(x).sin());
        return loss(l).multiply(x).add(shift.multiply(energy(d[4], d[5], x)))
                .add(energy(x, d[4], d[1]));
    }

    @Test
    void staticMethodThroughARecordHelperAndAnInstanceHelper() {
        double[] at = {0.5, -0.2, 1.1, -0.6, 0.3, 0.4, 0.8};
        double[] dir = {0.9, 0.3, -0.2, 0.6, -0.7, 0.5, -0.4};
        Flat h = check(at, dir,
                v -> RecordHessianFx.through(model(v), new P(v[4], v[5]), v[6]),
                v -> {
                    RecordHessianFxGrad.ThroughGradient g = RecordHessianFxGrad.through(
                            model(v), new P(v[4], v[5]), v[6]);
                    return flat(g.m(), g.p(), g.x());
                },
                (v, d) -> {
                    RecordHessianFxGrad.ThroughHvp r = RecordHessianFxGrad.throughHvp(model(v),
                            new P(v[4], v[5]), v[6], model(d), new P(d[4], d[5]), d[6]);
                    return new Flat(r.value(), flat(r.m(), r.p(), r.x()),
                            flat(r.mHvp(), r.pHvp(), r.xHvp()), null);
                },
                v -> {
                    RecordHessianFxGrad.ThroughHessian r = RecordHessianFxGrad.throughHessian(
                            model(v), new P(v[4], v[5]), v[6]);
                    return new Flat(r.value(), flat(r.m(), r.p(), r.x()), null, r.hessian());
                });
        hipparchus(RecordHessianTest::through, at, new Flat(h.value(), null, null,
                RecordHessianFxGrad.throughHessian(model(at), new P(at[4], at[5]), at[6])
                        .hessian()));
    }

    @Test
    void plainMethodThroughARecordHelper() {
        double[] at = {0.7, -0.4, 0.9};
        double[] dir = {0.3, 1.1, -0.6};
        Flat h = check(at, dir, v -> RecordHessianFx.viaRecordHelper(v[0], v[1], v[2]),
                v -> {
                    RecordHessianFxGrad.ViaRecordHelperGradient g =
                            RecordHessianFxGrad.viaRecordHelper(v[0], v[1], v[2]);
                    return new double[] {g.a(), g.b(), g.x()};
                },
                (v, d) -> {
                    RecordHessianFxGrad.ViaRecordHelperHvp r = RecordHessianFxGrad
                            .viaRecordHelperHvp(v[0], v[1], v[2], d[0], d[1], d[2]);
                    return new Flat(r.value(), new double[] {r.a(), r.b(), r.x()},
                            new double[] {r.aHvp(), r.bHvp(), r.xHvp()}, null);
                },
                v -> {
                    RecordHessianFxGrad.ViaRecordHelperHessian r =
                            RecordHessianFxGrad.viaRecordHelperHessian(v[0], v[1], v[2]);
                    return new Flat(r.value(), new double[] {r.a(), r.b(), r.x()}, null,
                            r.hessian());
                });
        hipparchus(d -> energy(d[0], d[1].multiply(d[2]), d[2])
                .add(d[0].multiply(d[1]).sin().multiply(d[2])), at,
                new Flat(h.value(), null, null,
                        RecordHessianFxGrad.viaRecordHelperHessian(at[0], at[1], at[2])
                                .hessian()));
    }

    @ParameterizedTest
    @CsvSource({"0.7, 1.3, 0.4, -0.9", "-1.1, 0.4, 1, 0"})
    void dispatchedCallOfARecordsMethod(double x, double y, double vx, double vy) {
        for (RecordHessianFx.Act act : new RecordHessianFx.Act[] {
            new RecordHessianFx.Cube(1.5), new RecordHessianFx.Wave(-0.8)}) {
            Flat h = check(new double[] {x, y}, new double[] {vx, vy},
                    v -> RecordHessianFx.act(act, v[0], v[1]),
                    v -> {
                        RecordHessianFxGrad.ActGradient g =
                                RecordHessianFxGrad.act(act, v[0], v[1]);
                        return new double[] {g.x(), g.y()};
                    },
                    (v, d) -> {
                        RecordHessianFxGrad.ActHvp r =
                                RecordHessianFxGrad.actHvp(act, v[0], v[1], d[0], d[1]);
                        return new Flat(r.value(), new double[] {r.x(), r.y()},
                                new double[] {r.xHvp(), r.yHvp()}, null);
                    },
                    v -> {
                        RecordHessianFxGrad.ActHessian r =
                                RecordHessianFxGrad.actHessian(act, v[0], v[1]);
                        return new Flat(r.value(), new double[] {r.x(), r.y()}, null,
                                r.hessian());
                    });
            Function<DerivativeStructure, DerivativeStructure> f =
                    act instanceof RecordHessianFx.Cube c
                            ? z -> z.multiply(z).multiply(z).multiply(c.k())
                            : z -> z.sin().multiply(z).multiply(((RecordHessianFx.Wave) act).k());
            hipparchus(d -> f.apply(d[0].multiply(d[1])).multiply(d[0]).add(f.apply(d[1])),
                    new double[] {x, y}, new Flat(h.value(), null, null,
                            RecordHessianFxGrad.actHessian(act, x, y).hessian()));
        }
    }

    @Test
    void recordPassingItselfOnToAStaticMethod() {
        double[] at = {0.6, -0.7, 1.2};
        double[] dir = {0.4, 0.9, -0.3};
        Flat h = check(at, dir, v -> new RecordHessianFx.Pair(v[0], v[1]).energy(v[2]),
                v -> {
                    RecordHessianFx_PairGrad.EnergyGradient g = RecordHessianFx_PairGrad.energy(
                            new RecordHessianFx.Pair(v[0], v[1]), v[2]);
                    return new double[] {g.self().a(), g.self().b(), g.x()};
                },
                (v, d) -> {
                    RecordHessianFx_PairGrad.EnergyHvp r = RecordHessianFx_PairGrad.energyHvp(
                            new RecordHessianFx.Pair(v[0], v[1]), v[2],
                            new RecordHessianFx.Pair(d[0], d[1]), d[2]);
                    return new Flat(r.value(), new double[] {r.self().a(), r.self().b(), r.x()},
                            new double[] {r.selfHvp().a(), r.selfHvp().b(), r.xHvp()}, null);
                },
                v -> {
                    RecordHessianFx_PairGrad.EnergyHessian r = RecordHessianFx_PairGrad
                            .energyHessian(new RecordHessianFx.Pair(v[0], v[1]), v[2]);
                    return new Flat(r.value(), new double[] {r.self().a(), r.self().b(), r.x()},
                            null, r.hessian());
                });
        hipparchus(d -> d[0].multiply(d[1]).multiply(d[2]).multiply(d[2])
                .add(d[1].multiply(d[2]).exp()).multiply(d[0]).add(d[1].multiply(d[2]).cos()),
                at, new Flat(h.value(), null, null, RecordHessianFx_PairGrad.energyHessian(
                        new RecordHessianFx.Pair(at[0], at[1]), at[2]).hessian()));
    }
}
