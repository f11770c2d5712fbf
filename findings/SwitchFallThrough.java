package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

// Clean diagnostic (documented limitation, not a silent failure):
// "falling through to the next switch case is not supported; end this case with break, return or throw"
final class SwitchFallThrough {
    @Differentiable
    static double f(double x, int k) {
        double s = x;
        switch (k) {
            case 1:
                s = s + 1;
            case 2:
                s = s * x;
                break;
            default:
                s = -s;
        }
        return s;
    }
}
