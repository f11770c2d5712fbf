package dev.adjoint.adversarial;

import org.junit.jupiter.api.Test;

/** {@link SwapsFx}: value, 5-point central differences, mTangent, mHvp ({@link Oracle}). */
class SwapsTest {

    @Test
    void helperSwapsItsParameters() {
        Oracle.allModes(SwapsFx::helperSwapsItsParameters, p -> SwapsFxGrad.helperSwapsItsParameters(p).value(),
                p -> SwapsFxGrad.helperSwapsItsParameters(p).x(),
                (p, v) -> SwapsFxGrad.helperSwapsItsParametersTangent(p, v).tangent(),
                (p, v) -> SwapsFxGrad.helperSwapsItsParametersHvp(p, v).xHvp());
    }

    @Test
    void parameterHandedOverBySwap() {
        Oracle.allModes(SwapsFx::parameterHandedOverBySwap, p -> SwapsFxGrad.parameterHandedOverBySwap(p).value(),
                p -> SwapsFxGrad.parameterHandedOverBySwap(p).x(),
                (p, v) -> SwapsFxGrad.parameterHandedOverBySwapTangent(p, v).tangent(),
                (p, v) -> SwapsFxGrad.parameterHandedOverBySwapHvp(p, v).xHvp());
    }

    @Test
    void readOneNameWriteTheOther() {
        Oracle.allModes(SwapsFx::readOneNameWriteTheOther, p -> SwapsFxGrad.readOneNameWriteTheOther(p).value(),
                p -> SwapsFxGrad.readOneNameWriteTheOther(p).x(),
                (p, v) -> SwapsFxGrad.readOneNameWriteTheOtherTangent(p, v).tangent(),
                (p, v) -> SwapsFxGrad.readOneNameWriteTheOtherHvp(p, v).xHvp());
    }
}
