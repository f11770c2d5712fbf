package dev.adjoint.demo.train;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/**
 * A classification data set held in memory: one feature row per example and its class label.
 * The bundled files live in the demo's resources under {@code /data/} (see the provenance note
 * {@code data/README.md} beside them) and are read from the class path, never from outside.
 *
 * @param name a short name for progress lines
 * @param features one row of features per example
 * @param labels the class of each example, {@code 0 ≤ label < classes.size()}
 * @param classes the class names
 */
public record Dataset(String name, double[][] features, int[] labels, List<String> classes) {

    /** Resource of the MNIST images (IDX3, gzip). */
    public static final String MNIST_IMAGES = "/data/mnist10k-images-idx3-ubyte.gz";

    /** Resource of the MNIST labels (IDX1, gzip). */
    public static final String MNIST_LABELS = "/data/mnist10k-labels-idx1-ubyte.gz";

    /** Resource of Fisher's Iris data (CSV with a header row). */
    public static final String IRIS = "/data/iris.csv";

    /**
     * Checks the shapes.
     *
     * @throws IllegalArgumentException if features and labels differ in count, or a label is out
     *     of range
     */
    public Dataset {
        if (features.length != labels.length) {
            throw new IllegalArgumentException(features.length + " feature rows but "
                    + labels.length + " labels");
        }
        for (int label : labels) {
            if (label < 0 || label >= classes.size()) {
                throw new IllegalArgumentException("label " + label + " outside 0.."
                        + (classes.size() - 1));
            }
        }
        classes = List.copyOf(classes);
    }

    /**
     * The number of examples.
     *
     * @return the size
     */
    public int size() {
        return labels.length;
    }

    /**
     * The number of features per example.
     *
     * @return the width of a feature row
     */
    public int featureCount() {
        return features.length == 0 ? 0 : features[0].length;
    }

    /**
     * The bundled 10,000 MNIST digits, pixels scaled to {@code [0, 1]}.
     *
     * @return the data set, 784 features and 10 classes
     */
    public static Dataset mnist() {
        try (DataInputStream images = gzipResource(MNIST_IMAGES);
                DataInputStream labels = gzipResource(MNIST_LABELS)) {
            return mnist(images, labels);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads MNIST from IDX streams (already decompressed).
     *
     * @param images an IDX3 stream: magic 2051, count, rows, columns, then one byte per pixel
     * @param labels an IDX1 stream: magic 2049, count, then one byte per label
     * @return the data set, pixels scaled to {@code [0, 1]}
     * @throws IOException if a stream cannot be read or is malformed
     */
    public static Dataset mnist(DataInputStream images, DataInputStream labels) throws IOException {
        expectMagic(images.readInt(), 2051, "images");
        int count = images.readInt();
        int rows = images.readInt();
        int columns = images.readInt();
        expectMagic(labels.readInt(), 2049, "labels");
        int labelCount = labels.readInt();
        if (labelCount != count) {
            throw new IOException(count + " images but " + labelCount + " labels");
        }
        int pixels = rows * columns;
        byte[] buffer = new byte[pixels];
        double[][] x = new double[count][pixels];
        int[] y = new int[count];
        for (int n = 0; n < count; n++) {
            images.readFully(buffer);
            for (int p = 0; p < pixels; p++) {
                x[n][p] = (buffer[p] & 0xff) / 255.0;
            }
            y[n] = labels.readUnsignedByte();
        }
        List<String> digits = new ArrayList<>();
        for (int d = 0; d < 10; d++) {
            digits.add(Integer.toString(d));
        }
        return new Dataset("mnist", x, y, digits);
    }

    /**
     * Fisher's Iris flowers: four measurements in cm, three species in order of first appearance.
     * Features are left in cm; {@link #standardized} centres and scales them.
     *
     * @return the data set, 4 features and 3 classes
     */
    public static Dataset iris() {
        InputStream in = Dataset.class.getResourceAsStream(IRIS);
        if (in == null) {
            throw new IllegalStateException("missing resource " + IRIS);
        }
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<double[]> rows = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            Map<String, Integer> species = new LinkedHashMap<>();
            String header = reader.readLine();
            if (header == null) {
                throw new IOException("empty " + IRIS);
            }
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                if (cells.length != 5) {
                    throw new IOException("expected 5 cells: " + line);
                }
                double[] row = new double[4];
                for (int i = 0; i < 4; i++) {
                    row[i] = Double.parseDouble(cells[i].trim());
                }
                rows.add(row);
                labels.add(species.computeIfAbsent(cells[4].trim(), s -> species.size()));
            }
            return new Dataset("iris", rows.toArray(new double[0][]),
                    labels.stream().mapToInt(Integer::intValue).toArray(),
                    new ArrayList<>(species.keySet()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The examples at the given indices, in that order.
     *
     * @param indices indices into this data set
     * @return a new data set sharing the feature rows
     */
    public Dataset subset(int[] indices) {
        double[][] x = new double[indices.length][];
        int[] y = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            x[i] = features[indices[i]];
            y[i] = labels[indices[i]];
        }
        return new Dataset(name, x, y, classes);
    }

    /**
     * Splits the examples by a fixed-seed shuffle into a training part of {@code trainSize}
     * examples and a test part with the rest.
     *
     * @param trainSize how many examples go to training
     * @param seed the shuffle's seed
     * @return the two parts
     */
    public Split split(int trainSize, long seed) {
        if (trainSize <= 0 || trainSize >= size()) {
            throw new IllegalArgumentException("training size " + trainSize + " of " + size());
        }
        int[] order = permutation(size(), new SplittableRandom(seed));
        return new Split(subset(Arrays.copyOfRange(order, 0, trainSize)),
                subset(Arrays.copyOfRange(order, trainSize, size())));
    }

    /**
     * Centres and scales every feature by the mean and standard deviation of {@code reference}
     * (the training part, so that nothing is learnt from the test part).
     *
     * @param reference where the statistics come from
     * @return a new data set with standardised features
     */
    public Dataset standardized(Dataset reference) {
        int f = featureCount();
        double[] mean = new double[f];
        double[] sd = new double[f];
        for (double[] row : reference.features) {
            for (int i = 0; i < f; i++) {
                mean[i] += row[i] / reference.size();
            }
        }
        for (double[] row : reference.features) {
            for (int i = 0; i < f; i++) {
                sd[i] += (row[i] - mean[i]) * (row[i] - mean[i]) / reference.size();
            }
        }
        double[][] x = new double[size()][f];
        for (int n = 0; n < size(); n++) {
            for (int i = 0; i < f; i++) {
                double s = Math.sqrt(sd[i]);
                x[n][i] = (features[n][i] - mean[i]) / (s > 0 ? s : 1.0);
            }
        }
        return new Dataset(name, x, labels.clone(), classes);
    }

    /**
     * A training part and a test part.
     *
     * @param train the examples to learn from
     * @param test the held-out examples
     */
    public record Split(Dataset train, Dataset test) {
    }

    /**
     * A uniformly random permutation of {@code 0..n-1} (Fisher–Yates).
     *
     * @param n the length
     * @param random the source of randomness
     * @return the permutation
     */
    public static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p, random);
        return p;
    }

    /**
     * Shuffles {@code a} in place (Fisher–Yates).
     *
     * @param a the array
     * @param random the source of randomness
     */
    public static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static DataInputStream gzipResource(String name) throws IOException {
        InputStream in = Dataset.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        return new DataInputStream(new GZIPInputStream(in, 1 << 16));
    }

    private static void expectMagic(int actual, int expected, String what) throws IOException {
        if (actual != expected) {
            throw new IOException("bad IDX magic for " + what + ": " + actual + ", expected "
                    + expected);
        }
    }
}
