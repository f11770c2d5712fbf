package dev.adjoint.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The demo's Spark command on a small book, in local[2]: Spark's totals equal the local loop's. */
class SparkCommandTest {

    @Test
    void greeksOnSparkMatchTheLocalLoop() {
        PrintStream saved = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int code;
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            code = Demo.commandLine().execute("spark", "greeks", "--master", "local[2]",
                    "--trades", "2000");
        } finally {
            System.setOut(saved);
        }
        String out = buffer.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, out);
        Matcher totals = Pattern.compile("max relative difference Spark vs local loop ([0-9.eE+-]+)")
                .matcher(out);
        assertTrue(totals.find(), out);
        assertTrue(Double.parseDouble(totals.group(1)) < 1e-12, out);
        Matcher sample = Pattern.compile("vs the closed forms, max difference ([0-9.eE+-]+)")
                .matcher(out);
        assertTrue(sample.find(), out);
        assertTrue(Double.parseDouble(sample.group(1)) < 1e-9, out);
    }
}
