package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertWithMessage;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.adjoint.processor.diag.Problem;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * A test source whose text is kept, so that tests can find the line and column of a fragment
 * instead of hard-coding numbers that silently drift when the source is edited.
 */
final class TestSource {
  /** The start of each error and warning of ours: {@code [adjoint:<id>] }, then the message. */
  private static final java.util.regex.Pattern IDENTIFIED =
      java.util.regex.Pattern.compile("\\[adjoint:([a-z]+(?:-[a-z]+)*)\\] \\S");
  private static final java.util.Set<String> IDS = java.util.Arrays.stream(Problem.values())
      .map(Problem::id).collect(java.util.stream.Collectors.toUnmodifiableSet());

  final String name;
  final String text;
  final JavaFileObject file;

  private TestSource(String name, String text) {
    this.name = name;
    this.text = text;
    this.file = JavaFileObjects.forSourceString(name, text);
  }

  static TestSource of(String qualifiedName, String text) {
    return new TestSource(qualifiedName, text);
  }

  /** The 1-based line of the only line containing {@code fragment}. */
  long line(String fragment) {
    String[] lines = text.split("\n", -1);
    int found = -1;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(fragment)) {
        if (found != -1) {
          throw new AssertionError("fragment '" + fragment + "' is on several lines of " + name);
        }
        found = i;
      }
    }
    if (found == -1) {
      throw new AssertionError("fragment '" + fragment + "' is not in " + name);
    }
    return found + 1;
  }

  /** The 1-based column where {@code fragment} starts, on the only line containing it. */
  long column(String fragment) {
    String[] lines = text.split("\n", -1);
    return lines[(int) line(fragment) - 1].indexOf(fragment) + 1;
  }

  /** The 1-based column of {@code inner}, searched for inside the line holding {@code fragment}. */
  long column(String fragment, String inner) {
    String[] lines = text.split("\n", -1);
    String l = lines[(int) line(fragment) - 1];
    int start = l.indexOf(fragment);
    return l.indexOf(inner, start) + 1;
  }

  static Compiler adjoint() {
    return Compiler.javac().withProcessors(new AdjointProcessor());
  }

  /**
   * The processor must never crash: no diagnostic may carry an exception, a stack frame of ours,
   * or the processor's "internal error" fallback message.
   */
  static void assertNoCrash(Compilation c) {
    for (Diagnostic<? extends JavaFileObject> d : c.diagnostics()) {
      String m = d.getMessage(Locale.ROOT);
      assertWithMessage("diagnostic looks like a crash: %s", d).that(m).doesNotContain("Exception");
      assertWithMessage("diagnostic looks like a crash: %s", d).that(m)
          .doesNotContain("at dev.adjoint");
      assertWithMessage("diagnostic looks like a crash: %s", d).that(m)
          .doesNotContain("internal error");
      assertWithMessage("diagnostic looks like a crash: %s", d).that(m)
          .doesNotContain("\tat ");
      assertIdentified(d);
    }
  }

  /**
   * Every error and warning of ours (javac's "proc.messager" diagnostics) starts with the
   * identifier of a {@link Problem}: {@code [adjoint:<id>] }. Notes (the summary) have none.
   */
  static void assertIdentified(Diagnostic<? extends JavaFileObject> d) {
    String code = d.getCode();
    if (code == null || d.getKind() == Diagnostic.Kind.NOTE
        || !code.startsWith("compiler.err.proc.messager")
        && !code.startsWith("compiler.warn.proc.messager")) {
      return;
    }
    java.util.regex.Matcher m = IDENTIFIED.matcher(d.getMessage(Locale.ROOT));
    assertWithMessage("our diagnostic has no [adjoint:<id>] prefix: %s", d).that(m.lookingAt())
        .isTrue();
    assertWithMessage("unknown identifier in %s", d).that(IDS).contains(m.group(1));
  }

  /** Every diagnostic, one per line, for failure messages. */
  static String describe(List<? extends Diagnostic<? extends JavaFileObject>> diagnostics) {
    StringBuilder sb = new StringBuilder();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
      sb.append(d.getKind()).append(' ')
          .append(d.getSource() == null ? "-" : d.getSource().getName()).append(':')
          .append(d.getLineNumber()).append(':').append(d.getColumnNumber()).append(' ')
          .append(d.getMessage(Locale.ROOT)).append('\n');
    }
    return sb.toString();
  }
}
