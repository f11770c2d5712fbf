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

        record BdValue(double value, double[][] x) {}
        record BdT(double value, double tangent) {}
        record BdHv(double value, double[][] x, double[][] xHvp) {}
        record BdH(double value, double[][] x, double[][] hessian) {}

        private static double[] flat(double[][] m) {
          return new double[] {m[0][0], m[0][1], m[1][0], m[1][1]};
        }

        private static double[][] square(double[] v) {
          return new double[][] {{v[0], v[1]}, {v[2], v[3]}};
        }

        static BdValue brownDennis(double[][] x) {
          double[] g = Bridge14.valueAndGradient("brownDennis", flat(x));
          return new BdValue(Mgh.brownDennis(x), square(new double[] {g[1], g[2], g[3], g[4]}));
        }

        static BdT brownDennisTangent(double[][] x, double[][] dx) {
          double[] g = Bridge14.valueAndGradient("brownDennis", flat(x));
          double[] d = flat(dx);
          double t = 0;
          for (int i = 0; i < 4; i++) {
            t += g[i + 1] * d[i];
          }
          return new BdT(Mgh.brownDennis(x), t);
        }

        static BdHv brownDennisHvp(double[][] x, double[][] vx) {
          double[] g = Bridge14.valueAndGradient("brownDennis", flat(x));
          double[][] h = Bridge14.hessian("brownDennis", flat(x));
          double[] v = flat(vx);
          double[] hv = new double[4];
          for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
              hv[i] += h[i][j] * v[j];
            }
          }
          return new BdHv(Mgh.brownDennis(x), square(new double[] {g[1], g[2], g[3], g[4]}),
              BUG == 5 ? square(new double[] {hv[0], hv[2], hv[1], hv[3]}) : square(hv));
        }

        static BdH brownDennisHessian(double[][] x) {
          double[] g = Bridge14.valueAndGradient("brownDennis", flat(x));
          return new BdH(Mgh.brownDennis(x), square(new double[] {g[1], g[2], g[3], g[4]}),
              Bridge14.hessian("brownDennis", flat(x)));
        }
      }
      """;

  private static final String VEC_STAND_IN = """
      package iss;

      import dev.adjoint.issue14.Bridge14;

      final class VecGrad {
        private VecGrad() {}

        static final int BUG = %d;

        record FewerGradient(double[] value, double[] x) {}
        record FewerJacobian(double[] values, double[][] jacobian) {}

        static FewerGradient fewer(double[] x, double[] seed) {
          double[][] j = Bridge14.fewerJacobian(x);
          double[] g = new double[x.length];
          for (int i = 0; i < j.length; i++) {
            for (int k = 0; k < x.length; k++) {
              g[k] += seed[i] * j[i][k];
            }
          }
          return new FewerGradient(Vec.fewer(x), g);
        }

        static FewerJacobian fewerJacobian(double[] x) {
          double[] values = Vec.fewer(x);
          if (BUG == 6) {
            values[1] = Math.nextUp(values[1]);
          }
          double[][] j = Bridge14.fewerJacobian(x);
          if (BUG == 7) {
            j[1][3] *= 1 + 1e-9;
          }
          return new FewerJacobian(values, j);
        }
      }
      """;

  private static Javac14.Result standIn(int bug) {
    Map<String, String> s = new LinkedHashMap<>(MghFixture.sources());
    s.put("iss.MghGrad", STAND_IN.formatted(bug));
    return Javac14.withoutProcessor(s).assertCompiled();
  }

  private static Javac14.Result vecStandIn(int bug) {
    Map<String, String> s = new LinkedHashMap<>(VecFixture.sources());
    s.put("iss.VecGrad", VEC_STAND_IN.formatted(bug));
    return Javac14.withoutProcessor(s).assertCompiled();
  }

  private static void jacobianChecks(Javac14.Result run) {
    VecFixture.VecCase c = VecFixture.cases().stream().filter(v -> v.method().equals("fewer"))
        .findFirst().orElseThrow();
    Subject s = Subject.of(run, VecFixture.CLS, "fewer", 1);
    for (Object[] args : c.points()) {
      Checks14.jacobian(s, args, c.jacobian());
    }
    Checks14.jacobianRowsAreVjps(s, c.points().get(0));
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
    allChecks(run, "brownDennis");
    jacobianChecks(vecStandIn(0));
  }

  @Test
  void eachPlantedMistakeIsCaught() {
    Map<String, Executable> bugs = new LinkedHashMap<>();
    bugs.put("tangent()", () -> allChecks(standIn(1), "rosenbrock"));
    bugs.put("hessian()", () -> allChecks(standIn(2), "rosenbrock"));
    bugs.put("mHvp value()", () -> allChecks(standIn(3), "rosenbrock"));
    bugs.put("x23Hvp() should have the shape of x23", () -> allChecks(standIn(4), "wood"));
    bugs.put("H·v vs central differences", () -> allChecks(standIn(5), "brownDennis"));
    bugs.put("values()[1]", () -> jacobianChecks(vecStandIn(6)));
    bugs.put("jacobian() vs the analytic Jacobian", () -> jacobianChecks(vecStandIn(7)));
    for (Map.Entry<String, Executable> bug : bugs.entrySet()) {
      AssertionError e = assertThrows(AssertionError.class, bug.getValue());
      assertTrue(e.getMessage().contains(bug.getKey()), "caught for another reason than "
          + bug.getKey() + ": " + e.getMessage());
    }
  }
}
