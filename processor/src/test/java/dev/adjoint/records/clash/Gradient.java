package dev.adjoint.records.clash;

/** A user's class that happens to be named like the generated ClashModelGrad.Gradient. */
public final class Gradient {
    final double step;

    public Gradient(double step) {
        this.step = step;
    }

    public double step() {
        return step;
    }
}
