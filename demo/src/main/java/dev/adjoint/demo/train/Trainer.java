package dev.adjoint.demo.train;

import dev.adjoint.Tape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Mini-batch training of an {@link Mlp} with the gradient Adjoint generated for
 * {@link Mlp#batchLoss}.
 *
 * <p>Each step splits the mini-batch into one contiguous slice per thread. Every thread calls
 * the low-level entry point {@code MlpGrad.batchLossAdjoint} on its slice with
 * {@code seed = slice/batch}, which <em>adds</em> its share of {@code ∂(batch mean)/∂θ} into that
 * thread's own gradient buffers; the buffers are then summed in a fixed order, so the result
 * does not depend on scheduling. Buffers and tapes are allocated once and reused, so a step
 * allocates almost nothing.
 */
public final class Trainer implements AutoCloseable {

    /**
     * What to train and how.
     *
     * @param hidden hidden units {@code h}
     * @param epochs passes over the training set
     * @param batch examples per mini-batch
     * @param optimizer {@code adam}, {@code momentum} or {@code sgd}
     * @param learningRate the optimizer's (initial) learning rate
     * @param cosine whether the learning rate decays to 0 along a half cosine over the run
     * @param weightDecay L2 weight decay {@code λ} on the weight matrices
     * @param seed seeds the initial weights and the per-epoch shuffles
     * @param threads threads computing gradients, at least 1
     */
    public record Config(int hidden, int epochs, int batch, String optimizer,
            double learningRate, boolean cosine, double weightDecay, long seed, int threads) {

        /**
         * Checks the values.
         *
         * @throws IllegalArgumentException if a count is not positive
         */
        public Config {
            if (hidden < 1 || epochs < 1 || batch < 1 || threads < 1 || !(learningRate > 0)
                    || !(weightDecay >= 0)) {
                throw new IllegalArgumentException("hidden, epochs, batch, threads and the"
                        + " learning rate must be positive, weight decay not negative: " + this);
            }
        }
    }

    /**
     * One epoch's progress.
     *
     * @param epoch 1-based epoch number
     * @param trainLoss mean mini-batch loss over the epoch (as trained, before the epoch's end)
     * @param trainAccuracy accuracy on the whole training set after the epoch
     * @param testLoss mean loss on the test set after the epoch
     * @param testAccuracy accuracy on the test set after the epoch
     * @param examplesPerSecond training examples per second of gradient steps in this epoch
     * @param elapsedSeconds wall time since training started, evaluation included
     */
    public record Epoch(int epoch, double trainLoss, double trainAccuracy, double testLoss,
            double testAccuracy, double examplesPerSecond, double elapsedSeconds) {
    }

    /**
     * The outcome of a run.
     *
     * @param network the trained parameters
     * @param epochs per-epoch progress
     * @param stepLosses the mean loss of every mini-batch, in order
     * @param stepsPerEpoch mini-batches per epoch
     */
    public record Result(Mlp network, List<Epoch> epochs, double[] stepLosses,
            int stepsPerEpoch) {

        /**
         * The last epoch.
         *
         * @return its progress
         */
        public Epoch last() {
            return epochs.get(epochs.size() - 1);
        }
    }

    private final Config config;
    private final ExecutorService pool;

    /**
     * Creates a trainer; close it to stop its threads.
     *
     * @param config the configuration
     */
    public Trainer(Config config) {
        this.config = config;
        this.pool = config.threads() > 1
                ? Executors.newFixedThreadPool(config.threads(), r -> {
                    Thread t = new Thread(r, "adjoint-train");
                    t.setDaemon(true);
                    return t;
                })
                : null;
    }

    /**
     * Trains a fresh network on {@code train}, evaluating on {@code test} after each epoch.
     *
     * @param train the training examples
     * @param test the held-out examples
     * @param progress receives each epoch's progress as soon as it is known
     * @return the trained network and its history
     */
    public Result train(Dataset train, Dataset test, Consumer<Epoch> progress) {
        SplittableRandom random = new SplittableRandom(config.seed());
        Mlp net = Mlp.initial(train.featureCount(), config.hidden(),
                train.classes().size(), random);
        int threads = config.threads();
        Mlp gradient = net.zerosLike();
        Mlp[] partial = new Mlp[threads];
        Tape[] tapes = new Tape[threads];
        for (int t = 0; t < threads; t++) {
            partial[t] = net.zerosLike();
            tapes[t] = new Tape();
        }
        int n = train.size();
        int batch = Math.min(config.batch(), n);
        int steps = (n + batch - 1) / batch;
        double[] stepLosses = new double[steps * config.epochs()];
        Optimizer optimizer = Optimizer.named(config.optimizer(), config.learningRate(), net)
                .weightDecay(config.weightDecay())
                .cosine(config.cosine() ? stepLosses.length : 0);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[][] inputs = train.features();
        int[] labels = train.labels();
        List<Epoch> history = new ArrayList<>();
        long start = System.nanoTime();
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            Dataset.shuffle(order, random);
            long epochStart = System.nanoTime();
            double lossSum = 0.0;
            for (int s = 0; s < steps; s++) {
                int from = s * batch;
                int to = Math.min(n, from + batch);
                double loss = gradientStep(net, inputs, labels, order, from, to, partial, tapes);
                gradient.clear();
                for (Mlp p : partial) {
                    gradient.add(p);
                }
                optimizer.step(net, gradient);
                stepLosses[(epoch - 1) * steps + s] = loss;
                lossSum += loss;
            }
            double trainSeconds = (System.nanoTime() - epochStart) / 1e9;
            double[] trainEval = evaluate(net, train);
            double[] testEval = evaluate(net, test);
            Epoch e = new Epoch(epoch, lossSum / steps, trainEval[1], testEval[0], testEval[1],
                    n / trainSeconds, (System.nanoTime() - start) / 1e9);
            history.add(e);
            progress.accept(e);
        }
        return new Result(net, List.copyOf(history), stepLosses, steps);
    }

    /**
     * Fills {@code partial[t]} with thread {@code t}'s share of the batch-mean gradient and
     * returns the batch-mean loss.
     */
    private double gradientStep(Mlp net, double[][] inputs, int[] labels, int[] order,
            int from, int to, Mlp[] partial, Tape[] tapes) {
        int threads = partial.length;
        int size = to - from;
        if (threads == 1 || size < threads) {
            for (int t = 1; t < threads; t++) {
                partial[t].clear();
            }
            return slice(net, inputs, labels, order, from, to, size, partial[0], tapes[0]);
        }
        List<Callable<Double>> tasks = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int a = from + size * t / threads;
            int b = from + size * (t + 1) / threads;
            Mlp buffer = partial[t];
            Tape tape = tapes[t];
            tasks.add(() -> slice(net, inputs, labels, order, a, b, size, buffer, tape));
        }
        double loss = 0.0;
        try {
            for (Future<Double> f : pool.invokeAll(tasks)) {
                loss += f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return loss;
    }

    /**
     * Clears {@code buffer} and adds into it {@code (slice/batch)·∂(slice mean)/∂θ}, the slice's
     * share of the batch mean's gradient; returns the slice's share of the batch-mean loss.
     */
    private static double slice(Mlp net, double[][] inputs, int[] labels, int[] order,
            int from, int to, int batch, Mlp buffer, Tape tape) {
        buffer.clear();
        double share = (double) (to - from) / batch;
        double mean = MlpGrad.batchLossAdjoint(inputs, labels, order, from, to, net.w1(),
                net.b1(), net.w2(), net.b2(), share, NO_SCALARS, buffer.w1(), buffer.b1(),
                buffer.w2(), buffer.b2(), tape);
        return share * mean;
    }

    private static final double[] NO_SCALARS = new double[0];

    /**
     * Mean loss and accuracy of {@code net} on {@code data}, split across the trainer's threads.
     *
     * @param net the network
     * @param data the examples
     * @return {@code {mean loss, accuracy}}
     */
    public double[] evaluate(Mlp net, Dataset data) {
        int n = data.size();
        double loss = 0.0;
        double correct = 0.0;
        if (pool == null || n < config.threads()) {
            double[] r = net.lossAndCorrect(data, 0, n);
            loss = r[0];
            correct = r[1];
        } else {
            List<Callable<double[]>> tasks = new ArrayList<>();
            int threads = config.threads();
            for (int t = 0; t < threads; t++) {
                int a = n * t / threads;
                int b = n * (t + 1) / threads;
                tasks.add(() -> net.lossAndCorrect(data, a, b));
            }
            try {
                for (Future<double[]> f : pool.invokeAll(tasks)) {
                    loss += f.get()[0];
                    correct += f.get()[1];
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return new double[] {loss / n, correct / n};
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
