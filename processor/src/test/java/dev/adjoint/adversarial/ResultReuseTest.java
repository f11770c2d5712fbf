package dev.adjoint.adversarial;

import org.junit.jupiter.api.Test;

/** {@link ResultReuseFx}: value, 5-point central differences, mTangent, mHvp ({@link Oracle}). */
class ResultReuseTest {

    @Test
    void expResultOverwritten() {
        Oracle.allModes(ResultReuseFx::expResultOverwritten, p -> ResultReuseFxGrad.expResultOverwritten(p).value(),
                p -> ResultReuseFxGrad.expResultOverwritten(p).x(),
                (p, v) -> ResultReuseFxGrad.expResultOverwrittenTangent(p, v).tangent(),
                (p, v) -> ResultReuseFxGrad.expResultOverwrittenHvp(p, v).xHvp());
    }

    @Test
    void tanhAndLogisticOverwritten() {
        Oracle.allModes(ResultReuseFx::tanhAndLogisticOverwritten, p -> ResultReuseFxGrad.tanhAndLogisticOverwritten(p).value(),
                p -> ResultReuseFxGrad.tanhAndLogisticOverwritten(p).x(),
                (p, v) -> ResultReuseFxGrad.tanhAndLogisticOverwrittenTangent(p, v).tangent(),
                (p, v) -> ResultReuseFxGrad.tanhAndLogisticOverwrittenHvp(p, v).xHvp());
    }

    @Test
    void expIntoArrayThenHelper() {
        Oracle.allModes(ResultReuseFx::expIntoArrayThenHelper, p -> ResultReuseFxGrad.expIntoArrayThenHelper(p).value(),
                p -> ResultReuseFxGrad.expIntoArrayThenHelper(p).x(),
                (p, v) -> ResultReuseFxGrad.expIntoArrayThenHelperTangent(p, v).tangent(),
                (p, v) -> ResultReuseFxGrad.expIntoArrayThenHelperHvp(p, v).xHvp());
    }

    @Test
    void tanhIntoArrayThenHelper() {
        Oracle.allModes(ResultReuseFx::tanhIntoArrayThenHelper, p -> ResultReuseFxGrad.tanhIntoArrayThenHelper(p).value(),
                p -> ResultReuseFxGrad.tanhIntoArrayThenHelper(p).x(),
                (p, v) -> ResultReuseFxGrad.tanhIntoArrayThenHelperTangent(p, v).tangent(),
                (p, v) -> ResultReuseFxGrad.tanhIntoArrayThenHelperHvp(p, v).xHvp());
    }

    @Test
    void logisticIntoArrayOverwritten() {
        Oracle.allModes(ResultReuseFx::logisticIntoArrayOverwritten, p -> ResultReuseFxGrad.logisticIntoArrayOverwritten(p).value(),
                p -> ResultReuseFxGrad.logisticIntoArrayOverwritten(p).x(),
                (p, v) -> ResultReuseFxGrad.logisticIntoArrayOverwrittenTangent(p, v).tangent(),
                (p, v) -> ResultReuseFxGrad.logisticIntoArrayOverwrittenHvp(p, v).xHvp());
    }

    @Test
    void identicalSumLoopsAroundHelper() {
        Oracle.allModes(ResultReuseFx::identicalSumLoopsAroundHelper, p -> ResultReuseFxGrad.identicalSumLoopsAroundHelper(p).value(),
                p -> ResultReuseFxGrad.identicalSumLoopsAroundHelper(p).x(),
                (p, v) -> ResultReuseFxGrad.identicalSumLoopsAroundHelperTangent(p, v).tangent(),
                (p, v) -> ResultReuseFxGrad.identicalSumLoopsAroundHelperHvp(p, v).xHvp());
    }

    @Test
    void identicalSumLoopsAroundLoopWrite() {
        Oracle.allModes(ResultReuseFx::identicalSumLoopsAroundLoopWrite, p -> ResultReuseFxGrad.identicalSumLoopsAroundLoopWrite(p).value(),
                p -> ResultReuseFxGrad.identicalSumLoopsAroundLoopWrite(p).x(),
                (p, v) -> ResultReuseFxGrad.identicalSumLoopsAroundLoopWriteTangent(p, v).tangent(),
                (p, v) -> ResultReuseFxGrad.identicalSumLoopsAroundLoopWriteHvp(p, v).xHvp());
    }

    @Test
    void storedSqrtResultHelper() {
        Oracle.allModes(ResultReuseFx::storedSqrtResultHelper, p -> ResultReuseFxGrad.storedSqrtResultHelper(p).value(),
                p -> ResultReuseFxGrad.storedSqrtResultHelper(p).x(),
                (p, v) -> ResultReuseFxGrad.storedSqrtResultHelperTangent(p, v).tangent(),
                (p, v) -> ResultReuseFxGrad.storedSqrtResultHelperHvp(p, v).xHvp());
    }
}
