package dev.adjoint.demo;

import dev.adjoint.demo.second.CurveFitSection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code curvefit}: a Levenberg–Marquardt fit through Hipparchus' optimiser, with the Jacobian
 * Adjoint generates.
 */
@Command(name = "curvefit", mixinStandardHelpOptions = true,
        description = {"Fits y = a exp(-k t) + c with Hipparchus' LevenbergMarquardtOptimizer;"
                + " values and Jacobian", "come from the generated"
                + " SecondOrderModelsGrad.curveJacobian through a MultivariateJacobianFunction."})
final class CurveFitCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.print(CurveFitSection.render());
        return 0;
    }
}
