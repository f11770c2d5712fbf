package dev.adjoint.corpus;

import java.util.List;

/** Prints every case's verdict (for running the corpus outside JUnit). */
final class CorpusMain {
    private CorpusMain() {
    }

    public static void main(String[] args) {
        int bad = 0;
        for (CorpusCases.Case c : CorpusCases.all()) {
            if (args.length > 0 && !c.label().contains(args[0])) {
                continue;
            }
            List<String> p;
            try {
                p = c.run();
            } catch (Throwable t) {
                p = List.of("threw " + t + (t.getCause() != null ? " caused by " + t.getCause() : ""));
            }
            System.out.println((p.isEmpty() ? "OK    " : "WRONG ") + c.label());
            for (String s : p) {
                System.out.println("        " + s);
            }
            bad += p.isEmpty() ? 0 : 1;
        }
        System.out.println(bad + " failing cases");
    }
}
