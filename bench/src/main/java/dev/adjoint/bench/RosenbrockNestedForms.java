package dev.adjoint.bench;

import dev.adjoint.Tape;
import dev.adjoint.bench.RosenbrockVariants.Nested;
import java.util.Arrays;

/**
 * The forms of {@link RosenbrockVariants} as batches, each in a loop of its own (one lambda per
 * form, so no two forms share a loop's profile), as {@link SameJvm#slice} once ran them.
 */
final class RosenbrockNestedForms {
  private RosenbrockNestedForms() {}

  static Nested[] of(SameJvm.Box<double[]> x, double[] g, double[] none, Tape tape) {
    return new Nested[] {
        reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Arrays.fill(g, 0.0);
            s += HandGradients.rosenbrock(x.v, g);
          }
          return s + g[0];
        },
        reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Arrays.fill(g, 0.0);
            s += WorkloadsGrad.rosenbrockAdjoint(x.v, 1.0, none, g, tape);
          }
          return s + g[0];
        },
        reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Arrays.fill(g, 0.0);
            s += RosenbrockVariants.lean(x.v, 1.0, none, g, tape);
          }
          return s + g[0];
        },
        reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Arrays.fill(g, 0.0);
            s += RosenbrockVariants.fold(x.v, 1.0, none, g, tape);
          }
          return s + g[0];
        },
        reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Arrays.fill(g, 0.0);
            s += RosenbrockVariants.counted(x.v, 1.0, none, g, tape);
          }
          return s + g[0];
        },
        reps -> {
          double s = 0;
          for (int i = 0; i < reps; i++) {
            Arrays.fill(g, 0.0);
            s += RosenbrockVariants.order(x.v, 1.0, none, g, tape);
          }
          return s + g[0];
        }};
  }
}
