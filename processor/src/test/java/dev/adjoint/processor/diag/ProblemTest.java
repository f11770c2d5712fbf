package dev.adjoint.processor.diag;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The message identifiers are stable keys: unique, kebab-case, printed first, and each one
 * documented in README's "Message identifiers" (and nothing listed there that is not one).
 */
class ProblemTest {

  private static final Pattern KEBAB = Pattern.compile("[a-z]+(-[a-z]+)*");

  @Test
  void idsAreUniqueAndKebabCase() {
    Set<String> seen = new HashSet<>();
    for (Problem p : Problem.values()) {
      assertWithMessage("%s", p).that(KEBAB.matcher(p.id()).matches()).isTrue();
      assertWithMessage("%s repeats an id", p).that(seen.add(p.id())).isTrue();
    }
  }

  @Test
  void idsFollowTheConstantNames() {
    // One spelling in the code and in the logs: ARRAY_ALIAS is array-alias.
    for (Problem p : Problem.values()) {
      assertThat(p.id()).isEqualTo(p.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }
  }

  @Test
  void theIdComesFirst() {
    assertThat(Problem.ARRAY_ALIAS.format("array 'y' must be initialized"))
        .isEqualTo("[adjoint:array-alias] array 'y' must be initialized");
    assertThat(Problem.INTERNAL_ERROR.format("x\n\tat a.B.c(B.java:1)\n"))
        .isEqualTo("[adjoint:internal-error] x\n\tat a.B.c(B.java:1)\n");
  }
}
