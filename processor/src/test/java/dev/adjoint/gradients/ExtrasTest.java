package dev.adjoint.gradients;

import static dev.adjoint.gradients.Check.v;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.adjoint.Tape;
import org.junit.jupiter.api.Test;

class ExtrasTest {

    @Test
    void overloadedAnnotatedMethods() {
        Check.exact(3.0, ExtrasFxGrad.over(1.5).x(), "d x^2");
        double[] g = Check.gradient(ExtrasFxGrad.class, "over", new String[] {"x", "y"}, 1.5, -2.0);
        Check.sameValue(ExtrasFx.over(1.5, -2.0), g[0]);
        Check.exact(4.0, g[1], "dx");
        Check.exact(2 * 1.5 * -2.0, g[2], "dy");
    }

    @Test
    void tapeReusableAfterExceptionMidLoop() {
        ExtrasFxGrad.LoopThrowGradient fresh = ExtrasFxGrad.loopThrow(0.5, 2);
        Check.sameValue(ExtrasFx.loopThrow(0.5, 2), fresh.value());
        Check.fd(p -> ExtrasFx.loopThrow(p[0], 2), v(0.5), v(fresh.a()));
        assertThrows(IllegalStateException.class, () -> ExtrasFx.loopThrow(0.5, 3));
        Tape tape = new Tape();
        assertThrows(IllegalStateException.class,
                () -> ExtrasFxGrad.loopThrowAdjoint(0.5, 3, 1.0, new double[1], tape));
        double[] adj = new double[1];
        double value = ExtrasFxGrad.loopThrowAdjoint(0.5, 2, 1.0, adj, tape);
        Check.sameValue(fresh.value(), value);
        Check.exact(fresh.a(), adj[0], "gradient with a tape reused after an exception");
    }

    @Test
    void castBound() {
        double x = 1.7; // (int) 5.1 = 5 trips: s = x * (0+1+2+3+4)
        ExtrasFxGrad.CastBoundGradient g = ExtrasFxGrad.castBound(x);
        Check.sameValue(ExtrasFx.castBound(x), g.value());
        Check.exact(10.0, g.x(), "dx");
        Check.fd(p -> ExtrasFx.castBound(p[0]), v(x), v(g.x()));
    }

    @Test
    void ternaryInCall() {
        for (double[] p : new double[][] {{-1.5, 0.7}, {1.2, 2.0}, {0.6, 0.2}}) {
            ExtrasFxGrad.TernaryInCallGradient g = ExtrasFxGrad.ternaryInCall(p[0], p[1]);
            Check.sameValue(ExtrasFx.ternaryInCall(p[0], p[1]), g.value());
            Check.fd(q -> ExtrasFx.ternaryInCall(q[0], q[1]), p, v(g.x(), g.y()));
        }
    }
}
