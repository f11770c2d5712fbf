package dev.adjoint.adversarial;

import org.junit.jupiter.api.Test;

/** {@link CallResultsFx}: value, 5-point central differences, mTangent, mHvp ({@link Oracle}). */
class CallResultsTest {

    @Test
    void pureResultThenWrite() {
        Oracle.allModes(CallResultsFx::pureResultThenWrite, p -> CallResultsFxGrad.pureResultThenWrite(p).value(),
                p -> CallResultsFxGrad.pureResultThenWrite(p).x(),
                (p, v) -> CallResultsFxGrad.pureResultThenWriteTangent(p, v).tangent(),
                (p, v) -> CallResultsFxGrad.pureResultThenWriteHvp(p, v).xHvp());
    }

    @Test
    void pureResultInLoopThenWrite() {
        Oracle.allModes(CallResultsFx::pureResultInLoopThenWrite, p -> CallResultsFxGrad.pureResultInLoopThenWrite(p).value(),
                p -> CallResultsFxGrad.pureResultInLoopThenWrite(p).x(),
                (p, v) -> CallResultsFxGrad.pureResultInLoopThenWriteTangent(p, v).tangent(),
                (p, v) -> CallResultsFxGrad.pureResultInLoopThenWriteHvp(p, v).xHvp());
    }

    @Test
    void pureCallInSumLoopThenWrite() {
        Oracle.allModes(CallResultsFx::pureCallInSumLoopThenWrite, p -> CallResultsFxGrad.pureCallInSumLoopThenWrite(p).value(),
                p -> CallResultsFxGrad.pureCallInSumLoopThenWrite(p).x(),
                (p, v) -> CallResultsFxGrad.pureCallInSumLoopThenWriteTangent(p, v).tangent(),
                (p, v) -> CallResultsFxGrad.pureCallInSumLoopThenWriteHvp(p, v).xHvp());
    }

    @Test
    void axpyIntoWrittenParameter() {
        Oracle.allModes(CallResultsFx::axpyIntoWrittenParameter, p -> CallResultsFxGrad.axpyIntoWrittenParameter(p).value(),
                p -> CallResultsFxGrad.axpyIntoWrittenParameter(p).x(),
                (p, v) -> CallResultsFxGrad.axpyIntoWrittenParameterTangent(p, v).tangent(),
                (p, v) -> CallResultsFxGrad.axpyIntoWrittenParameterHvp(p, v).xHvp());
    }
}
