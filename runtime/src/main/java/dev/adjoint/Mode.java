package dev.adjoint;

/**
 * What Adjoint generates for a {@link Differentiable} method {@code m} in class {@code C}, in
 * {@code CGrad}. The gradient is always generated; the other modes add methods beside it.
 */
public enum Mode {
    /** {@code m(…)} and the adjoint entry point {@code mAdjoint(…)}: reverse mode. */
    GRADIENT,
    /**
     * {@code mTangent(p1, …, dp, dq, …)}: the value and the directional derivative along one
     * direction per differentiated parameter, by forward mode (one sweep, no tape).
     */
    TANGENT,
    /**
     * {@code mHvp(p1, …, vp, vq, …)} (value, gradient and Hessian-vector product) and
     * {@code mHessian(p1, …)} (value, gradient and the dense Hessian): second order.
     */
    HESSIAN,
    /**
     * {@code mJacobian(p1, …)} for methods returning {@code double[]}: the values and the dense
     * Jacobian, one row per output.
     */
    JACOBIAN
}
