package dev.adjoint.demo;

import dev.adjoint.GradientCheck;
import java.util.List;

/**
 * Prints the seed document's examples with the gradients Adjoint generated for them, each next
 * to the hand-derived result and a central-difference check.
 */
public final class Demo {

    private Demo() {
    }

    /**
     * Runs the demo.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        System.out.print(output());
    }

    /**
     * The whole demo output at the seed's points.
     *
     * @return the text printed by {@link #main}
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
        return "Adjoint demo: the examples of \"Backpropagation & Computation Graphs\"\n"
                + "  Adjoint       = gradient from the generated SeedExamplesGrad (reverse mode)\n"
                + "  central diff. = 5-point central differences, GradientCheck, h = "
                + Format.number(GradientCheck.DEFAULT_STEP) + " * max(1, |param|)\n"
                + "  rel. error    = |Adjoint - central| / max(1, |Adjoint|, |central|)\n\n";
    }
}
