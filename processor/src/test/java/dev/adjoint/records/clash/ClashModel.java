package dev.adjoint.records.clash;

import dev.adjoint.Differentiable;

/**
 * A class model beside a user class named Gradient (a field's type) and taking another one, of
 * another package: the generated ClashModelGrad.Gradient must hide neither.
 */
final class ClashModel {
    final double[] w;
    final double b;
    final Gradient schedule;

    ClashModel(double[] w, double b, Gradient schedule) {
        this.w = w;
        this.b = b;
        this.schedule = schedule;
    }

    @Differentiable
    double loss(double x, dev.adjoint.records.clash.units.Gradient scale) {
        double s = b * scale.step();
        for (int i = 0; i < w.length; i++) {
            s += w[i] * Math.sin((i + 1) * x) * schedule.step();
        }
        return s * s;
    }
}
