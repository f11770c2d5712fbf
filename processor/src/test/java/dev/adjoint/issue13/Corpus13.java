package dev.adjoint.issue13;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every program of the issue-13 corpus, and which of them the processor rejects today. */
final class Corpus13 {
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

  /** Every program: all of them compile and are checked (none is rejected any more). */
  static List<String> accepted() {
    return all().stream().map(Program13::name).toList();
  }
}
