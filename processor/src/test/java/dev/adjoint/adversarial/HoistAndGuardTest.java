package dev.adjoint.adversarial;

import org.junit.jupiter.api.Test;

/** {@link HoistAndGuardFx}: value, 5-point central differences, mTangent, mHvp ({@link Oracle}). */
class HoistAndGuardTest {

    @Test
    void allocationKeptInRows() {
        Oracle.allModes(HoistAndGuardFx::allocationKeptInRows, p -> HoistAndGuardFxGrad.allocationKeptInRows(p).value(),
                p -> HoistAndGuardFxGrad.allocationKeptInRows(p).x(),
                (p, v) -> HoistAndGuardFxGrad.allocationKeptInRowsTangent(p, v).tangent(),
                (p, v) -> HoistAndGuardFxGrad.allocationKeptInRowsHvp(p, v).xHvp());
    }

    @Test
    void allocationKeptByHelperResult() {
        Oracle.allModes(HoistAndGuardFx::allocationKeptByHelperResult, p -> HoistAndGuardFxGrad.allocationKeptByHelperResult(p).value(),
                p -> HoistAndGuardFxGrad.allocationKeptByHelperResult(p).x(),
                (p, v) -> HoistAndGuardFxGrad.allocationKeptByHelperResultTangent(p, v).tangent(),
                (p, v) -> HoistAndGuardFxGrad.allocationKeptByHelperResultHvp(p, v).xHvp());
    }

    @Test
    void guardedLoopChangesIndex() {
        Oracle.allModes(HoistAndGuardFx::guardedLoopChangesIndex, p -> HoistAndGuardFxGrad.guardedLoopChangesIndex(p).value(),
                p -> HoistAndGuardFxGrad.guardedLoopChangesIndex(p).x(),
                (p, v) -> HoistAndGuardFxGrad.guardedLoopChangesIndexTangent(p, v).tangent(),
                (p, v) -> HoistAndGuardFxGrad.guardedLoopChangesIndexHvp(p, v).xHvp());
    }

    @Test
    void guardedLoopChangesScalar() {
        Oracle.allModes(HoistAndGuardFx::guardedLoopChangesScalar, p -> HoistAndGuardFxGrad.guardedLoopChangesScalar(p).value(),
                p -> HoistAndGuardFxGrad.guardedLoopChangesScalar(p).x(),
                (p, v) -> HoistAndGuardFxGrad.guardedLoopChangesScalarTangent(p, v).tangent(),
                (p, v) -> HoistAndGuardFxGrad.guardedLoopChangesScalarHvp(p, v).xHvp());
    }
}
