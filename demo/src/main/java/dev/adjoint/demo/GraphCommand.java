package dev.adjoint.demo;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code graph}: a placeholder until the generated computation-graph API lands. */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = "Print a method's computation graph (coming next).")
final class GraphCommand implements Callable<Integer> {

    /** What the command prints for now. */
    static final String MESSAGE = "graph: coming next. Adjoint will generate each"
            + " @Differentiable method's computation graph (nodes, forward values and adjoints);"
            + " until then, `walkthrough` prints the linear unit's graph node by node.";

    @Override
    public Integer call() {
        System.out.println(MESSAGE);
        return 0;
    }
}
