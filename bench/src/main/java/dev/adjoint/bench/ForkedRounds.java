package dev.adjoint.bench;

import dev.adjoint.bench.SameJvm.Workload;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one workload's rotated rounds in a JVM of its own and reads back its times.
 *
 * <p>Why: the generated code shares a runtime ({@code Tape.pushDouble/popDouble},
 * {@code AdjointArrays}, {@code Activations}) whose JIT profile, in one JVM, is shaped by every
 * workload that ran before; the hand-written gradients share nothing. GradBench llsq measured
 * 1.61× hand-written after the other workloads and 0.73× alone, same jar. A child JVM per
 * workload (as JMH forks per benchmark) gives every workload a clean profile, while its forms
 * still run interleaved, so each ratio is still taken within a round.
 *
 * <p>The child ({@link RoundsChild}) gets this JVM's flags with a fixed, pre-touched heap and the
 * same class path, and prints one line per form: {@value #PREFIX}, the form's index, then its
 * ns per operation for every round.
 */
final class ForkedRounds {
  private ForkedRounds() {}

  /** Starts every line of the child's output that carries times. */
  static final String PREFIX = "rounds-ns";

  /** The child's heap when this JVM was started without {@code -Xmx}. */
  static final String DEFAULT_HEAP = "2g";

  /** This JVM's flags. */
  static List<String> parentJvmArgs() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments();
  }

  /**
   * The child's JVM flags: the parent's, with {@code -Xms} equal to {@code -Xmx} (the parent's
   * {@code -Xmx}, else {@value #DEFAULT_HEAP}) and {@code -XX:+AlwaysPreTouch}, so no heap
   * growth or first-touch page fault lands in a slice.
   */
  static List<String> childJvmArgs(List<String> parent) {
    String heap = DEFAULT_HEAP;
    List<String> args = new ArrayList<>();
    for (String a : parent) {
      if (a.startsWith("-Xmx")) {
        heap = a.substring(4);
      } else if (!a.startsWith("-Xms") && !a.equals("-XX:+AlwaysPreTouch")
          && !a.equals("-XX:-AlwaysPreTouch")) {
        args.add(a);
      }
    }
    args.add("-Xms" + heap);
    args.add("-Xmx" + heap);
    args.add("-XX:+AlwaysPreTouch");
    return args;
  }

  /**
   * Measures workload {@code index} of {@code table} in a child JVM.
   *
   * @return ns per operation, indexed by form then round, as {@link SameJvm#rotatedRounds}
   */
  static double[][] run(List<String> jvmArgs, RoundsChild.Table table, int index, Workload w,
      SameJvm.Options o) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(RoundsChild.class.getName());
    command.addAll(List.of(table.name(), Integer.toString(index), Integer.toString(o.rounds()),
        Long.toString(o.warmupMs()), Long.toString(o.sliceMs())));
    List<String> lines = new ArrayList<>();
    int exit;
    try {
      Process child = new ProcessBuilder(command)
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          lines.add(line);
        }
      }
      exit = child.waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while measuring " + w.name(), e);
    }
    if (exit != 0) {
      throw new IllegalStateException("the JVM measuring " + w.name() + " exited with " + exit
          + ": " + String.join(" ", command) + "\n" + String.join("\n", lines));
    }
    return parse(lines, w.forms().size(), o.rounds());
  }

  /** The lines a child prints for {@code ns} (indexed by form then round). */
  static List<String> format(double[][] ns) {
    List<String> lines = new ArrayList<>();
    for (int f = 0; f < ns.length; f++) {
      StringBuilder sb = new StringBuilder(PREFIX).append(' ').append(f);
      for (double t : ns[f]) {
        sb.append(' ').append(t); // Double.toString: reads back to the same double
      }
      lines.add(sb.toString());
    }
    return lines;
  }

  /**
   * Reads the times back from a child's output, ignoring every line not starting with
   * {@value #PREFIX} (JVM warnings, say).
   *
   * @throws IllegalStateException unless every form has exactly {@code rounds} positive times
   */
  static double[][] parse(List<String> lines, int forms, int rounds) {
    double[][] ns = new double[forms][];
    for (String line : lines) {
      String[] words = line.trim().split("\\s+");
      if (!words[0].equals(PREFIX)) {
        continue;
      }
      int f = Integer.parseInt(words[1]);
      if (f < 0 || f >= forms || ns[f] != null || words.length != rounds + 2) {
        throw new IllegalStateException("unexpected row (" + forms + " forms, " + rounds
            + " rounds): " + line);
      }
      ns[f] = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        ns[f][r] = Double.parseDouble(words[r + 2]);
        if (!(ns[f][r] > 0) || Double.isInfinite(ns[f][r])) {
          throw new IllegalStateException("not a time: " + words[r + 2] + " in " + line);
        }
      }
    }
    for (int f = 0; f < forms; f++) {
      if (ns[f] == null) {
        throw new IllegalStateException("no times for form " + f + " in:\n"
            + String.join("\n", lines));
      }
    }
    return ns;
  }
}
