package dev.adjoint.corpus;

import dev.adjoint.Differentiable;

/** Switches on chars, grouped case labels, labelled blocks, interface helpers. */
final class SwitchCorpus {
    private SwitchCorpus() {
    }

    interface Kernel {
        static double rbf(double a, double b, double ell) {
            double d = (a - b) / ell;
            return Math.exp(-0.5 * d * d);
        }
    }

    /** S3. Interface static helper. */
    @Differentiable
    static double kernelSum(double x, double y, double ell) {
        return Kernel.rbf(x, y, ell) + Kernel.rbf(x, 0, 1);
    }

    /** S4. Labelled block left by break. */
    @Differentiable
    static double labeledBlock(double x, double y) {
        double r = x;
        block: {
            if (x > 0) {
                r = r * y;
                break block;
            }
            r = Math.sin(r) * y;
        }
        return r * x;
    }

    /** S5. Char switch expression with a multi-label case. */
    @Differentiable
    static double charSwitch(double x, char op) {
        return switch (op) {
            case '+' -> x + x * x;
            case '*', 'x' -> x * x * x;
            default -> Math.sin(x);
        };
    }

    /** S6. Grouped case labels (empty cases) in an old-style switch. */
    @Differentiable
    static double groupedCases(double x, int mode) {
        double r = x;
        switch (mode) {
            case 0:
            case 1:
                r = x * x;
                break;
            case 2:
                r = Math.sin(x);
                break;
            default:
                break;
        }
        return r * x;
    }

    /** S7. Switch in a loop: return from inside, yield of active values, int-switch on a counter. */
    @Differentiable
    static double switchLoop(double x, int n) {
        double acc = x;
        for (int i = 0; i < n; i++) {
            double step = switch (i % 4) {
                case 0 -> acc * 0.5;
                case 1 -> {
                    double t = Math.cos(acc);
                    yield t * x;
                }
                case 2 -> {
                    if (acc > 10) {
                        yield 0;
                    }
                    yield acc * acc * 0.1;
                }
                default -> -x;
            };
            switch (i % 3) {
                case 0:
                    acc += step;
                    break;
                case 1:
                    acc -= 0.5 * step;
                    if (acc < -100) {
                        return acc;
                    }
                    break;
                default:
                    acc *= 1 + 0.01 * step;
            }
        }
        return acc;
    }
}
