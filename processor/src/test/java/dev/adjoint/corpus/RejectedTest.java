package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus's natural programs that do not compile into a gradient
 * ({@code src/test/resources/corpus/rejected}, described in {@code corpus/REJECTED.md}).
 *
 * <p>Each file ends with directives. {@code // EXPECT-ERROR <line> <fragment>}: the compilation
 * must fail with an error on that line of the file whose message contains the fragment, and with
 * no error inside generated code. {@code // FINDING <text>}: a known defect (a crash, generated
 * code that does not compile, or nothing generated without a word); the test checks the minimal
 * healthy outcome (either a gradient class for every annotated class, or a processor error in the
 * user's file that is not an internal failure) and fails, naming the finding, while that outcome
 * is not met. (The corpus's findings are fixed; their programs are fixtures of FixedCorpus now.)
 */
class RejectedTest {
    @TestFactory
    Stream<DynamicTest> rejected() throws IOException, URISyntaxException {
        URL dir = RejectedTest.class.getResource("/corpus/rejected");
        if (dir == null) {
            fail("no corpus/rejected resources");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of(dir.toURI()))) {
            files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> run(f)));
    }

    private static void run(Path file) throws IOException {
        String text;
        try (InputStream in = Files.newInputStream(file)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String name = file.getFileName().toString().replace(".java", "");
        List<String[]> expected = new ArrayList<>();
        String finding = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("// EXPECT-ERROR ")) {
                String rest = line.substring("// EXPECT-ERROR ".length());
                int sp = rest.indexOf(' ');
                expected.add(new String[] {rest.substring(0, sp), rest.substring(sp + 1).trim()});
            } else if (line.startsWith("// FINDING ")) {
                finding = line.substring("// FINDING ".length());
            }
        }
        CorpusCompiler.Result r = CorpusCompiler.compile(List.<String[]>of(new String[] {"rej/" + name, text}));
        String report = r.diagnostics().toString() + " generated " + r.generated();
        if (finding != null) {
            String known = finding;
            String healthy = healthy(r, text);
            assertTrue(healthy == null, () -> "finding: " + known + " (" + healthy + "): " + report);
            return;
        }
        assertTrue(r.crash() == null, () -> "javac crashed: " + r.crash());
        assertTrue(!r.success(), () -> "expected a compile error: " + report);
        for (CorpusCompiler.Diag d : r.errors()) {
            assertTrue(d.file() != null && !d.file().endsWith("Grad.java"),
                    () -> "error in generated code: " + d);
        }
        for (String[] e : expected) {
            long line = Long.parseLong(e[0]);
            boolean found = r.errors().stream().anyMatch(d -> d.line() == line && d.message().contains(e[1]));
            assertTrue(found, () -> "no error at line " + line + " containing '" + e[1] + "': " + report);
        }
    }

    /** Null when the outcome is acceptable, else what is wrong with it. */
    private static String healthy(CorpusCompiler.Result r, String text) {
        if (r.crash() != null) {
            return "javac crashed";
        }
        for (CorpusCompiler.Diag d : r.errors()) {
            if (d.file() == null || d.file().endsWith("Grad.java")) {
                return "generated code does not compile";
            }
            if (d.message().contains("internal error") || d.message().contains("could not write")) {
                return "internal failure";
            }
        }
        if (!r.success()) {
            return null;
        }
        if (r.generated().isEmpty()) {
            return "nothing generated and no diagnostic";
        }
        if (text.contains("class Bystander") && r.generated().stream().noneMatch(g -> g.endsWith("BystanderGrad.java"))) {
            return "no gradient for Bystander";
        }
        return null;
    }
}
