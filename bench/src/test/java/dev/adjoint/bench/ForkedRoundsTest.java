package dev.adjoint.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adjoint.bench.SameJvm.Workload;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link ForkedRounds}: the child's rows read back to the same times, malformed output is an
 * error rather than a table, the child's heap is fixed, and a real child JVM measures a workload.
 */
class ForkedRoundsTest {

  @Test
  void rowsReadBackToTheSameTimes() {
    double[][] ns = {{4.25, 1e-3 / 3, 123456.789}, {7.0, 8.5, 9.125}};
    List<String> lines = new ArrayList<>();
    lines.add("OpenJDK 64-Bit Server VM warning: something");
    lines.addAll(ForkedRounds.format(ns));
    lines.add("");
    double[][] back = ForkedRounds.parse(lines, 2, 3);
    assertArrayEquals(ns[0], back[0], 0.0);
    assertArrayEquals(ns[1], back[1], 0.0);
  }

  @Test
  void rowsAggregateAsInOneJvm() {
    // Rounds of a two-form workload read back from a child: the row has the medians and the
    // per-round ratio min / median / max.
    List<String> lines = List.of(ForkedRounds.PREFIX + " 0 10 20 30",
        ForkedRounds.PREFIX + " 1 5 5 10");
    double[][] ns = ForkedRounds.parse(lines, 2, 3);
    assertEquals(20.0, SameJvm.median(ns[0]), 0.0);
    assertEquals("2.00 / **3.00** / 4.00", SameJvm.spread(ns[0], ns[1]));
  }

  @Test
  void malformedOutputIsAnError() {
    String p = ForkedRounds.PREFIX;
    assertThrows(IllegalStateException.class,
        () -> ForkedRounds.parse(List.of(p + " 0 1 2 3"), 2, 3), "a form missing");
    assertThrows(IllegalStateException.class,
        () -> ForkedRounds.parse(List.of(p + " 0 1 2", p + " 1 1 2 3"), 2, 3), "a round missing");
    assertThrows(IllegalStateException.class,
        () -> ForkedRounds.parse(List.of(p + " 0 1 2 3", p + " 0 1 2 3"), 2, 3), "form twice");
    assertThrows(IllegalStateException.class,
        () -> ForkedRounds.parse(List.of(p + " 0 1 2 3", p + " 2 1 2 3"), 2, 3), "no form 2");
    assertThrows(IllegalStateException.class,
        () -> ForkedRounds.parse(List.of(p + " 0 1 NaN 3", p + " 1 1 2 3"), 2, 3), "NaN");
    assertThrows(IllegalStateException.class,
        () -> ForkedRounds.parse(List.of(p + " 0 1 0 3", p + " 1 1 2 3"), 2, 3), "zero");
  }

  @Test
  void childHeapIsFixedAndPreTouched() {
    assertEquals(List.of("-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"),
        ForkedRounds.childJvmArgs(List.of()));
    assertEquals(List.of("-Dx=1", "-Xms512m", "-Xmx512m", "-XX:+AlwaysPreTouch"),
        ForkedRounds.childJvmArgs(List.of("-Xms64m", "-Dx=1", "-Xmx512m")));
    assertEquals(List.of("-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"),
        ForkedRounds.childJvmArgs(List.of("-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch")));
  }

  @Test
  void optionsSelectTheMode() {
    assertFalse(SameJvm.Options.parse(new String[0]).oneJvm());
    assertEquals(1, SameJvm.Options.parse(new String[0]).jvms());
    assertTrue(SameJvm.Options.parse(new String[] {"--one-jvm", "--rounds", "3"}).oneJvm());
    assertEquals(5, SameJvm.Options.parse(new String[] {"--jvms", "5"}).jvms());
    assertThrows(IllegalArgumentException.class,
        () -> SameJvm.Options.parse(new String[] {"--jvms", "0"}), "no JVM");
    assertThrows(IllegalArgumentException.class,
        () -> SameJvm.Options.parse(new String[] {"--jvms", "2", "--one-jvm"}), "both modes");
  }

  @Test
  void pooledJvmsKeepTheirOwnMedians() {
    // two JVMs of three rounds each, four forms (primal, API, entry, hand): the first JVM's
    // entry/hand ratios are 1.0, 1.2, 1.1, the second's 1.3, 1.5, 1.4
    double[][] first = {{1, 1, 1}, {2, 2, 2}, {10, 12, 11}, {10, 10, 10}};
    double[][] second = {{1, 1, 1}, {2, 2, 2}, {13, 15, 14}, {10, 10, 10}};
    double[][] pooled = SameJvm.pool(SameJvm.pool(new double[4][0], first), second);
    assertArrayEquals(new double[] {10, 12, 11, 13, 15, 14}, pooled[2], 0.0);
    assertEquals("1.10, 1.40", SameJvm.perJvm(pooled, 2));
    // pooled rounds: ratios 1.0 … 1.5, median of six = (1.2 + 1.3) / 2
    assertEquals("1.00 / **1.25** / 1.50", SameJvm.spread(pooled[2], pooled[3]));
    List<SameJvm.Form> forms = new ArrayList<>();
    for (String name : SameJvm.FORMS) {
      forms.add(new SameJvm.Form(name, reps -> 0));
    }
    Workload w = new Workload("w", "p = 1", forms);
    String row = SameJvm.row(w, pooled, 2);
    assertTrue(row.endsWith(" | 1.10, 1.40 |\n"), row);
    assertEquals(12, row.split("\\|", -1).length - 1, row);
  }

  @Test
  void aChildJvmMeasuresOneWorkload() {
    int index = 0;
    Workload relu = RoundsChild.Table.FIRST_ORDER.workloads().get(index);
    assertEquals("seed ReLU cost", relu.name());
    SameJvm.Options o = SameJvm.Options.parse(
        new String[] {"--rounds", "3", "--warmup-ms", "20", "--slice-ms", "5"});
    double[][] ns = ForkedRounds.run(ForkedRounds.childJvmArgs(List.of("-Xmx64m")),
        RoundsChild.Table.FIRST_ORDER, index, relu, o);
    assertEquals(4, ns.length);
    for (double[] form : ns) {
      assertEquals(3, form.length);
      for (double t : form) {
        assertTrue(t > 0 && t < 1e6, "ns per ReLU-cost call: " + t);
      }
    }
    String row = SameJvm.row(relu, ns, 1);
    assertTrue(row.startsWith("| seed ReLU cost | p = 4 | "), row);
    assertEquals(11, row.split("\\|", -1).length - 1, row);
  }

  @Test
  void aChildJvmMeasuresASecondOrderWorkload() {
    List<Workload> all = RoundsChild.Table.SECOND_ORDER.workloads();
    SameJvm.Options o = SameJvm.Options.parse(
        new String[] {"--rounds", "2", "--warmup-ms", "10", "--slice-ms", "3"});
    double[][] ns = ForkedRounds.run(ForkedRounds.childJvmArgs(List.of("-Xmx64m")),
        RoundsChild.Table.SECOND_ORDER, 0, all.get(0), o);
    assertEquals(all.get(0).forms().size(), ns.length);
    assertTrue(SecondOrderSameJvm.row(all.get(0), ns).startsWith("| second-order Rosenbrock"));
  }
}
