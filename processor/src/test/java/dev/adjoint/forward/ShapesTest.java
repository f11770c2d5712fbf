package dev.adjoint.forward;

import static dev.adjoint.forward.ForwardCheck.close;
import static dev.adjoint.forward.ForwardCheck.directional;
import static dev.adjoint.forward.ForwardCheck.directionalVector;
import static dev.adjoint.forward.ForwardCheck.dot;
import static dev.adjoint.forward.ForwardCheck.exact;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** mTangent through array-returning calls, switch, private helpers, row aliases, copies. */
class ShapesTest {
    private static final double[][] W = {{0.2, -0.4, 0.6}, {-0.1, 0.3, 0.5}};
    private static final double[] X = {0.7, -1.1, 0.4};
    private static final double[][] DW = {{1, 0, -0.5}, {0.25, 0.5, 0}};
    private static final double[] DX = {-0.3, 0.8, 0.1};

    private static double[][] matrix(double[] p) {
        return new double[][] {{p[0], p[1], p[2]}, {p[3], p[4], p[5]}};
    }

    private static final double[] FLAT = {0.2, -0.4, 0.6, -0.1, 0.3, 0.5, 0.7, -1.1, 0.4};
    private static final double[] V = {1, 0, -0.5, 0.25, 0.5, 0, -0.3, 0.8, 0.1};

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void networkThroughAnArrayReturningCall(int kind) {
        ShapesFxGrad.NetworkTangent t = ShapesFxGrad.networkTangent(W, X, kind, DW, DX);
        assertEquals(ShapesFx.network(W, X, kind), t.value(), 0.0);
        ShapesFxGrad.NetworkGradient g = ShapesFxGrad.network(W, X, kind);
        exact(dot(g.w()[0], DW[0]) + dot(g.w()[1], DW[1]) + dot(g.x(), DX), t.tangent(),
                "gradient · v");
        close(directional(p -> ShapesFx.network(matrix(p), new double[] {p[6], p[7], p[8]},
                kind), FLAT, V, 1e-4), t.tangent(), "FD");
    }

    @ParameterizedTest
    @ValueSource(ints = {0})
    void layerTangentAndJacobian(int unused) {
        ShapesFxGrad.LayerTangent t = ShapesFxGrad.layerTangent(W, X, DW, DX);
        exact(ShapesFx.layer(W, X), t.value(), "values");
        double[] fd = directionalVector(p -> ShapesFx.layer(matrix(p),
                new double[] {p[6], p[7], p[8]}), FLAT, V, 1e-4);
        close(fd, t.tangent(), "FD");
        ShapesFxGrad.LayerJacobian j = ShapesFxGrad.layerJacobian(W, X);
        for (int i = 0; i < 2; i++) {
            exact(t.tangent()[i], dot(j.jacobian()[i], V), "J v, row " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.7, -1.3})
    void overloadsWrtAndAPrivatePartial(double x) {
        ShapesFxGrad.OverTangent t = ShapesFxGrad.overTangent(x, 0.5);
        exact(0.5 * ShapesFxGrad.over(x).x(), t.tangent(), "over(x)");
        ShapesFxGrad.OverTangent2 t2 = ShapesFxGrad.overTangent(x, 0.9, -2);
        exact(-2 * ShapesFxGrad.over(x, 0.9).y(), t2.tangent(), "over(x, y) wrt y only");
        ShapesFxGrad.OverHessian2 h = ShapesFxGrad.overHessian(x, 0.9);
        assertEquals(1, h.hessian().length);
        close(directional(p -> ShapesFxGrad.over(x, p[0]).y(), new double[] {0.9},
                new double[] {1}, 1e-4), h.hessian()[0][0], "d2/dy2");
        ShapesFxGrad.OverHvp hv = ShapesFxGrad.overHvp(x, 1);
        close(directional(p -> ShapesFxGrad.over(p[0]).x(), new double[] {x},
                new double[] {1}, 1e-4), hv.xHvp(), "d2/dx2");
    }
}
