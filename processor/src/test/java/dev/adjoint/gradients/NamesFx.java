package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

/** User names that collide with names the generator is likely to use. */
final class NamesFx {
    private NamesFx() {
    }

    static double helper(double p, double q) {
        return p * q + p;
    }

    @Differentiable
    static double paramsLikeGenerated(double wAdj, double valueAdj, double adj, double seed,
            double tape, double result, double t, double saved, double trips, double position,
            double branch, double adjoints, double iteration) {
        return wAdj * valueAdj + adj * seed - tape * result + t * saved * trips
                + position / (1 + branch * branch) + adjoints * iteration;
    }

    @Differentiable
    static double localsLikeGenerated(double w, double x) {
        double wAdj = w * x;
        double valueAdj = wAdj + w;
        double adj = valueAdj * valueAdj;
        double seed = adj - x;
        double tape = seed * w;
        double value = tape + 1;
        double result = value * x;
        double t = result / 2;
        double saved = t + w;
        int trips = 3;
        long position = 2L;
        boolean branch = w > 0;
        double adjoints = saved * trips;
        int iteration = 0;
        while (iteration < trips) {
            adjoints = adjoints * 0.5 + w;
            iteration++;
        }
        return branch ? adjoints * position + t : adjoints;
    }

    @Differentiable
    static double localsLikeGenerated2(double u, double v) {
        double uAdj = u * v;
        double vAdj = uAdj * u;
        double tAdj = vAdj + v;
        double t2 = tAdj * tAdj;
        double t3 = t2 - u;
        double dU2 = t3 * v;
        double dV2 = dU2 + u;
        double switchValue = dV2 * 2;
        double callAdjoints = switchValue + helper(u, v);
        return callAdjoints * uAdj;
    }

    @Differentiable
    static double switchValueName(double x, int k) {
        double switchValue = x * 2;
        boolean branch = x > 0;
        double s = switch (k) {
            case 0 -> x * switchValue;
            default -> branch ? switchValue : x;
        };
        return s * switchValue;
    }

    @Differentiable
    static double valueNotDifferentiated(double x, int value) {
        return x * value;
    }

    @Differentiable(wrt = "x")
    static double doubleValueExcluded(double x, double value) {
        return x * value * x;
    }

    @Differentiable
    static double paramNamedDev(double dev, double java) {
        return dev * java + Math.sin(dev);
    }

    @Differentiable
    static double paramNamedTape(double Tape, double y) {
        return Tape * helper(y, Tape);
    }

    @Differentiable
    static double paramNamedAdjPrefix(double w, double wAdj) {
        return w * w * wAdj;
    }
}
