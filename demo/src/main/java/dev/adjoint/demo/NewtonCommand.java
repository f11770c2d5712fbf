package dev.adjoint.demo;

import dev.adjoint.demo.second.NewtonSection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code newton}: Newton's method on Rosenbrock with the Hessian Adjoint generates. */
@Command(name = "newton", mixinStandardHelpOptions = true,
        description = {"Newton's method on Rosenbrock from (-1.2, 1), each step solving with the"
                + " generated Hessian", "(SecondOrderModelsGrad.rosenbrockHessian): quadratic"
                + " convergence, iterations printed."})
final class NewtonCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.print(NewtonSection.render());
        return 0;
    }
}
