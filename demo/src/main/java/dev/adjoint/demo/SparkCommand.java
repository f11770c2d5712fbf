package dev.adjoint.demo;

import dev.adjoint.demo.spark.Examples;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code spark greeks|scaling}: a Black–Scholes book's sensitivities computed on Spark and checked
 * against the local loop, or the examples per second of the MLP gradient on 1, 2 and 4
 * partitions against the single-threaded loop. ({@code train --spark} trains on Spark.)
 */
@Command(name = "spark", mixinStandardHelpOptions = true,
        description = {"Adjoint's gradients on Apache Spark.",
            "greeks: Greeks of a Black-Scholes book of synthetic trades, summed on Spark, checked"
                + " against the local loop and, on a sample of trades, the closed forms.",
            "scaling: examples/s of the MNIST MLP gradient for 1, 2, 4 partitions against the"
                + " single-threaded local loop, and Spark's overhead on 100 examples."})
final class SparkCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "greeks|scaling", description = "What to run.")
    String what;

    @Option(names = "--master", paramLabel = "URL", description = "Spark master (default:"
            + " ${DEFAULT-VALUE}).", defaultValue = "local[*]")
    String master;

    @Option(names = "--trades", paramLabel = "N", description = "Trades in the book (greeks;"
            + " default 1000000).")
    Integer trades;

    @Option(names = "--repeats", paramLabel = "N", description = "Rounds per measurement"
            + " (scaling; default 5).")
    Integer repeats;

    @Override
    public Integer call() {
        if (!what.equals("greeks") && !what.equals("scaling")) {
            System.err.println("spark: expected greeks or scaling, not " + what);
            return 2;
        }
        List<String> args = new ArrayList<>(List.of(what, "--master", master));
        if (trades != null) {
            args.addAll(List.of("--trades", trades.toString()));
        }
        if (repeats != null) {
            args.addAll(List.of("--repeats", repeats.toString()));
        }
        Examples.main(args.toArray(String[]::new));
        return 0;
    }
}
