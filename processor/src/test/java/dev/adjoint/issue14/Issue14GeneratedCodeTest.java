package dev.adjoint.issue14;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's generated methods follow the project's standards for generated code: no
 * {@code -Xlint:all} warning in generated sources, byte-identical output on a second
 * compilation, every new public method documented, and the generated class still
 * {@code @Generated}.
 */
class Issue14GeneratedCodeTest {
  private static final String GRAD_PATH = "iss/ShapesGrad.java";

  private static String generated(Javac14.Result run) {
    String text = run.generated.get(GRAD_PATH);
    if (text == null) {
      throw new AssertionError("no " + GRAD_PATH + run.report());
    }
    return text;
  }

  @Test
  void noWarningInGeneratedCode() {
    Javac14.Result run = Compiled14.shapes().assertCompiled();
    List<Javac14.Diag> warnings = new ArrayList<>();
    for (Javac14.Diag d : run.diagnostics) {
      if (d.file() != null && d.file().endsWith("Grad.java")) {
        warnings.add(d);
      }
    }
    assertTrue(warnings.isEmpty(), "diagnostics in generated code: " + warnings);
  }

  @Test
  void deterministic() {
    String first = generated(Compiled14.shapes().assertCompiled());
    String second = generated(Javac14.withProcessor(ShapesFixture.sources(
        Modes14.SECOND_ORDER)).assertCompiled());
    assertEquals(first, second, "the generated class differs between two compilations");
  }

  @Test
  void newMethodsAreDocumentedAndTheClassIsGenerated() {
    String text = generated(Compiled14.shapes().assertCompiled());
    assertTrue(text.contains("@Generated"), "@Generated missing");
    String[] lines = text.split("\n");
    for (ShapesFixture.Shape shape : ShapesFixture.shapes()) {
      boolean hvp = !ShapesFixture.THROUGH_GENERATED_CALLS.contains(shape.method());
      for (String suffix : hvp ? new String[] {"Tangent", "Hvp", "Hessian"}
          : new String[] {"Tangent"}) {
        String name = shape.method() + suffix + "(";
        int found = -1;
        for (int i = 0; i < lines.length; i++) {
          if (lines[i].contains("public static") && lines[i].contains(" " + name)) {
            found = i;
          }
        }
        assertTrue(found > 0, "no public static " + name + "…) in " + GRAD_PATH);
        int above = found - 1;
        while (above > 0 && lines[above].trim().startsWith("@")) {
          above--;
        }
        assertTrue(lines[above].trim().equals("*/"), name + "…) has no Javadoc: '"
            + lines[above] + "'");
      }
    }
  }

  /** mTangent, mHvp and mHessian leave the caller's arrays (arguments and directions) alone. */
  @Test
  void argumentsAndDirectionsAreNotWritten() {
    Javac14.Result run = Compiled14.shapes().assertCompiled();
    ShapesFixture.Shape arrays = ShapesFixture.shapes().stream()
        .filter(sh -> sh.method().equals("arrays")).findFirst().orElseThrow();
    Subject s = Subject.of(run, ShapesFixture.CLS, "arrays", 3);
    Object[] args = Subject.deepCopy(arrays.points().get(0));
    Object[] dirs = s.directions(args, Num14.direction(s.flat(args).length, 9));
    Object[] all = Subject.concat(args, dirs);
    String before = Subject.show(all);
    s.callGeneratedOnOriginals("arraysTangent", all);
    s.callGeneratedOnOriginals("arraysHvp", all);
    s.callGeneratedOnOriginals("arraysHessian", args);
    assertEquals(before, Subject.show(all), "a generated method wrote into its arguments");
  }

  /** No mutable static state: concurrent calls give the single-threaded results bit for bit. */
  @Test
  void threadSafe() throws Exception {
    Javac14.Result run = Compiled14.shapes().assertCompiled();
    Subject s = Subject.of(run, ShapesFixture.CLS, "loopTrips", 2);
    Object[][] points = {{0.8, 0.6}, {2.3, -0.7}, {1.1, 0.2}, {0.3, 1.4}};
    double[][] want = new double[points.length][];
    for (int i = 0; i < points.length; i++) {
      want[i] = Subject.flatten(new Object[] {Subject.read(s.hessian(points[i]),
          "hessian")});
    }
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors
        .newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<String>> results = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        final int offset = t;
        results.add(pool.submit(() -> {
          for (int k = 0; k < 200; k++) {
            int i = (k + offset) % points.length;
            double[] got = Subject.flatten(new Object[] {Subject.read(s.hessian(points[i]),
                "hessian")});
            if (!java.util.Arrays.equals(got, want[i])) {
              return "point " + i + ": " + java.util.Arrays.toString(got) + " vs "
                  + java.util.Arrays.toString(want[i]);
            }
          }
          return "";
        }));
      }
      for (java.util.concurrent.Future<String> f : results) {
        assertEquals("", f.get(), "concurrent mHessian differs");
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
