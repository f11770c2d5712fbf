package dev.adjoint.records;

import dev.adjoint.Differentiable;

/** Sealed interfaces of records: a call dispatched by type (issue 17, step 4). */
final class SealedFx {
    private SealedFx() {
    }

    /** An activation function, one record per kind. */
    sealed interface Activation permits Relu, Tanh, Scaled {
        double apply(double z);
    }

    /** max(z, 0). */
    record Relu() implements Activation {
        @Override
        public double apply(double z) {
            return Math.max(z, 0.0);
        }
    }

    /** tanh(z). */
    record Tanh() implements Activation {
        @Override
        public double apply(double z) {
            return Math.tanh(z);
        }
    }

    /** A softplus with its own slope and offset, read as constants. */
    record Scaled(double slope, double offset) implements Activation {
        @Override
        public double apply(double z) {
            return Math.log1p(Math.exp(slope * z)) + offset;
        }
    }

    @Differentiable
    static double neuron(Activation act, double w, double b, double[] x) {
        double s = b;
        for (int i = 0; i < x.length; i++) {
            s += w * x[i];
        }
        return act.apply(s) * w;
    }

    /** Dispatched inside a loop, two activations. */
    @Differentiable
    static double twoLayers(Activation first, Activation second, double w, double x, int n) {
        double h = x;
        for (int k = 0; k < n; k++) {
            double z = first.apply(w * h + 0.1);
            h = second.apply(z - 0.2 * w);
        }
        return h;
    }
}
