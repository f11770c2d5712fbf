package dev.adjoint.gradients;

import org.junit.jupiter.api.Test;

/**
 * An impure call moved out of an expression (so that it runs once) takes with it every read Java
 * evaluates before it: value() and the gradient see the same state as the original.
 */
class OrderTest {

    @Test
    void aFieldReadBeforeACallThatChangesIt() {
        OrderFx.reset();
        double original = OrderFx.fieldThenCall(1.5);
        OrderFx.reset();
        OrderFxGrad.FieldThenCallGradient g = OrderFxGrad.fieldThenCall(1.5);
        Check.sameValue(original, g.value());
        Check.exact(0 + 1, g.a(), "d/da of a * count + a * next() from count = 0");
    }

    @Test
    void anElementReadBeforeACallThatChangesIt() {
        OrderFx.reset();
        double original = OrderFx.elementThenCall(1.5);
        OrderFx.reset();
        OrderFxGrad.ElementThenCallGradient g = OrderFxGrad.elementThenCall(1.5);
        Check.sameValue(original, g.value());
        Check.exact(1.0 + 2 * 1.5 * 2.0, g.a(), "d/da of a * table[0] + a² * bump(), table[0] = 1");
    }

    @Test
    void aFieldReadByTheReverseSweepAfterALaterCallChangedIt() {
        OrderFx.reset();
        OrderFx.count = 1;
        double original = OrderFx.fieldThenLaterCall(2.0);
        OrderFx.reset();
        OrderFx.count = 1;
        OrderFxGrad.FieldThenLaterCallGradient g = OrderFxGrad.fieldThenLaterCall(2.0);
        Check.sameValue(original, g.value());
        Check.exact(2 * 1 * 2.0 + 1.0, g.a(), "d/da of a² count + table[0] a with count = 1");
    }
}
