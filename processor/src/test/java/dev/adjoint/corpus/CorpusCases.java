package dev.adjoint.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The corpus's points: each case is one program at one point. */
final class CorpusCases {
    record Case(String label, Class<?> cls, String method, Object[] args) {
        List<String> run() {
            return CorpusCheck.check(cls, method, CorpusCheck.deepCopy(args));
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final List<Case> cases = new ArrayList<>();
    private final Random rnd = new Random(20261124);

    private CorpusCases() {
    }

    void add(Class<?> cls, String method, Object... args) {
        long n = cases.stream().filter(c -> c.cls == cls && c.method.equals(method)).count();
        cases.add(new Case(cls.getSimpleName() + "." + method + "#" + (n + 1), cls, method, args));
    }

    double[] vec(int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * (2 * rnd.nextDouble() - 1);
        }
        return v;
    }

    double[][] mat(int r, int c, double scale) {
        double[][] m = new double[r][];
        for (int i = 0; i < r; i++) {
            m[i] = vec(c, scale);
        }
        return m;
    }

    static List<Case> all() {
        CorpusCases k = new CorpusCases();
        k.ml();
        k.ode();
        return k.cases;
    }

    private void ml() {
        Class<?> c = MlCorpus.class;
        for (int rep = 0; rep < 3; rep++) {
            add(c, "mlpLoss", vec(3, 1), 0.7, mat(4, 3, 0.8), vec(4, 0.3), vec(4, 0.8), 0.1);
            add(c, "logisticLoss", mat(5, 3, 1.5), new double[] {1, 0, 1, 1, 0}, vec(3, 0.7), 0.2, 0.01);
            add(c, "softmaxXent", vec(4, 2), rep % 4);
            add(c, "linearSoftmax", vec(3, 1), mat(4, 3, 0.8), vec(4, 0.3), (rep + 1) % 4);
            add(c, "rnnLoss", mat(4, 2, 1), mat(3, 2, 0.7), mat(3, 3, 0.5), vec(3, 0.2), vec(3, 0.9), 0.3);
            add(c, "lstmStep", vec(15, 1)[0], 0.2, -0.3, 0.5, -0.4, 0.1, 0.3, 0.2, 0.6, -0.7, 0.4, 0.05,
                    0.9, -0.2, 0.3 * rep);
            add(c, "lstmUnrolled", mat(3, 2, 1), mat(8, 4, 0.6), vec(8, 0.3), 0.2);
            add(c, "gru", vec(5, 1), 0.5, -0.3, 0.8, 0.2, 1.1, -0.6 + rep * 0.1);
            add(c, "attention", mat(2, 3, 1), mat(3, 3, 1), mat(3, 2, 1));
        }
    }

    private void ode() {
        Class<?> c = OdeCorpus.class;
        add(c, "lotkaVolterraRk4", 1.1, 0.4, 0.4, 0.1, 1.0, 2.0, 0.05, 40);
        add(c, "lotkaVolterraRk4", 0.9, 0.5, 0.3, 0.2, 2.0, 1.0, 0.1, 25);
        add(c, "pendulumEuler", 0.8, 1.3, 0.2, 0.01, 200);
        add(c, "pendulumEuler", -1.2, 0.7, 0.05, 0.02, 50);
        add(c, "heat1d", vec(7, 1), 0.2, 10);
        add(c, "heat1d", vec(5, 2), 0.4, 3);
        add(c, "heatPingPong", vec(7, 1), 0.2, 10);
        add(c, "heatPingPong", vec(6, 1), 0.3, 5);
        add(c, "bouncingBall", 2.0, 0.5, 0.8, 0.05, 0.01, 300);
        add(c, "bouncingBall", 1.3, -0.2, 0.6, 0.1, 0.013, 500);
        add(c, "projectileRange", 20.0, 0.7, 0.01);
        add(c, "projectileRange", 11.0, 1.1, 0.02);
    }
}
