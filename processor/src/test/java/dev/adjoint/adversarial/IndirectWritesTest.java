package dev.adjoint.adversarial;

import org.junit.jupiter.api.Test;

/** {@link IndirectWritesFx}: value, 5-point central differences, mTangent, mHvp ({@link Oracle}). */
class IndirectWritesTest {

    @Test
    void helperChain() {
        Oracle.allModes(IndirectWritesFx::helperChain, p -> IndirectWritesFxGrad.helperChain(p).value(),
                p -> IndirectWritesFxGrad.helperChain(p).x(),
                (p, v) -> IndirectWritesFxGrad.helperChainTangent(p, v).tangent(),
                (p, v) -> IndirectWritesFxGrad.helperChainHvp(p, v).xHvp());
    }

    @Test
    void indexArrayRotated() {
        Oracle.allModes(IndirectWritesFx::indexArrayRotated, p -> IndirectWritesFxGrad.indexArrayRotated(p).value(),
                p -> IndirectWritesFxGrad.indexArrayRotated(p).x(),
                (p, v) -> IndirectWritesFxGrad.indexArrayRotatedTangent(p, v).tangent(),
                (p, v) -> IndirectWritesFxGrad.indexArrayRotatedHvp(p, v).xHvp());
    }

    @Test
    void indexArrayWrittenDirectly() {
        Oracle.allModes(IndirectWritesFx::indexArrayWrittenDirectly, p -> IndirectWritesFxGrad.indexArrayWrittenDirectly(p).value(),
                p -> IndirectWritesFxGrad.indexArrayWrittenDirectly(p).x(),
                (p, v) -> IndirectWritesFxGrad.indexArrayWrittenDirectlyTangent(p, v).tangent(),
                (p, v) -> IndirectWritesFxGrad.indexArrayWrittenDirectlyHvp(p, v).xHvp());
    }

    @Test
    void intLocalChanged() {
        Oracle.allModes(IndirectWritesFx::intLocalChanged, p -> IndirectWritesFxGrad.intLocalChanged(p).value(),
                p -> IndirectWritesFxGrad.intLocalChanged(p).x(),
                (p, v) -> IndirectWritesFxGrad.intLocalChangedTangent(p, v).tangent(),
                (p, v) -> IndirectWritesFxGrad.intLocalChangedHvp(p, v).xHvp());
    }

    @Test
    void staticFieldChanged() {
        Oracle.allModes(IndirectWritesFx::staticFieldChanged, p -> IndirectWritesFxGrad.staticFieldChanged(p).value(),
                p -> IndirectWritesFxGrad.staticFieldChanged(p).x(),
                (p, v) -> IndirectWritesFxGrad.staticFieldChangedTangent(p, v).tangent(),
                (p, v) -> IndirectWritesFxGrad.staticFieldChangedHvp(p, v).xHvp());
    }

    @Test
    void enhancedForVariable() {
        Oracle.allModes(IndirectWritesFx::enhancedForVariable, p -> IndirectWritesFxGrad.enhancedForVariable(p).value(),
                p -> IndirectWritesFxGrad.enhancedForVariable(p).x(),
                (p, v) -> IndirectWritesFxGrad.enhancedForVariableTangent(p, v).tangent(),
                (p, v) -> IndirectWritesFxGrad.enhancedForVariableHvp(p, v).xHvp());
    }

    @Test
    void overlappingArraycopy() {
        Oracle.allModes(IndirectWritesFx::overlappingArraycopy, p -> IndirectWritesFxGrad.overlappingArraycopy(p).value(),
                p -> IndirectWritesFxGrad.overlappingArraycopy(p).x(),
                (p, v) -> IndirectWritesFxGrad.overlappingArraycopyTangent(p, v).tangent(),
                (p, v) -> IndirectWritesFxGrad.overlappingArraycopyHvp(p, v).xHvp());
    }

    @Test
    void chosenArrayWrite() {
        Oracle.allModes(IndirectWritesFx::chosenArrayWrite, p -> IndirectWritesFxGrad.chosenArrayWrite(p).value(),
                p -> IndirectWritesFxGrad.chosenArrayWrite(p).x(),
                (p, v) -> IndirectWritesFxGrad.chosenArrayWriteTangent(p, v).tangent(),
                (p, v) -> IndirectWritesFxGrad.chosenArrayWriteHvp(p, v).xHvp());
    }

    @Test
    void rowThroughMatrixHelper() {
        Oracle.allModes(IndirectWritesFx::rowThroughMatrixHelper, p -> IndirectWritesFxGrad.rowThroughMatrixHelper(p).value(),
                p -> IndirectWritesFxGrad.rowThroughMatrixHelper(p).x(),
                (p, v) -> IndirectWritesFxGrad.rowThroughMatrixHelperTangent(p, v).tangent(),
                (p, v) -> IndirectWritesFxGrad.rowThroughMatrixHelperHvp(p, v).xHvp());
    }

    @Test
    void whileLoopTemp() {
        Oracle.allModes(IndirectWritesFx::whileLoopTemp, p -> IndirectWritesFxGrad.whileLoopTemp(p).value(),
                p -> IndirectWritesFxGrad.whileLoopTemp(p).x(),
                (p, v) -> IndirectWritesFxGrad.whileLoopTempTangent(p, v).tangent(),
                (p, v) -> IndirectWritesFxGrad.whileLoopTempHvp(p, v).xHvp());
    }

    @Test
    void compoundTemp() {
        Oracle.allModes(IndirectWritesFx::compoundTemp, p -> IndirectWritesFxGrad.compoundTemp(p).value(),
                p -> IndirectWritesFxGrad.compoundTemp(p).x(),
                (p, v) -> IndirectWritesFxGrad.compoundTempTangent(p, v).tangent(),
                (p, v) -> IndirectWritesFxGrad.compoundTempHvp(p, v).xHvp());
    }
}
