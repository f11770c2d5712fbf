package dev.adjoint.gradients;

import static dev.adjoint.gradients.Check.v;

import org.hipparchus.analysis.differentiation.DerivativeStructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LoopsTest {

    private static void one(java.util.function.DoubleUnaryOperator orig, double a, double g, double value,
            java.util.function.Function<DerivativeStructure, DerivativeStructure> ds, String what) {
        Check.sameValue(orig.applyAsDouble(a), value);
        Check.fd(p -> orig.applyAsDouble(p[0]), v(a), v(g), "a");
        if (ds != null) {
            Check.hipparchus(d -> ds.apply(d[0]), v(a), v(g), what);
        }
    }

    @ParameterizedTest
    @CsvSource({"0.9, 0", "0.9, 1", "0.9, 6", "-1.3, 9"})
    void forInt(double a, int n) {
        LoopsFxGrad.ForIntGradient g = LoopsFxGrad.forInt(a, n);
        one(x -> LoopsFx.forInt(x, n), a, g.a(), g.value(), d -> {
            DerivativeStructure s = d.getField().getOne();
            for (int i = 0; i < n; i++) {
                s = s.multiply(d).add(i);
            }
            return s;
        }, "forInt");
    }

    @ParameterizedTest
    @CsvSource({"0.9, 0", "1.3, 7"})
    void forLong(double a, long n) {
        LoopsFxGrad.ForLongGradient g = LoopsFxGrad.forLong(a, n);
        Check.exact(2 * a * (n * (n - 1) / 2.0), g.a(), "da");
        one(x -> LoopsFx.forLong(x, n), a, g.a(), g.value(), null, "forLong");
    }

    @ParameterizedTest
    @CsvSource({"0.3, 9", "0.3, 10", "0.3, 1"})
    void forStepTwo(double a, int n) {
        LoopsFxGrad.ForStepTwoGradient g = LoopsFxGrad.forStepTwo(a, n);
        double e = 0;
        for (int i = 0; i < n; i += 2) {
            e += i * Math.cos(i * a);
        }
        Check.exact(e, g.a(), "da");
        one(x -> LoopsFx.forStepTwo(x, n), a, g.a(), g.value(), null, "forStepTwo");
    }

    @ParameterizedTest
    @CsvSource({"0.8, 5", "1.7, 1", "1.7, 0"})
    void countDown(double a, int n) {
        LoopsFxGrad.CountDownGradient g = LoopsFxGrad.countDown(a, n);
        one(x -> LoopsFx.countDown(x, n), a, g.a(), g.value(), d -> {
            DerivativeStructure s = d;
            for (int i = n; i > 0; i--) {
                s = s.multiply(d).divide(i).add(1.0);
            }
            return s;
        }, "countDown");
    }

    @ParameterizedTest
    @CsvSource({"0.8, 5", "1.7, 0"})
    void whileLoop(double a, int n) {
        LoopsFxGrad.WhileLoopGradient g = LoopsFxGrad.whileLoop(a, n);
        double e = 0;
        for (int i = 0; i < n; i++) {
            e = (e + i) * 0.5;
        }
        Check.exact(e, g.a(), "da");
        one(x -> LoopsFx.whileLoop(x, n), a, g.a(), g.value(), null, "while");
    }

    @ParameterizedTest
    @CsvSource({"1.1, 0", "1.1, 1", "0.9, 4"})
    void doWhile(double a, int n) {
        // body runs max(n,1) times: a^(k+1)
        int k = Math.max(n, 1);
        LoopsFxGrad.DoWhileGradient g = LoopsFxGrad.doWhile(a, n);
        Check.exact((k + 1) * Math.pow(a, k), g.a(), "da");
        one(x -> LoopsFx.doWhile(x, n), a, g.a(), g.value(), null, "doWhile");
    }

    @Test
    void whileTrueBreak() {
        double a = 0.6;
        LoopsFxGrad.WhileTrueBreakGradient g = LoopsFxGrad.whileTrueBreak(a);
        double e = 1;
        for (int i = 0; i < 5; i++) {
            e = e * 1.1 + 1;
        }
        Check.exact(e, g.a(), "da");
        one(LoopsFx::whileTrueBreak, a, g.a(), g.value(), null, "whileTrue");
    }

    @ParameterizedTest
    @CsvSource({"0.7, 3", "0.7, 12", "-1.2, 20"})
    void breakContinue(double a, int n) {
        LoopsFxGrad.BreakContinueGradient g = LoopsFxGrad.breakContinue(a, n);
        one(x -> LoopsFx.breakContinue(x, n), a, g.a(), g.value(), d -> {
            DerivativeStructure s = d.getField().getZero();
            for (int i = 0; i < n; i++) {
                if (i % 2 == 1) {
                    continue;
                }
                if (i >= 7) {
                    break;
                }
                s = s.add(d.multiply(i)).multiply(d);
            }
            return s;
        }, "breakContinue");
    }

    @ParameterizedTest
    @CsvSource({"0.7, 3", "0.7, 6", "1.4, 10"})
    void labelled(double a, int n) {
        LoopsFxGrad.LabelledGradient g = LoopsFxGrad.labelled(a, n);
        // s is linear in a: s = a * c
        double c = 0;
        outer:
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (j > i) {
                    continue outer;
                }
                if (i + j == 5) {
                    break outer;
                }
                if (j == 2) {
                    continue;
                }
                c = c * 0.9 + (i + j);
            }
        }
        Check.exact(c, g.a(), "da");
        one(x -> LoopsFx.labelled(x, n), a, g.a(), g.value(), null, "labelled");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 3.0, 11.0, -1.0})
    void dataDependentBreak(double a) {
        LoopsFxGrad.DataDependentBreakGradient g = LoopsFxGrad.dataDependentBreak(a);
        int k = 0;
        double s = a;
        for (int i = 0; i < 100; i++) {
            s *= 1.3;
            k++;
            if (s > 10) {
                break;
            }
        }
        Check.exact(Math.pow(1.3, k), g.a(), "da");
        one(LoopsFx::dataDependentBreak, a, g.a(), g.value(), null, "dataDependentBreak");
    }

    @ParameterizedTest
    @CsvSource({"1.9, 10", "1.9, 2", "0.5, 10"})
    void returnInsideLoop(double a, int n) {
        LoopsFxGrad.ReturnInsideLoopGradient g = LoopsFxGrad.returnInsideLoop(a, n);
        one(x -> LoopsFx.returnInsideLoop(x, n), a, g.a(), g.value(), null, "returnInsideLoop");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 1.7})
    void returnInsideWhile(double a) {
        LoopsFxGrad.ReturnInsideWhileGradient g = LoopsFxGrad.returnInsideWhile(a);
        one(LoopsFx::returnInsideWhile, a, g.a(), g.value(), d -> {
            DerivativeStructure s = d;
            while (true) {
                s = s.add(s.multiply(d));
                if (s.getValue() > 50) {
                    return s.multiply(d);
                }
            }
        }, "returnInsideWhile");
    }

    @ParameterizedTest
    @CsvSource({"0.8, 1.2, 4, 3", "1.1, -0.5, 1, 5", "0.8, 1.2, 0, 3", "0.8, 1.2, 3, 0"})
    void nestedLoops(double a, double b, int n, int m) {
        LoopsFxGrad.NestedLoopsGradient g = LoopsFxGrad.nestedLoops(a, b, n, m);
        Check.sameValue(LoopsFx.nestedLoops(a, b, n, m), g.value());
        Check.fd(p -> LoopsFx.nestedLoops(p[0], p[1], n, m), v(a, b), v(g.a(), g.b()));
        Check.hipparchus(d -> {
            DerivativeStructure s = d[0].getField().getZero();
            for (int i = 0; i < n; i++) {
                DerivativeStructure row = d[1];
                for (int j = 0; j < m; j++) {
                    row = row.multiply(d[0]).add(j);
                }
                s = s.add(row.multiply(i));
            }
            return s;
        }, v(a, b), v(g.a(), g.b()), "nestedLoops");
    }

    @ParameterizedTest
    @CsvSource({"0.4, 6", "1.3, 1"})
    void triangular(double a, int n) {
        LoopsFxGrad.TriangularGradient g = LoopsFxGrad.triangular(a, n);
        one(x -> LoopsFx.triangular(x, n), a, g.a(), g.value(), d -> {
            DerivativeStructure s = d.getField().getZero();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    s = s.add(d.multiply(d.multiply(j).cos()).divide(i + 1));
                }
            }
            return s;
        }, "triangular");
    }

    @ParameterizedTest
    @CsvSource({"1.5, 0.7", "0.5, 0.7"})
    void loopsInBranches(double a, double b) {
        LoopsFxGrad.LoopsInBranchesGradient g = LoopsFxGrad.loopsInBranches(a, b);
        Check.sameValue(LoopsFx.loopsInBranches(a, b), g.value());
        if (a > b) {
            Check.exact(b * b * b, g.a(), "da");
            Check.exact(3 * a * b * b, g.b(), "db");
        } else {
            Check.exact(1 + 4 * b, g.a(), "da");
            Check.exact(4 * a, g.b(), "db");
        }
        Check.fd(p -> LoopsFx.loopsInBranches(p[0], p[1]), v(a, b), v(g.a(), g.b()));
    }

    @ParameterizedTest
    @CsvSource({"0.5, 1.7", "1.5, 0.6", "-0.5, 1.9"})
    void branchesInLoop(double a, double b) {
        LoopsFxGrad.BranchesInLoopGradient g = LoopsFxGrad.branchesInLoop(a, b);
        Check.sameValue(LoopsFx.branchesInLoop(a, b), g.value());
        Check.fdStep(p -> LoopsFx.branchesInLoop(p[0], p[1]), v(a, b), v(g.a(), g.b()), 1e-5);
        Check.hipparchus(d -> {
            DerivativeStructure s = d[0];
            for (int i = 0; i < 6; i++) {
                if (s.getValue() > 2) {
                    s = s.divide(d[1]);
                } else if (s.getValue() < -2) {
                    s = s.negate().multiply(d[0]);
                } else {
                    s = s.multiply(d[1]).add(d[0]);
                }
            }
            return s;
        }, v(a, b), v(g.a(), g.b()), "branchesInLoop");
    }

    @ParameterizedTest
    @CsvSource({"0.7, 7", "1.2, 0"})
    void switchInLoop(double a, int n) {
        LoopsFxGrad.SwitchInLoopGradient g = LoopsFxGrad.switchInLoop(a, n);
        one(x -> LoopsFx.switchInLoop(x, n), a, g.a(), g.value(), d -> {
            DerivativeStructure s = d;
            for (int i = 0; i < n; i++) {
                switch (i % 3) {
                    case 0 -> s = s.multiply(d);
                    case 1 -> s = s.add(d.sin());
                    default -> s = s.divide(d.multiply(d).add(1));
                }
                s = i % 2 == 0 ? s.multiply(0.5) : s.add(d);
            }
            return s;
        }, "switchInLoop");
    }

    @ParameterizedTest
    @CsvSource({"1.1, 3", "0.9, 0"})
    void bounds(double a, int n) {
        LoopsFxGrad.BoundsGradient g = LoopsFxGrad.bounds(a, n);
        // s = n a^5 + a * sum_{i<2n} i
        double sumI = (2.0 * n) * (2 * n - 1) / 2;
        Check.exact(5 * n * Math.pow(a, 4) + sumI, g.a(), "da");
        one(x -> LoopsFx.bounds(x, n), a, g.a(), g.value(), null, "bounds");
    }

    @ParameterizedTest
    @CsvSource({"0.7, 0.125", "-3.3, 0.015625", "0.05, 1", "100, 0.0009765625"})
    void halveUntilSmall(double a, double expected) {
        LoopsFxGrad.HalveUntilSmallGradient g = LoopsFxGrad.halveUntilSmall(a);
        Check.exact(expected, g.a(), "da");
        one(LoopsFx::halveUntilSmall, a, g.a(), g.value(), null, "halve");
    }

    @ParameterizedTest
    @CsvSource({"0.6, 5", "-1.1, 1"})
    void counterArithmetic(double a, int n) {
        LoopsFxGrad.CounterArithmeticGradient g = LoopsFxGrad.counterArithmetic(a, n);
        double e = 0;
        for (int i = 1; i <= n; i++) {
            e += i + 1.0 / i + 2.0 * i * i * a;
        }
        Check.exact(e, g.a(), "da");
        one(x -> LoopsFx.counterArithmetic(x, n), a, g.a(), g.value(), null, "counterArithmetic");
    }

    @ParameterizedTest
    @CsvSource({"0.7, 0.4, 5", "1.2, -0.3, 1", "1.2, -0.3, 0"})
    void overwritten(double a, double b, int n) {
        LoopsFxGrad.OverwrittenGradient g = LoopsFxGrad.overwritten(a, b, n);
        Check.sameValue(LoopsFx.overwritten(a, b, n), g.value());
        Check.fd(p -> LoopsFx.overwritten(p[0], p[1], n), v(a, b), v(g.a(), g.b()));
        Check.hipparchus(d -> {
            DerivativeStructure x = d[0], y = d[1], aa = d[0];
            for (int i = 0; i < n; i++) {
                DerivativeStructure t = x;
                x = y.sin().multiply(x).add(0.1);
                y = t.multiply(y);
                aa = aa.multiply(x);
            }
            return x.add(y).add(aa);
        }, v(a, b), v(g.a(), g.b()), "overwritten");
    }

    @ParameterizedTest
    @CsvSource({"1.01, 5", "0.9, 3", "-1.2, 2", "2.0, 0"})
    void iteratedSquare(double a, int n) {
        LoopsFxGrad.IteratedSquareGradient g = LoopsFxGrad.iteratedSquare(a, n);
        double p = Math.pow(2, n);
        Check.exact(p * Math.pow(a, p - 1), g.a(), "da");
        Check.sameValue(LoopsFx.iteratedSquare(a, n), g.value());
        Check.fdStep(x -> LoopsFx.iteratedSquare(x[0], n), v(a), v(g.a()), 1e-5);
    }

    @ParameterizedTest
    @ValueSource(doubles = {2.0, 9.0, 0.25, 123.456})
    void newtonSqrt(double x) {
        LoopsFxGrad.NewtonSqrtGradient g = LoopsFxGrad.newtonSqrt(x);
        Check.sameValue(LoopsFx.newtonSqrt(x), g.value());
        Check.exact(Math.sqrt(x), g.value(), "converged");
        org.junit.jupiter.api.Assertions.assertEquals(1 / (2 * Math.sqrt(x)), g.x(),
                1e-12 / Math.sqrt(x), "d sqrt");
        Check.fd(p -> LoopsFx.newtonSqrt(p[0]), v(x), v(g.x()));
    }

    @ParameterizedTest
    @CsvSource({"0.6, 0.9, 4", "0.6, 0.9, 0"})
    void callsInLoop(double a, double b, int n) {
        LoopsFxGrad.CallsInLoopGradient g = LoopsFxGrad.callsInLoop(a, b, n);
        Check.sameValue(LoopsFx.callsInLoop(a, b, n), g.value());
        Check.fd(p -> LoopsFx.callsInLoop(p[0], p[1], n), v(a, b), v(g.a(), g.b()));
        Check.hipparchus(d -> {
            DerivativeStructure s = d[1];
            DerivativeStructure u = d[0].multiply(0.1);
            DerivativeStructure h = u.multiply(u).add(u.exp());
            for (int i = 0; i < n; i++) {
                s = s.multiply(s).multiply(d[0]).multiply(0.5).add(h).add(s.multiply(s).multiply(s).multiply(0.01));
            }
            return s;
        }, v(a, b), v(g.a(), g.b()), "callsInLoop");
    }

    @Test
    void million() {
        double a = 0.8;
        LoopsFxGrad.MillionGradient g = LoopsFxGrad.million(a);
        Check.sameValue(LoopsFx.million(a), g.value());
        double e = 0;
        for (int i = 0; i < 1_000_000; i++) {
            e = e * 0.999999 + 1e-6;
        }
        // 10^6 rounded accumulations in different orders: 1e-10 relative
        org.junit.jupiter.api.Assertions.assertEquals(e, g.a(), 1e-10, "da");
        Check.fd(p -> LoopsFx.million(p[0]), v(a), v(g.a()));
    }

    @Test
    void millionProduct() {
        double a = 0.8;
        LoopsFxGrad.MillionProductGradient g = LoopsFxGrad.millionProduct(a);
        Check.sameValue(LoopsFx.millionProduct(a), g.value());
        double e = 1;
        for (int i = 0; i < 999_999; i++) {
            e = e * (1.0 + a * 1e-6);
        }
        org.junit.jupiter.api.Assertions.assertEquals(e, g.a(), 1e-9 * e, "da");
        Check.fdStep(p -> LoopsFx.millionProduct(p[0]), v(a), v(g.a()), 1e-2);
    }

    @ParameterizedTest
    @CsvSource({"1.5, 0", "1.5, -3", "1.5, 2"})
    void zeroTrips(double a, int n) {
        LoopsFxGrad.ZeroTripsGradient g = LoopsFxGrad.zeroTrips(a, n);
        double e = n > 0 ? 0 : 2 * a * Math.pow(2, Math.max(0, -n));
        Check.exact(e, g.a(), "da");
        one(x -> LoopsFx.zeroTrips(x, n), a, g.a(), g.value(), null, "zeroTrips");
    }

    @ParameterizedTest
    @CsvSource({"0.7, 7", "0.7, 8", "0.7, 0"})
    void multiVarFor(double a, int n) {
        LoopsFxGrad.MultiVarForGradient g = LoopsFxGrad.multiVarFor(a, n);
        double e = 0;
        for (int i = 0, j = n; i < j; i++, j--) {
            e += j - i;
        }
        Check.exact(e, g.a(), "da");
        one(x -> LoopsFx.multiVarFor(x, n), a, g.a(), g.value(), null, "multiVarFor");
    }

    @ParameterizedTest
    @CsvSource({"0.7, 7", "-0.4, 9"})
    void resetInLoop(double a, int n) {
        LoopsFxGrad.ResetInLoopGradient g = LoopsFxGrad.resetInLoop(a, n);
        one(x -> LoopsFx.resetInLoop(x, n), a, g.a(), g.value(), d -> {
            DerivativeStructure acc = d.getField().getZero();
            DerivativeStructure best = d.getField().getZero();
            for (int i = 0; i < n; i++) {
                acc = acc.add(d.multiply(i));
                if (i % 3 == 2) {
                    best = best.add(acc.multiply(acc));
                    acc = d.getField().getZero();
                }
            }
            return best.add(acc);
        }, "resetInLoop");
    }
}
