package dev.adjoint.adversarial;

import org.junit.jupiter.api.Test;

/**
 * {@link HelperWritesFx} and {@link LoopOptimisationsFx}: every program against value,
 * 5-point central differences, mTangent and mHvp ({@link Oracle}).
 */
class AdversarialTest {

    @Test
    void throughAlias() {
        Oracle.allModes(HelperWritesFx::throughAlias, p -> HelperWritesFxGrad.throughAlias(p).value(),
                p -> HelperWritesFxGrad.throughAlias(p).x(),
                (p, v) -> HelperWritesFxGrad.throughAliasTangent(p, v).tangent(),
                (p, v) -> HelperWritesFxGrad.throughAliasHvp(p, v).xHvp());
    }

    @Test
    void arraycopyOverTemp() {
        Oracle.allModes(HelperWritesFx::arraycopyOverTemp, p -> HelperWritesFxGrad.arraycopyOverTemp(p).value(),
                p -> HelperWritesFxGrad.arraycopyOverTemp(p).x(),
                (p, v) -> HelperWritesFxGrad.arraycopyOverTempTangent(p, v).tangent(),
                (p, v) -> HelperWritesFxGrad.arraycopyOverTempHvp(p, v).xHvp());
    }

    @Test
    void fillOverTemp() {
        Oracle.allModes(HelperWritesFx::fillOverTemp, p -> HelperWritesFxGrad.fillOverTemp(p).value(),
                p -> HelperWritesFxGrad.fillOverTemp(p).x(),
                (p, v) -> HelperWritesFxGrad.fillOverTempTangent(p, v).tangent(),
                (p, v) -> HelperWritesFxGrad.fillOverTempHvp(p, v).xHvp());
    }

    @Test
    void returningDoubleWrites() {
        Oracle.allModes(HelperWritesFx::returningDoubleWrites, p -> HelperWritesFxGrad.returningDoubleWrites(p).value(),
                p -> HelperWritesFxGrad.returningDoubleWrites(p).x(),
                (p, v) -> HelperWritesFxGrad.returningDoubleWritesTangent(p, v).tangent(),
                (p, v) -> HelperWritesFxGrad.returningDoubleWritesHvp(p, v).xHvp());
    }

    @Test
    void returningArgumentWrites() {
        Oracle.allModes(HelperWritesFx::returningArgumentWrites, p -> HelperWritesFxGrad.returningArgumentWrites(p).value(),
                p -> HelperWritesFxGrad.returningArgumentWrites(p).x(),
                (p, v) -> HelperWritesFxGrad.returningArgumentWritesTangent(p, v).tangent(),
                (p, v) -> HelperWritesFxGrad.returningArgumentWritesHvp(p, v).xHvp());
    }

    @Test
    void behindABranch() {
        Oracle.allModes(HelperWritesFx::behindABranch, p -> HelperWritesFxGrad.behindABranch(p).value(),
                p -> HelperWritesFxGrad.behindABranch(p).x(),
                (p, v) -> HelperWritesFxGrad.behindABranchTangent(p, v).tangent(),
                (p, v) -> HelperWritesFxGrad.behindABranchHvp(p, v).xHvp());
    }

    @Test
    void innerLoopWrite() {
        Oracle.allModes(HelperWritesFx::innerLoopWrite, p -> HelperWritesFxGrad.innerLoopWrite(p).value(),
                p -> HelperWritesFxGrad.innerLoopWrite(p).x(),
                (p, v) -> HelperWritesFxGrad.innerLoopWriteTangent(p, v).tangent(),
                (p, v) -> HelperWritesFxGrad.innerLoopWriteHvp(p, v).xHvp());
    }

    @Test
    void outParamOverTemp() {
        Oracle.allModes(HelperWritesFx::outParamOverTemp, p -> HelperWritesFxGrad.outParamOverTemp(p).value(),
                p -> HelperWritesFxGrad.outParamOverTemp(p).x(),
                (p, v) -> HelperWritesFxGrad.outParamOverTempTangent(p, v).tangent(),
                (p, v) -> HelperWritesFxGrad.outParamOverTempHvp(p, v).xHvp());
    }

    @Test
    void sinBeforeHelper() {
        Oracle.allModes(HelperWritesFx::sinBeforeHelper, p -> HelperWritesFxGrad.sinBeforeHelper(p).value(),
                p -> HelperWritesFxGrad.sinBeforeHelper(p).x(),
                (p, v) -> HelperWritesFxGrad.sinBeforeHelperTangent(p, v).tangent(),
                (p, v) -> HelperWritesFxGrad.sinBeforeHelperHvp(p, v).xHvp());
    }

    @Test
    void logisticTanhBeforeHelper() {
        Oracle.allModes(HelperWritesFx::logisticTanhBeforeHelper, p -> HelperWritesFxGrad.logisticTanhBeforeHelper(p).value(),
                p -> HelperWritesFxGrad.logisticTanhBeforeHelper(p).x(),
                (p, v) -> HelperWritesFxGrad.logisticTanhBeforeHelperTangent(p, v).tangent(),
                (p, v) -> HelperWritesFxGrad.logisticTanhBeforeHelperHvp(p, v).xHvp());
    }

    @Test
    void negationBeforeHelper() {
        Oracle.allModes(HelperWritesFx::negationBeforeHelper, p -> HelperWritesFxGrad.negationBeforeHelper(p).value(),
                p -> HelperWritesFxGrad.negationBeforeHelper(p).x(),
                (p, v) -> HelperWritesFxGrad.negationBeforeHelperTangent(p, v).tangent(),
                (p, v) -> HelperWritesFxGrad.negationBeforeHelperHvp(p, v).xHvp());
    }

    @Test
    void betweenTwoReadsOfOneElement() {
        Oracle.allModes(HelperWritesFx::betweenTwoReadsOfOneElement, p -> HelperWritesFxGrad.betweenTwoReadsOfOneElement(p).value(),
                p -> HelperWritesFxGrad.betweenTwoReadsOfOneElement(p).x(),
                (p, v) -> HelperWritesFxGrad.betweenTwoReadsOfOneElementTangent(p, v).tangent(),
                (p, v) -> HelperWritesFxGrad.betweenTwoReadsOfOneElementHvp(p, v).xHvp());
    }

    @Test
    void strideLoadsBeforeWrite() {
        Oracle.allModes(HelperWritesFx::strideLoadsBeforeWrite, p -> HelperWritesFxGrad.strideLoadsBeforeWrite(p).value(),
                p -> HelperWritesFxGrad.strideLoadsBeforeWrite(p).x(),
                (p, v) -> HelperWritesFxGrad.strideLoadsBeforeWriteTangent(p, v).tangent(),
                (p, v) -> HelperWritesFxGrad.strideLoadsBeforeWriteHvp(p, v).xHvp());
    }

    @Test
    void sumLoopsAroundHelper() {
        Oracle.allModes(LoopOptimisationsFx::sumLoopsAroundHelper, p -> LoopOptimisationsFxGrad.sumLoopsAroundHelper(p).value(),
                p -> LoopOptimisationsFxGrad.sumLoopsAroundHelper(p).x(),
                (p, v) -> LoopOptimisationsFxGrad.sumLoopsAroundHelperTangent(p, v).tangent(),
                (p, v) -> LoopOptimisationsFxGrad.sumLoopsAroundHelperHvp(p, v).xHvp());
    }

    @Test
    void sumLoopsAroundFill() {
        Oracle.allModes(LoopOptimisationsFx::sumLoopsAroundFill, p -> LoopOptimisationsFxGrad.sumLoopsAroundFill(p).value(),
                p -> LoopOptimisationsFxGrad.sumLoopsAroundFill(p).x(),
                (p, v) -> LoopOptimisationsFxGrad.sumLoopsAroundFillTangent(p, v).tangent(),
                (p, v) -> LoopOptimisationsFxGrad.sumLoopsAroundFillHvp(p, v).xHvp());
    }

    @Test
    void sumLoopWithHelperInside() {
        Oracle.allModes(LoopOptimisationsFx::sumLoopWithHelperInside, p -> LoopOptimisationsFxGrad.sumLoopWithHelperInside(p).value(),
                p -> LoopOptimisationsFxGrad.sumLoopWithHelperInside(p).x(),
                (p, v) -> LoopOptimisationsFxGrad.sumLoopWithHelperInsideTangent(p, v).tangent(),
                (p, v) -> LoopOptimisationsFxGrad.sumLoopWithHelperInsideHvp(p, v).xHvp());
    }

    @Test
    void sumLoopsSameArrayWrittenBetween() {
        Oracle.allModes(LoopOptimisationsFx::sumLoopsSameArrayWrittenBetween, p -> LoopOptimisationsFxGrad.sumLoopsSameArrayWrittenBetween(p).value(),
                p -> LoopOptimisationsFxGrad.sumLoopsSameArrayWrittenBetween(p).x(),
                (p, v) -> LoopOptimisationsFxGrad.sumLoopsSameArrayWrittenBetweenTangent(p, v).tangent(),
                (p, v) -> LoopOptimisationsFxGrad.sumLoopsSameArrayWrittenBetweenHvp(p, v).xHvp());
    }

    @Test
    void deadSumLoopThatWrites() {
        Oracle.allModes(LoopOptimisationsFx::deadSumLoopThatWrites, p -> LoopOptimisationsFxGrad.deadSumLoopThatWrites(p).value(),
                p -> LoopOptimisationsFxGrad.deadSumLoopThatWrites(p).x(),
                (p, v) -> LoopOptimisationsFxGrad.deadSumLoopThatWritesTangent(p, v).tangent(),
                (p, v) -> LoopOptimisationsFxGrad.deadSumLoopThatWritesHvp(p, v).xHvp());
    }

    @Test
    void deadSumLoopWithHelper() {
        Oracle.allModes(LoopOptimisationsFx::deadSumLoopWithHelper, p -> LoopOptimisationsFxGrad.deadSumLoopWithHelper(p).value(),
                p -> LoopOptimisationsFxGrad.deadSumLoopWithHelper(p).x(),
                (p, v) -> LoopOptimisationsFxGrad.deadSumLoopWithHelperTangent(p, v).tangent(),
                (p, v) -> LoopOptimisationsFxGrad.deadSumLoopWithHelperHvp(p, v).xHvp());
    }

    @Test
    void parameterScaledInPlace() {
        Oracle.allModes(LoopOptimisationsFx::parameterScaledInPlace, p -> LoopOptimisationsFxGrad.parameterScaledInPlace(p).value(),
                p -> LoopOptimisationsFxGrad.parameterScaledInPlace(p).x(),
                (p, v) -> LoopOptimisationsFxGrad.parameterScaledInPlaceTangent(p, v).tangent(),
                (p, v) -> LoopOptimisationsFxGrad.parameterScaledInPlaceHvp(p, v).xHvp());
    }

    @Test
    void parameterSumLoopsAroundWrite() {
        Oracle.allModes(LoopOptimisationsFx::parameterSumLoopsAroundWrite, p -> LoopOptimisationsFxGrad.parameterSumLoopsAroundWrite(p).value(),
                p -> LoopOptimisationsFxGrad.parameterSumLoopsAroundWrite(p).x(),
                (p, v) -> LoopOptimisationsFxGrad.parameterSumLoopsAroundWriteTangent(p, v).tangent(),
                (p, v) -> LoopOptimisationsFxGrad.parameterSumLoopsAroundWriteHvp(p, v).xHvp());
    }

    @Test
    void parameterArraycopy() {
        Oracle.allModes(LoopOptimisationsFx::parameterArraycopy, p -> LoopOptimisationsFxGrad.parameterArraycopy(p).value(),
                p -> LoopOptimisationsFxGrad.parameterArraycopy(p).x(),
                (p, v) -> LoopOptimisationsFxGrad.parameterArraycopyTangent(p, v).tangent(),
                (p, v) -> LoopOptimisationsFxGrad.parameterArraycopyHvp(p, v).xHvp());
    }

    @Test
    void rowAliasWrite() {
        Oracle.allModes(LoopOptimisationsFx::rowAliasWrite, p -> LoopOptimisationsFxGrad.rowAliasWrite(p).value(),
                p -> LoopOptimisationsFxGrad.rowAliasWrite(p).x(),
                (p, v) -> LoopOptimisationsFxGrad.rowAliasWriteTangent(p, v).tangent(),
                (p, v) -> LoopOptimisationsFxGrad.rowAliasWriteHvp(p, v).xHvp());
    }

    @Test
    void rowHelperInSumLoop() {
        Oracle.allModes(LoopOptimisationsFx::rowHelperInSumLoop, p -> LoopOptimisationsFxGrad.rowHelperInSumLoop(p).value(),
                p -> LoopOptimisationsFxGrad.rowHelperInSumLoop(p).x(),
                (p, v) -> LoopOptimisationsFxGrad.rowHelperInSumLoopTangent(p, v).tangent(),
                (p, v) -> LoopOptimisationsFxGrad.rowHelperInSumLoopHvp(p, v).xHvp());
    }

    @Test
    void swapThenHelper() {
        Oracle.allModes(LoopOptimisationsFx::swapThenHelper, p -> LoopOptimisationsFxGrad.swapThenHelper(p).value(),
                p -> LoopOptimisationsFxGrad.swapThenHelper(p).x(),
                (p, v) -> LoopOptimisationsFxGrad.swapThenHelperTangent(p, v).tangent(),
                (p, v) -> LoopOptimisationsFxGrad.swapThenHelperHvp(p, v).xHvp());
    }

    @Test
    void wholeArrayRecordThenHelper() {
        Oracle.allModes(LoopOptimisationsFx::wholeArrayRecordThenHelper, p -> LoopOptimisationsFxGrad.wholeArrayRecordThenHelper(p).value(),
                p -> LoopOptimisationsFxGrad.wholeArrayRecordThenHelper(p).x(),
                (p, v) -> LoopOptimisationsFxGrad.wholeArrayRecordThenHelperTangent(p, v).tangent(),
                (p, v) -> LoopOptimisationsFxGrad.wholeArrayRecordThenHelperHvp(p, v).xHvp());
    }

    @Test
    void negationInPlace() {
        Oracle.allModes(LoopOptimisationsFx::negationInPlace, p -> LoopOptimisationsFxGrad.negationInPlace(p).value(),
                p -> LoopOptimisationsFxGrad.negationInPlace(p).x(),
                (p, v) -> LoopOptimisationsFxGrad.negationInPlaceTangent(p, v).tangent(),
                (p, v) -> LoopOptimisationsFxGrad.negationInPlaceHvp(p, v).xHvp());
    }
}
