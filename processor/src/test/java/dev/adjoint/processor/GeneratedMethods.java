package dev.adjoint.processor;

import static dev.adjoint.processor.TestSource.adjoint;
import static dev.adjoint.processor.TestSource.assertNoCrash;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Generated source text for the source-shape tests (the *SourceTest classes). */
final class GeneratedMethods {
  private GeneratedMethods() {}

  /** The source of {@code generatedClass} (qualified) generated from {@code source}. */
  static String generated(TestSource source, String generatedClass) {
    Compilation c = adjoint().compile(source.file);
    assertNoCrash(c);
    try {
      return c.generatedSourceFile(generatedClass).orElseThrow().getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The text of the generated method {@code name} returning {@code double}, from its signature
   * to its closing brace.
   */
  static String method(String code, String name) {
    int start = code.indexOf("double " + name + "(");
    int end = code.indexOf("\n  }\n", start);
    return code.substring(start, end);
  }
}
