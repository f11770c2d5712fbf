package dev.adjoint.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compile-time cost of the processor: javac on one generated source file holding 50
 * {@code @Differentiable} methods, with the processor and with {@code -proc:none}.
 *
 * <p>Usage: {@code CompileCost --classpath RUNTIME_CP --processorpath PROCESSOR_PATH [--methods N]
 * [--reps N]}. Measures (1) a fresh {@code javac} process per compilation (what a cold build
 * pays) and (2) in-process compilations through {@code javax.tools} after warm-up (what a build
 * daemon or an IDE pays); prints medians as Markdown.
 */
public final class CompileCost {
  private CompileCost() {}

  /** A source file with {@code methods} differentiable methods in three shapes. */
  public static String source(int methods) {
    StringBuilder sb = new StringBuilder();
    sb.append("package gen;\n\n")
        .append("import dev.adjoint.Activations;\n")
        .append("import dev.adjoint.Differentiable;\n")
        .append("import dev.adjoint.Losses;\n\n")
        .append("final class Many {\n  private Many() {}\n");
    for (int i = 0; i < methods; i++) {
      sb.append('\n');
      switch (i % 3) {
        case 0 -> sb.append(String.format(Locale.ROOT, """
              @Differentiable(wrt = {"w1", "b1", "w2", "b2"})
              static double m%d(double x, double y, double w1, double b1, double w2, double b2) {
                double a1 = Activations.relu(w1 * x + b1 * %d.5);
                double a2 = Math.tanh(w2 * a1 + b2) + Math.exp(-a1 * a1);
                if (a2 > %d) {
                  a2 = Math.log1p(a2 * a2);
                } else {
                  a2 = a2 * Math.sin(x * w1);
                }
                return Losses.squaredError(a2, y);
              }
            """, i, i, i).indent(0));
        case 1 -> sb.append(String.format(Locale.ROOT, """
              @Differentiable
              static double m%d(double x0, double a, double b) {
                double x = x0;
                for (int t = 0; t < %d; t++) {
                  x = Math.sin(x) * a + b;
                  if (x > 1) {
                    x = Math.sqrt(x);
                  }
                }
                return x * Math.cos(a) + Math.pow(b, 2);
              }
            """, i, 10 + i).indent(0));
        default -> sb.append(String.format(Locale.ROOT, """
              @Differentiable
              static double m%d(double[] x, double[] w, double s) {
                double f = 0;
                for (int i = 0; i < x.length; i++) {
                  double t = x[i] * w[i] - s * %d;
                  f += t * t + Math.atan(t);
                }
                for (double v : w) {
                  f += Math.abs(v) * s;
                }
                return f / x.length;
              }
            """, i, i).indent(0));
      }
    }
    sb.append("}\n");
    return sb.toString();
  }

  public static void main(String[] args) throws Exception {
    String classpath = null;
    String processorPath = null;
    int methods = 50;
    int reps = 3;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--classpath" -> classpath = args[++i];
        case "--processorpath" -> processorPath = args[++i];
        case "--methods" -> methods = Integer.parseInt(args[++i]);
        case "--reps" -> reps = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (classpath == null || processorPath == null) {
      throw new IllegalArgumentException("--classpath and --processorpath are required");
    }
    Path dir = Files.createTempDirectory("adjoint-compile-cost");
    Path src = dir.resolve("gen/Many.java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, source(methods));
    long lines = source(methods).lines().count();

    List<String> common = List.of("--release", "17", "-classpath", classpath, "-d");
    String javac = Path.of(System.getProperty("java.home"), "bin", "javac").toString();

    // Cold: a fresh javac process each time, alternating the two configurations.
    double[] coldProc = new double[reps];
    double[] coldNone = new double[reps];
    for (int r = 0; r < reps; r++) {
      coldProc[r] = process(javac, common, dir, src, "-processorpath", processorPath);
      coldNone[r] = process(javac, common, dir, src, "-proc:none");
    }
    // Warm: in-process javax.tools compilations after warm-up, the three configurations
    // interleaved: the processor as configured by default (no graph methods), the processor with
    // every graph method (-Aadjoint.graph=true, the default before issue 15), and no processor.
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    int warmReps = 3 * reps;
    String[] withProcessor = {"-processorpath", processorPath};
    String[] withGraphs = {"-processorpath", processorPath, "-Aadjoint.graph=true"};
    for (int r = 0; r < 2 * reps; r++) {
      inProcess(compiler, common, dir, src, withProcessor);
      inProcess(compiler, common, dir, src, withGraphs);
      inProcess(compiler, common, dir, src, "-proc:none");
    }
    double[] warmProc = new double[warmReps];
    double[] warmGraphs = new double[warmReps];
    double[] warmNone = new double[warmReps];
    for (int r = 0; r < warmReps; r++) {
      warmProc[r] = inProcess(compiler, common, dir, src, withProcessor);
      warmGraphs[r] = inProcess(compiler, common, dir, src, withGraphs);
      warmNone[r] = inProcess(compiler, common, dir, src, "-proc:none");
    }
    Path generated = dir.resolve("gen-src/gen/ManyGrad.java");
    long graphLines = Files.readString(generated).lines().count();
    inProcess(compiler, common, dir, src, withProcessor);
    long generatedLines = Files.readString(generated).lines().count();

    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT,
        "javac on one file with %d `@Differentiable` methods (%d lines; three shapes: scalar"
            + " branches, a scalar loop, array loops); medians, ms:%n%n", methods, lines));
    sb.append("| configuration | with processor | `-proc:none` | processor cost | per method |\n");
    sb.append("|---|--:|--:|--:|--:|\n");
    row(sb, "fresh `javac` process (cold JVM), " + reps + " runs each", coldProc, coldNone,
        methods);
    row(sb, "in-process `javax.tools` after warm-up, " + warmReps + " runs each", warmProc,
        warmNone, methods);
    row(sb, "the same with every graph method (`-Aadjoint.graph=true`)", warmGraphs, warmNone,
        methods);
    sb.append(String.format(Locale.ROOT, "%nGenerated ManyGrad.java: %,d lines (%,d with graph"
        + " methods). Raw (ms): cold processor %s, cold none %s; warm processor %s, warm with"
        + " graphs %s, warm none %s.%n", generatedLines, graphLines,
        Arrays.toString(round(coldProc)), Arrays.toString(round(coldNone)),
        Arrays.toString(round(warmProc)), Arrays.toString(round(warmGraphs)),
        Arrays.toString(round(warmNone))));
    System.out.println(sb);
  }

  private static void row(StringBuilder sb, String name, double[] proc, double[] none,
      int methods) {
    double p = median(proc);
    double n = median(none);
    sb.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | +%.0f (%.1f×) | %.1f |%n", name, p,
        n, p - n, p / n, (p - n) / methods));
  }

  private static double process(String javac, List<String> common, Path dir, Path src,
      String... extra) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(javac);
    cmd.addAll(args(common, dir, src, extra));
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    int rc = p.waitFor();
    long t1 = System.nanoTime();
    if (rc != 0) {
      throw new IllegalStateException("javac failed: " + new String(out));
    }
    return (t1 - t0) / 1e6;
  }

  private static double inProcess(JavaCompiler compiler, List<String> common, Path dir, Path src,
      String... extra) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    long t0 = System.nanoTime();
    int rc = compiler.run(null, null, err, args(common, dir, src, extra).toArray(String[]::new));
    long t1 = System.nanoTime();
    if (rc != 0) {
      throw new IllegalStateException("javac failed: " + err);
    }
    return (t1 - t0) / 1e6;
  }

  private static List<String> args(List<String> common, Path dir, Path src, String... extra) {
    List<String> a = new ArrayList<>(common);
    a.add(dir.resolve("out").toString());
    a.add("-s");
    a.add(dir.resolve("gen-src").toString());
    a.addAll(List.of(extra));
    a.add(src.toString());
    return a;
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static long[] round(double[] v) {
    long[] r = new long[v.length];
    for (int i = 0; i < v.length; i++) {
      r[i] = Math.round(v[i]);
    }
    return r;
  }
}
