package dev.adjoint.spark;

/**
 * A first-order update of the parameters from a mean gradient, run on the driver by
 * {@link MiniBatchTrainer}. {@link #sgd} and {@link #adam} are provided; a lambda adapts any
 * other (the examples adapt the demo's optimizer to reproduce its local run).
 */
@FunctionalInterface
public interface Optimizer {

    /**
     * Updates {@code params} in place.
     *
     * @param params the parameters
     * @param gradient the mini-batch's mean gradient (may be modified)
     */
    void step(Params params, Params gradient);

    /**
     * Gradient descent with heavy-ball momentum: {@code v ← μv + g, θ ← θ − αv}.
     *
     * @param learningRate {@code α}
     * @param momentum {@code μ}, 0 for plain SGD
     * @return a new optimizer with its own state
     */
    static Optimizer sgd(double learningRate, double momentum) {
        return new Optimizer() {
            private Params velocity;

            @Override
            public void step(Params params, Params gradient) {
                if (velocity == null) {
                    velocity = params.zerosLike();
                }
                velocity.scale(momentum).add(gradient);
                params.addScaled(-learningRate, velocity);
            }
        };
    }

    /**
     * Adam (Kingma and Ba, 2015) with {@code β1 = 0.9, β2 = 0.999, ε = 1e-8}.
     *
     * @param learningRate the step size {@code α}
     * @return a new optimizer with its own state
     */
    static Optimizer adam(double learningRate) {
        return new Optimizer() {
            private double[] m;
            private double[] v;
            private int t;

            @Override
            public void step(Params params, Params gradient) {
                double[] g = gradient.toArray();
                double[] p = params.toArray();
                if (m == null) {
                    m = new double[g.length];
                    v = new double[g.length];
                }
                t++;
                double a = learningRate / (1.0 - Math.pow(0.9, t));
                double c2 = 1.0 / (1.0 - Math.pow(0.999, t));
                for (int i = 0; i < p.length; i++) {
                    m[i] = 0.9 * m[i] + 0.1 * g[i];
                    v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                    p[i] -= a * m[i] / (Math.sqrt(v[i] * c2) + 1e-8);
                }
                params.setFrom(p);
            }
        };
    }
}
