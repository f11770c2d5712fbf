package dev.adjoint.gradients;

import static dev.adjoint.gradients.Check.concat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LoopAllocTest {

    private static final double[] X = {0.7, -1.3, 0.4, 2.1, -0.6};

    @Test
    void perSampleMlpWithArraysAllocatedInTheSampleLoop() {
        double[][] xs = {{0.5, -1.0, 0.3}, {1.2, 0.4, -0.7}, {-0.3, 0.8, 0.9}, {0.1, 0.1, -1.5}};
        double[] ys = {0.3, -0.5, 0.8, 0.0};
        double[][] w1 = {{0.2, -0.4, 0.6}, {0.5, 0.1, -0.3}};
        double[] b1 = {0.05, -0.1};
        double[] w2 = {0.7, -1.1};
        double b2 = 0.2;
        var g = LoopAllocFxGrad.mlp(xs, ys, w1, b1, w2, b2);
        Check.sameValue(LoopAllocFx.mlp(xs, ys, w1, b1, w2, b2), g.value());
        Check.fd(p -> LoopAllocFx.mlp(xs, ys, new double[][] {Arrays.copyOfRange(p, 0, 3),
                Arrays.copyOfRange(p, 3, 6)}, b1, w2, b2), concat(w1[0], w1[1]),
                concat(g.w1()[0], g.w1()[1]));
        Check.fd(p -> LoopAllocFx.mlp(xs, ys, w1, Arrays.copyOf(p, 2),
                Arrays.copyOfRange(p, 2, 4), p[4]), concat(concat(b1, w2), b2),
                concat(concat(g.b1(), g.w2()), g.b2()));
        Check.fd(p -> LoopAllocFx.mlp(new double[][] {Arrays.copyOfRange(p, 0, 3), xs[1], xs[2],
                xs[3]}, ys, w1, b1, w2, b2), xs[0], g.xs()[0]);
    }

    @Test
    void initializersClonesVarargsAndArgumentsInLoops() {
        for (double a : new double[] {0.8, -1.4}) {
            var g = LoopAllocFxGrad.shapes(X, a);
            Check.sameValue(LoopAllocFx.shapes(X, a), g.value());
            Check.fd(p -> LoopAllocFx.shapes(Arrays.copyOf(p, 5), p[5]), concat(X, a),
                    concat(g.x(), g.a()));
        }
    }

    @Test
    void runTimeSizesThrowWhereJavaThrows() {
        for (int n : new int[] {0, 3, 7}) {
            var g = LoopAllocFxGrad.sized(X, n, 3);
            Check.sameValue(LoopAllocFx.sized(X, n, 3), g.value());
            Check.fd(p -> LoopAllocFx.sized(p, n, 3), X, g.x());
        }
        // A negative size with no trip: Java never allocates, so neither throws.
        Check.sameValue(LoopAllocFx.sized(X, -2, 0), LoopAllocFxGrad.sized(X, -2, 0).value());
        assertThrows(NegativeArraySizeException.class, () -> LoopAllocFx.sized(X, -2, 1));
        assertThrows(NegativeArraySizeException.class, () -> LoopAllocFxGrad.sized(X, -2, 1));
    }

    @Test
    void sizeComputedInsideTheLoopFromInvariantValues() {
        for (int trips : new int[] {0, 1, 3}) {
            var g = LoopAllocFxGrad.localSize(X, trips);
            Check.sameValue(LoopAllocFx.localSize(X, trips), g.value());
            Check.fd(p -> LoopAllocFx.localSize(p, trips), X, g.x());
        }
    }

    @Test
    void returningANewArrayOfScalars() {
        double r = 1.7;
        double theta = 0.6;
        double[] seed = {0.4, -1.3};
        var g = LoopAllocFxGrad.polar(r, theta, seed);
        assertArrayEquals(LoopAllocFx.polar(r, theta), g.value(), 0.0);
        Check.exact(seed[0] * Math.cos(theta) + seed[1] * Math.sin(theta), g.r(), "r");
        Check.exact(-seed[0] * r * Math.sin(theta) + seed[1] * r * Math.cos(theta), g.theta(),
                "theta");
        Check.fd(p -> {
            double[] v = LoopAllocFx.polar(p[0], p[1]);
            return seed[0] * v[0] + seed[1] * v[1];
        }, new double[] {r, theta}, new double[] {g.r(), g.theta()});
    }
}
