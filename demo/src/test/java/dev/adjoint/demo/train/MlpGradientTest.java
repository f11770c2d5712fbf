package dev.adjoint.demo.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adjoint.GradientCheck;
import dev.adjoint.Tape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The generated MLP gradient against central differences and against backpropagation written
 * out by hand, and the accumulate-into-buffers contract the trainer relies on.
 */
class MlpGradientTest {

    private static final int INPUTS = 5;
    private static final int HIDDEN = 4;
    private static final int CLASSES = 3;
    private static final int EXAMPLES = 6;

    private final SplittableRandom random = new SplittableRandom(7);
    private final Mlp net = Mlp.initial(INPUTS, HIDDEN, CLASSES, random);
    private final double[][] inputs = new double[EXAMPLES][INPUTS];
    private final int[] labels = new int[EXAMPLES];
    private final int[] order = {3, 0, 5, 1, 4, 2};

    MlpGradientTest() {
        for (int n = 0; n < EXAMPLES; n++) {
            for (int i = 0; i < INPUTS; i++) {
                inputs[n][i] = random.nextDouble(-1, 1);
            }
            labels[n] = n % CLASSES;
        }
        for (int j = 0; j < HIDDEN; j++) {
            net.b1()[j] = random.nextDouble(-0.5, 0.5);
        }
    }

    @Test
    void batchLossGradientMatchesCentralDifferences() {
        MlpGrad.BatchLossGradient g = MlpGrad.batchLoss(net, inputs, labels, order, 1, 5);
        assertEquals(net.batchLoss(inputs, labels, order, 1, 5), g.value(), 0.0);
        GradientCheck.compare(p -> unflatten(p).batchLoss(inputs, labels, order, 1, 5),
                flatten(net), flatten(g.self())).assertWithin(1e-7);
    }

    @Test
    void exampleLossSelfGradientMatchesCentralDifferences() {
        for (int n = 0; n < EXAMPLES; n++) {
            double[] x = inputs[n];
            int label = labels[n];
            MlpGrad.ExampleLossGradient g = MlpGrad.exampleLoss(net, x, label);
            assertEquals(net.exampleLoss(x, label), g.value(), 0.0);
            GradientCheck.compare(p -> unflatten(p).exampleLoss(x, label), flatten(net),
                    flatten(g.self())).assertWithin(1e-7);
        }
    }

    @Test
    void gradientDescentStepThroughSelfLowersTheLoss() {
        double before = net.batchLoss(inputs, labels, order, 0, EXAMPLES);
        Mlp gradient = MlpGrad.batchLoss(net, inputs, labels, order, 0, EXAMPLES).self();
        double rate = 0.05;
        Mlp next = MlpGrad.axpy(-rate, gradient, net);
        double[] expected = flatten(net);
        double[] g = flatten(gradient);
        for (int i = 0; i < expected.length; i++) {
            expected[i] -= rate * g[i];
        }
        assertClose(unflatten(expected), next, 1e-15);
        double squared = MlpGrad.squaredNorm(gradient);
        double after = next.batchLoss(inputs, labels, order, 0, EXAMPLES);
        // first order: the loss falls by about rate·|g|², to within the curvature term
        assertEquals(-rate * squared, after - before, 0.1 * rate * squared);
    }

    @Test
    void exampleLossGradientEqualsHandWrittenBackpropagation() {
        for (int n = 0; n < EXAMPLES; n++) {
            MlpGrad.ExampleLossGradient g = MlpGrad.exampleLoss(net, inputs[n], labels[n]);
            assertClose(handBackprop(net, inputs[n], labels[n]), g.self(), 1e-15);
        }
    }

    @Test
    void adjointEntryPointAddsSeedTimesGradientIntoTheBuffers() {
        MlpGrad.BatchLossGradient whole = MlpGrad.batchLoss(net, inputs, labels, order, 0,
                EXAMPLES);
        // Two slices with seeds 2/6 and 4/6 add up to the gradient of the mean over all six.
        Mlp buffer = net.zerosLike();
        Tape tape = new Tape();
        double first = MlpGrad.batchLossAdjoint(inputs, labels, order, 0, 2, net.w1(), net.b1(),
                net.w2(), net.b2(), 2.0 / 6, new double[0], buffer.w1(), buffer.b1(), buffer.w2(),
                buffer.b2(), tape);
        double second = MlpGrad.batchLossAdjoint(inputs, labels, order, 2, 6, net.w1(), net.b1(),
                net.w2(), net.b2(), 4.0 / 6, new double[0], buffer.w1(), buffer.b1(), buffer.w2(),
                buffer.b2(), tape);
        assertEquals(whole.value(), (2 * first + 4 * second) / 6, 1e-15);
        assertClose(whole.self(), buffer, 1e-15);
        assertEquals(0, tape.doubles().size(), "the tape is left as it was found");
    }

    /** Backpropagation of {@link Mlp#exampleLoss} written out by hand. */
    static Mlp handBackprop(Mlp net, double[] x, int label) {
        double[] hidden = new double[HIDDEN];
        double[] logits = new double[CLASSES];
        net.logits(x, hidden, logits);
        double[] p = dev.adjoint.Losses.softmax(logits);
        Mlp g = net.zerosLike();
        double[] dHidden = new double[HIDDEN];
        for (int c = 0; c < CLASSES; c++) {
            double dLogit = p[c] - (c == label ? 1 : 0);
            g.b2()[c] = dLogit;
            for (int j = 0; j < HIDDEN; j++) {
                g.w2()[c][j] = dLogit * hidden[j];
                dHidden[j] += dLogit * net.w2()[c][j];
            }
        }
        for (int j = 0; j < HIDDEN; j++) {
            double dz = hidden[j] > 0 ? dHidden[j] : 0.0;
            g.b1()[j] = dz;
            for (int i = 0; i < INPUTS; i++) {
                g.w1()[j][i] = dz * x[i];
            }
        }
        return g;
    }

    private static void assertClose(Mlp expected, Mlp actual, double tolerance) {
        double[] e = flatten(expected);
        double[] a = flatten(actual);
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], tolerance * Math.max(1, Math.abs(e[i])), "parameter " + i);
        }
    }

    private static double[] flatten(Mlp n) {
        double[] flat = new double[n.parameterCount()];
        int k = 0;
        for (double[] row : n.w1()) {
            for (double v : row) {
                flat[k++] = v;
            }
        }
        for (double v : n.b1()) {
            flat[k++] = v;
        }
        for (double[] row : n.w2()) {
            for (double v : row) {
                flat[k++] = v;
            }
        }
        for (double v : n.b2()) {
            flat[k++] = v;
        }
        return flat;
    }

    private static Mlp unflatten(double[] flat) {
        Mlp n = new Mlp(new double[HIDDEN][INPUTS], new double[HIDDEN],
                new double[CLASSES][HIDDEN], new double[CLASSES]);
        int k = 0;
        for (double[] row : n.w1()) {
            for (int i = 0; i < row.length; i++) {
                row[i] = flat[k++];
            }
        }
        for (int i = 0; i < HIDDEN; i++) {
            n.b1()[i] = flat[k++];
        }
        for (double[] row : n.w2()) {
            for (int i = 0; i < row.length; i++) {
                row[i] = flat[k++];
            }
        }
        for (int i = 0; i < CLASSES; i++) {
            n.b2()[i] = flat[k++];
        }
        return n;
    }
}
