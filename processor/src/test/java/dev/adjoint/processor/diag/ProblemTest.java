package dev.adjoint.processor.diag;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The message identifiers are stable keys: unique, kebab-case, printed first, and each one
 * documented in README's "Message identifiers" (and nothing listed there that is not one).
 */
class ProblemTest {

  private static final Pattern KEBAB = Pattern.compile("[a-z]+(-[a-z]+)*");
  /** A line of the README list: {@code - `array-alias`: when it is reported}. */
  private static final Pattern LISTED = Pattern.compile("^- `([^`]+)`: \\S.*$", Pattern.MULTILINE);

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

  @Test
  void everyIdIsListedInTheReadmeAndNothingElse() throws IOException {
    String section = messageIdentifiersSection();
    List<String> listed = new ArrayList<>();
    Matcher m = LISTED.matcher(section);
    while (m.find()) {
      listed.add(m.group(1));
    }
    List<String> ids = Arrays.stream(Problem.values()).map(Problem::id).toList();
    assertWithMessage("README's Message identifiers, in the order of Problem")
        .that(listed).containsExactlyElementsIn(ids).inOrder();
  }

  /** The text of README's "Message identifiers" subsection, up to the next heading. */
  private static String messageIdentifiersSection() throws IOException {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("README.md"))) {
      dir = dir.getParent();
    }
    assertWithMessage("README.md above %s", Path.of("").toAbsolutePath()).that(dir).isNotNull();
    String readme = Files.readString(dir.resolve("README.md"));
    int start = readme.indexOf("\n### Message identifiers\n");
    assertWithMessage("README has a ### Message identifiers subsection").that(start)
        .isAtLeast(0);
    int end = readme.indexOf("\n#", start + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }
}
