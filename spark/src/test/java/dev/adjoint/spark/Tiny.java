package dev.adjoint.spark;

import dev.adjoint.Activations;
import dev.adjoint.Differentiable;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** A small model with a matrix, a vector and a scalar parameter, for the tests. */
public final class Tiny {

    private Tiny() {
    }

    /** One example. */
    public record Example(int id, double[] x, double y) implements Serializable {
    }

    /**
     * A one-hidden-layer tanh/ReLU regression: {@code scale · Σ_j relu(w_j·x + b_j)} against
     * {@code y}, squared error.
     */
    @Differentiable(wrt = {"w", "b", "scale"})
    static double loss(double[][] w, double[] b, double scale, double[] x, double y) {
        double out = 0.0;
        for (int j = 0; j < b.length; j++) {
            double s = b[j];
            for (int i = 0; i < x.length; i++) {
                s += w[j][i] * x[i];
            }
            out += Math.tanh(s) + 0.1 * Activations.relu(s);
        }
        double e = scale * out - y;
        return 0.5 * e * e;
    }

    /** The loss of {@link #loss} as an {@link ExampleLoss}: the one line a user writes. */
    static final ExampleLoss<Example> LOSS = (e, p, g, tape) -> TinyGrad.lossAdjoint(p.matrix(0),
            p.vector(1), p.vector(2)[0], e.x(), e.y(), 1.0, g.vector(2), g.matrix(0), g.vector(1),
            tape);

    static List<Example> examples(int n, int features, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Example> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            double[] x = new double[features];
            double t = 0.0;
            for (int i = 0; i < features; i++) {
                x[i] = r.nextDouble(-1, 1);
                t += (i % 2 == 0 ? 1 : -0.5) * x[i];
            }
            out.add(new Example(k, x, Math.sin(2 * t)));
        }
        return out;
    }

    static Params params(int hidden, int features, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] w = new double[hidden][features];
        for (double[] row : w) {
            for (int i = 0; i < features; i++) {
                row[i] = r.nextDouble(-1, 1);
            }
        }
        double[] b = new double[hidden];
        for (int j = 0; j < hidden; j++) {
            b[j] = r.nextDouble(-0.5, 0.5);
        }
        return Params.of(w, b, new double[] {0.7});
    }
}
