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
      Path file) {
    /** The generator shapes left in the minimal program ("base" if none). */
    String shapes() {
      java.util.SortedSet<String> s = minimal.shapes();
      return s.isEmpty() ? "base" : String.join("+", s);
    }
  }

  /** Totals for the summary line. */
  static final class Stats {
    int programs;
    int checked;
    int pointsCompared;
    int pointsSkipped;
    int coordinatesCompared;
    int coordinatesSkipped;
    int tangentsCompared;
    int hvpsCompared;
    int hvpIntosCompared;
    int nonFiniteAdjoints;
    int skippedPrograms;
    int invalid;
    int rejected;
    int lintWarnings;
    final List<Finding> findings = new ArrayList<>();
    final Map<String, Integer> signatures = new LinkedHashMap<>();
    final List<String> invalidExamples = new ArrayList<>();
    /** Rejections by normalised processor message, and one offending source line for each. */
    final Map<String, Integer> rejections = new java.util.TreeMap<>();
    final Map<String, String> rejectionExamples = new LinkedHashMap<>();
    /** Per generator shape: programs containing it, rejected ones, ones with a finding. */
    final Map<String, int[]> shapes = new java.util.TreeMap<>();
    /** Findings (signature and shrunk program's shapes) → count. */
    final Map<String, Integer> findingGroups = new java.util.TreeMap<>();
    long compileMillis;

    /** Per shape: {programs, rejected, findings}. */
    String shapeTable() {
      StringBuilder sb = new StringBuilder("  shape: programs, rejected, findings\n");
      shapes.forEach((k, v) -> sb.append(String.format("    %-12s %5d %5d %5d%n", k, v[0], v[1],
          v[2])));
      return sb.toString();
    }

    String summary() {
      return String.format("fuzz: %d programs, %d checked, %d points compared (%d coordinates),"
          + " %d mismatches/failures (%d distinct), %d programs skipped, %d points skipped"
          + " (%d coordinates, %d of them NaN/infinite adjoints where a value overflowed),"
          + " %d rejected by the processor (a located error: not a finding),"
          + " %d invalid (generator bugs), %d lint warnings in generated code, javac %d ms;"
          + " mTangent checked at %d points, mHvp at %d (mHvpInto equal to it at %d)",
          programs, checked, pointsCompared, coordinatesCompared, findings.size(),
          signatures.size(), skippedPrograms, pointsSkipped, coordinatesSkipped,
          nonFiniteAdjoints, rejected, invalid, lintWarnings, compileMillis, tangentsCompared,
          hvpsCompared, hvpIntosCompared);
    }
  }

  private final Path findingsDir;
  private final boolean shrink;
  private final int maxShrinks;
  private int shrinkBudget = Shrinker.DEFAULT_BUDGET;

  FuzzRunner(Path findingsDir, boolean shrink, int maxShrinks) {
    this.findingsDir = findingsDir;
    this.shrink = shrink;
    this.maxShrinks = maxShrinks;
  }

  /** Compilations per shrink. */
  FuzzRunner withShrinkBudget(int budget) {
    this.shrinkBudget = budget;
    return this;
  }

  Stats run(long seed, int count, int batchSize) {
    Stats stats = new Stats();
    SplittableRandom seeds = new SplittableRandom(seed);
    int shrinks = 0;
    java.util.Set<String> shrunk = new java.util.HashSet<>();
    for (int start = 0; start < count; start += batchSize) {
      List<Program> batch = new ArrayList<>();
      for (int i = start; i < Math.min(count, start + batchSize); i++) {
        long s = seeds.nextLong();
        batch.add(new ProgramGenerator(s).generate(PACKAGE, "P" + i));
      }
      Map<Program, Report> reports = new java.util.IdentityHashMap<>();
      checkBatch(batch, stats, true, reports);
      for (Program p : batch) {
        stats.programs++;
        Report report = reports.get(p);
        java.util.SortedSet<String> shapes = p.shapes();
        for (String sh : shapes) {
          stats.shapes.computeIfAbsent(sh, k -> new int[3])[0]++;
        }
        stats.pointsCompared += report.pointsCompared;
        stats.pointsSkipped += report.pointsSkipped;
        stats.coordinatesCompared += report.coordinatesCompared;
        stats.coordinatesSkipped += report.coordinatesSkipped;
        stats.tangentsCompared += report.tangentsCompared;
        stats.hvpsCompared += report.hvpsCompared;
        stats.hvpIntosCompared += report.hvpIntosCompared;
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
          case REJECTED -> {
            stats.rejected++;
            for (String sh : shapes) {
              stats.shapes.get(sh)[1]++;
            }
            for (String line : report.detail.split("\n")) {
              int tab = line.indexOf('\t');
              String msg = tab < 0 ? line : line.substring(0, tab);
              stats.rejections.merge(msg, 1, Integer::sum);
              stats.rejectionExamples.putIfAbsent(msg, tab < 0 ? "" : line.substring(tab + 1));
            }
          }
          default -> {
            for (String sh : shapes) {
              stats.shapes.get(sh)[2]++;
            }
            String sig = signature(report);
            stats.signatures.merge(sig, 1, Integer::sum);
            Program minimal = p;
            Report minimalReport = report;
            // one shrink per signature and combination of shapes
            String key = sig + " " + shapes;
            if (shrink && shrinks < maxShrinks && shrunk.add(key)) {
              shrinks++;
              minimal = new Shrinker(this, sig, shrinkBudget).shrink(p);
              minimalReport = evaluate(minimal, null);
            }
            Path file = write(p, report, minimal, minimalReport);
            Finding f = new Finding(p, report, minimal, minimalReport, file);
            stats.findings.add(f);
            stats.findingGroups.merge(sig + " in " + (minimal == p ? "(not shrunk) " : "")
                + f.shapes(), 1, Integer::sum);
            System.out.println("FINDING " + sig + " seed=" + p.seed + " shapes=" + f.shapes()
                + " -> " + file + "\n  " + report.detail.lines().findFirst().orElse(""));
          }
        }
      }
    }
    return stats;
  }

  /**
   * Compiles a batch together. When javac fails, the programs with an error in their own file
   * (or their Grad file) are evaluated one by one and the others compiled again as a batch.
   */
  private void checkBatch(List<Program> batch, Stats stats, boolean split,
      Map<Program, Report> reports) {
    Map<String, String> sources = new LinkedHashMap<>();
    for (Program p : batch) {
      sources.put(p.qualifiedName(), p.render());
    }
    InMemoryCompiler.Result r = InMemoryCompiler.compile(sources);
    stats.compileMillis += r.millis;
    if (r.crash == null && r.success) {
      for (Program p : batch) {
        stats.lintWarnings += lint(r, p);
        Report report = r.generated.containsKey(gradPath(p)) ? check(r.loader(), p)
            : evaluate(p, stats);
        reports.put(p, report);
      }
      return;
    }
    if (r.crash == null && split) {
      java.util.Set<Program> bad = java.util.Collections.newSetFromMap(
          new java.util.IdentityHashMap<>());
      boolean unattributed = false;
      for (Diag d : r.errors()) {
        Program owner = null;
        for (Program p : batch) {
          if (d.file() != null && (d.file().endsWith("/" + p.className + ".java")
              || d.file().endsWith("/" + p.className + "Grad.java"))) {
            owner = p;
          }
        }
        if (owner == null) {
          unattributed = true;
        } else {
          bad.add(owner);
        }
      }
      if (!unattributed && !bad.isEmpty()) {
        List<Program> rest = new ArrayList<>();
        Map<Program, List<Diag>> rejected = new LinkedHashMap<>();
        for (Program p : batch) {
          if (!bad.contains(p)) {
            rest.add(p);
            continue;
          }
          List<Diag> own = r.errors().stream().filter(d -> d.file().endsWith("/"
              + p.qualifiedName().replace('.', '/') + ".java")).toList();
          boolean plainRejection = own.size() == r.errors().stream().filter(d -> d.file()
              .contains("/" + p.className)).count()
              && own.stream().allMatch(d -> d.fromProcessor() && d.line() > 0
              && !d.message().contains("internal error"));
          if (plainRejection) {
            rejected.put(p, own);
          } else {
            reports.put(p, evaluate(p, stats));
          }
        }
        if (!rejected.isEmpty()) {
          // the processor's errors from the batch stand; one javac run without it checks that
          // the rejected programs are valid Java
          Map<String, String> plainSources = new LinkedHashMap<>();
          rejected.keySet().forEach(p -> plainSources.put(p.qualifiedName(), p.render()));
          InMemoryCompiler.Result plain = InMemoryCompiler.compile(plainSources,
              List.of("-proc:none"));
          stats.compileMillis += plain.millis;
          for (Map.Entry<Program, List<Diag>> e : rejected.entrySet()) {
            reports.put(e.getKey(), plain.success ? rejection(e.getKey(), e.getValue())
                : evaluate(e.getKey(), stats));
          }
        }
        if (!rest.isEmpty()) {
          checkBatch(rest, stats, false, reports);
        }
        return;
      }
    }
    for (Program p : batch) {
      reports.put(p, evaluate(p, stats));
    }
  }

  /** A REJECTED report: each located processor error with the source line it points at. */
  private static Report rejection(Program p, List<Diag> fromProcessor) {
    String[] lines = p.render().split("\n", -1);
    StringBuilder sb = new StringBuilder();
    for (Diag d : fromProcessor) {
      String at = d.line() <= lines.length ? lines[(int) d.line() - 1].trim() : "";
      sb.append(sb.length() == 0 ? "" : "\n").append(normalise(d.message())).append('\t')
          .append(at);
    }
    return new Report().fail(Verdict.REJECTED, sb.toString());
  }

  private static String gradPath(Program p) {
    return (p.pkg.isEmpty() ? "" : p.pkg.replace('.', '/') + "/") + p.className + "Grad.java";
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
    List<Diag> fromProcessor = errors.stream().filter(Diag::fromProcessor).toList();
    for (Diag d : fromProcessor) {
      if (d.message().contains("internal error")) {
        // a caught crash reported as an error: still a crash
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("internal error \\(([\\w.$]+)")
            .matcher(d.message());
        return report.fail(Verdict.PROCESSOR_CRASH, "internal error " + (m.find() ? m.group(1)
            : "") + ": " + d);
      }
    }
    if (!fromProcessor.isEmpty()) {
      String userFile = "/" + p.qualifiedName().replace('.', '/') + ".java";
      for (Diag d : fromProcessor) {
        if (d.file() == null || !d.file().endsWith(userFile) || d.line() <= 0) {
          return report.fail(Verdict.PROCESSOR_ERROR, d.toString());
        }
      }
      // A rejection counts only for valid Java: the processor reports before javac attributes.
      InMemoryCompiler.Result plain = InMemoryCompiler.compile(sources, List.of("-proc:none"));
      if (!plain.success) {
        return report.fail(Verdict.INVALID, "javac without the processor: " + plain.errors());
      }
      return rejection(p, fromProcessor);
    }
    if (!errors.isEmpty() || !r.success) {
      return report.fail(Verdict.INVALID, "javac: " + errors);
    }
    if (!r.generated.containsKey(gradPath(p))) {
      return report.fail(Verdict.NO_OUTPUT, "no error, no " + gradPath(p) + "; generated: "
          + r.generated.keySet());
    }
    return check(r.loader(), p);
  }

  /** A processor message without names and numbers, for the rejection histogram. */
  static String normalise(String message) {
    String m = message.lines().findFirst().orElse("");
    m = m.replaceAll("'[^']*'", "'_'").replaceAll("`[^`]*`", "`_`").replaceAll("\\d+", "N");
    return m.length() > 110 ? m.substring(0, 110) : m;
  }

  Report check(ClassLoader loader, Program p) {
    Future<Report> f = EXEC.submit(() -> ModelArgs.andModel(GradientOracle.check(loader,
        p.qualifiedName(), p.entry().name, p.entry().params, p.seed ^ 0x5DEECE66DL, POINTS),
        loader, p, POINTS));
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
      case PROCESSOR_CRASH -> {
        int colon = d.indexOf(':');
        yield colon < 0 ? d : d.substring(0, colon);
      }
      case GRADIENT_THROWS -> {
        String e = d.startsWith("at (") && d.contains("): ") ? d.substring(d.indexOf("): ") + 3)
            : d;
        int end = e.indexOf(':');
        int sp = e.indexOf(' ');
        end = end < 0 ? sp : sp < 0 ? end : Math.min(end, sp);
        yield end < 0 ? e : e.substring(0, end);
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
      case NO_OUTPUT -> "";
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
