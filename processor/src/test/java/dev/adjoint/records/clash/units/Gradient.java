package dev.adjoint.records.clash.units;

/** A user class named like the generated ClashModelGrad.Gradient, in another package. */
public final class Gradient {
    final double step;

    public Gradient(double step) {
        this.step = step;
    }

    public double step() {
        return step;
    }
}
