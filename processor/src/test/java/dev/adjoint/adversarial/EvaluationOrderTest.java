package dev.adjoint.adversarial;

import org.junit.jupiter.api.Test;

/** {@link EvaluationOrderFx}: value, 5-point central differences, mTangent, mHvp ({@link Oracle}). */
class EvaluationOrderTest {

    @Test
    void compoundOverWritingCall() {
        Oracle.allModes(EvaluationOrderFx::compoundOverWritingCall, p -> EvaluationOrderFxGrad.compoundOverWritingCall(p).value(),
                p -> EvaluationOrderFxGrad.compoundOverWritingCall(p).x(),
                (p, v) -> EvaluationOrderFxGrad.compoundOverWritingCallTangent(p, v).tangent(),
                (p, v) -> EvaluationOrderFxGrad.compoundOverWritingCallHvp(p, v).xHvp());
    }

    @Test
    void writingHelperInCondition() {
        Oracle.allModes(EvaluationOrderFx::writingHelperInCondition, p -> EvaluationOrderFxGrad.writingHelperInCondition(p).value(),
                p -> EvaluationOrderFxGrad.writingHelperInCondition(p).x(),
                (p, v) -> EvaluationOrderFxGrad.writingHelperInConditionTangent(p, v).tangent(),
                (p, v) -> EvaluationOrderFxGrad.writingHelperInConditionHvp(p, v).xHvp());
    }

    @Test
    void assignmentInsideExpression() {
        Oracle.allModes(EvaluationOrderFx::assignmentInsideExpression, p -> EvaluationOrderFxGrad.assignmentInsideExpression(p).value(),
                p -> EvaluationOrderFxGrad.assignmentInsideExpression(p).x(),
                (p, v) -> EvaluationOrderFxGrad.assignmentInsideExpressionTangent(p, v).tangent(),
                (p, v) -> EvaluationOrderFxGrad.assignmentInsideExpressionHvp(p, v).xHvp());
    }

    @Test
    void postIncrementIndexWrites() {
        Oracle.allModes(EvaluationOrderFx::postIncrementIndexWrites, p -> EvaluationOrderFxGrad.postIncrementIndexWrites(p).value(),
                p -> EvaluationOrderFxGrad.postIncrementIndexWrites(p).x(),
                (p, v) -> EvaluationOrderFxGrad.postIncrementIndexWritesTangent(p, v).tangent(),
                (p, v) -> EvaluationOrderFxGrad.postIncrementIndexWritesHvp(p, v).xHvp());
    }
}
