package dev.adjoint.demo.train;

import java.util.Locale;

/**
 * Updates a network's parameters from a gradient: {@code p ← p - step(∂J/∂p + λp)}, with an
 * optional L2 weight decay {@code λ} on the weights (not the biases) and an optional cosine
 * learning-rate schedule {@code α_t = α·½(1 + cos(πt/T))} over {@code T} steps.
 */
public abstract class Optimizer {

    /** The learning rate of the current step. */
    protected double learningRate;

    private final double baseRate;
    private double weightDecay;
    private int totalSteps;
    private int steps;

    /**
     * Creates an optimizer.
     *
     * @param learningRate the learning rate {@code α}
     */
    protected Optimizer(double learningRate) {
        this.baseRate = learningRate;
        this.learningRate = learningRate;
    }

    /**
     * Sets the L2 weight decay applied to the weight matrices.
     *
     * @param lambda {@code λ ≥ 0}
     * @return this optimizer
     */
    public Optimizer weightDecay(double lambda) {
        this.weightDecay = lambda;
        return this;
    }

    /**
     * Decays the learning rate from {@code α} to 0 along a half cosine over {@code total} steps.
     *
     * @param total the number of steps of the whole run; 0 keeps the rate constant
     * @return this optimizer
     */
    public Optimizer cosine(int total) {
        this.totalSteps = total;
        return this;
    }

    /**
     * The learning rate the next step will use.
     *
     * @return {@code α_t}
     */
    public double currentRate() {
        if (totalSteps <= 0) {
            return baseRate;
        }
        return baseRate * 0.5 * (1.0 + Math.cos(Math.PI * Math.min(steps, totalSteps)
                / totalSteps));
    }

    /**
     * The optimizer named {@code adam}, {@code momentum} or {@code sgd}.
     *
     * @param name the name, case-insensitive
     * @param learningRate the learning rate
     * @param like a network with the parameters' shapes
     * @return the optimizer
     * @throws IllegalArgumentException for another name
     */
    public static Optimizer named(String name, double learningRate, Mlp like) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "adam" -> new Adam(learningRate, like);
            case "momentum" -> new Momentum(learningRate, 0.9, like);
            case "sgd" -> new Momentum(learningRate, 0.0, like);
            default -> throw new IllegalArgumentException("unknown optimizer '" + name
                    + "'; use adam, momentum or sgd");
        };
    }

    /**
     * Applies one update.
     *
     * @param parameters updated in place
     * @param gradient {@code ∂J/∂parameters}, same shapes
     */
    public final void step(Mlp parameters, Mlp gradient) {
        learningRate = currentRate();
        steps++;
        begin();
        for (int j = 0; j < parameters.w1().length; j++) {
            decay(gradient.w1()[j], parameters.w1()[j]);
            update(parameters.w1()[j], gradient.w1()[j], 0, j);
        }
        update(parameters.b1(), gradient.b1(), 1, 0);
        for (int c = 0; c < parameters.w2().length; c++) {
            decay(gradient.w2()[c], parameters.w2()[c]);
            update(parameters.w2()[c], gradient.w2()[c], 2, c);
        }
        update(parameters.b2(), gradient.b2(), 3, 0);
    }

    /** Adds {@code λp} to the gradient {@code g}. */
    private void decay(double[] g, double[] p) {
        if (weightDecay != 0.0) {
            for (int i = 0; i < g.length; i++) {
                g[i] += weightDecay * p[i];
            }
        }
    }

    /** Called once before each step's updates. */
    protected abstract void begin();

    /**
     * Updates one row of parameters.
     *
     * @param p the parameters
     * @param g their gradient
     * @param tensor which of {@code w1, b1, w2, b2} (0–3)
     * @param row the row within a matrix, 0 for a vector
     */
    protected abstract void update(double[] p, double[] g, int tensor, int row);

    /** Row {@code row} of tensor {@code tensor} of a state network. */
    static double[] row(Mlp state, int tensor, int row) {
        return switch (tensor) {
            case 0 -> state.w1()[row];
            case 1 -> state.b1();
            case 2 -> state.w2()[row];
            default -> state.b2();
        };
    }

    /** Gradient descent with (heavy-ball) momentum: {@code v ← μv + g, p ← p - αv}. */
    static final class Momentum extends Optimizer {
        private final double mu;
        private final Mlp velocity;

        Momentum(double learningRate, double mu, Mlp like) {
            super(learningRate);
            this.mu = mu;
            this.velocity = like.zerosLike();
        }

        @Override
        protected void begin() {
        }

        @Override
        protected void update(double[] p, double[] g, int tensor, int row) {
            double[] v = row(velocity, tensor, row);
            for (int i = 0; i < p.length; i++) {
                v[i] = mu * v[i] + g[i];
                p[i] -= learningRate * v[i];
            }
        }
    }

    /** Adam (Kingma and Ba, 2015) with {@code β1 = 0.9, β2 = 0.999, ε = 1e-8}. */
    static final class Adam extends Optimizer {
        private static final double BETA1 = 0.9;
        private static final double BETA2 = 0.999;
        private static final double EPSILON = 1e-8;
        private final Mlp m;
        private final Mlp v;
        private int t;
        private double stepSize;
        private double correction2;

        Adam(double learningRate, Mlp like) {
            super(learningRate);
            this.m = like.zerosLike();
            this.v = like.zerosLike();
        }

        @Override
        protected void begin() {
            t++;
            stepSize = learningRate / (1.0 - Math.pow(BETA1, t));
            correction2 = 1.0 / (1.0 - Math.pow(BETA2, t));
        }

        @Override
        protected void update(double[] p, double[] g, int tensor, int row) {
            double[] mr = row(m, tensor, row);
            double[] vr = row(v, tensor, row);
            for (int i = 0; i < p.length; i++) {
                mr[i] = BETA1 * mr[i] + (1.0 - BETA1) * g[i];
                vr[i] = BETA2 * vr[i] + (1.0 - BETA2) * g[i] * g[i];
                p[i] -= stepSize * mr[i] / (Math.sqrt(vr[i] * correction2) + EPSILON);
            }
        }
    }
}
