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

    /** Programs that once failed to compile into a gradient (see {@link FixedCorpus}). */
    private void fixed() {
        for (double x : new double[] {0.7, -1.3}) {
            add(FixedCorpus.class, "enumSwitch", x, FixedCorpus.Mode.SQUARE);
            add(FixedCorpus.class, "enumSwitch", x, FixedCorpus.Mode.IDENTITY);
            for (FixedCorpus.Act a : FixedCorpus.Act.values()) {
                add(FixedCorpus.class, "enumSwitchExpression", x, a);
            }
            add(FixedCorpus.class, "helperEnumSwitch", x);
            add(FixedCorpus.class, "genericHelpers", x);
            add(FixedCorpus.class, "numberHelper", x);
            add(FixedCorpus.class, "varargsDifferentiable", x, 0.4);
            add(FixedCorpus.class, "varargsOneArg", x);
            add(FixedCorpus.class, "varargsHelper", x, 0.4, 1.9);
            add(FixedCorpus.class, "dollar", x);
        }
    }

    /** Programs accepted since issue 13 (see {@link NaturalJavaCorpus}). */
    private void natural() {
        for (int rep = 0; rep < 2; rep++) {
            add(NaturalJavaCorpus.class, "packedReads", vec(3, 1.5));
            add(NaturalJavaCorpus.class, "normalizeInPlace", vec(4, 1.5));
        }
        add(NaturalJavaCorpus.class, "assignInCondition", 0.3);
        add(NaturalJavaCorpus.class, "assignInCondition", 1.3);
        add(NaturalJavaCorpus.class, "arrayInLoop", vec(4, 1.2), 6);
        add(NaturalJavaCorpus.class, "arrayInLoop", vec(3, 0.8), 2);
        add(NaturalJavaCorpus.class, "heatSwap", vec(7, 1), 0.2, 10);
        add(NaturalJavaCorpus.class, "pendulumRk4Helper", 0.4, 1.3, 0.05, 12);
        add(NaturalJavaCorpus.class, "heatSwap", vec(5, 2), 0.4, 3);
        add(OutParamCorpus.class, "useBuffer", vec(4, 1.3), 2); // a helper writing a buffer
        add(OutParamCorpus.class, "useBuffer", vec(3, 0.7), 0);
    }

    static List<Case> all() {
        CorpusCases k = new CorpusCases();
        k.ml();
        k.ode();
        k.finance();
        k.stats();
        k.optim();
        k.control();
        k.edge();
        k.names();
        k.calls();
        k.alias();
        k.switches();
        k.fixed();
        k.natural();
        k.types();
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

    private void finance() {
        Class<?> c = FinanceCorpus.class;
        add(c, "blackScholesCall", 100.0, 95.0, 0.5, 0.03, 0.25);
        add(c, "blackScholesCall", 80.0, 100.0, 2.0, 0.01, 0.4);
        add(c, "blackScholesCall", 120.0, 100.0, 0.1, 0.05, 0.15);
        add(c, "vanilla", "call", 100.0, 95.0, 0.5, 0.03, 0.25);
        add(c, "vanilla", "put", 100.0, 95.0, 0.5, 0.03, 0.25);
        add(c, "vanilla", "straddle", 90.0, 95.0, 1.5, 0.02, 0.3);
        add(c, "binomialAmericanPut", 100.0, 105.0, 1.0, 0.05, 0.2, 25);
        add(c, "binomialAmericanPut", 90.0, 100.0, 0.5, 0.02, 0.35, 12);
        add(c, "asianPathwise", 100.0, 0.2, 0.01, 95.0, vec(12, 1.5), 1.0 / 12);
        add(c, "asianPathwise", 100.0, 0.3, 0.02, 90.0, vec(6, 1.5), 1.0 / 6);
        add(c, "impliedVolNewton", 8.0, 100.0, 95.0, 0.5, 0.03);
        add(c, "impliedVolNewton", 12.0, 100.0, 100.0, 1.0, 0.01);
    }

    private void stats() {
        Class<?> c = StatsCorpus.class;
        add(c, "gaussianNll", vec(6, 2), 0.3, -0.2);
        add(c, "gaussianNll", vec(3, 5), -1.0, 0.7);
        add(c, "gmmLogLik", vec(5, 3), vec(3, 1), vec(3, 2), vec(3, 0.5));
        add(c, "gmmLogLik", vec(8, 3), vec(2, 1), vec(2, 2), vec(2, 0.5));
        add(c, "polyFitLoss", vec(6, 1.5), vec(6, 2), vec(4, 1));
        add(c, "polyFitLoss", vec(3, 1.5), vec(3, 2), vec(2, 1));
        add(c, "studentTLogLik", vec(5, 3), 3.5, 0.2, 1.3);
        add(c, "studentTLogLik", vec(4, 3), 0.7, -0.5, 0.8);
        add(c, "huberFit", vec(6, 2), vec(6, 3), 0.5, -0.3, 1.0);
        add(c, "huberFit", vec(6, 2), vec(6, 3), 1.5, 0.3, 0.5);
    }

    private void optim() {
        Class<?> c = OptimCorpus.class;
        add(c, "rosenbrock", -1.2, 1.0);
        add(c, "rosenbrock", 0.3, -0.4);
        add(c, "extendedRosenbrock", vec(6, 1.5));
        add(c, "extendedRosenbrock", vec(2, 1.5));
        add(c, "powell", vec(8, 2));
        add(c, "powell", vec(5, 2));
        add(c, "wood", -3.0, -1.0, -3.0, -1.0);
        add(c, "wood", 0.5, 1.2, -0.7, 2.0);
        add(c, "logAbsDetLaplace", (Object) mat(4, 4, 1));
        add(c, "logAbsDetLaplace", (Object) mat(3, 3, 1));
        add(c, "logAbsDetLaplace", (Object) mat(2, 2, 1));
        add(c, "detLu", (Object) mat(4, 4, 1));
        add(c, "detLu", (Object) mat(3, 3, 2));
        add(c, "hornerWithSlope", vec(5, 1), 0.7);
        add(c, "hornerWithSlope", vec(2, 1), -1.3);
        add(c, "naturalSpline", new double[] {0, 1, 2.5, 3, 4.2}, vec(5, 1), 1.7);
        add(c, "naturalSpline", new double[] {0, 1, 2.5, 3, 4.2}, vec(5, 1), 3.9);
        add(c, "naturalSpline", new double[] {-1, 0, 1}, vec(3, 1), -0.2);
        add(c, "gaussSeidel", new double[][] {{4, 1, 0.5}, {1, 3, 0.2}, {0.5, 0.2, 2}}, vec(3, 1), 6);
        add(c, "gaussSeidel", new double[][] {{5, 2}, {2, 4}}, vec(2, 1), 3);
    }

    private void control() {
        Class<?> c = ControlCorpus.class;
        for (String act : new String[] {"tanh", "sigmoid", "softsign", "linear"}) {
            for (String loss : new String[] {"l2", "l1", "logcosh"}) {
                add(c, "configured", act, loss, 0.7, -0.4, 1.3, 0.2);
            }
        }
        add(c, "guarded", -6.0, 0.5);
        add(c, "guarded", 8.0, 7.0);
        add(c, "guarded", 1.0, 2.0);
        add(c, "guarded", 3.0, 2.0);
        add(c, "guarded", 0.3, -0.2);
        add(c, "recursive", 0.9, vec(4, 1));
        add(c, "recursive", -1.1, vec(1, 1));
        add(c, "ternaries", 2.0, 1.0, 0.5);
        add(c, "ternaries", 0.5, 1.0, 3.0);
        add(c, "ternaries", -0.5, 1.5, -0.3);
        add(c, "ternaries", 0.7, -1.5, -0.3);
        add(c, "ternaries", 0.3, 0.2, -0.9);
        add(c, "bisectionScaled", 1.3, 2.0);
        add(c, "growUntil", 0.05, 1.0, 5.0);
        add(c, "growUntil", 0.2, 0.5, 100.0);
        add(c, "nestedBreakContinue", mat(4, 3, 1), vec(3, 1), 0.6);
        add(c, "nestedBreakContinue", mat(5, 4, 1), vec(2, 1), 5.0);
        add(c, "kinks", 0.3, 0.8, 1.7);
        add(c, "kinks", 2.0, 0.8, -0.2);
        add(c, "kinks", -1.0, -0.4, -2.5);
        add(c, "particleInBox", 0.3, 2.0, 0.01, 1.0);
        add(c, "particleInBox", 0.9, -3.3, 0.004, 2.0);
        add(c, "doWhileContinue", 0.4, 10);
        add(c, "doWhileContinue", 1.3, 1);
    }

    private void edge() {
        Class<?> c = EdgeCorpus.class;
        add(c, "reusedAcrossIterations", new double[] {0.5, -0.3, 1.2, -0.8, 0.9}, 0.7);
        add(c, "reusedAcrossIterations", vec(6, 1), -1.3);
        add(c, "siblingShadows", 0.7, 1.3);
        add(c, "siblingShadows", -0.4, 0.6);
        add(c, "compoundElements", vec(5, 1));
        add(c, "compoundElements", vec(2, 1.5));
        add(c, "scatterAdd", vec(6, 0.8), new int[] {0, 2, 1, 0, 2, 1});
        add(c, "scatterAdd", vec(4, 0.8), new int[] {1, 1, 1, 0});
        add(c, "gatherTable", vec(4, 1));
        add(c, "overwriteParams", 0.7, 0.3, 4);
        add(c, "overwriteParams", -0.2, 1.1, 0);
        add(c, "copyThenOverwrite", vec(4, 0.8));
        add(c, "copyThenOverwrite", vec(2, 0.8));
        add(c, "overloads", 0.3, -0.7, 0.4, vec(3, 1));
        add(c, "energy", 0.3, -0.7);
        add(c, "energy", 1.3);
        add(c, "longExpression", 0.3, -0.7, 1.1, 0.4);
        add(c, "longExpression", 1.9, 0.5, -0.6, -1.2);
        add(c, "swapRecurrence", 0.3, 0.9, 7);
        add(c, "swapRecurrence", -0.6, 0.4, 1);
        add(c, "declaredThenAssigned", vec(6, 1));
        add(c, "varsAndIncrements", 0.3);
        add(c, "varsAndIncrements", -1.7);
        add(c, "sameArrayTwice", vec(3, 1), vec(3, 1));
        add(c, "rowsToHelper", mat(3, 2, 1), vec(2, 1));
        add(c, "castBound", 1.2, 0.33);
        add(c, "castBound", -0.7, 0.47);
        add(c, "switchInLoop", vec(3, 1), new int[] {0, 1, 2, 3, 0, 0, 1, 2, 3, 1});
        add(c, "switchInLoop", vec(2, 2), new int[] {3, 3, 0, 2});
        add(c, "firstAbove", mat(3, 3, 1), 0.8);
        add(c, "firstAbove", mat(3, 3, 0.1), 0.5);
        add(c, "frobeniusLike", mat(3, 2, 1), 1.5);
        add(c, "frobeniusLike", mat(1, 4, 2), 0.7);
        add(c, "helperEarlyReturn", 1.4, 0.3);
        add(c, "helperEarlyReturn", 2.9, 0.8);
    }

    private void names() {
        Class<?> c = NamesCorpus.class;
        add(c, "shadowConst", 1.7, 0.6);
        add(c, "shadowConstLocal", 0.6);
        add(c, "generatedNames", 0.3, 0.7, -0.4, 1.2, 0.9);
        add(c, "ownSin", 0.8);
        add(c, "intArith", 0.83, 7);
        add(c, "intArith", -1.37, 2);
        add(c, "readsField", 0.8);
        add(c, "unicode", 0.8, -1.1);
        add(c, "i", 0.8, -1.1, 0.4);
        add(c, "sumSq", (Object) new double[] {0.8, -1.1, 0.4});
    }

    private void calls() {
        Class<?> c = CallsCorpus.class;
        add(c, "staticImports", 0.7, -0.4);
        add(c, "callsInner", 0.7, -0.4);
        add(CallsCorpus.Inner.class, "innerCost", 0.7, -0.4);
        add(c, "mutual", 0.7);
        add(c, "mutual", -1.3);
        add(c, "twoDense", vec(3, 1), mat(4, 3, 0.7), vec(4, 0.2), mat(2, 4, 0.7), vec(2, 0.2));
        add(c, "nestedCalls", 0.7, -0.4);
        add(c, "nestedCalls", -2.7, 0.4);
        add(c, "checkpointed", 0.7, -0.4, 40);
        add(c, "checkpointed", 0.95, 0.3, 13);
        add(c, "checkpointed", 0.95, 0.3, 0);
        add(c, "callsWithCast", 1.1, 0.6);
        add(c, "callsWithCast", 0.2, -0.6);
    }

    private void alias() {
        Class<?> c = AliasCorpus.class;
        add(c, "selfProduct", vec(3, 1), new int[] {0, 1, 2, 1, 0}, new int[] {0, 2, 2, 1, 1});
        add(c, "selfProduct", vec(2, 1), new int[] {1, 1, 1}, new int[] {1, 1, 0});
        add(c, "compoundAlias", vec(3, 1), new int[] {0, 1, 2, 1, 0}, new int[] {0, 2, 2, 1, 1});
        add(c, "compoundAlias", vec(2, 1), new int[] {1, 1, 1}, new int[] {1, 1, 0});
        add(c, "transposeUpdate", (Object) mat(3, 3, 1));
        add(c, "transposeUpdate", (Object) mat(2, 2, 1));
        add(c, "rowAliasWrites", mat(3, 2, 1), vec(2, 1));
        add(c, "rowAliasWrites", mat(2, 3, 1), vec(3, 1));
        add(c, "elementIncrements", vec(4, 1));
        add(c, "activeIndex", vec(4, 1), 0.37);
        add(c, "activeIndex", vec(5, 1), -1.23);
        add(c, "prefixAndReverse", vec(5, 1));
        add(c, "prefixAndReverse", vec(4, 1));
        add(c, "sortedWeighted", vec(6, 1));
        add(c, "sortedWeighted", vec(3, 1));
    }

    private void switches() {
        Class<?> c = SwitchCorpus.class;
        add(c, "kernelSum", 0.7, -0.3, 1.3);
        add(c, "labeledBlock", 0.7, -0.3);
        add(c, "labeledBlock", -0.7, -0.3);
        for (char op : new char[] {'+', '*', 'x', '/'}) {
            add(c, "charSwitch", 0.7, op);
        }
        for (int m = 0; m < 4; m++) {
            add(c, "groupedCases", 0.7, m);
        }
        add(c, "switchLoop", 0.7, 11);
        add(c, "switchLoop", -1.7, 6);
    }

    private void types() {
        Class<?> c = TypesCorpus.class;
        add(c, "promotions", 0.7, 3, true);
        add(c, "promotions", 0.3, 6, false);
        add(c, "promotions", -1.3, 1, false);
        add(c, "activeToInt", 0.33, 0.77);
        add(c, "activeToInt", 1.21, -0.61);
        add(c, "flags", vec(7, 1), 0.8);
        add(c, "flags", vec(7, 1), -1.3);
        add(c, "oddLoops", 0.7, 5);
        add(c, "oddLoops", 0.1, 0);
        add(c, "oddLoops", 2.1, 8);
        add(c, "mathOnInts", 0.7, 3);
        add(c, "mathOnInts", 2.7, 4);
        add(c, "mathOnInts", 1.3, 2);
        add(c, "boxed", 0.7, 4);
        add(c, "boxed", -1.7, 2.5);
        for (String k : new String[] {"a", "b", "c", "dd"}) {
            add(c, "stringSwitchMulti", 0.7, k);
        }
    }
}
