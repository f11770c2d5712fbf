package dev.adjoint.gradients;

final class OtherConstants {
    static final double SCALE = 0.125;
    static final int COUNT = 6;

    private OtherConstants() {
    }
}
