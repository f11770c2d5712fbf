package dev.adjoint.processor.ir;

import java.util.HashSet;
import java.util.Set;

/**
 * Hands out names that collide with nothing the user wrote: a preferred name when it is free,
 * otherwise the preferred name with the smallest free numeric suffix. Deterministic, so generated
 * code is the same on every build.
 */
public final class Namer {
  private final Set<String> taken = new HashSet<>();

  public Namer(Set<String> reserved) {
    taken.addAll(reserved);
  }

  /**
   * Marks {@code name} as taken, as a user's name kept as it is: a local of an inlined helper
   * is not among the names of the method's own source, which the reserved set holds.
   */
  public void reserve(String name) {
    taken.add(name);
  }

  /** Every name taken: the reserved ones and those handed out. */
  public Set<String> claimed() {
    return java.util.Collections.unmodifiableSet(taken);
  }

  public String claim(String preferred) {
    if (taken.add(preferred)) {
      return preferred;
    }
    for (int i = 2; ; i++) {
      String candidate = preferred + i;
      if (taken.add(candidate)) {
        return candidate;
      }
    }
  }
}
