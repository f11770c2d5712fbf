package dev.adjoint.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's integration snippets, taken from README.md between their markers, so that the
 * README and this test cannot drift: each builds a fresh project against the jars this build
 * just packaged, with {@code -Xlint:all -Werror}, runs it, and compares its output with the
 * README's. Runs on whatever JDK runs the build (CI: 17 and 25).
 */
class SnippetsTest {
  private static final Path ROOT = Path.of(System.getProperty("adjoint.root", "..")).normalize()
      .toAbsolutePath();
  private static final String VERSION = System.getProperty("adjoint.version");
  private static final Path WORK = ROOT.resolve("integration/target/it");
  private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

  private static String readme;
  private static Path runtimeJar;
  private static Path processorJar;

  @BeforeAll
  static void packagedJars() throws IOException {
    assertNotNull(VERSION, "run through Maven: adjoint.version is not set");
    readme = Files.readString(ROOT.resolve("README.md"));
    runtimeJar = ROOT.resolve("runtime/target/adjoint-runtime-" + VERSION + ".jar");
    processorJar = ROOT.resolve("processor/target/adjoint-processor-" + VERSION + ".jar");
    assertTrue(Files.isRegularFile(runtimeJar), runtimeJar + ": run `mvn verify`, not `mvn test`");
    assertTrue(Files.isRegularFile(processorJar), processorJar + " is missing");
  }

  // ------------------------------------------------------------------------------ the jars

  @Test
  void theProcessorIsOneJarWithJavaPoetRelocated() throws IOException {
    try (JarFile jar = new JarFile(processorJar.toFile())) {
      assertNotNull(jar.getEntry("META-INF/services/javax.annotation.processing.Processor"));
      assertNotNull(jar.getEntry("dev/adjoint/processor/shaded/javapoet/JavaFile.class"));
      assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("com/palantir/")),
          "JavaPoet must be relocated, not copied");
      assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith("dev/adjoint/")
          && !e.isDirectory() && !e.getName().startsWith("dev/adjoint/processor/")),
          "the runtime's classes belong to adjoint-runtime alone");
      // Deliberately not incremental in Gradle: see the README's Gradle paragraph.
      assertNull(jar.getEntry("META-INF/gradle/incremental.annotation.processors"));
    }
    // The installed POM declares nothing that a processor path would have to fetch.
    String pom = Files.readString(ROOT.resolve("processor/target/dependency-reduced-pom.xml"));
    Matcher dependency = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL)
        .matcher(pom);
    while (dependency.find()) {
      String d = dependency.group(1);
      assertTrue(d.contains("<scope>test</scope>") || d.contains("<scope>provided</scope>"),
          "the processor's POM must not bring a dependency along: " + d);
    }
  }

  // ----------------------------------------------------------------------------------- Maven

  @Test
  void theMavenSnippetBuildsAndRunsAFreshProject() throws Exception {
    String snippet = snippet("maven");
    assertTrue(snippet.contains("<version>3.14.0</version>"),
        "the compiler plugin's version must be pinned: Maven 3.8 defaults to 3.1");
    assertEquals(2, count(snippet, "<version>" + VERSION + "</version>"));
    Path project = fresh("maven");
    // A user's project: the README's snippet inside a POM, plus the lint flags of this test.
    assertEquals(1, count(snippet, "<configuration>"));
    String withLint = snippet.replace("<configuration>", "<configuration>\n"
        + "<compilerArgs><arg>-Xlint:all</arg><arg>-Werror</arg></compilerArgs>");
    write(project.resolve("pom.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <project xmlns="http://maven.apache.org/POM/4.0.0"
                 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                 xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
          <modelVersion>4.0.0</modelVersion>
          <groupId>com.example</groupId>
          <artifactId>first-gradient</artifactId>
          <version>1.0</version>
        """ + withLint + "\n</project>\n");
    writeSources(project.resolve("src/main/java"));
    // Stops the mvn script's search for a .mvn directory at this project.
    Files.createDirectories(project.resolve(".mvn"));

    Path repo = localRepository();
    write(project.resolve("settings.xml"), settings(repo));
    // Offline, with the file repository allowed: the build's own local repository already has
    // every plugin and dependency. Online again only if that fails (a cold local repository).
    List<String> mvn = List.of(mavenExecutable(), "-B", "-q", "-s", "settings.xml", "compile");
    List<String> offline = new ArrayList<>(mvn);
    offline.addAll(1, List.of("-o", "-Daether.offline.protocols=file"));
    Run build = run(project, offline);
    if (build.exit != 0) {
      build = run(project, mvn);
    }
    assertEquals(0, build.exit, "the README's Maven snippet does not build:\n" + build.output);
    assertTrue(build.output.lines().noneMatch(l -> l.startsWith("[WARNING]")
        || l.startsWith("[ERROR]")), "the build printed:\n" + build.output);
    assertTrue(Files.isRegularFile(project.resolve(
        "target/generated-sources/annotations/com/example/NetGrad.java")));

    Run main = run(project, List.of(JAVA_HOME.resolve("bin/java").toString(), "-cp",
        "target/classes" + File.pathSeparator + runtimeJar, "com.example.Main"));
    assertEquals(0, main.exit, main.output);
    assertEquals(snippet("output").strip(), main.output.strip());
  }

  /**
   * A local repository of its own, holding the adjoint artifacts as {@code mvn install} would;
   * everything else comes from the build's own local repository through a file URL, so that the
   * child build needs no network and touches nothing outside target/.
   */
  private static Path localRepository() throws IOException {
    Path repo = WORK.resolve("m2");
    Path adjoint = repo.resolve("dev/adjoint");
    deleteRecursively(adjoint);
    install(ROOT.resolve("pom.xml"), adjoint, "adjoint-parent", "pom");
    install(ROOT.resolve("runtime/pom.xml"), adjoint, "adjoint-runtime", "pom");
    install(runtimeJar, adjoint, "adjoint-runtime", "jar");
    install(ROOT.resolve("processor/target/dependency-reduced-pom.xml"), adjoint,
        "adjoint-processor", "pom");
    install(processorJar, adjoint, "adjoint-processor", "jar");
    return repo;
  }

  private static void install(Path file, Path group, String artifact, String extension)
      throws IOException {
    Path dir = group.resolve(artifact).resolve(VERSION);
    Files.createDirectories(dir);
    Files.copy(file, dir.resolve(artifact + "-" + VERSION + "." + extension),
        StandardCopyOption.REPLACE_EXISTING);
  }

  private static String settings(Path repo) {
    String userRepo = Path.of(System.getProperty("adjoint.maven.repo",
        System.getProperty("user.home") + "/.m2/repository")).toUri().toString();
    String repository = """
            <id>build-local</id>
            <url>%s</url>
            <releases><enabled>true</enabled></releases>
            <snapshots><enabled>false</enabled></snapshots>
        """.formatted(userRepo);
    return """
        <settings>
          <localRepository>%s</localRepository>
          <profiles>
            <profile>
              <id>build-local</id>
              <repositories><repository>%s</repository></repositories>
              <pluginRepositories><pluginRepository>%s</pluginRepository></pluginRepositories>
            </profile>
          </profiles>
          <activeProfiles><activeProfile>build-local</activeProfile></activeProfiles>
        </settings>
        """.formatted(repo, repository, repository);
  }

  private static String mavenExecutable() {
    String home = System.getProperty("adjoint.maven.home");
    assertNotNull(home, "run through Maven: adjoint.maven.home is not set");
    boolean windows = System.getProperty("os.name").startsWith("Windows");
    return Path.of(home, "bin", windows ? "mvn.cmd" : "mvn").toString();
  }

  // ----------------------------------------------------------------------------------- javac

  @Test
  void theJavacSnippetBuildsAndRunsWithTheProcessorJarAlone() throws Exception {
    Path project = fresh("javac");
    List<List<String>> commands = commands(snippet("javac"));
    assertEquals(2, commands.size());
    // The snippet names the jars the build makes.
    for (String jar : List.of(runtimeJar.getFileName().toString(),
        processorJar.getFileName().toString())) {
      assertTrue(commands.get(0).stream().anyMatch(a -> a.contains(jar)), "javac must use " + jar);
    }
    Files.copy(runtimeJar, project.resolve(runtimeJar.getFileName()));
    Files.copy(processorJar, project.resolve(processorJar.getFileName()));
    writeSources(project.resolve("src"));

    List<String> javac = new ArrayList<>(commands.get(0));
    assertEquals("javac", javac.get(0));
    assertEquals(processorJar.getFileName().toString(),
        javac.get(javac.indexOf("-processorpath") + 1), "the processor path is one jar");
    javac.set(0, JAVA_HOME.resolve("bin/javac").toString());
    javac.addAll(1, List.of("-Xlint:all", "-Werror"));
    Run compile = run(project, javac);
    assertEquals(0, compile.exit, "the README's javac snippet does not compile:\n"
        + compile.output);
    assertEquals("", compile.output.strip(), "javac printed something");

    List<String> java = new ArrayList<>(commands.get(1));
    assertEquals("java", java.get(0));
    java.set(0, JAVA_HOME.resolve("bin/java").toString());
    Run main = run(project, java);
    assertEquals(0, main.exit, main.output);
    assertEquals(snippet("output").strip(), main.output.strip());
  }

  /** Shell lines, with backslash continuations joined, split on blanks; ':' as the OS wants. */
  private static List<List<String>> commands(String shell) {
    List<List<String>> commands = new ArrayList<>();
    for (String line : shell.replace("\\\n", " ").split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      List<String> words = new ArrayList<>();
      for (String w : line.trim().split("\\s+")) {
        words.add(w.contains(".jar") ? w.replace(":", File.pathSeparator) : w);
      }
      commands.add(words);
    }
    return commands;
  }

  // ---------------------------------------------------------------------------------- Gradle

  /**
   * Gradle is not on the build machine (Debian's is 4.4, too old for JDK 17, and Gradle is not
   * published on Maven Central), so the Gradle snippet is checked, not run: it must take the
   * artifacts this build makes, through the configurations Gradle gives processors, from the
   * local Maven repository that {@code mvn install} fills.
   */
  @Test
  void theGradleSnippetNamesTheBuiltArtifacts() {
    String snippet = snippet("gradle");
    assertTrue(snippet.contains("mavenLocal()"), "the artifacts are in the local repository");
    assertTrue(snippet.contains("implementation(\"dev.adjoint:adjoint-runtime:" + VERSION
        + "\")"), snippet);
    assertTrue(snippet.contains("annotationProcessor(\"dev.adjoint:adjoint-processor:" + VERSION
        + "\")"), snippet);
    assertFalse(snippet.contains("compileOnly"), "the processor path, not the class path");
  }

  // ------------------------------------------------------------------------------- plumbing

  /** The fenced block after {@code <!-- snippet:name -->} in README.md. */
  static String snippet(String name) {
    String marker = "<!-- snippet:" + name + " -->";
    int at = readme.indexOf(marker);
    assertTrue(at >= 0, "README.md has no " + marker);
    assertEquals(-1, readme.indexOf(marker, at + 1), "README.md has two " + marker);
    int open = readme.indexOf("```", at);
    int start = readme.indexOf('\n', open) + 1;
    int end = readme.indexOf("\n```", start);
    assertTrue(readme.substring(at + marker.length(), open).isBlank(),
        marker + " must stand right above its code block");
    return readme.substring(start, end + 1);
  }

  private static void writeSources(Path sourceRoot) throws IOException {
    write(sourceRoot.resolve("com/example/Net.java"), snippet("net"));
    write(sourceRoot.resolve("com/example/Main.java"), snippet("main"));
  }

  private static Path fresh(String name) throws IOException {
    Path dir = WORK.resolve(name);
    deleteRecursively(dir);
    Files.createDirectories(dir);
    return dir;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

  private static int count(String text, String fragment) {
    int n = 0;
    for (int i = text.indexOf(fragment); i >= 0; i = text.indexOf(fragment, i + 1)) {
      n++;
    }
    return n;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  private record Run(int exit, String output) {}

  private static Run run(Path dir, List<String> command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true);
    pb.environment().put("JAVA_HOME", JAVA_HOME.toString());
    Path log = Files.createTempFile(WORK, "run", ".log");
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(command + " did not finish in 5 minutes");
    }
    String output = Files.readString(log);
    Files.delete(log);
    return new Run(p.exitValue(), output);
  }
}
