package dev.adjoint.issue13;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every program of the issue-13 corpus, and which of them the processor rejects today. */
final class Corpus13 {
  /**
   * Programs that do not compile today, each asserted to still fail to compile. When a feature
   * of issue 13 lands and one of them compiles, its test fails: move its name out of this set,
   * and the gradient test then checks it.
   */
  static final Set<String> REJECTED_TODAY = Set.of(
      "BundleAdjustment", "StandardizeInPlace");

  private Corpus13() {}

  static List<Program13> all() {
    List<Program13> all = new ArrayList<>();
    all.addAll(NeuralPrograms13.all());
    all.addAll(SolverPrograms13.all());
    all.addAll(BenchmarkPrograms13.all());
    all.addAll(StatsPrograms13.all());
    all.addAll(MghPrograms13.all());
    all.addAll(AliasPrograms13.all());
    return all;
  }

  static Map<String, Program13> byName() {
    Map<String, Program13> m = new LinkedHashMap<>();
    for (Program13 p : all()) {
      if (m.put(p.name(), p) != null) {
        throw new IllegalStateException("two programs named " + p.name());
      }
    }
    return m;
  }

  static List<String> accepted() {
    return all().stream().map(Program13::name).filter(n -> !REJECTED_TODAY.contains(n)).toList();
  }

  static List<String> rejected() {
    return all().stream().map(Program13::name).filter(REJECTED_TODAY::contains).toList();
  }
}
