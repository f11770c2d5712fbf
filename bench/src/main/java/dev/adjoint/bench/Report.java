package dev.adjoint.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmark suite with JMH's GC profiler and prints a Markdown report whose ratios all
 * come from this one run.
 *
 * <p>Arguments: {@code --full} (more forks and iterations), {@code --include REGEX} (a subset),
 * {@code --out FILE} (also write the report there).
 */
public final class Report {
  private Report() {}

  static final String[] JVM_ARGS = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"};
  static final String[] FORMS = {"primal", "adjoint", "adjointEntry", "proposed", "hand", "forward"};

  record Key(String workload, String p) {}

  /** Mean, best (minimum) and median of the measurement iterations, in ns. */
  record Cell(double ns, double error, double best, double median, double allocBytes) {}

  public static void main(String[] args) throws RunnerException, IOException {
    boolean full = false;
    String include = "dev\\.adjoint\\.bench\\..*Bench\\.";
    Path out = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--full" -> full = true;
        case "--include" -> include = args[++i];
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; expected --full, --include REGEX, --out FILE");
      }
    }
    ChainedOptionsBuilder timed = new OptionsBuilder()
        .include(include)
        .exclude("MlpBench\\.forward")
        .addProfiler(GCProfiler.class)
        .jvmArgsAppend(JVM_ARGS)
        .timeUnit(java.util.concurrent.TimeUnit.NANOSECONDS)
        .shouldFailOnError(true);
    if (full) {
      timed.forks(3).warmupIterations(5).warmupTime(TimeValue.seconds(1))
          .measurementIterations(15).measurementTime(TimeValue.milliseconds(500));
    } else {
      timed.forks(1).warmupIterations(3).warmupTime(TimeValue.milliseconds(500))
          .measurementIterations(8).measurementTime(TimeValue.milliseconds(250));
    }
    List<RunResult> results = new ArrayList<>(new Runner(timed.build()).run());
    if ("dev.adjoint.bench.MlpBench.forward".matches(".*(" + include + ").*")) {
      // ~20 s per operation: single shots, as the method's annotations say.
      ChainedOptionsBuilder slow = new OptionsBuilder()
          .include("MlpBench\\.forward")
          .addProfiler(GCProfiler.class)
          .jvmArgsAppend(JVM_ARGS)
          .timeUnit(java.util.concurrent.TimeUnit.NANOSECONDS)
          .shouldFailOnError(true)
          .forks(1).warmupIterations(0).measurementIterations(full ? 3 : 1);
      results.addAll(new Runner(slow.build()).run());
    }
    String report = render(results, full);
    System.out.println();
    System.out.println(report);
    if (out != null) {
      Files.writeString(out, report);
    }
  }

  static String render(Collection<RunResult> results, boolean full) {
    Map<Key, Map<String, Cell>> table = new LinkedHashMap<>();
    for (RunResult r : results) {
      BenchmarkParams params = r.getParams();
      String name = params.getBenchmark();
      String cls = name.substring(0, name.lastIndexOf('.'));
      String workload = cls.substring(cls.lastIndexOf('.') + 1).replace("Bench", "");
      String form = name.substring(name.lastIndexOf('.') + 1);
      String p = params.getParamsKeys().contains("p") ? params.getParam("p") : "";
      Result<?> primary = r.getPrimaryResult();
      double alloc = Double.NaN;
      // JMH declares the secondary results with a raw Result: look them up by key, so that no
      // variable has the raw type (-Xlint:rawtypes).
      for (String key : r.getSecondaryResults().keySet()) {
        if (key.endsWith("gc.alloc.rate.norm")) {
          alloc = r.getSecondaryResults().get(key).getScore();
        }
      }
      List<Double> scores = new ArrayList<>();
      for (BenchmarkResult b : r.getBenchmarkResults()) {
        for (IterationResult it : b.getIterationResults()) {
          scores.add(it.getPrimaryResult().getScore());
        }
      }
      scores.sort(null);
      double best = scores.isEmpty() ? primary.getScore() : scores.get(0);
      double median = scores.isEmpty() ? primary.getScore()
          : scores.size() % 2 == 1 ? scores.get(scores.size() / 2)
          : (scores.get(scores.size() / 2 - 1) + scores.get(scores.size() / 2)) / 2;
      table.computeIfAbsent(new Key(workload, p), k -> new LinkedHashMap<>())
          .put(form, new Cell(primary.getScore(), primary.getScoreError(), best, median, alloc));
    }
    StringBuilder sb = new StringBuilder();
    sb.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
        .append(cpuModel()).append("; JDK ").append(System.getProperty("java.vm.vendor"))
        .append(' ').append(System.getProperty("java.runtime.version")).append("; ")
        .append(LocalDate.now()).append("; suite: ").append(full ? "full" : "default (short)")
        .append("; forks run with ").append(String.join(" ", JVM_ARGS)).append(".\n\n");
    sb.append("Forms: **primal** the original method; **Adjoint** the generated"
        + " `WorkloadsGrad.m(…)` or `PublicWorkloadsGrad.m(…)`"
        + " (fresh tape and fresh result per call); **entry** the generated `mAdjoint(…, 1.0, …,"
        + " tape)` with a reused tape and gradient arrays; **proposed** that entry hand-patched to"
        + " what the processor fixes proposed in RESULTS.md would generate (`ProposedGrad`);"
        + " **hand** hand-written reverse mode with"
        + " a reused workspace; **forward** Hipparchus forward mode. Times are the **best"
        + " measurement iteration** (ns/op): on a shared 2-core machine the minimum is the"
        + " least disturbed estimate; means and medians follow below.\n\n");
    sb.append("| workload | p | primal ns | Adjoint ns | entry ns | proposed ns | hand ns"
        + " | forward ns | Adjoint/primal | entry/primal | entry/hand | Adjoint/hand"
        + " | proposed/hand | forward/Adjoint |\n");
    sb.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    for (Map.Entry<Key, Map<String, Cell>> row : table.entrySet()) {
      Map<String, Cell> c = row.getValue();
      sb.append("| ").append(row.getKey().workload()).append(" | ").append(row.getKey().p());
      for (String form : FORMS) {
        sb.append(" | ").append(ns(c.get(form)));
      }
      sb.append(" | ").append(ratio(c, "adjoint", "primal"))
          .append(" | ").append(ratio(c, "adjointEntry", "primal"))
          .append(" | ").append(ratio(c, "adjointEntry", "hand"))
          .append(" | ").append(ratio(c, "adjoint", "hand"))
          .append(" | ").append(ratio(c, "proposed", "hand"))
          .append(" | ").append(ratio(c, "forward", "adjoint")).append(" |\n");
    }
    sb.append("\nAllocation per operation (bytes, `gc.alloc.rate.norm`):\n\n");
    sb.append("| workload | p | primal | Adjoint | entry | proposed | hand | forward |\n");
    sb.append("|---|--:|--:|--:|--:|--:|--:|--:|\n");
    for (Map.Entry<Key, Map<String, Cell>> row : table.entrySet()) {
      Map<String, Cell> c = row.getValue();
      sb.append("| ").append(row.getKey().workload()).append(" | ").append(row.getKey().p());
      for (String form : FORMS) {
        Cell cell = c.get(form);
        sb.append(" | ").append(cell == null || Double.isNaN(cell.allocBytes()) ? "–"
            : bytes(cell.allocBytes()));
      }
      sb.append(" |\n");
    }
    sb.append("\nAll iterations (ns/op): best / median / mean ± 99.9% error:\n\n");
    sb.append("| benchmark | best | median | mean | error |\n|---|--:|--:|--:|--:|\n");
    for (Map.Entry<Key, Map<String, Cell>> row : table.entrySet()) {
      for (Map.Entry<String, Cell> e : row.getValue().entrySet()) {
        Cell c = e.getValue();
        sb.append("| ").append(row.getKey().workload())
            .append(row.getKey().p().isEmpty() ? "" : "(p=" + row.getKey().p() + ")")
            .append('.').append(e.getKey()).append(" | ").append(format(c.best()))
            .append(" | ").append(format(c.median())).append(" | ").append(format(c.ns()))
            .append(" | ").append(Double.isNaN(c.error()) ? "–" : format(c.error()))
            .append(" |\n");
      }
    }
    return sb.toString();
  }

  private static String ns(Cell c) {
    return c == null ? "–" : format(c.best());
  }

  private static String ratio(Map<String, Cell> c, String num, String den) {
    Cell a = c.get(num);
    Cell b = c.get(den);
    if (a == null || b == null) {
      return "–";
    }
    double r = a.best() / b.best();
    return String.format(Locale.ROOT, r >= 100 ? "%.0f×" : r >= 10 ? "%.1f×" : "%.2f×", r);
  }

  static String format(double v) {
    if (v >= 1e6) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (v >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return String.format(Locale.ROOT, "%.1f", v);
  }

  private static String bytes(double v) {
    return v < 0.5 ? "0" : String.format(Locale.ROOT, "%,.0f", v);
  }

  static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return System.getProperty("os.arch");
  }
}
