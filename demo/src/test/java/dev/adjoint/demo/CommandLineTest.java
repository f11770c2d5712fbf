package dev.adjoint.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line: default, help, each subcommand and the train options. */
class CommandLineTest {

    @TempDir
    Path dir;

    /** Runs the command line with System.out captured; returns exit code and output. */
    private static String[] run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringWriter usage = new StringWriter();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            CommandLine cl = Demo.commandLine();
            cl.setOut(new PrintWriter(usage, true));
            cl.setErr(new PrintWriter(usage, true));
            int code = cl.execute(args);
            return new String[] {Integer.toString(code),
                bytes.toString(StandardCharsets.UTF_8) + usage};
        } finally {
            System.setOut(saved);
        }
    }

    @Test
    void noArgumentsRunsTheWalkthrough() {
        String[] r = run();
        assertEquals("0", r[0]);
        assertEquals(Demo.output(), r[1]);
        assertEquals(Demo.output(), run("walkthrough")[1]);
    }

    @Test
    void helpListsTheCommands() {
        String[] r = run("--help");
        assertEquals("0", r[0]);
        for (String command : new String[] {"walkthrough", "train", "graph", "newton",
            "curvefit"}) {
            assertTrue(r[1].contains(command), r[1]);
        }
        String train = run("train", "--help")[1];
        for (String option : new String[] {"--epochs", "--dataset", "--batch", "--seed",
            "--plot", "--threads"}) {
            assertTrue(train.contains(option), train);
        }
    }

    @Test
    void graphPrintsTheLinearUnitsNodesWithTheirAdjoints() {
        String[] r = run("graph");
        assertEquals("0", r[0]);
        // d = 2 * 3 + 1 - 4 = 3: dJ/dd = dJ/da = dJ/dc = 3, dJ/dw = d * x = 9
        assertTrue(r[1].matches("(?s).*\\n4 +c +double c = w \\* x +6 +3 +#0 \\(3\\).*"), r[1]);
        assertTrue(r[1].matches("(?s).*\\n0 +w +input +2 +9\\n.*"), r[1]);
    }

    @Test
    void graphRendersDotAndMermaid() {
        String dot = run("graph", "--example", "two_layer", "--format", "dot")[1];
        assertTrue(dot.startsWith("digraph \"twoLayer\" {"), dot);
        assertTrue(dot.contains("value 2\\ndtwoLayer/dtwoLayer 1"), dot); // J = 2, seeded with 1
        String mermaid = run("graph", "--example", "square", "--format", "mermaid")[1];
        assertTrue(mermaid.startsWith("flowchart LR"), mermaid);
        assertTrue(mermaid.contains("dsquare/dw 6"), mermaid);
    }

    @Test
    void newtonAndCurvefitPrintTheirSections() {
        String[] newton = run("newton");
        assertEquals("0", newton[0]);
        assertEquals(dev.adjoint.demo.second.NewtonSection.render(), newton[1]);
        String[] fit = run("curvefit");
        assertEquals("0", fit[0]);
        assertEquals(dev.adjoint.demo.second.CurveFitSection.render(), fit[1]);
        assertTrue(fit[1].contains("a = 2.50"), fit[1]);
    }

    @Test
    void optionsOverrideTheDatasetPreset() {
        TrainCommand train = new TrainCommand();
        new CommandLine(train).setCaseInsensitiveEnumValuesAllowed(true).parseArgs(
                "--dataset", "IRIS", "--epochs", "3", "--batch", "16", "--seed", "9",
                "--optimizer", "momentum", "--no-cosine", "--threads", "1");
        var run = train.run();
        assertEquals("iris", run.dataset());
        assertEquals(120, run.trainSize());
        assertEquals(3, run.config().epochs());
        assertEquals(16, run.config().batch());
        assertEquals(9L, run.config().seed());
        assertEquals("momentum", run.config().optimizer());
        assertEquals(false, run.config().cosine());
        assertEquals(16, run.config().hidden(), "unset options keep the preset");
        TrainCommand limited = new TrainCommand();
        new CommandLine(limited).parseArgs("--limit", "1000");
        assertEquals(800, limited.run().trainSize(), "a limit splits 80/20 by default");
    }

    @Test
    void trainOnIrisPrintsProgressAndWritesThePlot() {
        Path png = dir.resolve("loss.png");
        String[] r = run("train", "--dataset", "iris", "--epochs", "5", "--plot", png.toString());
        assertEquals("0", r[0], r[1]);
        assertTrue(r[1].contains("5/5 "), r[1]);
        assertTrue(r[1].contains("test accuracy "), r[1]);
        assertTrue(r[1].contains("loss curve written to "), r[1]);
        assertTrue(Files.isRegularFile(png));
    }

    @Test
    void anUnknownDatasetIsAUsageError() {
        String[] r = run("train", "--dataset", "cifar");
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("cifar"), r[1]);
    }
}
