package dev.adjoint.issue14;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Each fixture compiled once per JVM (with the processor, or without it for the oracles). */
final class Compiled14 {
  private static final Map<String, Javac14.Result> CACHE = new HashMap<>();

  private Compiled14() {}

  static Javac14.Result shapes() {
    return cached("shapes", () -> Javac14.withProcessor(
        ShapesFixture.sources(Modes14.SECOND_ORDER)));
  }

  static Javac14.Result mgh() {
    return cached("mgh", () -> Javac14.withProcessor(MghFixture.sources(Modes14.SECOND_ORDER)));
  }

  static Javac14.Result seed() {
    return cached("seed", () -> Javac14.withProcessor(
        SeedFixture.sources(Modes14.SECOND_ORDER)));
  }

  static Javac14.Result vec() {
    return cached("vec", () -> Javac14.withProcessor(VecFixture.sources(Modes14.JACOBIAN)));
  }

  /** The fixtures' primal methods alone: no modes element, no processor. */
  static Javac14.Result plain() {
    return cached("plain", () -> {
      Map<String, String> all = new java.util.LinkedHashMap<>();
      all.putAll(ShapesFixture.sources());
      all.putAll(MghFixture.sources());
      all.putAll(SeedFixture.sources());
      all.putAll(VecFixture.sources());
      return Javac14.withoutProcessor(all);
    });
  }

  static synchronized Javac14.Result cached(String key,
      Supplier<Javac14.Result> compile) {
    return CACHE.computeIfAbsent(key, k -> compile.get());
  }
}
