package dev.adjoint.demo;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code walkthrough}: the seed document's examples, step by step, as aligned tables. */
@Command(name = "walkthrough", mixinStandardHelpOptions = true,
        description = {"The seed's examples with generated gradients and numerical checks:",
            "  1. the derivative as a slope, 2. the linear unit's computation graph,",
            "  3. the two-layer ReLU net, 4. gradient descent."})
final class WalkthroughCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.print(Demo.output());
        return 0;
    }
}
