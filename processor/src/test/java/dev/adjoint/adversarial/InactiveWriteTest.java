package dev.adjoint.adversarial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link InactiveWriteFx}: value in every mode, 5-point central differences, mTangent, mHvp. */
class InactiveWriteTest {

    @Test
    void discardedResult() {
        // Was silently wrong (fixed here): mTangent dropped the call fill(y, ...) of a writing
        // helper returning double, as a statement, when no derivative flowed into it, so its
        // value() missed the write (0.9588 expected, 0 returned at the fuzz finding).
        Oracle.allModes(InactiveWriteFx::discardedResult, p -> InactiveWriteFxGrad.discardedResult(p).value(),
                p -> InactiveWriteFxGrad.discardedResult(p).x(),
                (p, v) -> InactiveWriteFxGrad.discardedResultTangent(p, v).tangent(),
                (p, v) -> InactiveWriteFxGrad.discardedResultHvp(p, v).xHvp());
        double[] x = Oracle.X.clone();
        double f = InactiveWriteFx.discardedResult(x.clone());
        assertEquals(f, InactiveWriteFxGrad.discardedResultTangent(x.clone(), Oracle.V.clone()).value(), 0.0,
                "mTangent value()");
        assertEquals(f, InactiveWriteFxGrad.discardedResultHvp(x.clone(), Oracle.V.clone()).value(), 0.0,
                "mHvp value()");
    }

    @Test
    void voidHelper() {
        Oracle.allModes(InactiveWriteFx::voidHelper, p -> InactiveWriteFxGrad.voidHelper(p).value(),
                p -> InactiveWriteFxGrad.voidHelper(p).x(),
                (p, v) -> InactiveWriteFxGrad.voidHelperTangent(p, v).tangent(),
                (p, v) -> InactiveWriteFxGrad.voidHelperHvp(p, v).xHvp());
        double[] x = Oracle.X.clone();
        double f = InactiveWriteFx.voidHelper(x.clone());
        assertEquals(f, InactiveWriteFxGrad.voidHelperTangent(x.clone(), Oracle.V.clone()).value(), 0.0,
                "mTangent value()");
        assertEquals(f, InactiveWriteFxGrad.voidHelperHvp(x.clone(), Oracle.V.clone()).value(), 0.0,
                "mHvp value()");
    }

    @Test
    void storedResult() {
        Oracle.allModes(InactiveWriteFx::storedResult, p -> InactiveWriteFxGrad.storedResult(p).value(),
                p -> InactiveWriteFxGrad.storedResult(p).x(),
                (p, v) -> InactiveWriteFxGrad.storedResultTangent(p, v).tangent(),
                (p, v) -> InactiveWriteFxGrad.storedResultHvp(p, v).xHvp());
        double[] x = Oracle.X.clone();
        double f = InactiveWriteFx.storedResult(x.clone());
        assertEquals(f, InactiveWriteFxGrad.storedResultTangent(x.clone(), Oracle.V.clone()).value(), 0.0,
                "mTangent value()");
        assertEquals(f, InactiveWriteFxGrad.storedResultHvp(x.clone(), Oracle.V.clone()).value(), 0.0,
                "mHvp value()");
    }
}
