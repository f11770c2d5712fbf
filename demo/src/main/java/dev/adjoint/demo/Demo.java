package dev.adjoint.demo;

import dev.adjoint.GradientCheck;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The demo's command line: {@code walkthrough} (the default) prints the seed document's examples
 * with the gradients Adjoint generated for them; {@code train} trains an MLP on MNIST or Iris
 * with a generated gradient; {@code graph} prints a seed example's computation graph;
 * {@code newton} and {@code curvefit} use the generated Hessian and Jacobian (Newton's method,
 * and a Levenberg–Marquardt fit through Hipparchus' optimiser).
 *
 * <pre>
 * mvn -q -pl demo -am compile exec:java                                   # the walkthrough
 * mvn -q -pl demo -am compile exec:java -Dexec.args="train --plot loss.png"
 * mvn -q -pl demo -am compile exec:java -Dexec.args="train --spark local[*]"
 * mvn -q -pl demo -am compile exec:java -Dexec.args="spark greeks"
 * mvn -q -pl demo -am compile exec:java -Dexec.args="newton"
 * mvn -q -pl demo -am compile exec:java -Dexec.args="curvefit"
 * mvn -q -pl demo -am compile exec:java -Dexec.args="--help"
 * </pre>
 */
@Command(name = "adjoint-demo", mixinStandardHelpOptions = true,
        version = "Adjoint demo 0.1.0-SNAPSHOT",
        description = {"Backpropagation on the JVM with Adjoint: gradients generated at compile"
                + " time from ordinary Java.", "Without a command, runs the walkthrough."},
        subcommands = {WalkthroughCommand.class, TrainCommand.class, GraphCommand.class,
            SparkCommand.class, NewtonCommand.class, CurveFitCommand.class,
            CommandLine.HelpCommand.class})
public final class Demo implements Callable<Integer> {

    /**
     * Runs the demo.
     *
     * @param args a command and its options; none for the walkthrough
     */
    public static void main(String[] args) {
        int code = commandLine().execute(args);
        System.out.flush();
        if (code != 0) {
            System.exit(code);
        }
    }

    /**
     * The configured command line, for {@link #main} and tests.
     *
     * @return a new command line
     */
    public static CommandLine commandLine() {
        return new CommandLine(new Demo()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public Integer call() {
        System.out.print(output());
        return 0;
    }

    /**
     * The whole walkthrough at the seed's points.
     *
     * @return the text printed by the {@code walkthrough} command
     */
    public static String output() {
        return render(SeedDemo.seedSections());
    }

    /**
     * Renders the header followed by the given sections.
     *
     * @param sections the sections
     * @return the text
     */
    public static String render(List<SeedDemo.Section> sections) {
        StringBuilder sb = new StringBuilder(header());
        for (SeedDemo.Section section : sections) {
            sb.append(section.render());
        }
        return sb.toString();
    }

    /**
     * The explanation printed above the sections.
     *
     * @return the header, ending with a blank line
     */
    public static String header() {
        return "Adjoint walkthrough: the examples of \"Backpropagation & Computation Graphs\"\n"
                + "  Adjoint       = gradient from the generated SeedExamplesGrad (reverse mode)\n"
                + "  central diff. = 5-point central differences, GradientCheck, h = "
                + Format.number(GradientCheck.DEFAULT_STEP) + " * max(1, |param|)\n"
                + "  rel. error    = |Adjoint - central| / max(1, |Adjoint|, |central|)\n\n";
    }
}
