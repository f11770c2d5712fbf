package dev.adjoint.demo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The bundled data sets load from the class path with the documented shapes and counts. */
class DatasetTest {

    @Test
    void mnistHasTenThousandDigitsWithTheDocumentedClassCounts() {
        Dataset mnist = Dataset.mnist();
        assertEquals(10_000, mnist.size());
        assertEquals(784, mnist.featureCount());
        assertEquals(10, mnist.classes().size());
        int[] counts = new int[10];
        for (int label : mnist.labels()) {
            counts[label]++;
        }
        // data/README.md: "Class counts run from 863 (digit 5) to 1,127 (digit 1)."
        assertEquals(863, counts[5]);
        assertEquals(1127, counts[1]);
        for (int count : counts) {
            assertTrue(count >= 863 && count <= 1127, () -> java.util.Arrays.toString(counts));
        }
        double min = 1;
        double max = 0;
        for (double[] row : mnist.features()) {
            for (double p : row) {
                min = Math.min(min, p);
                max = Math.max(max, p);
            }
        }
        assertEquals(0.0, min);
        assertEquals(1.0, max);
    }

    @Test
    void irisHasThreeSpeciesOfFifty() {
        Dataset iris = Dataset.iris();
        assertEquals(150, iris.size());
        assertEquals(4, iris.featureCount());
        assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classes());
        int[] counts = new int[3];
        for (int label : iris.labels()) {
            counts[label]++;
        }
        assertEquals(List.of(50, 50, 50), List.of(counts[0], counts[1], counts[2]));
        assertEquals(5.1, iris.features()[0][0]);
        assertEquals(0.2, iris.features()[0][3]);
    }

    @Test
    void splitIsAFixedSeedPartition() {
        Dataset iris = Dataset.iris();
        Dataset.Split a = iris.split(120, 42);
        Dataset.Split b = iris.split(120, 42);
        Dataset.Split c = iris.split(120, 43);
        assertEquals(120, a.train().size());
        assertEquals(30, a.test().size());
        Set<double[]> rows = new HashSet<>();
        rows.addAll(List.of(a.train().features()));
        rows.addAll(List.of(a.test().features()));
        assertEquals(150, rows.size(), "train and test are disjoint and cover every example");
        assertEquals(List.of(a.test().features()), List.of(b.test().features()));
        assertNotEquals(List.of(a.test().features()), List.of(c.test().features()));
    }

    @Test
    void standardizingUsesTheReferenceStatistics() {
        Dataset train = Dataset.iris().split(120, 42).train();
        Dataset z = train.standardized(train);
        for (int i = 0; i < 4; i++) {
            double mean = 0;
            double square = 0;
            for (double[] row : z.features()) {
                mean += row[i] / z.size();
                square += row[i] * row[i] / z.size();
            }
            assertEquals(0.0, mean, 1e-12);
            assertEquals(1.0, square, 1e-12);
        }
    }

    @Test
    void idxReaderRejectsABadMagicNumber() throws IOException {
        byte[] images = idx(2051, 1, 2, 2, new byte[] {0, (byte) 255, 0, 0});
        byte[] labels = idx(2049, 1, -1, -1, new byte[] {7});
        Dataset one = Dataset.mnist(stream(images), stream(labels));
        assertEquals(7, one.labels()[0]);
        assertEquals(1.0, one.features()[0][1]);
        assertThrows(IOException.class, () -> Dataset.mnist(stream(labels), stream(images)));
    }

    private static byte[] idx(int magic, int count, int rows, int columns, byte[] body)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(count);
        if (rows >= 0) {
            out.writeInt(rows);
            out.writeInt(columns);
        }
        out.write(body);
        return bytes.toByteArray();
    }

    private static DataInputStream stream(byte[] bytes) {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }
}
