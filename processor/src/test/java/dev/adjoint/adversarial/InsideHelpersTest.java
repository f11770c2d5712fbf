package dev.adjoint.adversarial;

import org.junit.jupiter.api.Test;

/** {@link InsideHelpersFx}: value, 5-point central differences, mTangent, mHvp ({@link Oracle}). */
class InsideHelpersTest {

    @Test
    void nestedTemp() {
        Oracle.allModes(InsideHelpersFx::nestedTemp, p -> InsideHelpersFxGrad.nestedTemp(p).value(),
                p -> InsideHelpersFxGrad.nestedTemp(p).x(),
                (p, v) -> InsideHelpersFxGrad.nestedTempTangent(p, v).tangent(),
                (p, v) -> InsideHelpersFxGrad.nestedTempHvp(p, v).xHvp());
    }

    @Test
    void conditionalHelperWrite() {
        Oracle.allModes(InsideHelpersFx::conditionalHelperWrite, p -> InsideHelpersFxGrad.conditionalHelperWrite(p).value(),
                p -> InsideHelpersFxGrad.conditionalHelperWrite(p).x(),
                (p, v) -> InsideHelpersFxGrad.conditionalHelperWriteTangent(p, v).tangent(),
                (p, v) -> InsideHelpersFxGrad.conditionalHelperWriteHvp(p, v).xHvp());
    }

    @Test
    void helperCopiesAndFills() {
        Oracle.allModes(InsideHelpersFx::helperCopiesAndFills, p -> InsideHelpersFxGrad.helperCopiesAndFills(p).value(),
                p -> InsideHelpersFxGrad.helperCopiesAndFills(p).x(),
                (p, v) -> InsideHelpersFxGrad.helperCopiesAndFillsTangent(p, v).tangent(),
                (p, v) -> InsideHelpersFxGrad.helperCopiesAndFillsHvp(p, v).xHvp());
    }

    @Test
    void helperRowAlias() {
        Oracle.allModes(InsideHelpersFx::helperRowAlias, p -> InsideHelpersFxGrad.helperRowAlias(p).value(),
                p -> InsideHelpersFxGrad.helperRowAlias(p).x(),
                (p, v) -> InsideHelpersFxGrad.helperRowAliasTangent(p, v).tangent(),
                (p, v) -> InsideHelpersFxGrad.helperRowAliasHvp(p, v).xHvp());
    }

    @Test
    void helperSumLoopsThenRead() {
        Oracle.allModes(InsideHelpersFx::helperSumLoopsThenRead, p -> InsideHelpersFxGrad.helperSumLoopsThenRead(p).value(),
                p -> InsideHelpersFxGrad.helperSumLoopsThenRead(p).x(),
                (p, v) -> InsideHelpersFxGrad.helperSumLoopsThenReadTangent(p, v).tangent(),
                (p, v) -> InsideHelpersFxGrad.helperSumLoopsThenReadHvp(p, v).xHvp());
    }
}
