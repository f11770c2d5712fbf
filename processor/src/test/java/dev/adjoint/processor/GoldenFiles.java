package dev.adjoint.processor;

import static com.google.common.truth.Truth.assertWithMessage;
import static dev.adjoint.processor.TestSource.adjoint;
import static dev.adjoint.processor.TestSource.assertNoCrash;
import static dev.adjoint.processor.TestSource.describe;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.JavaFileObject;

/**
 * A generated class against its golden file in {@code src/test/resources/golden}: compiled with
 * the processor and {@code -Xlint:all}, compared with (or, with {@code -Dadjoint.updateGolden=true},
 * written to) {@code <Name>Grad.java.golden}, then compiled again beside its source with
 * {@code -Xlint:all -Werror}.
 */
final class GoldenFiles {
  private static final boolean UPDATE = Boolean.getBoolean("adjoint.updateGolden");

  private GoldenFiles() {}

  /** The generated {@code <className>Grad} of {@code source}, checked as above. */
  static String checked(String className, String source) throws IOException {
    JavaFileObject file = JavaFileObjects.forSourceString(className, source);
    Compilation c = adjoint().withOptions("-Xlint:all").compile(file);
    assertNoCrash(c);
    assertWithMessage(describe(c.diagnostics())).that(c.status())
        .isEqualTo(Compilation.Status.SUCCESS);
    String actual = c.generatedSourceFile(className + "Grad").orElseThrow()
        .getCharContent(true).toString();
    Path golden = goldenDir().resolve(className.substring(className.lastIndexOf('.') + 1)
        + "Grad.java.golden");
    if (UPDATE) {
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    } else {
      assertWithMessage("golden file %s", golden).that(actual)
          .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }
    Compilation strict = Compiler.javac().withOptions("-Xlint:all", "-Werror").compile(file,
        JavaFileObjects.forSourceString(className + "Grad", actual));
    assertWithMessage(describe(strict.diagnostics())).that(strict.status())
        .isEqualTo(Compilation.Status.SUCCESS);
    return actual;
  }

  private static Path goldenDir() {
    String base = System.getProperty("basedir");
    Path module = base != null ? Path.of(base) : Path.of("").toAbsolutePath();
    if (!Files.isDirectory(module.resolve("src/test/resources"))
        && Files.isDirectory(module.resolve("processor/src/test/resources"))) {
      module = module.resolve("processor");
    }
    return module.resolve("src/test/resources/golden");
  }
}
