package dev.adjoint.corpus;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus of realistic programs (ML, ODEs, finance, statistics, optimisation, linear algebra,
 * control flow and edge constructs): each compiled by this module's test compile with the
 * processor, and checked at each point for value() (bit for bit), every gradient coordinate
 * (5-point central differences, relative 1e-6) and untouched array arguments.
 */
class CorpusTest {
    @TestFactory
    Stream<DynamicTest> corpus() {
        return CorpusCases.all().stream().map(c -> DynamicTest.dynamicTest(c.label(), () -> {
            List<String> problems = c.run();
            assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
        }));
    }
}
