package dev.adjoint.demo.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Training with the generated gradient reaches its accuracy on a fixed seed, quickly: Iris with
 * its full preset, and MNIST on a 1,000-example subset.
 */
class TrainingTest {

    @Test
    void irisPresetReachesNinetyPercent() {
        Training.Run run = Training.defaults("iris");
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        Trainer.Result result = Training.run(run, new PrintStream(text, true,
                StandardCharsets.UTF_8));
        assertEquals(40, result.epochs().size());
        assertTrue(result.last().testAccuracy() >= 0.90, () -> text.toString(
                StandardCharsets.UTF_8));
        assertTrue(result.last().trainAccuracy() >= 0.90);
        List<String> lines = text.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.get(0).startsWith("Training iris: 4-16-3 MLP"), lines.get(0));
        assertEquals(Training.progressHeader(), lines.get(3));
        assertEquals(4 + 40, lines.size());
        assertTrue(lines.get(4).startsWith("1/40 "), lines.get(4));
    }

    @Test
    void mnistThousandExampleSubsetReachesEightyPercent() {
        Training.Run preset = Training.defaults("mnist");
        Trainer.Config c = preset.config();
        Training.Run run = new Training.Run("mnist", 1000, 800, preset.splitSeed(),
                new Trainer.Config(c.hidden(), 4, c.batch(), c.optimizer(), c.learningRate(),
                        c.cosine(), c.weightDecay(), c.seed(), 2));
        Trainer.Result result = Training.run(run, new PrintStream(
                new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertTrue(result.last().testAccuracy() >= 0.80, result.epochs()::toString);
        double first = result.epochs().get(0).trainLoss();
        assertTrue(result.last().trainLoss() < first / 2, result.epochs()::toString);
    }

    @Test
    void aFixedSeedGivesTheSameRunWhateverTheThreadScheduling() {
        Training.Run run = Training.defaults("iris");
        Trainer.Config c = run.config();
        Training.Run shortRun = new Training.Run(run.dataset(), 0, run.trainSize(),
                run.splitSeed(), new Trainer.Config(c.hidden(), 5, c.batch(), c.optimizer(),
                        c.learningRate(), c.cosine(), c.weightDecay(), c.seed(), 2));
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8);
        Trainer.Result a = Training.run(shortRun, quiet);
        Trainer.Result b = Training.run(shortRun, quiet);
        assertArrayEquals(a.stepLosses(), b.stepLosses());
        assertArrayEquals(a.network().w1()[3], b.network().w1()[3]);
    }

    @Test
    void oneThreadAndTwoThreadsComputeTheSameGradient() {
        Training.Run run = Training.defaults("iris");
        Trainer.Config c = run.config();
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8);
        double[][] losses = new double[2][];
        for (int threads = 1; threads <= 2; threads++) {
            losses[threads - 1] = Training.run(new Training.Run(run.dataset(), 0,
                    run.trainSize(), run.splitSeed(), new Trainer.Config(c.hidden(), 1,
                            c.batch(), c.optimizer(), c.learningRate(), c.cosine(),
                            c.weightDecay(), c.seed(), threads)), quiet).stepLosses();
        }
        // Only the summation order of the two halves differs.
        assertArrayEquals(losses[0], losses[1], 1e-12);
    }

    @Test
    void progressLineIsAlignedUnderItsHeader() {
        String header = Training.progressHeader();
        String line = Training.progressLine(new Trainer.Epoch(3, 0.123456, 0.98765, 0.2,
                0.9575, 12345.6, 42.25), 8);
        assertEquals("epoch        loss  train acc  test acc  examples/s    elapsed", header);
        assertEquals("3/8        0.1235    98.77 %   95.75 %      12,346     42.3 s", line);
        assertEquals("0.012 s", Training.seconds(0.0123));
        assertEquals("5.20 s", Training.seconds(5.2));
        assertEquals("42.3 s", Training.seconds(42.3));
        assertEquals(header.length(), line.length());
    }
}
