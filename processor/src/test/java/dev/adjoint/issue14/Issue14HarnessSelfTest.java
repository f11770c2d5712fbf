package dev.adjoint.issue14;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The issue-14 checks themselves, run today against a hand-written stand-in for the generated
 * {@code MghGrad} (the issue's API exactly: records with value(), gradient accessors named like
 * the parameters, tangent(), pHvp() of the parameters' shapes, hessian()), whose derivatives come
 * from Hipparchus: a correct stand-in passes every check, and each planted mistake (a Hessian
 * entry off by 1e-7, a tangent off by 1e-7, a Hessian-vector product of the wrong shape, a value
 * that is not the primal's) is caught. So the reflective calls, the flattening, the tolerances
 * and the oracles are right before the implementation arrives.
 */
class Issue14HarnessSelfTest {
  private static final String STAND_IN = """
      package iss;

      import dev.adjoint.issue14.Bridge14;

      final class MghGrad {
        private MghGrad() {}

        static final int BUG = %d;

        record Value(double value, double x1, double x2) {}
        record T(double value, double tangent) {}
        record Hv(double value, double x1, double x2, double x1Hvp, double x2Hvp) {}
        record H(double value, double x1, double x2, double[][] hessian) {}

        static Value rosenbrock(double x1, double x2) {
          double[] g = Bridge14.valueAndGradient("rosenbrock", new double[] {x1, x2});
          return new Value(Mgh.rosenbrock(x1, x2), g[1], g[2]);
        }

        static T rosenbrockTangent(double x1, double x2, double dx1, double dx2) {
          double[] g = Bridge14.valueAndGradient("rosenbrock", new double[] {x1, x2});
          double t = g[1] * dx1 + g[2] * dx2;
          return new T(Mgh.rosenbrock(x1, x2), BUG == 1 ? t * (1 + 1e-7) : t);
        }

        static Hv rosenbrockHvp(double x1, double x2, double v1, double v2) {
          double[] g = Bridge14.valueAndGradient("rosenbrock", new double[] {x1, x2});
          double[][] h = Bridge14.hessian("rosenbrock", new double[] {x1, x2});
          double value = BUG == 3 ? g[0] * (1 + 1e-15) + 1e-300 : Mgh.rosenbrock(x1, x2);
          return new Hv(value, g[1], g[2], h[0][0] * v1 + h[0][1] * v2,
              h[1][0] * v1 + h[1][1] * v2);
        }

        static H rosenbrockHessian(double x1, double x2) {
          double[] g = Bridge14.valueAndGradient("rosenbrock", new double[] {x1, x2});
          double[][] h = Bridge14.hessian("rosenbrock", new double[] {x1, x2});
          if (BUG == 2) {
            h[0][1] *= 1 + 1e-7;
            h[1][0] *= 1 + 1e-7;
          }
          return new H(Mgh.rosenbrock(x1, x2), g[1], g[2], h);
        }

        record WoodValue(double value, double x1, double[] x23, double x4) {}
        record WoodHv(double value, double x1, double[] x23, double x4, double x1Hvp,
            double[] x23Hvp, double x4Hvp) {}
        record WoodH(double value, double x1, double[] x23, double x4, double[][] hessian) {}

        static WoodValue wood(double x1, double[] x23, double x4) {
          double[] g = Bridge14.valueAndGradient("wood", new double[] {x1, x23[0], x23[1], x4});
          return new WoodValue(Mgh.wood(x1, x23, x4), g[1], new double[] {g[2], g[3]}, g[4]);
        }

        static WoodHv woodHvp(double x1, double[] x23, double x4, double v1, double[] v23,
            double v4) {
          double[] x = {x1, x23[0], x23[1], x4};
          double[] v = {v1, v23[0], v23[1], v4};
          double[] g = Bridge14.valueAndGradient("wood", x);
          double[][] h = Bridge14.hessian("wood", x);
          double[] hv = new double[4];
          for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
              hv[i] += h[i][j] * v[j];
            }
          }
          double[] mid = BUG == 4 ? new double[] {hv[1], hv[2], 0} : new double[] {hv[1], hv[2]};
          return new WoodHv(Mgh.wood(x1, x23, x4), g[1], new double[] {g[2], g[3]}, g[4], hv[0],
              mid, hv[3]);
        }

        static WoodH woodHessian(double x1, double[] x23, double x4) {
          double[] x = {x1, x23[0], x23[1], x4};
          double[] g = Bridge14.valueAndGradient("wood", x);
          return new WoodH(Mgh.wood(x1, x23, x4), g[1], new double[] {g[2], g[3]}, g[4],
              Bridge14.hessian("wood", x));
        }
      }
      """;

  private static Javac14.Result standIn(int bug) {
    Map<String, String> s = new LinkedHashMap<>(MghFixture.sources());
    s.put("iss.MghGrad", STAND_IN.formatted(bug));
    return Javac14.withoutProcessor(s).assertCompiled();
  }

  private static MghFixture.Problem problem(String name) {
    return MghFixture.problems().stream().filter(p -> p.method().equals(name)).findFirst()
        .orElseThrow();
  }

  /** Everything the real tests check on one problem, through the stand-in. */
  private static void allChecks(Javac14.Result run, String name) {
    MghFixture.Problem p = problem(name);
    Subject s = Subject.of(run, MghFixture.CLS, name, p.arity(), p.wrt());
    for (Object[] args : p.points()) {
      double[] x = s.flat(args);
      Checks14.hvp(s, args, Num14.direction(x.length, 1), Num14.direction(x.length, 2));
      double[][] h = Checks14.hessian(s, args);
      Num14.close(name + " analytic", h, p.hessian().apply(x), 1e-10, 1e-9);
      Checks14.hvpVsHipparchus(s, args, Num14.direction(x.length, 3), p.ds());
      if (s.generatedHas(name + "Tangent")) {
        Checks14.tangent(s, args, Num14.direction(x.length, 4));
      }
    }
  }

  @Test
  void aCorrectStandInPassesEveryCheck() {
    Javac14.Result run = standIn(0);
    allChecks(run, "rosenbrock");
    allChecks(run, "wood");
  }

  @Test
  void eachPlantedMistakeIsCaught() {
    Map<String, Executable> bugs = new LinkedHashMap<>();
    bugs.put("tangent()", () -> allChecks(standIn(1), "rosenbrock"));
    bugs.put("hessian()", () -> allChecks(standIn(2), "rosenbrock"));
    bugs.put("mHvp value()", () -> allChecks(standIn(3), "rosenbrock"));
    bugs.put("x23Hvp() should have the shape of x23", () -> allChecks(standIn(4), "wood"));
    for (Map.Entry<String, Executable> bug : bugs.entrySet()) {
      AssertionError e = assertThrows(AssertionError.class, bug.getValue());
      assertTrue(e.getMessage().contains(bug.getKey()), "caught for another reason than "
          + bug.getKey() + ": " + e.getMessage());
    }
  }
}
