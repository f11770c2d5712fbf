package dev.adjoint.demo;

import dev.adjoint.ComputationGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code graph}: the computation graph of one of the seed's examples, as the generated
 * {@code ...Graph} methods record it, with every node's value and adjoint.
 */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Print the computation graph of one evaluation of a seed example:"
                + " every node's forward value and its adjoint dJ/dnode.")
final class GraphCommand implements Callable<Integer> {

    /** The seed's examples, at the seed's points. */
    enum Example { LINEAR, TWO_LAYER, SQUARE }

    /** How to render the graph. */
    enum Format { TABLE, DOT, MERMAID }

    @Option(names = "--example", defaultValue = "linear",
            description = "linear (w=2, x=3, b=1, y=4), two_layer (x=1, y=5, w1=2, b1=0, w2=3,"
                    + " b2=1) or square (w=3). Default: ${DEFAULT-VALUE}.")
    Example example;

    @Option(names = "--format", defaultValue = "table",
            description = "table, dot (Graphviz: dot -Tsvg) or mermaid. Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--output", description = "Write to this file instead of standard output.")
    Path output;

    /** The graph of the chosen example. */
    static ComputationGraph graph(Example example) {
        return switch (example) {
            case LINEAR -> SeedExamplesGrad.linearUnitGraph(2, 3, 1, 4);
            case TWO_LAYER -> SeedExamplesGrad.twoLayerGraph(1, 5, 2, 0, 3, 1);
            case SQUARE -> SeedExamplesGrad.squareGraph(3);
        };
    }

    /** The chosen rendering. */
    static String render(ComputationGraph graph, Format format) {
        return switch (format) {
            case TABLE -> graph.toTable();
            case DOT -> graph.toDot();
            case MERMAID -> graph.toMermaid();
        };
    }

    @Override
    public Integer call() throws IOException {
        String text = render(graph(example), format);
        if (output == null) {
            System.out.print(text);
        } else {
            Files.writeString(output, text);
            System.out.println("wrote " + output);
        }
        return 0;
    }
}
