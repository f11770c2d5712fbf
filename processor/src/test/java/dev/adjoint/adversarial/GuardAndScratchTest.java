package dev.adjoint.adversarial;

import org.junit.jupiter.api.Test;

/** {@link GuardAndScratchFx}: value, 5-point central differences, mTangent, mHvp ({@link Oracle}). */
class GuardAndScratchTest {

    @Test
    void guardSkipsLoopThatOverwrites() {
        Oracle.allModes(GuardAndScratchFx::guardSkipsLoopThatOverwrites, p -> GuardAndScratchFxGrad.guardSkipsLoopThatOverwrites(p).value(),
                p -> GuardAndScratchFxGrad.guardSkipsLoopThatOverwrites(p).x(),
                (p, v) -> GuardAndScratchFxGrad.guardSkipsLoopThatOverwritesTangent(p, v).tangent(),
                (p, v) -> GuardAndScratchFxGrad.guardSkipsLoopThatOverwritesHvp(p, v).xHvp());
    }

    @Test
    void guardSkipsLoopThatRecords() {
        Oracle.allModes(GuardAndScratchFx::guardSkipsLoopThatRecords, p -> GuardAndScratchFxGrad.guardSkipsLoopThatRecords(p).value(),
                p -> GuardAndScratchFxGrad.guardSkipsLoopThatRecords(p).x(),
                (p, v) -> GuardAndScratchFxGrad.guardSkipsLoopThatRecordsTangent(p, v).tangent(),
                (p, v) -> GuardAndScratchFxGrad.guardSkipsLoopThatRecordsHvp(p, v).xHvp());
    }

    @Test
    void guardSkipsHelperLoop() {
        Oracle.allModes(GuardAndScratchFx::guardSkipsHelperLoop, p -> GuardAndScratchFxGrad.guardSkipsHelperLoop(p).value(),
                p -> GuardAndScratchFxGrad.guardSkipsHelperLoop(p).x(),
                (p, v) -> GuardAndScratchFxGrad.guardSkipsHelperLoopTangent(p, v).tangent(),
                (p, v) -> GuardAndScratchFxGrad.guardSkipsHelperLoopHvp(p, v).xHvp());
    }

    @Test
    void scratchReadNextIteration() {
        Oracle.allModes(GuardAndScratchFx::scratchReadNextIteration, p -> GuardAndScratchFxGrad.scratchReadNextIteration(p).value(),
                p -> GuardAndScratchFxGrad.scratchReadNextIteration(p).x(),
                (p, v) -> GuardAndScratchFxGrad.scratchReadNextIterationTangent(p, v).tangent(),
                (p, v) -> GuardAndScratchFxGrad.scratchReadNextIterationHvp(p, v).xHvp());
    }

    @Test
    void scratchReadAfterThroughHelper() {
        Oracle.allModes(GuardAndScratchFx::scratchReadAfterThroughHelper, p -> GuardAndScratchFxGrad.scratchReadAfterThroughHelper(p).value(),
                p -> GuardAndScratchFxGrad.scratchReadAfterThroughHelper(p).x(),
                (p, v) -> GuardAndScratchFxGrad.scratchReadAfterThroughHelperTangent(p, v).tangent(),
                (p, v) -> GuardAndScratchFxGrad.scratchReadAfterThroughHelperHvp(p, v).xHvp());
    }

    @Test
    void scratchReadThroughAlias() {
        Oracle.allModes(GuardAndScratchFx::scratchReadThroughAlias, p -> GuardAndScratchFxGrad.scratchReadThroughAlias(p).value(),
                p -> GuardAndScratchFxGrad.scratchReadThroughAlias(p).x(),
                (p, v) -> GuardAndScratchFxGrad.scratchReadThroughAliasTangent(p, v).tangent(),
                (p, v) -> GuardAndScratchFxGrad.scratchReadThroughAliasHvp(p, v).xHvp());
    }

    @Test
    void scratchOverwrittenInFusedPair() {
        Oracle.allModes(GuardAndScratchFx::scratchOverwrittenInFusedPair, p -> GuardAndScratchFxGrad.scratchOverwrittenInFusedPair(p).value(),
                p -> GuardAndScratchFxGrad.scratchOverwrittenInFusedPair(p).x(),
                (p, v) -> GuardAndScratchFxGrad.scratchOverwrittenInFusedPairTangent(p, v).tangent(),
                (p, v) -> GuardAndScratchFxGrad.scratchOverwrittenInFusedPairHvp(p, v).xHvp());
    }

    @Test
    void boundArrayReassigned() {
        Oracle.allModes(GuardAndScratchFx::boundArrayReassigned, p -> GuardAndScratchFxGrad.boundArrayReassigned(p).value(),
                p -> GuardAndScratchFxGrad.boundArrayReassigned(p).x(),
                (p, v) -> GuardAndScratchFxGrad.boundArrayReassignedTangent(p, v).tangent(),
                (p, v) -> GuardAndScratchFxGrad.boundArrayReassignedHvp(p, v).xHvp());
    }

    @Test
    void writeThroughReturnedArgument() {
        Oracle.allModes(GuardAndScratchFx::writeThroughReturnedArgument, p -> GuardAndScratchFxGrad.writeThroughReturnedArgument(p).value(),
                p -> GuardAndScratchFxGrad.writeThroughReturnedArgument(p).x(),
                (p, v) -> GuardAndScratchFxGrad.writeThroughReturnedArgumentTangent(p, v).tangent(),
                (p, v) -> GuardAndScratchFxGrad.writeThroughReturnedArgumentHvp(p, v).xHvp());
    }

    @Test
    void oldNameWrittenAfterHandOver() {
        Oracle.allModes(GuardAndScratchFx::oldNameWrittenAfterHandOver, p -> GuardAndScratchFxGrad.oldNameWrittenAfterHandOver(p).value(),
                p -> GuardAndScratchFxGrad.oldNameWrittenAfterHandOver(p).x(),
                (p, v) -> GuardAndScratchFxGrad.oldNameWrittenAfterHandOverTangent(p, v).tangent(),
                (p, v) -> GuardAndScratchFxGrad.oldNameWrittenAfterHandOverHvp(p, v).xHvp());
    }

    @Test
    void strideLocalsWrittenBetween() {
        Oracle.allModes(GuardAndScratchFx::strideLocalsWrittenBetween, p -> GuardAndScratchFxGrad.strideLocalsWrittenBetween(p).value(),
                p -> GuardAndScratchFxGrad.strideLocalsWrittenBetween(p).x(),
                (p, v) -> GuardAndScratchFxGrad.strideLocalsWrittenBetweenTangent(p, v).tangent(),
                (p, v) -> GuardAndScratchFxGrad.strideLocalsWrittenBetweenHvp(p, v).xHvp());
    }

    @Test
    void aliasIndexWriteSameIteration() {
        Oracle.allModes(GuardAndScratchFx::aliasIndexWriteSameIteration, p -> GuardAndScratchFxGrad.aliasIndexWriteSameIteration(p).value(),
                p -> GuardAndScratchFxGrad.aliasIndexWriteSameIteration(p).x(),
                (p, v) -> GuardAndScratchFxGrad.aliasIndexWriteSameIterationTangent(p, v).tangent(),
                (p, v) -> GuardAndScratchFxGrad.aliasIndexWriteSameIterationHvp(p, v).xHvp());
    }
}
