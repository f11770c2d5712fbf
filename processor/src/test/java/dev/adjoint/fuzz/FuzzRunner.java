package dev.adjoint.fuzz;

import dev.adjoint.fuzz.GradientOracle.Report;
import dev.adjoint.fuzz.GradientOracle.Verdict;
import dev.adjoint.fuzz.InMemoryCompiler.Diag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Generates programs, compiles them in batches with the processor, checks every gradient with
 * {@link GradientOracle}, and shrinks and writes out whatever it finds.
 */
final class FuzzRunner {
  static final String PACKAGE = "fuzzgen";
  static final int POINTS = 4;
  private static final ExecutorService EXEC = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fuzz-check");
    t.setDaemon(true);
    return t;
  });

  /** One finding: the program, its verdict, and after shrinking the minimal program. */
  record Finding(Program program, Report report, Program minimal, Report minimalReport,
      Path file) {}

  /** Totals for the summary line. */
  static final class Stats {
    int programs;
    int checked;
    int pointsCompared;
    int pointsSkipped;
    int coordinatesCompared;
    int coordinatesSkipped;
    int nonFiniteAdjoints;
    int skippedPrograms;
    int invalid;
    int lintWarnings;
    final List<Finding> findings = new ArrayList<>();
    final Map<String, Integer> signatures = new LinkedHashMap<>();
    final List<String> invalidExamples = new ArrayList<>();
    long compileMillis;

    String summary() {
      return String.format("fuzz: %d programs, %d checked, %d points compared (%d coordinates),"
          + " %d mismatches/failures (%d distinct), %d programs skipped, %d points skipped"
          + " (%d coordinates, %d of them NaN/infinite adjoints where a value overflowed),"
          + " %d invalid, %d lint warnings in generated code, javac %d ms",
          programs, checked, pointsCompared, coordinatesCompared, findings.size(),
          signatures.size(), skippedPrograms, pointsSkipped, coordinatesSkipped,
          nonFiniteAdjoints, invalid, lintWarnings, compileMillis);
    }
  }

  private final Path findingsDir;
  private final boolean shrink;
  private final int maxShrinks;

  FuzzRunner(Path findingsDir, boolean shrink, int maxShrinks) {
    this.findingsDir = findingsDir;
    this.shrink = shrink;
    this.maxShrinks = maxShrinks;
  }

  Stats run(long seed, int count, int batchSize) {
    Stats stats = new Stats();
    SplittableRandom seeds = new SplittableRandom(seed);
    int shrinks = 0;
    for (int start = 0; start < count; start += batchSize) {
      List<Program> batch = new ArrayList<>();
      for (int i = start; i < Math.min(count, start + batchSize); i++) {
        long s = seeds.nextLong();
        batch.add(new ProgramGenerator(s).generate(PACKAGE, "P" + i));
      }
      Map<String, String> sources = new LinkedHashMap<>();
      for (Program p : batch) {
        sources.put(p.qualifiedName(), p.render());
      }
      InMemoryCompiler.Result r = InMemoryCompiler.compile(sources);
      stats.compileMillis += r.millis;
      boolean batchOk = r.crash == null && r.success;
      for (Program p : batch) {
        stats.programs++;
        Report report;
        if (batchOk) {
          stats.lintWarnings += lint(r, p);
          report = check(r.loader(), p);
        } else {
          report = evaluate(p, stats);
        }
        stats.pointsCompared += report.pointsCompared;
        stats.pointsSkipped += report.pointsSkipped;
        stats.coordinatesCompared += report.coordinatesCompared;
        stats.coordinatesSkipped += report.coordinatesSkipped;
        stats.nonFiniteAdjoints += report.nonFiniteAdjoints;
        switch (report.verdict) {
          case OK -> stats.checked++;
          case SKIPPED -> {
            stats.checked++;
            stats.skippedPrograms++;
          }
          case INVALID -> {
            stats.invalid++;
            if (stats.invalidExamples.size() < 3) {
              stats.invalidExamples.add(report.detail + "\n" + p.render());
            }
          }
          default -> {
            String sig = signature(report);
            stats.signatures.merge(sig, 1, Integer::sum);
            Program minimal = p;
            Report minimalReport = report;
            if (shrink && shrinks < maxShrinks && stats.signatures.get(sig) == 1) {
              shrinks++;
              minimal = new Shrinker(this, sig).shrink(p);
              minimalReport = evaluate(minimal, null);
            }
            Path file = write(p, report, minimal, minimalReport);
            stats.findings.add(new Finding(p, report, minimal, minimalReport, file));
            System.out.println("FINDING " + sig + " seed=" + p.seed + " -> " + file + "\n  "
                + report.detail);
          }
        }
      }
    }
    return stats;
  }

  private static int lint(InMemoryCompiler.Result r, Program p) {
    int n = 0;
    for (Diag d : r.diagnostics) {
      if (d.kind() != javax.tools.Diagnostic.Kind.ERROR && d.inGenerated() && d.file() != null
          && d.file().endsWith("/" + p.className + "Grad.java")) {
        n++;
      }
    }
    return n;
  }

  /** Compiles and checks one program on its own. */
  Report evaluate(Program p, Stats stats) {
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put(p.qualifiedName(), p.render());
    InMemoryCompiler.Result r = InMemoryCompiler.compile(sources);
    if (stats != null) {
      stats.compileMillis += r.millis;
      stats.lintWarnings += lint(r, p);
    }
    Report report = new Report();
    if (r.crash != null) {
      Throwable c = r.crash;
      while (c.getCause() != null && c.getCause() != c) {
        c = c.getCause();
      }
      StackTraceElement[] st = c.getStackTrace();
      return report.fail(Verdict.PROCESSOR_CRASH, c.getClass().getName() + ": " + c.getMessage()
          + (st.length > 0 ? " @ " + st[0] : ""));
    }
    List<Diag> errors = r.errors();
    for (Diag d : errors) {
      if (d.inGenerated()) {
        return report.fail(Verdict.GENERATED_CODE_ERROR, d.code() + ": " + d + "\n"
            + String.join("\n", r.generated.values()));
      }
    }
    for (Diag d : errors) {
      if (d.fromProcessor()) {
        return report.fail(Verdict.PROCESSOR_ERROR, d.toString());
      }
    }
    if (!errors.isEmpty() || !r.success) {
      return report.fail(Verdict.INVALID, "javac: " + errors);
    }
    return check(r.loader(), p);
  }

  Report check(ClassLoader loader, Program p) {
    Future<Report> f = EXEC.submit(() -> GradientOracle.check(loader, p.qualifiedName(),
        p.entry().name, p.entry().params, p.seed ^ 0x5DEECE66DL, POINTS));
    try {
      return f.get(20, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      return new Report().fail(Verdict.HANG, "no result within 20 s");
    } catch (Exception e) {
      return new Report().fail(Verdict.GRADIENT_THROWS, String.valueOf(e.getCause()));
    }
  }

  /** A finding's identity for de-duplication and for the shrinker's "same failure" test. */
  static String signature(Report r) {
    String d = r.detail;
    String key = switch (r.verdict) {
      case PROCESSOR_CRASH, GRADIENT_THROWS -> {
        int colon = d.indexOf(':');
        yield colon < 0 ? d : d.substring(0, colon);
      }
      case PROCESSOR_ERROR -> {
        int b = d.indexOf("] ");
        String m = b < 0 ? d : d.substring(b + 2);
        m = m.replaceAll("'[^']*'", "'_'").replaceAll("\\d+", "N");
        yield m.length() > 70 ? m.substring(0, 70) : m;
      }
      case GENERATED_CODE_ERROR -> {
        int colon = d.indexOf(':');
        yield colon < 0 ? d : d.substring(0, colon);
      }
      default -> "";
    };
    return r.verdict + (key.isEmpty() ? "" : "[" + key + "]");
  }

  private Path write(Program original, Report report, Program minimal, Report minimalReport) {
    try {
      Files.createDirectories(findingsDir);
      String name = report.verdict.name().toLowerCase() + "-seed" + Long.toHexString(original.seed);
      Path file = findingsDir.resolve(name + ".java.txt");
      StringBuilder sb = new StringBuilder();
      sb.append("// ").append(signature(report)).append('\n');
      sb.append("// original (").append(original.render().length()).append(" chars): ")
          .append(report.detail.lines().findFirst().orElse("")).append('\n');
      sb.append("// minimal: ").append(signature(minimalReport)).append(": ")
          .append(minimalReport.detail.lines().findFirst().orElse("")).append("\n\n");
      sb.append(minimal.render());
      sb.append("\n// ---- minimal: full detail ----\n");
      minimalReport.detail.lines().forEach(l -> sb.append("// ").append(l).append('\n'));
      sb.append("\n// ---- original program ----\n");
      original.render().lines().forEach(l -> sb.append("// ").append(l).append('\n'));
      Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
