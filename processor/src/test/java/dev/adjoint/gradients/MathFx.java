package dev.adjoint.gradients;

import dev.adjoint.Differentiable;

/** One java.lang.Math / StrictMath function per method, each composed with a product so the chain rule is exercised. */
final class MathFx {
    private MathFx() {
    }

    @Differentiable
    static double sin(double x, double y) {
        return Math.sin(x) * y;
    }

    @Differentiable
    static double cos(double x, double y) {
        return Math.cos(x) * y;
    }

    @Differentiable
    static double tan(double x, double y) {
        return Math.tan(x) * y;
    }

    @Differentiable
    static double asin(double x, double y) {
        return Math.asin(x) * y;
    }

    @Differentiable
    static double acos(double x, double y) {
        return Math.acos(x) * y;
    }

    @Differentiable
    static double atan(double x, double y) {
        return Math.atan(x) * y;
    }

    @Differentiable
    static double atan2(double x, double y) {
        return Math.atan2(x, y);
    }

    @Differentiable
    static double sinh(double x, double y) {
        return Math.sinh(x) * y;
    }

    @Differentiable
    static double cosh(double x, double y) {
        return Math.cosh(x) * y;
    }

    @Differentiable
    static double tanh(double x, double y) {
        return Math.tanh(x) * y;
    }

    @Differentiable
    static double exp(double x, double y) {
        return Math.exp(x) * y;
    }

    @Differentiable
    static double expm1(double x, double y) {
        return Math.expm1(x) * y;
    }

    @Differentiable
    static double log(double x, double y) {
        return Math.log(x) * y;
    }

    @Differentiable
    static double log10(double x, double y) {
        return Math.log10(x) * y;
    }

    @Differentiable
    static double log1p(double x, double y) {
        return Math.log1p(x) * y;
    }

    @Differentiable
    static double sqrt(double x, double y) {
        return Math.sqrt(x) * y;
    }

    @Differentiable
    static double cbrt(double x, double y) {
        return Math.cbrt(x) * y;
    }

    @Differentiable
    static double pow(double x, double y) {
        return Math.pow(x, y);
    }

    @Differentiable
    static double powConstExp(double x, double y) {
        return Math.pow(x, 3.0) * y;
    }

    @Differentiable
    static double powIntExp(double x, double y) {
        return Math.pow(x, 2) + y;
    }

    @Differentiable
    static double powConstBase(double x, double y) {
        return Math.pow(2.0, x) * y;
    }

    @Differentiable
    static double powHalf(double x, double y) {
        return Math.pow(x, 0.5) * y;
    }

    @Differentiable
    static double hypot(double x, double y) {
        return Math.hypot(x, y);
    }

    @Differentiable
    static double fma(double x, double y) {
        return Math.fma(x, y, x * y);
    }

    @Differentiable
    static double abs(double x, double y) {
        return Math.abs(x) * y;
    }

    @Differentiable
    static double max(double x, double y) {
        return Math.max(x, y) * y;
    }

    @Differentiable
    static double min(double x, double y) {
        return Math.min(x, y) * x;
    }

    @Differentiable
    static double maxOneActive(double x, double y) {
        return Math.max(x, 2.0) * y;
    }

    @Differentiable
    static double maxConstFirst(double x, double y) {
        return Math.max(2.0, x) * y;
    }

    @Differentiable
    static double minOneActive(double x, double y) {
        return Math.min(x, 2.0) * y;
    }

    @Differentiable
    static double floor(double x, double y) {
        return Math.floor(x) * y + x;
    }

    @Differentiable
    static double ceil(double x, double y) {
        return Math.ceil(x) * y + x;
    }

    @Differentiable
    static double rint(double x, double y) {
        return Math.rint(x) * y + x;
    }

    @Differentiable
    static double round(double x, double y) {
        return Math.round(x) * y + x;
    }

    @Differentiable
    static double signum(double x, double y) {
        return Math.signum(x) * y + x;
    }

    @Differentiable
    static double toRadians(double x, double y) {
        return Math.toRadians(x) * y;
    }

    @Differentiable
    static double toDegrees(double x, double y) {
        return Math.toDegrees(x) * y;
    }

    @Differentiable
    static double ulp(double x, double y) {
        return Math.ulp(x) * 1e15 * y + x;
    }

    @Differentiable
    static double doubleMod(double x, double y) {
        return x % y;
    }

    @Differentiable
    static double composite(double x, double y) {
        return Math.exp(-x * x) * Math.sin(Math.PI * y) + Math.log(Math.abs(x)) / Math.sqrt(x * x + y * y);
    }

    @Differentiable
    static double strictSin(double x, double y) {
        return StrictMath.sin(x) * y;
    }

    @Differentiable
    static double strictCos(double x, double y) {
        return StrictMath.cos(x) * y;
    }

    @Differentiable
    static double strictTan(double x, double y) {
        return StrictMath.tan(x) * y;
    }

    @Differentiable
    static double strictAsin(double x, double y) {
        return StrictMath.asin(x) * y;
    }

    @Differentiable
    static double strictAcos(double x, double y) {
        return StrictMath.acos(x) * y;
    }

    @Differentiable
    static double strictAtan(double x, double y) {
        return StrictMath.atan(x) * y;
    }

    @Differentiable
    static double strictAtan2(double x, double y) {
        return StrictMath.atan2(x, y);
    }

    @Differentiable
    static double strictSinh(double x, double y) {
        return StrictMath.sinh(x) * y;
    }

    @Differentiable
    static double strictCosh(double x, double y) {
        return StrictMath.cosh(x) * y;
    }

    @Differentiable
    static double strictTanh(double x, double y) {
        return StrictMath.tanh(x) * y;
    }

    @Differentiable
    static double strictExp(double x, double y) {
        return StrictMath.exp(x) * y;
    }

    @Differentiable
    static double strictExpm1(double x, double y) {
        return StrictMath.expm1(x) * y;
    }

    @Differentiable
    static double strictLog(double x, double y) {
        return StrictMath.log(x) * y;
    }

    @Differentiable
    static double strictLog10(double x, double y) {
        return StrictMath.log10(x) * y;
    }

    @Differentiable
    static double strictLog1p(double x, double y) {
        return StrictMath.log1p(x) * y;
    }

    @Differentiable
    static double strictSqrt(double x, double y) {
        return StrictMath.sqrt(x) * y;
    }

    @Differentiable
    static double strictCbrt(double x, double y) {
        return StrictMath.cbrt(x) * y;
    }

    @Differentiable
    static double strictPow(double x, double y) {
        return StrictMath.pow(x, y);
    }

    @Differentiable
    static double strictHypot(double x, double y) {
        return StrictMath.hypot(x, y);
    }

    @Differentiable
    static double strictFma(double x, double y) {
        return StrictMath.fma(x, y, x * y);
    }

    @Differentiable
    static double strictAbs(double x, double y) {
        return StrictMath.abs(x) * y;
    }

    @Differentiable
    static double strictMax(double x, double y) {
        return StrictMath.max(x, y) * y;
    }

    @Differentiable
    static double strictMin(double x, double y) {
        return StrictMath.min(x, y) * x;
    }

    @Differentiable
    static double strictFloor(double x, double y) {
        return StrictMath.floor(x) * y + x;
    }

    @Differentiable
    static double strictCeil(double x, double y) {
        return StrictMath.ceil(x) * y + x;
    }

    @Differentiable
    static double strictRint(double x, double y) {
        return StrictMath.rint(x) * y + x;
    }

    @Differentiable
    static double strictRound(double x, double y) {
        return StrictMath.round(x) * y + x;
    }

    @Differentiable
    static double strictSignum(double x, double y) {
        return StrictMath.signum(x) * y + x;
    }

    @Differentiable
    static double strictToRadians(double x, double y) {
        return StrictMath.toRadians(x) * y;
    }

    @Differentiable
    static double strictToDegrees(double x, double y) {
        return StrictMath.toDegrees(x) * y;
    }
}
