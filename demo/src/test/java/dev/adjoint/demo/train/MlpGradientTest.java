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
    private final Network net = Network.initial(INPUTS, HIDDEN, CLASSES, random);
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
        MlpGrad.BatchLossGradient g = MlpGrad.batchLoss(net.w1(), net.b1(), net.w2(), net.b2(),
                inputs, labels, order, 1, 5);
        assertEquals(Mlp.batchLoss(net.w1(), net.b1(), net.w2(), net.b2(), inputs, labels, order,
                1, 5), g.value(), 0.0);
        double[] flat = flatten(net);
        double[] analytic = flatten(new Network(g.w1(), g.b1(), g.w2(), g.b2()));
        GradientCheck.compare(p -> {
            Network q = unflatten(p);
            return Mlp.batchLoss(q.w1(), q.b1(), q.w2(), q.b2(), inputs, labels, order, 1, 5);
        }, flat, analytic).assertWithin(1e-7);
    }

    @Test
    void exampleLossGradientEqualsHandWrittenBackpropagation() {
        for (int n = 0; n < EXAMPLES; n++) {
            MlpGrad.ExampleLossGradient g = MlpGrad.exampleLoss(net.w1(), net.b1(), net.w2(),
                    net.b2(), inputs[n], labels[n]);
            Network hand = handBackprop(net, inputs[n], labels[n]);
            assertClose(hand, new Network(g.w1(), g.b1(), g.w2(), g.b2()), 1e-15);
        }
    }

    @Test
    void adjointEntryPointAddsSeedTimesGradientIntoTheBuffers() {
        MlpGrad.BatchLossGradient whole = MlpGrad.batchLoss(net.w1(), net.b1(), net.w2(),
                net.b2(), inputs, labels, order, 0, EXAMPLES);
        // Two slices with seeds 2/6 and 4/6 add up to the gradient of the mean over all six.
        Network buffer = net.zerosLike();
        Tape tape = new Tape();
        double first = MlpGrad.batchLossAdjoint(net.w1(), net.b1(), net.w2(), net.b2(), inputs,
                labels, order, 0, 2, 2.0 / 6, new double[0], buffer.w1(), buffer.b1(),
                buffer.w2(), buffer.b2(), tape);
        double second = MlpGrad.batchLossAdjoint(net.w1(), net.b1(), net.w2(), net.b2(), inputs,
                labels, order, 2, 6, 4.0 / 6, new double[0], buffer.w1(), buffer.b1(),
                buffer.w2(), buffer.b2(), tape);
        assertEquals(whole.value(), (2 * first + 4 * second) / 6, 1e-15);
        assertClose(new Network(whole.w1(), whole.b1(), whole.w2(), whole.b2()), buffer, 1e-15);
        assertEquals(0, tape.doubles().size(), "the tape is left as it was found");
    }

    /** Backpropagation of {@link Mlp#exampleLoss} written out by hand. */
    static Network handBackprop(Network net, double[] x, int label) {
        double[] hidden = new double[HIDDEN];
        double[] logits = new double[CLASSES];
        Mlp.logits(net.w1(), net.b1(), net.w2(), net.b2(), x, hidden, logits);
        double[] p = dev.adjoint.Losses.softmax(logits);
        Network g = net.zerosLike();
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

    private static void assertClose(Network expected, Network actual, double tolerance) {
        double[] e = flatten(expected);
        double[] a = flatten(actual);
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], tolerance * Math.max(1, Math.abs(e[i])), "parameter " + i);
        }
    }

    private static double[] flatten(Network n) {
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

    private static Network unflatten(double[] flat) {
        Network n = new Network(new double[HIDDEN][INPUTS], new double[HIDDEN],
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
