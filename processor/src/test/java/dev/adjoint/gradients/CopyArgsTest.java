package dev.adjoint.gradients;

import static dev.adjoint.gradients.Check.dot;
import static dev.adjoint.gradients.Check.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link CopyArgsFx}: values, 5-point central differences, exact values, tangent. */
class CopyArgsTest {

    private static final double[] CAM = {0.1, -0.2, 0.05, 0.3, -0.1, -5.0};
    private static final double[] W = {0.9, -0.4, 1.3};

    @Test
    void rangesAsArguments() {
        var g = CopyArgsFxGrad.ranges(CAM.clone(), W.clone());
        Check.sameValue(CopyArgsFx.ranges(CAM, W), g.value());
        Check.fd(p -> CopyArgsFx.ranges(Arrays.copyOf(p, 6), Arrays.copyOfRange(p, 6, 9)),
                concat(CAM, W), concat(g.cam(), g.w()));
        // d/dcam: a·w b + ... exactly
        double a = CAM[0] * W[0] + CAM[1] * W[1] + CAM[2] * W[2];
        double b = CAM[3] * W[0] + CAM[4] * W[1] + CAM[5] * W[2];
        double c = Math.cos(a);
        double[] exact = new double[6];
        for (int i = 0; i < 3; i++) {
            exact[i] = W[i] * b + c * W[i];
            exact[i + 3] = a * W[i];
        }
        Check.exact(exact, g.cam(), "cam");
        double[] dc = {0.2, 0.1, -0.3, 0.4, 0.5, -0.1};
        double[] dw = {0.3, -0.2, 0.1};
        var t = CopyArgsFxGrad.rangesTangent(CAM, W, dc, dw);
        assertEquals(dot(concat(g.cam(), g.w()), concat(dc, dw)), t.tangent(), 1e-12);
        var h = CopyArgsFxGrad.rangesHvp(CAM, W, dc, dw);
        double e = 1e-4;
        double[] p2 = grad(shift(concat(CAM, W), concat(dc, dw), 2 * e));
        double[] p1 = grad(shift(concat(CAM, W), concat(dc, dw), e));
        double[] m1 = grad(shift(concat(CAM, W), concat(dc, dw), -e));
        double[] m2 = grad(shift(concat(CAM, W), concat(dc, dw), -2 * e));
        double[] hv = concat(h.camHvp(), h.wHvp());
        for (int i = 0; i < hv.length; i++) {
            double fd = (-p2[i] + 8 * p1[i] - 8 * m1[i] + m2[i]) / (12 * e);
            assertEquals(fd, hv[i], 1e-6 * Math.max(1, Math.abs(fd)), "Hv[" + i + "]");
        }
    }

    @Test
    void rangeIntoAHelperThatWritesAnotherArgument() {
        double[][] cams = {{0.3, -0.2, 0.5, 1.5}, {-0.4, 0.1, 0.2, -0.5}};
        double[] point = {0.5, 0.2, 1.0};
        var g = CopyArgsFxGrad.intoWritingHelper(cams, point);
        Check.sameValue(CopyArgsFx.intoWritingHelper(cams, point), g.value());
        Check.fd(p -> CopyArgsFx.intoWritingHelper(new double[][] {Arrays.copyOf(p, 4),
                Arrays.copyOfRange(p, 4, 8)}, Arrays.copyOfRange(p, 8, 11)),
                concat(concat(cams[0], cams[1]), point),
                concat(concat(g.cams()[0], g.cams()[1]), g.point()));
    }

    @Test
    void paddedCopiesAndClonesAsArguments() {
        double[] x = {0.7, -1.2, 0.4};
        for (int n : new int[] {3, 5}) {
            double[] primal = x.clone();
            var g = CopyArgsFxGrad.paddedAndCloned(x, n);
            Check.sameValue(CopyArgsFx.paddedAndCloned(primal, n), g.value());
            assertArrayEquals(primal, x, 0.0);
            Check.fd(p -> CopyArgsFx.paddedAndCloned(p, n), x, g.x());
        }
    }

    private static double[] grad(double[] p) {
        var q = CopyArgsFxGrad.ranges(Arrays.copyOf(p, 6), Arrays.copyOfRange(p, 6, 9));
        return concat(q.cam(), q.w());
    }

    private static double[] shift(double[] x, double[] v, double t) {
        double[] r = x.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] += t * v[i];
        }
        return r;
    }
}
