package dev.adjoint.adversarial;

import org.junit.jupiter.api.Test;

/** {@link CountersAndIndicesFx}: value, 5-point central differences, mTangent, mHvp ({@link Oracle}). */
class CountersAndIndicesTest {

    @Test
    void boundShrinksInBody() {
        Oracle.allModes(CountersAndIndicesFx::boundShrinksInBody, p -> CountersAndIndicesFxGrad.boundShrinksInBody(p).value(),
                p -> CountersAndIndicesFxGrad.boundShrinksInBody(p).x(),
                (p, v) -> CountersAndIndicesFxGrad.boundShrinksInBodyTangent(p, v).tangent(),
                (p, v) -> CountersAndIndicesFxGrad.boundShrinksInBodyHvp(p, v).xHvp());
    }

    @Test
    void stepChangesInBody() {
        Oracle.allModes(CountersAndIndicesFx::stepChangesInBody, p -> CountersAndIndicesFxGrad.stepChangesInBody(p).value(),
                p -> CountersAndIndicesFxGrad.stepChangesInBody(p).x(),
                (p, v) -> CountersAndIndicesFxGrad.stepChangesInBodyTangent(p, v).tangent(),
                (p, v) -> CountersAndIndicesFxGrad.stepChangesInBodyHvp(p, v).xHvp());
    }

    @Test
    void helperDrivesTripCount() {
        Oracle.allModes(CountersAndIndicesFx::helperDrivesTripCount, p -> CountersAndIndicesFxGrad.helperDrivesTripCount(p).value(),
                p -> CountersAndIndicesFxGrad.helperDrivesTripCount(p).x(),
                (p, v) -> CountersAndIndicesFxGrad.helperDrivesTripCountTangent(p, v).tangent(),
                (p, v) -> CountersAndIndicesFxGrad.helperDrivesTripCountHvp(p, v).xHvp());
    }

    @Test
    void runtimeEqualIndex() {
        Oracle.allModes(CountersAndIndicesFx::runtimeEqualIndex, p -> CountersAndIndicesFxGrad.runtimeEqualIndex(p).value(),
                p -> CountersAndIndicesFxGrad.runtimeEqualIndex(p).x(),
                (p, v) -> CountersAndIndicesFxGrad.runtimeEqualIndexTangent(p, v).tangent(),
                (p, v) -> CountersAndIndicesFxGrad.runtimeEqualIndexHvp(p, v).xHvp());
    }

    @Test
    void runtimeEqualIndexInSumLoop() {
        Oracle.allModes(CountersAndIndicesFx::runtimeEqualIndexInSumLoop, p -> CountersAndIndicesFxGrad.runtimeEqualIndexInSumLoop(p).value(),
                p -> CountersAndIndicesFxGrad.runtimeEqualIndexInSumLoop(p).x(),
                (p, v) -> CountersAndIndicesFxGrad.runtimeEqualIndexInSumLoopTangent(p, v).tangent(),
                (p, v) -> CountersAndIndicesFxGrad.runtimeEqualIndexInSumLoopHvp(p, v).xHvp());
    }

    @Test
    void continueSkipsWrite() {
        Oracle.allModes(CountersAndIndicesFx::continueSkipsWrite, p -> CountersAndIndicesFxGrad.continueSkipsWrite(p).value(),
                p -> CountersAndIndicesFxGrad.continueSkipsWrite(p).x(),
                (p, v) -> CountersAndIndicesFxGrad.continueSkipsWriteTangent(p, v).tangent(),
                (p, v) -> CountersAndIndicesFxGrad.continueSkipsWriteHvp(p, v).xHvp());
    }

    @Test
    void backwardCountedLoopWithHelper() {
        Oracle.allModes(CountersAndIndicesFx::backwardCountedLoopWithHelper, p -> CountersAndIndicesFxGrad.backwardCountedLoopWithHelper(p).value(),
                p -> CountersAndIndicesFxGrad.backwardCountedLoopWithHelper(p).x(),
                (p, v) -> CountersAndIndicesFxGrad.backwardCountedLoopWithHelperTangent(p, v).tangent(),
                (p, v) -> CountersAndIndicesFxGrad.backwardCountedLoopWithHelperHvp(p, v).xHvp());
    }

    @Test
    void triangularLoopsWithWrite() {
        Oracle.allModes(CountersAndIndicesFx::triangularLoopsWithWrite, p -> CountersAndIndicesFxGrad.triangularLoopsWithWrite(p).value(),
                p -> CountersAndIndicesFxGrad.triangularLoopsWithWrite(p).x(),
                (p, v) -> CountersAndIndicesFxGrad.triangularLoopsWithWriteTangent(p, v).tangent(),
                (p, v) -> CountersAndIndicesFxGrad.triangularLoopsWithWriteHvp(p, v).xHvp());
    }
}
