package dev.adjoint.demo.spark;

import dev.adjoint.demo.train.Dataset;
import dev.adjoint.demo.train.Mlp;
import dev.adjoint.demo.train.Trainer;
import dev.adjoint.demo.train.Training;
import dev.adjoint.spark.DistributedGradient;
import dev.adjoint.spark.LossAndGradient;
import dev.adjoint.spark.MiniBatchTrainer;
import dev.adjoint.spark.MllibGradient;
import dev.adjoint.spark.Params;
import dev.adjoint.spark.Portfolio;
import dev.adjoint.spark.examples.BlackScholes;
import dev.adjoint.spark.examples.BlackScholesGrad;
import dev.adjoint.spark.examples.Softmax;
import dev.adjoint.spark.examples.SoftmaxGrad;
import dev.adjoint.spark.examples.Trades;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.optimization.Gradient;
import org.apache.spark.mllib.optimization.LBFGS;
import org.apache.spark.mllib.optimization.LogisticGradient;
import org.apache.spark.mllib.optimization.SquaredL2Updater;
import scala.Tuple2;

/**
 * Runnable examples of Adjoint on Spark: {@code train} (the demo's MNIST MLP with the mini-batch
 * trainer, and softmax regression with MLlib's L-BFGS), {@code greeks} (a Black–Scholes book's
 * sensitivities), {@code scaling} (examples per second against the local loop). Every command
 * takes {@code --master URL} (default {@code local[*]}); under spark-submit the master comes
 * from spark-submit.
 */
public final class Examples {

    private static final PrintStream OUT = System.out;

    private Examples() {
    }

    /**
     * Runs one example.
     *
     * @param args {@code train|greeks|scaling|help [--option value]…}
     */
    public static void main(String[] args) {
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile",
                    "adjoint-spark-examples-log4j2.properties");
        }
        if (args.length == 1 && args[0].contains(" ")) {
            args = args[0].trim().split("\\s+");
        }
        String command = args.length == 0 ? "help" : args[0];
        Map<String, String> o = options(Arrays.copyOfRange(args, Math.min(1, args.length),
                args.length));
        switch (command) {
            case "train" -> withSpark(o, sc -> train(sc, o));
            case "greeks" -> withSpark(o, sc -> greeks(sc, o));
            case "scaling" -> withSpark(o, sc -> scaling(sc, o));
            default -> help();
        }
    }

    private static void help() {
        OUT.println("""
                usage: Examples COMMAND [--master URL] [options]
                  train    MNIST MLP (mini-batch, the demo's optimizer) and softmax regression
                           (MLlib L-BFGS) on Spark, each against its local run
                           --model mlp|logistic|both (both)  --epochs N (8)  --batch N (32)
                           --partitions N (cores)  --iterations N (L-BFGS, 100)
                  greeks   Black-Scholes book on Spark, Greeks checked against the local loop
                           --trades N (1000000)  --partitions N (4)
                  scaling  examples/s of the MLP gradient for 1, 2, 4 partitions against the
                           single-threaded local loop, and Spark's overhead on 100 examples
                           --repeats N (5)""");
    }

    private interface Job {
        void run(JavaSparkContext sc);
    }

    private static void withSpark(Map<String, String> o, Job job) {
        Configurator.setRootLevel(Level.WARN);
        Configurator.setLevel("org.apache.spark", Level.ERROR);
        Configurator.setLevel("org.sparkproject", Level.ERROR);
        SparkConf conf = new SparkConf().setAppName("adjoint-spark-examples")
                .set("spark.ui.enabled", "false");
        if (o.containsKey("master") || !conf.contains("spark.master")) {
            conf.setMaster(o.getOrDefault("master", "local[*]"));
        }
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            sc.setLogLevel("ERROR");
            OUT.printf(Locale.ROOT, "Spark %s, master %s, default parallelism %d, Java %s%n",
                    sc.version(), sc.master(), sc.defaultParallelism(),
                    System.getProperty("java.version"));
            job.run(sc);
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value at '" + args[i]
                        + "'");
            }
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }

    private static int intOption(Map<String, String> o, String name, int fallback) {
        return o.containsKey(name) ? Integer.parseInt(o.get(name).replace("_", "")) : fallback;
    }

    // ---------------------------------------------------------------- train

    private static void train(JavaSparkContext sc, Map<String, String> o) {
        String model = o.getOrDefault("model", "both");
        if (!model.equals("logistic")) {
            trainMlp(sc, o);
        }
        if (!model.equals("mlp")) {
            trainLogistic(sc, o);
        }
    }

    /**
     * The demo's MNIST run on Spark: same data split, initial weights, shuffles and optimizer
     * (the demo's own {@code Optimizer}), so the two runs compute the same steps up to the order
     * of floating-point additions.
     */
    private static void trainMlp(JavaSparkContext sc, Map<String, String> o) {
        Training.Run preset = Training.defaults("mnist");
        Trainer.Config d = preset.config();
        Trainer.Config c = new Trainer.Config(d.hidden(), intOption(o, "epochs", d.epochs()),
                intOption(o, "batch", d.batch()), d.optimizer(), d.learningRate(), d.cosine(),
                d.weightDecay(), d.seed(), d.threads());
        Training.Run run = new Training.Run(preset.dataset(), preset.limit(),
                preset.trainSize(), preset.splitSeed(), c);
        Dataset.Split split = Training.data(run);
        int partitions = intOption(o, "partitions", sc.defaultParallelism());
        OUT.println();
        OUT.println(Training.header(run, split).replace(", " + c.threads() + " threads",
                ", " + partitions + " Spark partitions"));
        OUT.println("  on Spark: MiniBatchTrainer, gradients MlpGrad.exampleLossAdjoint summed per"
                + " partition, combined by treeAggregate");
        OUT.println(Training.progressHeader());

        Dataset train = split.train();
        SplittableRandom random = new SplittableRandom(c.seed());
        Mlp net = Mlp.initial(train.featureCount(), c.hidden(), train.classes().size(),
                random);
        int n = train.size();
        int batch = Math.min(c.batch(), n);
        int steps = (n + batch - 1) / batch;
        dev.adjoint.demo.train.Optimizer demoOptimizer = dev.adjoint.demo.train.Optimizer
                .named(c.optimizer(), c.learningRate(), net).weightDecay(c.weightDecay())
                .cosine(c.cosine() ? steps * c.epochs() : 0);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Params params = Params.of(net.w1(), net.b1(), net.w2(), net.b2());
        long start = System.nanoTime();
        double[] epochLoss = new double[1];
        long[] epochStart = {System.nanoTime()};
        try (MiniBatchTrainer<Digit> trainer = new MiniBatchTrainer<>(
                Digit.training(sc, partitions, 0), Digit.MLP_LOSS)) {
            trainer.batchSize(batch).epochs(c.epochs()).order((epoch, size) -> {
                Dataset.shuffle(order, random);
                return order;
            });
            trainer.train(params, (p, g) -> demoOptimizer.step(network(p), network(g)),
                    (s, p) -> {
                        if (s.step() == 0) {
                            epochStart[0] = System.nanoTime();
                            epochLoss[0] = 0.0;
                        }
                        epochLoss[0] += s.meanLoss();
                        if (s.step() == s.steps() - 1) {
                            double seconds = (System.nanoTime() - epochStart[0]) / 1e9;
                            Mlp now = network(p);
                            double[] tr = now.lossAndCorrect(train, 0, n);
                            double[] te = now.lossAndCorrect(split.test(), 0,
                                    split.test().size());
                            OUT.println(Training.progressLine(new Trainer.Epoch(s.epoch(),
                                    epochLoss[0] / s.steps(), tr[1] / n, te[0] / split.test()
                                    .size(), te[1] / split.test().size(), n / seconds,
                                    (System.nanoTime() - start) / 1e9), c.epochs()));
                        }
                    });
        }
        double[] te = net.lossAndCorrect(split.test(), 0, split.test().size());
        double sparkAccuracy = te[1] / split.test().size();
        double sparkSeconds = (System.nanoTime() - start) / 1e9;
        OUT.printf(Locale.ROOT, "Spark: test accuracy %.2f %% after %d epochs, %.1f s%n",
                100 * sparkAccuracy, c.epochs(), sparkSeconds);
        OUT.println("the same run on this machine (the demo's Trainer):");
        Trainer.Config localConfig = new Trainer.Config(c.hidden(), c.epochs(), c.batch(),
                c.optimizer(), c.learningRate(), c.cosine(), c.weightDecay(), c.seed(), 1);
        Trainer.Result local;
        try (Trainer t = new Trainer(localConfig)) {
            local = t.train(train, split.test(), e -> { });
        }
        Mlp ln = local.network();
        double maxDiff = 0.0;
        double[] a = Params.of(ln.w1(), ln.b1(), ln.w2(), ln.b2()).toArray();
        double[] b = params.toArray();
        for (int i = 0; i < a.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
        }
        OUT.printf(Locale.ROOT, "local: test accuracy %.2f %% after %d epochs, %.1f s (1 thread);"
                + " max |θ_spark − θ_local| = %.1e%n", 100 * local.last().testAccuracy(),
                c.epochs(), local.last().elapsedSeconds(), maxDiff);
    }

    private static Mlp network(Params p) {
        return new Mlp(p.matrix(0), p.vector(1), p.matrix(2), p.vector(3));
    }

    private static final double[] NO_SCALARS = new double[0];

    /** Softmax regression on MNIST with MLlib's L-BFGS and the generated gradient. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void trainLogistic(JavaSparkContext sc, Map<String, String> o) {
        Dataset.Split split = Training.data(Training.defaults("mnist"));
        int classes = split.train().classes().size();
        int iterations = intOption(o, "iterations", 100);
        int partitions = intOption(o, "partitions", sc.defaultParallelism());
        JavaRDD<Digit> digits = Digit.training(sc, partitions, 0);
        JavaRDD<Tuple2<Object, Vector>> data = digits.map(d -> new Tuple2<Object, Vector>(
                (double) d.label(), Vectors.dense(withIntercept(d.x())))).cache();
        data.count();
        digits.unpersist();
        int dim = (classes - 1) * 785;
        OUT.println();
        OUT.printf(Locale.ROOT, "Softmax regression on MNIST: %,d weights, %,d training / %,d test"
                + " examples, MLlib L-BFGS (10 corrections, L2 1e-4, %d iterations), %d"
                + " partitions%n", dim, split.train().size(), split.test().size(), iterations,
                partitions);
        Gradient adjoint = new MllibGradient((x, y, w, g, tape) ->
                SoftmaxGrad.lossAdjoint(w, x, (int) y, classes, 1.0, NO_SCALARS, g, tape));
        for (Object[] run : new Object[][] {
            {"Adjoint (generated SoftmaxGrad.lossAdjoint)", adjoint},
            {"MLlib's hand-written LogisticGradient", new LogisticGradient(classes)}}) {
            long start = System.nanoTime();
            Tuple2<Vector, double[]> r = LBFGS.runLBFGS(data.rdd(), (Gradient) run[1],
                    new SquaredL2Updater(), 10, 1e-9, iterations, 1e-4, Vectors.zeros(dim));
            double seconds = (System.nanoTime() - start) / 1e9;
            double[] h = r._2();
            OUT.println(run[0] + ":");
            OUT.println("  iteration        loss");
            for (int i = 0; i < h.length; i++) {
                if (i < 5 || i % 10 == 0 || i == h.length - 1) {
                    OUT.printf(Locale.ROOT, "  %9d  %10.6f%n", i, h[i]);
                }
            }
            double[] w = r._1().toArray();
            OUT.printf(Locale.ROOT, "  train accuracy %.2f %%, test accuracy %.2f %%, %d"
                    + " iterations in %.1f s%n", 100 * accuracy(w, split.train(), classes),
                    100 * accuracy(w, split.test(), classes), h.length - 1, seconds);
        }
        data.unpersist();
    }

    private static double[] withIntercept(double[] x) {
        double[] v = Arrays.copyOf(x, x.length + 1);
        v[x.length] = 1.0;
        return v;
    }

    private static double accuracy(double[] w, Dataset data, int classes) {
        int correct = 0;
        for (int i = 0; i < data.size(); i++) {
            if (Softmax.predict(w, withIntercept(data.features()[i]), classes)
                    == data.labels()[i]) {
                correct++;
            }
        }
        return (double) correct / data.size();
    }

    // ---------------------------------------------------------------- greeks

    private static void greeks(JavaSparkContext sc, Map<String, String> o) {
        long n = intOption(o, "trades", 1_000_000);
        int partitions = intOption(o, "partitions", 4);
        long seed = 2026L;
        double[] market = Trades.market();
        JavaRDD<Trades.Trade> trades = Trades.generate(sc, n, partitions, seed);
        long sample = Math.max(1, n / 10);
        long start = System.nanoTime();
        Portfolio.Risk<Trades.Trade> risk = Portfolio.risk(trades, Trades.PRICER, market,
                t -> t.id() % sample == 0);
        double coldSeconds = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        risk = Portfolio.risk(trades, Trades.PRICER, market, t -> t.id() % sample == 0);
        double sparkSeconds = (System.nanoTime() - start) / 1e9;
        OUT.println();
        OUT.printf(Locale.ROOT, "Black-Scholes book: %,d European options on %d underlyings,"
                + " %d partitions (trades made on the executors)%n", risk.trades(),
                Trades.UNDERLYINGS, partitions);
        OUT.printf(Locale.ROOT, "Spark: value and %d Greeks in one pass, %.2f s (%,.0f trades/s,"
                + " generation included; first call %.2f s)%n", market.length, sparkSeconds,
                n / sparkSeconds, coldSeconds);

        List<Trades.Trade> all = new ArrayList<>();
        for (long id = 0; id < n; id++) {
            all.add(Trades.trade(id, seed));
        }
        start = System.nanoTime();
        Portfolio.Risk<Trades.Trade> local = Portfolio.local(all, Trades.PRICER, market);
        double localSeconds = (System.nanoTime() - start) / 1e9;
        OUT.printf(Locale.ROOT, "local loop: %.2f s (%,.0f trades/s, 1 thread)%n", localSeconds,
                n / localSeconds);
        String[] names = new String[market.length];
        for (int u = 0; u < Trades.UNDERLYINGS; u++) {
            names[u] = "delta S" + u;
            names[Trades.UNDERLYINGS + u] = "vega  S" + u;
        }
        names[market.length - 1] = "rho";
        OUT.printf(Locale.ROOT, "  %-10s %20s %20s %9s%n", "", "Spark", "local loop",
                "rel.diff");
        OUT.printf(Locale.ROOT, "  %-10s %20.6f %20.6f %9.1e%n", "value", risk.value(),
                local.value(), rel(risk.value(), local.value()));
        double worst = rel(risk.value(), local.value());
        for (int i = 0; i < market.length; i++) {
            double d = rel(risk.sensitivities()[i], local.sensitivities()[i]);
            worst = Math.max(worst, d);
            OUT.printf(Locale.ROOT, "  %-10s %20.6f %20.6f %9.1e%n", names[i],
                    risk.sensitivities()[i], local.sensitivities()[i], d);
        }
        double worstSample = 0.0;
        for (Portfolio.TradeRisk<Trades.Trade> r : risk.kept()) {
            double[] closed = Trades.closedForm(r.trade(), market);
            int u = r.trade().underlying();
            double[] mine = {r.value(), r.sensitivities()[u],
                r.sensitivities()[Trades.UNDERLYINGS + u],
                r.sensitivities()[2 * Trades.UNDERLYINGS]};
            for (int k = 0; k < 4; k++) {
                worstSample = Math.max(worstSample, Math.abs(mine[k] - closed[k])
                        / Math.max(1.0, Math.abs(closed[k])));
            }
        }
        OUT.printf(Locale.ROOT, "totals: max relative difference Spark vs local loop %.1e%n",
                worst);
        OUT.printf(Locale.ROOT, "sample of %d trades kept on Spark: value, delta, vega, rho vs"
                + " the closed forms, max difference %.1e%n", risk.kept().size(), worstSample);
    }

    private static double rel(double a, double b) {
        return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
    }

    // ---------------------------------------------------------------- scaling

    private static void scaling(JavaSparkContext sc, Map<String, String> o) {
        int repeats = intOption(o, "repeats", 5);
        Dataset.Split split = Training.data(Training.defaults("mnist"));
        List<Digit> digits = Digit.of(split.train());
        Mlp net = Mlp.initial(784, 64, 10, new SplittableRandom(1));
        Params params = Params.of(net.w1(), net.b1(), net.w2(), net.b2());
        int n = digits.size();
        OUT.println();
        OUT.printf(Locale.ROOT, "Full-batch gradient of the demo's MNIST MLP (784-64-10, %,d"
                + " parameters) over %,d examples; median of %d after 2 warm-ups%n",
                params.size(), n, repeats);
        OUT.printf(Locale.ROOT, "  %-34s %12s %12s%n", "", "examples/s", "vs local");
        double localRate = n / median(repeats, () ->
                DistributedGradient.local(digits, Digit.MLP_LOSS, params));
        OUT.printf(Locale.ROOT, "  %-34s %,12.0f %11.2fx%n", "local loop (1 thread)", localRate,
                1.0);
        for (int partitions : new int[] {1, 2, 4}) {
            JavaRDD<Digit> rdd = Digit.training(sc, partitions, 0);
            double rate = n / median(repeats, () ->
                    DistributedGradient.compute(rdd, Digit.MLP_LOSS, params));
            OUT.printf(Locale.ROOT, "  %-34s %,12.0f %11.2fx%n", "Spark " + sc.master() + ", "
                    + partitions + " partition" + (partitions == 1 ? "" : "s"), rate,
                    rate / localRate);
            rdd.unpersist();
        }
        List<Digit> small = digits.subList(0, 100);
        double localSmall = median(repeats * 4, () ->
                DistributedGradient.local(small, Digit.MLP_LOSS, params));
        JavaRDD<Digit> rdd = Digit.training(sc, 2, 100);
        double sparkSmall = median(repeats * 4, () ->
                DistributedGradient.compute(rdd, Digit.MLP_LOSS, params));
        OUT.printf(Locale.ROOT, "Overhead on a small data set (100 examples, 2 partitions): local"
                + " %.1f ms, Spark %.1f ms per gradient: %.1f ms of Spark per call"
                + " (broadcast, 2 tasks, treeAggregate of %,d-double buffers)%n",
                1e3 * localSmall, 1e3 * sparkSmall, 1e3 * (sparkSmall - localSmall),
                params.size());
        Params tiny = Params.vector(new double[2 * 5]);
        JavaRDD<Integer> none = sc.parallelize(List.of(1, 2), 2).cache();
        none.count();
        double floor = median(repeats * 4, () -> DistributedGradient.compute(none,
                (e, p, g, tape) -> 0.0, tiny));
        OUT.printf(Locale.ROOT, "Floor: one DistributedGradient call on 2 trivial examples with"
                + " 10 parameters takes %.1f ms%n", 1e3 * floor);
    }

    private interface Work {
        LossAndGradient run();
    }

    private static double median(int repeats, Work work) {
        work.run();
        work.run();
        double[] t = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long s = System.nanoTime();
            work.run();
            t[i] = (System.nanoTime() - s) / 1e9;
        }
        Arrays.sort(t);
        return t[repeats / 2];
    }
}
