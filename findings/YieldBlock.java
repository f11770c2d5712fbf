package dev.adjoint.gradients;


// Generated code does not compile: the yield is lowered to a labelled block whose label is the keyword `switch`:
//   YieldBlockGrad.java:27: error: '(' expected
//       switch: {
//   ...   break switch;
// Same for colon-form switch expressions (case "sq": yield x * x;) on strings.
import dev.adjoint.Differentiable;

final class YieldBlock {
    @Differentiable
    static double f(double x, int k) {
        double s = switch (k) {
            case 0 -> x * x;
            default -> {
                yield 3 * x;
            }
        };
        return s;
    }
}
